"""Reading tables out of .xlsx and .csv files as plain values, refusing what cannot be trusted (formulas, merges)."""

import codecs
import csv
import io
import re
import struct
import unicodedata
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, cast

from dossier_app.domain.errors import QT_TRANSLATE_NOOP, RowProblem
from dossier_app.storage.workbook_scans import (
    ERROR_CODES,
    SheetMarks,
    XlsxScan,
    cell_range,
    column_letters,
    merged_ranges,
    scan_ods,
    scan_xlsx_sheet,
    worksheet_parts,
)
from dossier_app.storage.xls_records import scan_xls

Cell = str | int | float | Decimal | date | datetime | bool | None
# The files an import reads, as Excel, LibreOffice Calc and the others save them; the refusal of any other names
# them all (a test keeps that message in step with this list).
IMPORT_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods", ".csv")
# Strict decodes tried in this order; the first that succeeds wins (cp1258 accepts almost any bytes, so it is last).
CSV_ENCODINGS = ("utf-8-sig", "utf-16", "cp1258")
# More rows than this in one sheet (or CSV file) are refused before they are read: split the file.
MAX_ROWS = 500_000  # a 100,000-party register exports ~320,000 compensation lines; a million rows is refused
TOO_MANY_ROWS = QT_TRANSLATE_NOOP("Errors", "The sheet has too many rows for one import; split the file.")
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
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return read_csv(path, csv_sheet)
    if suffix in (".xlsx", ".xlsm"):
        return read_xlsx(path)
    if suffix in (".ods", ".xls"):
        return read_ods_or_xls(path)
    reason = QT_TRANSLATE_NOOP("Errors", "Only .xlsx, .xlsm, .xls, .ods and .csv files can be imported.")
    return ReadResult(problems=[_problem(reason, value=path.name)])


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


def _plain(value: object) -> Cell:
    if value is None or isinstance(value, bool | int | float | Decimal | date):
        return value
    text = unicodedata.normalize("NFC", str(value).strip())
    return text or None


def _not_a_workbook(path: Path) -> ReadResult:
    suffix = path.suffix.lower()
    if suffix == ".ods":
        reason = QT_TRANSLATE_NOOP("Errors", "The file is not an OpenDocument spreadsheet (.ods).")
    elif suffix == ".xls":
        reason = QT_TRANSLATE_NOOP("Errors", "The file is not an Excel 97–2003 workbook (.xls).")
    else:
        reason = QT_TRANSLATE_NOOP("Errors", "The file is not an Excel workbook (.xlsx).")
    return ReadResult(problems=[_problem(reason, value=path.name)], encoding=suffix.lstrip("."))


def read_xlsx(path: Path) -> ReadResult:
    """Every sheet of a workbook, refusing formulas, error cells, merged cells and oversized sheets.

    The cells come through calamine (Rust, several times faster than openpyxl and lighter); a byte scan of
    each sheet's XML first counts its rows and finds merges, formulas and error cells. A workbook with a
    formula or an error cell goes to openpyxl, which names each such cell exactly."""
    from python_calamine import CalamineError, CalamineWorkbook, SheetTypeEnum

    try:
        with zipfile.ZipFile(path) as archive:
            parts = worksheet_parts(archive)
            scans: dict[str, XlsxScan] = {}
            for title, part in parts.items():
                with archive.open(part) as stream:
                    scans[title] = scan_xlsx_sheet(stream)
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


def _merged_calamine(sheet: Any) -> list[str]:
    """calamine's merged ranges of a sheet as A1 references, in the order the file lists them."""
    ranges = sheet.merged_cell_ranges or []
    found = (f"{column_letters(c0)}{r0 + 1}:{column_letters(c1)}{r1 + 1}" for (r0, c0), (r1, c1) in ranges)
    return list(dict.fromkeys(found))


