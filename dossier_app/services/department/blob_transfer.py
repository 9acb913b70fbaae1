"""The server's side of attachment bytes: blobs named by SHA-256, read by range, received in resumable chunks.

A blob is served only to a signed-in person, and only when an attachment on the server refers to it (bytes nobody
filed are no one's to read). An upload needs the right to edit (the right to add attachments); its chunks are
appended, in order, to a partial file kept aside, one per person and blob, outside the store, so it is never
seen as the blob. When the last chunk arrives the whole file's SHA-256 is checked: the blob enters the store only
when it matches its name; otherwise the partial file is removed and nothing is kept. A broken upload resumes from
the partial file's size (`offset`), a broken download from the bytes the desktop holds (HTTP Range). A partial
upload nobody went on with for a week is removed when another upload starts.
"""

import contextlib
import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlmodel import select

from dossier_app.domain.errors import (
    QT_TRANSLATE_NOOP,
    Conflict,
    NotFound,
    PermissionDenied,
    TooLarge,
    ValidationFailed,
)
from dossier_app.domain.lifecycle import Action
from dossier_app.domain.models import Attachment
from dossier_app.services.core.context import ServiceContext
from dossier_app.services.core.permissions import current_actor, require_action
from dossier_app.storage.database import Database

SHA256_NAME = re.compile(r"^[0-9a-f]{64}$")
MAX_CHUNK_BYTES = 4 * 1_048_576  # one upload request's body at most; desktops send 1 MiB
MAX_ASKED = 1000  # hashes in one "which do you lack?" question
ABANDONED_AFTER_S = 7 * 24 * 3600  # a partial upload untouched this long is removed when another upload starts
_READ = 1 << 20


class BlobDamaged(ValidationFailed):
    """The assembled bytes do not have the SHA-256 they were sent under; nothing was kept."""

    def __init__(self, *, sha256: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Errors", "The bytes received do not have the SHA-256 {sha256}; nothing was kept, send the file again."
            ),
            field="body",
            sha256=sha256,
        )


class UploadOffsetMismatch(Conflict):
    """A chunk that does not start where the server's partial upload ends (ask the offset and go on from there)."""

    template = QT_TRANSLATE_NOOP(
        "Errors", "The server holds {offset} bytes of this upload; the chunk starts at {start}. Ask again and go on."
    )


def blob_name(name: object, field: str = "sha256") -> str:
    """A blob's name as the API takes it: exactly 64 lower-case hexadecimal digits; ValidationFailed naming
    `field` otherwise (no path, no `../`, nothing else can reach the file system)."""
    if not isinstance(name, str) or not SHA256_NAME.match(name):
        raise ValidationFailed(
            QT_TRANSLATE_NOOP("Errors", "'{value}' is not a SHA-256 name (64 lower-case hexadecimal digits)."),
            field=field,
            value=str(name)[:80],
        )
    return name


def partial_folder(database: Database) -> Path:
    """Where unfinished transfers wait: beside the attachment folder, never inside it (`NAME.files.partial`)."""
    root = database.files_root()
    return root.with_name(root.name + ".partial")


def file_sha256(path: Path) -> str:
    """The SHA-256 of a file, read in 1 MiB pieces."""
    digest = hashlib.sha256()
    with path.open("rb") as reader:
        while piece := reader.read(_READ):
            digest.update(piece)
    return digest.hexdigest()


@dataclass(frozen=True)
class UploadState:
    """How much of an upload the server holds, and whether the blob is whole (in the store) already."""

    offset: int
    complete: bool


