"""Register files on both backends: every problem reported by a dry run, all-or-nothing imports, the round trip."""

import codecs
import unicodedata
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from dossier_app.domain.errors import ImportRejected
from dossier_app.domain.register import AssetInput
from dossier_app.domain.register_columns import CSV_COLUMNS, PARTIES_SHEET
from dossier_app.services import Services
from dossier_app.services.dossier.projects import ProjectView
from dossier_app.services.register.register_io import ImportReport
from tests.services.register_support import (
    ASSET_HEADERS,
    PARTY_HEADERS,
    counts,
    parcel,
    parcel_row,
    party,
    party_row,
    workbook,
)


def _cp1258(text: str) -> bytes:
    """Vietnamese as Windows-1258 writes it: precomposed where the code page has the letter, else combining marks."""
    out = b""
    for char in text:
        try:
            out += char.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        base, *marks = unicodedata.normalize("NFD", char)
        for index in range(len(marks)):  # compose one mark into the letter (â, ơ, ư…), the rest stay combining
            head = unicodedata.normalize("NFC", base + marks[index])
            rest = "".join(marks[:index] + marks[index + 1 :])
            try:
                out += head.encode("cp1258") + rest.encode("cp1258")
                break
            except UnicodeEncodeError:
                continue
        else:
            out += (base + "".join(marks)).encode("cp1258")
    return out


def _problems(report: ImportReport) -> list[tuple[int, str, str]]:
    return [(p.row, p.column, p.value) for p in report.problems]


def _refused_without_writing(services: Services, project: ProjectView, path: Path) -> ImportReport:
    report = services.register_io.check(project.id, path)
    before = counts(services)
    with pytest.raises(ImportRejected) as refused:
        services.register_io.import_file(project.id, path)
    assert refused.value.problems == report.problems
    assert counts(services) == before
    return report


def test_a_good_workbook_imports_everything(services: Services, itp: ProjectView, tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "ok.xlsx",
        [party_row("HT-1"), party_row("HT-2", kind="tổ chức", citizen_id=None, tax_code="1800123456")],
        [parcel_row("HT-1", "12", "1"), parcel_row("HT-1", "12", "2"), parcel_row("HT-2", "13", "1")],
    )
    report = services.register_io.check(itp.id, path)
    assert report.ok and (report.parties, report.parcels) == (2, 3)
    services.register_io.import_file(itp.id, path)
    assert counts(services) == {
        "affectedparty": 2,
        "landparcel": 3,
        "asset": 0,
        "compensationline": 0,
        "resettlement": 0,
    }
    assert services.audit.entries()[0].action == "register.import"
    second = services.register.parties(itp.id)[1]
    assert second.kind == "organisation"


