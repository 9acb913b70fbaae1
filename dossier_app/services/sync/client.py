"""The desktop's connection to the department server (httpx): health, sign-in, who am I, sign-out, the change feed,
pushes and attachment bytes.

TLS is trusted on first use, as SSH trusts a host key: the server's certificate is fetched and its SHA-256
fingerprint compared with the one pinned (given by the caller, else remembered by the caller's PinStore from the
first connection); a different certificate is refused with CertificateChanged naming both, before anything is
sent. The connection then trusts exactly that certificate. A certificate from a real authority verifies as usual
when no fingerprint is pinned. Plain http:// is accepted for a loopback address only (tests, a server on this
machine). httpx is imported here only, so nothing on the program's start path loads it.
"""

import socket
import ssl
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx

from dossier_app.domain.errors import (
    QT_TRANSLATE_NOOP,
    AuthenticationFailed,
    CertificateChanged,
    CertificateUntrusted,
    CursorAhead,
    DossierError,
    InsecureServer,
    PreconditionFailed,
    ServerRefused,
    ServerUnreachable,
    SessionAccountDisabled,
    SessionExpired,
    SessionRefused,
    SessionRequired,
    SessionRevoked,
    ValidationFailed,
)
from dossier_app.services.department.changes import DEFAULT_LIMIT, ChangePage, check_page_request
from dossier_app.services.sync.library import LIBRARY_HEADER
from dossier_app.services.sync.pinning import PinStore, fingerprint, normalise_fingerprint

DEFAULT_TIMEOUT = 10.0
VERSION_HEADER = "Last-Modified-Version"  # the server's library version, as Zotero names it
BASED_ON_HEADER = "If-Unmodified-Since-Version"  # the library version a push was based on
_LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1")


class Trust(StrEnum):
    """How this connection trusts the server."""

    PLAIN = "plain"  # http:// on a loopback address: nothing to trust
    AUTHORITY = "authority"  # a certificate the system's authorities vouch for
    PINNED = "pinned"  # exactly the certificate with the pinned fingerprint


@dataclass(frozen=True)
class ServerTrust:
    """What `connect` decided: the window shows the fingerprint to confirm with IT when `first_use`."""

    kind: Trust
    fingerprint: str = ""
    first_use: bool = False


@dataclass(frozen=True)
class RemoteAccount:
    """The signed-in account as the server describes it."""

    username: str
    display_name: str
    roles: tuple[str, ...]


@dataclass(frozen=True)
class SignedIn:
    """A session at the server: the token (kept in memory by the connection), its end, the account."""

    token: str
    expires: datetime
    account: RemoteAccount


@dataclass(frozen=True)
class PushedChange:
    """The server's answer about one pushed change: applied, already, unchanged or refused (with why)."""

    change_id: str
    status: str
    error: str
    message_en: str
    message_vi: str


@dataclass(frozen=True)
class PushAnswer:
    """The library version after a push and each change's answer, in the order sent."""

    library_version: int
    results: tuple[PushedChange, ...]


@dataclass(frozen=True)
class ServerHealth:
    """Which program and schema the server runs."""

    program: str
    version: str
    schema: str


def _is_loopback(host: str) -> bool:
    if host.lower() in _LOOPBACK_NAMES:
        return True
    import ipaddress

    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _self_signed(certificate_pem: str) -> bool:
    from cryptography import x509

    certificate = x509.load_pem_x509_certificate(certificate_pem.encode("ascii"))
    return certificate.issuer == certificate.subject


