"""Finding text across a project's sections, with or without Vietnamese diacritics."""

import unicodedata
from dataclasses import dataclass

from sqlalchemy import select as sa_select
from sqlmodel import col

from dossier_app.domain.enums import DocumentKind
from dossier_app.domain.models import Document, Section
from dossier_app.domain.text import body_offset, fold
from dossier_app.services.core.context import ServiceContext

SNIPPET_RADIUS = 40


@dataclass(frozen=True)
class SearchHit:
    """A section that contains the query, with a snippet around the first match."""

    section_id: int
    document_kind: DocumentKind
    document_title: str
    section_title: str
    snippet: str
    match_count: int


def fold_query(query: str) -> str:
    """The folded, whitespace-collapsed form that search compares against."""
    return fold(" ".join(unicodedata.normalize("NFC", query).split()))


def _snippet(plain: str, folded_plain: str, folded_query: str) -> str:
    start = folded_plain.find(folded_query)
    if start < 0:
        return plain[: 2 * SNIPPET_RADIUS].replace("\n", " ")
    left = max(0, start - SNIPPET_RADIUS)
    right = min(len(plain), start + len(folded_query) + SNIPPET_RADIUS)
    text = plain[left:right].replace("\n", " ")
    return ("…" if left else "") + text + ("…" if right < len(plain) else "")


class SearchService:
    """Search over titles and bodies: "can tho" finds "Cần Thơ", "đất" finds "dat", on any database."""

    def __init__(self, context: ServiceContext) -> None:
        self._context = context

    def search(self, project_id: int, query: str, limit: int = 200) -> list[SearchHit]:
        """Sections of the project whose title or text contains the query, in document order."""
        folded = fold_query(query)
        if not folded:
            return []
        with self._context.database.begin() as session:
            rows = session.execute(
                sa_select(
                    col(Section.id),
                    col(Section.title),
                    col(Section.plain_text),
                    col(Section.search_text),
                    col(Document.kind),
                    col(Document.title),
                )
                .join(Document, col(Document.id) == col(Section.document_id))
                .where(
                    col(Document.project_id) == project_id,
                    col(Section.deleted_at).is_(None),
                    col(Section.search_text).contains(folded, autoescape=True),
                )
                .order_by(col(Document.position), col(Section.document_id), col(Section.id))
                .limit(limit)
            ).all()
        hits = []
        for section_id, title, plain, search_text, kind, document_title in rows:
            folded_plain = search_text[body_offset(title) :]
            hits.append(
                SearchHit(
                    section_id=section_id,
                    document_kind=DocumentKind(kind),
                    document_title=document_title,
                    section_title=title,
                    snippet=_snippet(plain, folded_plain, folded),
                    match_count=search_text.count(folded),
                )
            )
        return hits
