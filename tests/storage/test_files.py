"""The content-addressed file store: blobs named by SHA-256, identical content stored once."""

import hashlib
from pathlib import Path

import pytest

from dossier_app.domain.errors import AttachmentUnreadable, StorageUnavailable
from dossier_app.storage.files import FileStore

MAP_BYTES = "Bản đồ phương án thành lập, tỷ lệ 1/10.000".encode() * 1000
DECISION_BYTES = b"%PDF-1.7 Quyet dinh 895/QD-TTg"


def _write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def _blobs(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file())


@pytest.fixture
def store(tmp_path: Path) -> FileStore:
    """An empty store in its own folder."""
    return FileStore(tmp_path / "store")


def test_put_stores_the_bytes_under_their_sha256(store: FileStore, tmp_path: Path) -> None:
    source = _write(tmp_path, "ban-do.png", MAP_BYTES)
    sha256, size = store.put(source)
    assert sha256 == hashlib.sha256(MAP_BYTES).hexdigest()
    assert size == len(MAP_BYTES)
    blob = store.path_for(sha256)
    assert blob == store.root / sha256[:2] / sha256
    assert blob.read_bytes() == MAP_BYTES
    assert source.read_bytes() == MAP_BYTES, "the source is left alone"
    assert _blobs(store.root) == [blob], "no temporary file is left behind"


def test_identical_content_is_stored_once(store: FileStore, tmp_path: Path) -> None:
    first = store.put(_write(tmp_path, "a.png", MAP_BYTES))
    second = store.put(_write(tmp_path, "copy of a.png", MAP_BYTES))
    assert first == second
    assert _blobs(store.root) == [store.path_for(first[0])]


def test_different_content_gets_different_blobs(store: FileStore, tmp_path: Path) -> None:
    a, _ = store.put(_write(tmp_path, "a.png", MAP_BYTES))
    b, _ = store.put(_write(tmp_path, "b.pdf", DECISION_BYTES))
    assert a != b
    assert _blobs(store.root) == sorted([store.path_for(a), store.path_for(b)])
    assert store.path_for(b).read_bytes() == DECISION_BYTES


def test_empty_file_is_a_valid_blob(store: FileStore, tmp_path: Path) -> None:
    sha256, size = store.put(_write(tmp_path, "empty.txt", b""))
    assert (sha256, size) == (hashlib.sha256(b"").hexdigest(), 0)
    assert store.path_for(sha256).read_bytes() == b""


def test_discard_removes_only_that_blob(store: FileStore, tmp_path: Path) -> None:
    a, _ = store.put(_write(tmp_path, "a.png", MAP_BYTES))
    b, _ = store.put(_write(tmp_path, "b.pdf", DECISION_BYTES))
    store.discard(a)
    assert not store.path_for(a).exists()
    assert store.path_for(b).read_bytes() == DECISION_BYTES
    store.discard(a)  # discarding twice is harmless
    assert _blobs(store.root) == [store.path_for(b)]


@pytest.mark.parametrize("kind", ["missing", "directory"])
def test_unreadable_source_raises_and_leaves_no_blob(store: FileStore, tmp_path: Path, kind: str) -> None:
    source = tmp_path / "nope.pdf"
    if kind == "directory":
        source.mkdir()
    with pytest.raises(AttachmentUnreadable) as caught:
        store.put(source)
    assert "nope.pdf" in caught.value.message
    assert _blobs(store.root) == []


def test_store_under_a_regular_file_raises_storage_unavailable(tmp_path: Path) -> None:
    blocker = _write(tmp_path, "blocker", b"x")
    store = FileStore(blocker / "store")
    with pytest.raises(StorageUnavailable):
        store.put(_write(tmp_path, "a.png", MAP_BYTES))
    assert blocker.read_bytes() == b"x"
