"""Keys on PKCS#11 tokens (the USB tokens Vietnamese CAs issue, whose key never leaves them): the tokens a driver
sees, and a signer that signs through one session on the token. python-pkcs11 and pyHanko load only when a token is
used.

A PKCS#11 module is initialised once per process; it is finalised after each use, so that the next use sees the
tokens plugged in since (and the tests their new SoftHSM folder), and a lock keeps one use at a time (the export
dialog lists tokens on a worker thread while another may sign)."""

import contextlib
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dossier_app.domain.errors import (
    SigningModuleUnreadable,
    SigningPinRefused,
    SigningTokenKeyMissing,
    SigningTokenMissing,
)
from dossier_app.export.signature_records import TokenKey

if TYPE_CHECKING:
    from dossier_app.export.signing import Signer

_IN_USE = threading.Lock()


def token_labels(module: Path) -> list[str]:
    """The labels of the initialised tokens the module sees now; SigningModuleUnreadable when it cannot be loaded."""
    from pkcs11 import PKCS11Error, TokenFlag

    with _IN_USE:
        lib = _load(module)
        try:
            labels: list[str] = []
            for slot in lib.get_slots(token_present=True):
                try:
                    token = slot.get_token()
                except PKCS11Error:
                    continue  # a slot whose token was pulled out or is not recognised
                if token.flags & TokenFlag.TOKEN_INITIALIZED and token.label:
                    labels.append(str(token.label))
            return labels
        except PKCS11Error as error:
            raise SigningModuleUnreadable(path=str(module)) from error
        finally:
            _finalize(lib)


def open_token_signer(key: TokenKey) -> "Signer":
    """Log in to the token and find the key and its certificate; the Signer holds the session open until it is
    closed. Each refusal (module, token, PIN, key) is raised before anything is signed."""
    _IN_USE.acquire()
    try:
        lib = _load(key.module)
    except BaseException:
        _IN_USE.release()
        raise
    session: Any = None
    held = True

    def release() -> None:
        """Close the session, finalise the module, free it for the next use; once."""
        nonlocal session, held
        if not held:
            return
        held = False
        try:
            if session is not None:
                session.close()
        except Exception:  # a token pulled out mid-way: the session is gone already
            pass
        finally:
            session = None
            _finalize(lib)
            _IN_USE.release()

    try:
        session = _log_in(lib, key)
        return _signer(session, key, release)
    except BaseException:
        release()
        raise


def _load(module: Path) -> Any:
    import pkcs11

    if not module.is_file():
        raise SigningModuleUnreadable(path=str(module))
    try:
        return pkcs11.lib(str(module))
    except (pkcs11.PKCS11Error, OSError) as error:
        raise SigningModuleUnreadable(path=str(module)) from error


def _finalize(lib: Any) -> None:
    from pkcs11 import PKCS11Error

    with contextlib.suppress(PKCS11Error):  # the module is let go of either way
        lib.finalize()


def _log_in(lib: Any, key: TokenKey) -> Any:
    """A session on the token, logged in with the PIN."""
    from pkcs11 import exceptions as p11

    try:
        token = lib.get_token(token_label=key.token_label)
    except p11.PKCS11Error:
        raise SigningTokenMissing(token=key.token_label, path=str(key.module)) from None
    pin_refusals = (p11.PinIncorrect, p11.PinInvalid, p11.PinLenRange, p11.PinLocked, p11.PinExpired)
    try:
        return token.open(user_pin=key.pin)
    except pin_refusals:
        raise SigningPinRefused(token=key.token_label) from None  # no chained error: nothing may echo the PIN
    except p11.PKCS11Error:
        raise SigningTokenMissing(token=key.token_label, path=str(key.module)) from None


def _signer(session: Any, key: TokenKey, release: Callable[[], None]) -> "Signer":
    """The signing key labelled `key_label` and its certificate (same ID, else same label) on the open session."""
    from asn1crypto import x509
    from pkcs11 import Attribute, ObjectClass, PKCS11Error
    from pyhanko.sign.pkcs11 import PKCS11Signer

    from dossier_app.export.signing import signer_for

    missing = SigningTokenKeyMissing(token=key.token_label, key=key.key_label)
    private = {Attribute.CLASS: ObjectClass.PRIVATE_KEY, Attribute.LABEL: key.key_label, Attribute.SIGN: True}
    found = list(session.get_objects(private))  # to the end: the search operation closes
    if len(found) != 1:
        raise missing
    try:
        key_id = bytes(found[0][Attribute.ID]) or None
    except PKCS11Error:
        key_id = None
    queries: list[dict[Any, object]] = [{Attribute.ID: key_id}] if key_id else []
    queries.append({Attribute.LABEL: key.key_label})
    for query in queries:
        certificates = list(session.get_objects({Attribute.CLASS: ObjectClass.CERTIFICATE, **query}))
        if certificates:
            cert = x509.Certificate.load(bytes(certificates[0][Attribute.VALUE]))
            pkcs11_signer = PKCS11Signer(session, key_label=key.key_label, key_id=key_id, signing_cert=cert)
            return signer_for(pkcs11_signer, cert, release)
    raise missing
