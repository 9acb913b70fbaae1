"""Three-way merge of a register row for offline sync, field by field, so no edit is ever lost.

A row is its fields by name (a household's name, address, step, amounts…). A field only one side changed takes that
side's value; both sides setting the same value is no conflict; both changing it differently is a conflict that keeps
all three values, the merged row holding our value until a person chooses. A row deleted on one side and edited on
the other is kept with the edit and flagged, because deleting loses data and an edit says someone still needs it.
A field holding a list of rows (a household's parcels) merges row by row when the two sides changed different rows.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

Row = Mapping[str, object]
_ABSENT = object()  # a field one side's row lacks (a column added by a newer program, say)


class RowFate(StrEnum):
    """What became of the row as a whole."""

    KEPT = "kept"
    DELETED = "deleted"
    KEPT_DESPITE_DELETION = "kept_despite_deletion"  # one side deleted it, the other edited it: kept and flagged


@dataclass(frozen=True, slots=True)
class FieldConflict:
    """One field both sides changed differently; all three values kept for the person who decides."""

    field: str
    base: object
    ours: object
    theirs: object


@dataclass(frozen=True, slots=True)
class RowMergeOutcome:
    """The merged row (None when deleted), its fate and the fields still to decide."""

    row: dict[str, object] | None
    fate: RowFate
    conflicts: tuple[FieldConflict, ...]

    @property
    def clean(self) -> bool:
        """Whether the row needs no one's decision."""
        return not self.conflicts and self.fate is not RowFate.KEPT_DESPITE_DELETION


def merge_rows(base: Row | None, ours: Row | None, theirs: Row | None) -> RowMergeOutcome:
    """Merge one row's two changed copies against the copy both last shared (None: absent or deleted on that side)."""
    if ours is None and theirs is None:
        return RowMergeOutcome(None, RowFate.DELETED, ())
    if ours is None or theirs is None:
        kept = theirs if ours is None else ours
        assert kept is not None
        if base is not None and _same(base, kept):
            return RowMergeOutcome(None, RowFate.DELETED, ())  # deleted on one side, untouched on the other
        if base is None:
            return RowMergeOutcome(dict(kept), RowFate.KEPT, ())  # new on one side only
        return RowMergeOutcome(dict(kept), RowFate.KEPT_DESPITE_DELETION, ())
    merged: dict[str, object] = {}
    conflicts: list[FieldConflict] = []
    shared = base or {}
    for name in _field_order(shared, ours, theirs):
        was = shared.get(name, _ABSENT)
        mine, other = ours.get(name, _ABSENT), theirs.get(name, _ABSENT)
        if _equal(mine, other) or _equal(other, was):
            value = mine
        elif _equal(mine, was):
            value = other
        elif (combined := merge_lists(was, mine, other)) is not None:
            value = combined  # a household's parcels: different parcels changed on the two sides
        else:
            value = mine
            conflicts.append(FieldConflict(name, _shown(was), _shown(mine), _shown(other)))
        if value is not _ABSENT:
            merged[name] = value
    return RowMergeOutcome(merged, RowFate.KEPT, tuple(conflicts))


def merge_lists(base: object, ours: object, theirs: object) -> list[object] | None:
    """Two changed lists of rows (a household's parcels, assets, compensation lines, none of which keeps an identity
    across edits) merged as bags: our removals and additions applied to theirs, a row both added taken once, in the
    order records keep them (by content). None, a conflict, unless all three are lists and theirs still holds every
    row we removed or changed: else both sides changed the same row."""
    if base is _ABSENT:
        base = []
    if not (isinstance(base, list) and isinstance(ours, list) and isinstance(theirs, list)):
        return None
    rows = {_content(row): row for row in (*base, *ours, *theirs)}
    had, mine, other = (Counter(map(_content, side)) for side in (base, ours, theirs))
    removed, added = had - mine, mine - had
    if removed - other:
        return None
    kept = (other - removed) + (added - (other - had))
    return [rows[key] for key in sorted(kept.elements())]


def _content(row: object) -> str:
    """A row by what it holds, as records sort their lists."""
    return json.dumps(row, sort_keys=True, ensure_ascii=False, default=str)


def _field_order(*rows: Row) -> list[str]:
    """Every field of any side, in the order they first appear (base, ours, theirs): stable output."""
    names: dict[str, None] = {}
    for row in rows:
        names.update(dict.fromkeys(row))
    return list(names)


def _equal(a: object, b: object) -> bool:
    return a is b or (a is not _ABSENT and b is not _ABSENT and a == b)


def _same(a: Row, b: Row) -> bool:
    return all(_equal(a.get(name, _ABSENT), b.get(name, _ABSENT)) for name in _field_order(a, b))


def _shown(value: object) -> object:
    """A conflict names a missing field as None: the person sees 'empty', not a sentinel."""
    return None if value is _ABSENT else value
