"""A document's outline in sync: sections added, renamed, moved, deleted or brought back on a replica are pushed by
id and applied on the server through `DossierService` (its role and required-section rules decide).

What changed here is a section without a shadow (added here) or one whose title, position or deletion differs
from its shadow (the server's as last pulled, `pulled_rows.STRUCTURE_FIELDS`). While such a change waits, a pull
leaves the columns it concerns as they are here (`HOLDS`). A section deleted here that the server has edited since
(a revision pulled for it) is brought back here with the server's text, and the deletion is dropped and reported: no
edit is lost.
The server refuses a deletion whose named revision is no longer the section's latest for the same reason. The other
way round, a section the server deleted while a revision or comment made here waits for it stays here (reported as
kept), and the push brings it back there (`undelete`) before that work (deleted here too, it is deleted there
again after the work). A deletion made here is sent after the
revisions and comments made here and names the latest of them, so an edit made before it reaches the server's
history; a section added and deleted here before any sync travels (added, then deleted) only when work was done in
it.

Changes (table `section`, the section's uid, `fields` with `structure`):
- `{structure: "add", document, parent, title, position}`: a new section (its uid kept), then moved to `position`;
- `{structure: "rename", title}`, `{structure: "move", position}` (among its siblings), `{structure: "undelete"}`;
- `{structure: "delete", revision}`: `revision` the uid of the latest revision the desktop has, or null (never a
  revision held here because the server had its text from another desk: the server's revision of that text).
"""

import json
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import exists, update
from sqlalchemy import select as core_select
from sqlmodel import Session, col, select

from dossier_app.domain.enums import CommentKind
from dossier_app.domain.errors import QT_TRANSLATE_NOOP, ChangeRefused
from dossier_app.domain.models import (
    Document,
    Project,
    Section,
    SectionComment,
    SectionRevision,
    SyncShadow,
    as_utc,
)
from dossier_app.services.department.push import Outcome, _malformed
from dossier_app.services.project_records.new_projects import forget_sent, make_room, sent_record
from dossier_app.services.project_records.sync import HOOKED, WORDS, RecordPull, open_conflicts, record_conflict
from dossier_app.services.sync.outbox import HELD_BY, Outgoing, change
from dossier_app.services.sync.row_sync import RegisterPull
from dossier_app.storage.sync_log import synced_tables

if TYPE_CHECKING:
    from dossier_app.services.core.context import ServiceContext
    from dossier_app.services.dossier.dossiers import DossierService

HELD = ("title", "position", "deleted_at")  # a section's columns a pull leaves while a structure change waits
# The ones each waiting change keeps: a rename or a move also the deletion (the change outlives a deletion there and
# brings the section back); a deletion or an undeletion only the deletion, so a title or place the server changed
# meanwhile is taken (held, it stayed stale for good when the server already had that deletion: no row came again).
HOLDS = {
    "add": HELD,
    "rename": ("title", "deleted_at"),
    "move": ("position", "deleted_at"),
    "delete": ("deleted_at",),
    "undelete": ("deleted_at",),
}


def _label(project: str, key: str | None, section_id: int) -> str:
    return f"{project} {key or f'#{section_id}'}"


def _moment(value: Any) -> str | None:
    return None if value is None else as_utc(value).isoformat()


def _latest(session: Session, section_id: int) -> str | None:
    """The section's revision of the highest number here (of a tie, the later here: one pulled after a revision made
    here), but never a held one: the server's latest once the revisions made here, pushed before the deletion, are
    in. A held revision's text reached the server from another desk first and it was never sent (`held_shadow`):
    naming it, the deletion was refused as stale at every sync; the server's revision of that text is named instead."""
    held = exists().where(
        col(SyncShadow.uid) == SectionRevision.uid, col(SyncShadow.fields).startswith(HELD_BY, autoescape=True)
    )
    return session.scalars(
        select(SectionRevision.uid)
        .where(col(SectionRevision.section_id) == section_id, ~held)
        .order_by(col(SectionRevision.number).desc(), col(SectionRevision.id).desc())
        .limit(1)
    ).first()