def pinned_context(certificate_pem: str) -> ssl.SSLContext:
    """An SSL context that trusts exactly this certificate; the host name is not checked for a self-signed one
    (desktops may reach it by any name or address: the pin is the check), but is for an authority's."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.load_verify_locations(cadata=certificate_pem)
    if _self_signed(certificate_pem):
        context.check_hostname = False
    else:
        context.verify_flags |= ssl.VERIFY_X509_PARTIAL_CHAIN  # the pinned leaf is the anchor, not its authority
    return context


def _bad_answer(status: int) -> ServerRefused:
    message = "the answer is not the JSON the program expects"
    return ServerRefused(status=status, code="bad_answer", message=message, message_vi=message)


def _text(data: Mapping[str, Any], name: str, status: int) -> str:
    value = data.get(name)
    if not isinstance(value, str):
        raise _bad_answer(status)
    return value


def _typed(data: Mapping[str, Any], kinds: Mapping[str, type], status: int) -> None:
    """Every field present with its exact JSON type (no true for a number), else the answer is not ours."""
    for name, kind in kinds.items():
        if type(data.get(name)) is not kind:
            raise _bad_answer(status)


_CHANGE_FIELDS = {"table": str, "uid": str, "version": int, "fields": dict}
_DELETION_FIELDS = {"table": str, "uid": str, "version": int}
_PAGE_FIELDS = {"since": int, "cursor": int, "library_version": int, "more": bool, "changes": list, "deleted": list}


def change_page(data: Mapping[str, Any], status: int) -> ChangePage:
    """The feed's JSON as the page the server read, checked field by field."""
    _typed(data, _PAGE_FIELDS, status)
    for change in data["changes"]:
        _typed(change if isinstance(change, dict) else {}, _CHANGE_FIELDS, status)
    for stone in data["deleted"]:
        _typed(stone if isinstance(stone, dict) else {}, _DELETION_FIELDS, status)
    parents = data.get("parents", [])
    if not isinstance(parents, list):
        raise _bad_answer(status)
    for parent in parents:
        _typed(parent if isinstance(parent, dict) else {}, _CHANGE_FIELDS, status)
    return ChangePage(
        data["since"],
        data["cursor"],
        data["library_version"],
        data["more"],
        tuple(data["changes"]),
        tuple(data["deleted"]),
        tuple(parents),
    )


def _account(data: Any, status: int) -> RemoteAccount:
    if not isinstance(data, dict) or not isinstance(data.get("roles"), list):
        raise _bad_answer(status)
    roles = tuple(role for role in data["roles"] if isinstance(role, str))
    return RemoteAccount(_text(data, "username", status), _text(data, "display_name", status), roles)


def server_key(base_url: str) -> str:
    """'host:port' of a server address (the port its scheme implies when none is given): the key its pinned
    fingerprint is kept under; "" when the address names no host."""
    parts = urlsplit(base_url.strip())
    if not parts.hostname:
        return ""
    return f"{parts.hostname.lower()}:{parts.port or (443 if parts.scheme == 'https' else 80)}"