def test_the_dry_run_reports_every_problem_and_the_import_writes_nothing(
    services: Services, itp: ProjectView, tmp_path: Path
) -> None:
    services.register.add_party(itp.id, party("OLD-1", parcels=(parcel("50", "5"),)))
    path = workbook(
        tmp_path / "bad.xlsx",
        [
            party_row("HT-1", citizen_id="0920850012345"),  # 13 digits
            party_row("HT-2", household_size="bốn"),  # text in a number column
            party_row("HT-3", citizen_id="092085000003"),
            party_row("HT-4", citizen_id="092085000003"),  # duplicate citizen ID in the file
            party_row("HT-5", citizen_id="092085001234", notified_on="31/02/2026"),  # the project's ID; bad date
            party_row("HT-5"),  # duplicate code
        ],
        [
            parcel_row("HT-1", "12", "1", recovered_area_m2=2000),  # recovered > total
            parcel_row("HT-2", "12", "2", land_use_code="XYZ"),  # unknown land-use code
            parcel_row("HT-3", "12", "2"),  # duplicate parcel in the file
            parcel_row("HT-3", "50", "5", parcel_ward="Phường Hưng Thạnh"),  # parcel already in the project
            parcel_row("HT-9", "14", "1"),  # unknown party
            parcel_row("HT-4", "15", "1", total_area_m2="một nghìn"),
        ],
    )
    report = _refused_without_writing(services, itp, path)
    parties, parcels = PARTIES_SHEET, "Thửa đất"
    assert _problems(report) == [
        (2, f"{parties}: Số CCCD", "0920850012345"),
        (3, f"{parties}: Số nhân khẩu", "bốn"),
        (5, f"{parties}: Số CCCD", "092085000003"),
        (6, f"{parties}: Ngày thông báo thu hồi", "31/02/2026"),
        (6, f"{parties}: Số CCCD", "092085001234"),
        (7, f"{parties}: Mã hộ", "HT-5"),
        (2, f"{parcels}: Diện tích thu hồi (m²)", "2000"),
        (3, f"{parcels}: Loại đất", "XYZ"),
        (4, f"{parcels}: Thửa số", "12/2"),
        (5, f"{parcels}: Thửa số", "50/5"),
        (6, f"{parcels}: Mã hộ", "HT-9"),
        (7, f"{parcels}: Diện tích thửa (m²)", "một nghìn"),
    ]
    assert all(p.reason for p in report.problems)
    messages = {(p.row, p.column): p.message for p in report.problems}
    assert messages[(5, f"{parties}: Số CCCD")] == "The citizen ID is used twice in the file (first on row 4)."
    assert messages[(7, f"{parties}: Mã hộ")] == "The party code is used twice in the file (first on row 6)."
    assert "(first on row 3)" in messages[(4, f"{parcels}: Thửa số")]
    assert messages[(5, f"{parcels}: Thửa số")].startswith("The parcel is already registered in this project")


def test_wrong_and_missing_headers_are_reported(services: Services, itp: ProjectView, tmp_path: Path) -> None:
    headers = ["Mã", *PARTY_HEADERS[1:], "Ghi chú"]
    path = workbook(tmp_path / "headers.xlsx", [party_row("HT-1")], party_headers=headers)
    report = _refused_without_writing(services, itp, path)
    assert [(p.row, p.value, p.reason) for p in report.problems] == [
        (1, "Mã", "Unknown column header."),
        (1, "Ghi chú", "Unknown column header."),
        (1, "", "A required column is missing."),
    ]
    assert report.problems[2].column.endswith("Mã hộ")


def test_english_aliases_are_accepted(services: Services, itp: ProjectView, tmp_path: Path) -> None:
    english = [c.aliases[0] for c in CSV_COLUMNS]
    path = tmp_path / "english.csv"
    path.write_text(",".join(english) + "\n" + ",".join(["HT-1", "household", "Le Van A"] + [""] * (len(english) - 3)))
    report = services.register_io.check(itp.id, path)
    assert report.ok and report.parties == 1


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1258"])
def test_csv_encodings_are_detected(services: Services, itp: ProjectView, tmp_path: Path, encoding: str) -> None:
    headers = [c.header_vi for c in CSV_COLUMNS]
    row = {c.header_vi: "" for c in CSV_COLUMNS} | {
        "Mã hộ": "HT-1",
        "Họ và tên / Tên tổ chức": "Phạm Thị Ơn",
        "Phường/xã": "Phường Ô Môn",
        "Tờ bản đồ số": "7",
        "Thửa số": "21",
        "Diện tích thửa (m²)": "1.250,5",
        "Diện tích thu hồi (m²)": "300",
        "Loại đất": "luc",
    }
    text = ";".join(headers) + "\r\n" + ";".join(row[h] for h in headers) + "\r\n"
    text += ";".join(row[h] if h in ("Mã hộ",) else ("22" if h == "Thửa số" else row[h]) for h in headers) + "\r\n"
    if encoding == "cp1258":
        text = text.replace("m²", "m2")  # Windows-1258 has no superscript two; the alias is accepted
    path = tmp_path / f"{encoding}.csv"
    path.write_bytes(_cp1258(text) if encoding == "cp1258" else text.encode(encoding))
    report = services.register_io.import_file(itp.id, path)
    expected = {"utf-8": "utf-8", "utf-8-sig": "utf-8-bom", "utf-16": "utf-16", "cp1258": "cp1258"}[encoding]
    assert report.encoding == expected
    detail = services.register.party(services.register.parties(itp.id)[0].id).data
    assert detail.name == "Phạm Thị Ơn" and detail.ward == "Phường Ô Môn"
    assert [(p.parcel_no, p.total_area_m2, p.land_use_code) for p in detail.parcels] == [
        ("21", 1250.5, "LUC"),
        ("22", 1250.5, "LUC"),
    ]


