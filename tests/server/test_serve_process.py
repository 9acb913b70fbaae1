"""`main.py serve` as a process on a free loopback port, with the desktop's client: plain HTTP on loopback, HTTPS
pinned on first use, a regenerated certificate refused, a non-loopback host without TLS refused at start."""

import re
import stat
from pathlib import Path

import pytest

from dossier_app.domain.errors import (
    AuthenticationFailed,
    CertificateChanged,
    CertificateUntrusted,
    CursorAhead,
    InsecureServer,
    SessionRequired,
    SessionRevoked,
)
from dossier_app.services.sync.client import ServerTrust, SyncConnection, Trust
from dossier_app.services.sync.pinning import MemoryPins, fingerprint
from dossier_app.storage.migrations import head_revision
from tests.server.server_process import ServerProcess, free_port, main_py

PASSWORD = "Mật-khẩu-máy-chủ-1"
FINGERPRINT = re.compile(r"^SHA-256 fingerprint: ((?:[0-9A-F]{2}:){31}[0-9A-F]{2})$", re.MULTILINE)


@pytest.fixture
def server_db(tmp_path: Path) -> Path:
    """A server database with one officer, made as an administrator would: `user add` with DOSSIER_PASSWORD."""
    database = tmp_path / "server.sqlite3"
    added = main_py(
        "--db", str(database), "user", "add", "canbo", "--role", "officer", env={"DOSSIER_PASSWORD": PASSWORD}
    )
    assert added.returncode == 0, added.stderr
    return database


def init_tls(database: Path, folder: Path) -> str:
    made = main_py("--db", str(database), "serve", "--init-tls", str(folder))
    assert made.returncode == 0, made.stderr
    found = FINGERPRINT.search(made.stdout)
    assert found, made.stdout
    return found.group(1)


def test_plain_http_on_loopback(server_db: Path, tmp_path: Path) -> None:
    with ServerProcess(server_db, tmp_path) as server:
        with SyncConnection(f"http://127.0.0.1:{server.port}") as connection:
            assert connection.connect().kind == Trust.PLAIN
            assert connection.health().schema == head_revision()
            with pytest.raises(AuthenticationFailed):
                connection.sign_in("canbo", "not the password")
            signed = connection.sign_in("canbo", PASSWORD, "test desk")
            assert signed.account.roles == ("officer",)
            assert connection.me().username == "canbo"
            connection.sign_out()
            connection.token = signed.token  # a replayed token after sign-out
            with pytest.raises(SessionRevoked):
                connection.me()
        assert server.stop() == 0
    assert f"http://127.0.0.1:{server.port}" in server.stdout()
    assert "server stopped" in server.stdout()
    log = server.stderr()
    assert '"POST /v1/session" 401' in log and 'canbo "GET /v1/me" 200' in log
    assert signed.token not in log and PASSWORD not in log


def test_the_desktop_pulls_the_change_feed_page_by_page(server_db: Path, tmp_path: Path) -> None:
    with ServerProcess(server_db, tmp_path) as server, SyncConnection(f"http://127.0.0.1:{server.port}") as connection:
        with pytest.raises(SessionRequired):
            connection.changes(0)
        connection.sign_in("canbo", PASSWORD, "test desk")
        pages = [connection.changes(0, limit=7)]
        while pages[-1].more:
            pages.append(connection.changes(pages[-1].cursor, limit=7))
        changes = [change for page in pages for change in page.changes]
        assert len(pages) > 2 and len({change["uid"] for change in changes}) == len(changes)
        versions = [change["version"] for change in changes]
        assert versions == sorted(versions) and pages[-1].cursor == pages[-1].library_version
        assert {change["table"] for change in changes} >= {"catalogueentry"}
        assert connection.changes(pages[-1].cursor).changes == ()
        with pytest.raises(CursorAhead) as ahead:
            connection.changes(pages[-1].cursor + 10)
        assert ahead.value.params["version"] == pages[-1].library_version


