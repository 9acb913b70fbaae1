"""Attachments of a section: recorded in the database, bytes stored once by SHA-256."""

import hashlib
import uuid
from pathlib import Path

import pytest
from sqlmodel import select

from dossier_app.domain.errors import AttachmentUnreadable, NotFound, StorageBusy, StorageUnavailable
from dossier_app.domain.models import StoredBlob, StoredBlobChunk
from dossier_app.services import Services
from dossier_app.services.dossier.projects import ProjectView
from dossier_app.storage.blobs import CHUNK_BYTES, DatabaseBlobStore
from dossier_app.storage.files import FileStore
from tests.conftest import TESTER
from tests.services.support import row_counts, section_by_key


@pytest.fixture
def payload() -> bytes:
    """Bytes no other test stores (the PostgreSQL variants share one attachment folder)."""
    return f"Quyết định 895/QĐ-TTg ngày 09/06/2021 — {uuid.uuid4()}".encode() * 500


@pytest.fixture
def section_id(services: Services, itp: ProjectView) -> int:
    """Item 7 of the IT park's Đề án (the planning map)."""
    return section_by_key(services, itp.id, "da.7_ban_do_quy_hoach").id


def stored_copies(services: Services, sha256: str) -> int:
    """How many times the store holds these bytes: files in the folder (SQLite), blobs in the database (server)."""
    if services.database.is_sqlite:
        return sum(1 for p in services.database.files_root().rglob("*") if p.is_file() and p.name == sha256)
    with services.database.begin() as session:
        return len(session.exec(select(StoredBlob).where(StoredBlob.sha256 == sha256)).all())


