"""Attachment bytes between a real `main.py serve` and replicas: a laptop's first sync fetches every attachment so
it opens offline, an attachment added on a laptop reaches the server and another laptop, a transfer cut in the
middle (a relay that drops the connection after N bytes) resumes from where it stopped, a damaged file is refused
with nothing kept, and hostile names or missing rights are refused over real sockets."""

import contextlib
import hashlib
import random
import shutil
import socket
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from dossier_app.cli.sections import find_section
from dossier_app.domain.errors import DossierError, ServerUnreachable
from dossier_app.services import open_services
from dossier_app.services.core.context import Operator
from dossier_app.services.department.blob_transfer import partial_folder
from dossier_app.services.sync.client import SyncConnection
from dossier_app.services.sync.replica import SyncReport
from tests.server.http_api import PASSWORD, url
from tests.server.server_process import ServerProcess, main_py

CODE, KEY = "CT-HTP", "tt.can_cu_phap_ly"
BIG = random.Random(13).randbytes(3_000_000)  # three upload chunks and more
SMALL = "Bản đồ quy hoạch tỷ lệ 1/500.".encode() * 1000


class Relay:
    """A TCP relay to the server that counts the bytes each way and, given a budget, drops every connection once
    that many bytes came from the server (`down`) or went to it (`up`): a connection lost mid-transfer."""

    def __init__(self, port: int, down: int | None = None, up: int | None = None) -> None:
        self._target = port
        self.budget = {"down": down, "up": up}
        self.moved = {"down": 0, "up": 0}
        self._lock = threading.Lock()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _accept(self) -> None:
        while True:
            try:
                client, _address = self._listener.accept()
            except OSError:
                return
            upstream = socket.create_connection(("127.0.0.1", self._target))
            pair = (client, upstream)
            threading.Thread(target=self._pump, args=(client, upstream, "up", pair), daemon=True).start()
            threading.Thread(target=self._pump, args=(upstream, client, "down", pair), daemon=True).start()

    def _pump(self, source: socket.socket, target: socket.socket, way: str, pair: tuple[socket.socket, ...]) -> None:
        try:
            while data := source.recv(65536):
                with self._lock:
                    budget = self.budget[way]
                    allowed = len(data) if budget is None else max(0, min(len(data), budget - self.moved[way]))
                    self.moved[way] += allowed
                if allowed:
                    target.sendall(data[:allowed])
                if allowed < len(data):
                    break  # the budget is spent: drop the connection
        except OSError:
            pass
        for end in pair:
            with contextlib.suppress(OSError):
                end.shutdown(socket.SHUT_RDWR)
            end.close()

    def close(self) -> None:
        self._listener.close()


class Laptop:
    """A desktop's SQLite replica, its commands acting locally, synced as one server account."""

    def __init__(self, path: Path, username: str = "chuyenvien") -> None:
        self.path, self.username = path, username
        self.services = open_services(str(path), Operator("cli:tester"))

    def sync(self, url: str) -> SyncReport:
        with SyncConnection(url) as connection:
            connection.sign_in(self.username, PASSWORD, "test laptop")
            return self.services.replica.sync(connection)

    def attach(self, name: str, content: bytes) -> int:
        source = self.path.parent / name
        source.write_bytes(content)
        section = find_section(self.services, CODE, KEY)
        return self.services.attachments.add(section.id, source).id

    def opened(self) -> dict[str, bytes]:
        """Every attachment's bytes as the viewer would open them (raises if one is missing)."""
        section = find_section(self.services, CODE, KEY)
        return {
            view.name: self.services.attachments.path(view.id).read_bytes()
            for view in self.services.attachments.for_section(section.id)
        }

    def close(self) -> None:
        self.services.close()


@pytest.fixture
def server_database(demo_server_db: Path, tmp_path: Path) -> Path:
    """A copy of the demo with two attachments (one big) on the section, filed on the server."""
    folder = tmp_path / "server"
    folder.mkdir()
    database = folder / "server.sqlite3"
    shutil.copyfile(demo_server_db, database)
    services = open_services(str(database), Operator("cli:tester"))
    try:
        section = find_section(services, CODE, KEY)
        for name, content in (("ban-do.pdf", BIG), ("to-trinh.txt", SMALL), ("ban-sao.pdf", BIG)):
            source = folder / name
            source.write_bytes(content)
            services.attachments.add(section.id, source)
            source.unlink()
    finally:
        services.close()
    return database


@pytest.fixture
def server(server_database: Path) -> Iterator[ServerProcess]:
    with ServerProcess(server_database, server_database.parent) as running:
        yield running


def server_attachments(database: Path) -> set[tuple[str, str, int]]:
    with sqlite3.connect(database) as db:
        return set(db.execute("SELECT uid, sha256, size FROM attachment"))


def store_files(database: Path) -> dict[str, bytes]:
    root = database.with_name(database.name + ".files")
    return {path.name: path.read_bytes() for path in root.rglob("*") if path.is_file()} if root.exists() else {}


