"""What signing takes and reports as plain records (the key to sign with, one signature as checked, the field's
name), so the export and the package check can name them without importing pyHanko until they sign or verify."""

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

FIELD_NAME = "Signature1"


@dataclass(frozen=True)
class SigningKey:
    """A PKCS#12 file and its passphrase; the passphrase never leaves memory (no repr, no manifest, no log)."""

    p12: Path
    passphrase: str = ""

    def __repr__(self) -> str:
        return f"SigningKey(p12={str(self.p12)!r}, passphrase=***)"


@dataclass(frozen=True)
class SignatureCheck:
    """One signature of a PDF as the check found it."""

    field: str
    signer: str
    fingerprint: str
    intact: bool  # the signed bytes hash to the signed digest
    valid: bool  # the cryptographic signature over that digest is good
    trusted: bool  # the certificate chains to the given trust root
    whole_file: bool  # nothing was appended after the signature
    signed_at: datetime | None
    reason: str  # empty when all is well, else why not

    @property
    def ok(self) -> bool:
        """Intact, valid and covering the whole file (trust is judged by the caller)."""
        return self.intact and self.valid and self.whole_file
