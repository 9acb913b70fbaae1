"""`register template|import|export` on both backends: exit codes, reports and nothing written on a refusal."""

import shutil
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from dossier_app.app import main
from tests.services.register_support import REGISTER_TABLES, parcel_row, party_row, workbook


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _counts(url: str) -> dict[str, int]:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return {
                t: int(connection.execute(text(f"SELECT count(*) FROM {t}")).scalar() or 0) for t in REGISTER_TABLES
            }
    finally:
        engine.dispose()


def test_template_import_export_round(db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(capsys, "--db", db_url, "demo", "--households", "0")[0] == 0
    template = tmp_path / "mau.xlsx"
    assert _run(capsys, "--db", db_url, "register", "template", str(template))[0] == 0
    assert template.stat().st_size > 0
    good = workbook(tmp_path / "good.xlsx", [party_row("HT-1"), party_row("HT-2")], [parcel_row("HT-1")])
    code, out, err = _run(capsys, "--db", db_url, "register", "import", "CT-ITP", str(good), "--dry-run")
    assert (code, err) == (0, "") and "0 lỗi/problems" in out
    assert _counts(db_url)["affectedparty"] == 0
    code, out, _ = _run(capsys, "--db", db_url, "register", "import", "CT-ITP", str(good))
    assert code == 0 and "2 hộ/parties, 1 thửa/parcels" in out
    exported = tmp_path / "xuat.xlsx"
    code, out, _ = _run(capsys, "--db", db_url, "register", "export", "CT-ITP", str(exported))
    assert code == 0 and exported.stat().st_size > 0
    code, out, _ = _run(capsys, "--db", db_url, "register", "import", "CT-HTP", str(exported))
    assert code == 0
    assert _counts(db_url) == {
        "affectedparty": 4,
        "landparcel": 2,
        "asset": 0,
        "compensationline": 0,
        "resettlement": 0,
    }


def test_problems_exit_1_on_a_dry_run_and_2_on_an_import(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(capsys, "--db", db_url, "demo", "--households", "0")[0] == 0
    bad = workbook(tmp_path / "bad.xlsx", [party_row("HT-1", citizen_id="0920850012345"), party_row("HT-2")])
    code, out, _ = _run(capsys, "--db", db_url, "register", "import", "CT-ITP", str(bad), "--dry-run")
    assert code == 1
    assert "row 2, column 'Hộ bị ảnh hưởng: Số CCCD', value '0920850012345'" in out
    code, out, err = _run(capsys, "--db", db_url, "register", "import", "CT-ITP", str(bad))
    assert code == 2 and out == ""
    lines = err.splitlines()
    assert lines[0].startswith("lỗi / error:") and "1 problem(s)" in lines[0]
    assert lines[1].startswith("row 2, column 'Hộ bị ảnh hưởng: Số CCCD'")
    assert _counts(db_url)["affectedparty"] == 0
    code, _, err = _run(capsys, "--db", db_url, "register", "import", "NO-SUCH", str(bad))
    assert code == 2 and len(err.splitlines()) == 1


def test_an_unknown_kind_of_file_is_refused_naming_the_kinds_read(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(capsys, "--db", db_url, "demo", "--households", "0")[0] == 0
    other = tmp_path / "so-dang-ky.numbers"
    other.write_bytes(b"PK\x03\x04 not for us")
    code, out, _ = _run(capsys, "--db", db_url, "register", "import", "CT-ITP", str(other), "--dry-run")
    assert code == 1 and "Only .xlsx, .xlsm, .xls, .ods and .csv files can be imported." in out
    code, _, err = _run(capsys, "--db", db_url, "register", "import", "CT-ITP", str(other))
    assert code == 2 and "so-dang-ky.numbers" in err
    assert _counts(db_url)["affectedparty"] == 0


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed: no .ods to read")
def test_an_ods_is_checked_and_imported(db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(capsys, "--db", db_url, "demo", "--households", "0")[0] == 0
    good = workbook(tmp_path / "good.xlsx", [party_row("HT-1"), party_row("HT-2")], [parcel_row("HT-1")])
    profile = (tmp_path / "profile").as_uri()
    convert = ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "ods"]
    subprocess.run([*convert, "--outdir", str(tmp_path), str(good)], capture_output=True, timeout=300, check=True)
    ods = tmp_path / "good.ods"
    code, out, err = _run(capsys, "--db", db_url, "register", "import", "CT-ITP", str(ods), "--dry-run")
    assert (code, err) == (0, "") and "2 hộ/parties, 1 thửa/parcels" in out and "0 lỗi/problems" in out
    assert _counts(db_url)["affectedparty"] == 0
    code, out, _ = _run(capsys, "--db", db_url, "register", "import", "CT-ITP", str(ods))
    assert code == 0 and _counts(db_url)["landparcel"] == 1
