"""Writing the dossier: the section tree, saving bodies with revisions, and structural edits."""

import unicodedata
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, update
from sqlalchemy import select as sa_select
from sqlalchemy.orm import aliased, defer
from sqlmodel import Session, col, select

from dossier_app.domain.enums import AuditAction, DocumentKind, SectionState
from dossier_app.domain.errors import QT_TRANSLATE_NOOP, Conflict, NotFound, StaleEdit, TooLarge, ValidationFailed
from dossier_app.domain.lifecycle import Action, state_after_edit
from dossier_app.domain.models import (
    Document,
    Project,
    Section,
    SectionRevision,
    SyncConflict,
    SyncRecordConflict,
    SyncShadow,
    as_utc,
    utc_now,
)
from dossier_app.domain.text import (
    body_columns,
    content_hash,
    normalise_body,
    searchable,
)
from dossier_app.services.accounts.audit import AuditTrail
from dossier_app.services.core.context import ServiceContext
from dossier_app.services.core.permissions import require_action

MAX_TITLE = 300
MAX_BODY_BYTES = 2 * 1_048_576  # a section is prose and tables; larger material belongs in an attachment


@dataclass(frozen=True)
class SectionNode:
    """A section as the navigator shows it."""

    id: int
    document_id: int
    parent_id: int | None
    title: str
    outline_key: str | None
    required: bool
    word_count: int
    children: tuple["SectionNode", ...] = ()
    state: SectionState = SectionState.DRAFT
    changed_since_approval: bool = False

    @property
    def written(self) -> bool:
        """A section counts as written once it has any words."""
        return self.word_count > 0


@dataclass(frozen=True)
class DocumentTree:
    """A document with its live sections and its written/required count."""

    id: int
    project_id: int
    kind: DocumentKind
    title: str
    sections: tuple[SectionNode, ...]
    required_written: int
    required_total: int


@dataclass(frozen=True)
class SectionView:
    """Everything the editor needs to show one section."""

    id: int
    project_id: int
    project_code: str
    document_id: int
    document_kind: DocumentKind
    document_title: str
    title: str
    outline_key: str | None
    required: bool
    body: str
    version: int
    word_count: int
    guidance_vi: str
    guidance_en: str
    updated_at: datetime
    updated_by: str


@dataclass(frozen=True)
class SaveResult:
    """What a save did: the version now stored and the revision it added, if the text changed."""

    section_id: int
    version: int
    changed: bool
    revision_number: int | None
    word_count: int
    revision: "RevisionView | None" = None


@dataclass(frozen=True)
class RevisionView:
    """One entry of a section's history."""

    id: int
    section_id: int
    number: int
    content_hash: str
    word_count: int
    author: str
    created_at: datetime
    restored_from: int | None
    body: str = ""


def _clean_title(title: str) -> str:
    cleaned = " ".join(unicodedata.normalize("NFC", title).split())
    if not cleaned:
        raise ValidationFailed(QT_TRANSLATE_NOOP("Errors", "The section title is empty."), field="title")
    if len(cleaned) > MAX_TITLE:
        raise ValidationFailed(
            QT_TRANSLATE_NOOP("Errors", "The section title is longer than {limit} characters."),
            field="title",
            limit=MAX_TITLE,
        )
    return cleaned


