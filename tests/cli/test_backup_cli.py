"""`backup DEST` and `restore SRC [--yes]`: exit codes, the confirmation, refusals that change nothing."""

import hashlib
import io
from pathlib import Path

import pytest

from dossier_app.app import main
from dossier_app.services import open_services
from dossier_app.services.core.context import Operator
from tests.conftest import FAST_HASHER
from tests.services.support import section_by_key


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _projects(db: Path) -> list[str]:
    return _projects_at(str(db))


def _projects_at(location: str) -> list[str]:
    services = open_services(location, Operator("cli:tester"), password_hasher=FAST_HASHER)
    try:
        return [s.code for s in services.projects.summaries()]
    finally:
        services.close()


@pytest.fixture
def backed_up(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, Path]:
    """A database with the demo, a backup of it, then the demo's projects deleted from the live one."""
    db = tmp_path / "live.sqlite3"
    assert _run(capsys, "--db", str(db), "demo", "--households", "5")[0] == 0
    backup = tmp_path / "saved" / "copy.sqlite3"
    code, out, _ = _run(capsys, "--db", str(db), "backup", str(backup))
    assert code == 0 and str(backup) in out and backup.is_file()
    db.unlink()  # the live database starts again empty
    for leftover in (Path(f"{db}-wal"), Path(f"{db}-shm")):
        leftover.unlink(missing_ok=True)
    assert _run(capsys, "--db", str(db), "projects")[0] == 0
    return db, backup


def test_restore_with_yes_brings_the_backup_back(backed_up: tuple[Path, Path], capsys) -> None:  # type: ignore[no-untyped-def]
    db, backup = backed_up
    code, out, err = _run(capsys, "--db", str(db), "restore", str(backup), "--yes")
    assert (code, err) == (0, "")
    assert "copy.sqlite3" in out
    assert sorted(_projects(db)) == ["CT-HTP", "CT-ITP"]


def test_answering_no_changes_nothing(backed_up: tuple[Path, Path], capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    db, backup = backed_up
    before = _digest(db)
    stdin = io.StringIO("n\n")
    stdin.isatty = lambda: True  # type: ignore[method-assign]
    monkeypatch.setattr("sys.stdin", stdin)
    code, out, _ = _run(capsys, "--db", str(db), "restore", str(backup))
    assert code == 1 and "nothing was changed" in out
    assert _digest(db) == before and _projects(db) == []


def test_answering_yes_at_the_prompt_restores(backed_up: tuple[Path, Path], capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    db, backup = backed_up
    stdin = io.StringIO("y\n")
    stdin.isatty = lambda: True  # type: ignore[method-assign]
    monkeypatch.setattr("sys.stdin", stdin)
    code, out, _ = _run(capsys, "--db", str(db), "restore", str(backup))
    assert code == 0 and "Replace the whole database" in out
    assert sorted(_projects(db)) == ["CT-HTP", "CT-ITP"]


def test_without_a_terminal_restore_needs_yes(backed_up: tuple[Path, Path], capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    db, backup = backed_up
    before = _digest(db)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    code, _out, err = _run(capsys, "--db", str(db), "restore", str(backup))
    assert code == 2 and "--yes" in err and len(err.strip().splitlines()) == 1
    assert _digest(db) == before


@pytest.mark.parametrize("content", [b"", b"PK\x03\x04 a zip, not a database", b"SQLite format 3\x00" + b"\x00" * 200])
def test_a_bad_file_is_refused_with_exit_2(  # type: ignore[no-untyped-def]
    backed_up: tuple[Path, Path], capsys, content: bytes
) -> None:
    db, _backup = backed_up
    bad = db.with_name("bad.sqlite3")
    bad.write_bytes(content)
    before = _digest(db)
    code, out, err = _run(capsys, "--db", str(db), "restore", str(bad), "--yes")
    assert code == 2 and out == "" and err.startswith("lỗi / error:") and "bad.sqlite3" in err
    assert _digest(db) == before


def _first_body(location: str, text: str | None = None) -> str:
    """The Tờ trình's recommendation section of the demo high-tech park: its text, after writing `text` if given."""
    services = open_services(location, Operator("cli:tester"), password_hasher=FAST_HASHER)
    try:
        section_id = section_by_key(services, services.projects.by_code("CT-HTP").id, "tt.kien_nghi").id
        if text is not None:
            services.dossiers.save_body(section_id, text)
        return services.dossiers.section(section_id).body
    finally:
        services.close()


@pytest.mark.postgresql
def test_a_server_database_is_backed_up_and_restored(capsys, pg_url: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    url = pg_url
    assert _run(capsys, "--db", url, "demo", "--households", "5")[0] == 0
    saved = _first_body(url)
    dump = tmp_path / "phong-kt.dump"
    code, out, _ = _run(capsys, "--db", url, "backup", str(dump))
    assert code == 0 and str(dump) in out and dump.read_bytes().startswith(b"PGDMP")
    _first_body(url, "Viết sau khi sao lưu")
    code, out, err = _run(capsys, "--db", url, "restore", str(dump), "--yes")
    assert code == 0 and "phong-kt.dump" in out, err
    assert _first_body(url) == saved
    truncated = tmp_path / "cut.dump"
    truncated.write_bytes(dump.read_bytes()[:4096])
    _first_body(url, "Giữ nguyên")
    code, out, err = _run(capsys, "--db", url, "restore", str(truncated), "--yes")
    assert code == 2 and out == "" and "cut.dump" in err
    assert _first_body(url).startswith("Giữ nguyên")
