"""pg_dump, pg_restore and psql are found on the PATH, else in an installed server's folder, on Debian and Windows."""

from pathlib import Path

import pytest

from dossier_app.domain.errors import StorageUnavailable
from dossier_app.storage import server_backups


def _tool(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"")
    return path


def test_on_windows_the_newest_server_under_program_files_is_found(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    programs, programs_x86 = tmp_path / "Program Files", tmp_path / "Program Files (x86)"
    older = _tool(programs_x86 / "PostgreSQL" / "9" / "bin" / "pg_dump.exe")
    newer = _tool(programs / "PostgreSQL" / "16" / "bin" / "pg_dump.exe")
    _tool(programs / "PostgreSQL" / "16" / "bin" / "pg_dump")  # not a Windows program
    monkeypatch.setenv("ProgramW6432", str(programs))
    monkeypatch.setenv("ProgramFiles", str(programs))
    monkeypatch.setenv("ProgramFiles(x86)", str(programs_x86))
    assert server_backups.installed_tools("pg_dump", windows=True) == [older, newer]


def test_on_debian_the_newest_server_under_usr_lib_postgresql_is_found(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(server_backups, "_TOOL_FOLDERS", str(tmp_path))
    older, newer = _tool(tmp_path / "9" / "bin" / "psql"), _tool(tmp_path / "17" / "bin" / "psql")
    assert server_backups.installed_tools("psql", windows=False) == [older, newer]


def test_a_missing_tool_is_a_refusal_that_names_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(server_backups.shutil, "which", lambda _name: None)
    monkeypatch.setattr(server_backups, "installed_tools", lambda _name: [])
    with pytest.raises(StorageUnavailable) as refused:
        server_backups.server_tool("pg_restore")
    assert "pg_restore" in str(refused.value) and "Windows" in str(refused.value)
