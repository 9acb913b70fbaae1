"""A replica's blob transfers without a server: which files it fetches and which attachments it holds back, with a
stand-in connection that records what it was asked."""

import hashlib
from pathlib import Path
from typing import Any

from sqlalchemy import update

from dossier_app.domain.errors import ServerRefused
from dossier_app.domain.models import Attachment
from dossier_app.services import Services
from dossier_app.services.department.blob_transfer import partial_folder
from dossier_app.services.sync.blobs import BlobSync, attachment_changes
from tests.services.support import it_park, section_by_key

KEY = "da.1_su_can_thiet_can_cu"


class Server:
    """Answers downloads from `files`, says which blobs it lacks, takes uploads (or refuses them all with `refuse`)."""

    def __init__(self, files: dict[str, bytes], refuse: int | None = None) -> None:
        self.files, self.refuse = files, refuse
        self.asked: list[str] = []
        self.received: dict[str, bytes] = {}

    def _refused(self) -> ServerRefused:
        return ServerRefused(status=self.refuse, code="permission_denied", message="no", message_vi="không")

    def download_blob(self, sha256: str, target: Path) -> int:
        self.asked.append(sha256)
        if sha256 not in self.files:
            raise ServerRefused(status=404, code="not_found", message="none", message_vi="không có")
        target.parent.mkdir(parents=True, exist_ok=True)
        held = target.stat().st_size if target.exists() else 0
        with target.open("ab") as writer:
            writer.write(self.files[sha256][held:])
        return len(self.files[sha256]) - held

    def missing_blobs(self, hashes: list[str]) -> list[str]:
        if self.refuse:
            raise self._refused()
        return [name for name in hashes if name not in self.files]

    def upload_offset(self, sha256: str) -> tuple[int, bool]:
        return len(self.received.get(sha256, b"")), sha256 in self.files

    def upload_chunk(self, sha256: str, start: int, data: bytes, total: int) -> tuple[int, bool]:
        held = self.received.setdefault(sha256, b"")
        assert start == len(held)
        self.received[sha256] = held + data
        if len(self.received[sha256]) == total:
            self.files[sha256] = self.received.pop(sha256)
            return total, True
        return start + len(data), False


def attached(services: Services, tmp_path: Path, content: bytes, name: str = "ban-do.pdf") -> Any:
    project = services.projects.create(it_park())
    node = section_by_key(services, project.id, KEY)
    source = tmp_path / name
    source.write_bytes(content)
    return services.attachments.add(node.id, source)


def test_missing_files_are_fetched_and_a_partial_one_is_resumed(services: Services, tmp_path: Path) -> None:
    content = b"ban do quy hoach " * 100_000
    view = attached(services, tmp_path, content)
    services.context.files.discard(view.sha256)
    partial = partial_folder(services.database) / f"{view.sha256}.part"
    partial.parent.mkdir(parents=True, exist_ok=True)
    partial.write_bytes(content[:12345])  # what a broken download left
    server = Server({view.sha256: content})
    progress: list[tuple[str, int, int]] = []
    blobs = BlobSync(services.context, server, lambda *step: progress.append(step))  # type: ignore[arg-type]
    blobs.fetch_missing()
    assert blobs.downloaded == [view.sha256] and not blobs.unavailable
    assert services.attachments.path(view.id).read_bytes() == content and not partial.exists()
    assert progress == [("download", 0, 1), ("download", 1, 1)]
    blobs.fetch_missing()  # nothing missing any more: nothing asked
    assert server.asked == [view.sha256]


def test_a_name_that_is_no_hash_is_never_a_path(services: Services, tmp_path: Path) -> None:
    """An attachment row whose sha256 is `../…` (a server that sent nonsense) is named, and nothing is written."""
    view = attached(services, tmp_path, b"x" * 100)
    with services.database.begin() as session:
        session.execute(update(Attachment).where(Attachment.id == view.id).values(sha256="../../../evil"))
    server = Server({})
    folder = partial_folder(services.database)
    before = set(folder.parent.rglob("*"))
    blobs = BlobSync(services.context, server)  # type: ignore[arg-type]
    blobs.fetch_missing()
    assert blobs.unavailable == ["ban-do.pdf"] and server.asked == []
    assert set(folder.parent.rglob("*")) == before and not (folder.parents[2] / "evil.part").exists()


def test_a_file_the_server_lacks_is_named(services: Services, tmp_path: Path) -> None:
    view = attached(services, tmp_path, b"y" * 100)
    services.context.files.discard(view.sha256)
    blobs = BlobSync(services.context, Server({}))  # type: ignore[arg-type]
    blobs.fetch_missing()
    assert blobs.unavailable == ["ban-do.pdf"] and blobs.downloaded == []


def test_attachments_made_here_go_up_before_their_rows_and_wait_when_they_cannot(
    services: Services, tmp_path: Path
) -> None:
    content = b"quyet dinh " * 300_000  # more than one 1 MiB chunk
    view = attached(services, tmp_path, content)
    with services.database.begin() as session:
        outbox = attachment_changes(session, lambda section_id: f"#{section_id}")
    assert [item.change["fields"]["sha256"] for item in outbox] == [view.sha256]
    server = Server({})
    blobs = BlobSync(services.context, server)  # type: ignore[arg-type]
    sent, held = blobs.send_lacking(outbox)
    assert sent == outbox and held == [] and blobs.uploaded == [view.sha256]
    assert server.files[view.sha256] == content
    # This person may not add attachments: nothing goes up, the rows go as they are and the server decides.
    refusing = BlobSync(services.context, Server({}, refuse=403))  # type: ignore[arg-type]
    assert refusing.send_lacking(outbox) == (outbox, []) and refusing.uploaded == []


def test_an_attachment_whose_bytes_the_server_refuses_waits(services: Services, tmp_path: Path) -> None:
    view = attached(services, tmp_path, b"bien ban " * 1000)
    with services.database.begin() as session:
        outbox = attachment_changes(session, lambda section_id: f"#{section_id}")
    server = Server({})

    def refuse(*_args: object) -> tuple[int, bool]:
        raise ServerRefused(status=400, code="invalid", message="bad hash", message_vi="sai mã băm")

    server.upload_chunk = refuse  # type: ignore[method-assign]
    blobs = BlobSync(services.context, server)  # type: ignore[arg-type]
    sent, held = blobs.send_lacking(outbox)
    assert sent == [] and held == outbox and blobs.held_back == [outbox[0].label] and view.sha256 not in server.files


def test_a_blob_the_server_has_is_not_sent_again(services: Services, tmp_path: Path) -> None:
    content = b"z" * 5000
    view = attached(services, tmp_path, content)
    with services.database.begin() as session:
        outbox = attachment_changes(session, str)
    server = Server({hashlib.sha256(content).hexdigest(): content})
    blobs = BlobSync(services.context, server)  # type: ignore[arg-type]
    assert blobs.send_lacking(outbox) == (outbox, []) and blobs.uploaded == []
    assert view.sha256 in server.files
