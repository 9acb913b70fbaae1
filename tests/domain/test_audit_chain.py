"""The audit chain's rules, without a database: any single tampering is named at the right entry."""

from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dossier_app.domain.audit import (
    GENESIS,
    ChainHead,
    ChainProblem,
    ChainRow,
    canonical_time,
    entry_hash,
    verify_chain,
)

START = datetime(2026, 1, 5, 7, 30, tzinfo=UTC)


def build(count: int) -> tuple[list[ChainRow], ChainHead]:
    """A chain of `count` entries as the program writes it, and its head."""
    rows: list[ChainRow] = []
    previous = GENESIS
    for number in range(1, count + 1):
        fields = (
            number,
            START + timedelta(seconds=number, microseconds=number),
            f"cli:user{number % 3}",
            "section.save",
            "section",
            str(number * 7),
            number % 2 or None,
            f"revision {number}, {number * 10} words — Cần Thơ",
            previous,
        )
        digest = entry_hash(*fields)
        rows.append((*fields, digest))
        previous = digest
    return rows, ChainHead(count, previous)


def rehashed(row: ChainRow, **changes: object) -> ChainRow:
    """The row with fields changed and its hash recomputed, as a careful forger would."""
    names = ("id", "at", "actor", "action", "entity_type", "entity_id", "project_id", "summary", "prev_hash")
    values = dict(zip(names, row[:9], strict=True))
    values.update(changes)
    fields = tuple(values[name] for name in names)
    return (*fields, entry_hash(*fields))  # type: ignore[arg-type, return-value]


def test_the_hash_is_sha256_of_a_documented_serialisation() -> None:
    import hashlib

    at = datetime(2026, 1, 5, 14, 30, 0, 5, tzinfo=timezone(timedelta(hours=7)))
    expected = hashlib.sha256(
        b'[3,"2026-01-05T07:30:00.000005Z","quantri","account.add","account","2",null,"vanthu (clerk)","ab"]'
    ).hexdigest()
    assert entry_hash(3, at, "quantri", "account.add", "account", "2", None, "vanthu (clerk)", "ab") == expected
    assert canonical_time(at.replace(tzinfo=None) + timedelta(hours=-7)) == "2026-01-05T07:30:00.000005Z"


def test_an_intact_chain_and_an_empty_one_pass() -> None:
    rows, head = build(12)
    verdict = verify_chain(rows, head, len(rows))
    assert verdict.ok and verdict.checked == 12
    assert verify_chain([], ChainHead(0, GENESIS)).ok
    assert verify_chain([], None).ok


def test_progress_reaches_the_total() -> None:
    rows, head = build(3)
    calls: list[tuple[int, int]] = []
    verify_chain(rows, head, 3, lambda done, total, _message: calls.append((done, total)))
    assert calls[-1] == (3, 3)


def _tamper(rows: list[ChainRow], head: ChainHead, kind: str, index: int) -> tuple[list[ChainRow], ChainHead, int]:
    """Apply one kind of tampering at `index`; returns the rows, the head and the id a check must name."""
    rows = list(rows)
    target = rows[index]
    if kind == "update-summary":
        rows[index] = (*target[:7], target[7] + " (sửa)", *target[8:])
        return rows, head, target[0]
    if kind == "update-and-rehash":
        rows[index] = rehashed(target, summary="viết lại")
        return rows, head, target[0]
    if kind == "update-prev-hash":
        rows[index] = (*target[:8], "f" * 64, target[9])
        return rows, head, target[0]
    if kind == "delete":
        del rows[index]
        return rows, head, target[0]
    if kind == "insert-junk":
        forged = (head.id + 1, START, "ke-gian", "section.save", "section", "1", None, "forged", "0" * 64, "1" * 64)
        rows.append(forged)  # type: ignore[arg-type]
        return rows, head, head.id + 1
    if kind == "insert-linked":
        last = rows[-1]
        rows.append(rehashed(last, id=last[0] + 1, summary="forged", prev_hash=last[9]))
        return rows, head, last[0] + 1
    raise AssertionError(kind)


KINDS = ["update-summary", "update-and-rehash", "update-prev-hash", "delete", "insert-junk", "insert-linked"]
EXPECTED = {
    "update-summary": ChainProblem.ALTERED,
    "update-and-rehash": ChainProblem.ALTERED,
    "update-prev-hash": ChainProblem.ALTERED,
    "delete": ChainProblem.REMOVED,
    "insert-junk": ChainProblem.INSERTED,
    "insert-linked": ChainProblem.INSERTED,
}


@settings(max_examples=150, deadline=None)
@given(count=st.integers(1, 25), data=st.data(), kind=st.sampled_from(KINDS))
def test_any_single_tampering_is_named_at_its_entry(count: int, data: st.DataObject, kind: str) -> None:
    rows, head = build(count)
    index = data.draw(st.integers(0, count - 1), label="index")
    tampered, head, bad_id = _tamper(rows, head, kind, index)
    verdict = verify_chain(tampered, head, len(tampered))
    assert not verdict.ok
    assert verdict.problem == EXPECTED[kind]
    assert verdict.entry_id == bad_id


def test_several_removed_entries_are_counted() -> None:
    rows, head = build(10)
    verdict = verify_chain(rows[:3] + rows[6:], head)
    assert (verdict.problem, verdict.entry_id, verdict.missing, verdict.noticed_at) == (
        ChainProblem.REMOVED,
        4,
        3,
        7,
    )


def test_the_first_of_two_tamperings_is_named() -> None:
    rows, head = build(10)
    rows[7] = replace_summary(rows[7])
    del rows[2]
    verdict = verify_chain(rows, head)
    assert (verdict.problem, verdict.entry_id) == (ChainProblem.REMOVED, 3)


def replace_summary(row: ChainRow) -> ChainRow:
    """The row with another summary and its old hash."""
    return (*row[:7], "khác", *row[8:])


@pytest.mark.parametrize("stored", [None, "", "garbage", "x:y"])
def test_a_missing_head_is_reported(stored: str | None) -> None:
    rows, _head = build(4)
    head = ChainHead.decode(stored)
    assert head is None
    assert verify_chain(rows, head).problem == ChainProblem.HEAD_MISSING


def test_head_round_trip() -> None:
    head = ChainHead(42, "ab" * 32)
    assert ChainHead.decode(head.encode()) == head
    assert replace(head, id=43) != head
