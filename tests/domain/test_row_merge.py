"""Register rows merge field by field; a field both sides changed differently is a conflict, never a loss."""

from hypothesis import given
from hypothesis import strategies as st

from dossier_app.domain.row_merge import FieldConflict, RowFate, merge_rows

BASE = {"name": "Nguyễn Văn A", "ward": "Phường 1", "step": "inventory", "area_m2": 120}


def test_changes_to_different_fields_both_land() -> None:
    ours = {**BASE, "name": "Nguyễn Văn An"}
    theirs = {**BASE, "step": "plan_approved"}
    outcome = merge_rows(BASE, ours, theirs)
    assert outcome.clean and outcome.fate is RowFate.KEPT
    assert outcome.row == {**BASE, "name": "Nguyễn Văn An", "step": "plan_approved"}


def test_the_same_field_changed_differently_is_a_conflict_holding_our_value() -> None:
    outcome = merge_rows(BASE, {**BASE, "area_m2": 130}, {**BASE, "area_m2": 125})
    assert outcome.row == {**BASE, "area_m2": 130}
    assert outcome.conflicts == (FieldConflict("area_m2", 120, 130, 125),)
    assert not outcome.clean


def test_the_same_change_on_both_sides_is_no_conflict() -> None:
    outcome = merge_rows(BASE, {**BASE, "ward": "Phường 2"}, {**BASE, "ward": "Phường 2"})
    assert outcome.clean and outcome.row == {**BASE, "ward": "Phường 2"}


def test_a_row_deleted_on_one_side_and_untouched_on_the_other_is_deleted() -> None:
    assert merge_rows(BASE, None, dict(BASE)).fate is RowFate.DELETED
    assert merge_rows(BASE, dict(BASE), None).row is None


def test_a_row_deleted_on_one_side_and_edited_on_the_other_is_kept_and_flagged() -> None:
    edited = {**BASE, "step": "paid"}
    outcome = merge_rows(BASE, None, edited)
    assert outcome.fate is RowFate.KEPT_DESPITE_DELETION and outcome.row == edited and not outcome.clean


def test_a_new_row_on_one_side_is_kept() -> None:
    outcome = merge_rows(None, None, dict(BASE))
    assert outcome.fate is RowFate.KEPT and outcome.row == BASE and outcome.clean


def test_a_field_only_one_side_has_is_kept_and_a_removed_one_stays_removed() -> None:
    outcome = merge_rows(BASE, {**BASE, "phone": "0292 3 812 345"}, dict(BASE))
    assert outcome.row == {**BASE, "phone": "0292 3 812 345"}
    without_ward = {k: v for k, v in BASE.items() if k != "ward"}
    assert merge_rows(BASE, without_ward, dict(BASE)).row == without_ward


values = st.one_of(st.none(), st.integers(-3, 3), st.sampled_from(["", "a", "b", "Đ"]))
rows = st.dictionaries(st.sampled_from(["name", "ward", "step", "area", "note"]), values, max_size=5)


@given(rows, rows, rows)
def test_no_change_is_lost(base: dict[str, object], ours: dict[str, object], theirs: dict[str, object]) -> None:
    """Every field a side changed is in the merged row or in a conflict that holds that side's value."""
    outcome = merge_rows(base, ours, theirs)
    assert outcome.row is not None
    conflicted = {c.field: c for c in outcome.conflicts}
    for side, key in ((ours, "ours"), (theirs, "theirs")):
        for name, value in side.items():
            if base.get(name, object()) != value:
                assert outcome.row.get(name) == value or getattr(conflicted[name], key) == value


@given(rows, rows)
def test_one_sided_changes_merge_to_that_side(base: dict[str, object], changed: dict[str, object]) -> None:
    assert merge_rows(base, changed, base).row == changed
    assert merge_rows(base, base, changed).row == changed
    assert merge_rows(base, changed, changed).row == changed


