"""Who acts on a replica: the people who signed in at the department server from this desktop.

When someone signs in at the server here (the command line's `sync --user`, the window's sync), the desktop keeps an
argon2id hash of the password that just worked, the account's name, display name and roles as the server reported
them, and the session token the server issued (on this disk, as Zotero keeps its API key; never the password).
That lets them sign in here offline (`AccountService.authenticate` checks the verifier, with the lockout as at the
server), lets the command line act as the person
who last synced with that person's roles, and lets a sync push each person's changes with their own token. A token
the server no longer takes leaves that person's changes waiting until they sign in again; a token of an account an
administrator disabled makes the desktop forget the person, token and offline sign-in alike.
"""

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING

from sqlmodel import Session, col, select

from dossier_app.domain.accounts import (
    ROLE_ORDER,
    decode_roles,
    encode_roles,
    normalise_username,
)
from dossier_app.domain.enums import Role
from dossier_app.domain.errors import (
    SessionAccountDisabled,
    SessionRefused,
)
from dossier_app.domain.models import ReplicaPerson, Section, SectionComment, SectionRevision, SyncConflict, as_utc
from dossier_app.services.core.context import Operator, ServiceContext, os_account
from dossier_app.services.core.replica_state import is_replica, replica_person

if TYPE_CHECKING:
    from dossier_app.services.accounts.accounts import AccountService
    from dossier_app.services.dossier.dossiers import DossierService
    from dossier_app.services.sync.client import RemoteAccount, SignedIn, SyncConnection
    from dossier_app.services.sync.outbox import Outgoing

REPLICA_OPERATOR_PREFIX = "replica:"  # a replica nobody has synced as yet: neither an account nor the local operator


@dataclass(frozen=True)
class Person:
    """Someone who signed in at the server from this desktop, as the desktop remembers them (never the password)."""

    username: str
    display_name: str
    roles: frozenset[Role]
    token: str
    token_expires: datetime | None
    synced_at: datetime | None
    signed_in_at: datetime

    @property
    def name(self) -> str:
        """How messages name them: the display name, else the account."""
        return self.display_name or self.username


def _person(row: ReplicaPerson) -> Person:
    return Person(
        row.username,
        row.display_name,
        decode_roles(row.roles),
        row.token,
        as_utc(row.token_expires) if row.token_expires else None,
        as_utc(row.synced_at) if row.synced_at else None,
        as_utc(row.signed_in_at),
    )


def _roles(account: "RemoteAccount") -> str:
    """The roles the server reported, as stored (the ones this program knows, in their order)."""
    return encode_roles(frozenset(role for role in ROLE_ORDER if role.value in account.roles))


def requester(session: Session, section: Section, fields: dict[str, object]) -> str:
    """Who made a review request here: the approver, the submitter, or the author of the return's comment."""
    review = fields.get("review")
    if review == "approve":
        return section.approved_by
    if review == "submit":
        return section.submitted_by
    note = session.exec(select(SectionComment).where(col(SectionComment.uid) == fields.get("comment_uid"))).first()
    return note.author if note else ""


