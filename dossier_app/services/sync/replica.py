"""This database as a desktop's replica of the department server: a sync pulls the server's changes since the
replica's cursor and applies them, merges each section changed on both sides, pushes what was made here, and
pulls again; conflicts are kept as records with all three texts.

What is shared is what the server holds as last pulled (`SyncShadow`, Zotero's syncCache): a revision or comment
whose uid is not there was made here and is pushed; a section's review fields there are the server's, and a local
state that differs from them is a review request (submit, approve, return) the server re-checks. The revision a
section's edits were written on (its base) is its shared revision of the highest number. When the server's latest
moved past that base while revisions wait here, `merge_sections(base, ours, theirs)` merges them: a clean merge is
saved here as a new revision and every offline revision is pushed on top of the server's latest, then the merged
one, so the server's history holds each; the same block changed on both sides is a `SyncConflict` and the section's
revisions wait here until a later save (made after reading the conflict) resolves it. Nothing is ever deleted to
make a merge: every offline revision stays in this history.

Only the dossier's sections, revisions, comments and review requests are pushed yet; every other synced table is
pulled (the server's row wins). Applying a pull is `pulled_rows`; what is pushed and in which batches, `outbox`.
"""

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlmodel import Session, col, select

from dossier_app.domain.enums import CommentKind
from dossier_app.domain.errors import CursorAhead, PreconditionFailed
from dossier_app.domain.merge import merge_sections
from dossier_app.domain.models import (
    Document,
    Project,
    Section,
    SectionComment,
    SectionRevision,
    Setting,
    SyncConflict,
    SyncShadow,
    utc_now,
)
from dossier_app.services.sync.changes import MAX_LIMIT
from dossier_app.services.sync.outbox import Outgoing, batches, change, review_request
from dossier_app.services.sync.pulled_rows import PulledRows, restore_review

if TYPE_CHECKING:
    from dossier_app.services.core.context import ServiceContext
    from dossier_app.services.dossier.dossiers import DossierService
    from dossier_app.services.dossier.projects import ProjectService
    from dossier_app.services.sync.client import PushAnswer, SyncConnection

CURSOR_KEY = "sync.cursor"  # the server's library version this replica has pulled up to
SERVER_KEY = "sync.server"  # the server it was pulled from
PIN_PREFIX = "sync.pin."  # + 'host:port': the certificate fingerprint trusted for that server
MAX_ROUNDS = 6  # pull, merge, push rounds in one sync (a 412 costs one)


@dataclass(frozen=True)
class Refusal:
    """A pushed change the server refused: what it was, and why, as the server said it."""

    label: str
    message_en: str
    message_vi: str


@dataclass
class SyncReport:
    """What one sync did: counts and the sections named."""

    pulled: int = 0
    pushed: list[str] = field(default_factory=list)
    merged: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    refused: list[Refusal] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # sections the server deleted, kept here for the edits on them
    unplaced: int = 0  # pulled rows whose parent is neither here nor on the feed (left out: the copy is not whole)
    retried: int = 0  # pushes refused because the server had moved (412), then pulled, merged and sent again
    library_version: int = 0

    @property
    def clean(self) -> bool:
        """Nothing left in conflict, kept despite a deletion, refused or left out."""
        return not self.conflicts and not self.refused and not self.kept and not self.unplaced


@dataclass(frozen=True)
class ConflictView:
    """An unresolved conflict record, as `conflicts` lists it."""

    id: int
    section_id: int
    label: str
    title: str
    blocks: int
    created_at: datetime
    base_text: str
    ours_text: str
    theirs_text: str


@dataclass
class _Work:
    """A section's local work waiting to be pushed, read before a pull."""

    section_id: int
    uid: str
    revisions: list[tuple[int, str]] = field(default_factory=list)  # (id, uid) in the order made
    head: tuple[int, str] | None = None  # the shared revision the edits were written on
    blocked: bool = False  # an unresolved conflict: push nothing of it


