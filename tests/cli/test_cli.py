"""The command line contract: --help, demo, projects, and refusals with exit 2 and one line on stderr."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from dossier_app import cli
from dossier_app.app import main
from dossier_app.storage.database import open_database

ROOT = Path(__file__).resolve().parents[2]
TABLES = ("project", "document", "section", "sectionrevision", "attachment")


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _counts(url: str) -> dict[str, int]:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return {t: int(connection.execute(text(f"SELECT count(*) FROM {t}")).scalar() or 0) for t in TABLES}
    finally:
        engine.dispose()


def _project_lines(out: str) -> list[str]:
    return [line for line in out.splitlines() if line.startswith("CT-")]


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def test_help_lists_the_commands(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["--help"])
    assert caught.value.code == 0
    out = capsys.readouterr().out
    assert "--db" in out
    assert "demo" in out and "projects" in out


def test_unknown_command_is_bad_usage(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["frobnicate"])
    assert caught.value.code == 2
    assert "frobnicate" in capsys.readouterr().err


def test_cli_without_a_command_prints_help_and_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main([]) == 2
    assert "projects" in capsys.readouterr().out


def test_projects_on_an_empty_database(capsys: pytest.CaptureFixture[str], db_url: str) -> None:
    code, out, err = _run(capsys, "--db", db_url, "projects")
    assert (code, err) == (0, "")
    assert _project_lines(out) == []
    assert "python main.py demo" in out


def test_demo_twice_gives_the_same_projects_and_counts(capsys: pytest.CaptureFixture[str], db_url: str) -> None:
    code, out, err = _run(capsys, "--db", db_url, "demo")
    assert (code, err) == (0, "")
    assert "CT-HTP" in out and "CT-ITP" in out
    assert "2 projects created" in out
    first_counts = _counts(db_url)
    _, first_listing, _ = _run(capsys, "--db", db_url, "projects")

    code, out, err = _run(capsys, "--db", db_url, "demo")
    assert (code, err) == (0, "")
    assert "0 projects created, 0 sections filled" in out
    assert _counts(db_url) == first_counts
    code, second_listing, err = _run(capsys, "--db", db_url, "projects")
    assert (code, err) == (0, "")
    assert second_listing == first_listing
    assert first_counts["project"] == 2 and first_counts["sectionrevision"] > 0


def test_projects_lists_codes_names_and_regimes(capsys: pytest.CaptureFixture[str], db_url: str) -> None:
    _run(capsys, "--db", db_url, "demo")
    code, out, err = _run(capsys, "--db", db_url, "projects")
    assert (code, err) == (0, "")
    htp, itp = _project_lines(out)
    assert htp.split()[0] == "CT-HTP"
    assert "Khu công nghệ cao Cần Thơ" in htp and "10/2024/NĐ-CP" in htp
    assert itp.split()[0] == "CT-ITP"
    assert "Khu công nghệ thông tin tập trung Cần Thơ" in itp and "154/2013/NĐ-CP" in itp
    for line in (htp, itp):
        written, total = line.split()[-2].split("/")
        assert 0 < int(written) < int(total)


def test_demo_revisions_are_recorded_against_the_cli_operator(
    capsys: pytest.CaptureFixture[str], sqlite_url: str
) -> None:
    _run(capsys, "--db", sqlite_url, "demo")
    engine = create_engine(sqlite_url)
    try:
        with engine.connect() as connection:
            authors = set(
                connection.execute(text("SELECT DISTINCT author FROM sectionrevision WHERE number = 1")).scalars()
            )
            later = set(connection.execute(text("SELECT DISTINCT author FROM sectionrevision WHERE number > 1")))
    finally:
        engine.dispose()
    assert len(authors) == 1
    assert authors.pop().startswith("cli:")
    assert later == {("chuyenvien",)}  # the review story's edits are the demo officer's


@pytest.mark.parametrize("command", ["demo", "projects"])
def test_unwritable_db_exits_2_with_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path, command: str) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    code, out, err = _run(capsys, "--db", str(blocker / "dossier.sqlite3"), command)
    assert code == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert str(blocker) in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file"]


def test_newer_schema_exits_2_and_leaves_the_file_unchanged(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "newer.sqlite3"
    database = open_database(str(path))
    with database.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = 'ffff_newer_program'"))
    database.dispose()
    before = _files(tmp_path)
    for command in ("projects", "demo"):
        code, out, err = _run(capsys, "--db", str(path), command)
        assert code == 2
        assert out == ""
        assert len(err.strip().splitlines()) == 1
        assert "ffff_newer_program" in err
    assert _files(tmp_path) == before


def test_main_py_as_a_subprocess(tmp_path: Path) -> None:
    database = tmp_path / "Hồ sơ.sqlite3"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONIOENCODING": "ascii"}
    env.pop("DOSSIER_DB", None)

    def run(*argv: str, db: Path = database) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "main.py", "--db", str(db), *argv],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=120,
            check=False,
        )

    demo = run("demo")
    assert demo.returncode == 0, demo.stderr
    assert "CT-HTP" in demo.stdout
    counts = _counts(f"sqlite:///{database}")
    again = run("demo")
    assert again.returncode == 0, again.stderr
    assert _counts(f"sqlite:///{database}") == counts
    listing = run("projects")
    assert listing.returncode == 0, listing.stderr
    lines = _project_lines(listing.stdout)
    assert [line.split()[0] for line in lines] == ["CT-HTP", "CT-ITP"]
    assert "Cần Thơ" in listing.stdout, "Vietnamese is written as UTF-8 whatever the terminal says"
    bad = run("projects", db=database / "x.sqlite3")
    assert bad.returncode == 2
    assert bad.stdout == ""
    assert len(bad.stderr.strip().splitlines()) == 1


def test_check_exit_codes_and_report(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'check.sqlite3'}"
    assert _run(capsys, "--db", url, "demo")[0] == 0
    code, out, err = _run(capsys, "--db", url, "check", "CT-ITP")
    assert code == 1, err
    assert "✗ THIẾU" in out and "✓ OK" in out
    assert "Tài liệu kèm theo bắt buộc / Mandatory attachments" in out
    assert "Missing: Decision approving the environmental impact assessment report (certified copy)" in out
    assert out.rstrip().splitlines()[-1].startswith("Còn thiếu")
    code, out, err = _run(capsys, "--db", url, "check", "KHONG-CO")
    assert code == 2 and out == ""
    assert "KHONG-CO" in err and len(err.strip().splitlines()) == 1


def test_check_exits_0_for_a_complete_project(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    from dossier_app.services import open_services
    from dossier_app.services.core.context import Operator
    from tests.conftest import FAST_HASHER
    from tests.services.readiness_support import complete_project
    from tests.services.support import it_park

    url = f"sqlite:///{tmp_path / 'complete.sqlite3'}"
    services = open_services(url, Operator("cli:tester"), password_hasher=FAST_HASHER)
    try:
        complete_project(services, services.projects.create(it_park("CT-DONE")), tmp_path)
    finally:
        services.close()
    code, out, err = _run(capsys, "--db", url, "check", "CT-DONE")
    assert code == 0, out + err
    assert "✗" not in out and out.rstrip().splitlines()[-1].startswith("Hồ sơ đầy đủ")