class ReplicaPeople:
    """The people of this replica: their verifiers (AccountService.authenticate checks them offline), who the
    command line acts as, each person's server token."""

    def __init__(self, context: ServiceContext, accounts: "AccountService") -> None:
        self._context = context
        self._accounts = accounts

    # Reading -----------------------------------------------------------------------------------------

    def is_replica(self) -> bool:
        """Whether this database has synced with a department server."""
        with self._context.database.begin() as session:
            return is_replica(session)

    def person(self, username: str) -> Person | None:
        """The remembered person, if any."""
        with self._context.database.begin() as session:
            row = replica_person(session, username)
            return _person(row) if row else None

    def everyone(self) -> list[Person]:
        """Everyone remembered here, by account name."""
        with self._context.database.begin() as session:
            rows = session.exec(select(ReplicaPerson).order_by(col(ReplicaPerson.username))).all()
            return [_person(row) for row in rows]

    def last_synced(self) -> Person | None:
        """The person who last synced this replica (else who last signed in at the server here)."""
        people = self.everyone()
        if not people:
            return None
        oldest = datetime.min.replace(tzinfo=self._context.clock().tzinfo)
        return max(people, key=lambda person: (person.synced_at or oldest, person.signed_in_at))

    def token(self, username: str) -> str | None:
        """The person's session token while it has not expired; None when they must sign in again."""
        person = self.person(username)
        if person is None or not person.token:
            return None
        if person.token_expires is not None and person.token_expires <= self._context.clock():
            return None
        return person.token

    def acting_operator(self) -> Operator:
        """Who the command line acts as on a replica: the person who last synced it, with their roles; before
        anyone is known, `replica:<os account>`, who may do nothing the rules guard."""
        person = self.last_synced()
        return Operator(person.username if person else f"{REPLICA_OPERATOR_PREFIX}{os_account()}")

    def author_of(self, conflict_id: int) -> "DossierService | None":
        """The sections service acting as the remembered person who wrote our side of a merge (so a manager's sync
        saves an officer's merged text as the officer); None when nobody remembered here wrote it."""
        with self._context.database.begin() as session:
            author = session.exec(
                select(SectionRevision.author)
                .join(SyncConflict, col(SyncConflict.ours_revision_uid) == SectionRevision.uid)
                .where(col(SyncConflict.id) == conflict_id)
            ).first()
            if author is None or replica_person(session, author) is None:
                return None
        from dossier_app.services.accounts.audit import AuditTrail
        from dossier_app.services.dossier.dossiers import DossierService

        context = replace(self._context, operator=Operator(author))  # a context of its own: the window's stays
        return DossierService(context, AuditTrail(context))

    # Remembering ---------------------------------------------------------------------------------------

    def remember(self, password: str, signed: "SignedIn") -> Person:
        """Keep what a successful sign-in at the server gave: a new argon2id verifier of `password`, the account's
        name, display name and roles, and its token; a lockout here is lifted."""
        password_hash = self._accounts.hash_password(password)
        account = signed.account
        with self._context.database.begin() as session:
            row = replica_person(session, account.username) or ReplicaPerson(
                username=normalise_username(account.username), password_hash=""
            )
            row.display_name, row.roles, row.password_hash = account.display_name, _roles(account), password_hash
            row.token, row.token_expires = signed.token, signed.expires
            row.failed_attempts, row.locked_until, row.signed_in_at = 0, None, self._context.clock()
            session.add(row)
            session.flush()
            return _person(row)

    def refresh(self, connection: "SyncConnection") -> None:
        """Take the roles and display name the server now gives the connection's person (GET /v1/me), when this
        desktop remembers them: an administrator's change reaches the desktop at that person's next sync."""
        username = connection.username
        if not username or self.person(username) is None:
            return
        account = connection.me()
        with self._context.database.begin() as session:
            row = replica_person(session, username)
            if row is not None:
                row.display_name, row.roles = account.display_name, _roles(account)
                session.add(row)

    def synced(self, username: str) -> None:
        """Mark the person as the one who last synced this replica."""
        with self._context.database.begin() as session:
            row = replica_person(session, username)
            if row is not None:
                row.synced_at = self._context.clock()
                session.add(row)

    def refused(self, username: str, error: SessionRefused) -> None:
        """The server no longer takes this person's token: forget the token (they sign in again), or the person
        altogether when an administrator disabled the account (no offline sign-in either)."""
        with self._context.database.begin() as session:
            row = replica_person(session, username)
            if row is None:
                return
            if isinstance(error, SessionAccountDisabled):
                session.delete(row)
            else:
                row.token, row.token_expires = "", None
                session.add(row)

    # Pushing as each person ------------------------------------------------------------------------------

    def runs(
        self, connection: "SyncConnection", outbox: Sequence["Outgoing"], waiting: list[str]
    ) -> Iterator[tuple[str, str | None, list["Outgoing"]]]:
        """The outbox in order, cut into runs of one person's changes: (their account, their token, the changes);
        ("", None, …) for changes the signed-in connection pushes itself (its own person's, or someone's this
        desktop does not know, such as work from before people were remembered). A person remembered here without a
        usable token is named in `waiting` and their changes wait, with every later change of the same section
        (it builds on theirs)."""
        signed_in = normalise_username(connection.username or "")
        known: dict[str, tuple[Person | None, str | None]] = {}  # author → (person, token), read once each
        held: set[str] = set()
        run: list[Outgoing] = []
        run_author = ""
        for item in outbox:
            section = str(item.change["fields"].get("section") or item.change["uid"])
            if section in held:
                continue
            author = normalise_username(item.author)
            if author not in known:
                person = self.person(author) if author and author != signed_in else None
                known[author] = (person, self.token(author) if person else None)
            person, token = known[author]
            if person is not None and token is None:
                held.add(section)
                if person.name not in waiting:
                    waiting.append(person.name)
                continue
            owner = author if person is not None else ""
            if run and owner != run_author:
                yield run_author, known[run_author][1] if run_author else None, run
                run = []
            run_author = owner
            run.append(item)
        if run:
            yield run_author, known[run_author][1] if run_author else None, run

    def hold(self, username: str, error: SessionRefused, waiting: list[str]) -> None:
        """A push as this person was refused for their token: forget it (or them) and name them as waiting."""
        person = self.person(username)
        self.refused(username, error)
        name = person.name if person else username
        if name not in waiting:
            waiting.append(name)


@contextmanager
def pushing_as(connection: "SyncConnection", token: str | None, username: str) -> Iterator[None]:
    """The connection's requests carry `token` (someone else's on this desktop) until the block ends."""
    if token is None:
        yield
        return
    own = connection.token, connection.username
    connection.token, connection.username = token, username
    try:
        yield
    finally:
        connection.token, connection.username = own
