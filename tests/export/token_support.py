"""A SoftHSM2 token in a temporary folder for the tests of signing with a USB token: initialised by softhsm2-util,
an RSA key and its self-signed certificate imported with python-pkcs11 (as a CA's token holds them)."""

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization

from tests.export.signing_support import SIGNER_CN, make_certificate

SOFTHSM_MODULES = ("/usr/lib/softhsm/libsofthsm2.so", "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so")
TOKEN_LABEL = "Token thử Cần Thơ"
KEY_LABEL = "Chữ ký Ánh"
USER_PIN = "246810"
SO_PIN = "97531"


@dataclass(frozen=True)
class SoftToken:
    """Where the token's module is and what it holds."""

    module: Path
    token_label: str
    key_label: str
    pin: str


def softhsm_module() -> Path | None:
    """The SoftHSM2 PKCS#11 module if the softhsm2 package is installed."""
    return next((Path(path) for path in SOFTHSM_MODULES if Path(path).is_file()), None)


def make_token(folder: Path, monkeypatch: pytest.MonkeyPatch) -> SoftToken:
    """A token labelled TOKEN_LABEL holding a signing key and its certificate, both labelled KEY_LABEL with one ID;
    SOFTHSM2_CONF points at its folder for the rest of the test. Skips when SoftHSM2 is not installed."""
    module, util = softhsm_module(), shutil.which("softhsm2-util")
    if module is None or util is None:
        pytest.skip("SoftHSM2 is not installed (Debian package softhsm2): no PKCS#11 token to sign with")
    tokens = folder / "tokens"
    tokens.mkdir(parents=True)
    conf = folder / "softhsm2.conf"
    conf.write_text(f"directories.tokendir = {tokens}\nobjectstore.backend = file\nlog.level = ERROR\n")
    monkeypatch.setenv("SOFTHSM2_CONF", str(conf))
    subprocess.run(
        [util, "--init-token", "--free", "--label", TOKEN_LABEL, "--so-pin", SO_PIN, "--pin", USER_PIN],
        check=True,
        capture_output=True,
    )
    _import_key(module)
    return SoftToken(module, TOKEN_LABEL, KEY_LABEL, USER_PIN)


def _import_key(module: Path) -> None:
    import pkcs11
    from pkcs11 import Attribute
    from pkcs11.util.rsa import decode_rsa_private_key
    from pkcs11.util.x509 import decode_x509_certificate

    key, certificate = make_certificate(SIGNER_CN)
    key_der = key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.TraditionalOpenSSL,
                                serialization.NoEncryption())  # fmt: skip
    identifier = b"\x01\x42"
    lib = pkcs11.lib(str(module))
    try:
        with lib.get_token(token_label=TOKEN_LABEL).open(rw=True, user_pin=USER_PIN) as session:
            private = decode_rsa_private_key(key_der)
            private.update({Attribute.LABEL: KEY_LABEL, Attribute.ID: identifier, Attribute.TOKEN: True,
                            Attribute.SIGN: True, Attribute.PRIVATE: True, Attribute.SENSITIVE: True})  # fmt: skip
            session.create_object(private)
            cert = decode_x509_certificate(certificate.public_bytes(serialization.Encoding.DER))
            cert.update({Attribute.LABEL: KEY_LABEL, Attribute.ID: identifier, Attribute.TOKEN: True})
            session.create_object(cert)
    finally:
        lib.finalize()  # the next test's token folder is read when the module is initialised again