def test_unreadable_files_are_refused(services: Services, itp: ProjectView, tmp_path: Path) -> None:
    empty = tmp_path / "empty.xlsx"
    empty.write_bytes(b"")
    renamed = tmp_path / "renamed.xlsx"
    renamed.write_text("Đây không phải là sổ Excel\n", encoding="utf-8")
    blank_csv = tmp_path / "blank.csv"
    blank_csv.write_bytes(codecs.BOM_UTF8 + b"\r\n")
    headers_only = workbook(tmp_path / "headers_only.xlsx", [])
    reasons = {
        path.name: [p.reason for p in _refused_without_writing(services, itp, path).problems]
        for path in (empty, renamed, blank_csv, headers_only)
    }
    assert reasons == {
        "empty.xlsx": ["The file is empty."],
        "renamed.xlsx": ["The file is not an Excel workbook (.xlsx)."],
        "blank.csv": ["The file is empty."],
        "headers_only.xlsx": ["The file holds no rows."],
    }


def test_formulas_and_merged_cells_are_refused(services: Services, itp: ProjectView, tmp_path: Path) -> None:
    path = workbook(tmp_path / "formula.xlsx", [party_row("HT-1"), party_row("HT-2")])
    book = load_workbook(path)
    sheet = book[PARTIES_SHEET]
    sheet["H2"] = "=2+2"
    sheet.merge_cells("F3:G3")
    book.save(path)
    report = _refused_without_writing(services, itp, path)
    assert [(p.row, p.column, p.value) for p in report.problems] == [
        (0, PARTIES_SHEET + ": F3:G3", ""),
        (2, PARTIES_SHEET + ": H", "=2+2"),
    ]


def test_export_then_import_into_an_empty_project_gives_the_same_data(
    services: Services, itp: ProjectView, htp: ProjectView, tmp_path: Path
) -> None:
    shared = parcel("12", "35", co_used=True)
    services.register.add_party(itp.id, party())
    services.register.add_party(
        itp.id,
        party(
            "HT-002",
            kind="organisation",
            citizen_id="",
            tax_code="1800123456-001",
            resettlement=None,
            parcels=(shared, parcel("12", "36", land_use_code="ODT", use_since=date(1995, 7, 1))),
            assets=(
                AssetInput("structure", "Nhà kho", "Cấp III", Decimal("310.75")),
                AssetInput("grave", "Mộ xây", count=2),
                AssetInput("crop", "", count=0),
            ),
        ),
    )
    services.register.add_party(
        itp.id, party("HT-003", citizen_id="092085000003", parcels=(shared,), assets=(), compensation=())
    )
    path = tmp_path / "export.xlsx"
    assert services.register_io.export(itp.id, path) == 3
    book = load_workbook(path, read_only=True)
    assert book.sheetnames == [PARTIES_SHEET, "Thửa đất", "Tài sản", "Bồi thường, hỗ trợ"]
    assert [r[1] for r in book["Tài sản"].iter_rows(min_row=2, values_only=True)][:2] == [
        "Nhà ở",
        "Cây lâu năm, cây ăn trái",
    ]
    report = services.register_io.import_file(htp.id, path)
    assert (report.parties, report.parcels, report.assets) == (3, 4, 5)
    original = [d.data for d in services.register.details(itp.id)]
    copied = [d.data for d in services.register.details(htp.id)]
    assert copied == original
    assert services.register.totals(htp.id) == services.register.totals(itp.id)