def _file(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def test_add_records_the_file_and_stores_its_bytes(
    services: Services, section_id: int, tmp_path: Path, payload: bytes
) -> None:
    source = _file(tmp_path, "Quyết định 895.pdf", payload)
    added = services.attachments.add(section_id, source)
    assert added.name == "Quyết định 895.pdf"
    assert added.size == len(payload)
    assert added.sha256 == hashlib.sha256(payload).hexdigest()
    assert added.added_by == TESTER
    assert added.added_at.tzinfo is not None
    assert services.attachments.for_section(section_id) == [added]
    stored = services.attachments.path(added.id)
    assert stored.read_bytes() == payload
    assert stored != source
    source.unlink()
    assert services.attachments.path(added.id).read_bytes() == payload, "the store keeps its own copy"


def test_same_bytes_twice_are_stored_once(
    services: Services, itp: ProjectView, section_id: int, tmp_path: Path, payload: bytes
) -> None:
    other_section = section_by_key(services, itp.id, "da.4_3_su_dung_dat").id
    first = services.attachments.add(section_id, _file(tmp_path, "ban-do.pdf", payload))
    second = services.attachments.add(other_section, _file(tmp_path, "ban-do (bản sao).pdf", payload))
    assert first.id != second.id
    assert first.sha256 == second.sha256
    assert services.attachments.path(first.id) == services.attachments.path(second.id)
    assert stored_copies(services, first.sha256) == 1
    assert [a.name for a in services.attachments.for_section(section_id)] == ["ban-do.pdf"]
    assert [a.name for a in services.attachments.for_section(other_section)] == ["ban-do (bản sao).pdf"]


def test_remove_keeps_the_blob_while_another_record_uses_it(
    services: Services, section_id: int, tmp_path: Path, payload: bytes
) -> None:
    first = services.attachments.add(section_id, _file(tmp_path, "a.pdf", payload))
    second = services.attachments.add(section_id, _file(tmp_path, "b.pdf", payload))
    blob = services.attachments.path(first.id)
    assert services.attachments.remove(first.id) == first
    assert services.attachments.for_section(section_id) == [second]
    assert blob.read_bytes() == payload
    assert services.attachments.path(second.id) == blob
    with pytest.raises(NotFound):
        services.attachments.path(first.id)
    services.attachments.remove(second.id)
    assert services.attachments.for_section(section_id) == []
    assert not blob.exists()
    with pytest.raises(NotFound):
        services.attachments.remove(second.id)


def test_attachments_keep_the_order_they_were_added(services: Services, section_id: int, tmp_path: Path) -> None:
    names = ["3-ban-do.png", "1-quyet-dinh.pdf", "2-bien-ban.docx"]
    for index, name in enumerate(names):
        services.attachments.add(section_id, _file(tmp_path, name, f"{uuid.uuid4()} {index}".encode()))
    assert [a.name for a in services.attachments.for_section(section_id)] == names


@pytest.mark.parametrize("kind", ["missing", "directory"])
def test_unreadable_file_is_refused_and_nothing_is_recorded(
    services: Services, section_id: int, tmp_path: Path, kind: str
) -> None:
    source = tmp_path / "khong-doc-duoc.pdf"
    if kind == "directory":
        source.mkdir()
    before = row_counts(services)
    with pytest.raises(AttachmentUnreadable) as caught:
        services.attachments.add(section_id, source)
    assert "khong-doc-duoc.pdf" in caught.value.message
    assert row_counts(services) == before
    assert services.attachments.for_section(section_id) == []


def test_attaching_to_a_deleted_section_is_refused(
    services: Services, itp: ProjectView, tmp_path: Path, payload: bytes
) -> None:
    de_an = services.dossiers.tree(itp.id)[1]
    custom = services.dossiers.add_section(de_an.id, None, "Phụ lục ảnh")
    services.dossiers.delete_section(custom)
    before = row_counts(services)
    with pytest.raises(NotFound):
        services.attachments.add(custom, _file(tmp_path, "anh.jpg", payload))
    assert row_counts(services) == before
    assert not services.context.files.path_for(hashlib.sha256(payload).hexdigest()).exists()


def test_missing_blob_is_reported_by_name(services: Services, section_id: int, tmp_path: Path, payload: bytes) -> None:
    added = services.attachments.add(section_id, _file(tmp_path, "mat-tep.pdf", payload))
    services.context.files.discard(added.sha256)
    with pytest.raises(NotFound) as caught:
        services.attachments.path(added.id)
    assert "mat-tep.pdf" in caught.value.message


def _server_only(services: Services) -> None:
    if services.database.is_sqlite:
        pytest.skip("SQLite keeps attachments in the folder beside its file")


def test_on_a_server_every_desktop_opens_the_same_attachment(
    services: Services, section_id: int, tmp_path: Path, payload: bytes
) -> None:
    """Server mode keeps the bytes in the database: a desktop with an empty cache still gets them, whole."""
    _server_only(services)
    added = services.attachments.add(section_id, _file(tmp_path, "bản đồ 1-2000.pdf", payload * 30))  # over one chunk
    other_desktop = DatabaseBlobStore(services.database, tmp_path / "other-desktop-cache")
    fetched = other_desktop.path_for(added.sha256)
    assert fetched.read_bytes() == payload * 30
    assert fetched.is_relative_to(tmp_path / "other-desktop-cache")
    with services.database.begin() as session:
        blob = session.get(StoredBlob, added.sha256)
        assert blob is not None and blob.chunks == -(-len(payload) * 30 // CHUNK_BYTES) > 1


def test_a_damaged_server_copy_is_reported_not_handed_out(
    services: Services, section_id: int, tmp_path: Path, payload: bytes
) -> None:
    _server_only(services)
    added = services.attachments.add(section_id, _file(tmp_path, "quyết định.pdf", payload))
    with services.database.begin() as session:
        chunk = session.get(StoredBlobChunk, (added.sha256, 0))
        assert chunk is not None
        chunk.data = b"tampered" + chunk.data[8:]
        session.add(chunk)
    reader = DatabaseBlobStore(services.database, tmp_path / "cache")
    with pytest.raises(StorageUnavailable) as caught:
        reader.path_for(added.sha256)
    assert added.sha256[:12] in caught.value.message
    assert list((tmp_path / "cache").rglob("*")) == [] or all(p.is_dir() for p in (tmp_path / "cache").rglob("*"))


def test_a_server_adopts_attachments_an_earlier_version_left_on_this_desktop(
    services: Services, tmp_path: Path, payload: bytes
) -> None:
    _server_only(services)
    legacy = FileStore(tmp_path / "legacy")
    sha256, _ = legacy.put(_file(tmp_path, "cũ.pdf", payload))
    store = DatabaseBlobStore(services.database, tmp_path / "cache", legacy=legacy)
    assert store.path_for(sha256).read_bytes() == payload
    assert stored_copies(services, sha256) == 1, "uploaded, so the other desktops see it too"


def test_a_refusal_after_the_bytes_went_in_leaves_no_stored_copy(
    services: Services, section_id: int, tmp_path: Path, payload: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The record is refused after the store took the bytes (a lock, a lost right): the bytes go too."""
    before = row_counts(services)

    def refuse(*_args: object) -> None:
        raise StorageBusy()

    monkeypatch.setattr(services.attachments, "_record", refuse)
    with pytest.raises(StorageBusy):
        services.attachments.add(section_id, _file(tmp_path, "bị từ chối.pdf", payload))
    assert row_counts(services) == before
    assert stored_copies(services, hashlib.sha256(payload).hexdigest()) == 0