def test_a_first_sync_fetches_every_attachment_and_they_open_offline(server: ServerProcess, tmp_path: Path) -> None:
    laptop = Laptop(tmp_path / "laptop.sqlite3")
    try:
        report = laptop.sync(url(server))
        assert report.clean and report.downloaded == 2 and report.uploaded == 0  # the copy of BIG travels once
        server.stop()  # offline from here
        assert laptop.opened() == {"ban-do.pdf": BIG, "to-trinh.txt": SMALL, "ban-sao.pdf": BIG}
        assert not any(partial_folder(laptop.services.database).glob("*"))
        assert laptop.services.replica.waiting() == 0  # pulled attachments are the server's, not pushed back
    finally:
        laptop.close()


def test_an_attachment_added_on_a_laptop_reaches_the_server_and_another_laptop(
    server: ServerProcess, server_database: Path, tmp_path: Path
) -> None:
    first, second = Laptop(tmp_path / "a.sqlite3"), Laptop(tmp_path / "b.sqlite3")
    try:
        assert first.sync(url(server)).clean and second.sync(url(server)).clean
        made = random.Random(5).randbytes(1_500_000)
        first.attach("quyết định phê duyệt.pdf", made)
        assert first.services.replica.waiting() == 1
        report = first.sync(url(server))
        assert report.clean and report.uploaded == 1 and report.downloaded == 0
        assert any("quyết định phê duyệt.pdf" in label for label in report.pushed)
        assert first.services.replica.waiting() == 0
        sha = hashlib.sha256(made).hexdigest()
        assert sha in {row[1] for row in server_attachments(server_database)}
        assert store_files(server_database)[sha] == made
        again = first.sync(url(server))
        assert again.clean and again.uploaded == 0 and not again.pushed
        fetched = second.sync(url(server))
        assert fetched.clean and fetched.downloaded == 1
        assert made in second.opened().values()
    finally:
        first.close()
        second.close()


def test_a_download_cut_midway_resumes_from_where_it_stopped(server: ServerProcess, tmp_path: Path) -> None:
    laptop = Laptop(tmp_path / "laptop.sqlite3")
    try:
        # The first sync brings the rows and the files; this laptop then loses the big file (a disk cleaned up).
        assert laptop.sync(url(server)).clean
        sha = hashlib.sha256(BIG).hexdigest()
        laptop.services.context.files.discard(sha)
        cut = Relay(server.port, down=1_200_000)  # sign-in and an empty feed, then part of the file
        with pytest.raises(ServerUnreachable):
            laptop.sync(cut.url)
        cut.close()
        partial = partial_folder(laptop.services.database) / f"{sha}.part"
        held = partial.stat().st_size
        assert 500_000 < held < len(BIG)
        assert not laptop.services.context.files.has(sha)  # a partial file is never the blob
        whole = Relay(server.port)
        report = laptop.sync(whole.url)
        whole.close()
        assert report.clean and report.downloaded == 1
        assert whole.moved["down"] < len(BIG) - held + 100_000  # the rest only, not from zero
        assert laptop.opened()["ban-do.pdf"] == BIG and not partial.exists()
    finally:
        laptop.close()


def test_an_upload_cut_midway_resumes_from_where_it_stopped(
    server: ServerProcess, server_database: Path, tmp_path: Path
) -> None:
    laptop = Laptop(tmp_path / "laptop.sqlite3")
    try:
        assert laptop.sync(url(server)).clean
        made = random.Random(9).randbytes(3_500_000)
        laptop.attach("ảnh hiện trạng.zip", made)
        cut = Relay(server.port, up=2_400_000)  # the first two 1 MiB chunks arrive, the third is cut
        with pytest.raises(ServerUnreachable):
            laptop.sync(cut.url)
        cut.close()
        sha = hashlib.sha256(made).hexdigest()
        assert sha not in store_files(server_database)  # the server keeps the part aside, never as the blob
        assert sha not in {row[1] for row in server_attachments(server_database)}
        whole = Relay(server.port)
        report = laptop.sync(whole.url)
        whole.close()
        assert report.clean and report.uploaded == 1
        assert whole.moved["up"] < len(made) - 2 * 1_048_576 + 100_000  # from the server's offset, not from zero
        assert store_files(server_database)[sha] == made
        assert sha in {row[1] for row in server_attachments(server_database)}
        assert not any(partial_folder_of(server_database).glob("*"))
    finally:
        laptop.close()


def partial_folder_of(database: Path) -> Path:
    return database.with_name(database.name + ".files.partial")


