"""Reading tables out of .xlsx and .csv files as plain values, refusing what cannot be trusted (formulas, merges)."""

import codecs
import csv
import io
import re
import unicodedata
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import IO, Any, cast

from dossier_app.domain.errors import QT_TRANSLATE_NOOP, RowProblem

Cell = str | int | float | Decimal | date | datetime | bool | None
# Strict decodes tried in this order; the first that succeeds wins (cp1258 accepts almost any bytes, so it is last).
CSV_ENCODINGS = ("utf-8-sig", "utf-16", "cp1258")
# More rows than this in one sheet (or CSV file) are refused before they are read: split the file.
MAX_ROWS = 500_000  # a 100,000-party register exports ~320,000 compensation lines; a million rows is refused
TOO_MANY_ROWS = QT_TRANSLATE_NOOP("Errors", "The sheet has too many rows for one import; split the file.")
_MERGE = re.compile(rb'mergeCell\s+ref="([A-Z]+[0-9]+:[A-Z]+[0-9]+)"')
# Control characters no CSV text holds: a binary file that happened to decode.
_BINARY = re.compile(r"[\x00-\x08\x0e-\x1f]")


@dataclass
class Table:
    """One sheet: its header cells and its data rows, each with its row number as the user sees it.

    Every reader hands texts stripped and composed (NFC), and an empty cell as None, never as ''."""

    name: str
    header: list[str]
    rows: list[tuple[int, list[Cell]]] = field(default_factory=list)

    def drain(self) -> Iterator[tuple[int, list[Cell]]]:
        """The rows in order, each let go once handed out: an import keeps what it parsed, not the raw cells."""
        rows, self.rows = self.rows, []
        rows.reverse()
        while rows:
            yield rows.pop()


@dataclass
class ReadResult:
    """The tables of a file and the problems found while reading it (a file with problems is refused)."""

    tables: dict[str, Table] = field(default_factory=dict)
    problems: list[RowProblem] = field(default_factory=list)
    encoding: str = ""


def _problem(reason: str, row: int = 0, column: str = "", value: str = "", sheet: str = "") -> RowProblem:
    return RowProblem(row, f"{sheet}: {column}" if sheet and column else (column or sheet), value, reason)


def read_table_file(path: Path, csv_sheet: str) -> ReadResult:
    """Every sheet of a workbook, or the one table of a CSV file (named `csv_sheet`)."""
    try:
        size = path.stat().st_size
    except OSError as error:
        return ReadResult(
            problems=[_problem(QT_TRANSLATE_NOOP("Errors", "The file cannot be read."), value=str(error))]
        )
    if size == 0:
        return ReadResult(problems=[_problem(QT_TRANSLATE_NOOP("Errors", "The file is empty."))])
    if path.suffix.lower() == ".csv":
        return read_csv(path, csv_sheet)
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return read_xlsx(path)
    return ReadResult(
        problems=[_problem(QT_TRANSLATE_NOOP("Errors", "Only .xlsx and .csv files can be imported."), value=path.name)]
    )


def decode_csv(data: bytes) -> tuple[str, str] | None:
    """The text of a CSV file and the encoding it was in, or None when no known encoding decodes it."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates: tuple[str, ...] = ("utf-16",)
    else:
        candidates = tuple(e for e in CSV_ENCODINGS if e != "utf-16")
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if encoding == "utf-8-sig":
            encoding = "utf-8-bom" if data.startswith(codecs.BOM_UTF8) else "utf-8"
        # Windows-1258 writes most Vietnamese letters as a base letter and combining marks: compose them.
        return unicodedata.normalize("NFC", text), encoding
    return None


def read_csv(path: Path, sheet: str) -> ReadResult:
    """A CSV file (comma, semicolon or tab separated) as one table."""
    decoded = decode_csv(path.read_bytes())
    if decoded is None:
        reason = QT_TRANSLATE_NOOP("Errors", "The file is not in UTF-8, UTF-16 or Windows-1258 encoding.")
        return ReadResult(problems=[_problem(reason)])
    text, encoding = decoded
    if _BINARY.search(text, 0, 1 << 16):
        reason = QT_TRANSLATE_NOOP(
            "Errors", "The file holds binary data or text in an unknown encoding; save it as CSV UTF-8."
        )
        return ReadResult(problems=[_problem(reason)], encoding=encoding)
    if not text.strip():
        return ReadResult(problems=[_problem(QT_TRANSLATE_NOOP("Errors", "The file is empty."))], encoding=encoding)
    first = text.splitlines()[0]
    delimiter = max((",", ";", "\t"), key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    table: Table | None = None
    for number, record in enumerate(reader, start=1):
        if table is None:
            table = Table(sheet, [cell.strip() for cell in record])
        elif any(cell.strip() for cell in record):
            if len(table.rows) >= MAX_ROWS:
                return ReadResult(problems=[_problem(TOO_MANY_ROWS, value=f"> {MAX_ROWS}")], encoding=encoding)
            table.rows.append((number, [cell.strip() or None for cell in record]))
    assert table is not None
    return ReadResult(tables={sheet: table}, encoding=encoding)


@dataclass
class _SheetScan:
    """What one worksheet's XML declares, found by a byte scan before any cell is parsed."""

    rows: int = 0
    suspect: bool = False  # a formula or an error cell may be there: the exact reader must look


