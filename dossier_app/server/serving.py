"""Running the API: plain HTTP on a loopback address only, TLS anywhere else; a clean stop on SIGTERM or Ctrl+C."""

import ipaddress
import logging
import signal
import socket
import ssl
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType

from dossier_app.domain.errors import QT_TRANSLATE_NOOP, ValidationFailed
from dossier_app.server.tls import TlsPair
from dossier_app.services import Services

GRACEFUL_STOP_SECONDS = 10


def is_loopback(host: str) -> bool:
    """Whether `host` names this machine only: a loopback address or 'localhost'."""
    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def require_tls_off_loopback(host: str, tls: TlsPair | None) -> None:
    """Plain HTTP is for tests on this machine; anything reachable from the network must be TLS."""
    if tls is None and not is_loopback(host):
        raise ValidationFailed(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The server speaks plain HTTP only on this computer (127.0.0.1, ::1, localhost); to listen on {host}, "
                "give --tls-dir with a certificate ('serve --init-tls DIR' makes one).",
            ),
            field="host",
            host=host,
        )


def listening_socket(host: str, port: int) -> socket.socket:
    """A socket bound to host:port, opened here so that a refusal is a clear message, not a server's exit."""
    try:
        family, kind, protocol, _name, address = socket.getaddrinfo(
            host.strip("[]"), port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
        )[0]
        sock = socket.socket(family, kind, protocol)
    except OSError as error:
        raise _cannot_listen(host, port, error) from error
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
    except OSError as error:
        sock.close()
        raise _cannot_listen(host, port, error) from error
    return sock


def _cannot_listen(host: str, port: int, error: OSError) -> ValidationFailed:
    return ValidationFailed(
        QT_TRANSLATE_NOOP("Errors", "The server cannot listen on {host}:{port}: {reason}"),
        field="port",
        host=host,
        port=port,
        reason=error.strerror or str(error),
    )


def address_of(sock: socket.socket, tls: TlsPair | None) -> str:
    """The URL desktops reach the socket at."""
    host, port = sock.getsockname()[:2]
    shown = f"[{host}]" if ":" in host else host
    return f"{'https' if tls else 'http'}://{shown}:{port}"


def configure_logging() -> None:
    """The request lines and the server's own messages on stderr; the web server's chatter only when it matters."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(message)s", "%Y-%m-%d %H:%M:%S"))
    server_log = logging.getLogger("dossier_app.server")
    server_log.addHandler(handler)
    server_log.setLevel(logging.INFO)
    server_log.propagate = False
    for name in ("uvicorn", "uvicorn.error"):
        logging.getLogger(name).setLevel(logging.WARNING)


@contextmanager
def _stopped_quietly() -> Iterator[list[int]]:
    """uvicorn catches SIGINT and SIGTERM to shut down gracefully, then raises the signal again for the handler that
    was there before it; with this one there, the process goes on to close the database and exit 0."""
    received: list[int] = []

    def note(signum: int, _frame: FrameType | None) -> None:
        received.append(signum)

    previous = {sig: signal.signal(sig, note) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield received
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def serve(
    services: Services, host: str, port: int, tls: TlsPair | None, announce: Callable[[str], None] = print
) -> None:
    """Serve the API until SIGTERM or Ctrl+C; `announce` is told where, once the socket listens."""
    import uvicorn

    from dossier_app.server.app import create_app

    require_tls_off_loopback(host, tls)
    _warmed = (services.push, services.changes)  # their modules load now, not in the first desktop's push
    config = uvicorn.Config(
        create_app(services),
        http="h11",
        loop="asyncio",
        lifespan="off",
        access_log=False,  # server.app.RequestLog writes the one line per request
        log_config=None,
        proxy_headers=False,  # no proxy in front: the client's address is the peer's
        server_header=False,
        ssl_certfile=str(tls.certificate) if tls else None,
        ssl_keyfile=str(tls.key) if tls else None,
        timeout_graceful_shutdown=GRACEFUL_STOP_SECONDS,
    )
    try:
        config.load()
    except (ssl.SSLError, OSError) as error:
        assert tls is not None  # only the TLS files can fail to load
        raise ValidationFailed(
            QT_TRANSLATE_NOOP("Errors", "The certificate or key in {directory} cannot be used: {reason}"),
            field="tls-dir",
            directory=str(tls.directory),
            reason=getattr(error, "reason", None) or error.strerror or str(error),
        ) from error
    if config.ssl is not None:
        config.ssl.minimum_version = ssl.TLSVersion.TLSv1_2
    sock = listening_socket(host, port)
    announce(address_of(sock, tls))
    with _stopped_quietly():
        uvicorn.Server(config).run(sockets=[sock])
    sock.close()
