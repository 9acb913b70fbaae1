"""Content-addressed file store: attachments live under their SHA-256, written once, never edited."""

import hashlib
import os
import tempfile
from pathlib import Path
from typing import Protocol

from dossier_app.domain.errors import QT_TRANSLATE_NOOP, AttachmentUnreadable, StorageUnavailable

_CHUNK = 1 << 20


class BlobStore(Protocol):
    """Where attachment bytes live: a folder beside a SQLite file, or the server database itself."""

    def put(self, source: Path) -> tuple[str, int]:
        """Copy a file in; return its SHA-256 and size."""
        ...

    def path_for(self, sha256: str) -> Path:
        """A local file holding the blob's bytes (it does not exist when the blob is missing)."""
        ...

    def discard(self, sha256: str) -> None:
        """Remove a blob nothing refers to any more."""
        ...

    def has(self, sha256: str) -> bool:
        """Whether the store holds the blob, without fetching it."""
        ...


def copy_hashing(source: Path, folder: Path) -> tuple[Path, str, int]:
    """Copy `source` into a new file in `folder`, reading it once: the copy, its SHA-256 and its size."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temp_name = tempfile.mkstemp(dir=folder, prefix=".incoming-")
    except OSError as error:
        raise StorageUnavailable(
            QT_TRANSLATE_NOOP("Errors", "Cannot write to the attachment folder {location}: {reason}"),
            location=str(folder),
            reason=error.strerror or str(error),
        ) from error
    digest = hashlib.sha256()
    size = 0
    try:
        with os.fdopen(handle, "wb") as target, source.open("rb") as reader:
            while chunk := reader.read(_CHUNK):
                digest.update(chunk)
                size += len(chunk)
                target.write(chunk)
            target.flush()
            os.fsync(target.fileno())
    except OSError as error:
        Path(temp_name).unlink(missing_ok=True)
        raise AttachmentUnreadable(
            QT_TRANSLATE_NOOP("Errors", "Cannot read the file {name}: {reason}"),
            name=str(source),
            reason=error.strerror or str(error),
        ) from error
    return Path(temp_name), digest.hexdigest(), size


def settle(temp: Path, final: Path) -> None:
    """Move a finished copy to its content-addressed place, or drop it when that blob is there already."""
    final.parent.mkdir(parents=True, exist_ok=True)
    if final.exists():
        temp.unlink(missing_ok=True)
    else:
        os.replace(temp, final)


class FileStore:
    """Blobs in `root/ab/cdef…`; identical files are stored once."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def path_for(self, sha256: str) -> Path:
        """Where the blob with this hash lives (it may not exist)."""
        return self.root / sha256[:2] / sha256

    def put(self, source: Path) -> tuple[str, int]:
        """Copy a file in; return its SHA-256 and size. The source is read exactly once."""
        temp, sha256, size = copy_hashing(source, self.root)
        settle(temp, self.path_for(sha256))
        return sha256, size

    def discard(self, sha256: str) -> None:
        """Remove a blob nothing refers to any more."""
        self.path_for(sha256).unlink(missing_ok=True)

    def has(self, sha256: str) -> bool:
        """Whether the blob is here."""
        return self.path_for(sha256).is_file()