_ROOT = re.compile(rb"<(\w+:)?worksheet[\s>]")
_DIMENSION = re.compile(rb"<(?:\w+:)?dimension\s+ref=[\"'][A-Z]*[0-9]*:?[A-Z]*([0-9]+)[\"']")
_AFTER_NAME = frozenset(b" \t\r\n>/")
_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_DOC_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def _merged_ranges(stream: IO[bytes]) -> list[str]:
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


def _scan_sheet(stream: IO[bytes]) -> _SheetScan:
    """The declared (or counted) rows and any sign of a formula or an error cell, in 1 MiB chunks.

    Three byte searches per chunk at most: formulas (`<f>`), error cells (`t="e"`), rows when the sheet
    declares no dimension."""
    scan = _SheetScan()
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


def _letters(column: int) -> str:
    """A zero-based column number as its letters (0 → A, 27 → AB)."""
    letters = ""
    column += 1
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _merged_calamine(sheet: Any) -> list[str]:
    """calamine's merged ranges of a sheet as A1 references, in the order the file lists them."""
    ranges = sheet.merged_cell_ranges or []
    found = (f"{_letters(c0)}{r0 + 1}:{_letters(c1)}{r1 + 1}" for (r0, c0), (r1, c1) in ranges)
    return list(dict.fromkeys(found))


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


def _worksheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
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


def _plain(value: object) -> Cell:
    if value is None or isinstance(value, bool | int | float | Decimal | date):
        return value
    text = unicodedata.normalize("NFC", str(value).strip())
    return text or None


def _not_a_workbook(path: Path) -> ReadResult:
    reason = QT_TRANSLATE_NOOP("Errors", "The file is not an Excel workbook (.xlsx).")
    return ReadResult(problems=[_problem(reason, value=path.name)], encoding="xlsx")


def read_xlsx(path: Path) -> ReadResult:
    """Every sheet of a workbook, refusing formulas, error cells, merged cells and oversized sheets.

    The cells come through calamine (Rust, several times faster than openpyxl and lighter); a byte scan of
    each sheet's XML first counts its rows and finds merges, formulas and error cells. A workbook with a
    formula or an error cell goes to openpyxl, which names each such cell exactly."""
    from python_calamine import CalamineError, CalamineWorkbook, SheetTypeEnum

    try:
        with zipfile.ZipFile(path) as archive:
            parts = _worksheet_parts(archive)
            scans: dict[str, _SheetScan] = {}
            for title, part in parts.items():
                with archive.open(part) as stream:
                    scans[title] = _scan_sheet(stream)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, StopIteration, SyntaxError):
        return _not_a_workbook(path)
    if any(scan.suspect for scan in scans.values()):
        return read_xlsx_exactly(path)
    result = ReadResult(encoding="xlsx")
    try:
        book = CalamineWorkbook.from_path(str(path))
    except (CalamineError, OSError, ValueError):
        return _not_a_workbook(path)
    with book:
        titles = [m.name for m in book.sheets_metadata if m.typ == SheetTypeEnum.WorkSheet]
        if set(titles) != set(parts):
            return read_xlsx_exactly(path)  # the package and calamine disagree: let openpyxl judge
        for title in titles:
            scan = scans[title]
            if scan.rows > MAX_ROWS + 1:  # refuse at once, without parsing the cells
                result.problems.append(_problem(TOO_MANY_ROWS, value=f"{scan.rows}", sheet=title))
                continue
            try:
                sheet = book.get_sheet_by_name(title)
            except CalamineError:
                return _not_a_workbook(path)
            for cells in _merged_calamine(sheet):
                result.problems.append(_problem(_MERGED, column=cells, sheet=title))
            table = _calamine_table(sheet, title, result)
            del sheet  # calamine's copy of the cells goes before the next sheet is parsed
            if table is not None:
                result.tables[title] = table
    return result


