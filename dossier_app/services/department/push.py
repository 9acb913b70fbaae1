"""The push side of sync, as Zotero's conditional writes: a batch of changes made on a desktop, applied by the
server through the same services as the person who signed the request, with that person's roles.

A push names the library version its desktop last pulled; when the server has moved past it the whole push is
refused (PreconditionFailed, HTTP 412) and the desktop pulls, merges and pushes again. Each change carries an id
its desktop made; an id already applied is acknowledged and not applied again. A change the services refuse (no
role, a stale base, an approval bound to another hash) comes back with its reason and does not stop the others.
No change writes a row itself: a revision goes through `DossierService.save_body`, a comment through
`ReviewService.add_comment`, a submit, approval or return through the review service, which checks the role
(`domain/lifecycle.require`) and binds an approval to the hash of the submitted revision.

Changes (`table`, `uid`, `fields`):
- `sectionrevision`, the revision's uid: `{section, base, body}`, `base` the uid of the revision it was written
  on (null for a section's first); refused as stale unless it is still the section's latest on the server.
- `sectioncomment`, the comment's uid: `{section, body, quote}`.
- `section`, the section's uid: `{review: "submit", revision}`, `{review: "approve", revision, hash}` or
  `{review: "return", comment, comment_uid}`.
- `attachment`, the attachment's uid: `{section, name, sha256, kind}`, its bytes already uploaded
  (`AttachmentService.add_stored`; refused not found while the server lacks them).
- `section` with `structure` (add, rename, move, delete, undelete): services/sync/structure_sync.py.
- `affectedparty`, the party's uid: a household's record with the change's `base` (department/register_push.py).
- `milestoneplan`, `milestonestep`, `projectfacts`, `reviewschedule` and the other records of project_records/sync.py
  (the catalogues and the holiday calendar among them): a record with the change's `base` (project_records/push.py).
- `project` with `create: true`: a project made on a desktop, made here with its ids (project_records/new_projects.py).
"""

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum
from functools import partial
from typing import TYPE_CHECKING, Any

from sqlalchemy import Table
from sqlalchemy import select as core_select
from sqlmodel import Session, col, select

from dossier_app.domain.errors import QT_TRANSLATE_NOOP, ChangeRefused, DossierError, PreconditionFailed, StaleEdit
from dossier_app.domain.models import SectionRevision, SyncAppliedChange
from dossier_app.storage.sync_log import synced_tables

if TYPE_CHECKING:
    from dossier_app.services.core.context import ServiceContext
    from dossier_app.services.department.changes import ChangeFeed
    from dossier_app.services.dossier.dossiers import DossierService
    from dossier_app.services.review.reviews import ReviewService

ChangeHandler = Callable[..., "Outcome"]  # (uid, fields, change=the whole change) → its outcome
MAX_CHANGES = 50  # per push, as Zotero takes at most 50 objects per write
UID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


class Outcome(StrEnum):
    """What became of one pushed change."""

    APPLIED = "applied"
    ALREADY = "already"  # its id (or its row) was applied before: acknowledged, not applied twice
    UNCHANGED = "unchanged"  # applied, but it changed nothing (a revision holding the text the section has)
    REFUSED = "refused"


@dataclass(frozen=True)
class ChangeResult:
    """One change's outcome; `error` says why it was refused."""

    change_id: str
    outcome: Outcome
    error: DossierError | None = None


@dataclass(frozen=True)
class PushOutcome:
    """The library version after the push and each change's result, in the order sent."""

    library_version: int
    results: tuple[ChangeResult, ...]


class StaleBase(StaleEdit):
    """A pushed revision was written on a revision that is no longer the section's latest on the server."""

    template = QT_TRANSLATE_NOOP(
        "Errors",
        "The section changed on the server since this revision was written; sync again so the two are merged.",
    )


def _malformed(field: str) -> ChangeRefused:
    return ChangeRefused(
        QT_TRANSLATE_NOOP("Errors", "The change's field '{field}' is missing or of the wrong kind."), field=field
    )


def _uid(data: Mapping[str, Any], name: str, *, optional: bool = False) -> str | None:
    value = data.get(name)
    if value is None and optional:
        return None
    if not isinstance(value, str) or not UID.match(value):
        raise _malformed(name)
    return value


def _text(data: Mapping[str, Any], name: str) -> str:
    value = data.get(name, "")
    if not isinstance(value, str):
        raise _malformed(name)
    return value


