"""Resolving a sync conflict by keeping our text as it is. A save of the same text makes no revision, so the
conflict would stay open for ever; instead the record is closed by our latest revision (the one the conflict was
found with), and the next sync pushes the waiting revisions on top of the server's head, so the server accepts
them and ends at our text. A revision repeating the same text is not made: the server would answer it
`unchanged` without keeping it, and the next edit, based on it, would be refused as stale.
"""

from sqlmodel import Session, col, select

from dossier_app.domain.lifecycle import Action
from dossier_app.domain.models import Section, SyncConflict, utc_now
from dossier_app.domain.text import normalise_body
from dossier_app.services.core.context import ServiceContext
from dossier_app.services.core.permissions import require_action


def keep_ours(context: ServiceContext, section_id: int, body: str) -> bool:
    """Close the section's open conflicts when `body` is the text it holds (ours); whether one was closed."""
    with context.database.begin() as session:
        require_action(session, context, Action.EDIT)
        section = session.get(Section, section_id)
        if section is None or section.body != normalise_body(body):
            return False
        return _close(session, section_id)


def _close(session: Session, section_id: int) -> bool:
    records = session.scalars(
        select(SyncConflict).where(
            col(SyncConflict.section_id) == section_id,
            col(SyncConflict.resolved_at).is_(None),
            col(SyncConflict.blocks) > 0,
        )
    ).all()
    for record in records:
        record.resolved_at, record.resolved_by_revision_uid = utc_now(), record.ours_revision_uid
        session.add(record)
    return bool(records)