_KEPT = frozenset((int, bool, date, datetime, type(None)))
_EXACT = 2**53  # floats below this are whole numbers exactly


def _other(value: object) -> Cell:
    """A calamine cell that is neither text nor kept as is: whole floats as int (as openpyxl reads them)."""
    if isinstance(value, float):
        return int(value) if value.is_integer() and abs(value) < 2**53 else value
    return _plain(value)


def _calamine_table(sheet: Any, title: str, result: ReadResult) -> Table | None:
    """One sheet's header and non-empty rows, numbered as the user sees them.

    One comprehension per row (millions of cells): texts are stripped and composed (NFC) once per distinct
    short text and then shared, which also keeps repeated codes, wards, yes/no and units in memory once."""
    end = sheet.end
    if end is None:
        return None
    pad: list[Cell] = [None] * (sheet.start[1] if sheet.start else 0)
    strings: dict[str, str | None] = {"": None}
    normalize = unicodedata.normalize

    def text(value: str) -> str | None:
        clean = normalize("NFC", value.strip()) or None
        if len(value) <= 24:
            strings[value] = clean
        return clean

    table: Table | None = None
    index = -1
    for index, raw in enumerate(sheet.iter_rows()):
        values = cast(
            list[Cell],
            [
                (strings[v] if v in strings else text(v))
                if (kind := v.__class__) is str
                else v
                if kind in _KEPT
                else (int(v) if kind is float and v.is_integer() and -_EXACT < v < _EXACT else _other(v))
                for v in raw
            ],
        )
        if values.count(None) == len(values):
            continue
        if pad:
            values[:0] = pad
        if table is None:
            table = Table(title, ["" if v is None else str(v).strip() for v in values])
        elif len(table.rows) >= MAX_ROWS:
            result.problems.append(_problem(TOO_MANY_ROWS, value=f"> {MAX_ROWS}", sheet=title))
            break
        else:
            table.rows.append((index + 1, values))
    else:
        # The rows came from the sheet's first row (calamine ≥ 0.5) or from its first used one: the last
        # row read is the range's end, so shift the numbers when they do not start at row 1.
        shift = end[0] - index
        if table is not None and shift:
            table.rows = [(number + shift, values) for number, values in table.rows]
    return table


def read_xlsx_exactly(path: Path) -> ReadResult:
    """Every sheet of a workbook through openpyxl (read-only), naming every formula and error cell."""
    from openpyxl import load_workbook  # imported here: openpyxl costs ~80 ms the program's start does not need
    from openpyxl.utils.exceptions import InvalidFileException

    result = ReadResult(encoding="xlsx")
    try:
        workbook = load_workbook(path, read_only=True, data_only=False)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError):
        return _not_a_workbook(path)
    try:
        for sheet in workbook.worksheets:
            table: Table | None = None
            if (sheet.max_row or 0) > MAX_ROWS + 1:  # the declared size: refuse at once, without reading
                result.problems.append(_problem(TOO_MANY_ROWS, value=f"{sheet.max_row}", sheet=sheet.title))
                continue
            source = getattr(sheet, "_get_source", None)
            if source is not None:
                with source() as stream:
                    for cells in _merged_ranges(stream):
                        result.problems.append(_problem(_MERGED, column=cells, sheet=sheet.title))
            for row in sheet.iter_rows():
                values: list[Cell] = []
                number = 0
                for cell in row:
                    number = getattr(cell, "row", None) or number
                    kind = getattr(cell, "data_type", "n")
                    if kind in ("f", "e"):
                        reason = (
                            QT_TRANSLATE_NOOP("Errors", "Formulas are not accepted; paste the values instead.")
                            if kind == "f"
                            else QT_TRANSLATE_NOOP("Errors", "The cell holds a spreadsheet error.")
                        )
                        letter = getattr(cell, "column_letter", "")
                        result.problems.append(_problem(reason, number, letter, str(cell.value), sheet.title))
                        values.append(None)
                        continue
                    values.append(_plain(cell.value))
                if table is None:
                    if not any(v is not None for v in values):
                        continue
                    table = Table(sheet.title, ["" if v is None else str(v).strip() for v in values])
                elif any(v is not None for v in values):
                    if len(table.rows) >= MAX_ROWS:
                        result.problems.append(_problem(TOO_MANY_ROWS, value=f"> {MAX_ROWS}", sheet=sheet.title))
                        break
                    table.rows.append((number, values))
            if table is not None:
                result.tables[sheet.title] = table
    finally:
        workbook.close()
    return result


_MERGED = QT_TRANSLATE_NOOP("Errors", "Merged cells are not accepted; unmerge them.")
