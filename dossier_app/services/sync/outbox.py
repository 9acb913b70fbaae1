"""What a replica pushes, and how: each change with an id made from what it is (so the same change pushed again
after a crash has the same id and the server applies it once), review requests derived from the difference between
a section's review state here and the server's, batches within the server's limits."""

import json
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlmodel import Session, col, select

from dossier_app.domain.enums import CommentKind, SectionState
from dossier_app.domain.models import Section, SectionComment, SectionRevision, Setting, SyncShadow
from dossier_app.services.department.push import MAX_CHANGES

PUSH_BYTES = 4 * 1_048_576  # a batch's text, well below the server's limit
HELD_BY = '{"held_by": '  # how the shadow of a held revision begins (`held_shadow`)
CHANGE_IDS = uuid.UUID("5b0f4a1e-6c1d-4f7e-9a53-3d2b8c1e7a10")
CURSOR_KEY = "sync.cursor"  # the server's library version this replica has pulled up to
ReviewRequest = tuple[dict[str, Any], str, str]  # fields, what the change is (its id's seed), its words
_REQUESTING = frozenset(
    {SectionState.APPROVED.value, SectionState.SUBMITTED.value, SectionState.CHANGES_REQUESTED.value}
)  # the review states a section can ask the server for


@dataclass(frozen=True)
class Outgoing:
    """One change to push and what to do when the server has it."""

    change: dict[str, Any]
    label: str
    shares: tuple[tuple[str, str], ...] = ()  # (table, uid) the server holds once it is applied
    review_of: int | None = None  # a review request's section: its state returns to the server's when refused
    author: str = ""  # who made it here: pushed with that person's token (services/sync/people.py)
    again: str = ""  # a record's change apart from the server version in its id: refused once, not sent again

    def known_as(self) -> tuple[str, ...]:
        """What a sync knows it by once refused or held: its id and, for a record, what it is whatever the server
        version its id names (a pull in the same sync moves that version: it was sent again and refused twice)."""
        return (self.change["id"], self.again) if self.again else (self.change["id"],)


def pulled_up_to(session: Session) -> str:
    """The server's library version this replica has pulled up to, for the id of a change that is a row's fields
    on a base: the same fields on the same base pushed again after the row went elsewhere and back on the server
    (a step's place: 13, 12 by a removal, 13 by an insertion) are a new change, not one the server applied before
    (it answered "already", applied nothing, and the desk took its own fields for the server's for good)."""
    row = session.get(Setting, CURSOR_KEY)
    return row.value if row is not None else "0"


def change(table: str, uid: str, fields: Mapping[str, Any], what: str) -> dict[str, Any]:
    """A change as pushed, its id a UUID5 of `what` it is."""
    return {"id": str(uuid.uuid5(CHANGE_IDS, what)), "table": table, "uid": uid, "fields": dict(fields)}


def held_shadow(revision_uid: str, server_uid: str) -> SyncShadow:
    """The shadow of a revision made here whose very text the server already has (another desk pushed it first): it
    is never sent, counts as shared from now on, and names the server's revision holding its text, which a deletion
    of the section names instead (structure_sync: the server lacks this one and would refuse it as stale)."""
    return SyncShadow(uid=revision_uid, table_name="sectionrevision", fields=json.dumps({"held_by": server_uid}))


def _moment(value: Any) -> Any:
    """A moment as text for an id's seed."""
    if isinstance(value, datetime):
        return value.isoformat()
    return value


def review_request(session: Session, section: Section, server: Mapping[str, Any]) -> ReviewRequest | None:
    """The request that would make the server's review state this section's (`server`: its review fields as last
    pulled): an approval bound to the approved hash, a submission of the revision submitted here, or a return with
    its comment; None when the two agree."""
    state, server_state = section.state, server.get("state")
    if state not in _REQUESTING:  # a draft asks the server nothing (and its revisions need not be read)
        return None
    approved = _uid_of(session, section.approved_revision_id) if state == SectionState.APPROVED.value else None
    needs_submitted = state == SectionState.SUBMITTED.value or (state == SectionState.APPROVED.value and not approved)
    submitted = _uid_of(session, section.submitted_revision_id) if needs_submitted else None
    if state == SectionState.APPROVED.value and (server_state != state or approved != server.get("approved_revision")):
        revision = approved or submitted
        fields = {"review": "approve", "revision": revision, "hash": section.approved_hash}
        return fields, f"approve:{section.uid}:{revision}:{_moment(section.approved_at)}", "duyệt/approve"
    if state == SectionState.SUBMITTED.value and (
        server_state != state or submitted != server.get("submitted_revision")
    ):
        fields = {"review": "submit", "revision": submitted}
        return fields, f"submit:{section.uid}:{submitted}:{_moment(section.submitted_at)}", "trình/submit"
    if state == SectionState.CHANGES_REQUESTED.value and server_state != state:
        note = session.scalars(
            select(SectionComment)
            .where(
                col(SectionComment.section_id) == section.id,
                col(SectionComment.kind) == CommentKind.RETURN.value,
                col(SectionComment.uid).not_in(select(SyncShadow.uid)),
            )
            .order_by(col(SectionComment.id).desc())
            .limit(1)
        ).first()
        if note is None:
            return None
        fields = {"review": "return", "comment": note.body, "comment_uid": note.uid}
        return fields, f"return:{note.uid}", "trả lại/return"
    return None


def _uid_of(session: Session, revision_id: int | None) -> str | None:
    if revision_id is None:
        return None
    revision = session.get(SectionRevision, revision_id)
    return revision.uid if revision else None


def batches(outbox: Iterable[Outgoing]) -> Iterable[list[Outgoing]]:
    """At most MAX_CHANGES changes and about PUSH_BYTES of text per push, in order."""
    batch: list[Outgoing] = []
    size = 0
    for item in outbox:
        weight = len(json.dumps(item.change, ensure_ascii=False).encode("utf-8"))
        if batch and (len(batch) >= MAX_CHANGES or size + weight > PUSH_BYTES):
            yield batch
            batch, size = [], 0
        batch.append(item)
        size += weight
    if batch:
        yield batch
