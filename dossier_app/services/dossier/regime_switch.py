"""Switching a project's regime: sections follow their outline keys; those the new regime lacks are kept aside."""

from collections.abc import Mapping
from dataclasses import dataclass

from sqlmodel import Session, col, select

from dossier_app.domain.enums import DocumentKind
from dossier_app.domain.models import Document, Project, Section, new_uid
from dossier_app.domain.outline import OutlineNode, Regime
from dossier_app.domain.text import searchable

# Sections outside the regime sort after the regime's own sections of their document.
OUTSIDE_POSITION = 1000


def document_uid_key(kind: str) -> str:
    """Where a document's uid is found in the uids a project is made or switched with (a desktop's own)."""
    return f"document:{kind}"


def section_uid_key(kind: str, outline_key: str) -> str:
    """Where a section's uid is found in those uids: its document's kind and outline key."""
    return f"section:{kind}:{outline_key}"


@dataclass(frozen=True)
class OutsideSection:
    """A section whose outline key the regime does not have: kept, listed, never deleted."""

    id: int
    key: str
    title: str
    document_title: str
    written: bool


@dataclass(frozen=True)
class RegimeSwitchPlan:
    """What switching to a regime does: sections moved by key, sections created, sections kept outside."""

    from_regime: str
    to_regime: str
    mapped: tuple[str, ...]
    created: tuple[str, ...]
    outside: tuple[OutsideSection, ...]

    def summary(self) -> str:
        """One line for the audit trail."""
        outside = ", ".join(s.key for s in self.outside) or "none"
        return (
            f"{self.from_regime} → {self.to_regime}: {len(self.mapped)} sections mapped, "
            f"{len(self.created)} created, {len(self.outside)} kept outside the regime ({outside})"
        )


def _live_sections(session: Session, project_id: int) -> list[Section]:
    query = (
        select(Section)
        .join(Document, col(Document.id) == col(Section.document_id))
        .where(col(Document.project_id) == project_id, col(Section.deleted_at).is_(None))
        .order_by(col(Section.position), col(Section.id))
    )
    return list(session.exec(query))


def _documents(session: Session, project_id: int) -> dict[str, Document]:
    rows = session.exec(select(Document).where(Document.project_id == project_id)).all()
    return {d.kind: d for d in rows}


def plan_switch(session: Session, project: Project, old: Regime, new: Regime) -> RegimeSwitchPlan:
    """What a switch would do, without writing anything."""
    keys = {node.key for document in new.documents for node in document.walk()}
    sections = _live_sections(session, project.id or 0)
    titles = {d.id: d.title for d in _documents(session, project.id or 0).values()}
    present = {s.outline_key for s in sections if s.outline_key}
    ordered = [node.key for document in new.documents for node in document.walk()]
    outside = tuple(
        OutsideSection(s.id or 0, s.outline_key, s.title, titles.get(s.document_id, ""), s.word_count > 0)
        for s in sections
        if s.outline_key and s.outline_key not in keys
    )
    return RegimeSwitchPlan(
        old.key,
        new.key,
        tuple(k for k in ordered if k in present),
        tuple(k for k in ordered if k not in present),
        outside,
    )


def apply_switch(
    session: Session, project: Project, old: Regime, new: Regime, actor: str, uids: Mapping[str, str] | None = None
) -> RegimeSwitchPlan:
    """Move every section with a key of the new regime to its place, create the missing ones, set the rest aside;
    `uids`: the ids a desktop made the new rows with (a switch made on a replica keeps them on the server)."""
    given = uids or {}
    plan = plan_switch(session, project, old, new)
    sections = _live_sections(session, project.id or 0)
    by_key = {s.outline_key: s for s in sections if s.outline_key}
    documents = _documents(session, project.id or 0)
    for position, outline in enumerate(new.documents):
        document = documents.get(outline.kind)
        if document is None:
            document = Document(
                uid=given.get(document_uid_key(outline.kind)) or new_uid(),
                project_id=project.id or 0,
                kind=outline.kind,
                title=outline.title_vi,
            )
            session.add(document)
            documents[outline.kind] = document
        document.position = position
        if document.title in {d.title_vi for d in old.documents if d.kind == outline.kind}:
            document.title = outline.title_vi  # follow the law's wording unless a person renamed it
        session.flush()
        _place(session, document, None, outline.sections, by_key, old, actor, given)
    kinds = {outline.kind for outline in new.documents}
    for offset, document in enumerate(d for d in documents.values() if DocumentKind(d.kind) not in kinds):
        document.position = len(new.documents) + offset
    for section in sections:
        if section.outline_key and new.node(section.outline_key) is None:
            section.required = False
            if section.parent_id is None and section.position < OUTSIDE_POSITION:
                section.position += OUTSIDE_POSITION
    _follow_parents(session, project.id or 0)
    session.flush()
    return plan


def _place(
    session: Session,
    document: Document,
    parent: Section | None,
    nodes: tuple[OutlineNode, ...],
    by_key: dict[str, Section],
    old: Regime,
    actor: str,
    uids: Mapping[str, str],
) -> None:
    for node in nodes:
        section = by_key.get(node.key)
        if section is None:
            section = Section(
                uid=uids.get(section_uid_key(document.kind, node.key)) or new_uid(),
                document_id=document.id or 0,
                outline_key=node.key,
                title=node.title_vi,
                search_text=searchable(node.title_vi, ""),
                updated_by=actor,
            )
        else:
            before = old.node(node.key)
            if before is not None and section.title == before.title_vi and section.title != node.title_vi:
                section.title = node.title_vi  # follow the law's wording unless a person renamed it
        section.document_id = document.id or 0
        section.parent_id = parent.id if parent else None
        section.position = node.order
        section.required = node.required
        session.add(section)
        session.flush()
        _place(session, document, section, node.children, by_key, old, actor, uids)


def _follow_parents(session: Session, project_id: int) -> None:
    """Custom sub-sections move with their parent into its document."""
    sections = {s.id: s for s in _live_sections(session, project_id)}
    changed = True
    while changed:
        changed = False
        for section in sections.values():
            parent = sections.get(section.parent_id) if section.parent_id else None
            if parent is not None and section.document_id != parent.document_id:
                section.document_id = parent.document_id
                changed = True


def outside_sections(session: Session, project: Project, regime: Regime) -> tuple[OutsideSection, ...]:
    """The project's live sections whose outline keys its regime lacks (kept from an earlier regime)."""
    return plan_switch(session, project, regime, regime).outside