def test_assets_sheet_is_read_and_checked(services: Services, itp: ProjectView, tmp_path: Path) -> None:
    path = workbook(tmp_path / "assets.xlsx", [party_row("HT-1")], [parcel_row("HT-1")])
    book = load_workbook(path)
    sheet = book.create_sheet("Tài sản")
    sheet.append(["Party code", "Asset kind", "Description", "Grade", "Area (m2)", "Count"])  # English aliases
    sheet.append(["HT-1", "nha o", "Nhà một trệt", "Cấp IV", "85,5", None])
    sheet.append(["HT-1", "Trees", "Dừa", None, None, 12])
    sheet.append(["HT-1", "chuồng heo", None, None, 10, None])  # unknown kind
    sheet.append(["HT-1", "grave", None, None, None, -1])  # negative count
    sheet.append(["HT-1", "crop", None, None, None, "nhiều"])  # text in a number column
    book.save(path)
    report = _refused_without_writing(services, itp, path)
    assert [(p.row, p.column, p.value, p.reason) for p in report.problems] == [
        (4, "Tài sản: Loại tài sản", "chuồng heo", "Unknown asset kind."),
        (5, "Tài sản: Số lượng", "-1", "An amount or quantity cannot be negative."),
        (6, "Tài sản: Số lượng", "nhiều", "Not a whole number."),
    ]
    book = load_workbook(path)
    for row in (6, 5, 4):
        book["Tài sản"].delete_rows(row)
    book.save(path)
    services.register_io.import_file(itp.id, path)
    detail = services.register.party(services.register.parties(itp.id)[0].id).data
    assert detail.assets == (
        AssetInput("house", "Nhà một trệt", "Cấp IV", Decimal("85.5")),
        AssetInput("tree", "Dừa", count=12),
    )
    totals = services.register.totals(itp.id).project
    assert (totals.building_area_m2, totals.plants, totals.graves) == (Decimal("85.5"), 12, 0)


def test_co_used_parcels_are_declared_on_both_sides(services: Services, itp: ProjectView, tmp_path: Path) -> None:
    parties = [party_row("HT-1"), party_row("HT-2"), party_row("HT-3"), party_row("HT-4")]
    path = workbook(
        tmp_path / "co.xlsx",
        parties,
        [
            parcel_row("HT-1", "12", "1", co_used="có"),
            parcel_row("HT-2", "12", "1", co_used="x"),  # a declared co-user: accepted
            parcel_row("HT-3", "12", "1"),  # not declared: a duplicate
            parcel_row("HT-4", "12", "1", co_used="có", recovered_area_m2=400),  # declared, but other areas
            parcel_row("HT-4", "12", "1", parcel_ward="Phường Ô Môn"),  # the same numbers in another ward
        ],
    )
    report = _refused_without_writing(services, itp, path)
    assert [(p.row, p.column, p.value, p.other_row) for p in report.problems] == [
        (4, "Thửa đất: Thửa số", "12/1", 2),
        (5, "Thửa đất: Thửa số", "12/1", 2),
    ]
    assert "mark both rows as co-used" in report.problems[0].message
    assert "same areas" in report.problems[1].message
    book = load_workbook(path)
    book["Thửa đất"].delete_rows(4, 2)
    book.save(path)
    services.register_io.import_file(itp.id, path)
    totals = services.register.totals(itp.id).project
    assert totals.parcels == 2  # the co-used parcel once, the Ô Môn parcel
    assert totals.recovered_area_m2 == Decimal("1001.00")  # 500.50 each, the shared one once
    own = services.register.party_totals(services.register.parties(itp.id)[1].id)
    assert (own.parcels, own.recovered_area_m2) == (1, Decimal("500.50"))
    later = workbook(tmp_path / "later.xlsx", [party_row("HT-5")], [parcel_row("HT-5", "12", "1")])
    problems = services.register_io.check(itp.id, later).problems
    assert [(p.row, p.value) for p in problems] == [(2, "12/1")]
    assert "already registered" in problems[0].message
    joined = workbook(tmp_path / "joined.xlsx", [party_row("HT-5")], [parcel_row("HT-5", "12", "1", co_used="có")])
    assert services.register_io.check(itp.id, joined).ok


