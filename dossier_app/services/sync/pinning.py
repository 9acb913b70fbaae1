"""Certificate fingerprints for trust on first use: a desktop pins the server's certificate by its SHA-256."""

import hashlib
import ssl
from typing import Protocol


def fingerprint(certificate_pem: str) -> str:
    """The SHA-256 of the certificate's DER bytes, as 'AB:CD:…' (how `serve --init-tls` prints it)."""
    digest = hashlib.sha256(ssl.PEM_cert_to_DER_cert(certificate_pem)).hexdigest().upper()
    return ":".join(digest[i : i + 2] for i in range(0, len(digest), 2))


def normalise_fingerprint(text: str) -> str:
    """A fingerprint as typed or pasted (colons, spaces, any case) in the 'AB:CD:…' form; '' if it is not one."""
    digits = "".join(ch for ch in text.upper() if ch not in ": \t\n-")
    if len(digits) != 64 or any(ch not in "0123456789ABCDEF" for ch in digits):
        return ""
    return ":".join(digits[i : i + 2] for i in range(0, 64, 2))


class PinStore(Protocol):
    """Where a desktop remembers the fingerprint of each server it has trusted (its settings, in the window)."""

    def pinned(self, server: str) -> str | None:
        """The fingerprint trusted for `server` ('host:port'), if any."""

    def pin(self, server: str, fingerprint: str) -> None:
        """Remember the fingerprint trusted for `server` from now on."""


class MemoryPins:
    """A PinStore in memory: for tests, and for one run of a command."""

    def __init__(self, pins: dict[str, str] | None = None) -> None:
        self.pins: dict[str, str] = dict(pins or {})

    def pinned(self, server: str) -> str | None:
        """The fingerprint trusted for `server`, if any."""
        return self.pins.get(server)

    def pin(self, server: str, fingerprint: str) -> None:
        """Remember the fingerprint trusted for `server`."""
        self.pins[server] = fingerprint