def section_changes(session: Session) -> list[Outgoing]:
    """The outline changes made here, in the order made (a new parent before its children, and every new section
    before its revisions, which the outbox sends after these)."""
    place = ("id", "uid", "parent_id", "outline_key", "title", "position", "deleted_at", "sync_version")
    table = synced_tables()["section"]
    rows: Sequence[Any] = session.execute(  # the outline's columns only (named rows): a section's text is not read
        core_select(
            *(table.c[name] for name in place),
            col(Document.uid).label("document_uid"),
            col(Project.code).label("code"),
            col(SyncShadow.fields).label("shadow"),
        )
        .join(Document, col(Document.id) == Section.document_id)
        .join(Project, col(Project.id) == Document.project_id)
        .outerjoin(SyncShadow, col(SyncShadow.uid) == Section.uid)
        .order_by(col(Section.id))
    ).all()
    uids = {section.id: section.uid for section in rows}
    made: list[Outgoing] = []
    for section in rows:
        document_uid, code, shadow_text = section.document_uid, section.code, section.shadow
        uid, label = section.uid, _label(code, section.outline_key, section.id or 0)
        parent = uids.get(section.parent_id) if section.parent_id is not None else None
        if shadow_text is None:
            # Added here: a custom section (a section with an outline key was laid out from a regime, here as on
            # the server; those of a project made here are made there with it, new_projects). One deleted again before
            # any sync goes only when work was done in it, to be deleted there after that work.
            deleted = section.deleted_at is not None
            if section.outline_key is None and (not deleted or _worked_here(session, uid, live=False)):
                fields: dict[str, Any] = {
                    "structure": "add",
                    "document": document_uid,
                    "parent": parent,
                    "title": section.title,
                    "position": section.position,
                }
                what = f"add:{uid}"
                made.append(Outgoing(change("section", uid, fields, what), f"{label}: thêm/added", (("section", uid),)))
                if deleted:
                    made.append(_deletion(session, section, label))
            continue
        server = json.loads(shadow_text or "{}")
        if "title" not in server:
            continue  # shadowed before its place was kept, or just pushed: the next pull tells
        here_deleted, there_deleted = section.deleted_at is not None, server.get("deleted_at") is not None
        stamp = section.sync_version
        if here_deleted and not there_deleted:
            made.append(_deletion(session, section, label))
            continue
        if there_deleted and (not here_deleted or _worked_here(session, uid, live=False)):
            # Brought back there for the work waiting here; deleted here too (after that work), deleted again after
            # it: the work was refused at every sync before ("the section no longer exists").
            what = f"undelete:{uid}:{server.get('deleted_at')}"
            made.append(
                Outgoing(change("section", uid, {"structure": "undelete"}, what), f"{label}: khôi phục/restored")
            )
            if here_deleted:
                made.append(_deletion(session, section, label))
        if here_deleted:
            continue
        if section.title != server.get("title"):
            what = f"rename:{uid}:{stamp}:{section.title}"
            fields = {"structure": "rename", "title": section.title}
            made.append(Outgoing(change("section", uid, fields, what), f"{label}: đổi tên/renamed"))
        if section.position != server.get("position") and parent == server.get("parent"):
            what = f"move:{uid}:{stamp}:{section.position}"
            fields = {"structure": "move", "position": section.position}
            made.append(Outgoing(change("section", uid, fields, what), f"{label}: chuyển chỗ/moved"))
    moves = sorted((item for item in made if item.change["fields"]["structure"] == "move"), key=_position)
    return [item for item in made if item.change["fields"]["structure"] != "move"] + moves


def _deletion(session: Session, section: Section, label: str) -> Outgoing:
    """A section deleted here, naming its latest revision: the outbox sends it after the revisions and comments
    made here (an edit made before the deletion reaches the server's history first)."""
    fields = {"structure": "delete", "revision": _latest(session, section.id or 0)}
    what = f"delete:{section.uid}:{_moment(section.deleted_at)}"
    return Outgoing(change("section", section.uid, fields, what), f"{label}: xoá/deleted")


def without_blocked_renames(session: Session, changes: list[Outgoing]) -> list[Outgoing]:
    """The outline changes to push: a rename whose title is in conflict waits for a person's pick (the pull still
    holds its title here, so keeping ours keeps it)."""
    blocked = open_conflicts(session, "section")
    return [
        item
        for item in changes
        if not (item.change["fields"]["structure"] == "rename" and item.change["uid"] in blocked)
    ]


def is_deletion(item: Outgoing) -> bool:
    """Whether an outline change is a section's deletion (sent last)."""
    return bool(item.change["table"] == "section" and item.change["fields"].get("structure") == "delete")


def _position(item: Outgoing) -> int:
    return int(item.change["fields"]["position"])


def settled(session: Session, pushed: Mapping[str, Any]) -> None:
    """The server holds this outline change now: its shadow says so until the next pull brings the row."""
    fields = pushed["fields"]
    row = session.get(SyncShadow, pushed["uid"])
    if row is None or not row.fields:
        return
    server = json.loads(row.fields)
    action = fields.get("structure")
    if action == "rename":
        server["title"] = fields["title"]
    elif action == "move":
        server["position"] = fields["position"]
    elif action == "undelete":
        server["deleted_at"] = None
    elif action == "delete":
        server["deleted_at"] = server.get("deleted_at") or "deleted"
    row.fields = json.dumps(server, ensure_ascii=False)
    session.add(row)


