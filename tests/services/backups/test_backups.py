"""Backups: a round trip with attachments, refusals that leave the database byte-for-byte, daily rotation."""

import hashlib
import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest

from dossier_app.domain.errors import BackupRefused, PermissionDenied, SchemaTooNew
from dossier_app.services import Services, open_services
from dossier_app.services.accounts.audit import AuditFilter
from dossier_app.services.backups.backups import BackupService
from dossier_app.services.core.context import Operator
from dossier_app.storage.backups import files_folder
from tests.conftest import FAST_HASHER
from tests.services.support import section_by_key


@pytest.fixture
def local(sqlite_url: str) -> Services:
    """Services on a SQLite file (backups are of SQLite files), with one project."""
    services = open_services(sqlite_url, Operator("cli:tester"), password_hasher=FAST_HASHER)
    yield services
    services.close()


def fingerprint(services: Services) -> str:
    """SHA-256 of the database file with every connection closed (the WAL folded in)."""
    services.close()
    path = Path(str(services.database.engine.url.database))
    return hashlib.sha256(path.read_bytes()).hexdigest()


def write_section(services: Services, text: str) -> int:
    project = services.projects.by_code("CT-ITP2") if services.projects.summaries() else None
    if project is None:
        from tests.services.support import it_park

        services.projects.create(it_park())
        project = services.projects.by_code("CT-ITP2")
    section_id = section_by_key(services, project.id, "da.7_ban_do_quy_hoach").id
    services.dossiers.save_body(section_id, text)
    return section_id


def test_round_trip_brings_back_text_and_attachments(local: Services, tmp_path: Path) -> None:
    section_id = write_section(local, "Bản đồ quy hoạch — bản đã sao lưu")
    evidence = tmp_path / "ban-do.pdf"
    evidence.write_bytes(b"%PDF-1.4 map")
    local.attachments.add(section_id, evidence)
    backup = local.backups.back_up(tmp_path / "saved" / "copy.sqlite3")
    assert backup.size > 0 and backup.path.is_file()
    blobs = [p for p in files_folder(backup.path).rglob("*") if p.is_file()]
    assert [p.read_bytes() for p in blobs] == [b"%PDF-1.4 map"]
    local.dossiers.save_body(section_id, "Văn bản viết sau khi sao lưu")
    # the attachment store is emptied, as if the disk lost it
    for blob in Path(local.database.files_root()).rglob("*"):
        if blob.is_file():
            blob.unlink()
    local.backups.restore(backup.path)
    assert local.dossiers.section(section_id).body.startswith("Bản đồ quy hoạch — bản đã sao lưu")
    attachment = local.attachments.for_section(section_id)[0]
    assert local.attachments.path(attachment.id).read_bytes() == b"%PDF-1.4 map"
    assert local.audit.verify().ok
    assert local.audit.entries(AuditFilter(action="database.restore"))[0].summary.startswith(
        "restored from backup 'copy.sqlite3'"
    )


def test_damaged_or_foreign_files_are_refused_and_nothing_changes(local: Services, tmp_path: Path) -> None:
    write_section(local, "Nội dung hiện tại")
    url = local.database.url
    before = fingerprint(local)
    not_sqlite = tmp_path / "notes.sqlite3"
    not_sqlite.write_text("không phải cơ sở dữ liệu", encoding="utf-8")
    damaged = tmp_path / "damaged.sqlite3"
    reopened = open_services(url, Operator("cli:tester"), password_hasher=FAST_HASHER)
    reopened.backups.back_up(damaged)
    data = bytearray(damaged.read_bytes())
    for offset in range(4096, len(data), 4096):  # scribble over the header of every page but the first
        data[offset : offset + 12] = b"\x55" * 12
    damaged.write_bytes(bytes(data))
    for bad, error in ((not_sqlite, BackupRefused), (damaged, BackupRefused), (tmp_path / "none", BackupRefused)):
        with pytest.raises(error):
            reopened.backups.restore(bad)
    assert fingerprint(reopened) == before


def test_a_backup_from_a_newer_program_is_refused(local: Services, tmp_path: Path) -> None:
    write_section(local, "Nội dung hiện tại")
    newer = tmp_path / "newer.sqlite3"
    local.backups.back_up(newer)
    with sqlite3.connect(newer) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    connection.close()
    url = local.database.url
    before = fingerprint(local)
    reopened = open_services(url, Operator("cli:tester"), password_hasher=FAST_HASHER)
    with pytest.raises(SchemaTooNew):
        reopened.backups.check(newer)
    with pytest.raises(SchemaTooNew):
        reopened.backups.restore(newer)
    assert fingerprint(reopened) == before


def test_automatic_backups_are_daily_and_rotate(local: Services, tmp_path: Path) -> None:
    service = BackupService(local.context, local.audit, tmp_path / "backups")
    first = date(2026, 11, 1)
    assert service.run_automatic(keep=3, today=first) is not None
    assert service.run_automatic(keep=3, today=first) is None  # at most daily
    for day in range(1, 6):
        service.run_automatic(keep=3, today=first + timedelta(days=day))
    kept = service.automatic()
    assert [e.taken_on for e in kept] == [first + timedelta(days=d) for d in (5, 4, 3)]
    assert all(e.path.name == f"{e.taken_on.isoformat()}.sqlite3" and e.size > 0 for e in kept)


def test_only_an_administrator_may_restore(local: Services, tmp_path: Path) -> None:
    from dossier_app.domain.enums import Role

    backup = local.backups.back_up(tmp_path / "copy.sqlite3")
    local.accounts.add("canbo", [Role.OFFICER], "mat-khau-dai-du")
    local.context.operator = Operator("canbo")
    with pytest.raises(PermissionDenied):
        local.backups.restore(backup.path)
