"""Content-addressed file store: attachments live under their SHA-256, written once, never edited."""

import hashlib
import os
import tempfile
from pathlib import Path

from dossier_app.domain.errors import QT_TRANSLATE_NOOP, AttachmentUnreadable, StorageUnavailable

_CHUNK = 1 << 20


class FileStore:
    """Blobs in `root/ab/cdef…`; identical files are stored once."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def path_for(self, sha256: str) -> Path:
        """Where the blob with this hash lives (it may not exist)."""
        return self.root / sha256[:2] / sha256

    def put(self, source: Path) -> tuple[str, int]:
        """Copy a file in; return its SHA-256 and size. The source is read exactly once."""
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            handle, temp_name = tempfile.mkstemp(dir=self.root, prefix=".incoming-")
        except OSError as error:
            raise StorageUnavailable(
                QT_TRANSLATE_NOOP("Errors", "Cannot write to the attachment folder {location}: {reason}"),
                location=str(self.root),
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
        sha256 = digest.hexdigest()
        final = self.path_for(sha256)
        final.parent.mkdir(parents=True, exist_ok=True)
        if final.exists():
            Path(temp_name).unlink(missing_ok=True)
        else:
            os.replace(temp_name, final)
        return sha256, size

    def discard(self, sha256: str) -> None:
        """Remove a blob nothing refers to any more."""
        self.path_for(sha256).unlink(missing_ok=True)
