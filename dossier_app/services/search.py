"""Finding text across a project's sections, with or without Vietnamese diacritics."""

import unicodedata
from dataclasses import dataclass

from sqlmodel import col, select

from dossier_app.domain.enums import DocumentKind
from dossier_app.domain.models import Document, Section
from dossier_app.domain.text import fold, markdown_to_plain
from dossier_app.services.context import ServiceContext

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


def _snippet(plain: str, folded_query: str) -> tuple[str, int]:
    folded = fold(plain)
    start = folded.find(folded_query)
    count = folded.count(folded_query)
    if start < 0:
        return plain[: 2 * SNIPPET_RADIUS].replace("\n", " "), count
    left = max(0, start - SNIPPET_RADIUS)
    right = min(len(plain), start + len(folded_query) + SNIPPET_RADIUS)
    text = plain[left:right].replace("\n", " ")
    return ("…" if left else "") + text + ("…" if right < len(plain) else ""), count


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
            rows = session.exec(
                select(Section.id, Section.title, Section.body, Document.kind, Document.title)
                .join(Document, col(Document.id) == col(Section.document_id))
                .where(
                    Document.project_id == project_id,
                    col(Section.deleted_at).is_(None),
                    col(Section.search_text).contains(folded, autoescape=True),
                )
                .order_by(col(Document.position), col(Section.document_id), col(Section.id))
                .limit(limit)
            ).all()
        hits = []
        for section_id, title, body, kind, document_title in rows:
            snippet, count = _snippet(markdown_to_plain(body), folded)
            if count == 0:
                snippet = markdown_to_plain(body)[: 2 * SNIPPET_RADIUS]
            hits.append(
                SearchHit(
                    section_id=section_id,
                    document_kind=DocumentKind(kind),
                    document_title=document_title,
                    section_title=title,
                    snippet=snippet,
                    match_count=count + (1 if folded in fold(title) else 0),
                )
            )
        return hits
