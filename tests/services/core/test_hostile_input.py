"""Hostile attachment names are stored safely; oversized sections and files are refused and change nothing."""

import hashlib
from pathlib import Path

import pytest
from sqlalchemy import text

from dossier_app.domain.errors import TooLarge
from dossier_app.domain.file_names import safe_file_name
from dossier_app.services import Services
from dossier_app.services.dossier.dossiers import MAX_BODY_BYTES
from dossier_app.services.dossier.projects import ProjectView
from tests.domain.test_file_names import HOSTILE
from tests.services.support import section_by_key

DUMPED = ("section", "sectionrevision", "attachment", "auditentry")


@pytest.fixture
def section_id(services: Services, itp: ProjectView) -> int:
    """The planning-map section of a new IT park project."""
    return section_by_key(services, itp.id, "da.7_ban_do_quy_hoach").id


def snapshot(services: Services) -> str:
    """A fingerprint of the stored data: the SQLite file's bytes, or every row of the tables that could change."""
    if services.database.is_sqlite:
        services.close()  # fold the WAL in, so the file alone is the database
        return hashlib.sha256(Path(str(services.database.engine.url.database)).read_bytes()).hexdigest()
    digest = hashlib.sha256()
    with services.database.engine.connect() as connection:
        for table in DUMPED:
            for row in connection.execute(text(f"SELECT * FROM {table} ORDER BY id")).all():
                digest.update(repr(tuple(row)).encode())
    return digest.hexdigest()


def blobs(services: Services) -> set[str]:
    root = services.database.files_root()
    return {p.name for p in root.rglob("*") if p.is_file()} if root.exists() else set()


def test_hostile_names_are_stored_as_safe_names(services: Services, section_id: int, tmp_path: Path) -> None:
    source = tmp_path / "evidence.pdf"
    source.write_bytes(b"%PDF-1.4 hostile names")
    stored = [services.attachments.add(section_id, source, name=name).name for name in HOSTILE]
    assert stored == [safe_file_name(name) for name in HOSTILE]
    for name in stored:
        assert "/" not in name and "\\" not in name and "\x00" not in name and name not in (".", "..")
    assert [a.name for a in services.attachments.for_section(section_id)] == stored


def test_a_real_file_with_control_characters_in_its_name(services: Services, section_id: int, tmp_path: Path) -> None:
    source = tmp_path / ("bản đồ\x07\x1b" + "x" * 230 + ".pdf")
    source.write_bytes(b"%PDF-1.4")
    added = services.attachments.add(section_id, source)
    assert added.name == safe_file_name(source.name) and added.name.endswith(".pdf")
    assert "\x07" not in added.name and len(added.name.encode()) <= 200


def test_a_ten_megabyte_section_is_refused_and_nothing_changes(services: Services, section_id: int) -> None:
    services.dossiers.save_body(section_id, "Nội dung hợp lệ")
    before = snapshot(services)
    huge = "Đoạn văn rất dài của hồ sơ. " * (10 * 1_048_576 // 28)
    assert len(huge.encode()) > 10 * 1_000_000 > MAX_BODY_BYTES
    with pytest.raises(TooLarge) as refused:
        services.dossiers.save_body(section_id, huge)
    assert "MB" in refused.value.message and "Nothing was saved" in refused.value.message
    assert snapshot(services) == before


def test_an_attachment_over_the_limit_is_refused_and_nothing_changes(
    services: Services, section_id: int, tmp_path: Path
) -> None:
    services.context.max_attachment_bytes = 1_048_576
    big = tmp_path / "ảnh vệ tinh.tif"
    big.write_bytes(b"\0" * (1_048_576 + 1))
    before, stored_blobs = snapshot(services), blobs(services)
    with pytest.raises(TooLarge) as refused:
        services.attachments.add(section_id, big)
    assert "ảnh vệ tinh.tif" in refused.value.message and "at most 1 MB" in refused.value.message
    assert snapshot(services) == before and blobs(services) == stored_blobs
    assert services.attachments.for_section(section_id) == []


def test_the_limit_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    from dossier_app.services.core.context import attachment_limit_from_env

    monkeypatch.setenv("DOSSIER_MAX_ATTACHMENT_MB", "25")
    assert attachment_limit_from_env() == 25 * 1_048_576
    monkeypatch.setenv("DOSSIER_MAX_ATTACHMENT_MB", "nonsense")
    assert attachment_limit_from_env() == 100 * 1_048_576
