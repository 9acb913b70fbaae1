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

Pushed: the sections' revisions, comments and review requests, their outline changes (`structure_sync`), the
register's households (`row_sync`, merged field by field) and the projects' milestone plans, steps, facts and filing
dates (`project_records`, merged field by field); every other synced table is pulled (the server's row wins). Applying
a pull is `pulled_rows`; what is pushed and in which batches, `outbox`.
"""

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import defer
from sqlmodel import Session, col, select

from dossier_app.domain.enums import CommentKind
from dossier_app.domain.errors import CursorAhead, PreconditionFailed, SessionRefused
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
from dossier_app.domain.text import body_columns
from dossier_app.services.department.changes import MAX_LIMIT
from dossier_app.services.project_records.new_projects import (
    forget_sent,
    is_creation,
    join_twins,
    not_on_server,
    projects_to_create,
    remember_sent,
    settle_created,
    switches_first,
    switching,
)
from dossier_app.services.project_records.sync import (
    HOOKED,
    baselines_to_push,
    catalogue_removals_last,
    records_to_push,
    settle_record,
    shadow_once,
    shadow_seeded,
)
from dossier_app.services.sync.blobs import BlobProgress, BlobSync, attachment_changes
from dossier_app.services.sync.library import check_library, pin_library
from dossier_app.services.sync.local_reads import (
    revision_bodies,
    revision_ids,
    section_bodies,
    section_labels,
    shadowed,
    shared_heads,
)
from dossier_app.services.sync.outbox import CURSOR_KEY, Outgoing, batches, change, held_shadow, review_request
from dossier_app.services.sync.people import pushing_as, requester
from dossier_app.services.sync.pull_pages import Cancelled, Progress, Tally, pages, resume_cursor
from dossier_app.services.sync.pulled_rows import PulledRows, empty_tables, restore_review, review_settled
from dossier_app.services.sync.row_sync import households_to_push
from dossier_app.services.sync.structure_sync import (
    PullHooks,
    is_deletion,
    section_changes,
    settled,
    without_blocked_renames,
)
from dossier_app.storage.database import open_transaction

if TYPE_CHECKING:
    from dossier_app.services.core.context import ServiceContext
    from dossier_app.services.department.changes import ChangePage
    from dossier_app.services.dossier.dossiers import DossierService
    from dossier_app.services.dossier.projects import ProjectService
    from dossier_app.services.sync.client import PushAnswer, SyncConnection
    from dossier_app.services.sync.people import ReplicaPeople

SERVER_KEY = "sync.server"  # the server it was pulled from
PIN_PREFIX = "sync.pin."  # + 'host:port': the certificate fingerprint trusted for that server
MAX_ROUNDS = 6  # pull, merge, push rounds in one sync (a 412 costs one)
PAGES_PER_COMMIT = 5  # pages applied in one transaction: fewer commits (each waits for the disk), short locks


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
    to_check: list[str] = field(default_factory=list)  # what a person must look at (numbers both desks issued)
    unplaced: int = 0  # pulled rows whose parent is neither here nor on the feed (left out: the copy is not whole)
    retried: int = 0  # pushes refused because the server had moved (412), then pulled, merged and sent again
    waiting_for: list[str] = field(default_factory=list)  # people whose changes wait until they sign in again
    library_version: int = 0
    downloaded: int = 0  # attachment files fetched from the server
    uploaded: int = 0  # attachment files sent to the server
    unavailable: list[str] = field(default_factory=list)  # attachments here whose bytes the server does not have
    held_back: list[str] = field(default_factory=list)  # attachments made here whose bytes could not be sent
    cancelled: bool = False  # stopped between two pages: what was pulled is kept, nothing was pushed

    @property
    def clean(self) -> bool:
        """Nothing left in conflict, kept despite a deletion, refused, left out or waiting for someone; every
        attachment's bytes here."""
        return (
            not self.conflicts
            and not self.refused
            and not self.kept
            and not self.to_check
            and not self.unplaced
            and not self.waiting_for
            and not (self.unavailable or self.held_back)
        )


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
    record: int | None = None  # the merge record decided by an earlier page of this pull
    decided: tuple[int, str] | None = None  # the server's revision that record was decided against


class ReplicaService:
    """Sync and conflicts of this database as a replica (the services act locally; the server decides)."""

    def __init__(
        self,
        context: "ServiceContext",
        dossiers: "DossierService",
        projects: "ProjectService",
        people: "ReplicaPeople",
    ) -> None:
        self._context = context
        self._dossiers, self._projects, self._people = dossiers, projects, people

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

    def keep_ours(self, section_id: int, body: str) -> bool:
        """Resolve the section's conflict keeping our text unchanged (`body` is the text it holds); see keeping."""
        from dossier_app.services.sync.keeping import keep_ours

        return keep_ours(self._context, section_id, body)

    # Sync ------------------------------------------------------------------------------------------

    def sync(
        self,
        connection: "SyncConnection",
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
        *,
        blob_progress: BlobProgress | None = None,
    ) -> SyncReport:
        """Pull, merge, push, pull again, with a signed-in connection; a 412 sends it round once more. `progress`
        hears (changes pulled, changes to pull) after each page; `cancelled` is asked between pages and stops the
        sync there (`report.cancelled`), leaving a replica the next sync resumes. Attachments' bytes go up before
        their rows and come down after the last pull (`blobs`)."""
        report = SyncReport()
        self._people.refresh(connection)  # the roles the server gives the person now
        self._finish_merges(report)  # one a crash interrupted after its pull was applied
        cursor, refused = self.cursor(), set[str]()
        with self._context.database.begin() as session:
            shadow_once(session, cursor)  # a replica from before records were pushed
        blobs = BlobSync(self._context, connection, blob_progress)
        first = cursor == 0
        for _round in range(MAX_ROUNDS):
            cursor = self._pull(connection, cursor, report, progress, cancelled)
            if first:  # the catalogues seeded here before the first pull are not work made here
                first = False
                with self._context.database.begin() as session:
                    shadow_seeded(session)
            if report.cancelled:
                break
            self._merge_late_work(report)
            outbox = [item for item in self._outbox(report, hold_new=True) if refused.isdisjoint(item.known_as())]
            if not outbox:
                break
            outbox, held = blobs.send_lacking(outbox)
            refused.update(key for item in held for key in item.known_as())  # they wait here for the next sync
            try:
                if not self._push(connection, cursor, outbox, report, refused):
                    break  # all that is left waits for people to sign in again
            except PreconditionFailed:
                report.retried += 1
        blobs.fetch_missing()
        report.downloaded, report.uploaded = len(blobs.downloaded), len(blobs.uploaded)
        report.unavailable, report.held_back = blobs.unavailable, blobs.held_back
        report.library_version = cursor
        self._people.synced(connection.username or "")
        return report

    def _pull(
        self,
        connection: "SyncConnection",
        cursor: int,
        report: SyncReport,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
    ) -> int:
        """Every change after `cursor`, a few pages per transaction (pull_pages), the merges decided with each page,
        the cursor reached committed with them. Cancelled between pages, what is applied is committed and the merges
        decided so far are finished at the next sync."""
        work = self._work()
        edited, reviewed = {item.uid for item in work.values()}, self._review_sections()
        start, waiting, tally = cursor, list[Mapping[str, Any]](), Tally(cursor, progress)
        while True:
            try:
                feed, more = pages(connection, cursor, MAX_LIMIT), True
                fresh = frozenset[str]()
                if cursor == 0:  # a first sync: the tables still empty need no lookups of the rows pulled in
                    with self._context.database.begin() as session:
                        fresh = empty_tables(session)
                while more:
                    with self._context.database.begin() as session:
                        for taken in range(PAGES_PER_COMMIT):
                            page = next(feed)
                            if taken == 0:  # the window's saves wait for the page, not between what it reads and writes
                                open_transaction(session, immediate=True)
                            waiting, cursor = self._apply_page(
                                session, connection, page, waiting, work, edited, reviewed, report, fresh
                            )
                            tally.page(page)
                            more = page.more
                            if more and cancelled is not None and cancelled():
                                report.cancelled = True
                            if not more or report.cancelled:
                                break
                    if report.cancelled:
                        return cursor
                break
            except CursorAhead:
                self._check_library(connection)  # a restored or other library stops here, before any pull
                if start == 0:
                    raise
                cursor = start = 0  # the server's library is not the one this replica pulled: pull it whole
                waiting = []
                tally.restart(0)
        self._finish_merges(report)
        return cursor

    def _apply_page(
        self,
        session: Session,
        connection: "SyncConnection",
        page: "ChangePage",
        waiting: Sequence[Mapping[str, Any]],
        work: Mapping[int, _Work],
        edited: set[str],
        reviewed: set[str],
        report: SyncReport,
        fresh: frozenset[str] = frozenset(),
    ) -> tuple[list[Mapping[str, Any]], int]:
        """One page (and the rows an earlier one left waiting) with the cursor it reaches and the merges it decides,
        in the caller's transaction; the rows still waiting and that cursor."""
        check_library(session, _library_of(connection), connection.base_url)
        pulled = [*waiting, *page.changes, *page.parents]
        self._join_twins(session, pulled, work, edited, reviewed)
        hooks = PullHooks(session)  # the register's households and the outline changes made here
        applied = PulledRows(session, edited, reviewed, hooks, fresh).apply(pulled, page.deleted, final=not page.more)
        report.kept.extend(label for label in hooks.kept if label not in report.kept)
        report.to_check.extend(label for label in hooks.to_check if label not in report.to_check)
        report.conflicts.extend(hooks.conflicts)
        report.merged.extend(hooks.merged)
        report.pulled += applied.applied
        report.unplaced += applied.unplaced
        for section_id in applied.kept:
            label = self._label(section_id, session)
            if label not in report.kept:
                report.kept.append(label)
        cursor = resume_cursor(page, applied.waiting)
        self._set(session, CURSOR_KEY, str(cursor))
        self._set(session, SERVER_KEY, connection.base_url)
        pin_library(session, _library_of(connection))
        self._decide_merges(session, work, report)
        return applied.waiting, cursor

    @staticmethod
    def _join_twins(
        session: Session,
        pulled: Sequence[Mapping[str, Any]],
        work: Mapping[int, _Work],
        edited: set[str],
        reviewed: set[str],
    ) -> None:
        """Sections made here that the server made too (new_projects.join_twins) become the server's before its rows
        come in; the work waiting in them follows them under their new uids."""
        renamed = join_twins(session, pulled)
        if not renamed:
            return
        for uids in (edited, reviewed):
            uids.update(renamed[uid] for uid in uids & renamed.keys())
        for item in work.values():
            item.uid = renamed.get(item.uid, item.uid)

    def _check_library(self, connection: "SyncConnection") -> None:
        with self._context.database.begin() as session:
            check_library(session, _library_of(connection), connection.base_url)

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
            heads = shared_heads(session, work)
            for item in work.values():
                item.head = heads.get(item.section_id)
            open_conflicts = session.scalars(
                select(SyncConflict).where(col(SyncConflict.resolved_at).is_(None), col(SyncConflict.blocks) > 0)
            ).all()
            ours_ids = revision_ids(
                session, [row.ours_revision_uid for row in open_conflicts if row.section_id in work]
            )
            for conflict in open_conflicts:
                waiting = work.get(conflict.section_id)
                if waiting is None:
                    continue
                ours = ours_ids.get(conflict.ours_revision_uid)
                newer = [uid for revision_id, uid in waiting.revisions if ours is None or revision_id > ours]
                if newer:
                    conflict.resolved_at, conflict.resolved_by_revision_uid = utc_now(), newer[-1]
                    session.add(conflict)
                else:
                    waiting.blocked = True
        return work

    def _decide_merges(self, session: Session, work: Mapping[int, _Work], report: SyncReport) -> None:
        """In the pull's own transaction, so a crash cannot lose the base: for each section whose server revision
        moved past its base while revisions waited here, a record with the three texts; `blocks` 0 is a clean merge
        still to save (`_finish_merges`), more is a conflict."""
        heads, labels = shared_heads(session, work), section_labels(session, work)
        moved = [
            item for item in work.values() if not item.blocked and heads.get(item.section_id) not in (None, item.head)
        ]
        texts = revision_bodies(session, [r[0] for item in moved for r in (item.head, heads[item.section_id]) if r])
        current = section_bodies(session, [item.section_id for item in moved])  # read before any conflict is added
        shared = shadowed(session, [r[1] for item in work.values() if not item.blocked for r in item.revisions])
        decided: list[tuple[_Work, SyncConflict, tuple[int, str]]] = []
        for item in work.values():
            if item.blocked:
                label = labels[item.section_id]
                if label not in report.conflicts:
                    report.conflicts.append(label)
                continue
            theirs = heads.get(item.section_id)
            # Revisions of ours the server applied before this desk heard its answer (a push cut off) came back in
            # the pull: the last of them is the base now, and if it is the server's latest there is nothing to merge.
            came_back = [revision for revision in item.revisions if revision[1] in shared]
            base_of = came_back[-1] if came_back else item.head
            if theirs is None or theirs == base_of or theirs == item.decided:
                continue
            base_text = _body_of(session, texts, base_of)
            ours, theirs_body = current[item.section_id], _body_of(session, texts, theirs)
            outcome = merge_sections(base_text, ours, theirs_body)
            # A later page of the same pull that moves the server's revision again decides the same record anew.
            record = (session.get(SyncConflict, item.record) if item.record else None) or SyncConflict(
                section_id=item.section_id,
                base_revision_uid=base_of[1] if base_of else "",
                ours_revision_uid=item.revisions[-1][1],
                base_text=base_text,
                ours_text=ours,
                theirs_revision_uid=theirs[1],
                theirs_text=theirs_body,
            )
            record.theirs_revision_uid, record.theirs_text = theirs[1], theirs_body
            record.blocks = len(outcome.conflicts)
            session.add(record)
            decided.append((item, record, theirs))
            label = labels[item.section_id]
            if not outcome.clean and label not in report.conflicts:
                report.conflicts.append(label)
            elif outcome.clean and label in report.conflicts:
                report.conflicts.remove(label)
        session.flush()  # the records' ids, for a later page of the same pull that decides them anew
        for item, record, theirs in decided:
            item.record, item.decided = record.id, theirs

    def _merge_late_work(self, report: SyncReport) -> None:
        """Revisions saved here while the pull ran (the window saves while a sync works in the background) were not
        in the work the pull held and merged: the pull wrote the server's text over them. Such work, begun before the
        server's latest revision came in and not merged with it (no conflict record names it), gets its text back and
        is merged now from what its first revision was written on, rather than pushed on top of the server's text as
        if written on it (which took the other desk's edit out of the section's text)."""
        work = self._work()
        with self._context.database.begin() as session:
            ready = [item.section_id for item in work.values() if not item.blocked]
            heads = shared_heads(session, ready)
            named = set(
                session.exec(
                    select(SyncConflict.section_id, SyncConflict.theirs_revision_uid).where(
                        col(SyncConflict.section_id).in_(ready)
                    )
                ).all()
            )
            late = {
                item.section_id: item
                for item in work.values()
                if not item.blocked
                and (theirs := heads.get(item.section_id)) is not None
                and theirs[0] > item.revisions[0][0]  # came in after the first revision made here
                and (item.section_id, theirs[1]) not in named
            }
            if not late:
                return
            written_on = shared_heads(session, late, {item.section_id: item.revisions[0][0] for item in late.values()})
            for item in late.values():
                item.head = written_on.get(item.section_id)
                _show_last_revision(session, item)  # the pull took it for the server's: ours again, as a held one's
            self._decide_merges(session, late, report)
        self._finish_merges(report)

    def _finish_merges(self, report: SyncReport) -> None:
        """Save each clean merge decided (also one a crash interrupted) as a revision here; the push then sends the
        offline revisions and the merged one on top of the server's latest."""
        with self._context.database.begin() as session:
            pending = session.scalars(
                select(SyncConflict).where(col(SyncConflict.resolved_at).is_(None), col(SyncConflict.blocks) == 0)
            ).all()
            merges = [
                (int(row.id or 0), row.section_id, row.base_text, row.ours_text, row.theirs_text) for row in pending
            ]
        for record_id, section_id, base_text, ours, theirs in merges:
            dossiers = self._people.author_of(record_id) or self._dossiers  # saved as whoever wrote ours
            saved = dossiers.save_body(section_id, merge_sections(base_text, ours, theirs).text)
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

    def _outbox(self, report: SyncReport, *, hold_new: bool = False) -> list[Outgoing]:
        """Everything made here the server does not hold yet: projects made here first, then revisions (chained on
        the server's latest), comments, review requests; nothing of a section still in conflict, nor of the demo's
        projects made here. `hold_new`: nothing of a project made here, nor of a section a regime switch made here,
        until the server has made it."""
        outgoing = self._work_outbox(report)
        with self._context.database.begin() as session:
            to_make, sample = not_on_server(session)
            creations = projects_to_create(session, to_make)
            outgoing = switches_first(session, outgoing)
        made_by_switch = switching(outgoing)
        return creations + [
            item
            for item in outgoing
            if not sample.holds(item) and not (hold_new and (to_make.holds(item) or made_by_switch.holds(item)))
        ]

    def _work_outbox(self, report: SyncReport) -> list[Outgoing]:
        """The work made here in projects, the register and the catalogues, in the order the server takes it."""
        work = self._work()
        blocked = {item.section_id for item in work.values() if item.blocked}
        with self._context.database.begin() as session:
            outline = without_blocked_renames(session, section_changes(session))
        outgoing: list[Outgoing] = [item for item in outline if not is_deletion(item)]  # sections before their work
        with self._context.database.begin() as session:
            ready = [item.section_id for item in work.values() if not item.blocked]
            heads, labels = shared_heads(session, ready), section_labels(session, ready)
            for item in work.values():
                if item.blocked:
                    continue
                label = labels[item.section_id]
                base = heads.get(item.section_id)
                for revision_id, revision_uid in item.revisions:
                    revision = session.get(SectionRevision, revision_id)
                    assert revision is not None
                    held = session.get(SectionRevision, base[0]) if base else None
                    if held is not None and held.body == revision.body:
                        # Another desk reached this very text first: the server holds it (it would take this
                        # revision as unchanged and make none, so the next one would name a base it lacks).
                        session.add(held_shadow(revision_uid, held.uid))
                        continue
                    fields = {"section": item.uid, "base": base[1] if base else None, "body": revision.body}
                    outgoing.append(
                        Outgoing(
                            change("sectionrevision", revision_uid, fields, f"rev:{revision_uid}"),
                            f"{label}: phiên bản/revision {revision.number}",
                            (("sectionrevision", revision_uid),),
                            author=revision.author,
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
                        author=comment.author,
                    )
                )
        outgoing.extend(item for item in self._review_requests() if item.review_of not in blocked)
        with self._context.database.begin() as session:
            outgoing.extend(attachment_changes(session, self._label))
            # the catalogues and projects' records changed here (project_records), around the households using them
            records, removed_codes = catalogue_removals_last(records_to_push(session))
            outgoing.extend(records)
            outgoing.extend(households_to_push(session))  # the register's households changed here (row_sync)
            outgoing.extend(removed_codes)
            outgoing.extend(baselines_to_push(session))  # baselines taken here, after the steps they froze
        outgoing.extend(item for item in outline if is_deletion(item))  # after the work done on them before
        return outgoing

    def _review_requests(self) -> list[Outgoing]:
        """Each section whose review state here is not the server's, as the request that would make it so."""
        requests: list[Outgoing] = []
        with self._context.database.begin() as session:
            rows = session.exec(
                select(Section, SyncShadow.fields)
                .join(SyncShadow, col(SyncShadow.uid) == Section.uid)
                .where(col(SyncShadow.table_name) == "section")  # not a scan of a large register's shadows
                .options(defer(Section.body), defer(Section.plain_text), defer(Section.search_text))  # type: ignore[arg-type]
            ).all()
            for section, shadow_text in rows:
                server = json.loads(shadow_text or "{}")
                request = review_request(session, section, server)
                if request is not None:
                    fields, what, words = request
                    # A return's comment is on the server once the return is applied.
                    shares = (("sectioncomment", fields["comment_uid"]),) if "comment_uid" in fields else ()
                    made = change("section", section.uid, fields, what)
                    label, author = f"{self._label(section.id or 0)}: {words}", requester(session, section, fields)
                    requests.append(Outgoing(made, label, shares, section.id, author))
        return requests

    # Pushing ------------------------------------------------------------------------------------------

    def _push(
        self,
        connection: "SyncConnection",
        based_on: int,
        outbox: Sequence[Outgoing],
        report: SyncReport,
        refused: set[str],
    ) -> bool:
        """Send the outbox in batches, each person's changes with their own token (people.py); a person whose token
        the server refuses waits; PreconditionFailed (the server moved) goes up to pull and merge again. Whether
        anything was sent."""
        sent = False
        for author, token, run in self._people.runs(connection, outbox, report.waiting_for):
            try:
                with pushing_as(connection, token, author):
                    for batch in batches(run):
                        self._remember_creations(batch)
                        answer = connection.push(based_on, [item.change for item in batch])
                        based_on, sent = answer.library_version, True
                        self._take(answer, batch, report, refused)
            except SessionRefused as error:
                if token is None:
                    raise  # the signed-in connection's own session: the sync cannot go on
                self._people.hold(author, error, report.waiting_for)
                refused.update(key for item in run for key in item.known_as())
        return sent

    def _remember_creations(self, batch: Sequence[Outgoing]) -> None:
        """The projects made here in this batch, as sent, kept until answered (new_projects.remember_sent)."""
        creations = [item.change for item in batch if is_creation(item.change)]
        if creations:
            with self._context.database.begin() as session:
                for pushed in creations:
                    remember_sent(session, pushed)

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
                    if is_creation(item.change):
                        forget_sent(session, item.change["uid"])  # not made: the next try is its first
                    refused.update(item.known_as())
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
                if item.review_of is not None:
                    review_settled(session, item.review_of)
                if item.change["table"] == "section" and "structure" in item.change["fields"]:
                    settled(session, item.change)
                if is_creation(item.change):
                    regime = self._context.regimes.get(str(item.change["fields"].get("regime_key")))
                    settle_created(session, item.change, regime)
                elif item.change["table"] in HOOKED:
                    settle_record(session, item.change)
                for table, uid in item.shares:
                    if session.get(SyncShadow, uid) is None:
                        session.add(SyncShadow(uid=uid, table_name=table, fields=""))


def _library_of(connection: "SyncConnection") -> str:
    """The library id the server's feed named ("" from a connection that knows none: an older server, a test's feed)."""
    return str(getattr(connection, "library_id", "") or "")


def _show_last_revision(session: Session, item: _Work) -> None:
    """The section holds the text of the last revision made here again (the pull took it for the server's)."""
    section, revision = session.get(Section, item.section_id), session.get(SectionRevision, item.revisions[-1][0])
    assert section is not None and revision is not None
    for column, value in body_columns(section.title, revision.body).items():
        setattr(section, column, value)
    session.add(section)


def _body_of(session: Session, texts: Mapping[int, str], revision: tuple[int, str] | None) -> str:
    """A revision's text, from those read in bulk or else on its own ("" for none: no shared base)."""
    if revision is None:
        return ""
    if revision[0] in texts:
        return texts[revision[0]]
    found = session.get(SectionRevision, revision[0])
    return found.body if found is not None else ""
