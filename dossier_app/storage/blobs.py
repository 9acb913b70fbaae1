"""Attachment bytes inside the server database, for desktops that share a PostgreSQL database but no folder.

The bytes are stored in 1 MB chunks with the blob's row written last in the same transaction, so a blob is
either whole or absent. Reading materialises it once into a local cache, checked against its SHA-256, so the
system viewer and the exporters get an ordinary file.
"""

import hashlib
import os
import tempfile
from pathlib import Path

from sqlalchemy import delete
from sqlalchemy.exc import IntegrityError
from sqlmodel import col, select

from dossier_app.domain.errors import QT_TRANSLATE_NOOP, StorageUnavailable
from dossier_app.domain.models import StoredBlob, StoredBlobChunk
from dossier_app.storage.database import Database
from dossier_app.storage.files import FileStore, copy_hashing, settle

CHUNK_BYTES = 1 << 20


class DatabaseBlobStore:
    """Blobs in the `storedblob` tables; a local, hash-checked cache serves them as files."""

    def __init__(self, database: Database, cache_root: Path, legacy: FileStore | None = None) -> None:
        self._database = database
        self._cache = FileStore(cache_root)
        self._legacy = legacy  # where earlier versions kept a server's attachments on each desktop

    def put(self, source: Path) -> tuple[str, int]:
        """Copy a file into the database (once per content); the source is read exactly once."""
        temp, sha256, size = copy_hashing(source, self._cache.root)
        try:
            if not self._exists(sha256):
                self._upload(temp, sha256, size)
        finally:
            settle(temp, self._cache.path_for(sha256))
        return sha256, size

    def path_for(self, sha256: str) -> Path:
        """A local file with the blob's bytes, fetched from the database if not cached (missing: no file)."""
        cached = self._cache.path_for(sha256)
        if cached.is_file():
            return cached
        with self._database.begin() as session:
            blob = session.get(StoredBlob, sha256)
        if blob is None:
            return self._adopt_legacy(sha256) or cached
        self._download(blob, cached)
        return cached

    def discard(self, sha256: str) -> None:
        """Remove a blob nothing refers to any more, from the database and the local cache."""
        with self._database.begin() as session:
            session.exec(delete(StoredBlob).where(col(StoredBlob.sha256) == sha256))
            session.exec(delete(StoredBlobChunk).where(col(StoredBlobChunk.sha256) == sha256))
        self._cache.discard(sha256)

    def has(self, sha256: str) -> bool:
        """Whether the database holds the blob (the local cache alone does not count), without fetching it."""
        return self._exists(sha256)

    def _exists(self, sha256: str) -> bool:
        with self._database.begin() as session:
            return session.get(StoredBlob, sha256) is not None

    def _upload(self, path: Path, sha256: str, size: int) -> None:
        chunks = 0
        try:
            with self._database.begin() as session, path.open("rb") as reader:
                while data := reader.read(CHUNK_BYTES):
                    session.add(StoredBlobChunk(sha256=sha256, seq=chunks, data=data))
                    session.flush()
                    session.expunge_all()  # keep at most one chunk in memory
                    chunks += 1
                session.add(StoredBlob(sha256=sha256, size=size, chunks=chunks))
        except IntegrityError:
            if not self._exists(sha256):  # another desktop stored the same bytes meanwhile: that is fine
                raise

    def _download(self, blob: StoredBlob, target: Path) -> None:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temp_name = tempfile.mkstemp(dir=target.parent, prefix=".fetching-")
        digest = hashlib.sha256()
        try:
            with os.fdopen(handle, "wb") as writer, self._database.begin() as session:
                for seq in range(blob.chunks):
                    chunk = session.exec(
                        select(StoredBlobChunk.data).where(
                            StoredBlobChunk.sha256 == blob.sha256, StoredBlobChunk.seq == seq
                        )
                    ).first()
                    if chunk is None:
                        break
                    digest.update(chunk)
                    writer.write(chunk)
            if digest.hexdigest() != blob.sha256:
                raise StorageUnavailable(
                    QT_TRANSLATE_NOOP("Errors", "The stored copy of file {sha256} in the database is damaged."),
                    sha256=blob.sha256[:12],
                )
            os.replace(temp_name, target)
        finally:
            Path(temp_name).unlink(missing_ok=True)

    def _adopt_legacy(self, sha256: str) -> Path | None:
        """A blob an earlier version left in this desktop's folder: upload it so every desktop sees it."""
        if self._legacy is None or not self._legacy.path_for(sha256).is_file():
            return None
        stored, _size = self.put(self._legacy.path_for(sha256))
        return self._cache.path_for(stored) if stored == sha256 else None
