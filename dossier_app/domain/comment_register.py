"""The comment register (bảng tổng hợp tiếp thu, giải trình): ministry and council comments and their answers."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class CommentState(StrEnum):
    """How the city answered a comment; `pending` until it has an answer."""

    PENDING = "pending"
    ACCEPTED = "accepted"  # tiếp thu
    EXPLAINED = "explained"  # giải trình
    NOT_ACCEPTED = "not_accepted"  # không tiếp thu

    @property
    def open(self) -> bool:
        """Still to settle before submission: not yet accepted or explained."""
        return self not in (CommentState.ACCEPTED, CommentState.EXPLAINED)


STATE_LABELS_VI: Mapping[CommentState, str] = {
    CommentState.PENDING: "Chưa xử lý",
    CommentState.ACCEPTED: "Tiếp thu",
    CommentState.EXPLAINED: "Giải trình",
    CommentState.NOT_ACCEPTED: "Không tiếp thu",
}


@dataclass(frozen=True)
class RegisterRow:
    """One row of the comment register as the exported document lists it."""

    id: int
    number: int
    source: str
    received_on: date | None
    section_id: int | None
    section_title: str
    comment: str
    response: str
    state: CommentState
    resolved_revision: int | None


def in_document_order(
    rows: Sequence[RegisterRow], section_order: Mapping[int, int], *, section_titles: Mapping[int, str] | None = None
) -> list[RegisterRow]:
    """Rows sorted by the linked section's place in the dossier (unlinked last), then date and id; numbered 1…n.

    `section_order` maps a section id to its position in a depth-first walk of the documents."""
    unplaced = len(section_order) + 1

    def key(row: RegisterRow) -> tuple[int, date, int]:
        place = section_order.get(row.section_id, unplaced) if row.section_id is not None else unplaced
        return (place, row.received_on or date.max, row.id)

    ordered = sorted(rows, key=key)
    titles = section_titles or {}
    result = []
    for number, row in enumerate(ordered, start=1):
        title = titles.get(row.section_id, row.section_title) if row.section_id is not None else row.section_title
        result.append(
            RegisterRow(
                row.id,
                number,
                row.source,
                row.received_on,
                row.section_id,
                title,
                row.comment,
                row.response,
                row.state,
                row.resolved_revision,
            )
        )
    return result
