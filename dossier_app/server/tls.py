"""The server's TLS pair: `serve --init-tls DIR` makes a self-signed certificate that desktops pin by its SHA-256
fingerprint on first use; a certificate from a real authority may be put in DIR instead."""

import ipaddress
import os
import socket
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from dossier_app.domain.errors import QT_TRANSLATE_NOOP, Conflict, ValidationFailed
from dossier_app.services.sync.pinning import fingerprint

CERT_FILE, KEY_FILE = "cert.pem", "key.pem"
VALID_FOR = timedelta(days=5 * 365)


@dataclass(frozen=True)
class TlsPair:
    """Where the certificate (PEM, the chain if an authority issued it) and its private key are."""

    directory: Path
    certificate: Path
    key: Path

    @classmethod
    def in_directory(cls, directory: str | Path) -> "TlsPair":
        """The pair's files in `directory`, named as `--init-tls` writes them."""
        folder = Path(directory)
        return cls(folder, folder / CERT_FILE, folder / KEY_FILE)

    def require(self) -> "TlsPair":
        """The pair, if both files are there; ValidationFailed naming the folder otherwise."""
        if not (self.certificate.is_file() and self.key.is_file()):
            raise ValidationFailed(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "{directory} has no cert.pem and key.pem: make them with 'serve --init-tls {directory}', "
                    "or put a certificate from an authority and its key there.",
                ),
                field="tls-dir",
                directory=str(self.directory),
            )
        return self

    def fingerprint(self) -> str:
        """The SHA-256 fingerprint of the (first) certificate in cert.pem."""
        return fingerprint(self.certificate.read_text(encoding="ascii", errors="replace"))


def machine_names() -> list[str]:
    """The names a desktop may use for this machine: its host name (never looked up in DNS) and localhost."""
    names = []
    host = socket.gethostname().strip().rstrip(".").lower()
    if host and host != "localhost" and all(part and len(part) < 64 for part in host.split(".")):
        names.append(host)
    return [*names, "localhost"]


def init_tls(directory: str | Path, *, now: datetime | None = None) -> str:
    """Write a new self-signed certificate (cert.pem) and its key (key.pem, mode 0600) for this machine's host name,
    localhost, 127.0.0.1 and ::1, valid five years; returns its SHA-256 fingerprint. Never overwrites a pair."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    pair = TlsPair.in_directory(directory)
    if pair.certificate.exists() or pair.key.exists():
        raise Conflict(
            QT_TRANSLATE_NOOP(
                "Errors",
                "{directory} already has a certificate or key; nothing was overwritten. Desktops trust the present "
                "certificate: to replace it, remove both files, then confirm the new fingerprint on each desktop.",
            ),
            directory=str(pair.directory),
        )
    names = machine_names()
    start = (now or datetime.now(UTC)) - timedelta(minutes=5)  # a desktop whose clock runs a little behind
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, names[0]),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "dossier_app department server"),
        ]
    )
    alternative = [x509.DNSName(name) for name in names] + [
        x509.IPAddress(ipaddress.ip_address(address)) for address in ("127.0.0.1", "::1")
    ]
    usage = x509.KeyUsage(
        digital_signature=True,
        content_commitment=False,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=True,
        key_cert_sign=False,
        crl_sign=False,
        encipher_only=False,
        decipher_only=False,
    )
    certificate = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(start + VALID_FOR)
        .add_extension(x509.SubjectAlternativeName(alternative), critical=False)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(usage, critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    key_pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    certificate_pem = certificate.public_bytes(serialization.Encoding.PEM)
    written: list[Path] = []
    try:
        pair.directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        _write_new(pair.key, key_pem, 0o600, written)
        _write_new(pair.certificate, certificate_pem, 0o644, written)
    except OSError as error:
        for path in written:
            path.unlink(missing_ok=True)
        raise ValidationFailed(
            QT_TRANSLATE_NOOP("Errors", "The certificate cannot be written in {directory}: {reason}"),
            field="init-tls",
            directory=str(pair.directory),
            reason=error.strerror or str(error),
        ) from error
    return fingerprint(certificate_pem.decode("ascii"))


def _write_new(path: Path, data: bytes, mode: int, written: list[Path]) -> None:
    """Create `path` with `mode` from the start (a key is never readable by others, not even for a moment)."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    written.append(path)
    with os.fdopen(descriptor, "wb") as stream:
        stream.write(data)
        stream.flush()
        os.fsync(stream.fileno())
