"""What a workbook's cell values do not show, read from the file itself: formulas, error cells, merged ranges.

calamine hands the cached value of a formula cell and nothing of merges in .ods, so each format is looked at in
its own terms: the worksheet XML of an .xlsx by a byte scan (openpyxl then names the cells), the content.xml of an
.ods with a streaming XML parser; an .xls is read in `xls_records`. No third-party library is needed here."""

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

# A spreadsheet's error values: typed into a cell, LibreOffice saves one as a formula (`=#N/A`), still an error.
ERROR_CODES = ("#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A")
_MERGE = re.compile(rb'mergeCell\s+ref="([A-Z]+[0-9]+:[A-Z]+[0-9]+)"')


def column_letters(column: int) -> str:
    """A zero-based column number as its letters (0 → A, 27 → AB)."""
    letters = ""
    column += 1
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def cell_range(row: int, column: int, rows: int, columns: int) -> str:
    """A block of cells in A1 terms (`row` counted from 1, `column` from 0), e.g. C4:D4."""
    return f"{column_letters(column)}{row}:{column_letters(column + columns - 1)}{row + rows - 1}"


@dataclass(frozen=True)
class Mark:
    """A formula, an error cell or a constant TRUE()/FALSE() over a block of cells (.ods repeats equal cells)."""

    row: int  # counted from 1, as the user sees it
    column: int  # counted from 0
    kind: str  # "formula", "error", "true" or "false"
    value: str = ""  # the formula as typed (.ods) or the error's code (#DIV/0!); else the cached value is shown
    rows: int = 1
    columns: int = 1


@dataclass
class SheetMarks:
    """One worksheet's formulas, error cells and merged ranges, and the last row holding anything (.ods)."""

    marks: list[Mark] = field(default_factory=list)
    merged: list[str] = field(default_factory=list)
    rows: int = 0


@dataclass
class XlsxScan:
    """What one worksheet's XML declares, found by a byte scan before any cell is parsed."""

    rows: int = 0
    suspect: bool = False  # a formula or an error cell may be there: the exact reader must look


_ROOT = re.compile(rb"<(\w+:)?worksheet[\s>]")
_DIMENSION = re.compile(rb"<(?:\w+:)?dimension\s+ref=[\"'][A-Z]*[0-9]*:?[A-Z]*([0-9]+)[\"']")
_AFTER_NAME = frozenset(b" \t\r\n>/")
_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_DOC_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def merged_ranges(stream: IO[bytes]) -> list[str]:
    """The merged ranges a worksheet's XML declares (read in chunks; ranges are unique per sheet)."""
    found: dict[str, None] = {}
    tail = b""
    while chunk := stream.read(1 << 20):
        data = tail + chunk
        for match in _MERGE.finditer(data):
            found.setdefault(match.group(1).decode(), None)
        tail = data[-200:]
    return list(found)


def _has_element(data: bytes, start_tag: bytes) -> bool:
    """Whether `data` holds an element named exactly by `start_tag` (`<f` but not `<formula1`)."""
    position = data.find(start_tag)
    while position != -1:
        after = position + len(start_tag)
        if after >= len(data) or data[after] in _AFTER_NAME:
            return True
        position = data.find(start_tag, after)
    return False


def scan_xlsx_sheet(stream: IO[bytes]) -> XlsxScan:
    """The declared (or counted) rows and any sign of a formula or an error cell, in 1 MiB chunks.

    Three byte searches per chunk at most: formulas (`<f>`), error cells (`t="e"`), rows when the sheet
    declares no dimension."""
    scan = XlsxScan()
    first = stream.read(1 << 20)
    root = _ROOT.search(first)
    prefix = (root.group(1) or b"") if root else b""
    formula, row_tag = b"<" + prefix + b"f", b"<" + prefix + b"row"
    errors = [b't="e"'] + ([b"t='e'"] if b"='" in first else [])
    dimension = _DIMENSION.search(first)
    declared = int(dimension.group(1)) if dimension else None
    tail = b""
    chunk = first
    while chunk:
        if declared is None:
            scan.rows += chunk.count(row_tag)
        data = tail + chunk
        if not scan.suspect and (_has_element(data, formula) or any(e in data for e in errors)):
            scan.suspect = True
        tail = data[-16:]
        chunk = stream.read(1 << 20)
    if declared is not None:
        scan.rows = declared
    return scan


def _part(base: str, target: str) -> str:
    """A relationship target as a path inside the zip."""
    if target.startswith("/"):
        return target.lstrip("/")
    folder = base.rsplit("/", 1)[0] + "/" if "/" in base else ""
    parts: list[str] = []
    for piece in (folder + target).split("/"):
        if piece == "..":
            if parts:
                parts.pop()
        elif piece and piece != ".":
            parts.append(piece)
    return "/".join(parts)


def worksheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Worksheet title → its XML part, in workbook order (chart sheets left out, as openpyxl leaves them)."""
    from xml.etree import ElementTree

    package = ElementTree.fromstring(archive.read("_rels/.rels"))
    book = next(r.get("Target", "") for r in package.iter(_RELS) if r.get("Type", "").endswith("/officeDocument"))
    book = _part("", book)
    folder, name = book.rsplit("/", 1) if "/" in book else ("", book)
    rels = ElementTree.fromstring(archive.read(f"{folder}/_rels/{name}.rels" if folder else f"_rels/{name}.rels"))
    worksheets = (r for r in rels.iter(_RELS) if r.get("Type", "").endswith("/worksheet"))
    targets = {r.get("Id"): _part(book, r.get("Target", "")) for r in worksheets}
    sheets: dict[str, str] = {}
    for sheet in ElementTree.fromstring(archive.read(book)).iter(f"{_MAIN}sheet"):
        target = targets.get(sheet.get(_DOC_REL))
        if target is not None:
            sheets[sheet.get("name", "")] = target
    return sheets


_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0 "
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0 "
_CALCEXT = "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0 "
_CELLS = frozenset((_TABLE + "table-cell", _TABLE + "covered-table-cell"))
_TABLE_ELEMENT, _ROW = _TABLE + "table", _TABLE + "table-row"
_CONSTANTS = {"=TRUE()": "true", "=FALSE()": "false"}


class _OdsScan:
    """expat handlers that follow the rows and cells of content.xml, repetitions included, keeping no tree."""

    def __init__(self) -> None:
        self.sheets: dict[str, SheetMarks] = {}
        self.sheet = SheetMarks()
        self.tables = 0  # open table:table elements: a table inside a cell is not a sheet of its own
        self.row = 1  # the number of the current (or next) row
        self.repeat = 1  # how many times the current row repeats
        self.used = False  # whether the current row holds anything
        self.column = 0  # the next cell's column
        self.in_cell = False

    def start(self, name: str, attributes: dict[str, str]) -> None:
        if self.in_cell:  # the commonest case first: a paragraph, annotation or frame in a cell; it is used
            self.used = True
            self.tables += name == _TABLE_ELEMENT
        elif name == _TABLE_ELEMENT:
            self.tables += 1
            if self.tables == 1:
                self.sheet = self.sheets.setdefault(attributes.get(_TABLE + "name", ""), SheetMarks())
                self.row = 1
        elif self.tables != 1:
            return
        elif name == _ROW:
            self.repeat = max(1, int(attributes.get(_TABLE + "number-rows-repeated", "1")))
            self.column, self.used = 0, False
        elif name in _CELLS:
            self._cell(attributes)

    def _cell(self, attributes: dict[str, str]) -> None:
        self.in_cell = True
        columns = max(1, int(attributes.get(_TABLE + "number-columns-repeated", "1")))
        formula = attributes.get(_TABLE + "formula")
        place = (self.row, self.column)
        if formula is not None:
            namespace, colon, typed = formula.partition(":")  # "of:=2+2": the formula's syntax, then the formula
            typed = typed if colon and typed.startswith("=") and "=" not in namespace else formula
            kind = _CONSTANTS.get(typed.replace(" ", "").upper(), "formula")
            if typed[1:] in ERROR_CODES:
                kind, typed = "error", typed[1:]
            self.sheet.marks.append(Mark(*place, kind, typed, self.repeat, columns))
        elif attributes.get(_CALCEXT + "value-type") == "error":
            self.sheet.marks.append(Mark(*place, "error", "", self.repeat, columns))
        across = int(attributes.get(_TABLE + "number-columns-spanned", "1"))
        down = int(attributes.get(_TABLE + "number-rows-spanned", "1"))
        if across > 1 or down > 1:
            self.sheet.merged.append(cell_range(self.row, self.column, max(1, down), max(1, across)))
        if formula is not None or _OFFICE + "value-type" in attributes:
            self.used = True
        self.column += columns

    def end(self, name: str) -> None:
        if name == _TABLE_ELEMENT:
            self.tables -= 1
        elif self.tables != 1:
            return
        elif name in _CELLS:
            self.in_cell = False
        elif name == _ROW:
            if self.used:
                self.sheet.rows = self.row + self.repeat - 1
            self.row += self.repeat


def scan_ods(path: Path) -> dict[str, SheetMarks]:
    """Each sheet of an OpenDocument spreadsheet with its formula cells (`table:formula`, whatever their cached
    value), error cells, merged ranges and last used row, streamed from content.xml.

    LibreOffice writes a TRUE or FALSE it read from Excel as the formula `=TRUE()` or `=FALSE()`, and an error
    value as `=#N/A`: those are marked as the constant or the error they are, not as formulas. Raises ValueError
    (or zipfile's, expat's errors) for what is not one."""
    from xml.parsers import expat

    scan = _OdsScan()
    with zipfile.ZipFile(path) as archive, archive.open("content.xml") as stream:
        parser = expat.ParserCreate(namespace_separator=" ")
        parser.StartElementHandler = scan.start
        parser.EndElementHandler = scan.end
        parser.ParseFile(stream)
    if not scan.sheets:
        raise ValueError("no table in content.xml")
    return scan.sheets
