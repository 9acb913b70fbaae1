"""What a replica's sync reads about many sections at once: each one's shared head revision and how the command line
names it, one query per chunk of sections instead of one per section (a sync runs them inside its pull's
transaction, where every query also flushes the session first)."""

from collections.abc import Collection

from sqlmodel import Session, col, select

from dossier_app.domain.models import Document, Project, Section, SectionRevision, SyncShadow

_CHUNK = 500  # section ids per IN (...)


def _chunks(ids: Collection[int]) -> list[list[int]]:
    ordered = sorted(set(ids))
    return [ordered[start : start + _CHUNK] for start in range(0, len(ordered), _CHUNK)]


def shared_heads(session: Session, section_ids: Collection[int]) -> dict[int, tuple[int, str]]:
    """Each section's shared revision of the highest number, (id, uid): what the server had last time; a section
    sharing none is absent."""
    shared = select(SyncShadow.uid).where(col(SyncShadow.table_name) == "sectionrevision")
    heads: dict[int, tuple[int, str]] = {}
    for chunk in _chunks(section_ids):
        rows = session.exec(
            select(SectionRevision.section_id, SectionRevision.id, SectionRevision.uid)
            .where(col(SectionRevision.section_id).in_(chunk), col(SectionRevision.uid).in_(shared))
            .order_by(col(SectionRevision.number).desc(), col(SectionRevision.id).desc())
        ).all()
        for section_id, revision_id, uid in rows:
            heads.setdefault(int(section_id), (int(revision_id or 0), str(uid)))
    return heads


def section_labels(session: Session, section_ids: Collection[int]) -> dict[int, str]:
    """How the command line names each section: project code and outline key (or #id); #id for one not here."""
    labels = {section_id: f"#{section_id}" for section_id in section_ids}
    for chunk in _chunks(section_ids):
        rows = session.exec(
            select(Section.id, Project.code, Section.outline_key)
            .join(Document, col(Document.id) == Section.document_id)
            .join(Project, col(Project.id) == Document.project_id)
            .where(col(Section.id).in_(chunk))
        ).all()
        for section_id, code, key in rows:
            labels[int(section_id or 0)] = f"{code} {key or f'#{section_id}'}"
    return labels