def read_ods_or_xls(path: Path) -> ReadResult:
    """Every sheet of an OpenDocument (.ods) or Excel 97–2003 (.xls) workbook, refused as an .xlsx is.

    calamine reads the cells, but hands a formula's cached value as if it were typed; the file's own records
    (content.xml of an .ods, the BIFF records of an .xls: see `workbook_scans`, `xls_records`) name the formula
    cells, the error cells and the merges, and an .ods's last used row, so a file with an oversized sheet is
    refused before calamine parses it. A sheet calamine lists that those records do not is not vouched for: the
    file is refused."""
    from xml.parsers.expat import ExpatError

    from python_calamine import CalamineError, CalamineWorkbook, SheetTypeEnum

    try:
        found = scan_ods(path) if path.suffix.lower() == ".ods" else scan_xls(path)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, ExpatError, struct.error, IndexError):
        return _not_a_workbook(path)
    result = ReadResult(encoding=path.suffix.lower().lstrip("."))
    for title, marks in found.items():  # calamine parses a whole .ods when it opens it: refuse before
        if marks.rows > MAX_ROWS + 1:
            result.problems.append(_problem(TOO_MANY_ROWS, value=f"{marks.rows}", sheet=title))
    if result.problems:
        return result
    try:
        book = CalamineWorkbook.from_path(str(path))
    except (CalamineError, OSError, ValueError):
        return _not_a_workbook(path)
    with book:
        titles = [m.name for m in book.sheets_metadata if m.typ == SheetTypeEnum.WorkSheet]
        if not set(titles) <= set(found):
            return _not_a_workbook(path)
        for title in titles:
            marks = found[title]
            for cells in dict.fromkeys(marks.merged):
                result.problems.append(_problem(_MERGED, column=cells, sheet=title))
            try:
                sheet = book.get_sheet_by_name(title)
            except CalamineError:
                return _not_a_workbook(path)
            table = _calamine_table(sheet, title, result)
            del sheet
            _apply_marks(table, marks, title, result)
            if table is not None:
                result.tables[title] = table
    return result


def _apply_marks(table: "Table | None", marks: SheetMarks, title: str, result: ReadResult) -> None:
    """Report each formula and error cell by row and column (a block .ods repeats as its range) and empty it, as
    the exact .xlsx reader does; a constant TRUE() or FALSE() becomes the boolean it stands for."""
    rows = dict(table.rows) if table is not None else {}
    for mark in sorted(marks.marks, key=lambda m: (m.row, m.column)):
        constant = mark.kind in ("true", "false")
        if not constant:
            first = rows.get(mark.row, [])
            shown = mark.value or ("" if mark.column >= len(first) else _shown(first[mark.column]))
            where = column_letters(mark.column)
            if mark.rows > 1 or mark.columns > 1:
                where = cell_range(mark.row, mark.column, mark.rows, mark.columns)
            reason = _FORMULA if mark.kind == "formula" else _ERROR
            result.problems.append(_problem(reason, mark.row, where, shown, title))
        for number in range(mark.row, mark.row + mark.rows):
            values = rows.get(number)
            if values is None:
                continue
            for column in range(mark.column, min(mark.column + mark.columns, len(values))):
                values[column] = (mark.kind == "true") if constant else None


def _shown(value: Cell) -> str:
    return "" if value is None else str(value)


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
                    for cells in merged_ranges(stream):
                        result.problems.append(_problem(_MERGED, column=cells, sheet=sheet.title))
            for row in sheet.iter_rows():
                values: list[Cell] = []
                number = 0
                for cell in row:
                    number = getattr(cell, "row", None) or number
                    kind = getattr(cell, "data_type", "n")
                    if kind == "f" and str(cell.value).replace(" ", "").upper() in _CONSTANTS:
                        values.append(_CONSTANTS[str(cell.value).replace(" ", "").upper()])
                        continue  # TRUE() or FALSE(): how LibreOffice saves a boolean, not a formula to refuse
                    if kind in ("f", "e"):
                        shown = str(cell.value)
                        if kind == "f" and shown[1:] in ERROR_CODES:  # an error alone, as LibreOffice saves it
                            kind, shown = "e", shown[1:]
                        reason = _FORMULA if kind == "f" else _ERROR
                        letter = getattr(cell, "column_letter", "")
                        result.problems.append(_problem(reason, number, letter, shown, sheet.title))
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
_FORMULA = QT_TRANSLATE_NOOP("Errors", "Formulas are not accepted; paste the values instead.")
_ERROR = QT_TRANSLATE_NOOP("Errors", "The cell holds a spreadsheet error.")
_CONSTANTS = {"=TRUE()": True, "=FALSE()": False}