def test_the_template_has_headers_and_lists_and_imports_as_empty(
    services: Services, itp: ProjectView, tmp_path: Path
) -> None:
    path = tmp_path / "template.xlsx"
    services.register_io.template(path)
    book = load_workbook(path)
    sheet = book[PARTIES_SHEET]
    assert [c.value for c in sheet[1]] == PARTY_HEADERS
    lists = [v.formula1 for v in book["Thửa đất"].data_validations.dataValidation]
    assert any("$A$2:$A$32" in f for f in lists)
    assert len(sheet.data_validations.dataValidation) >= 5
    assets = book["Tài sản"]
    assert [c.value for c in assets[1]] == ASSET_HEADERS
    asset_lists = [v.formula1 for v in assets.data_validations.dataValidation]
    assert any("$F$2:$F$7" in f for f in asset_lists) and any("$G$2:$G$6" in f for f in asset_lists)
    assert book["Danh mục"]["F2"].value == "Nhà ở"
    assert [p.reason for p in services.register_io.check(itp.id, path).problems] == ["The file holds no rows."]
    assert isinstance(Workbook, type)


def test_too_many_rows_are_refused_before_reading_on(
    services: Services, itp: ProjectView, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dossier_app.storage import spreadsheets

    monkeypatch.setattr(spreadsheets, "MAX_ROWS", 3)
    path = workbook(tmp_path / "big.xlsx", [party_row(f"HT-{i}", citizen_id=f"{i:012d}") for i in range(1, 6)])
    reasons = [p.reason for p in _refused_without_writing(services, itp, path).problems]
    assert "The sheet has too many rows for one import; split the file." in reasons
    csv_path = tmp_path / "big.csv"
    lines = [",".join(["Mã hộ", "Họ và tên"])] + [f"HT-{i},Tên {i}" for i in range(5)]
    csv_path.write_text("\n".join(lines), encoding="utf-8")
    assert [p.reason for p in services.register_io.check(itp.id, csv_path).problems] == [
        "The sheet has too many rows for one import; split the file."
    ]


def test_compensation_lines_sheet_is_read_and_checked(services: Services, itp: ProjectView, tmp_path: Path) -> None:
    path = workbook(tmp_path / "lines.xlsx", [party_row("HT-1")], [parcel_row("HT-1")])
    book = load_workbook(path)
    lines = book.create_sheet("Bồi thường, hỗ trợ")
    lines.append(["Mã hộ", "Khoản", "Nội dung", "Khối lượng", "Đơn vị tính", "Đơn giá (đồng)", "Thành tiền (đồng)"])
    lines.append(["HT-1", "land", "Bồi thường đất", 500.5, "m²", "400.000", "200.200.000 đ"])
    lines.append(["HT-1", "support", "Hỗ trợ ổn định đời sống", 1, "hộ", 0, -5])
    book.save(path)
    report = _refused_without_writing(services, itp, path)
    assert _problems(report) == [(3, "Bồi thường, hỗ trợ: Thành tiền (đồng)", "-5")]
    lines_sheet = load_workbook(path)
    lines_sheet["Bồi thường, hỗ trợ"]["G3"] = 5_000_000
    lines_sheet.save(path)
    services.register_io.import_file(itp.id, path)
    detail = services.register.party(services.register.parties(itp.id)[0].id).data
    assert [(c.kind, c.unit_price_vnd, c.amount_vnd) for c in detail.compensation] == [
        ("land", 400_000, 200_200_000),
        ("support", 0, 5_000_000),
    ]
    assert services.register.totals(itp.id).project.compensation_vnd == 205_200_000