def named_row(context: "ServiceContext", table_name: str, uid: Any, field: str) -> int:
    """The server's id of the row a change names by uid in `field`: malformed unless a uid, refused when the server
    has no such row."""
    if not isinstance(uid, str) or not UID.match(uid):
        raise _malformed(field)
    table: Table = synced_tables()[table_name]
    with context.database.begin() as session:
        found = session.connection().execute(core_select(table.c.id).where(table.c.uid == uid)).scalar()
    if found is None:
        raise ChangeRefused(
            QT_TRANSLATE_NOOP("Errors", "The server has no {table} with the id {uid}."), table=table_name, uid=uid
        )
    return int(found)


class PushService:
    """Applies a desktop's pushed changes as the person the services act as (never a local operator)."""

    def __init__(
        self,
        context: "ServiceContext",
        changes: "ChangeFeed",
        dossiers: "DossierService",
        reviews: "ReviewService",
        more: Mapping[str, "ChangeHandler"] | None = None,
    ) -> None:
        self._context = context
        self._changes, self._dossiers, self._reviews = changes, dossiers, reviews
        self._more = dict(more or {})  # table → the handler of its changes (a section's: its `structure` ones)

    def apply(self, based_on: int, changes: Sequence[Any]) -> PushOutcome:
        """Every change in order, each through its service; PreconditionFailed when the library moved past
        `based_on`. The caller serialises pushes (one at a time per server), so nothing moves in between. The
        push is one transaction, each change a savepoint of it: a refused change is undone alone, the others
        and their applied ids commit together, and a pull sees all of the push or none of it."""
        with self._context.database.batch():
            library = self._changes.library_version()
            if library > based_on:
                raise PreconditionFailed(based_on=based_on, version=library)
            applied = self._applied_among(changes)
            results = tuple(self._one(change, applied) for change in changes)
        return PushOutcome(self._changes.library_version(), results)

    def _one(self, change: Any, applied: set[str]) -> ChangeResult:
        change_id = change.get("id") if isinstance(change, dict) else None
        change_id = change_id if isinstance(change_id, str) and UID.match(change_id) else ""
        try:
            if not change_id:
                raise _malformed("id")
            assert isinstance(change, dict)
            table, uid, fields = change.get("table"), _uid(change, "uid"), change.get("fields")
            if not isinstance(fields, dict):
                raise _malformed("fields")
            assert uid is not None
            if change_id in applied:
                return ChangeResult(change_id, Outcome.ALREADY)
            handlers: dict[Any, Callable[[str, Mapping[str, Any]], Outcome]] = {
                "sectionrevision": self._revision,
                "sectioncomment": self._comment,
                "section": self._review,
                "attachment": self._attachment,
            }
            handler = handlers.get(table) if isinstance(table, str) else None  # a list or object is no table
            more = self._more.get(str(table))
            if more is not None and (table != "section" or "structure" in fields):
                handler = partial(more, change=change)
            if handler is None:
                raise ChangeRefused(
                    QT_TRANSLATE_NOOP("Errors", "The server does not yet take changes of '{table}' from desktops."),
                    table=str(table)[:40],
                )
            with self._context.database.begin() as session:  # a savepoint: a refusal undoes this change alone
                outcome = handler(uid, fields)
                if outcome is not Outcome.ALREADY:
                    self._remember(session, change_id, str(table), uid)
            if outcome is not Outcome.ALREADY:
                applied.add(change_id)  # the same id again in this push is acknowledged, not applied twice
            return ChangeResult(change_id, outcome)
        except DossierError as error:
            return ChangeResult(change_id, Outcome.REFUSED, error)

    # The kinds of change ---------------------------------------------------------------------------

    def _revision(self, uid: str, fields: Mapping[str, Any]) -> Outcome:
        with self._context.database.joined() as session:  # the three lookups in one unit of work
            section_id = self._id("section", _uid(fields, "section"), session)
            base, body = _uid(fields, "base", optional=True), fields.get("body")
            if not isinstance(body, str):
                raise _malformed("body")
            if self._find("sectionrevision", uid, session) is not None:
                return Outcome.ALREADY  # applied, its id not yet remembered (the server stopped in between)
            latest = self._latest(section_id, session)
        if (None if latest is None else latest[1]) != base:
            raise StaleBase()
        saved = self._dossiers.save_body(section_id, body, revision_uid=uid)
        return Outcome.APPLIED if saved.changed else Outcome.UNCHANGED

    def _comment(self, uid: str, fields: Mapping[str, Any]) -> Outcome:
        section_id = self._id("section", _uid(fields, "section"))
        if self._find("sectioncomment", uid) is not None:
            return Outcome.ALREADY
        self._reviews.add_comment(section_id, _text(fields, "body"), _text(fields, "quote"), uid=uid)
        return Outcome.APPLIED

    def _review(self, uid: str, fields: Mapping[str, Any]) -> Outcome:
        section_id = self._id("section", uid)
        action = fields.get("review")
        reviews = self._reviews
        if action == "return":
            comment_uid = _uid(fields, "comment_uid")
            if self._find("sectioncomment", comment_uid) is not None:
                return Outcome.ALREADY
            reviews.request_changes(section_id, _text(fields, "comment"), comment_uid=comment_uid)
            return Outcome.APPLIED
        revision_id = self._id("sectionrevision", _uid(fields, "revision"))
        review = reviews.review(section_id)
        if action == "submit":
            if review.state.value == "submitted" and review.submitted_revision_id == revision_id:
                return Outcome.ALREADY
            if self._head_id(section_id) != revision_id:
                raise StaleBase()
            reviews.submit(section_id)
            return Outcome.APPLIED
        if action == "approve":
            if review.state.value == "approved" and review.approved_revision_id == revision_id:
                return Outcome.ALREADY
            if review.submitted_revision_id != revision_id:
                from dossier_app.domain.lifecycle import StaleReview

                raise StaleReview()
            reviews.approve(section_id, _text(fields, "hash"))  # checks the role and the hash
            return Outcome.APPLIED
        raise _malformed("review")

    def _attachment(self, uid: str, fields: Mapping[str, Any]) -> Outcome:
        """An attachment made on a desktop, its bytes uploaded first (`/v1/blobs`): `{section, name, sha256, kind}`."""
        from dossier_app.services.accounts.audit import AuditTrail
        from dossier_app.services.department.blob_transfer import blob_name
        from dossier_app.services.dossier.attachments import AttachmentService

        section_id = self._id("section", _uid(fields, "section"))
        sha256 = blob_name(fields.get("sha256"))
        if self._find("attachment", uid) is not None:
            return Outcome.ALREADY
        attachments = AttachmentService(self._context, AuditTrail(self._context))
        attachments.add_stored(section_id, sha256, _text(fields, "name"), _text(fields, "kind"), uid=uid)
        return Outcome.APPLIED

    # Reading the server's rows (never writing them) ---------------------------------------------------

    @contextmanager
    def _reading(self, session: Session | None) -> Iterator[Session]:
        """The caller's unit of work when it has one, else one of its own."""
        if session is not None:
            yield session
            return
        with self._context.database.joined() as own:
            yield own

    def _find(self, table_name: str, uid: str | None, session: Session | None = None) -> int | None:
        table: Table = synced_tables()[table_name]
        with self._reading(session) as reading:
            found = reading.connection().execute(core_select(table.c.id).where(table.c.uid == uid)).scalar()
        return None if found is None else int(found)

    def _id(self, table_name: str, uid: str | None, session: Session | None = None) -> int:
        found = self._find(table_name, uid, session)
        if found is None:
            raise ChangeRefused(
                QT_TRANSLATE_NOOP("Errors", "The server has no {table} with the id {uid}."),
                table=table_name,
                uid=uid,
            )
        return found

    def _latest(self, section_id: int, session: Session | None = None) -> tuple[int, str] | None:
        with self._reading(session) as reading:
            row = reading.exec(
                select(SectionRevision.id, SectionRevision.uid)
                .where(col(SectionRevision.section_id) == section_id)
                .order_by(col(SectionRevision.number).desc())
                .limit(1)
            ).first()
        return None if row is None else (int(row[0] or 0), str(row[1]))

    def _head_id(self, section_id: int) -> int | None:
        latest = self._latest(section_id)
        return None if latest is None else latest[0]

    # The applied ids --------------------------------------------------------------------------------

    def _applied_among(self, changes: Sequence[Any]) -> set[str]:
        """The ids of these changes applied before (one query for the push; pushes are applied one at a time)."""
        ids = [change.get("id") for change in changes if isinstance(change, dict)]
        ids = [change_id for change_id in ids if isinstance(change_id, str) and UID.match(change_id)]
        if not ids:
            return set()
        with self._context.database.begin() as session:
            known = session.exec(
                select(SyncAppliedChange.change_id).where(col(SyncAppliedChange.change_id).in_(ids))
            ).all()
        return set(known)

    def _remember(self, session: Session, change_id: str, table: str, uid: str) -> None:
        session.add(
            SyncAppliedChange(change_id=change_id, username=self._context.operator.name, table_name=table, uid=uid)
        )
