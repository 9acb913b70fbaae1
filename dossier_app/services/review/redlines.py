"""Readable redlines: two revisions of a section compared as formatted text, shown in the window or written as a Word
file with tracked changes a reviewer accepts or rejects."""

import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlmodel import Session, select

from dossier_app.domain.accounts import normalise_username
from dossier_app.domain.enums import SectionState
from dossier_app.domain.errors import QT_TRANSLATE_NOOP, NotFound, ValidationFailed
from dossier_app.domain.models import Account, Document, Project, Section, SectionRevision, as_utc
from dossier_app.export.redline_blocks import MarkedText, compare_markdown
from dossier_app.services.core.context import ServiceContext
from dossier_app.services.review.reviews import latest_revision, live_section


@dataclass(frozen=True)
class ComparedRevision:
    """One side of a comparison: a stored revision, who wrote it (display name) and when, and whether it is the
    section's approved one."""

    number: int
    author: str
    created_at: datetime
    approved: bool


@dataclass(frozen=True)
class ReadableRedline:
    """Two revisions of a section compared as formatted text; `old` is None when compared with the empty text."""

    marked: MarkedText
    old: ComparedRevision | None
    new: ComparedRevision
    section_title: str
    project_code: str
    project_name: str


class RedlineService:
    """Compares a section's revisions for the approval dialog, Compare and `review redline`."""

    def __init__(self, context: ServiceContext) -> None:
        self._context = context

    def for_review(self, section_id: int) -> ReadableRedline:
        """What the manager approves: the submitted revision (else the latest) against the approved one, or nothing."""
        with self._context.database.begin() as session:
            section = live_section(session, section_id)
            new_id = section.submitted_revision_id if section.state == SectionState.SUBMITTED.value else None
            new = session.get(SectionRevision, new_id) if new_id is not None else latest_revision(session, section_id)
            old = session.get(SectionRevision, section.approved_revision_id) if section.approved_revision_id else None
            return self._compared(session, section, old, new)

    def between(self, section_id: int, from_number: int | None = None, to_number: int | None = None) -> ReadableRedline:
        """Revisions by the numbers the history shows; by default the last approved one (else the empty text) to
        the latest. A number the section has no revision of is refused, naming the numbers it has."""
        with self._context.database.begin() as session:
            section = live_section(session, section_id)
            latest = latest_revision(session, section_id)
            if from_number is None:
                approved = section.approved_revision_id
                old = session.get(SectionRevision, approved) if approved is not None else None
            else:
                old = _numbered(session, section, from_number, latest)
            new = latest if to_number is None else _numbered(session, section, to_number, latest)
            return self._compared(session, section, old, new)

    def for_revisions(self, old_id: int, new_id: int) -> ReadableRedline:
        """Any two revisions of one section (Compare in the history), the first as the old text."""
        with self._context.database.begin() as session:
            old, new = session.get(SectionRevision, old_id), session.get(SectionRevision, new_id)
            if old is None or new is None:
                raise NotFound(QT_TRANSLATE_NOOP("Errors", "That revision does not exist."))
            return self._compared(session, live_section(session, new.section_id), old, new)

    def html(self, redline: ReadableRedline, collapsed_template: str) -> str:
        """The comparison as HTML for a QTextBrowser, unchanged stretches folded into `collapsed_template`."""
        from dossier_app.export.redline_html import marked_html

        return marked_html(redline.marked, collapsed_template=collapsed_template)

    def write_docx(self, redline: ReadableRedline, path: Path) -> Path:
        """Write the comparison as a Word file with tracked changes by the later revision's author, at its time."""
        from dossier_app.export.redline_docx import RedlineHead, write_redline_docx

        head = RedlineHead(
            section_title=redline.section_title,
            project=f"Dự án {redline.project_code} — {redline.project_name}",
            old_label=revision_words(redline.old),
            new_label=revision_words(redline.new),
            author=redline.new.author,
            date=redline.new.created_at,
        )
        if path.suffix.lower() != ".docx":
            raise ValidationFailed(
                QT_TRANSLATE_NOOP("Errors", "{file} must end in .docx: the redline is a Word file."),
                field="out",
                file=str(path),
            )
        partial = path.with_name(f".{path.name}.part")  # a failed write leaves no half-written file under the name
        try:
            write_redline_docx(redline.marked, head, partial)
            os.replace(partial, path)
        except OSError as error:
            partial.unlink(missing_ok=True)
            raise ValidationFailed(
                QT_TRANSLATE_NOOP("Errors", "{file} cannot be written ({reason}). Nothing was written."),
                field="out",
                file=str(path),
                reason=error.strerror or str(error),
            ) from None
        return path

    def _compared(
        self, session: Session, section: Section, old: SectionRevision | None, new: SectionRevision | None
    ) -> ReadableRedline:
        if new is None:
            raise NotFound(QT_TRANSLATE_NOOP("Errors", "The section has no saved revision yet."))
        document = session.get(Document, section.document_id)
        project = session.get(Project, document.project_id) if document else None
        return ReadableRedline(
            marked=compare_markdown(old.body if old else "", new.body),
            old=_side(session, section, old) if old else None,
            new=_side(session, section, new),
            section_title=section.title,
            project_code=project.code if project else "",
            project_name=project.name if project else "",
        )


def revision_words(side: ComparedRevision | None) -> str:
    """A side of the comparison in Vietnamese words, as the Word file's head and the command line name it."""
    if side is None:
        return "văn bản trống (chưa có phiên bản nào được duyệt)"
    when = side.created_at.astimezone().strftime("%H:%M ngày %d/%m/%Y")
    approved = ", đã duyệt" if side.approved else ""
    return f"phiên bản {side.number}{approved} — {side.author}, {when}"


def _numbered(session: Session, section: Section, number: int, latest: SectionRevision | None) -> SectionRevision:
    row = session.exec(
        select(SectionRevision).where(SectionRevision.section_id == section.id, SectionRevision.number == number)
    ).first()
    if row is None:
        if latest is None:
            raise NotFound(QT_TRANSLATE_NOOP("Errors", "The section has no saved revision yet."))
        raise NotFound(
            QT_TRANSLATE_NOOP("Errors", "Section “{title}” has no revision {number}; its revisions are 1 to {last}."),
            title=section.title,
            number=number,
            last=latest.number,
        )
    return row


def _side(session: Session, section: Section, revision: SectionRevision) -> ComparedRevision:
    account = session.exec(select(Account).where(Account.username == normalise_username(revision.author))).first()
    return ComparedRevision(
        number=revision.number,
        author=(account.display_name if account and account.display_name else revision.author),
        created_at=as_utc(revision.created_at),
        approved=revision.id == section.approved_revision_id,
    )