def test_https_pinned_on_first_use_and_a_new_certificate_refused(server_db: Path, tmp_path: Path) -> None:
    tls = tmp_path / "tls"
    first = init_tls(server_db, tls)
    assert stat.S_IMODE((tls / "key.pem").stat().st_mode) == 0o600
    again = main_py("--db", str(server_db), "serve", "--init-tls", str(tls))
    assert again.returncode == 2 and "tls" in again.stderr and " — " in again.stderr
    assert fingerprint((tls / "cert.pem").read_text(encoding="ascii")) == first  # untouched
    pins, port = MemoryPins(), free_port()
    url = f"https://127.0.0.1:{port}"
    with ServerProcess(server_db, tmp_path, "--tls-dir", str(tls), port=port) as server:
        with SyncConnection(url) as stranger, pytest.raises(CertificateUntrusted):
            stranger.connect()  # no pin and no store: the desktop must be told the fingerprint first
        kept = SyncConnection(url, pins=pins)
        trust = kept.connect()
        assert (trust.kind, trust.fingerprint, trust.first_use) == (Trust.PINNED, first, True)
        assert pins.pinned(f"127.0.0.1:{port}") == first
        kept.sign_in("canbo", PASSWORD)
        assert kept.me().username == "canbo"
        with SyncConnection(url, pins=pins) as second:
            assert second.connect() == ServerTrust(Trust.PINNED, first, first_use=False)
            assert second.health().schema == head_revision()
        with SyncConnection(url, fingerprint=first.replace(":", "").lower()) as confirmed:
            assert confirmed.health().program == "dossier_app"
        assert first in server.stdout()
    assert server.returncode == 0
    for name in ("cert.pem", "key.pem"):
        (tls / name).unlink()
    second_fingerprint = init_tls(server_db, tls)
    assert second_fingerprint != first
    with ServerProcess(server_db, tmp_path, "--tls-dir", str(tls), port=port) as server:
        with SyncConnection(url, pins=pins) as moved, pytest.raises(CertificateChanged) as changed:
            moved.sign_in("canbo", PASSWORD)
        assert (changed.value.pinned, changed.value.presented) == (first, second_fingerprint)
        assert first in changed.value.message and second_fingerprint in changed.value.message
        with pytest.raises(CertificateChanged):  # the connection made before trusts only the old certificate
            kept.me()
        kept.close()
        assert pins.pinned(f"127.0.0.1:{port}") == first  # a changed certificate is never pinned silently
        with SyncConnection(url, fingerprint=second_fingerprint) as confirmed:
            assert confirmed.sign_in("canbo", PASSWORD).account.username == "canbo"
    assert server.returncode == 0
    assert server.stderr().count("POST /v1/session") == 1  # the refused connections sent nothing


def test_a_non_loopback_host_without_tls_is_refused_at_start(server_db: Path) -> None:
    refused = main_py("--db", str(server_db), "serve", "--host", "0.0.0.0", "--port", str(free_port()), timeout=60)
    assert refused.returncode == 2
    [line] = refused.stderr.strip().splitlines()
    assert "Máy chủ chỉ dùng HTTP thường" in line and "The server speaks plain HTTP only" in line
    assert refused.stdout == ""


def test_a_busy_port_or_a_missing_certificate_is_a_clear_refusal(server_db: Path, tmp_path: Path) -> None:
    with ServerProcess(server_db, tmp_path) as server:
        busy = main_py("--db", str(server_db), "serve", "--port", str(server.port), timeout=60)
        assert busy.returncode == 2
        assert f"127.0.0.1:{server.port}" in busy.stderr
    missing = main_py("--db", str(server_db), "serve", "--tls-dir", str(tmp_path / "none"), timeout=60)
    assert missing.returncode == 2 and "cert.pem" in missing.stderr


def test_the_client_never_speaks_plain_http_beyond_this_machine() -> None:
    for url in ("http://192.0.2.10:8470", "http://dossier.example:8470"):
        with pytest.raises(InsecureServer):
            SyncConnection(url)  # refused before any connection is tried
