"""Document numbers: per project and symbol (TTr, ĐA) the clerk sets the next number; a final export takes it."""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func
from sqlmodel import Session, col, select

from dossier_app.domain.enums import AuditAction
from dossier_app.domain.errors import QT_TRANSLATE_NOOP, Conflict, NotFound, ValidationFailed
from dossier_app.domain.lifecycle import Action
from dossier_app.domain.models import Document, DocumentCounter, Project, as_utc, new_uid, utc_now
from dossier_app.services.accounts.audit import AuditTrail
from dossier_app.services.core.context import ServiceContext
from dossier_app.services.core.permissions import require_action

MAX_NUMBER = 99999
LETTER_SYMBOL = "TTr"


@dataclass(frozen=True)
class NumberCounter:
    """The next number of one document symbol of a project; None until the clerk sets it."""

    symbol: str
    next_number: int | None
    updated_by: str = ""
    updated_at: datetime | None = None


def project_by_code(session: Session, code: str) -> Project:
    """A project by its code, with the refusal ProjectService uses."""
    project = session.exec(select(Project).where(func.upper(Project.code) == code.strip().upper())).first()
    if project is None:
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "There is no project with the code '{code}'."), code=code)
    return project


def document_symbols(context: ServiceContext, session: Session, project: Project) -> list[str]:
    """The number symbols of the project's documents in their order (the letter's TTr first)."""
    outlines = {outline.kind.value: outline.symbol for outline in context.regime(project.regime_key).documents}
    kinds = session.exec(
        select(Document.kind).where(Document.project_id == project.id).order_by(col(Document.position))
    )
    symbols = [outlines.get(kind, LETTER_SYMBOL) for kind in kinds]
    return list(dict.fromkeys([*symbols, LETTER_SYMBOL]))


def next_numbers(session: Session, project_id: int) -> dict[str, int]:
    """The numbers a final export of the project would print now, by symbol (only the counters set)."""
    rows = session.exec(select(DocumentCounter).where(DocumentCounter.project_id == project_id))
    return {row.symbol: row.next_number for row in rows}


def advance_numbers(
    session: Session, project_id: int, used: Mapping[str, int], actor: str, given: frozenset[str] = frozenset()
) -> None:
    """Move each used symbol's counter past the number printed, in the caller's transaction (the export's).

    A number taken from a counter must still be the counter's (Conflict otherwise: another export or the clerk
    moved it meanwhile); a number `given` by hand moves the counter only forward."""
    for symbol, number in used.items():
        row = session.exec(
            select(DocumentCounter)
            .where(DocumentCounter.project_id == project_id, DocumentCounter.symbol == symbol)
            .with_for_update()
        ).first()
        if symbol not in given and (row is None or row.next_number != number):
            raise Conflict(
                QT_TRANSLATE_NOOP(
                    "Errors", "The number {number}/{symbol} changed while the package was written; export again."
                ),
                number=f"{number:02d}",
                symbol=symbol,
            )
        if row is None:
            row = DocumentCounter(project_id=project_id, symbol=symbol, next_number=number + 1)
        elif row.next_number > number:
            continue  # a number given once by hand below the counter leaves it where it is
        else:
            row.next_number = number + 1
        row.updated_at, row.updated_by = utc_now(), actor
        session.add(row)
    session.flush()


def check_number(value: int) -> None:
    """A document number is a positive whole number the register can hold."""
    if not 1 <= value <= MAX_NUMBER:
        raise ValidationFailed(
            QT_TRANSLATE_NOOP("Errors", "A document number must be between 1 and {maximum}."),
            field="number",
            maximum=MAX_NUMBER,
        )


class DocumentNumberService:
    """The counters the clerk sets; the export service takes and advances them."""

    def __init__(self, context: ServiceContext, audit: AuditTrail) -> None:
        self._context = context
        self._audit = audit

    def counters(self, code: str) -> list[NumberCounter]:
        """One counter per symbol of the project's documents, unset ones with next_number None."""
        with self._context.database.begin() as session:
            project = project_by_code(session, code)
            rows = {
                row.symbol: row
                for row in session.exec(select(DocumentCounter).where(DocumentCounter.project_id == project.id))
            }
            result = []
            for symbol in document_symbols(self._context, session, project):
                row = rows.get(symbol)
                result.append(
                    NumberCounter(symbol, row.next_number, row.updated_by, as_utc(row.updated_at))
                    if row
                    else NumberCounter(symbol, None)
                )
            return result

    def get(self, code: str, symbol: str) -> int | None:
        """The next number of one symbol, or None when the clerk has not set it."""
        for counter in self.counters(code):
            if counter.symbol == symbol:
                return counter.next_number
        return None

    def set(self, code: str, symbol: str, next_number: int, *, uid: str | None = None) -> NumberCounter:
        """The clerk sets the next number of a symbol (from the office's register of outgoing documents). `uid`:
        the counter's, when it is made now (a desktop's pushed counter keeps the desktop's)."""
        check_number(next_number)
        with self._context.database.begin() as session:
            actor = require_action(session, self._context, Action.EXPORT).name
            project = project_by_code(session, code)
            assert project.id is not None
            symbols = document_symbols(self._context, session, project)
            if symbol not in symbols:
                raise ValidationFailed(
                    QT_TRANSLATE_NOOP("Errors", "Unknown document symbol '{value}' (use {symbols})."),
                    field="symbol",
                    value=symbol,
                    symbols=", ".join(symbols),
                )
            row = session.exec(
                select(DocumentCounter)
                .where(DocumentCounter.project_id == project.id, DocumentCounter.symbol == symbol)
                .with_for_update()
            ).first()
            previous = row.next_number if row else None
            row = row or DocumentCounter(project_id=project.id, symbol=symbol, uid=uid or new_uid())
            row.next_number, row.updated_at, row.updated_by = next_number, utc_now(), actor
            session.add(row)
            session.flush()
            summary = f"{project.code} {symbol} next number {previous} → {next_number}"
            self._audit.record(session, actor, AuditAction.NUMBER_SET, "counter", row.id, summary, project.id)
            return NumberCounter(symbol, next_number, actor, row.updated_at)
