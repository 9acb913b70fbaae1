"""What calamine's values hide in .ods and .xls files, found in the files themselves; and which files are read."""

import struct
import zipfile
from pathlib import Path

import pytest
import python_calamine

from dossier_app.storage import spreadsheets
from dossier_app.storage.spreadsheets import IMPORT_SUFFIXES, read_table_file
from dossier_app.storage.workbook_scans import Mark, scan_ods
from dossier_app.storage.xls_records import scan_xls, workbook_stream

_NAMESPACES = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"'
)


def _text(value: str) -> str:
    return f'<table:table-cell office:value-type="string"><text:p>{value}</text:p></table:table-cell>'


def _ods(path: Path, tables: str) -> Path:
    """An OpenDocument spreadsheet holding `tables` (table:table elements), as small as calamine reads."""
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_NAMESPACES} office:version="1.3">'
        f"<office:body><office:spreadsheet>{tables}</office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
        'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
        '<manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/></manifest:manifest>'
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", content)
        archive.writestr("META-INF/manifest.xml", manifest)
    return path


# Rows as LibreOffice writes them: equal rows and cells repeated, a formula copied down, booleans as TRUE(),
# a typed error as =#N/A, a merge and the cell it covers, a table inside a cell, a million empty rows at the end.
SHEET = (
    '<table:table table:name="Hộ">'
    f"<table:table-row>{_text('Mã hộ')}{_text('Số')}{_text('Có')}{_text('Ghi chú')}</table:table-row>"
    '<table:table-row table:number-rows-repeated="2">'
    f"{_text('HT')}"
    '<table:table-cell table:formula="of:=[.A1]*2" office:value-type="float" office:value="4"/>'
    '<table:table-cell table:formula="of:=TRUE()" office:value-type="float" office:value="1"/>'
    '<table:table-cell table:formula="of:=#N/A" office:value-type="string" calcext:value-type="error"/>'
    "</table:table-row>"
    "<table:table-row>"
    f"{_text('HT-4')}"
    '<table:table-cell table:number-columns-spanned="2" office:value-type="float" office:value="3"/>'
    "<table:table-cell/>"  # covered by the merge: counted as a column
    f'<table:table-cell><table:table table:name="inner"><table:table-row>'
    '<table:table-cell table:formula="of:=1+1"/></table:table-row></table:table></table:table-cell>'
    "</table:table-row>"
    '<table:table-row table:number-rows-repeated="1048000">'
    '<table:table-cell table:number-columns-repeated="4"/></table:table-row>'
    "</table:table>"
)


def test_the_ods_scan_follows_repeated_rows_and_cells(tmp_path: Path) -> None:
    found = scan_ods(_ods(tmp_path / "book.ods", SHEET))
    assert list(found) == ["Hộ"]
    sheet = found["Hộ"]
    assert sheet.marks == [
        Mark(2, 1, "formula", "=[.A1]*2", rows=2),
        Mark(2, 2, "true", "=TRUE()", rows=2),
        Mark(2, 3, "error", "#N/A", rows=2),
    ]
    assert sheet.merged == ["B4:C4"]
    assert sheet.rows == 4  # the million empty rows at the end do not count


def test_an_ods_is_read_with_its_formulas_errors_and_merges_named(tmp_path: Path) -> None:
    result = read_table_file(_ods(tmp_path / "book.ods", SHEET), "CSV")
    assert [(p.row, p.column, p.value, p.reason) for p in result.problems] == [
        (0, "Hộ: B4:C4", "", "Merged cells are not accepted; unmerge them."),
        (2, "Hộ: B2:B3", "=[.A1]*2", "Formulas are not accepted; paste the values instead."),
        (2, "Hộ: D2:D3", "#N/A", "The cell holds a spreadsheet error."),
    ]
    table = result.tables["Hộ"]
    assert table.header == ["Mã hộ", "Số", "Có", "Ghi chú"]
    assert table.rows == [(2, ["HT", None, True, None]), (3, ["HT", None, True, None]), (4, ["HT-4", 3, None, None])]
    assert result.encoding == "ods"


