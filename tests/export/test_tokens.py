"""Signing with a key on a PKCS#11 token (SoftHSM2 standing in for a CA's USB token): the tokens a driver lists, a
PDF signed through the token that pyHanko and poppler accept, and each refusal typed before anything is signed."""

import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest

from dossier_app.domain.errors import (
    SigningModuleUnreadable,
    SigningPinRefused,
    SigningTokenKeyMissing,
    SigningTokenMissing,
)
from dossier_app.export.pdf_writer import write_pdf
from dossier_app.export.signature_records import TokenKey
from dossier_app.export.signing import sign_pdf, verify_signatures
from dossier_app.export.tokens import open_token_signer, token_labels
from dossier_app.storage.resources import font_dir
from tests.export.signing_support import SIGNER_CN
from tests.export.support import to_trinh
from tests.export.token_support import SoftToken, make_token


@pytest.fixture
def token(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> SoftToken:
    return make_token(tmp_path / "hsm", monkeypatch)


def _key(token: SoftToken, **changes: str) -> TokenKey:
    fields = {"token_label": token.token_label, "key_label": token.key_label, "pin": token.pin} | changes
    return TokenKey(token.module, **fields)


def test_the_driver_lists_the_initialised_token_only(token: SoftToken) -> None:
    assert token_labels(token.module) == [token.token_label]  # SoftHSM's free slot has no label and is left out


def test_a_pdf_signed_through_the_token_is_valid_for_pyhanko_and_poppler(token: SoftToken, tmp_path: Path) -> None:
    path = write_pdf(to_trinh(), tmp_path / "To_trinh.pdf", font_dir())
    signer = open_token_signer(_key(token))
    try:
        assert signer.common_name == SIGNER_CN and len(signer.fingerprint) == 64
        sign_pdf(path, signer, font_dir(), datetime(2026, 3, 5, 2, 30, tzinfo=UTC), reason="Hồ sơ CT-HTP")
    finally:
        signer.close()
    (check,) = verify_signatures(path, pinned=signer.fingerprint)
    assert check.ok and check.trusted and SIGNER_CN in check.signer
    if shutil.which("pdfsig") is None:
        pytest.skip("pdfsig (poppler-utils) is not installed")
    out = subprocess.run(["pdfsig", str(path)], capture_output=True, text=True, check=False).stdout
    assert "Signature is Valid" in out and "ETSI.CAdES.detached" in out and SIGNER_CN in out


def test_the_token_is_free_again_once_the_signer_is_closed(token: SoftToken) -> None:
    open_token_signer(_key(token)).close()
    signer = open_token_signer(_key(token))  # the module was finalised and the lock let go: it opens again
    signer.close()
    signer.close()  # closing twice is harmless
    assert token_labels(token.module) == [token.token_label]


def test_a_wrong_pin_is_refused_without_echoing_it(token: SoftToken) -> None:
    with pytest.raises(SigningPinRefused) as caught:
        open_token_signer(_key(token, pin="000000"))
    assert token.token_label in caught.value.message and "000000" not in caught.value.message
    open_token_signer(_key(token)).close()  # the refusal let the module go


def test_an_unknown_token_or_key_label_is_refused(token: SoftToken) -> None:
    with pytest.raises(SigningTokenMissing) as missing:
        open_token_signer(_key(token, token_label="Token khác"))
    assert "Token khác" in missing.value.message
    with pytest.raises(SigningTokenKeyMissing) as no_key:
        open_token_signer(_key(token, key_label="Khóa khác"))
    assert "Khóa khác" in no_key.value.message and token.token_label in no_key.value.message


def test_a_missing_or_foreign_driver_is_refused(tmp_path: Path) -> None:
    foreign = tmp_path / "not-a-driver.so"
    foreign.write_bytes(b"\x7fELF but not really")
    for module in (tmp_path / "missing.so", foreign):
        with pytest.raises(SigningModuleUnreadable) as caught:
            token_labels(module)
        assert str(module) in caught.value.message
        with pytest.raises(SigningModuleUnreadable):
            open_token_signer(TokenKey(module, "t", "k", "1234"))


def test_token_key_repr_hides_the_pin(tmp_path: Path) -> None:
    assert "246810" not in repr(TokenKey(tmp_path / "m.so", "t", "k", "246810"))
