"""PAdES signing of a written PDF: intact and valid by pyHanko and poppler, a visible box in the embedded font."""

import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from dossier_app.domain.errors import SigningKeyUnreadable
from dossier_app.export import format_rules as rules
from dossier_app.export.pdf_writer import write_pdf
from dossier_app.export.signing import (
    FIELD_NAME,
    Signer,
    SigningKey,
    load_signer,
    sign_pdf,
    stamp_box,
    stamp_text,
    verify_signatures,
)
from dossier_app.storage.resources import font_dir
from tests.export.signing_support import PASSPHRASE, SIGNER_CN, write_p12
from tests.export.support import to_trinh

SIGNED_AT = datetime(2026, 3, 5, 2, 30, tzinfo=UTC)  # 09:30 in Vietnam


@pytest.fixture(scope="module")
def p12(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_p12(tmp_path_factory.mktemp("key"))


@pytest.fixture(scope="module")
def signer(p12: Path) -> Signer:
    return load_signer(SigningKey(p12, PASSPHRASE))


@pytest.fixture(scope="module")
def signed(tmp_path_factory: pytest.TempPathFactory, signer: Signer) -> Path:
    """The demo Tờ trình, written and signed once for the module (tests copy it before changing it)."""
    path = write_pdf(to_trinh(), tmp_path_factory.mktemp("pdf") / "To_trinh.pdf", font_dir())
    sign_pdf(path, signer, font_dir(), SIGNED_AT, reason="Hồ sơ CT-HTP")
    return path


def _copy(path: Path, folder: Path) -> Path:
    target = folder / path.name
    shutil.copyfile(path, target)
    return target


def test_loaded_signer_names_the_certificate(signer: Signer) -> None:
    assert signer.common_name == SIGNER_CN
    assert SIGNER_CN in signer.subject and len(signer.fingerprint) == 64


def test_signed_pdf_is_intact_valid_and_trusted_by_its_certificate(signed: Path, signer: Signer) -> None:
    (check,) = verify_signatures(signed, signer.certificate)
    assert check.field == FIELD_NAME and SIGNER_CN in check.signer
    assert check.intact and check.valid and check.whole_file and check.trusted and check.ok and not check.reason
    assert check.fingerprint == signer.fingerprint and check.signed_at is not None
    (untrusted,) = verify_signatures(signed.read_bytes())
    assert untrusted.ok and not untrusted.trusted  # a self-signed certificate is trusted only when named
    (pinned,) = verify_signatures(signed, pinned=signer.fingerprint)
    assert pinned.trusted


def test_signing_is_an_incremental_update_keeping_every_page(signed: Path, tmp_path: Path, signer: Signer) -> None:
    plain = write_pdf(to_trinh(), tmp_path / "plain.pdf", font_dir())
    assert signed.read_bytes().startswith(plain.read_bytes()[:9])
    assert len(PdfReader(str(signed)).pages) == len(PdfReader(str(plain)).pages)
    original = plain.read_bytes()
    sign_pdf(plain, signer, font_dir(), SIGNED_AT)
    assert plain.read_bytes()[: len(original)] == original


@pytest.mark.skipif(shutil.which("pdfsig") is None, reason="pdfsig (poppler-utils) is not installed")
def test_poppler_finds_a_valid_pades_signature(signed: Path) -> None:
    out = subprocess.run(["pdfsig", str(signed)], capture_output=True, text=True, check=False).stdout
    assert "Signature is Valid" in out and "ETSI.CAdES.detached" in out and "Total document signed" in out
    assert SIGNER_CN in out


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed")
def test_visible_box_text_is_exact_vietnamese_on_the_last_page(signed: Path) -> None:
    last = len(PdfReader(str(signed)).pages)
    out = subprocess.run(
        ["pdftotext", "-f", str(last), "-l", str(last), str(signed), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Ký bởi: Nguyễn Văn Ánh" in out
    assert "Ngày ký: 05/03/2026 09:30" in out
    assert stamp_text(SIGNER_CN, SIGNED_AT) == "Ký bởi: Nguyễn Văn Ánh\nNgày ký: 05/03/2026 09:30"


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="pdffonts (poppler-utils) is not installed")
def test_every_font_is_embedded_including_the_box_font(signed: Path) -> None:
    lines = subprocess.run(["pdffonts", str(signed)], capture_output=True, text=True, check=True).stdout.splitlines()
    rows = [line.split() for line in lines[2:]]
    assert rows and all(row[-5] == "yes" for row in rows), lines  # the 'emb' column
    assert any("LiberationSerif" in row[0] and "CID" in row[1] for row in rows), lines  # the box's font


def test_box_sits_in_the_bottom_margin_right_of_the_last_page(signed: Path) -> None:
    reader = PdfReader(str(signed))
    last = reader.pages[-1]
    (annotation,) = [a.get_object() for a in last["/Annots"] if a.get_object().get("/FT") == "/Sig"]
    x1, y1, x2, y2 = (float(v) for v in annotation["/Rect"])
    width = float(last.mediabox.width)
    margins = rules.Margins()
    assert 0 < y1 < y2 <= margins.bottom * 72 / 25.4  # below the text frame, so never over the signature block
    assert x2 <= width - margins.right * 72 / 25.4 and x1 > width / 2
    assert stamp_box(width, margins.right, margins.bottom) == (round(x1), round(y1), round(x2), round(y2))


def test_one_changed_byte_breaks_the_signature(signed: Path, tmp_path: Path) -> None:
    target = _copy(signed, tmp_path)
    data = bytearray(target.read_bytes())
    index = data.index(b"ReportLab")  # the header comment: inside the signed range, harmless to the parser
    data[index] ^= 0x20
    target.write_bytes(bytes(data))
    (check,) = verify_signatures(target)
    assert not check.intact and not check.ok and "modified" in check.reason


def test_bytes_appended_after_signing_are_noticed(signed: Path, tmp_path: Path) -> None:
    target = _copy(signed, tmp_path)
    target.write_bytes(target.read_bytes() + b"\n% appended\n")
    (check,) = verify_signatures(target)
    assert check.intact and not check.whole_file and not check.ok and "after signing" in check.reason


def test_an_unsigned_pdf_has_no_signatures(tmp_path: Path) -> None:
    assert verify_signatures(write_pdf(to_trinh(), tmp_path / "plain.pdf", font_dir())) == []


def test_wrong_passphrase_missing_or_damaged_key_is_a_typed_error(p12: Path, tmp_path: Path) -> None:
    junk = tmp_path / "junk.p12"
    junk.write_bytes(b"not a pkcs12 file")
    for key in (
        SigningKey(p12, "sai mật khẩu"),
        SigningKey(tmp_path / "missing.p12", PASSPHRASE),
        SigningKey(junk, PASSPHRASE),
    ):
        with pytest.raises(SigningKeyUnreadable) as caught:
            load_signer(key)
        assert str(key.p12) in caught.value.message and "passphrase" in caught.value.message
        assert PASSPHRASE not in caught.value.message and "sai mật khẩu" not in caught.value.message


def test_signing_key_repr_hides_the_passphrase(p12: Path) -> None:
    assert PASSPHRASE not in repr(SigningKey(p12, PASSPHRASE))
