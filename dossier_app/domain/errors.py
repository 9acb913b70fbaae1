"""Typed errors every layer raises; each carries an English template the UI translates."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark a string for Qt Linguist without importing Qt below the UI layer."""
    return text


class DossierError(Exception):
    """Base of every error a user may see; `template` is English, translated by the UI."""

    template: str = QT_TRANSLATE_NOOP("Errors", "Something went wrong.")

    def __init__(self, template: str | None = None, /, **params: Any) -> None:
        if template is not None:
            self.template = template
        self.params: Mapping[str, Any] = params
        super().__init__(self.message)

    @property
    def message(self) -> str:
        """The English message, as the CLI and logs print it."""
        return self.template.format(**self.params)


class ValidationFailed(DossierError):
    """A field of user input breaks a rule; nothing was stored."""

    def __init__(self, template: str, /, *, field: str, **params: Any) -> None:
        self.field = field
        super().__init__(template, field=field, **params)


class CursorAhead(ValidationFailed):
    """A pull's cursor is beyond the server's library version: the replica synced with another database, or the
    server's was restored from an older backup; the replica must pull again from 0."""

    def __init__(self, *, since: int, version: int) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The cursor {since} is ahead of the server's library version {version}: this copy was synced with "
                "another database or the server's was restored; sync again from the start.",
            ),
            field="since",
            since=since,
            version=version,
        )


class NotFound(DossierError):
    """The thing asked for does not exist (any more)."""


class Conflict(DossierError):
    """The change clashes with stored data (a duplicate code, a required section)."""


class StaleEdit(DossierError):
    """The text was saved elsewhere since it was opened."""

    template = QT_TRANSLATE_NOOP("Errors", "This section was changed elsewhere since you opened it.")


class StorageUnavailable(DossierError):
    """The database or the data folder cannot be opened or written."""


class StorageBusy(StorageUnavailable):
    """Another writer held the database longer than the short wait allows; nothing was written, retry later."""

    template = QT_TRANSLATE_NOOP("Errors", "The database is busy (another user or program is writing); try again.")


class BackupRefused(DossierError):
    """A file offered to restore from is not a sound backup of this program; nothing was replaced."""


class TooLarge(DossierError):
    """Input over a configured size limit; refused before anything is stored."""


class PasswordRequired(StorageUnavailable):
    """The server refused the connection for want of the right password; ask for it and try again."""

    template = QT_TRANSLATE_NOOP("Errors", "The server {location} asks for the password of {user}.")


class SchemaTooNew(DossierError):
    """The database was written by a newer version of the program."""

    template = QT_TRANSLATE_NOOP(
        "Errors",
        "The database {location} was created by a newer version of the program (schema {revision}). "
        "Update the program before opening it.",
    )


class AttachmentUnreadable(DossierError):
    """A file offered as an attachment cannot be read."""


class AuthenticationFailed(DossierError):
    """A sign-in with an unknown name or a wrong password; which of the two is not told."""

    template = QT_TRANSLATE_NOOP("Errors", "Wrong user name or password.")


class AccountLocked(DossierError):
    """Too many wrong passwords in a row: the account refuses sign-ins until `until` (UTC)."""

    template = QT_TRANSLATE_NOOP(
        "Errors", "The account '{username}' is locked after too many wrong passwords; try again after {until}."
    )

    def __init__(self, *, username: str, until: datetime) -> None:
        self.locked_until = until
        super().__init__(username=username, until=until.strftime("%Y-%m-%d %H:%M:%S UTC"))


class AccountDisabled(DossierError):
    """An administrator disabled the account; it can do nothing until enabled again."""

    template = QT_TRANSLATE_NOOP("Errors", "The account '{username}' is disabled. Ask an administrator.")


class PermissionDenied(DossierError):
    """The acting person's roles do not allow the action; nothing was changed."""

    template = QT_TRANSLATE_NOOP("Errors", "You are not allowed to do this.")


@dataclass(frozen=True)
class RowProblem:
    """One problem of an imported file: where (row, column), what was there and why it is refused."""

    row: int
    column: str
    value: str
    reason: str  # an English template (translated by the UI); `{other_row}` names the row it clashes with
    other_row: int = 0

    @property
    def message(self) -> str:
        """The English reason with the other row filled in."""
        return self.reason.format(other_row=self.other_row)

    def line(self) -> str:
        """One line of the report, as the CLI prints it."""
        where = f"row {self.row}" if self.row else "file"
        column = f", column '{self.column}'" if self.column else ""
        value = f", value '{self.value}'" if self.value else ""
        return f"{where}{column}{value}: {self.message}"


