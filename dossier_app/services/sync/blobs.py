"""A replica's attachment bytes: after the pull, every blob its attachments name and it lacks is downloaded (so they
open offline); before the push, the blob of each attachment made here is uploaded unless the server has it.

Both go by SHA-256 and resume: a download appends to a partial file kept aside (`NAME.files.partial/<sha256>.part`)
and asks the server for the rest (HTTP Range); an upload asks the server how much of it arrived and sends the rest
in 1 MiB chunks. A downloaded blob enters the store only once its SHA-256 matches its name. An attachment whose
bytes could not reach the server stays waiting here (its row is not pushed without them).
"""

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from sqlmodel import Session, col, select

from dossier_app.domain.errors import ServerRefused
from dossier_app.domain.models import Attachment, Section, SyncShadow
from dossier_app.services.department.blob_transfer import MAX_ASKED, SHA256_NAME, file_sha256, partial_folder
from dossier_app.services.sync.outbox import Outgoing, change

if TYPE_CHECKING:
    from dossier_app.services.core.context import ServiceContext
    from dossier_app.services.sync.client import SyncConnection

UPLOAD_CHUNK = 1 << 20  # the server takes up to 4 MiB; 1 MiB loses little when a connection breaks
DOWNLOAD = "download"
UPLOAD = "upload"
BlobProgress = Callable[[str, int, int], None]  # (DOWNLOAD or UPLOAD, files done, files in all)


def attachment_changes(session: Session, label: Callable[[int], str]) -> list[Outgoing]:
    """Attachments made here that the server does not hold yet, as changes to push (after their bytes)."""
    shared = select(SyncShadow.uid).where(col(SyncShadow.table_name) == "attachment")
    rows = session.exec(
        select(Attachment, Section.uid)
        .join(Section, col(Section.id) == Attachment.section_id)
        .where(col(Attachment.uid).not_in(shared))
        .order_by(col(Attachment.id))
    ).all()
    return [
        Outgoing(
            change(
                "attachment",
                row.uid,
                {"section": section_uid, "name": row.name, "sha256": row.sha256, "kind": row.kind},
                f"attachment:{row.uid}",
            ),
            f"{label(row.section_id)}: tệp đính kèm/attachment {row.name}",
            (("attachment", row.uid),),
        )
        for row, section_uid in rows
    ]


class BlobSync:
    """The blob transfers of one sync, over a signed-in connection."""

    def __init__(
        self, context: "ServiceContext", connection: "SyncConnection", progress: BlobProgress | None = None
    ) -> None:
        self._context = context
        self._connection = connection
        self._progress = progress or (lambda _kind, _done, _total: None)
        self.downloaded: list[str] = []
        self.uploaded: list[str] = []
        self.unavailable: list[str] = []  # attachments here whose bytes the server does not hold (or only bad ones)
        self.held_back: list[str] = []  # attachments made here not pushed: their bytes could not reach the server

    # Downloads --------------------------------------------------------------------------------------

    def fetch_missing(self) -> None:
        """Download every blob an attachment here names and this store lacks, resuming partial files."""
        with self._context.database.begin() as session:
            named = session.exec(select(Attachment.sha256, Attachment.name).order_by(col(Attachment.id))).all()
        wanted: dict[str, str] = {}
        for sha256, name in named:
            if not SHA256_NAME.match(sha256):  # a row the server sent with no hash for a name: no path is made of it
                self.unavailable.append(name)
            elif sha256 not in wanted and not self._context.files.has(sha256):
                wanted[sha256] = name
        for done, (sha256, name) in enumerate(wanted.items()):
            self._progress(DOWNLOAD, done, len(wanted))
            if self._fetch(sha256):
                self.downloaded.append(sha256)
            else:
                self.unavailable.append(name)
        if wanted:
            self._progress(DOWNLOAD, len(wanted), len(wanted))

    def _fetch(self, sha256: str) -> bool:
        """One blob into the store; False when the server has none (or only bytes of another hash)."""
        partial = partial_folder(self._context.database) / f"{sha256}.part"
        for _attempt in range(2):  # a partial file that was wrong all along is dropped and fetched once more whole
            try:
                self._connection.download_blob(sha256, partial)
            except ServerRefused as refused:
                if refused.params.get("status") == 404:
                    return False
                raise
            if file_sha256(partial) == sha256:
                self._context.files.put(partial)
                partial.unlink(missing_ok=True)
                return True
            partial.unlink(missing_ok=True)
        return False

    # Uploads ----------------------------------------------------------------------------------------

    def send_lacking(self, outbox: Sequence[Outgoing]) -> tuple[list[Outgoing], list[Outgoing]]:
        """Upload the blobs of the attachments about to be pushed that the server lacks; (the outbox without the
        attachments whose bytes are still not there, those attachments: they wait here for the next sync)."""
        hashes = list(dict.fromkeys(item.change["fields"]["sha256"] for item in outbox if _is_attachment(item)))
        if not hashes:
            return list(outbox), []
        lacking: list[str] = []
        try:
            for start in range(0, len(hashes), MAX_ASKED):
                lacking.extend(self._connection.missing_blobs(hashes[start : start + MAX_ASKED]))
        except ServerRefused as refused:
            if refused.params.get("status") != 403:
                raise
            # No right to add attachments: the rows go as they are, and the server decides (one it holds already,
            # pulled before attachments were shadowed, is acknowledged; a new one is refused and named).
            return list(outbox), []
        unsent = set()
        for done, sha256 in enumerate(lacking):
            self._progress(UPLOAD, done, len(lacking))
            if self._context.files.has(sha256) and self._send(sha256):
                self.uploaded.append(sha256)
            else:
                unsent.add(sha256)
        if lacking:
            self._progress(UPLOAD, len(lacking), len(lacking))
        return self._hold(outbox, unsent)

    def _hold(self, outbox: Sequence[Outgoing], unsent: set[str]) -> tuple[list[Outgoing], list[Outgoing]]:
        """(what to push, the attachments held back because their bytes are not on the server)."""
        held = [item for item in outbox if _is_attachment(item) and item.change["fields"]["sha256"] in unsent]
        self.held_back.extend(item.label for item in held)
        return [item for item in outbox if item not in held], held

    def _send(self, sha256: str) -> bool:
        """One blob up, from where the server's partial upload ends; False when the server refuses the bytes."""
        path = self._context.files.path_for(sha256)
        total = path.stat().st_size
        offset, complete = self._connection.upload_offset(sha256)
        mismatches = 0
        with path.open("rb") as reader:
            while not complete:
                reader.seek(offset)
                data = reader.read(UPLOAD_CHUNK)
                try:
                    offset, complete = self._connection.upload_chunk(sha256, offset, data, total)
                except ServerRefused as refused:
                    status = refused.params.get("status")
                    if status == 409 and mismatches < 3:  # the server holds another offset: go on from there
                        mismatches += 1
                        offset, complete = self._connection.upload_offset(sha256)
                        continue
                    if status in (400, 403):  # bytes that do not match their name, or no right: nothing was kept
                        return False
                    raise
        return True


def _is_attachment(item: Outgoing) -> bool:
    return bool(item.change["table"] == "attachment")
