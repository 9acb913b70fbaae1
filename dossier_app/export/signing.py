"""PAdES signatures of the exported PDFs (pyHanko): sign in place with a visible box in the embedded Liberation Serif,
and check the signatures a PDF carries."""

import hashlib
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from io import BytesIO
from pathlib import Path
from typing import Any

from asn1crypto import x509
from fontTools.ttLib import TTFont
from fontTools.ttLib.scaleUpem import scale_upem
from pyhanko.pdf_utils.font.api import FontEngineFactory
from pyhanko.pdf_utils.font.opentype import GlyphAccumulator
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.layout import AxisAlignment, Margins, SimpleBoxLayoutRule
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.pdf_utils.text import TextBoxStyle
from pyhanko.pdf_utils.writer import BasePdfFileWriter
from pyhanko.sign import fields, signers
from pyhanko.sign.general import SigningError
from pyhanko.sign.signers.pdf_signer import PdfSignatureMetadata, PdfSigner
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.pdf_embedded import EmbeddedPdfSignature
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko.stamp.text import TextStampStyle
from pyhanko_certvalidator import ValidationContext

from dossier_app.domain.errors import SigningFailed, SigningKeyUnreadable
from dossier_app.domain.moments import VIETNAM_TIME
from dossier_app.export import format_rules as rules
from dossier_app.export.signature_records import FIELD_NAME, SignatureCheck, SigningKey

STAMP_TEXT = "Ký bởi: %(signer)s\nNgày ký: %(when)s"
STAMP_FONT_PT = 10
_PT_PER_MM = 72 / 25.4
_BOX_MM = (70.0, 13.0)  # width, height: two lines of 10 pt with padding, inside the 20 mm bottom margin
_RIGHT_INSET_MM = 5.0  # from the right edge of the text block
logging.getLogger("fontTools.subset").setLevel(logging.ERROR)  # it warns on every stamp about a table it drops


@cache
def _font_in_thousandths(font_file: Path) -> bytes:
    """The TrueType font rescaled to 1000 units per em.

    pyHanko's glyph accumulator writes the /W widths and TJ adjustments in the font's own units, which PDF reads as
    thousandths of an em; Liberation Serif has 2048 units per em, so its glyphs would be spread twice as wide."""
    font = TTFont(str(font_file))
    if font["head"].unitsPerEm != 1000:
        scale_upem(font, 1000)
    buffer = BytesIO()
    font.save(buffer)
    return buffer.getvalue()


@dataclass(frozen=True)
class _StampFont(FontEngineFactory):
    """The embedded font of the visible box (what GlyphAccumulatorFactory does, from the rescaled font in memory)."""

    font_file: Path
    font_size: int

    def create_font_engine(self, writer: BasePdfFileWriter, obj_stream: Any = None) -> GlyphAccumulator:
        if obj_stream is None and writer.stream_xrefs:
            obj_stream = writer.prepare_object_stream()  # type: ignore[no-untyped-call]  # untyped in pyHanko
        return GlyphAccumulator(
            writer=writer,
            font_handle=BytesIO(_font_in_thousandths(self.font_file)),
            font_size=self.font_size,
            bcp47_lang_code="vi",
            obj_stream=obj_stream,
        )


@dataclass(frozen=True)
class Signer:
    """The loaded key: what signs (a .p12's key in memory, or a token's through its open session), and who the
    certificate says signs. `release` closes what the key holds open (a token's session); `close` calls it."""

    key: signers.Signer
    subject: str
    common_name: str
    fingerprint: str  # SHA-256 of the DER certificate, hex
    release: Callable[[], None] | None = field(default=None, repr=False, compare=False)

    @property
    def certificate(self) -> x509.Certificate:
        """The signer's certificate (the trust root when the package is checked)."""
        cert = self.key.signing_cert
        assert cert is not None  # both kinds of key are built with their certificate
        return cert

    def close(self) -> None:
        """Let go of the key: a token's session is closed (a .p12's key has nothing open)."""
        if self.release is not None:
            self.release()


def signer_for(key: signers.Signer, cert: x509.Certificate, release: Callable[[], None] | None = None) -> Signer:
    """The Signer of a key whose certificate is `cert`, named as the certificate names its subject."""
    subject = cert.subject.human_friendly
    names = [str(value) for value in _attribute_values(cert, "common_name")]
    return Signer(key, subject, names[0] if names else subject, certificate_fingerprint(cert), release)


def certificate_fingerprint(cert: x509.Certificate) -> str:
    """SHA-256 of the certificate's DER encoding, as hex."""
    return hashlib.sha256(cert.dump()).hexdigest()


def load_signer(key: SigningKey) -> Signer:
    """Open the PKCS#12 file; SigningKeyUnreadable when the file is missing, not PKCS#12 or the passphrase is wrong."""
    try:
        data = key.p12.read_bytes()
    except OSError as error:
        raise SigningKeyUnreadable(path=str(key.p12)) from error
    try:
        loaded = signers.SimpleSigner.load_pkcs12_data(data, (), passphrase=key.passphrase.encode("utf-8") or None)
    except ValueError:
        raise SigningKeyUnreadable(path=str(key.p12)) from None  # no chained error: it may quote the input
    return signer_for(loaded, loaded.signing_cert)


def _attribute_values(cert: x509.Certificate, attribute: str) -> list[object]:
    native = cert.subject.native
    value = native.get(attribute) if isinstance(native, dict) else None
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def stamp_text(signer_name: str, signed_at: datetime) -> str:
    """The text of the visible box, in Vietnamese, with the time in Vietnam."""
    return STAMP_TEXT % _stamp_params(signer_name, signed_at)