def test_an_ods_with_too_many_rows_is_refused_before_calamine_reads_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = "".join(f"<table:table-row>{_text(f'HT-{n}')}</table:table-row>" for n in range(6))
    path = _ods(tmp_path / "big.ods", f'<table:table table:name="Hộ">{rows}</table:table>')
    monkeypatch.setattr(spreadsheets, "MAX_ROWS", 4)

    def unread(*_args: object) -> None:
        raise AssertionError("calamine was asked to parse an oversized .ods")

    monkeypatch.setattr(python_calamine.CalamineWorkbook, "from_path", unread)
    result = read_table_file(path, "CSV")
    assert [(p.column, p.value, p.reason) for p in result.problems] == [
        ("Hộ", "6", "The sheet has too many rows for one import; split the file.")
    ]
    assert result.tables == {}


def _record(kind: int, body: bytes = b"") -> bytes:
    return struct.pack("<HH", kind, len(body)) + body


def _formula(row: int, column: int, tokens: bytes, cached: bytes = struct.pack("<d", 4.0)) -> bytes:
    head = struct.pack("<HHH", row, column, 0) + cached + struct.pack("<HIH", 0, 0, len(tokens))
    return _record(0x0006, head + tokens)


def _biff(sheet: str, records: bytes, globals_extra: bytes = b"", version: int = 0x0600) -> bytes:
    """A workbook stream: the globals (BOF, a BOUNDSHEET naming one worksheet, EOF), then that sheet's records."""
    bof = _record(0x0809, struct.pack("<HHHHII", version, 0x0005, 0, 0, 0, 0))
    name = bytes((len(sheet), 1)) + sheet.encode("utf-16-le")
    globals_length = len(bof) + len(globals_extra) + len(_record(0x0085, bytes(6) + name)) + len(_record(0x000A))
    boundsheet = _record(0x0085, struct.pack("<IBB", globals_length, 0, 0) + name)
    sheet_bof = _record(0x0809, struct.pack("<HHHHII", version, 0x0010, 0, 0, 0, 0))
    return bof + globals_extra + boundsheet + _record(0x000A) + sheet_bof + records + _record(0x000A)


