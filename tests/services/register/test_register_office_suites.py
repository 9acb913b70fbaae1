"""Register files from every office suite: an export saved again by LibreOffice Calc as .xlsx, .ods or .xls imports
back identical, and a workbook with formulas, errors and merges is refused by row and column in each format."""

import shutil
import subprocess
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from dossier_app.domain.errors import ImportRejected
from dossier_app.domain.register import AssetInput, PartyInput
from dossier_app.domain.register_columns import PARTIES_SHEET, PARTY_COLUMNS
from dossier_app.services import Services
from dossier_app.services.dossier.projects import ProjectView
from dossier_app.services.register.register_workbooks import write_export
from dossier_app.storage.resources import load_asset_kinds
from dossier_app.storage.workbook_scans import column_letters
from tests.services.register_support import counts, parcel, party, party_row, workbook

SOFFICE = shutil.which("soffice")
pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed: no Calc to save with")
FORMATS = ("xlsx", "ods", "xls")


def _saved_by_calc(sources: list[Path], suffix: str, folder: Path) -> list[Path]:
    """`sources` opened and saved again by LibreOffice Calc as `suffix`, with a profile of this run's own."""
    assert SOFFICE is not None
    out = folder / suffix
    profile = folder / f"profile-{suffix}"
    command = [SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", suffix]
    result = subprocess.run(
        [*command, "--outdir", str(out), *map(str, sources)], capture_output=True, text=True, timeout=300, check=False
    )
    saved = [out / f"{source.stem}.{suffix}" for source in sources]
    missing = [p.name for p in saved if not p.exists()]
    # "source file could not be loaded": soffice is there without Calc (Debian: libreoffice-calc-nogui)
    assert result.returncode == 0 and not missing, f"LibreOffice Calc did not convert {missing}: {result.stderr}"
    return saved


def _register() -> list[PartyInput]:
    """Parties with every kind of cell: dates, decimals, money, co-used parcels, assets, texts like formulas."""
    shared = parcel("12", "35", co_used=True)
    return [
        party(),
        party(
            "HT-002",
            kind="organisation",
            name='=HYPERLINK("http://evil.example/x","Bấm vào đây")',
            citizen_id="",
            tax_code="1800123456-001",
            address="+84 292 3822 111",
            resettlement=None,
            parcels=(shared, parcel("12", "36", land_use_code="ODT", use_since=date(1995, 7, 1), origin="-")),
            assets=(
                AssetInput("structure", "@Nhà kho", "Cấp III", Decimal("310.75")),
                AssetInput("grave", "#N/A", count=2),
            ),
        ),
        party("HT-003", citizen_id="092085000003", parcels=(shared,), assets=(), compensation=(), poor_household=True),
    ]


def _workbook_with(path: Path, bad: bool) -> Path:
    """A parties sheet with booleans TRUE and FALSE and, if `bad`, a formula, a formula that fails, a typed error
    and a merge."""
    workbook(path, [party_row(f"HT-{n}") for n in range(1, 5)])
    book = load_workbook(path)
    sheet = book[PARTIES_SHEET]
    size, address, complaint = (_column(n) for n in ("household_size", "address", "complaint"))
    sheet[f"{complaint}2"], sheet[f"{complaint}3"] = True, False
    if bad:
        sheet[f"{size}2"] = "=2+2"
        sheet[f"{size}3"] = "=1/0"
        sheet[f"{address}4"] = "#N/A"  # openpyxl writes this word as an error cell, as Excel would
        sheet.merge_cells(f"{address}5:{_column('ward')}5")
    book.save(path)
    return path


def _column(name: str) -> str:
    return column_letters([c.name for c in PARTY_COLUMNS].index(name))


@pytest.fixture(scope="module")
def calc_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Path]]:
    """The export, a bad and a clean workbook, as written ("written") and as Calc saves them in each format (one
    soffice run per format)."""
    folder = tmp_path_factory.mktemp("calc")
    export = folder / "register.xlsx"
    write_export(export, _register(), load_asset_kinds())
    written = [export, _workbook_with(folder / "bad.xlsx", True), _workbook_with(folder / "clean.xlsx", False)]
    files = {"written": dict(zip(("export", "bad", "clean"), written, strict=True))}
    for suffix in FORMATS:
        files[suffix] = dict(zip(("export", "bad", "clean"), _saved_by_calc(written, suffix, folder), strict=True))
    return files


@pytest.mark.parametrize("suffix", FORMATS)
def test_an_export_saved_again_by_calc_imports_back_identical(
    services: Services,
    itp: ProjectView,
    htp: ProjectView,
    calc_files: dict[str, dict[str, Path]],
    suffix: str,
) -> None:
    written, saved = calc_files["written"]["export"], calc_files[suffix]["export"]
    assert services.register_io.import_file(itp.id, written).ok
    dry = services.register_io.check(htp.id, saved)
    assert dry.ok and (dry.parties, dry.parcels, dry.assets, dry.encoding) == (3, 4, 4, suffix)
    services.register_io.import_file(htp.id, saved)
    original = [d.data for d in services.register.details(itp.id)]
    assert [d.data for d in services.register.details(htp.id)] == original
    assert original[1].name.startswith("=HYPERLINK") and original[1].assets[1].description == "#N/A"
    assert services.register.totals(htp.id) == services.register.totals(itp.id)


@pytest.mark.parametrize("suffix", FORMATS)
def test_formulas_errors_and_merges_are_refused_by_row_and_column_in_each_format(
    services: Services, itp: ProjectView, calc_files: dict[str, dict[str, Path]], suffix: str
) -> None:
    services.register.add_party(itp.id, party("OLD-1"))
    before = counts(services)
    path = calc_files[suffix]["bad"]
    report = services.register_io.check(itp.id, path)
    size, address = _column("household_size"), _column("address")
    formula = "4" if suffix == "xls" else "=2+2"  # an .xls keeps a formula's tokens, not its text: its value shows
    failing = "#DIV/0!" if suffix == "xls" else "=1/0"
    sheet = f"{PARTIES_SHEET}: "
    assert [(p.row, p.column, p.value, p.reason) for p in report.problems] == [
        (0, f"{sheet}{address}5:{_column('ward')}5", "", "Merged cells are not accepted; unmerge them."),
        (2, sheet + size, formula, "Formulas are not accepted; paste the values instead."),
        (3, sheet + size, failing, "Formulas are not accepted; paste the values instead."),
        (4, sheet + address, "#N/A", "The cell holds a spreadsheet error."),
    ]
    with pytest.raises(ImportRejected) as refused:
        services.register_io.import_file(itp.id, path)
    assert refused.value.problems == report.problems
    assert counts(services) == before


@pytest.mark.parametrize("suffix", FORMATS)
def test_booleans_calc_saves_as_true_or_false_formulas_read_as_yes_and_no(
    services: Services, itp: ProjectView, calc_files: dict[str, dict[str, Path]], suffix: str
) -> None:
    assert services.register_io.import_file(itp.id, calc_files[suffix]["clean"]).ok
    complaints = {d.data.code: d.data.complaint for d in services.register.details(itp.id)}
    assert complaints == {"HT-1": True, "HT-2": False, "HT-3": False, "HT-4": False}