class ImportRejected(DossierError):
    """A file was refused as a whole; `problems` names every row and column at fault. Nothing was written."""

    template = QT_TRANSLATE_NOOP("Errors", "The file was not imported: {count} problem(s) found; nothing was written.")

    def __init__(self, problems: Sequence[RowProblem]) -> None:
        self.problems: tuple[RowProblem, ...] = tuple(problems)
        super().__init__(count=len(self.problems))


class ExportIncomplete(DossierError):
    """A final export needs every required section approved; `missing` names those that are not."""

    template = QT_TRANSLATE_NOOP(
        "Errors", "A final export needs every required section approved; {count} are not: {sections}."
    )

    def __init__(self, missing: Sequence[str]) -> None:
        self.missing: tuple[str, ...] = tuple(missing)
        super().__init__(count=len(self.missing), sections="; ".join(self.missing))


class ExportNotReady(ExportIncomplete):
    """A final export needs a complete readiness report; `missing` holds the red items as `check CODE` prints them."""

    template = QT_TRANSLATE_NOOP(
        "Errors", "A final export needs a complete dossier; {count} items are missing: {sections}."
    )

    def __init__(self, missing: Sequence[str], unapproved: Sequence[str] = ()) -> None:
        super().__init__(missing)
        self.unapproved: tuple[str, ...] = tuple(unapproved)  # the required sections not approved, by name


class ExportCancelled(DossierError):
    """The clerk stopped an export; the half-written package folder was removed."""

    template = QT_TRANSLATE_NOOP("Errors", "The export was cancelled; nothing was kept.")


class PreviewUnavailable(DossierError):
    """A PDF page cannot be drawn for the preview (not a PDF, damaged, or no renderer)."""

    template = QT_TRANSLATE_NOOP("Errors", "The pages of {path} cannot be shown: {reason}")


class PackageUnreadable(DossierError):
    """A submission package folder or zip without a readable manifest."""

    template = QT_TRANSLATE_NOOP("Errors", "{path} is not a submission package (no readable manifest.json).")


class SigningKeyUnreadable(DossierError):
    """The PKCS#12 file cannot be opened: missing, not PKCS#12, or the passphrase is wrong. Nothing was written."""

    template = QT_TRANSLATE_NOOP(
        "Errors",
        "The signing certificate {path} cannot be opened: the file is missing or damaged, or the passphrase is wrong. "
        "Nothing was exported.",
    )


class SigningModuleUnreadable(DossierError):
    """The PKCS#11 module (the USB token's driver) cannot be loaded: missing, or not a PKCS#11 library."""

    template = QT_TRANSLATE_NOOP(
        "Errors", "The token driver {path} cannot be loaded (missing, or not a PKCS#11 module). Nothing was exported."
    )


class SigningTokenMissing(DossierError):
    """No token with the label is plugged in (or the module does not see it)."""

    template = QT_TRANSLATE_NOOP(
        "Errors", "No token labelled '{token}' is plugged in (driver {path}). Nothing was exported."
    )


class SigningPinRefused(DossierError):
    """The token refused the PIN: wrong, or the token is locked after too many wrong ones."""

    template = QT_TRANSLATE_NOOP(
        "Errors", "The token '{token}' refused the PIN (wrong PIN, or the token is locked). Nothing was exported."
    )


class SigningTokenKeyMissing(DossierError):
    """The token holds no signing key with the label, or no certificate for it."""

    template = QT_TRANSLATE_NOOP(
        "Errors",
        "The token '{token}' holds no signing key labelled '{key}' with its certificate. Nothing was exported.",
    )


class SigningFailed(DossierError):
    """A PDF could not be signed; the package folder is removed."""

    template = QT_TRANSLATE_NOOP("Errors", "{path} could not be signed; nothing was exported.")


class SessionRefused(DossierError):
    """A request to the department server whose session token is unknown there; the desktop signs in again."""

    template = QT_TRANSLATE_NOOP("Errors", "The server does not know this session; sign in again.")


class SessionRequired(SessionRefused):
    """A request to the department server without a session token."""

    template = QT_TRANSLATE_NOOP("Errors", "Sign in first: the request carries no session token.")


