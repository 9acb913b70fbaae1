"""What signing takes and reports as plain records (the key to sign with, a .p12 or a key on a token; one signature
as checked; the field's name), so the export and the package check can name them without importing pyHanko until
they sign or verify."""

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
class TokenKey:
    """A key on a PKCS#11 token (a USB token whose key never leaves it): the token's driver module, the token's and
    the key's labels, and the PIN, which never leaves memory either (no repr, no manifest, no log)."""

    module: Path
    token_label: str
    key_label: str
    pin: str = ""

    def __repr__(self) -> str:
        return f"TokenKey(module={str(self.module)!r}, token={self.token_label!r}, key={self.key_label!r}, pin=***)"


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