def _worked_here(session: Session, uid: str, *, live: bool) -> bool:
    """Whether the section (not deleted here, when `live`) has a revision or a comment made here that the server
    does not hold yet (no shadow)."""
    found = select(Section.id).where(col(Section.uid) == uid)
    section_id = (found.where(col(Section.deleted_at).is_(None)) if live else found).scalar_subquery()
    revision = select(SectionRevision.id).where(
        col(SectionRevision.section_id) == section_id, ~exists().where(col(SyncShadow.uid) == SectionRevision.uid)
    )
    comment = select(SectionComment.id).where(
        col(SectionComment.section_id) == section_id,
        col(SectionComment.kind) == CommentKind.COMMENT.value,
        ~exists().where(col(SyncShadow.uid) == SectionComment.uid),
    )
    return any(session.exec(query.limit(1)).first() is not None for query in (revision, comment))


class PullHooks(RegisterPull):
    """A pull's local work beyond the section texts: the register's households (RegisterPull), the project records
    (RecordPull) and the outline changes made here, whose columns stay; a section deleted here that the server
    edited comes back, and one the server deleted while revisions or comments made here wait for it stays (the
    push brings it back there)."""

    def __init__(self, session: Session) -> None:
        super().__init__(session)
        self._records = RecordPull(session)
        self.to_check: list[str] = []  # the records' notes for a person (a document number issued on two desks)
        pending = section_changes(session)
        self._kept_columns: dict[str, set[str]] = {}
        for item in pending:
            self._kept_columns.setdefault(item.change["uid"], set()).update(HOLDS[item.change["fields"]["structure"]])
        self._deleted_here = {item.change["uid"] for item in pending if item.change["fields"]["structure"] == "delete"}
        self._renamed = {item.change["uid"]: item for item in pending if item.change["fields"]["structure"] == "rename"}
        self._edited_there: set[str] = set()
        self._edited_here: set[str] = set()  # deleted on the server, with work waiting here: kept

    def held_columns(self, uid: str) -> tuple[str, ...]:
        """A section's columns this pull leaves as they are here."""
        if uid in self._kept_columns:
            return tuple(column for column in HELD if column in self._kept_columns[uid])
        return ("deleted_at",) if uid in self._edited_here else ()

    def deleting(self, table_name: str, uid: str) -> bool:
        """True when a pulled deletion is held: a household's or a record's changed here."""
        if table_name in HOOKED:
            return self._records.deleting(table_name, uid)
        return super().deleting(table_name, uid)

    def write_shadows(self) -> None:
        """The shadows pulled so far into the database, the register's and the records'."""
        super().write_shadows()
        self._records.write_shadows()

    def pulled(self, table_name: str, uid: str, fields: Mapping[str, Any]) -> bool:
        """A revision the server made for a section deleted here: that section comes back. A section the server
        deleted that has work waiting here: it stays."""
        if table_name == "project":
            moved = make_room(self._session, fields.get("code"), uid)
            if moved:
                self.to_check.append(moved)
            sent = sent_record(self._session, uid)
            if sent is not None:  # made here, its creation's answer lost: the server made it from what was sent
                self._records.first_sent(uid, sent)
                forget_sent(self._session, uid)
        if table_name in HOOKED:
            return self._records.pulled(table_name, uid, fields)
        if table_name == "section" and uid in self._renamed:
            self._renamed_there(uid, fields.get("title"))
        if table_name == "sectionrevision" and self._deleted_here and fields.get("section") in self._deleted_here:
            self._edited_there.add(str(fields["section"]))
        if (
            table_name == "section"
            and fields.get("deleted_at") is not None
            and uid not in self._kept_columns
            and _worked_here(self._session, uid, live=True)
        ):
            self._edited_here.add(uid)
        return super().pulled(table_name, uid, fields)

    def _renamed_there(self, uid: str, theirs: Any) -> None:
        """A section renamed here that the server renamed otherwise since: both titles kept in a conflict record, ours
        shown here and not pushed until a person picks (the last push won before, losing the other title)."""
        shadow = self._session.get(SyncShadow, uid)
        base = json.loads(shadow.fields or "{}").get("title") if shadow is not None else None
        ours = self._renamed[uid].change["fields"]["title"]
        if theirs in (base, ours):
            return  # the server kept the title, or took the same one
        found = _placed(self._session, uid)
        if found is None:
            return
        project_id, section_id, key, code = found
        record_conflict(self._session, project_id, "section", uid, "title", (base, ours, theirs))
        self.conflicts.append(f"{_label(code, key, section_id)}: {WORDS['section']}")

    def finish(self) -> None:
        """Bring back each section deleted here that the server edited since, and report those kept for the work
        waiting here; then the register's merges."""
        section = synced_tables()["section"]
        session = self._session
        for uid in sorted(self._edited_there):
            session.execute(update(section).where(section.c.uid == uid).values(deleted_at=None))
        for uids, words in (
            (self._edited_there, "sửa trên máy chủ/edited on the server"),
            (self._edited_here, "sửa ở đây/edited here"),
        ):
            for uid in sorted(uids):
                found = _placed(session, uid)
                if found is not None:
                    _project_id, section_id, key, code = found
                    self.kept.append(f"{_label(code, key, section_id)}: {words}")
        super().finish()
        self._records.finish()
        self.kept.extend(self._records.kept)
        self.to_check.extend(self._records.to_check)
        self.conflicts.extend(self._records.conflicts)
        self.merged.extend(self._records.merged)