class SessionExpired(SessionRefused):
    """The session token's life is over (`expires`, UTC)."""

    template = QT_TRANSLATE_NOOP("Errors", "The session expired at {expires}; sign in again.")

    def __init__(self, *, expires: datetime) -> None:
        super().__init__(expires=expires.strftime("%Y-%m-%d %H:%M:%S UTC"))


class SessionRevoked(SessionRefused):
    """The session was ended: signed out, or its account disabled by an administrator."""

    template = QT_TRANSLATE_NOOP(
        "Errors", "The session was ended (signed out, or the account was disabled); sign in again."
    )


class SessionAccountDisabled(SessionRevoked):
    """A session token of an account an administrator disabled: the desktop forgets that person's token and offline
    sign-in."""

    template = QT_TRANSLATE_NOOP(
        "Errors", "The account '{username}' was disabled by an administrator; it can no longer sign in, even offline."
    )


class OnReplica(DossierError):
    """Something only the department server does (accounts, restoring a backup), asked of a desktop's replica."""

    template = QT_TRANSLATE_NOOP(
        "Errors", "This desktop is a replica of the department server: {action} on the server, not here."
    )


class InsecureServer(DossierError):
    """Plain HTTP is for a server on this machine only; elsewhere the connection must be TLS."""

    template = QT_TRANSLATE_NOOP(
        "Errors", "Plain http:// is only for a server on this computer (a loopback address); use https:// for {server}."
    )


class CertificateChanged(DossierError):
    """The server shows another certificate than the one pinned at the first connection; nothing was sent to it."""

    template = QT_TRANSLATE_NOOP(
        "Errors",
        "The server {server} shows a different certificate (fingerprint {presented}) from the one trusted before "
        "({pinned}). Nothing was sent. If IT replaced the certificate, confirm the new fingerprint with them.",
    )

    def __init__(self, *, server: str, pinned: str, presented: str) -> None:
        self.pinned, self.presented = pinned, presented
        super().__init__(server=server, pinned=pinned, presented=presented)


class CertificateUntrusted(DossierError):
    """A certificate no known authority vouches for, and no fingerprint to pin it by; nothing was sent."""

    template = QT_TRANSLATE_NOOP(
        "Errors",
        "The server {server} shows a certificate no known authority vouches for (fingerprint {presented}). "
        "Confirm the fingerprint with IT and pin it.",
    )


class ServerUnreachable(DossierError):
    """The department server did not answer (down, wrong address, network, TLS failure)."""

    template = QT_TRANSLATE_NOOP("Errors", "The server {server} cannot be reached: {reason}")


class ServerRefused(DossierError):
    """The department server refused a request; its English and Vietnamese messages are kept as it sent them."""

    template = QT_TRANSLATE_NOOP("Errors", "The server refused the request ({status}): {message}")

    def __init__(self, *, status: int, code: str, message: str, message_vi: str) -> None:
        self.status, self.code, self.message_vi = status, code, message_vi
        super().__init__(status=status, message=message)


class PreconditionFailed(DossierError):
    """A push named a library version the server has moved past: the desktop pulls, merges and pushes again."""

    template = QT_TRANSLATE_NOOP(
        "Errors",
        "The server's library moved on (version {version}, the push was based on {based_on}); "
        "pull, merge and push again.",
    )

    def __init__(self, *, based_on: int, version: int) -> None:
        super().__init__(based_on=based_on, version=version)


class LibraryChanged(DossierError):
    """The server presents a library other than the one this replica was pulled from: it was restored from a
    backup or is another database; syncing would mix two histories, so nothing is pulled or pushed."""

    template = QT_TRANSLATE_NOOP(
        "Errors",
        "The server {server} now holds library {presented}, but this copy was made from library {pinned}: the "
        "server was restored from a backup or is another database. Nothing was pulled or pushed. Keep your local "
        "changes: make a backup of this copy (File › Backups, or the backup command), take out the sections you "
        "changed (section get), then sync a new empty copy and save your texts into it (section put).",
    )

    def __init__(self, *, server: str, pinned: str, presented: str) -> None:
        super().__init__(server=server, pinned=pinned, presented=presented)


class ChangeRefused(DossierError):
    """One pushed change the server cannot apply (unknown row, a base it no longer holds, a change of a kind it
    does not take from desktops); the others in the push go on."""
