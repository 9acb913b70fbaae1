"""What a replica's sync reads about many sections at once: each one's shared head revision, how the command line
names it, the texts a merge needs, one query per chunk of sections instead of one per section (a sync runs them
inside its pull's transaction, where every query also flushes the session first)."""

from collections.abc import Collection, Hashable, Mapping, Sequence
from typing import Any, TypeVar

from sqlmodel import Session, col, select

from dossier_app.domain.models import Document, Project, Section, SectionRevision, SyncShadow

_CHUNK = 500  # keys per IN (...)
Key = TypeVar("Key", bound=Hashable)


def _chunks(keys: Collection[Key]) -> list[list[Key]]:
    unique: Sequence[Key] = list(dict.fromkeys(keys))
    return [list(unique[start : start + _CHUNK]) for start in range(0, len(unique), _CHUNK)]


def _pairs(session: Session, key: Any, value: Any, keys: Collection[Key]) -> dict[Key, Any]:
    """{key: value} of the rows whose `key` column is one of `keys`."""
    found: dict[Key, Any] = {}
    for chunk in _chunks(keys):
        found.update({row[0]: row[1] for row in session.exec(select(key, value).where(col(key).in_(chunk))).all()})
    return found


def revision_bodies(session: Session, revision_ids: Collection[int]) -> dict[int, str]:
    """The text of each revision."""
    return _pairs(session, SectionRevision.id, SectionRevision.body, revision_ids)


def section_bodies(session: Session, section_ids: Collection[int]) -> dict[int, str]:
    """The text each section holds now."""
    return _pairs(session, Section.id, Section.body, section_ids)


def revision_ids(session: Session, uids: Collection[str]) -> dict[str, int]:
    """The local id of each revision uid here (a uid not here is absent)."""
    return _pairs(session, SectionRevision.uid, SectionRevision.id, uids)


def shadowed(session: Session, uids: Collection[str]) -> set[str]:
    """Those of these uids the server holds, as last pulled (a shadow)."""
    return set(_pairs(session, SyncShadow.uid, SyncShadow.table_name, uids))


def shared_heads(
    session: Session, section_ids: Collection[int], before: Mapping[int, int] | None = None
) -> dict[int, tuple[int, str]]:
    """Each section's shared revision of the highest number, (id, uid): what the server had last time; a section
    sharing none is absent. `before` (section → a revision's id): among the revisions here before that one (what a
    revision made here was written on; a revision pulled later has a higher id)."""
    shared = select(SyncShadow.uid).where(col(SyncShadow.table_name) == "sectionrevision")
    heads: dict[int, tuple[int, str]] = {}
    for chunk in _chunks(section_ids):
        rows = session.exec(
            select(SectionRevision.section_id, SectionRevision.id, SectionRevision.uid)
            .where(col(SectionRevision.section_id).in_(chunk), col(SectionRevision.uid).in_(shared))
            .order_by(col(SectionRevision.number).desc(), col(SectionRevision.id).desc())
        ).all()
        for section_id, revision_id, uid in rows:
            limit = None if before is None else before.get(int(section_id))
            if limit is None or int(revision_id or 0) < limit:
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
