"""/v1/blobs over HTTP: names that are not SHA-256 refused naming the field with nothing written, uploads in chunks
that resume from the server's offset and enter the store only when the whole matches its name, downloads by
range, and who may do what (an officer uploads; a blob is read only when an attachment refers to it)."""

import hashlib
import os
import random
import uuid
from pathlib import Path

import pytest
from sqlmodel import select
from starlette.testclient import TestClient

from dossier_app.domain.models import Attachment, Section
from dossier_app.services import Services
from dossier_app.services.department.blob_transfer import partial_folder
from tests.server.test_session_api import bearer, token_of
from tests.services.support import it_park, section_by_key
from tests.services.sync.token_support import ADMIN, ADMIN_PASSWORD, Clock

KEY = "da.1_su_can_thiet_can_cu"
CONTENT = random.Random(2026).randbytes(300_000)  # the same in every xdist worker: test ids carry its hash
SHA = hashlib.sha256(CONTENT).hexdigest()


def put(client: TestClient, token: str, sha: str, start: int, data: bytes, total: int, span: str | None = None):
    headers = {**bearer(token), "Content-Range": span or f"bytes {start}-{start + len(data) - 1}/{total}"}
    return client.put(f"/v1/blobs/{sha}", content=data, headers=headers)


def stored(services: Services) -> set[str]:
    """Every file under the server's attachment folder and its partial folder (what a refusal must not change)."""
    found = set()
    for folder in (services.database.files_root(), partial_folder(services.database)):
        if folder.exists():
            found |= {str(path.relative_to(folder.parent)) for path in folder.rglob("*") if path.is_file()}
    return found


def attach(services: Services, sha: str, name: str = "ban-do.pdf") -> None:
    """An attachment row on the server naming the blob, as a pushed attachment makes it."""
    project = services.projects.create(it_park())
    node = section_by_key(services, project.id, KEY)
    services.attachments.add_stored(node.id, sha, name, uid=str(uuid.uuid4()))


@pytest.mark.parametrize(
    "name",
    [
        "..%2F..%2Fetc%2Fpasswd",
        "..%2Fserver.sqlite3",
        SHA.upper(),
        SHA[:63],
        SHA + "0",
        "%2E%2E",
        f"{SHA[:60]}..%2F",
        f"{SHA}%2F..%2F..",
    ],
)
def test_a_name_that_is_not_a_sha256_is_refused_naming_the_field(
    client: TestClient, server_services: Services, name: str
) -> None:
    token = token_of(client)
    before = stored(server_services)
    for method in ("GET", "HEAD", "PUT"):
        answer = client.request(
            method, f"/v1/blobs/{name}", content=b"x", headers={**bearer(token), "Content-Range": "bytes 0-0/1"}
        )
        assert answer.status_code == 400, (method, name, answer.text)
        if method != "HEAD":
            body = answer.json()
            assert body["error"] == "invalid" and body["field"] == "sha256"
            assert body["message_vi"] != body["message_en"] and "SHA-256" in body["message_vi"]
    asked = client.post("/v1/blobs", json={"sha256": [SHA, "../x"]}, headers=bearer(token))
    assert asked.status_code == 400 and asked.json()["field"] == "sha256"
    assert stored(server_services) == before


def test_a_raw_dot_dot_path_never_reaches_a_file(client: TestClient, server_services: Services) -> None:
    """`/v1/blobs/../x` as sent by a hostile client (no normalisation): 400 or the unknown-path 404, nothing read."""
    token = token_of(client)
    for path in ("/v1/blobs/../../etc/passwd", "/v1/blobs/a/../../x", f"/v1/blobs/{SHA}/../{SHA}"):
        answer = client.get(path, headers=bearer(token))
        assert answer.status_code in (400, 404), (path, answer.status_code)
        assert answer.headers["content-type"].startswith("application/json")


def test_blobs_need_a_session(client: TestClient) -> None:
    assert client.get(f"/v1/blobs/{SHA}").status_code == 401
    assert client.head(f"/v1/blobs/{SHA}").status_code == 401
    assert client.put(f"/v1/blobs/{SHA}", content=b"x", headers={"Content-Range": "bytes 0-0/1"}).status_code == 401
    assert client.post("/v1/blobs", json={"sha256": [SHA]}).status_code == 401