class ReplicaService:
    """Sync and conflicts of this database as a replica (the services act locally; the server decides)."""

    def __init__(self, context: "ServiceContext", dossiers: "DossierService", projects: "ProjectService") -> None:
        self._context = context
        self._dossiers, self._projects = dossiers, projects

    # Pinned certificates (a PinStore kept in this database) --------------------------------------------

    def pinned(self, server: str) -> str | None:
        """The fingerprint this desktop trusts for `server` ('host:port'), if any."""
        with self._context.database.begin() as session:
            row = session.get(Setting, f"{PIN_PREFIX}{server}")
            return row.value if row and row.value else None

    def pin(self, server: str, fingerprint: str) -> None:
        """Trust this fingerprint for `server` from now on."""
        with self._context.database.begin() as session:
            self._set(session, f"{PIN_PREFIX}{server}", fingerprint)

    # Reading ---------------------------------------------------------------------------------------

    def waiting(self) -> int:
        """How many changes made here the server does not hold yet (revisions, comments, review requests)."""
        return len(self._outbox(SyncReport()))

    def cursor(self) -> int:
        """The server's library version this replica has pulled up to (0 before the first sync)."""
        with self._context.database.begin() as session:
            row = session.get(Setting, CURSOR_KEY)
            return int(row.value) if row and row.value.isdigit() else 0

    def conflicts(self, code: str | None = None) -> list[ConflictView]:
        """Unresolved conflicts (of project CODE only, when given), oldest first."""
        with self._context.database.begin() as session:
            query = (
                select(SyncConflict, Section.title, Section.outline_key, Project.code)
                .join(Section, col(Section.id) == SyncConflict.section_id)
                .join(Document, col(Document.id) == Section.document_id)
                .join(Project, col(Project.id) == Document.project_id)
                .where(col(SyncConflict.resolved_at).is_(None), col(SyncConflict.blocks) > 0)
                .order_by(col(SyncConflict.id))
            )
            if code is not None:
                query = query.where(col(Project.code) == self._projects.by_code(code).code)
            return [
                ConflictView(
                    row.id or 0,
                    row.section_id,
                    f"{project} {key or f'#{row.section_id}'}",
                    title,
                    row.blocks,
                    row.created_at,
                    row.base_text,
                    row.ours_text,
                    row.theirs_text,
                )
                for row, title, key, project in session.exec(query).all()
            ]

    # Sync ------------------------------------------------------------------------------------------

    def sync(self, connection: "SyncConnection") -> SyncReport:
        """Pull, merge, push, pull again, with a signed-in connection; a 412 sends it round once more."""
        report = SyncReport()
        self._finish_merges(report)  # one a crash interrupted after its pull was applied
        cursor, refused = self.cursor(), set[str]()
        for _round in range(MAX_ROUNDS):
            cursor = self._pull(connection, cursor, report)
            outbox = [item for item in self._outbox(report) if item.change["id"] not in refused]
            if not outbox:
                break
            try:
                self._push(connection, cursor, outbox, report, refused)
            except PreconditionFailed:
                report.retried += 1
        report.library_version = cursor
        return report

    def _pull(self, connection: "SyncConnection", cursor: int, report: SyncReport) -> int:
        """Every change after `cursor`, applied in one transaction; then the merges; the new cursor."""
        changes: list[Mapping[str, Any]] = []
        deleted: list[Mapping[str, Any]] = []
        start = cursor
        while True:
            try:
                page = connection.changes(cursor, MAX_LIMIT)
            except CursorAhead:
                if start == 0:
                    raise
                cursor = start = 0  # the server's library is not the one this replica pulled: pull it whole
                changes.clear()
                deleted.clear()
                continue
            changes.extend(page.changes)
            deleted.extend(page.deleted)
            cursor = page.cursor
            if not page.more:
                break
        work = self._work()
        edited, reviewed = {item.uid for item in work.values()}, self._review_sections()
        with self._context.database.begin() as session:
            applied = PulledRows(session, edited, reviewed).apply(changes, deleted)
            report.pulled += applied.applied
            report.unplaced += applied.unplaced
            for section_id in applied.kept:
                label = self._label(section_id, session)
                if label not in report.kept:
                    report.kept.append(label)
            self._set(session, CURSOR_KEY, str(cursor))
            self._set(session, SERVER_KEY, connection.base_url)
            self._decide_merges(session, work, report)
        self._finish_merges(report)
        return cursor

    def _set(self, session: Session, key: str, value: str) -> None:
        row = session.get(Setting, key) or Setting(key=key)
        row.value = value
        session.add(row)

    # Applying pulled rows ----------------------------------------------------------------------------

    # Local work -----------------------------------------------------------------------------------------

    def _work(self) -> dict[int, _Work]:
        """Sections with revisions made here and not yet on the server, each with its base; a section with an
        unresolved conflict is blocked unless a save made after the conflict resolves it now."""
        shared = select(SyncShadow.uid).where(col(SyncShadow.table_name) == "sectionrevision")
        work: dict[int, _Work] = {}
        with self._context.database.begin() as session:
            local = session.exec(
                select(SectionRevision.id, SectionRevision.uid, SectionRevision.section_id, Section.uid)
                .join(Section, col(Section.id) == SectionRevision.section_id)
                .where(col(SectionRevision.uid).not_in(shared))
                .order_by(col(SectionRevision.id))
            ).all()
            for revision_id, revision_uid, section_id, section_uid in local:
                item = work.setdefault(section_id, _Work(section_id, section_uid))
                item.revisions.append((int(revision_id or 0), revision_uid))
            for item in work.values():
                item.head = self._head(session, item.section_id)
            open_conflicts = session.scalars(
                select(SyncConflict).where(col(SyncConflict.resolved_at).is_(None), col(SyncConflict.blocks) > 0)
            ).all()
            for conflict in open_conflicts:
                waiting = work.get(conflict.section_id)
                ours = session.scalars(
                    select(SectionRevision.id).where(col(SectionRevision.uid) == conflict.ours_revision_uid)
                ).first()
                if waiting is None:
                    continue
                newer = [uid for revision_id, uid in waiting.revisions if ours is None or revision_id > ours]
                if newer:
                    conflict.resolved_at, conflict.resolved_by_revision_uid = utc_now(), newer[-1]
                    session.add(conflict)
                else:
                    waiting.blocked = True
        return work

    @staticmethod
    def _head(session: Session, section_id: int) -> tuple[int, str] | None:
        """The section's shared revision of the highest number: what the server had last time."""
        shared = select(SyncShadow.uid).where(col(SyncShadow.table_name) == "sectionrevision")
        row = session.exec(
            select(SectionRevision.id, SectionRevision.uid)
            .where(col(SectionRevision.section_id) == section_id, col(SectionRevision.uid).in_(shared))
            .order_by(col(SectionRevision.number).desc(), col(SectionRevision.id).desc())
            .limit(1)
        ).first()
        return None if row is None else (int(row[0] or 0), str(row[1]))

    def _decide_merges(self, session: Session, work: Mapping[int, _Work], report: SyncReport) -> None:
        """In the pull's own transaction, so a crash cannot lose the base: for each section whose server revision
        moved past its base while revisions waited here, a record with the three texts; `blocks` 0 is a clean merge
        still to save (`_finish_merges`), more is a conflict."""
        for item in work.values():
            if item.blocked:
                label = self._label(item.section_id, session)
                if label not in report.conflicts:
                    report.conflicts.append(label)
                continue
            theirs = self._head(session, item.section_id)
            # Revisions of ours the server applied before this desk heard its answer (a push cut off) came back in
            # the pull: the last of them is the base now, and if it is the server's latest there is nothing to merge.
            came_back = [revision for revision in item.revisions if session.get(SyncShadow, revision[1]) is not None]
            base_of = came_back[-1] if came_back else item.head
            if theirs is None or theirs == base_of:
                continue
            base = session.get(SectionRevision, base_of[0]) if base_of else None
            their_text = session.get(SectionRevision, theirs[0])
            section = session.get(Section, item.section_id)
            assert their_text is not None and section is not None
            base_text, ours, theirs_body = (base.body if base else ""), section.body, their_text.body
            outcome = merge_sections(base_text, ours, theirs_body)
            session.add(
                SyncConflict(
                    section_id=item.section_id,
                    base_revision_uid=base_of[1] if base_of else "",
                    theirs_revision_uid=theirs[1],
                    ours_revision_uid=item.revisions[-1][1],
                    base_text=base_text,
                    ours_text=ours,
                    theirs_text=theirs_body,
                    blocks=len(outcome.conflicts),
                )
            )
            if not outcome.clean:
                report.conflicts.append(self._label(item.section_id, session))

    def _finish_merges(self, report: SyncReport) -> None:
        """Save each clean merge decided (also one a crash interrupted) as a revision here; the push then sends the
        offline revisions and the merged one on top of the server's latest."""
        with self._context.database.begin() as session:
            pending = session.scalars(
                select(SyncConflict).where(col(SyncConflict.resolved_at).is_(None), col(SyncConflict.blocks) == 0)
            ).all()
            merges = [(row.id, row.section_id, row.base_text, row.ours_text, row.theirs_text) for row in pending]
        for record_id, section_id, base_text, ours, theirs in merges:
            saved = self._dossiers.save_body(section_id, merge_sections(base_text, ours, theirs).text)
            with self._context.database.begin() as session:
                record = session.get(SyncConflict, record_id)
                assert record is not None
                merged = session.get(SectionRevision, saved.revision.id) if saved.revision else None
                record.resolved_at = utc_now()
                record.resolved_by_revision_uid = merged.uid if merged else record.ours_revision_uid
                session.add(record)
            report.merged.append(self._label(section_id))

    def _label(self, section_id: int, session: Session | None = None) -> str:
        """How the command line names a section: project code and outline key (or #id)."""
        if session is None:
            with self._context.database.begin() as own:
                return self._label(section_id, own)
        row = session.exec(
            select(Project.code, Section.outline_key)
            .join(Document, col(Document.project_id) == Project.id)
            .join(Section, col(Section.document_id) == Document.id)
            .where(col(Section.id) == section_id)
        ).first()
        return f"{row[0]} {row[1] or f'#{section_id}'}" if row else f"#{section_id}"

    def _review_sections(self) -> set[str]:
        """Uids of sections whose review state here differs from the server's (a request to push)."""
        return {item.change["uid"] for item in self._review_requests()}

    # The outbox ---------------------------------------------------------------------------------------

    def _outbox(self, report: SyncReport) -> list[Outgoing]:
        """Everything made here the server does not hold yet: revisions (chained on the server's latest),
        comments, review requests; nothing of a section still in conflict."""
        work = self._work()
        blocked = {item.section_id for item in work.values() if item.blocked}
        outgoing: list[Outgoing] = []
        with self._context.database.begin() as session:
            for item in work.values():
                if item.blocked:
                    continue
                label = self._label(item.section_id)
                base = self._head(session, item.section_id)
                for revision_id, revision_uid in item.revisions:
                    revision = session.get(SectionRevision, revision_id)
                    assert revision is not None
                    held = session.get(SectionRevision, base[0]) if base else None
                    if held is not None and held.body == revision.body:
                        # Another desk reached this very text first: the server holds it (it would take this
                        # revision as unchanged and make none, so the next one would name a base it lacks).
                        session.add(SyncShadow(uid=revision_uid, table_name="sectionrevision", fields=""))
                        continue
                    fields = {"section": item.uid, "base": base[1] if base else None, "body": revision.body}
                    outgoing.append(
                        Outgoing(
                            change("sectionrevision", revision_uid, fields, f"rev:{revision_uid}"),
                            f"{label}: phiên bản/revision {revision.number}",
                            (("sectionrevision", revision_uid),),
                        )
                    )
                    base = (revision_id, revision_uid)
            shared = select(SyncShadow.uid).where(col(SyncShadow.table_name) == "sectioncomment")
            comments = session.exec(
                select(SectionComment, Section.uid)
                .join(Section, col(Section.id) == SectionComment.section_id)
                .where(
                    col(SectionComment.uid).not_in(shared),
                    col(SectionComment.kind) == CommentKind.COMMENT.value,
                    col(SectionComment.section_id).not_in(blocked or {0}),
                )
                .order_by(col(SectionComment.id))
            ).all()
            for comment, section_uid in comments:
                fields = {"section": section_uid, "body": comment.body, "quote": comment.quote}
                outgoing.append(
                    Outgoing(
                        change("sectioncomment", comment.uid, fields, f"comment:{comment.uid}"),
                        f"{self._label(comment.section_id)}: ý kiến/comment",
                        (("sectioncomment", comment.uid),),
                    )
                )
        outgoing.extend(item for item in self._review_requests() if item.review_of not in blocked)
        return outgoing

    def _review_requests(self) -> list[Outgoing]:
        """Each section whose review state here is not the server's, as the request that would make it so."""
        requests: list[Outgoing] = []
        with self._context.database.begin() as session:
            rows = session.exec(
                select(Section, SyncShadow.fields).join(SyncShadow, col(SyncShadow.uid) == Section.uid)
            ).all()
            for section, shadow_text in rows:
                server = json.loads(shadow_text or "{}")
                request = review_request(session, section, server)
                if request is not None:
                    fields, what, words = request
                    # A return's comment is on the server once the return is applied.
                    shares = (("sectioncomment", fields["comment_uid"]),) if "comment_uid" in fields else ()
                    made = change("section", section.uid, fields, what)
                    requests.append(Outgoing(made, f"{self._label(section.id or 0)}: {words}", shares, section.id))
        return requests

    # Pushing ------------------------------------------------------------------------------------------

    def _push(
        self,
        connection: "SyncConnection",
        based_on: int,
        outbox: Sequence[Outgoing],
        report: SyncReport,
        refused: set[str],
    ) -> None:
        """Send the outbox in batches; PreconditionFailed (the server moved) goes up to pull and merge again."""
        for batch in batches(outbox):
            answer = connection.push(based_on, [item.change for item in batch])
            based_on = answer.library_version
            self._take(answer, batch, report, refused)

    def _take(self, answer: "PushAnswer", batch: Sequence[Outgoing], report: SyncReport, refused: set[str]) -> None:
        """Mark what the server now holds as shared; a refused review request gives the section back the server's
        state (the desktop shows what the server decided)."""
        by_id = {item.change["id"]: item for item in batch}
        with self._context.database.begin() as session:
            for result in answer.results:
                item = by_id.get(result.change_id)
                if item is None:
                    continue
                if result.status == "refused":
                    refused.add(result.change_id)
                    report.refused.append(Refusal(item.label, result.message_en, result.message_vi))
                    if item.review_of is not None:
                        restore_review(session, item.review_of)
                        for table, uid in item.shares:  # a refused return keeps its note as a comment, pushed next
                            note = session.scalars(select(SectionComment).where(col(SectionComment.uid) == uid)).first()
                            if table == "sectioncomment" and note is not None:
                                note.kind = CommentKind.COMMENT.value
                                session.add(note)
                    continue
                report.pushed.append(item.label)
                for table, uid in item.shares:
                    if session.get(SyncShadow, uid) is None:
                        session.add(SyncShadow(uid=uid, table_name=table, fields=""))