def _compound(path: Path, stream: bytes) -> Path:
    """An OLE2 compound file (512-byte sectors: the FAT, the directory, then the stream) holding `stream` as
    `Workbook`, padded past the 4,096 bytes under which a stream would go to the mini stream."""
    stream = stream.ljust(max(4096, -(-len(stream) // 512) * 512), b"\0")
    count = len(stream) // 512
    fat = [0xFFFFFFFD, 0xFFFFFFFE] + [3 + n for n in range(count - 1)] + [0xFFFFFFFE]
    fat += [0xFFFFFFFF] * (128 - len(fat))
    header = bytes.fromhex("D0CF11E0A1B11AE1") + bytes(16) + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
    header += bytes(6) + struct.pack("<9I", 0, 1, 1, 0, 4096, 0xFFFFFFFE, 0, 0xFFFFFFFE, 0)
    header += struct.pack("<I", 0) + b"\xff" * 4 * 108

    def entry(name: str, kind: int, child: int, start: int, size: int) -> bytes:
        encoded = (name + "\0").encode("utf-16-le")
        head = encoded.ljust(64, b"\0") + struct.pack("<HBB3I", len(encoded), kind, 1, 0xFFFFFFFF, 0xFFFFFFFF, child)
        return head.ljust(0x74, b"\0") + struct.pack("<II", start, size) + bytes(4)

    directory = entry("Root Entry", 5, 1, 0xFFFFFFFE, 0) + entry("Workbook", 2, 0xFFFFFFFF, 2, len(stream))
    directory = directory.ljust(512, b"\0")
    path.write_bytes(header + struct.pack("<128I", *fat) + directory + stream)
    return path


def test_the_xls_records_name_formulas_errors_and_merges(tmp_path: Path) -> None:
    error = struct.pack("<BBBBHH", 2, 0, 0x07, 0, 0, 0xFFFF)  # a formula whose cached result is #DIV/0!
    records = (
        _formula(1, 1, b"\x1e\x02\x00\x1e\x02\x00\x03")  # =2+2
        + _formula(1, 2, b"\x1d\x01")  # =TRUE, as LibreOffice writes a boolean
        + _formula(1, 3, b"\x21\x23\x00")  # =FALSE()
        + _formula(1, 4, b"\x1c\x2a", error)  # an error alone (LibreOffice's #N/A token for a typed #DIV/0!)
        + _formula(2, 0, b"\x1e\x01\x00\x1e\x00\x00\x06", error)  # =1/0
        + _record(0x0205, struct.pack("<HHHBB", 3, 0, 0, 0x2A, 1))  # #N/A typed as a value
        + _record(0x0205, struct.pack("<HHHBB", 3, 1, 0, 1, 0))  # TRUE typed as a value: no mark
        + _record(0x00E5, struct.pack("<H4H", 1, 4, 5, 2, 3))  # C5:D6 merged
        + _record(0x0809, bytes(16))  # a chart inside the sheet: its records are not the sheet's
        + _formula(7, 7, b"\x1e\x01\x00")
        + _record(0x000A)
    )
    path = _compound(tmp_path / "book.xls", _biff("Hộ bị ảnh hưởng", records))
    sheet = scan_xls(path)["Hộ bị ảnh hưởng"]
    assert sheet.marks == [
        Mark(2, 1, "formula", ""),
        Mark(2, 2, "true", ""),
        Mark(2, 3, "false", ""),
        Mark(2, 4, "error", "#DIV/0!"),
        Mark(3, 0, "formula", "#DIV/0!"),
        Mark(4, 0, "error", "#N/A"),
    ]
    assert sheet.merged == ["C5:D6"]


def test_files_that_are_not_readable_xls_are_refused(tmp_path: Path) -> None:
    protected = _compound(tmp_path / "protected.xls", _biff("S", b"", globals_extra=_record(0x002F, bytes(6))))
    old = _compound(tmp_path / "excel4.xls", _biff("S", b"", version=0x0400))
    with pytest.raises(ValueError, match="password"):
        scan_xls(protected)
    with pytest.raises(ValueError, match=r"before 5\.0"):
        scan_xls(old)
    with pytest.raises(ValueError, match="compound"):
        workbook_stream(b"<html><table><tr><td>HT-1</td></tr></table></html>".ljust(600))
    html = tmp_path / "from-a-web-system.xls"  # many "Excel" downloads are HTML tables named .xls
    html.write_text("<html><table><tr><td>Mã hộ</td></tr></table></html>", encoding="utf-8")
    renamed = tmp_path / "book.ods"
    renamed.write_bytes(protected.read_bytes())
    for path in (protected, old, html, renamed):
        problems = read_table_file(path, "CSV").problems
        assert [(p.value, p.reason) for p in problems] == [
            (
                path.name,
                "The file is not an OpenDocument spreadsheet (.ods)."
                if path.suffix == ".ods"
                else "The file is not an Excel 97–2003 workbook (.xls).",
            )
        ]


def test_the_refusal_of_another_kind_of_file_names_every_kind_read(tmp_path: Path) -> None:
    other = tmp_path / "register.numbers"
    other.write_bytes(b"PK\x03\x04")
    (problem,) = read_table_file(other, "CSV").problems
    assert problem.value == "register.numbers"
    assert problem.reason == "Only .xlsx, .xlsm, .xls, .ods and .csv files can be imported."
    assert all(suffix in problem.reason for suffix in IMPORT_SUFFIXES)


def test_a_macro_enabled_workbook_is_read_as_an_xlsx(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Mã hộ", "Số"])
    sheet.append(["HT-1", "=2+2"])
    book.save(tmp_path / "book.xlsx")
    macros = tmp_path / "book.xlsm"
    macros.write_bytes((tmp_path / "book.xlsx").read_bytes())
    result = read_table_file(macros, "CSV")
    assert [(p.row, p.column, p.value) for p in result.problems] == [(2, "Sheet: B", "=2+2")]
    assert result.tables["Sheet"].rows == [(2, ["HT-1", None])]