def _stamp_params(signer_name: str, signed_at: datetime) -> dict[str, str]:
    return {"signer": signer_name, "when": signed_at.astimezone(VIETNAM_TIME).strftime("%d/%m/%Y %H:%M")}


def stamp_box(page_width_pt: float, right_margin_mm: float, bottom_margin_mm: float) -> tuple[int, int, int, int]:
    """The box in the bottom margin of the last page, flush with the right edge of the text block.

    The margin never holds body text, so the box cannot cover the signature block whatever its length."""
    width, height = (side * _PT_PER_MM for side in _BOX_MM)
    right = page_width_pt - (right_margin_mm + _RIGHT_INSET_MM) * _PT_PER_MM
    bottom = max(2.0, (bottom_margin_mm * _PT_PER_MM - height) / 2)
    return round(right - width), round(bottom), round(right), round(bottom + height)


def sign_pdf(
    path: Path,
    signer: Signer,
    font_dir: Path,
    signed_at: datetime,
    margins: rules.Margins | None = None,
    reason: str = "",
) -> None:
    """Sign `path` in place (an incremental update): PAdES B-B, a visible box at the bottom right of the last page."""
    margins = margins or rules.Margins()
    source = BytesIO(path.read_bytes())
    writer = IncrementalPdfFileWriter(source, strict=False)
    last = writer.root["/Pages"]["/Count"] - 1
    page = writer.find_page_for_modification(last)[0]  # type: ignore[no-untyped-call]  # pyHanko leaves it untyped
    media = page.get_object()["/MediaBox"]
    box = stamp_box(float(media[2]) - float(media[0]), margins.right, margins.bottom)
    font = _StampFont(font_dir / rules.FONT_FILES["regular"], STAMP_FONT_PT)  # the same size as the box's style
    style = TextStampStyle(
        stamp_text=STAMP_TEXT,
        text_box_style=TextBoxStyle(
            font=font,
            font_size=STAMP_FONT_PT,
            leading=STAMP_FONT_PT + 2,
            box_layout_rule=SimpleBoxLayoutRule(AxisAlignment.ALIGN_MIN, AxisAlignment.ALIGN_MID, Margins(2, 2, 2, 2)),
        ),
        inner_content_layout=SimpleBoxLayoutRule(
            AxisAlignment.ALIGN_MIN, AxisAlignment.ALIGN_MID, Margins(left=6, right=4, top=2, bottom=2)
        ),
        border_width=1,
        background=None,
    )
    metadata = PdfSignatureMetadata(
        field_name=FIELD_NAME,
        subfilter=fields.SigSeedSubFilter.PADES,
        md_algorithm="sha256",
        reason=reason or None,
        name=signer.common_name,
    )
    spec = fields.SigFieldSpec(sig_field_name=FIELD_NAME, on_page=last, box=box)
    pdf_signer = PdfSigner(metadata, signer=signer.key, stamp_style=style, new_field_spec=spec)
    output = BytesIO()
    try:
        pdf_signer.sign_pdf(writer, output=output, appearance_text_params=_stamp_params(signer.common_name, signed_at))
    except (SigningError, PdfError) as error:
        raise SigningFailed(path=path.name) from error
    path.write_bytes(output.getvalue())


def verify_signatures(
    pdf: Path | bytes, trust: x509.Certificate | None = None, pinned: str = ""
) -> list[SignatureCheck]:
    """Every signature of the PDF: intact, valid, whole-file, and trusted when it chains to `trust` or its
    certificate has the SHA-256 fingerprint `pinned` (what a package manifest records)."""
    data = pdf.read_bytes() if isinstance(pdf, Path) else pdf
    try:
        reader = PdfFileReader(BytesIO(data), strict=False)
        embedded = list(reader.embedded_signatures)
    except (PdfError, ValueError, KeyError) as error:
        return [SignatureCheck("", "", "", False, False, False, False, None, f"unreadable PDF: {error}")]
    return [_check(signature, trust, pinned.lower()) for signature in embedded]


def _check(signature: EmbeddedPdfSignature, trust: x509.Certificate | None, pinned: str) -> SignatureCheck:
    name = str(signature.field_name)
    try:
        cert: x509.Certificate = signature.signer_cert
        fingerprint = certificate_fingerprint(cert)
        roots = [trust] if trust is not None else [cert] if pinned and pinned == fingerprint else []
        context = ValidationContext(trust_roots=roots, allow_fetching=False)
        status = validate_pdf_signature(signature, context, skip_diff=True)
    except Exception as error:  # a tampered signature dictionary breaks parsing in many ways; all mean "broken"
        return SignatureCheck(name, "", "", False, False, False, False, None, f"unreadable signature: {error}")
    whole = status.coverage == SignatureCoverageLevel.ENTIRE_FILE
    problems = [
        text
        for failed, text in (
            (not status.intact, "the signed content was modified"),
            (status.intact and not status.valid, "the cryptographic signature is invalid"),
            (not whole, "the file was changed after signing"),
        )
        if failed
    ]
    return SignatureCheck(
        field=name,
        signer=cert.subject.human_friendly,
        fingerprint=fingerprint,
        intact=bool(status.intact),
        valid=bool(status.valid),
        trusted=bool(status.trusted),
        whole_file=whole,
        signed_at=status.signer_reported_dt,
        reason="; ".join(problems),
    )


__all__ = [
    "FIELD_NAME",
    "SignatureCheck",
    "Signer",
    "SigningKey",
    "certificate_fingerprint",
    "load_signer",
    "sign_pdf",
    "signer_for",
    "stamp_box",
    "stamp_text",
    "verify_signatures",
]