class SyncConnection:
    """One desktop's connection to the department server; a context manager, closed when done."""

    def __init__(
        self,
        base_url: str,
        *,
        fingerprint: str | None = None,
        pins: PinStore | None = None,
        timeout: float = DEFAULT_TIMEOUT,
    ) -> None:
        parts = urlsplit(base_url.strip())
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValidationFailed(
                QT_TRANSLATE_NOOP("Errors", "'{url}' is not a server address (https://name:port)."),
                field="server",
                url=base_url,
            )
        self.host = parts.hostname
        self.port = parts.port or (443 if parts.scheme == "https" else 80)
        self.tls = parts.scheme == "https"
        self.base_url = base_url.strip().rstrip("/")
        if not self.tls and not _is_loopback(self.host):
            raise InsecureServer(server=self.server)
        self._pin = ""
        if fingerprint is not None:
            self._pin = normalise_fingerprint(fingerprint)
            if not self._pin:
                raise ValidationFailed(
                    QT_TRANSLATE_NOOP("Errors", "'{value}' is not a SHA-256 fingerprint (64 hexadecimal digits)."),
                    field="fingerprint",
                    value=fingerprint,
                )
        self._pins = pins
        self._timeout = timeout
        self._http: httpx.Client | None = None
        self.trust: ServerTrust | None = None
        self.token: str | None = None
        self.expires: datetime | None = None
        self.username: str | None = None  # whose token the requests carry
        self.library_id = ""  # the server's library id, as its last feed answer gave it

    @property
    def server(self) -> str:
        """'host:port', the key of the server's pinned fingerprint."""
        return server_key(self.base_url)

    # Trust ---------------------------------------------------------------------------------------

    def connect(self) -> ServerTrust:
        """Decide how to trust the server (see the module's note); CertificateChanged, CertificateUntrusted or
        ServerUnreachable otherwise, with nothing sent. Done once; every request calls it first."""
        if self._http is not None and self.trust is not None:
            return self.trust
        verify: ssl.SSLContext | bool = False
        if not self.tls:
            trust = ServerTrust(Trust.PLAIN)
        else:
            trust, verify = self._trust_tls()
        self._http = httpx.Client(
            base_url=self.base_url,
            verify=verify,
            timeout=self._timeout,
            trust_env=False,  # no proxy from the environment: the connection goes where the user said
            follow_redirects=False,
        )
        self.trust = trust
        return trust

    def _trust_tls(self) -> tuple[ServerTrust, ssl.SSLContext]:
        pinned = self._pin or (self._pins.pinned(self.server) if self._pins else None) or ""
        pinned = normalise_fingerprint(pinned) if pinned else ""
        if pinned:
            certificate = self._presented_certificate()
            presented = fingerprint(certificate)
            if presented != pinned:
                raise CertificateChanged(server=self.server, pinned=pinned, presented=presented)
            if self._pins is not None and self._pins.pinned(self.server) != pinned:
                self._pins.pin(self.server, pinned)  # a fingerprint IT confirmed is remembered too
            return ServerTrust(Trust.PINNED, pinned), pinned_context(certificate)
        authority = ssl.create_default_context()
        authority.minimum_version = ssl.TLSVersion.TLSv1_2
        if self._authority_vouches(authority):
            return ServerTrust(Trust.AUTHORITY), authority
        certificate = self._presented_certificate()
        presented = fingerprint(certificate)
        if self._pins is None:
            raise CertificateUntrusted(server=self.server, presented=presented)
        self._pins.pin(self.server, presented)
        return ServerTrust(Trust.PINNED, presented, first_use=True), pinned_context(certificate)

    def _presented_certificate(self) -> str:
        """The certificate the server presents now (PEM), fetched without trusting it."""
        try:
            return ssl.get_server_certificate((self.host, self.port), timeout=self._timeout)
        except (OSError, ValueError) as error:
            raise self._unreachable(error) from error

    def _authority_vouches(self, context: ssl.SSLContext) -> bool:
        """Whether a handshake verified by the system's authorities (and the host name) succeeds."""
        try:
            with (
                socket.create_connection((self.host, self.port), timeout=self._timeout) as raw,
                context.wrap_socket(raw, server_hostname=self.host),
            ):
                return True
        except ssl.SSLCertVerificationError:
            return False
        except OSError as error:
            raise self._unreachable(error) from error

    def _unreachable(self, error: BaseException) -> ServerUnreachable:
        reason = getattr(error, "strerror", None) or str(error) or type(error).__name__
        return ServerUnreachable(server=self.server, reason=reason)

    # Requests ------------------------------------------------------------------------------------

    def health(self) -> ServerHealth:
        """Which program and schema the server runs; no sign-in needed."""
        status, data = self._request("GET", "/v1/health", signed=False)
        return ServerHealth(
            _text(data, "program", status), _text(data, "version", status), _text(data, "schema", status)
        )

    def sign_in(self, username: str, password: str, client_label: str = "") -> SignedIn:
        """Sign in; the token is kept for the following requests (AuthenticationFailed, ServerRefused otherwise)."""
        body = {"username": username, "password": password, "client": client_label}
        self.username = username
        status, data = self._request("POST", "/v1/session", json=body, signed=False)
        try:
            expires = datetime.fromisoformat(_text(data, "expires", status))
        except ValueError:
            raise _bad_answer(status) from None
        signed = SignedIn(_text(data, "token", status), expires, _account(data.get("account"), status))
        self.token, self.expires = signed.token, signed.expires
        return signed

    def me(self) -> RemoteAccount:
        """The account the session signs in as; SessionRefused (and its kinds) when it no longer does."""
        status, data = self._request("GET", "/v1/me")
        return _account(data, status)

    def changes(self, since: int, limit: int = DEFAULT_LIMIT) -> ChangePage:
        """The server's changes after cursor `since` (a page of at most `limit`; follow `cursor` while `more`);
        CursorAhead when the server's library is behind the cursor (pull again from 0)."""
        check_page_request(since, limit)
        status, data = self._request("GET", "/v1/changes", params={"since": since, "limit": limit})
        return change_page(data, status)

    def push(self, based_on: int, changes: Sequence[Mapping[str, Any]]) -> PushAnswer:
        """Send changes made on this desktop (services/department/push.py), based on library version `based_on`;
        PreconditionFailed when the server has moved past it (pull, merge, push again)."""
        import json as json_module

        body = json_module.dumps({"changes": list(changes)}, ensure_ascii=False).encode("utf-8")
        headers = {BASED_ON_HEADER: str(based_on), "Content-Type": "application/json"}
        status, data = self._request("POST", "/v1/changes", content=body, headers=headers)
        _typed(data, {"library_version": int, "results": list}, status)
        results = []
        for result in data["results"]:
            if not isinstance(result, dict) or not isinstance(result.get("id"), str):
                raise _bad_answer(status)
            if result.get("status") not in ("applied", "already", "unchanged", "refused"):
                raise _bad_answer(status)
            results.append(
                PushedChange(
                    result["id"],
                    str(result["status"]),
                    str(result.get("error", "")),
                    str(result.get("message_en", "")),
                    str(result.get("message_vi", "")),
                )
            )
        return PushAnswer(data["library_version"], tuple(results))

    # Attachment bytes (server/blob_routes.py) ----------------------------------------------------------

    def missing_blobs(self, hashes: Sequence[str]) -> list[str]:
        """Which of these blobs (SHA-256 names, at most 1000) the server lacks."""
        status, data = self._request("POST", "/v1/blobs", json={"sha256": list(hashes)})
        _typed(data, {"missing": list}, status)
        return [name for name in data["missing"] if isinstance(name, str)]

    def upload_offset(self, sha256: str) -> tuple[int, bool]:
        """How many bytes of this blob's upload the server holds, and whether it has the whole blob already."""
        status, data = self._request("GET", f"/v1/blobs/{sha256}/upload")
        _typed(data, {"offset": int, "complete": bool}, status)
        return data["offset"], data["complete"]

    def upload_chunk(self, sha256: str, start: int, data: bytes, total: int) -> tuple[int, bool]:
        """Send bytes `start`.. of a `total`-byte blob; the server's offset after it, and whether the blob is whole
        (checked against its name). A chunk not at the server's offset is refused (Conflict): ask again."""
        span = f"bytes {start}-{start + len(data) - 1}/{total}" if data else f"bytes */{total}"
        headers = {"Content-Range": span, "Content-Type": "application/octet-stream"}
        status, answer = self._request("PUT", f"/v1/blobs/{sha256}", content=data, headers=headers)
        _typed(answer, {"offset": int, "complete": bool}, status)
        return answer["offset"], answer["complete"]

    def download_blob(self, sha256: str, target: Path) -> int:
        """Fetch a blob into `target`, going on from the bytes it holds already (HTTP Range); the bytes received.
        A connection lost midway leaves what arrived in `target`, so the next call resumes from there."""
        self.connect()
        assert self._http is not None
        if self.token is None:
            raise SessionRequired()
        held = target.stat().st_size if target.is_file() else 0
        headers = {"Authorization": f"Bearer {self.token}"}
        if held:
            headers["Range"] = f"bytes={held}-"
        received = 0
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            with self._http.stream("GET", f"/v1/blobs/{sha256}", headers=headers) as answer:
                if answer.status_code == 416:
                    return 0  # it holds every byte already (the caller checks the hash)
                if answer.status_code >= 400:
                    answer.read()
                    raise self._refusal(answer)
                with target.open("ab" if answer.status_code == 206 else "wb") as writer:
                    for piece in answer.iter_bytes():
                        writer.write(piece)
                        received += len(piece)
        except httpx.TransportError as error:
            raise self._transport_failure(error) from error
        return received

    def sign_out(self) -> None:
        """End the session at the server and forget the token."""
        try:
            self._request("DELETE", "/v1/session")
        finally:
            self.token = self.expires = None

    def _request(
        self,
        method: str,
        path: str,
        *,
        json: Mapping[str, Any] | None = None,
        signed: bool = True,
        params: Mapping[str, int] | None = None,
        content: bytes | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> tuple[int, dict[str, Any]]:
        self.connect()
        assert self._http is not None
        headers = dict(headers or {})
        if signed:
            if self.token is None:
                raise SessionRequired()
            headers["Authorization"] = f"Bearer {self.token}"
        try:
            answer = self._http.request(method, path, json=json, content=content, headers=headers, params=params)
        except httpx.TransportError as error:
            raise self._transport_failure(error) from error
        self.library_id = answer.headers.get(LIBRARY_HEADER, self.library_id)  # the feed's, refusals included
        if answer.status_code >= 400:
            raise self._refusal(answer)
        if answer.status_code == 204:
            return answer.status_code, {}
        try:
            data = answer.json()
        except ValueError:
            raise _bad_answer(answer.status_code) from None
        if not isinstance(data, dict):
            raise _bad_answer(answer.status_code)
        return answer.status_code, data

    def _transport_failure(self, error: httpx.TransportError) -> DossierError:
        """A failed request; a certificate that no longer verifies against the pin is named as changed."""
        cause: BaseException | None = error
        while cause is not None:
            if isinstance(cause, ssl.SSLCertVerificationError) and self.trust and self.trust.kind == Trust.PINNED:
                try:
                    presented = fingerprint(self._presented_certificate())
                except ServerUnreachable:
                    break
                return CertificateChanged(server=self.server, pinned=self.trust.fingerprint, presented=presented)
            cause = cause.__cause__ or cause.__context__
        return self._unreachable(error)

    def _refusal(self, answer: httpx.Response) -> DossierError:
        """The server's refusal as a typed error: the sign-in ones as the desktop knows them, others as sent."""
        try:
            data = answer.json()
        except ValueError:
            data = None
        if not isinstance(data, dict) or not isinstance(data.get("error"), str):
            message = f"HTTP {answer.status_code}"
            return ServerRefused(status=answer.status_code, code="http", message=message, message_vi=message)
        code = data["error"]
        if answer.status_code == 401 and code != "authentication_failed":
            self.token = None  # the session is over; the desktop signs in again
        if code == "account_disabled":
            return SessionAccountDisabled(username=self.username or "")
        if code == "session_expired" and self.expires is not None:
            return SessionExpired(expires=self.expires)
        known: dict[str, type[DossierError]] = {
            "authentication_failed": AuthenticationFailed,
            "session_required": SessionRequired,
            "session_unknown": SessionRefused,
            "session_revoked": SessionRevoked,
            "session_expired": SessionRefused,
        }
        if code in known:
            return known[code]()
        held = answer.headers.get(VERSION_HEADER, "")
        since = answer.request.url.params.get("since", "")
        if code == "cursor_ahead" and held.isdigit() and since.isdigit():
            return CursorAhead(since=int(since), version=int(held))
        based_on = answer.request.headers.get(BASED_ON_HEADER, "")
        if answer.status_code == 412 and held.isdigit() and based_on.isdigit():
            return PreconditionFailed(based_on=int(based_on), version=int(held))
        english = data.get("message_en") if isinstance(data.get("message_en"), str) else code
        vietnamese = data.get("message_vi") if isinstance(data.get("message_vi"), str) else english
        return ServerRefused(status=answer.status_code, code=code, message=str(english), message_vi=str(vietnamese))

    # Closing -------------------------------------------------------------------------------------

    def close(self) -> None:
        """Close the HTTP connections (the session stays valid at the server until signed out or expired)."""
        if self._http is not None:
            self._http.close()
            self._http = None

    def __enter__(self) -> "SyncConnection":
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()