class BlobTransfer:
    """Reading and receiving blobs as the person the context acts as."""

    def __init__(self, context: ServiceContext) -> None:
        self._context = context

    def readable(self, sha256: str) -> Path:
        """The local file of a blob an attachment refers to, for a signed-in person; NotFound otherwise."""
        blob_name(sha256)
        with self._context.database.begin() as session:
            actor = current_actor(session, self._context)
            if actor.disabled or not actor.roles:
                raise PermissionDenied()
            filed = session.exec(select(Attachment.id).where(Attachment.sha256 == sha256).limit(1)).first()
        if filed is None or not self._context.files.has(sha256):
            raise NotFound(QT_TRANSLATE_NOOP("Errors", "The server holds no attachment file {sha256}."), sha256=sha256)
        path = self._context.files.path_for(sha256)
        if not path.is_file():
            raise NotFound(QT_TRANSLATE_NOOP("Errors", "The server holds no attachment file {sha256}."), sha256=sha256)
        return path

    def missing(self, hashes: Sequence[object]) -> list[str]:
        """Which of these blobs the server lacks (a desktop uploads those before pushing their attachments)."""
        if len(hashes) > MAX_ASKED:
            raise TooLarge(QT_TRANSLATE_NOOP("Errors", "Ask about at most {limit} files at a time."), limit=MAX_ASKED)
        names = [blob_name(name, "sha256") for name in hashes]
        self._require_uploader()
        return [name for name in dict.fromkeys(names) if not self._context.files.has(name)]

    def state(self, sha256: str) -> UploadState:
        """How far an upload of this blob by this person got (0 when none), or complete when the server has it."""
        blob_name(sha256)
        self._require_uploader()
        if self._context.files.has(sha256):
            return UploadState(0, True)
        partial = self._partial(sha256)
        return UploadState(partial.stat().st_size if partial.is_file() else 0, False)

    def receive(self, sha256: str, start: int, data: bytes, total: int) -> UploadState:
        """Append a chunk at `start` of a `total`-byte blob; the last chunk checks the whole and stores it."""
        blob_name(sha256)
        self._require_uploader()
        limit = self._context.max_attachment_bytes
        if total > limit:
            raise TooLarge(
                QT_TRANSLATE_NOOP("Errors", "Attachments may be at most {limit} MB; this file has {size} bytes."),
                limit=f"{limit / 1_048_576:,.0f}",
                size=total,
            )
        if self._context.files.has(sha256):
            return UploadState(total, True)
        partial = self._partial(sha256)
        held = partial.stat().st_size if partial.is_file() else 0
        if start != held:
            raise UploadOffsetMismatch(offset=held, start=start)
        if start + len(data) > total:
            raise ValidationFailed(
                QT_TRANSLATE_NOOP("Errors", "The chunk goes past the end of the file it belongs to."),
                field="Content-Range",
            )
        partial.parent.mkdir(parents=True, exist_ok=True)
        if held == 0:
            self._sweep()
        with partial.open("ab") as writer:
            writer.write(data)
        held += len(data)
        if held < total:
            return UploadState(held, False)
        try:
            if file_sha256(partial) != sha256:
                raise BlobDamaged(sha256=sha256)
            stored, _size = self._context.files.put(partial)
            if stored != sha256:  # the file changed under us: never keep bytes under another name
                self._discard_unless_used(stored)
                raise BlobDamaged(sha256=sha256)
        finally:
            partial.unlink(missing_ok=True)
        return UploadState(total, True)

    def _require_uploader(self) -> None:
        with self._context.database.begin() as session:
            require_action(session, self._context, Action.EDIT)

    def _partial(self, sha256: str) -> Path:
        """One partial file per person and blob: two desktops sending the same bytes never interleave."""
        who = hashlib.sha256(self._context.operator.name.encode("utf-8")).hexdigest()[:16]
        return partial_folder(self._context.database) / f"{sha256}.{who}.part"

    def _sweep(self) -> None:
        """Remove partial uploads nobody went on with for a week (a laptop that never came back)."""
        folder = partial_folder(self._context.database)
        cutoff = self._context.clock().timestamp() - ABANDONED_AFTER_S
        for stale in folder.glob("*.part"):
            with contextlib.suppress(OSError):  # another request finished or removed it meanwhile
                if stale.stat().st_mtime < cutoff:
                    stale.unlink()

    def _discard_unless_used(self, sha256: str) -> None:
        with self._context.database.begin() as session:
            used = session.exec(select(Attachment.id).where(Attachment.sha256 == sha256).limit(1)).first()
        if used is None:
            self._context.files.discard(sha256)