class DossierService:
    """Sections of a project's documents: reading, saving with history, adding, moving, deleting."""

    def __init__(self, context: ServiceContext, audit: AuditTrail) -> None:
        self._context = context
        self._audit = audit

    # Reading -----------------------------------------------------------------

    def sections_in_conflict(self) -> frozenset[int]:
        """The sections a sync left in conflict here (their text or their title changed differently here and on the
        server) that no save made since has settled: the navigator marks them."""
        ours, later = aliased(SectionRevision), aliased(SectionRevision)
        with self._context.database.begin() as session:
            texts = session.exec(
                select(SyncConflict.section_id)
                .join(ours, col(ours.uid) == SyncConflict.ours_revision_uid, isouter=True)
                .where(
                    col(SyncConflict.resolved_at).is_(None),
                    col(SyncConflict.blocks) > 0,
                    ~sa_select(col(later.id))  # a revision saved here after ours settles it
                    .where(
                        col(later.section_id) == SyncConflict.section_id,
                        col(later.id) > col(ours.id),
                        col(later.uid).not_in(select(SyncShadow.uid).where(SyncShadow.table_name == "sectionrevision")),
                    )
                    .exists(),
                )
            ).all()
            titles = session.exec(
                select(Section.id)
                .join(SyncRecordConflict, col(SyncRecordConflict.row_uid) == Section.uid)
                .where(col(SyncRecordConflict.table_name) == "section", col(SyncRecordConflict.resolved_at).is_(None))
            ).all()
        return frozenset(int(found or 0) for found in (*texts, *titles))

    def tree(self, project_id: int) -> list[DocumentTree]:
        """The project's documents with their live section trees, in order."""
        with self._context.database.begin() as session:
            documents = session.exec(
                select(Document).where(Document.project_id == project_id).order_by(col(Document.position))
            ).all()
            rows = session.execute(
                sa_select(
                    col(Section.id),
                    col(Section.document_id),
                    col(Section.parent_id),
                    col(Section.title),
                    col(Section.outline_key),
                    col(Section.required),
                    col(Section.word_count),
                    col(Section.state),
                    col(Section.changed_since_approval),
                )
                .join(Document, col(Document.id) == col(Section.document_id))
                .where(col(Document.project_id) == project_id, col(Section.deleted_at).is_(None))
                .order_by(col(Section.position), col(Section.id))
            ).all()
        by_parent: dict[tuple[int, int | None], list[tuple[Any, ...]]] = {}
        for row in rows:
            by_parent.setdefault((row[1], row[2]), []).append(tuple(row))

        def build(document_id: int, parent_id: int | None) -> tuple[SectionNode, ...]:
            return tuple(
                SectionNode(
                    id=r[0],
                    document_id=r[1],
                    parent_id=r[2],
                    title=r[3],
                    outline_key=r[4],
                    required=bool(r[5]),
                    word_count=r[6],
                    children=build(document_id, r[0]),
                    state=SectionState(r[7]),
                    changed_since_approval=bool(r[8]),
                )
                for r in by_parent.get((document_id, parent_id), [])
            )

        trees = []
        for document in documents:
            sections = build(document.id or 0, None)
            required = [n for n in walk_sections(sections) if n.required]
            trees.append(
                DocumentTree(
                    id=document.id or 0,
                    project_id=project_id,
                    kind=DocumentKind(document.kind),
                    title=document.title,
                    sections=sections,
                    required_written=sum(1 for n in required if n.written),
                    required_total=len(required),
                )
            )
        return trees

    def section(self, section_id: int) -> SectionView:
        """One live section with its body and the guidance its regime gives."""
        with self._context.database.begin() as session:
            section = self._live(session, section_id)
            document = session.get(Document, section.document_id)
            assert document is not None
            project = session.get(Project, document.project_id)
            assert project is not None
            node = None
            if section.outline_key and project.regime_key in self._context.regimes:
                node = self._context.regimes[project.regime_key].node(section.outline_key)
            return SectionView(
                id=section.id or 0,
                project_id=project.id or 0,
                project_code=project.code,
                document_id=document.id or 0,
                document_kind=DocumentKind(document.kind),
                document_title=document.title,
                title=section.title,
                outline_key=section.outline_key,
                required=section.required,
                body=section.body,
                version=section.version,
                word_count=section.word_count,
                guidance_vi=node.guidance_vi if node else "",
                guidance_en=node.guidance_en if node else "",
                updated_at=as_utc(section.updated_at),
                updated_by=section.updated_by,
            )

    def section_by_key(self, project_id: int, outline_key: str) -> SectionNode:
        """The live section a project's outline created for a key (demo text, checklists, exports)."""
        for tree in self.tree(project_id):
            for node in walk_sections(tree.sections):
                if node.outline_key == outline_key:
                    return node
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "The project has no section '{key}'."), key=outline_key)

    def revisions(self, section_id: int) -> list[RevisionView]:
        """The section's history, newest first, without bodies."""
        with self._context.database.begin() as session:
            rows = session.exec(
                select(SectionRevision)
                .options(defer(SectionRevision.body))  # type: ignore[arg-type]
                .where(SectionRevision.section_id == section_id)
                .order_by(col(SectionRevision.number).desc())
            ).all()
            return [_revision_view(r, with_body=False) for r in rows]

    def revision(self, revision_id: int) -> RevisionView:
        """One revision with its full body."""
        with self._context.database.begin() as session:
            revision = session.get(SectionRevision, revision_id)
            if revision is None:
                raise NotFound(QT_TRANSLATE_NOOP("Errors", "That revision does not exist."))
            return _revision_view(revision, with_body=True)

    # Writing -----------------------------------------------------------------

    def save_body(
        self, section_id: int, body: str, *, base_version: int | None = None, revision_uid: str | None = None
    ) -> SaveResult:
        """Store a new body; a changed text adds a revision, a save from a stale version is refused. A revision
        pushed by a desktop keeps the uid it was made with there (`revision_uid`), so it is one revision on both."""
        return self._store_body(
            section_id, body, base_version=base_version, restored_from=None, revision_uid=revision_uid
        )

    def restore_revision(self, revision_id: int, *, base_version: int | None = None) -> SaveResult:
        """Bring back an old text as a new revision; history is never rewritten."""
        old = self.revision(revision_id)
        return self._store_body(old.section_id, old.body, base_version=base_version, restored_from=old.number)

    def _store_body(
        self,
        section_id: int,
        body: str,
        *,
        base_version: int | None,
        restored_from: int | None,
        revision_uid: str | None = None,
    ) -> SaveResult:
        body = normalise_body(body)
        size = len(body.encode("utf-8"))
        if size > MAX_BODY_BYTES:
            raise TooLarge(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "The section text is {size} MB; a section may hold at most {limit} MB. "
                    "Split it into sub-sections or attach the material as a file. Nothing was saved.",
                ),
                size=f"{size / 1_048_576:,.1f}",
                limit=f"{MAX_BODY_BYTES / 1_048_576:,.0f}",
            )
        actor = self._context.operator.name
        with self._context.database.begin() as session:
            require_action(session, self._context, Action.EDIT)
            section = self._live(session, section_id)
            if base_version is not None and base_version != section.version:
                raise StaleEdit()
            if body == section.body:
                return SaveResult(section_id, section.version, False, None, section.word_count)
            text = body_columns(section.title, body)
            words, was = int(text["word_count"]), section.word_count
            new_version = section.version + 1
            now = utc_now()
            digest = content_hash(body)
            # New text is a new draft; the approved revision stays, flagged as no longer the text.
            state, edited_approved = state_after_edit(SectionState(section.state))
            changed = edited_approved or (bool(section.approved_hash) and digest != section.approved_hash)
            updated = session.execute(
                update(Section)
                .where(col(Section.id) == section_id, col(Section.version) == section.version)
                .values(
                    **text,
                    version=new_version,
                    updated_at=now,
                    updated_by=actor,
                    state=state.value,
                    changed_since_approval=changed,
                )
            )
            if updated.rowcount != 1:  # type: ignore[attr-defined]
                raise StaleEdit()
            last = session.exec(
                select(func.max(SectionRevision.number)).where(SectionRevision.section_id == section_id)
            ).one()
            number = (last or 0) + 1
            revision = SectionRevision(
                section_id=section_id,
                number=number,
                body=body,
                content_hash=digest,
                word_count=words,
                author=actor,
                created_at=now,
                restored_from=restored_from,
            )
            if revision_uid is not None:
                revision.uid = revision_uid
            session.add(revision)
            session.flush()
            origin = f" restored from revision {restored_from}" if restored_from else ""
            summary = f"revision {number}{origin}, {words} words (was {was}), sha256 {revision.content_hash[:12]}"
            if state.value != section.state:
                summary += f", {section.state} → {state.value}"
            action = AuditAction.SECTION_RESTORE if restored_from else AuditAction.SECTION_SAVE
            self._record(session, action, section, summary)
            return SaveResult(section_id, new_version, True, number, words, _revision_view(revision, with_body=False))

    # Structure ---------------------------------------------------------------

    def add_section(self, document_id: int, parent_id: int | None, title: str, uid: str | None = None) -> int:
        """Add a custom (not required) section as the last child of its parent (`uid`: the global id a desktop
        made for it, when a sync pushes it)."""
        title = _clean_title(title)
        actor = self._context.operator.name
        with self._context.database.begin() as session:
            require_action(session, self._context, Action.EDIT_STRUCTURE)
            if session.get(Document, document_id) is None:
                raise NotFound(QT_TRANSLATE_NOOP("Errors", "The document no longer exists."))
            if parent_id is not None and self._live(session, parent_id).document_id != document_id:
                raise ValidationFailed(
                    QT_TRANSLATE_NOOP("Errors", "The parent section belongs to another document."),
                    field="parent",
                )
            siblings = self._siblings(session, document_id, parent_id)
            section = Section(
                document_id=document_id,
                parent_id=parent_id,
                title=title,
                position=len(siblings),
                search_text=searchable(title, ""),
                updated_by=actor,
            )
            if uid is not None:
                section.uid = uid
            session.add(section)
            session.flush()
            under = f" under section {parent_id}" if parent_id is not None else ""
            summary = f"'{title}' added{under}, position {section.position}"
            self._record(session, AuditAction.SECTION_ADD, section, summary)
            return section.id or 0

    def rename_section(self, section_id: int, title: str) -> str:
        """Give a section a new title; returns the old one so the rename can be undone."""
        title = _clean_title(title)
        with self._context.database.begin() as session:
            require_action(session, self._context, Action.EDIT_STRUCTURE)
            section = self._live(session, section_id)
            old = section.title
            section.title = title
            section.search_text = searchable(title, section.plain_text)
            section.updated_at = utc_now()
            section.updated_by = self._context.operator.name
            session.add(section)
            self._record(session, AuditAction.SECTION_RENAME, section, f"'{old}' → '{title}'")
            return old

    def move_section(self, section_id: int, new_index: int) -> int:
        """Move a section among its siblings to `new_index`; returns its old index for undo."""
        with self._context.database.begin() as session:
            require_action(session, self._context, Action.EDIT_STRUCTURE)
            section = self._live(session, section_id)
            siblings = self._siblings(session, section.document_id, section.parent_id)
            old_index = next(i for i, s in enumerate(siblings) if s.id == section_id)
            if not 0 <= new_index < len(siblings):
                raise ValidationFailed(
                    QT_TRANSLATE_NOOP("Errors", "The section cannot move further."), field="position"
                )
            siblings.insert(new_index, siblings.pop(old_index))
            for index, sibling in enumerate(siblings):
                if sibling.position != index:
                    sibling.position = index
                    session.add(sibling)
            if new_index != old_index:
                summary = f"'{section.title}': position {old_index} → {new_index}"
                self._record(session, AuditAction.SECTION_MOVE, section, summary)
            return old_index

    def sibling_index(self, section_id: int) -> tuple[int, int]:
        """The section's index among its live siblings and how many there are."""
        with self._context.database.begin() as session:
            section = self._live(session, section_id)
            siblings = self._siblings(session, section.document_id, section.parent_id)
            return next(i for i, s in enumerate(siblings) if s.id == section_id), len(siblings)

    def delete_section(self, section_id: int) -> None:
        """Hide a section that the law does not require (with its sub-sections); undo brings it back."""
        with self._context.database.begin() as session:
            require_action(session, self._context, Action.EDIT_STRUCTURE)
            section = self._live(session, section_id)
            pending = [section]
            while pending:
                current = pending.pop()
                if current.required:
                    raise Conflict(
                        QT_TRANSLATE_NOOP(
                            "Errors", "'{title}' is required by the legal outline and cannot be deleted."
                        ),
                        title=current.title,
                    )
                pending.extend(
                    session.exec(
                        select(Section).where(Section.parent_id == current.id, col(Section.deleted_at).is_(None))
                    ).all()
                )
            section.deleted_at = utc_now()
            section.updated_by = self._context.operator.name
            session.add(section)
            self._record(session, AuditAction.SECTION_DELETE, section, f"'{section.title}' deleted")

    def undelete_section(self, section_id: int) -> None:
        """Bring back a deleted section where it was."""
        with self._context.database.begin() as session:
            require_action(session, self._context, Action.EDIT_STRUCTURE)
            section = session.get(Section, section_id)
            if section is None:
                raise NotFound(QT_TRANSLATE_NOOP("Errors", "The section no longer exists."))
            if section.deleted_at is None:
                return
            section.deleted_at = None
            section.updated_by = self._context.operator.name
            session.add(section)
            self._record(session, AuditAction.SECTION_UNDELETE, section, f"'{section.title}' brought back")

    # Internals ---------------------------------------------------------------

    def _record(self, session: Session, action: AuditAction, section: Section, summary: str) -> None:
        project_id = session.exec(select(Document.project_id).where(col(Document.id) == section.document_id)).first()
        self._audit.record(session, self._context.operator.name, action, "section", section.id, summary, project_id)

    @staticmethod
    def _live(session: Session, section_id: int) -> Section:
        section = session.get(Section, section_id)
        if section is None or section.deleted_at is not None:
            raise NotFound(QT_TRANSLATE_NOOP("Errors", "The section no longer exists."))
        return section

    @staticmethod
    def _siblings(session: Session, document_id: int, parent_id: int | None) -> list[Section]:
        parent_clause = col(Section.parent_id).is_(None) if parent_id is None else Section.parent_id == parent_id
        return list(
            session.exec(
                select(Section)
                .where(Section.document_id == document_id, parent_clause, col(Section.deleted_at).is_(None))
                .order_by(col(Section.position), col(Section.id))
            ).all()
        )


def walk_sections(nodes: tuple[SectionNode, ...]) -> list[SectionNode]:
    """Every node of a section tree, depth first, in outline order."""
    result: list[SectionNode] = []
    for node in nodes:
        result.append(node)
        result.extend(walk_sections(node.children))
    return result


def _revision_view(revision: SectionRevision, *, with_body: bool) -> RevisionView:
    return RevisionView(
        id=revision.id or 0,
        section_id=revision.section_id,
        number=revision.number,
        content_hash=revision.content_hash,
        word_count=revision.word_count,
        author=revision.author,
        created_at=as_utc(revision.created_at),
        restored_from=revision.restored_from,
        body=revision.body if with_body else "",
    )
