"""Reading workbooks: calamine and openpyxl give the same tables; what calamine cannot see is found by the XML scan."""

import unicodedata
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook
from openpyxl.worksheet.datavalidation import DataValidation

from dossier_app.storage import spreadsheets, workbook_scans
from dossier_app.storage.spreadsheets import read_table_file, read_xlsx, read_xlsx_exactly


def _book(path: Path) -> Path:
    """Two sheets of mixed cells, the second starting at C3 after empty rows and columns."""
    book = Workbook()
    first = book.active
    assert first is not None
    first.title = "Hộ"
    first.append(["Mã hộ", "Họ và tên", "Số", "Diện tích", "Ngày", "Có"])
    first.append(["HT-1", "  Nguyễn Văn Đức  ", 5, 1250.5, date(2026, 3, 1), True])
    first.append([None, None, None, None, None, None])  # an empty row is skipped
    first.append(["HT-2", unicodedata.normalize("NFD", "Trương Thị Thơ"), 7.0, 3, datetime(2026, 4, 2, 0, 0), "có"])
    first.append(["HT-3", "   ", None, None, None, None])
    second = book.create_sheet("Thửa")
    second["C3"], second["D3"] = "Mã hộ", "Thửa số"
    second["C5"], second["D5"] = "HT-1", "34"
    second["D6"] = 35
    book.save(path)
    return path


def _day(value: object) -> object:
    """openpyxl reads a date cell as a datetime at midnight, calamine as a date: the importer takes either."""
    return value.date() if isinstance(value, datetime) and value.time() == datetime.min.time() else value


def _cells(result: spreadsheets.ReadResult) -> dict[str, tuple[list[str], list[tuple[int, list[object]]]]]:
    return {
        name: (table.header, [(number, [_day(v) for v in values]) for number, values in table.rows])
        for name, table in result.tables.items()
    }


def test_calamine_and_openpyxl_read_the_same_tables(tmp_path: Path) -> None:
    path = _book(tmp_path / "mixed.xlsx")
    fast, exact = read_xlsx(path), read_xlsx_exactly(path)
    assert not fast.problems and not exact.problems
    assert _cells(fast) == _cells(exact)
    header, rows = _cells(fast)["Hộ"]
    assert header == ["Mã hộ", "Họ và tên", "Số", "Diện tích", "Ngày", "Có"]
    assert [number for number, _ in rows] == [2, 4, 5]
    assert rows[0][1] == ["HT-1", "Nguyễn Văn Đức", 5, 1250.5, date(2026, 3, 1), True]
    assert rows[1][1][1] == "Trương Thị Thơ" == unicodedata.normalize("NFC", rows[1][1][1])  # composed
    assert rows[1][1][2] == 7 and isinstance(rows[1][1][2], int)
    assert rows[2][1] == ["HT-3", None, None, None, None, None]
    thua = _cells(fast)["Thửa"]
    assert thua[0][2:] == ["Mã hộ", "Thửa số"] and thua[1] == [
        (5, [None, None, "HT-1", "34"]),
        (6, [None, None, None, 35]),
    ]


