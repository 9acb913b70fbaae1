"""Sign-in at the department server: a random session token for the desktop, only its SHA-256 kept here.

The password is checked by `AccountService.authenticate`, so the lockout after five wrong passwords holds at the
server as at the desktop. A token is refused once it expires, once it is signed out, and once an administrator
disables its account (`AccountService.disable` ends every session of the account in the same transaction).
"""

import hashlib
import secrets
import string
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel import Session, col, select

from dossier_app.domain.enums import AuditAction
from dossier_app.domain.errors import (
    QT_TRANSLATE_NOOP,
    SessionAccountDisabled,
    SessionExpired,
    SessionRefused,
    SessionRevoked,
    ValidationFailed,
)
from dossier_app.domain.models import Account, SessionToken, as_utc
from dossier_app.services.accounts.accounts import AccountService, AccountView, account_view
from dossier_app.services.accounts.audit import AuditTrail
from dossier_app.services.core.context import ServiceContext

TOKEN_BYTES = 32
TOKEN_LIFETIME = timedelta(days=30)
CLIENT_LABEL_LIMIT = 80
# secrets.token_urlsafe(32) gives 43 characters; anything much longer or of other characters is no token of ours.
_TOKEN_LIMIT = 128
_TOKEN_ALPHABET = frozenset(string.ascii_letters + string.digits + "-_")


@dataclass(frozen=True)
class IssuedToken:
    """A new session: the token itself (shown to the desktop once, never stored), when it expires, who it is."""

    token: str
    expires: datetime
    account: AccountView


def token_digest(token: str) -> str:
    """What the database keeps of a token: its SHA-256 in hex."""
    return hashlib.sha256(token.encode("ascii")).hexdigest()


def validate_client_label(label: str) -> str:
    """A short name for the desktop signing in ('Laptop of Ms Lan'), printable, at most 80 characters."""
    cleaned = " ".join(label.split())
    if len(cleaned) > CLIENT_LABEL_LIMIT or not cleaned.isprintable():
        raise ValidationFailed(
            QT_TRANSLATE_NOOP("Errors", "The client name must be printable text of at most {limit} characters."),
            field="client",
            limit=CLIENT_LABEL_LIMIT,
        )
    return cleaned


def _well_formed(token: str) -> bool:
    return 0 < len(token) <= _TOKEN_LIMIT and set(token) <= _TOKEN_ALPHABET


class TokenService:
    """Session tokens of the department server: issued at sign-in, checked on every request, ended at sign-out."""

    def __init__(
        self,
        context: ServiceContext,
        audit: AuditTrail,
        accounts: AccountService,
        lifetime: timedelta = TOKEN_LIFETIME,
    ) -> None:
        self._context = context
        self._audit = audit
        self._accounts = accounts
        self._lifetime = lifetime

    def sign_in(self, username: str, password: str, client_label: str = "") -> IssuedToken:
        """Check the password (lockout included) and issue a token; AuthenticationFailed, AccountLocked or
        AccountDisabled otherwise, with nothing issued."""
        label = validate_client_label(client_label)
        account = self._accounts.authenticate(username, password)
        token = secrets.token_urlsafe(TOKEN_BYTES)
        now = self._context.clock()
        expires = now + self._lifetime
        with self._context.database.begin() as session:
            row = SessionToken(
                account_id=account.id,
                token_sha256=token_digest(token),
                client=label,
                created_at=now,
                expires_at=expires,
            )
            session.add(row)
            session.flush()
            where = f" from '{label}'" if label else ""
            summary = f"{account.username}: signed in at the server{where}, session #{row.id} until {expires:%Y-%m-%d}"
            self._audit.record(session, account.username, AuditAction.SESSION_SIGN_IN, "account", account.id, summary)
        return IssuedToken(token=token, expires=expires, account=account)

    def resolve(self, token: str) -> AccountView:
        """The account a token signs in as; SessionRefused (or SessionExpired, SessionRevoked) otherwise."""
        with self._context.database.begin() as session:
            _row, account = self._find(session, token)
            return account_view(account)

    def sign_out(self, token: str) -> AccountView:
        """End the session of `token`; a second sign-out of it is refused like any ended session."""
        with self._context.database.begin() as session:
            row, account = self._find(session, token, lock=True)
            row.revoked_at = self._context.clock()
            session.add(row)
            session.flush()
            where = f" ('{row.client}')" if row.client else ""
            summary = f"{account.username}: signed out of the server, session #{row.id}{where}"
            self._audit.record(session, account.username, AuditAction.SESSION_SIGN_OUT, "account", account.id, summary)
            return account_view(account)

    def _find(self, session: Session, token: str, *, lock: bool = False) -> tuple[SessionToken, Account]:
        if not isinstance(token, str) or not _well_formed(token):
            raise SessionRefused()
        query = (
            select(SessionToken, Account)
            .join(Account, col(Account.id) == col(SessionToken.account_id))
            .where(SessionToken.token_sha256 == token_digest(token))
        )
        found = session.exec(query.with_for_update() if lock else query).first()
        if found is None:
            raise SessionRefused()
        row, account = found
        if account.disabled:
            raise SessionAccountDisabled(username=account.username)
        if row.revoked_at is not None:
            raise SessionRevoked()
        expires = as_utc(row.expires_at)
        if expires <= self._context.clock():
            raise SessionExpired(expires=expires)
        return row, account
