"""The audit chain's rules: how an entry is hashed, and how a broken chain is told apart.

Each entry's hash is SHA-256 over the UTF-8 JSON array (no spaces, non-ASCII kept as is)
``[id, at, actor, action, entity_type, entity_id, project_id, summary, prev_hash]`` where ``at`` is
``YYYY-MM-DDTHH:MM:SS.ffffffZ`` in UTC and ``prev_hash`` is the previous entry's hash (64 zeros for
the first). The database also keeps the chain's head, ``id:hash`` of the last entry written, so a
removed last entry or a row appended by hand shows too. Anyone can check a chain with these lines.
"""

import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum

GENESIS = "0" * 64
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
PROGRESS_EVERY = 5000

# id, at, actor, action, entity_type, entity_id, project_id, summary, prev_hash, hash
ChainRow = tuple[int, datetime, str, str, str, str, int | None, str, str, str]


def canonical_time(moment: datetime) -> str:
    """The one spelling of a moment the hash covers: UTC with microseconds (SQLite drops the zone)."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment.isoformat(timespec="microseconds") + "Z"


def entry_hash(
    entry_id: int,
    at: datetime,
    actor: str,
    action: str,
    entity_type: str,
    entity_id: str,
    project_id: int | None,
    summary: str,
    prev_hash: str,
) -> str:
    """SHA-256 (hex) of an entry's canonical serialisation, chained to the previous entry's hash."""
    payload = [entry_id, canonical_time(at), actor, action, entity_type, entity_id, project_id, summary, prev_hash]
    data = _ENCODER.encode(payload).encode("utf-8")
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class ChainHead:
    """The last entry the program wrote: its id and hash (id 0 and GENESIS before the first)."""

    id: int
    hash: str

    def encode(self) -> str:
        """How the head is stored in the `setting` table."""
        return f"{self.id}:{self.hash}"

    @staticmethod
    def decode(value: str | None) -> "ChainHead | None":
        """Read a stored head; None when it is missing or unreadable."""
        if not value or ":" not in value:
            return None
        number, _, digest = value.partition(":")
        try:
            return ChainHead(int(number), digest)
        except ValueError:
            return None


EMPTY_HEAD = ChainHead(0, GENESIS)


class ChainProblem(StrEnum):
    """Why a chain is broken, as the first bad entry shows it."""

    ALTERED = "altered"  # an entry's fields (or its hash) were changed after it was written
    REMOVED = "removed"  # one or more entries are missing
    INSERTED = "inserted"  # an entry no earlier entry, nor the chain's head, vouches for
    HEAD_MISSING = "head_missing"  # the record of the last entry written is gone


@dataclass(frozen=True)
class ChainVerdict:
    """The result of checking a chain: intact, or the first bad entry and why."""

    checked: int
    problem: ChainProblem | None = None
    entry_id: int | None = None
    noticed_at: int | None = None
    missing: int = 0

    @property
    def ok(self) -> bool:
        """Whether the whole chain is intact."""
        return self.problem is None


Progress = Callable[[int, int, str], None]


def _content_ok(row: ChainRow) -> bool:
    return entry_hash(*row[:9]) == row[9]


def _judge(previous: ChainRow | None, row: ChainRow, vouched: bool, checked: int) -> ChainVerdict | None:
    """The verdict on one entry, knowing whether its successor (or the head) still points at it."""
    expected_id = previous[0] + 1 if previous else 1
    link_ok = row[8] == (previous[9] if previous else GENESIS)
    content_ok = _content_ok(row)
    entry_id = row[0]
    if not content_ok:
        if vouched and entry_id > expected_id:
            return ChainVerdict(checked, ChainProblem.REMOVED, expected_id, entry_id, entry_id - expected_id)
        if vouched and entry_id == expected_id:
            return ChainVerdict(checked, ChainProblem.ALTERED, entry_id, entry_id)
        return ChainVerdict(checked, ChainProblem.INSERTED, entry_id, entry_id)
    if entry_id != expected_id:
        if entry_id > expected_id and not link_ok and vouched:
            return ChainVerdict(checked, ChainProblem.REMOVED, expected_id, entry_id, entry_id - expected_id)
        return ChainVerdict(checked, ChainProblem.INSERTED, entry_id, entry_id)
    if not link_ok:
        if vouched:
            bad = previous[0] if previous else entry_id
            return ChainVerdict(checked, ChainProblem.ALTERED, bad, entry_id)
        return ChainVerdict(checked, ChainProblem.INSERTED, entry_id, entry_id)
    return None


def verify_chain(
    rows: Iterable[ChainRow], head: ChainHead | None, total: int = 0, progress: Progress | None = None
) -> ChainVerdict:
    """Walk the entries in id order and name the first one that was altered, removed or inserted."""
    previous: ChainRow | None = None
    current: ChainRow | None = None
    checked = 0
    for row in rows:
        if current is not None:
            checked += 1
            verdict = _judge(previous, current, row[8] == current[9], checked)
            if verdict is not None:
                return verdict
            previous = current
            if progress and checked % PROGRESS_EVERY == 0:
                progress(checked, total, "")
        current = row
    if current is not None:
        checked += 1
        vouched = head is not None and head.id == current[0] and head.hash == current[9]
        verdict = _judge(previous, current, vouched, checked)
        if verdict is not None:
            return verdict
    if progress:
        progress(checked, max(total, checked), "")
    return _judge_head(current, head, checked)


def _judge_head(last: ChainRow | None, head: ChainHead | None, checked: int) -> ChainVerdict:
    """Compare the last entry with the head the program recorded when it wrote its last entry."""
    last_id = last[0] if last else 0
    if head is None:
        if last is None:
            return ChainVerdict(checked)
        return ChainVerdict(checked, ChainProblem.HEAD_MISSING)
    if head.id > last_id:
        return ChainVerdict(checked, ChainProblem.REMOVED, last_id + 1, None, head.id - last_id)
    if head.id < last_id:
        return ChainVerdict(checked, ChainProblem.INSERTED, head.id + 1, last_id)
    if last is not None and head.hash != last[9]:
        return ChainVerdict(checked, ChainProblem.ALTERED, last_id, last_id)
    return ChainVerdict(checked)