def test_the_fast_reader_takes_a_clean_workbook_and_the_template_lists(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _book(tmp_path / "clean.xlsx")
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Loại đất"])
    sheet.append(["LUC"])
    check = DataValidation(type="list", formula1='"LUC,ONT"', allow_blank=True)  # <formula1> is not a formula cell
    sheet.add_data_validation(check)
    check.add("A2:A100")
    listed = tmp_path / "listed.xlsx"
    book.save(listed)

    def refused(_path: Path) -> spreadsheets.ReadResult:
        raise AssertionError("openpyxl was asked to read a workbook without formulas")

    monkeypatch.setattr(spreadsheets, "read_xlsx_exactly", refused)
    assert read_xlsx(path).tables and read_xlsx(listed).tables["Sheet"].rows == [(2, ["LUC"])]


def test_formulas_error_cells_and_merges_are_named(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Hộ"
    sheet.append(["Mã hộ", "Số", "Ghi chú", "Khác"])
    sheet.append(["HT-1", "=2+2", "#DIV/0!", None])
    sheet.merge_cells("C4:D4")
    path = tmp_path / "bad.xlsx"
    book.save(path)
    problems = [(p.row, p.column, p.value, p.reason) for p in read_table_file(path, "CSV").problems]
    assert problems == [
        (0, "Hộ: C4:D4", "", "Merged cells are not accepted; unmerge them."),
        (2, "Hộ: B", "=2+2", "Formulas are not accepted; paste the values instead."),
        (2, "Hộ: C", "#DIV/0!", "The cell holds a spreadsheet error."),
    ]
    merged_only = tmp_path / "merged.xlsx"
    sheet["B2"], sheet["C2"] = 4, "note"
    book.save(merged_only)
    assert [(p.column, p.reason) for p in read_xlsx(merged_only).problems] == [
        ("Hộ: C4:D4", "Merged cells are not accepted; unmerge them.")
    ]


def test_a_sheet_declaring_too_many_rows_is_refused_unread(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _book(tmp_path / "big.xlsx")
    monkeypatch.setattr(spreadsheets, "MAX_ROWS", 4)  # a header and 4 rows pass; "Thửa" declares C3:D6
    result = read_xlsx(path)
    assert [(p.column, p.value, p.reason) for p in result.problems] == [
        ("Thửa", "6", "The sheet has too many rows for one import; split the file.")
    ]
    assert list(result.tables) == ["Hộ"]


def test_zips_that_are_not_workbooks_are_refused(tmp_path: Path) -> None:
    other = tmp_path / "document.xlsx"
    with zipfile.ZipFile(other, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    text = tmp_path / "text.xlsx"
    text.write_text("Đây không phải là sổ Excel", encoding="utf-8")
    for path in (other, text):
        assert [p.reason for p in read_table_file(path, "CSV").problems] == [
            "The file is not an Excel workbook (.xlsx)."
        ]


def test_the_scan_counts_undeclared_rows_and_sees_prefixed_formulas() -> None:
    from io import BytesIO

    plain = b'<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="2"/></sheetData></worksheet>'
    scan = workbook_scans.scan_xlsx_sheet(BytesIO(plain))
    assert (scan.rows, scan.suspect) == (2, False)
    prefixed = b'<x:worksheet xmlns:x="main"><x:dimension ref="A1:B9"/><x:row><x:c><x:f>1+1</x:f></x:c></x:row>'
    scan = workbook_scans.scan_xlsx_sheet(BytesIO(prefixed))
    assert (scan.rows, scan.suspect) == (9, True)
    lists = b'<worksheet><dataValidations><dataValidation><formula1>"A,B"</formula1></dataValidation></worksheet>'
    assert not workbook_scans.scan_xlsx_sheet(BytesIO(lists)).suspect
    assert workbook_scans.scan_xlsx_sheet(BytesIO(b"<worksheet><c r='A1' t='e'><v>#N/A</v></c></worksheet>")).suspect


def test_relative_sheet_targets_as_excel_writes_them(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    written = _book(tmp_path / "absolute.xlsx")
    path = tmp_path / "relative.xlsx"
    with zipfile.ZipFile(written) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/_rels/workbook.xml.rels":
                assert b'Target="/xl/worksheets/' in data
                data = data.replace(b'Target="/xl/worksheets/', b'Target="worksheets/')
            target.writestr(item, data)

    def refused(_path: Path) -> spreadsheets.ReadResult:
        raise AssertionError("openpyxl was asked to read a clean workbook")

    monkeypatch.setattr(spreadsheets, "read_xlsx_exactly", refused)
    assert _cells(read_xlsx(path)) == _cells(read_xlsx(written))


def test_true_false_and_lone_errors_saved_as_formulas_read_as_what_they_are(tmp_path: Path) -> None:
    # LibreOffice saves a boolean as the formula TRUE() or FALSE() and a typed #N/A as the formula =#N/A.
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Hộ"
    sheet.append(["Mã hộ", "Có", "Ghi chú"])
    sheet.append(["HT-1", "=TRUE()", "=#N/A"])
    sheet.append(["HT-2", "=FALSE()", "=NA()"])
    path = tmp_path / "calc.xlsx"
    book.save(path)
    result = read_table_file(path, "CSV")
    assert [(p.row, p.column, p.value, p.reason) for p in result.problems] == [
        (2, "Hộ: C", "#N/A", "The cell holds a spreadsheet error."),
        (3, "Hộ: C", "=NA()", "Formulas are not accepted; paste the values instead."),
    ]
    assert result.tables["Hộ"].rows == [(2, ["HT-1", True, None]), (3, ["HT-2", False, None])]