def _placed(session: Session, uid: str) -> tuple[int, int, str | None, str] | None:
    """Where a section is: its project's id, its id, its outline key and its project's code."""
    found = session.exec(
        select(Document.project_id, Section.id, Section.outline_key, Project.code)
        .join(Section, col(Section.document_id) == Document.id)
        .join(Project, col(Project.id) == Document.project_id)
        .where(col(Section.uid) == uid)
    ).first()
    if found is None:
        return None
    project_id, section_id, key, code = found
    return int(project_id), int(section_id or 0), key, str(code)


class SectionEditedThere(ChangeRefused):
    """A section deleted on a desktop was edited on the server since: the edit is kept."""

    template = QT_TRANSLATE_NOOP(
        "Errors", "The section was edited on the server since it was deleted on the desktop; it is kept."
    )


class StructurePush:
    """The server's side: each outline change through `DossierService` as the signed-in person."""

    def __init__(self, context: "ServiceContext", dossiers: "DossierService") -> None:
        self._context, self._dossiers = context, dossiers

    def apply(self, uid: str, fields: Mapping[str, Any], change: Mapping[str, Any] | None = None) -> Outcome:
        """One outline change: applied, already there, or refused with why (`change`: the whole change, unused)."""
        action, dossiers = fields.get("structure"), self._dossiers
        if action == "add":
            if self._find("section", uid) is not None:
                return Outcome.ALREADY
            document_id = self._id("document", fields.get("document"))
            parent = fields.get("parent")
            parent_id = None if parent is None else self._id("section", parent)
            section_id = dossiers.add_section(document_id, parent_id, _text(fields, "title"), uid=uid)
            position = _whole(fields, "position")
            index, _count = dossiers.sibling_index(section_id)
            if position < index:
                dossiers.move_section(section_id, max(position, 0))
            return Outcome.APPLIED
        section_id = self._id("section", uid)
        with self._context.database.begin() as session:
            section = session.get(Section, section_id)
            assert section is not None
            title, deleted = section.title, section.deleted_at is not None
            latest = session.scalars(
                select(SectionRevision.uid)
                .where(col(SectionRevision.section_id) == section_id)
                .order_by(col(SectionRevision.number).desc())
                .limit(1)
            ).first()
        if action == "rename":
            wanted = _text(fields, "title")
            if wanted == title:
                return Outcome.UNCHANGED
            dossiers.rename_section(section_id, wanted)
            return Outcome.APPLIED
        if action == "move":
            position = _whole(fields, "position")
            index, count = dossiers.sibling_index(section_id)
            target = min(max(position, 0), count - 1)
            # At its place among the live siblings already, its number may still count a sibling deleted here since:
            # the move numbers them again, so the desk that numbered them so gets the same numbers back.
            dossiers.move_section(section_id, target)
            return Outcome.UNCHANGED if target == index else Outcome.APPLIED
        if action == "delete":
            if deleted:
                return Outcome.ALREADY
            if latest != fields.get("revision"):
                raise SectionEditedThere()
            dossiers.delete_section(section_id)
            return Outcome.APPLIED
        if action == "undelete":
            if not deleted:
                return Outcome.ALREADY
            dossiers.undelete_section(section_id)
            return Outcome.APPLIED
        raise _malformed("structure")

    def _find(self, table_name: str, uid: Any) -> int | None:
        table = synced_tables()[table_name]
        with self._context.database.begin() as session:
            found = session.connection().execute(core_select(table.c.id).where(table.c.uid == uid)).scalar()
        return None if found is None else int(found)

    def _id(self, table_name: str, uid: Any) -> int:
        found = self._find(table_name, uid) if isinstance(uid, str) else None
        if found is None:
            raise ChangeRefused(
                QT_TRANSLATE_NOOP("Errors", "The server has no {table} with the id {uid}."), table=table_name, uid=uid
            )
        return found


def _text(fields: Mapping[str, Any], name: str) -> str:
    value = fields.get(name)
    if not isinstance(value, str):
        raise _malformed(name)
    return value


def _whole(fields: Mapping[str, Any], name: str) -> int:
    value = fields.get(name)
    if isinstance(value, bool) or not isinstance(value, int):
        raise _malformed(name)
    return value
