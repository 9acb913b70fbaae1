"""Reading tables out of .xlsx and .csv files as plain values, refusing what cannot be trusted (formulas, merges)."""

import codecs
import csv
import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import IO

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
    """One sheet: its header cells and its data rows, each with its row number as the user sees it."""

    name: str
    header: list[str]
    rows: list[tuple[int, list[Cell]]] = field(default_factory=list)


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


def _plain(value: object) -> Cell:
    if value is None or isinstance(value, bool | int | float | Decimal | date):
        return value
    text = unicodedata.normalize("NFC", str(value).strip())
    return text or None


def read_xlsx(path: Path) -> ReadResult:
    """Every sheet of a workbook, streamed in read-only mode; formulas, errors and merged cells are problems."""
    from openpyxl import load_workbook  # imported here: openpyxl costs ~80 ms the program's start does not need
    from openpyxl.utils.exceptions import InvalidFileException

    result = ReadResult(encoding="xlsx")
    try:
        workbook = load_workbook(path, read_only=True, data_only=False)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError):
        result.problems.append(
            _problem(QT_TRANSLATE_NOOP("Errors", "The file is not an Excel workbook (.xlsx)."), value=path.name)
        )
        return result
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
                        result.problems.append(
                            _problem(
                                QT_TRANSLATE_NOOP("Errors", "Merged cells are not accepted; unmerge them."),
                                column=cells,
                                sheet=sheet.title,
                            )
                        )
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
