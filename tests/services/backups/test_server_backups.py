"""Backups of a server database: pg_dump archives with the attachments in them, checked all-or-nothing restores."""

import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from dossier_app.domain.enums import AuditAction, Role
from dossier_app.domain.errors import BackupRefused, PermissionDenied, SchemaTooNew
from dossier_app.services import Services, open_services
from dossier_app.services.accounts.audit import AuditFilter
from dossier_app.services.core.context import Operator
from dossier_app.storage import server_backups
from dossier_app.storage.blobs import DatabaseBlobStore
from dossier_app.storage.migrations import head_revision
from tests.conftest import FAST_HASHER
from tests.services.support import section_by_key

pytestmark = pytest.mark.postgresql


@pytest.fixture
def server(pg_url: str) -> Iterator[Services]:
    """Services on a fresh PostgreSQL database with the demo loaded, as the local operator."""
    services = open_services(pg_url, Operator("cli:tester"), password_hasher=FAST_HASHER)
    services.demo.load(households=5)
    yield services
    services.close()


def content_digest(services: Services) -> str:
    """Every row of every table, hashed: equal digests mean the data is exactly as it was."""
    digest = hashlib.sha256()
    with services.database.engine.connect() as connection:
        tables = connection.execute(
            text("SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename")
        ).scalars()
        for table in list(tables):
            rows = connection.execute(text(f'SELECT t::text FROM "{table}" t ORDER BY 1')).scalars()
            digest.update(table.encode() + b"\0" + "\n".join(rows).encode())
    return digest.hexdigest()


def _kien_nghi(services: Services) -> int:
    project = services.projects.by_code("CT-HTP")
    return section_by_key(services, project.id, "tt.kien_nghi").id


def test_round_trip_brings_back_text_and_attachments(server: Services, tmp_path: Path) -> None:
    section_id = _kien_nghi(server)
    evidence = tmp_path / "bản đồ.pdf"
    evidence.write_bytes(b"%PDF-1.4 " + b"map " * 400_000)  # over one stored chunk
    attachment = server.attachments.add(section_id, evidence)
    server.dossiers.save_body(section_id, "Kiến nghị — bản đã sao lưu")
    backup = server.backups.back_up(tmp_path / "sao lưu" / "server.dump")
    assert backup.path.read_bytes().startswith(b"PGDMP") and backup.size > 0
    assert not list(backup.path.parent.glob(".*partial")), "no half-written file is left"
    server.dossiers.save_body(section_id, "Viết sau khi sao lưu")
    server.attachments.remove(attachment.id)

    assert server.backups.check(backup.path) == head_revision()
    assert server.backups.restore(backup.path) == head_revision()

    assert server.dossiers.section(section_id).body.startswith("Kiến nghị — bản đã sao lưu")
    [restored] = [a for a in server.attachments.for_section(section_id) if a.sha256 == attachment.sha256]
    fresh_desktop = DatabaseBlobStore(server.database, tmp_path / "another-desktop")
    assert fresh_desktop.path_for(restored.sha256).read_bytes() == evidence.read_bytes()
    restores = server.audit.entries(AuditFilter(action=AuditAction.DATABASE_RESTORE))
    assert restores and "server.dump" in restores[0].summary


def test_damaged_or_foreign_files_are_refused_and_nothing_changes(server: Services, tmp_path: Path) -> None:
    backup = server.backups.back_up(tmp_path / "server.dump")
    truncated = tmp_path / "cut.dump"
    truncated.write_bytes(backup.path.read_bytes()[: backup.size // 2])
    foreign = tmp_path / "copy.sqlite3"
    foreign.write_bytes(b"SQLite format 3\x00" + bytes(4096))
    before = content_digest(server)
    for bad, words in ((truncated, "damaged"), (foreign, "not a backup of a server database")):
        for attempt in (server.backups.check, server.backups.restore):
            with pytest.raises(BackupRefused) as refused:
                attempt(bad)
            assert bad.name in refused.value.message and words in refused.value.message
    assert content_digest(server) == before


def test_a_backup_from_a_newer_program_is_refused(server: Services, tmp_path: Path) -> None:
    with server.database.begin() as session:
        session.execute(text("UPDATE alembic_version SET version_num = '9999_from_the_future'"))
    newer = server.backups.back_up(tmp_path / "newer.dump").path
    with server.database.begin() as session:
        session.execute(text("UPDATE alembic_version SET version_num = :head"), {"head": head_revision()})
    before = content_digest(server)
    with pytest.raises(SchemaTooNew):
        server.backups.check(newer)
    with pytest.raises(SchemaTooNew):
        server.backups.restore(newer)
    assert content_digest(server) == before


def test_a_restore_that_fails_midway_rolls_back_whole(
    server: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    backup = server.backups.back_up(tmp_path / "server.dump")
    server.dossiers.save_body(_kien_nghi(server), "Giữ nguyên nếu khôi phục thất bại")
    before = content_digest(server)
    monkeypatch.setattr(server_backups, "_DROP_TABLES", server_backups._DROP_TABLES + "SELECT 1 / 0;\n")
    with pytest.raises(Exception, match="division by zero"):
        server.backups.restore(backup.path)
    assert content_digest(server) == before


def test_only_an_administrator_backs_up_or_restores_a_server(server: Services, tmp_path: Path) -> None:
    backup = server.backups.back_up(tmp_path / "server.dump")
    server.accounts.add("truongphong", [Role.MANAGER], "mat-khau-dai-du")
    server.context.operator = Operator("truongphong")
    with pytest.raises(PermissionDenied):
        server.backups.back_up(tmp_path / "again.dump")
    with pytest.raises(PermissionDenied):
        server.backups.restore(backup.path)
    assert not (tmp_path / "again.dump").exists()


def test_the_password_never_reaches_a_command_line(
    server: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[list[str]] = []
    real_run = server_backups.subprocess.run

    def spy(command: list[str], **kwargs: object) -> object:
        seen.append(list(command))
        return real_run(command, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(server_backups.subprocess, "run", spy)
    secret_url = server.database.url.replace("postgres@", "postgres:Bi-mat-123@", 1)
    monkeypatch.setattr(server.database, "url", secret_url)
    server.backups.back_up(tmp_path / "server.dump")  # trust authentication ignores the password
    assert seen and not any("Bi-mat-123" in part for command in seen for part in command)