def test_an_upload_in_chunks_resumes_and_the_blob_is_kept_once_whole(
    client: TestClient, server_services: Services
) -> None:
    token = token_of(client)
    assert client.post("/v1/blobs", json={"sha256": [SHA, SHA]}, headers=bearer(token)).json() == {"missing": [SHA]}
    assert client.get(f"/v1/blobs/{SHA}/upload", headers=bearer(token)).json() == {"offset": 0, "complete": False}
    first = put(client, token, SHA, 0, CONTENT[:100_000], len(CONTENT))
    assert first.status_code == 202 and first.json() == {"offset": 100_000, "complete": False}
    assert not server_services.context.files.has(SHA)  # a partial upload is never the blob
    # The connection broke; the desktop asks how far it got and goes on from there.
    assert client.get(f"/v1/blobs/{SHA}/upload", headers=bearer(token)).json()["offset"] == 100_000
    again = put(client, token, SHA, 0, CONTENT[:100_000], len(CONTENT))  # not where the server is
    assert again.status_code == 409 and again.json()["message_vi"] != again.json()["message_en"]
    last = put(client, token, SHA, 100_000, CONTENT[100_000:], len(CONTENT))
    assert last.status_code == 201 and last.json() == {"offset": len(CONTENT), "complete": True}
    assert server_services.context.files.has(SHA)
    assert server_services.context.files.path_for(SHA).read_bytes() == CONTENT
    assert client.post("/v1/blobs", json={"sha256": [SHA]}, headers=bearer(token)).json() == {"missing": []}
    assert not any(partial_folder(server_services.database).glob("*.part"))


def test_a_corrupted_upload_is_refused_and_nothing_is_kept(client: TestClient, server_services: Services) -> None:
    token = token_of(client)
    before = stored(server_services)
    damaged = CONTENT[:-1] + bytes([CONTENT[-1] ^ 1])
    assert put(client, token, SHA, 0, damaged[:200_000], len(damaged)).status_code == 202
    refused = put(client, token, SHA, 200_000, damaged[200_000:], len(damaged))
    assert refused.status_code == 400 and refused.json()["field"] == "body"
    assert SHA in refused.json()["message_en"] and refused.json()["message_vi"] != refused.json()["message_en"]
    assert not server_services.context.files.has(SHA)
    assert not server_services.context.files.has(hashlib.sha256(damaged).hexdigest())
    assert stored(server_services) == before
    assert client.get(f"/v1/blobs/{SHA}/upload", headers=bearer(token)).json() == {"offset": 0, "complete": False}


def test_bad_chunks_are_refused(client: TestClient, server_services: Services) -> None:
    token = token_of(client)
    assert put(client, token, SHA, 0, b"abc", 10, span="bytes 0-9/10").json()["field"] == "body"
    assert put(client, token, SHA, 0, b"abc", 3, span="bytes=0-2").json()["field"] == "Content-Range"
    assert put(client, token, SHA, 0, b"abc", 2, span="bytes 0-2/2").json()["field"] == "Content-Range"
    huge = put(client, token, SHA, 0, b"", 10, span=f"bytes 0-{5 * 1_048_576}/{10 * 1_048_576}")
    assert huge.status_code == 400 and huge.json()["field"] == "Content-Range"
    limit = server_services.context.max_attachment_bytes
    over = put(client, token, SHA, 0, b"abc", limit + 1)
    assert over.status_code == 413
    assert stored(server_services) == set()


def test_an_empty_file_travels(client: TestClient, server_services: Services) -> None:
    token = token_of(client)
    empty = hashlib.sha256(b"").hexdigest()
    answer = put(client, token, empty, 0, b"", 0, span="bytes */0")
    assert answer.status_code == 201 and server_services.context.files.has(empty)


def test_only_an_attachment_makes_a_blob_readable_and_ranges_resume(
    client: TestClient, server_services: Services
) -> None:
    token = token_of(client)
    put(client, token, SHA, 0, CONTENT, len(CONTENT))
    # Uploaded but filed nowhere: nobody reads it, not even who sent it.
    assert client.get(f"/v1/blobs/{SHA}", headers=bearer(token)).status_code == 404
    attach(server_services, SHA)
    whole = client.get(f"/v1/blobs/{SHA}", headers=bearer(token))
    assert whole.status_code == 200 and whole.content == CONTENT
    head = client.head(f"/v1/blobs/{SHA}", headers=bearer(token))
    assert head.status_code == 200 and int(head.headers["content-length"]) == len(CONTENT)
    tail = client.get(f"/v1/blobs/{SHA}", headers={**bearer(token), "Range": "bytes=123456-"})
    assert tail.status_code == 206 and tail.content == CONTENT[123456:]
    assert tail.headers["content-range"] == f"bytes 123456-{len(CONTENT) - 1}/{len(CONTENT)}"
    piece = client.get(f"/v1/blobs/{SHA}", headers={**bearer(token), "Range": "bytes=10-19"})
    assert piece.status_code == 206 and piece.content == CONTENT[10:20]
    beyond = client.get(f"/v1/blobs/{SHA}", headers={**bearer(token), "Range": f"bytes={len(CONTENT)}-"})
    assert beyond.status_code == 416
    odd = client.get(f"/v1/blobs/{SHA}", headers={**bearer(token), "Range": "bytes=1-2,5-6"})
    assert odd.status_code == 400 and odd.json()["field"] == "Range"
    other = hashlib.sha256(b"nobody's").hexdigest()
    assert client.get(f"/v1/blobs/{other}", headers=bearer(token)).status_code == 404


