"""Local accounts: the first administrator, adding and disabling people, passwords and the sign-in check."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property
from typing import TYPE_CHECKING

from sqlalchemy import func, update
from sqlmodel import Session, col, select

from dossier_app.domain.accounts import (
    LOCK_AFTER_FAILURES,
    LOCK_DURATION,
    decode_roles,
    encode_roles,
    normalise_username,
    parse_roles,
    validate_display_name,
    validate_password,
    validate_username,
)
from dossier_app.domain.enums import AuditAction, Role
from dossier_app.domain.errors import (
    QT_TRANSLATE_NOOP,
    AccountDisabled,
    AccountLocked,
    AuthenticationFailed,
    Conflict,
    NotFound,
    PermissionDenied,
)
from dossier_app.domain.models import Account, ReplicaPerson, SessionToken, as_utc
from dossier_app.services.accounts.audit import AuditTrail
from dossier_app.services.core.context import ServiceContext
from dossier_app.services.core.replica_state import NOT_HERE_ACCOUNTS, refuse_on_replica, replica_person

if TYPE_CHECKING:
    from argon2 import PasswordHasher

# argon2id cost, tuned so one check takes ~130 ms on the reference machine (bench/password_hash.py):
# 3 passes over 64 MiB in one lane. One lane keeps the cost steady on a busy two-core laptop.
ARGON2_TIME_COST = 3
ARGON2_MEMORY_KIB = 64 * 1024
ARGON2_PARALLELISM = 1
# One hash of a made-up password per hasher cost, for checking the passwords of unknown names (see `_dummy`).
_DUMMY_HASHES: dict[tuple[object, ...], str] = {}


def production_hasher() -> "PasswordHasher":
    """The argon2id hasher real passwords are stored with; tests inject a cheap one instead."""
    from argon2 import PasswordHasher, Type

    return PasswordHasher(
        time_cost=ARGON2_TIME_COST,
        memory_cost=ARGON2_MEMORY_KIB,
        parallelism=ARGON2_PARALLELISM,
        type=Type.ID,
    )


@dataclass(frozen=True)
class AccountView:
    """An account as lists and dialogs show it; never the password hash."""

    id: int
    username: str
    display_name: str
    roles: frozenset[Role]
    disabled: bool
    failed_attempts: int
    locked_until: datetime | None
    created_at: datetime
    created_by: str

    def has_role(self, role: Role) -> bool:
        """Whether the account holds `role` (and may therefore act as one)."""
        return role in self.roles

    def is_locked(self, now: datetime) -> bool:
        """Whether sign-ins are refused at `now` after too many wrong passwords."""
        return self.locked_until is not None and self.locked_until > now


@dataclass(frozen=True)
class AccountSpec:
    """An account to create in bulk (the demo's one account per role)."""

    username: str
    display_name: str
    roles: tuple[Role, ...]


def account_view(row: Account) -> AccountView:
    """The read model of an account row (the server's session check builds it from its own query)."""
    return AccountView(
        id=row.id or 0,
        username=row.username,
        display_name=row.display_name,
        roles=decode_roles(row.roles),
        disabled=row.disabled,
        failed_attempts=row.failed_attempts,
        locked_until=as_utc(row.locked_until) if row.locked_until else None,
        created_at=as_utc(row.created_at),
        created_by=row.created_by,
    )


def replica_account_view(row: ReplicaPerson) -> AccountView:
    """A person who signed in at the department server from this replica, as the server described them then."""
    return AccountView(
        id=0,
        username=row.username,
        display_name=row.display_name,
        roles=decode_roles(row.roles),
        disabled=False,
        failed_attempts=row.failed_attempts,
        locked_until=as_utc(row.locked_until) if row.locked_until else None,
        created_at=as_utc(row.signed_in_at),
        created_by="server",
    )


def _describe(row: Account) -> str:
    label = f"{row.username} ({row.roles})"
    return f"{label} '{row.display_name}'" if row.display_name else label


class AccountService:
    """Who may sign in and with which roles; administrators (or the local operator) manage the rest."""

    def __init__(self, context: ServiceContext, audit: AuditTrail, hasher: "PasswordHasher | None" = None) -> None:
        self._context = context
        self._audit = audit
        self._given_hasher = hasher

    @cached_property
    def _hasher(self) -> "PasswordHasher":
        """argon2 loads at the first password checked or set, not when the program starts."""
        return self._given_hasher or production_hasher()

    # Reading -------------------------------------------------------------------------------------

    def has_accounts(self) -> bool:
        """Whether anyone can sign in yet (the first start asks for an administrator otherwise); on a replica, the
        people who signed in at the server from it can."""
        with self._context.database.begin() as session:
            people = session.exec(select(func.count()).select_from(ReplicaPerson)).one()
            return self._count(session) > 0 or int(people) > 0

    def remembered(self, username: str) -> AccountView | None:
        """The account of someone who signed in at the department server from this replica (joining it from the
        window signs them in this way), None when nobody by that name did."""
        with self._context.database.begin() as session:
            row = replica_person(session, username)
            return replica_account_view(row) if row else None

    def list(self) -> list[AccountView]:
        """Every account by user name, without password hashes."""
        with self._context.database.begin() as session:
            return [account_view(row) for row in session.exec(select(Account).order_by(col(Account.username))).all()]

    def get(self, username: str) -> AccountView:
        """One account by user name, whatever the case typed."""
        with self._context.database.begin() as session:
            return account_view(self._find(session, username))

    # Changing ------------------------------------------------------------------------------------

    def create_first_admin(self, username: str, password: str, display_name: str = "") -> AccountView:
        """The administrator a new database starts with; refused once any account exists."""
        name, display = validate_username(username), validate_display_name(display_name)
        password_hash = self._hasher.hash(validate_password(password))
        with self._context.database.begin() as session:
            self._audit.lock(session)  # two first starts at once: only one administrator is created
            if self._count(session) > 0:
                raise Conflict(QT_TRANSLATE_NOOP("Errors", "The first administrator has already been created."))
            return account_view(self._insert(session, name, display, frozenset({Role.ADMIN}), password_hash))

    def add(self, username: str, roles: Iterable[str | Role], password: str, display_name: str = "") -> AccountView:
        """A new account with its roles; administrators (and the command line) only."""
        name, held = validate_username(username), parse_roles(roles)
        display, password = validate_display_name(display_name), validate_password(password)
        with self._context.database.begin() as session:
            self._require_admin(session)
        password_hash = self._hasher.hash(password)
        with self._context.database.begin() as session:
            self._require_admin(session)
            return account_view(self._insert(session, name, display, held, password_hash))

    def disable(self, username: str) -> AccountView:
        """Stop an account from signing in or acting; its history stays."""
        return self._set_disabled(username, True)

    def enable(self, username: str) -> AccountView:
        """Let a disabled account sign in again."""
        return self._set_disabled(username, False)

    def set_roles(self, username: str, roles: Iterable[str | Role]) -> AccountView:
        """Replace an account's roles; the last active administrator keeps the admin role."""
        held = parse_roles(roles)
        with self._context.database.begin() as session:
            self._require_admin(session)
            row = self._find(session, username, lock=True)
            if Role.ADMIN not in held:
                self._refuse_last_admin(session, row)
            before, row.roles = row.roles, encode_roles(held)
            session.add(row)
            session.flush()
            self._record(session, AuditAction.ACCOUNT_ROLES, row, f"{row.username}: {before} → {row.roles}")
            return account_view(row)

    def set_password(self, username: str, password: str) -> AccountView:
        """Reset a password (administrators) or change one's own; also lifts a lockout."""
        validate_password(password)
        with self._context.database.begin() as session:
            self._require_admin_or_self(session, username)
        password_hash = self._hasher.hash(password)
        with self._context.database.begin() as session:
            self._require_admin_or_self(session, username)
            row = self._find(session, username, lock=True)
            row.password_hash, row.failed_attempts, row.locked_until = password_hash, 0, None
            session.add(row)
            session.flush()
            self._record(session, AuditAction.ACCOUNT_PASSWORD, row, f"{row.username}: password set, lock cleared")
            return account_view(row)

    # Signing in ----------------------------------------------------------------------------------

    def authenticate(self, username: str, password: str) -> AccountView:
        """Check a password; five wrong ones in a row lock the account for five minutes. Someone who signed in at
        the department server from this replica is checked against the verifier kept from then (offline)."""
        with self._context.database.begin() as session:
            offline = replica_person(session, username) is not None
        if offline:
            return self._authenticate_offline(username, password)
        now = self._context.clock()
        with self._context.database.begin() as session:
            row = session.exec(select(Account).where(Account.username == normalise_username(username))).first()
            snapshot = account_view(row) if row else None
            stored_hash = row.password_hash if row else ""
        if snapshot is None:
            self._verify(self._dummy(), password)  # the same cost, so timing does not tell who exists
            raise AuthenticationFailed()
        if snapshot.locked_until is not None and snapshot.is_locked(now):
            raise AccountLocked(username=snapshot.username, until=snapshot.locked_until)
        matches = self._verify(stored_hash, password)
        error: AuthenticationFailed | AccountLocked | AccountDisabled | None = None
        with self._context.database.begin() as session:
            row = self._find(session, snapshot.username, lock=True)
            if not matches:
                error = self._count_failure(session, row, now)
            elif row.disabled:
                error = AccountDisabled(username=row.username)
            else:
                row.failed_attempts, row.locked_until = 0, None
                if self._hasher.check_needs_rehash(row.password_hash):
                    row.password_hash = self._hasher.hash(password)
            session.add(row)
            session.flush()
            view = account_view(row)
        if error is not None:
            raise error  # raised after the commit, so the count of wrong passwords is kept
        return view

    def _authenticate_offline(self, username: str, password: str) -> AccountView:
        """Check a password against the verifier a replica kept from the person's last sign-in at the server, with
        the same lockout; the account as the server described it then."""
        now = self._context.clock()
        with self._context.database.begin() as session:
            row = replica_person(session, username)
            if row is None:
                raise AuthenticationFailed()
            if row.locked_until is not None and as_utc(row.locked_until) > now:
                raise AccountLocked(username=row.username, until=as_utc(row.locked_until))
            stored = row.password_hash
        matches = self._verify(stored, password)
        with self._context.database.begin() as session:
            row = replica_person(session, username)
            if row is None:  # forgotten meanwhile (a sync found the account disabled)
                raise AuthenticationFailed()
            if matches:
                row.failed_attempts, row.locked_until = 0, None
            else:
                row.failed_attempts += 1
                if row.failed_attempts >= LOCK_AFTER_FAILURES:
                    row.failed_attempts, row.locked_until = 0, now + LOCK_DURATION
            session.add(row)
            session.flush()
            locked = as_utc(row.locked_until) if row.locked_until else None
            view = replica_account_view(row)
        if matches:
            return view
        if locked is not None:
            raise AccountLocked(username=view.username, until=locked)
        raise AuthenticationFailed()

    def _count_failure(self, session: Session, row: Account, now: datetime) -> AuthenticationFailed | AccountLocked:
        """One more wrong password; the fifth in a row locks the account."""
        row.failed_attempts += 1
        if row.failed_attempts < LOCK_AFTER_FAILURES:
            return AuthenticationFailed()
        until = now + LOCK_DURATION
        row.failed_attempts, row.locked_until = 0, until
        locked = AccountLocked(username=row.username, until=until)
        summary = f"{row.username}: {LOCK_AFTER_FAILURES} wrong passwords locked until {locked.params['until']}"
        self._record(session, AuditAction.ACCOUNT_LOCK, row, summary)
        return locked

    # Building blocks for other services ------------------------------------------------------------

    def may_administer(self, session: Session) -> bool:
        """Whether the acting operator is the local operator or an active administrator."""
        operator = self._context.operator
        if operator.is_local:
            return True
        row = session.exec(select(Account).where(Account.username == normalise_username(operator.name))).first()
        return row is not None and not row.disabled and Role.ADMIN in decode_roles(row.roles)

    def ensure_accounts(self, session: Session, specs: Sequence[AccountSpec], password: str) -> tuple[str, ...]:
        """Create the accounts of `specs` that are missing, sharing one hash of `password`; callers check rights."""
        existing = set(session.exec(select(Account.username)).all())
        missing = [spec for spec in specs if validate_username(spec.username) not in existing]
        if not missing:
            return ()
        password_hash = self._hasher.hash(validate_password(password))
        for spec in missing:
            name = validate_username(spec.username)
            self._insert(session, name, validate_display_name(spec.display_name), frozenset(spec.roles), password_hash)
        return tuple(spec.username for spec in missing)

    # Internals -----------------------------------------------------------------------------------

    def _set_disabled(self, username: str, disabled: bool) -> AccountView:
        with self._context.database.begin() as session:
            self._require_admin(session)
            row = self._find(session, username, lock=True)
            if row.disabled == disabled:
                return account_view(row)
            if disabled:
                self._refuse_last_admin(session, row)
            row.disabled = disabled
            session.add(row)
            session.flush()
            summary = f"{row.username}: {'disabled' if disabled else 'enabled'}"
            if disabled:
                ended = self._revoke_sessions(session, row)
                summary += f", {ended} server session(s) ended" if ended else ""
            action = AuditAction.ACCOUNT_DISABLE if disabled else AuditAction.ACCOUNT_ENABLE
            self._record(session, action, row, summary)
            return account_view(row)

    def _revoke_sessions(self, session: Session, row: Account) -> int:
        """End every open server session of the account, in the caller's transaction; how many were open."""
        result = session.execute(
            update(SessionToken)
            .where(col(SessionToken.account_id) == row.id, col(SessionToken.revoked_at).is_(None))
            .values(revoked_at=self._context.clock())
        )
        return int(result.rowcount or 0)  # type: ignore[attr-defined]

    def _insert(self, session: Session, name: str, display: str, roles: frozenset[Role], password_hash: str) -> Account:
        if session.exec(select(Account.id).where(Account.username == name)).first() is not None:
            raise Conflict(QT_TRANSLATE_NOOP("Errors", "An account named '{username}' already exists."), username=name)
        row = Account(
            username=name,
            display_name=display,
            password_hash=password_hash,
            roles=encode_roles(roles),
            created_at=self._context.clock(),
            created_by=self._context.operator.name,
        )
        session.add(row)
        session.flush()
        self._record(session, AuditAction.ACCOUNT_ADD, row, _describe(row))
        return row

    def _record(self, session: Session, action: AuditAction, row: Account, summary: str) -> None:
        self._audit.record(session, self._context.operator.name, action, "account", row.id, summary)

    def _require_admin(self, session: Session) -> None:
        refuse_on_replica(session, NOT_HERE_ACCOUNTS)
        if not self.may_administer(session):
            raise PermissionDenied(
                QT_TRANSLATE_NOOP("Errors", "Only an administrator can manage accounts; '{operator}' is not one."),
                operator=self._context.operator.name,
            )

    def _require_admin_or_self(self, session: Session, username: str) -> None:
        operator = self._context.operator
        if not operator.is_local and normalise_username(operator.name) == normalise_username(username):
            own = session.exec(select(Account).where(Account.username == normalise_username(username))).first()
            if own is not None and not own.disabled:
                return
        self._require_admin(session)

    @staticmethod
    def _refuse_last_admin(session: Session, row: Account) -> None:
        if row.disabled or Role.ADMIN not in decode_roles(row.roles):
            return
        others = [
            other
            for other in session.exec(select(Account).where(col(Account.disabled).is_(False), Account.id != row.id))
            if Role.ADMIN in decode_roles(other.roles)
        ]
        if not others:
            raise Conflict(
                QT_TRANSLATE_NOOP(
                    "Errors", "'{username}' is the last active administrator; add another administrator first."
                ),
                username=row.username,
            )

    @staticmethod
    def _find(session: Session, username: str, *, lock: bool = False) -> Account:
        query = select(Account).where(Account.username == normalise_username(username))
        row = session.exec(query.with_for_update() if lock else query).first()
        if row is None:
            raise NotFound(QT_TRANSLATE_NOOP("Errors", "There is no account named '{username}'."), username=username)
        return row

    @staticmethod
    def _count(session: Session) -> int:
        return int(session.exec(select(func.count()).select_from(Account)).one())

    def hash_password(self, password: str) -> str:
        """An argon2id hash of `password` at this service's cost (a replica's offline verifier)."""
        return self._hasher.hash(password)

    def _verify(self, password_hash: str, password: str) -> bool:
        from argon2.exceptions import InvalidHashError, VerificationError

        try:
            return bool(self._hasher.verify(password_hash, password))
        except (VerificationError, InvalidHashError):
            return False

    def _dummy(self) -> str:
        """A hash to check an unknown name's password against, made once per process and cost: the server builds
        its services per request, and an extra hash there would tell a stranger which names exist."""
        hasher = self._hasher
        cost = (hasher.time_cost, hasher.memory_cost, hasher.parallelism, hasher.hash_len, hasher.salt_len, hasher.type)
        if cost not in _DUMMY_HASHES:
            _DUMMY_HASHES[cost] = hasher.hash("no such account, same cost")
        return _DUMMY_HASHES[cost]
