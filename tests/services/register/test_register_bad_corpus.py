"""The corpus of bad register files (tests/data/register_bad): each is refused, by row and column, writing nothing."""

import filecmp
from pathlib import Path

import pytest

from dossier_app.domain.errors import ImportRejected
from dossier_app.services import Services
from dossier_app.services.dossier.projects import ProjectView
from tests.data.register_bad.make_corpus import build
from tests.services.register_support import counts, parcel, party

CORPUS = Path(__file__).resolve().parents[2] / "data" / "register_bad"
P, L = "Hộ bị ảnh hưởng", "Thửa đất"
NOT_TEXT = "The file holds binary data or text in an unknown encoding; save it as CSV UTF-8."
BAD_ENCODING = "The file is not in UTF-8, UTF-16 or Windows-1258 encoding."
# Every file, and the report it must give: (row, column, value, reason), row 0 and no column for the whole file.
EXPECTED: dict[str, list[tuple[int, str, str, str]]] = {
    "wrong_headers.xlsx": [
        (1, f"{P}: Mã", "Mã", "Unknown column header."),
        (1, f"{P}: Ghi chú", "Ghi chú", "Unknown column header."),
        (1, f"{P}: Mã hộ", "", "A required column is missing."),
    ],
    "missing_headers.csv": [(1, "Họ và tên / Tên tổ chức", "", "A required column is missing.")],
    "text_in_numbers.xlsx": [
        (2, f"{P}: Số nhân khẩu", "bốn người", "Not a whole number."),
        (2, f"{L}: Diện tích thửa (m²)", "một nghìn", "Not a number."),
        (3, f"{L}: Diện tích thu hồi (m²)", "khoảng 300", "Not a number."),
    ],
    "citizen_id_13_digits.csv": [(2, "Số CCCD", "0920850000012", "A citizen ID (CCCD) has exactly 12 digits.")],
    "recovered_above_total.xlsx": [
        (2, f"{L}: Diện tích thu hồi (m²)", "1250.5", "The recovered area is larger than the parcel's total area.")
    ],
    "unknown_land_use.csv": [(2, "Loại đất", "XYZ", "Unknown land-use code.")],
    "duplicate_parcels.xlsx": [
        (
            3,
            f"{L}: Thửa số",
            "12/7",
            "The parcel (ward, map sheet and parcel number) is listed twice in the file (first on row {other_row}); "
            "if the parties share it, mark both rows as co-used.",
        ),
        (
            5,
            f"{L}: Thửa số",
            "12/9",
            "Co-users of one parcel must give the same areas and land-use code (first on row {other_row}).",
        ),
    ],
    "empty.csv": [(0, "", "", "The file is empty.")],
    "empty.xlsx": [(0, "", "", "The file is empty.")],
    "shift_jis.csv": [(0, "", "", BAD_ENCODING)],
    "binary_blob.csv": [(0, "", "", BAD_ENCODING)],
    "utf16_without_bom.csv": [(0, "", "", NOT_TEXT)],
    "formulas.xlsx": [(2, f"{P}: G", "=2+2", "Formulas are not accepted; paste the values instead.")],
    "merged_cells.xlsx": [
        (0, f"{P}: E2:F2", "", "Merged cells are not accepted; unmerge them."),
        (0, f"{P}: A3:A4", "", "Merged cells are not accepted; unmerge them."),
    ],
    "not_a_workbook.xlsx": [(0, "", "not_a_workbook.xlsx", "The file is not an Excel workbook (.xlsx).")],
    "million_rows.xlsx": [(0, P, "1000001", "The sheet has too many rows for one import; split the file.")],
}


def test_the_corpus_is_what_its_script_builds(tmp_path: Path) -> None:
    built = build(tmp_path)
    assert sorted(p.name for p in built) == sorted(EXPECTED)
    committed = sorted(p.name for p in CORPUS.iterdir() if p.suffix != ".py" and p.is_file())
    assert committed == sorted(EXPECTED)
    assert [p.name for p in built if not filecmp.cmp(p, CORPUS / p.name, shallow=False)] == []
    assert sum(p.stat().st_size for p in built) < 3_000_000


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_bad_file_is_refused_by_row_and_column_and_nothing_is_written(
    services: Services, itp: ProjectView, name: str
) -> None:
    # A register that already holds a party (with the parcel 12/7 of another ward), so "nothing written" is tested
    # against real rows.
    services.register.add_party(itp.id, party("OLD-1", parcels=(parcel("12", "7", ward="Phường Ô Môn"),)))
    before = counts(services)
    path = CORPUS / name
    report = services.register_io.check(itp.id, path)
    assert [(p.row, p.column, p.value, p.reason) for p in report.problems] == EXPECTED[name]
    assert all(p.row > 0 or p.column or p.value or p.reason for p in report.problems)
    with pytest.raises(ImportRejected) as refused:
        services.register_io.import_file(itp.id, path)
    assert refused.value.problems == report.problems
    assert counts(services) == before
    for problem in report.problems:  # the report says where: a data row with its column, or the file as a whole
        assert (problem.row >= 1 and problem.column) or problem.row == 0
        assert problem.line().startswith(f"row {problem.row}" if problem.row else "file")