def test_only_who_may_add_attachments_uploads(client: TestClient, server_services: Services) -> None:
    """The administrator manages accounts, not dossiers: no upload, no asking what the server lacks."""
    token = token_of(client, ADMIN, ADMIN_PASSWORD)
    refused = put(client, token, SHA, 0, CONTENT, len(CONTENT))
    assert refused.status_code == 403 and refused.json()["message_vi"] != refused.json()["message_en"]
    assert client.post("/v1/blobs", json={"sha256": [SHA]}, headers=bearer(token)).status_code == 403
    assert client.get(f"/v1/blobs/{SHA}/upload", headers=bearer(token)).status_code == 403
    assert not server_services.context.files.has(SHA)
    assert stored(server_services) == set()


def test_a_pushed_attachment_needs_its_bytes_first(client: TestClient, server_services: Services) -> None:
    """The attachment row is refused while its blob is missing, applied once it is uploaded, and not twice."""
    project = server_services.projects.create(it_park())
    node = section_by_key(server_services, project.id, KEY)
    with server_services.database.begin() as session:
        section = session.get(Section, node.id)
        assert section is not None
        section_uid = section.uid
    token = token_of(client)
    uid = str(uuid.uuid4())
    made = {
        "id": str(uuid.uuid4()),
        "table": "attachment",
        "uid": uid,
        "fields": {"section": section_uid, "name": "bản đồ quy hoạch.pdf", "sha256": SHA, "kind": ""},
    }

    def push() -> dict:
        library = server_services.changes.library_version()
        headers = {**bearer(token), "If-Unmodified-Since-Version": str(library)}
        return client.post("/v1/changes", json={"changes": [made]}, headers=headers).json()["results"][0]

    early = push()
    assert early["status"] == "refused" and early["error"] == "not_found"
    put(client, token, SHA, 0, CONTENT, len(CONTENT))
    assert push()["status"] == "applied"
    assert push()["status"] == "already"
    with server_services.database.begin() as session:
        rows = session.exec(select(Attachment).where(Attachment.uid == uid)).all()
        assert [(row.sha256, row.size, row.added_by) for row in rows] == [(SHA, len(CONTENT), "canbo")]
    bad = {**made, "id": str(uuid.uuid4()), "uid": str(uuid.uuid4()), "fields": {**made["fields"], "sha256": "../x"}}
    library = server_services.changes.library_version()
    headers = {**bearer(token), "If-Unmodified-Since-Version": str(library)}
    answer = client.post("/v1/changes", json={"changes": [bad]}, headers=headers).json()["results"][0]
    assert answer["status"] == "refused" and answer["error"] == "invalid"


def test_the_partial_folder_is_beside_the_store(server_services: Services) -> None:
    root = server_services.database.files_root()
    assert partial_folder(server_services.database) == root.with_name(root.name + ".partial")
    assert not Path(partial_folder(server_services.database)).is_relative_to(root)


def test_an_upload_abandoned_for_a_week_is_removed_when_another_starts(
    client: TestClient, server_services: Services, clock: Clock
) -> None:
    token = token_of(client)
    put(client, token, SHA, 0, CONTENT[:1000], len(CONTENT))
    (abandoned,) = partial_folder(server_services.database).glob("*.part")
    recent = hashlib.sha256(b"recent").hexdigest()
    put(client, token, recent, 0, b"rec", 6)
    assert abandoned.exists()  # a day old or less: kept for its laptop
    os.utime(abandoned, (clock.now.timestamp() - 8 * 24 * 3600,) * 2)
    other = hashlib.sha256(b"another").hexdigest()
    put(client, token, other, 0, b"ano", 7)
    assert not abandoned.exists()
    assert len(list(partial_folder(server_services.database).glob("*.part"))) == 2
