"""The server's certificate (`serve --init-tls`), loopback addresses, and the desktop's view of fingerprints."""

import hashlib
import ipaddress
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding

from dossier_app.domain.errors import Conflict, ValidationFailed
from dossier_app.server.serving import is_loopback, require_tls_off_loopback
from dossier_app.server.tls import TlsPair, init_tls, machine_names
from dossier_app.services.sync.client import pinned_context
from dossier_app.services.sync.pinning import MemoryPins, normalise_fingerprint


def test_init_tls_writes_a_self_signed_pair_for_this_machine(tmp_path: Path) -> None:
    now = datetime(2026, 12, 6, 9, 0, tzinfo=UTC)
    printed = init_tls(tmp_path / "tls", now=now)
    pair = TlsPair.in_directory(tmp_path / "tls")
    assert stat.S_IMODE(pair.key.stat().st_mode) == 0o600
    assert stat.S_IMODE(pair.directory.stat().st_mode) == 0o700
    certificate = x509.load_pem_x509_certificate(pair.certificate.read_bytes())
    der = certificate.public_bytes(Encoding.DER)
    assert printed == ":".join(f"{byte:02X}" for byte in hashlib.sha256(der).digest()) == pair.fingerprint()
    assert certificate.issuer == certificate.subject
    names = certificate.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    assert set(names.get_values_for_type(x509.DNSName)) == set(machine_names()) >= {"localhost"}
    assert set(names.get_values_for_type(x509.IPAddress)) == {
        ipaddress.ip_address("127.0.0.1"),
        ipaddress.ip_address("::1"),
    }
    assert certificate.extensions.get_extension_for_class(x509.BasicConstraints).value.ca is False
    assert certificate.not_valid_before_utc <= now
    assert certificate.not_valid_after_utc - now > timedelta(days=4 * 365)
    assert not pinned_context(pair.certificate.read_text(encoding="ascii")).check_hostname


@pytest.mark.parametrize("existing", ["cert.pem", "key.pem"])
def test_init_tls_never_overwrites(tmp_path: Path, existing: str) -> None:
    (tmp_path / existing).write_text("kept")
    with pytest.raises(Conflict):
        init_tls(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == [existing]
    assert (tmp_path / existing).read_text() == "kept"


def test_init_tls_into_an_unwritable_place_is_a_typed_refusal(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(ValidationFailed) as refused:
        init_tls(blocker / "tls")
    assert refused.value.field == "init-tls"


def test_a_tls_directory_without_its_pair_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValidationFailed) as refused:
        TlsPair.in_directory(tmp_path).require()
    assert refused.value.field == "tls-dir"


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.1.2.3", True),
        ("::1", True),
        ("[::1]", True),
        ("localhost", True),
        ("LOCALHOST", True),
        ("0.0.0.0", False),
        ("::", False),
        ("192.168.1.10", False),
        ("dossier.so-khcn.local", False),
        ("", False),
    ],
)
def test_plain_http_is_for_loopback_addresses_only(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback
    if loopback:
        require_tls_off_loopback(host, None)
    else:
        with pytest.raises(ValidationFailed):
            require_tls_off_loopback(host, None)
    require_tls_off_loopback(host, TlsPair.in_directory("/anywhere"))  # with TLS any address will do


def test_fingerprints_are_read_however_they_are_typed() -> None:
    canonical = ":".join(["AB"] * 32)
    assert normalise_fingerprint(canonical.lower()) == canonical
    assert normalise_fingerprint("ab" * 32) == canonical
    assert normalise_fingerprint(" ".join(["ab"] * 32)) == canonical
    assert normalise_fingerprint("ab" * 31) == ""
    assert normalise_fingerprint("zz" * 32) == ""
    pins = MemoryPins()
    pins.pin("server:8470", canonical)
    assert (pins.pinned("server:8470"), pins.pinned("other:8470")) == (canonical, None)