def test_a_damaged_file_is_refused_and_nothing_is_kept(
    server: ServerProcess, server_database: Path, tmp_path: Path
) -> None:
    laptop = Laptop(tmp_path / "laptop.sqlite3")
    try:
        assert laptop.sync(url(server)).clean
        made = random.Random(3).randbytes(1_200_000)
        laptop.attach("biên bản.pdf", made)
        sha = hashlib.sha256(made).hexdigest()
        stored = laptop.services.context.files.path_for(sha)
        stored.write_bytes(made[:-1] + b"\x00")  # the laptop's copy went bad on its disk
        before = (server_attachments(server_database), store_files(server_database))
        report = laptop.sync(url(server))
        assert not report.clean and any("biên bản.pdf" in label for label in report.held_back)
        assert report.uploaded == 0 and not report.refused
        assert (server_attachments(server_database), store_files(server_database)) == before
        assert not any(partial_folder_of(server_database).glob("*"))
        assert laptop.services.replica.waiting() == 1  # the attachment waits here
    finally:
        laptop.close()


def raw_get(port: int, path: str, token: str) -> tuple[int, bytes]:
    """A request exactly as written (no client tidies `..` away): the status and the body."""
    with socket.create_connection(("127.0.0.1", port)) as raw:
        request = (
            f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {token}\r\nConnection: close\r\n\r\n"
        )
        raw.sendall(request.encode("ascii"))
        answer = b""
        while chunk := raw.recv(65536):
            answer += chunk
    head, _, body = answer.partition(b"\r\n\r\n")
    return int(head.split(b" ")[1]), body


def test_hostile_names_and_missing_rights_over_sockets(
    server: ServerProcess, server_database: Path, tmp_path: Path
) -> None:
    sha = hashlib.sha256(BIG).hexdigest()
    with SyncConnection(url(server)) as clerk:
        clerk.sign_in("vanthu", PASSWORD, "test")
        token = clerk.token
        assert token is not None
        for path in (
            "/v1/blobs/../../server.sqlite3",
            "/v1/blobs/..%2F..%2Fserver.sqlite3",
            "/v1/blobs/%2e%2e%2fserver.sqlite3.files",
            f"/v1/blobs/{sha.upper()}",
            f"/v1/blobs/{sha}/../{sha}",
        ):
            status, body = raw_get(server.port, path, token)
            assert status in (400, 404), (path, status)
            assert b"SQLite format" not in body and BIG[:64] not in body
        status, body = raw_get(server.port, "/v1/blobs/..%2F..%2Fserver.sqlite3", token)
        assert status == 400 and b'"field":"sha256"' in body
        # A clerk reads the department's attachments but may not add any: no upload, no asking what is missing.
        assert clerk.download_blob(sha, tmp_path / "copy") == len(BIG)
        with pytest.raises(DossierError) as refused:
            clerk.upload_chunk(hashlib.sha256(b"x").hexdigest(), 0, b"x", 1)
        assert refused.value.params.get("status") == 403
    status, _body = raw_get(server.port, f"/v1/blobs/{sha}", "not-a-token")
    assert status == 401
    with SyncConnection(url(server)) as officer:
        officer.sign_in("chuyenvien", PASSWORD, "test")
        unfiled = random.Random(1).randbytes(1000)
        unfiled_sha = hashlib.sha256(unfiled).hexdigest()
        assert officer.upload_chunk(unfiled_sha, 0, unfiled, len(unfiled)) == (len(unfiled), True)
        # Bytes nobody filed with a section belong to no project: nobody reads them, not even who sent them.
        with pytest.raises(DossierError) as hidden:
            officer.download_blob(unfiled_sha, tmp_path / "unfiled")
        assert hidden.value.params.get("status") == 404


def test_the_command_line_sync_says_how_many_files_travelled(server: ServerProcess, tmp_path: Path) -> None:
    local = tmp_path / "laptop.sqlite3"
    env = {"DOSSIER_PASSWORD": PASSWORD, "DOSSIER_USER": "chuyenvien"}
    synced = main_py("--db", str(local), "sync", "--server", url(server), env=env)
    assert synced.returncode == 0, synced.stderr
    assert "Tệp đính kèm / attachment files: tải về / downloaded 2, gửi / sent 0" in synced.stdout
    again = main_py("--db", str(local), "sync", "--server", url(server), env=env)
    assert again.returncode == 0 and "attachment files" not in again.stdout


def test_a_replica_synced_before_attachments_were_shadowed_settles_quietly(
    server: ServerProcess, tmp_path: Path
) -> None:
    """Its pulled attachments look made here; the server acknowledges them, also to a manager who may not add any."""
    laptop = Laptop(tmp_path / "laptop.sqlite3", "lanhdao")
    try:
        assert laptop.sync(url(server)).clean
        with sqlite3.connect(laptop.path) as db:
            db.execute("DELETE FROM syncshadow WHERE table_name = 'attachment'")
        assert laptop.services.replica.waiting() == 3
        report = laptop.sync(url(server))
        assert report.clean and len(report.pushed) == 3 and report.uploaded == 0
        assert laptop.services.replica.waiting() == 0
    finally:
        laptop.close()