@given(rows, rows, rows)
def test_the_conflicting_fields_do_not_depend_on_which_side_is_ours(
    base: dict[str, object], ours: dict[str, object], theirs: dict[str, object]
) -> None:
    forward = {c.field for c in merge_rows(base, ours, theirs).conflicts}
    backward = {c.field for c in merge_rows(base, theirs, ours).conflicts}
    assert forward == backward


PARCEL_1 = {"parcel_no": "88", "sheet": "12", "recovered_area_m2": "120"}
PARCEL_2 = {"parcel_no": "89", "sheet": "12", "recovered_area_m2": "300"}


def test_different_parcels_changed_on_the_two_sides_merge_row_by_row() -> None:
    base = {"parcels": [PARCEL_1, PARCEL_2]}
    ours = {"parcels": [{**PARCEL_1, "recovered_area_m2": "150"}, PARCEL_2]}
    theirs = {"parcels": [PARCEL_1, {**PARCEL_2, "recovered_area_m2": "310"}]}
    outcome = merge_rows(base, ours, theirs)
    assert outcome.clean and outcome.row is not None
    assert sorted(p["recovered_area_m2"] for p in outcome.row["parcels"]) == ["150", "310"]  # type: ignore[union-attr]


def test_a_parcel_added_on_one_side_and_another_removed_on_the_other_merge() -> None:
    added = {"parcel_no": "90", "sheet": "13", "recovered_area_m2": "40"}
    outcome = merge_rows(
        {"parcels": [PARCEL_1, PARCEL_2]}, {"parcels": [PARCEL_1, PARCEL_2, added]}, {"parcels": [PARCEL_1]}
    )
    assert outcome.clean and outcome.row == {"parcels": sorted([PARCEL_1, added], key=lambda p: p["parcel_no"])}


def test_the_same_parcel_changed_differently_or_changed_and_removed_is_a_conflict() -> None:
    base = {"parcels": [PARCEL_1]}
    ours = {"parcels": [{**PARCEL_1, "recovered_area_m2": "150"}]}
    for theirs in ({"parcels": [{**PARCEL_1, "recovered_area_m2": "160"}]}, {"parcels": []}):
        outcome = merge_rows(base, ours, theirs)
        assert [c.field for c in outcome.conflicts] == ["parcels"]
        assert outcome.conflicts[0].ours == ours["parcels"] and outcome.conflicts[0].theirs == theirs["parcels"]


def test_a_parcel_both_sides_added_is_taken_once() -> None:
    added = {"parcel_no": "90", "sheet": "13", "recovered_area_m2": "40"}
    outcome = merge_rows(
        {"parcels": [PARCEL_1]}, {"parcels": [PARCEL_1, added, PARCEL_2]}, {"parcels": [PARCEL_1, added]}
    )
    assert outcome.clean and outcome.row is not None and len(outcome.row["parcels"]) == 3  # type: ignore[arg-type]


parcels = st.lists(st.sampled_from([PARCEL_1, PARCEL_2, {"parcel_no": "90"}, {"parcel_no": "91"}]), max_size=4)


@given(parcels, parcels, parcels)
def test_no_parcel_a_side_added_is_lost(base: list[object], ours: list[object], theirs: list[object]) -> None:
    """A parcel one side added is in the merged list, or the field is a conflict keeping that side's list; the
    result is the same whichever side is ours."""
    forward, backward = (
        merge_rows({"p": base}, {"p": ours}, {"p": theirs}),
        merge_rows({"p": base}, {"p": theirs}, {"p": ours}),
    )
    assert bool(forward.conflicts) == bool(backward.conflicts)
    if forward.conflicts:
        return
    assert forward.row is not None and backward.row is not None and forward.row == backward.row
    for side in (ours, theirs):
        for parcel in side:
            if parcel not in base:
                assert parcel in forward.row["p"]  # type: ignore[operator]
