"""The keys an export signs with, as the export dialog offers them: a .p12 file or a key on a USB token, the token
drivers installed on this computer, and the tokens a driver sees."""

import os
from pathlib import Path

from dossier_app.export.signature_records import SigningKey, TokenKey

# PKCS#11 drivers of the tokens officials in Vietnam are issued (the CAs' Windows drivers go to System32), then the
# generic ones (SafeNet eToken, Feitian ePass2003, OpenSC) and SoftHSM2, the software token used for trying it out.
_WINDOWS_DRIVERS = (
    "viettel-ca_v6.dll",
    "viettel-ca_v5.dll",
    "vnptca_p11_v8.dll",
    "vnpt-ca_csp11.dll",
    "BkavCA.dll",
    "fpt-ca.dll",
    "eTPKCS11.dll",
    "eps2003csp11.dll",
    "ShuttleCsp11_3003.dll",
    "opensc-pkcs11.dll",
)
_UNIX_DRIVERS = (
    "/usr/lib/libeTPkcs11.so",
    "/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so",
    "/usr/lib/opensc-pkcs11.so",
    "/usr/lib/softhsm/libsofthsm2.so",
    "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so",
)


def known_token_drivers() -> list[Path]:
    """The paths where the usual token drivers are installed, on this kind of system."""
    if os.name == "nt":
        system32 = Path(os.environ.get("SYSTEMROOT", r"C:\Windows")) / "System32"
        return [system32 / name for name in _WINDOWS_DRIVERS]
    return [Path(path) for path in _UNIX_DRIVERS]


def installed_token_drivers() -> list[Path]:
    """The usual token drivers present on this computer, the Vietnamese CAs' first."""
    return [path for path in known_token_drivers() if path.is_file()]


def token_labels(module: Path) -> list[str]:
    """The labels of the tokens plugged in that the driver sees (it loads the driver: run it off the UI thread)."""
    from dossier_app.export.tokens import token_labels as read_labels

    return read_labels(module)


__all__ = ["SigningKey", "TokenKey", "installed_token_drivers", "known_token_drivers", "token_labels"]
