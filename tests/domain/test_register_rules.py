"""The register's rules, without a database: citizen IDs, areas, money, step order, land-use codes."""

from dataclasses import replace
from datetime import date
from decimal import Decimal

from dossier_app.domain.register import CompensationInput, check_party
from dossier_app.storage.resources import load_land_use_codes, load_wards
from tests.services.register_support import parcel, party

CODES = set(load_land_use_codes())


def _fields(data: object) -> list[str]:
    return [p.field for p in check_party(data, CODES)]  # type: ignore[arg-type]


def test_a_valid_party_has_no_problem() -> None:
    assert check_party(party(), CODES) == []


def test_citizen_id_must_have_exactly_12_digits() -> None:
    assert _fields(party(citizen_id="0920850012345")) == ["citizen_id"]
    assert _fields(party(citizen_id="09208500123")) == ["citizen_id"]
    assert _fields(party(citizen_id="09208500123A")) == ["citizen_id"]
    assert _fields(party(citizen_id="")) == []


def test_recovered_area_cannot_exceed_the_total() -> None:
    bad = party(parcels=(parcel(), parcel(number="35", recovered_area_m2=Decimal("2000"))))
    problems = check_party(bad, CODES)
    assert [(p.field, p.index, p.part) for p in problems] == [("recovered_area_m2", 1, "parcel")]


def test_amounts_quantities_and_areas_cannot_be_negative() -> None:
    line = CompensationInput(kind="land", amount_vnd=-1, quantity=Decimal(-2))
    assert sorted(_fields(party(compensation=(line,)))) == ["amount_vnd", "quantity"]
    assert "total_area_m2" in _fields(party(parcels=(parcel(total_area_m2=Decimal(-1)),)))


def test_step_dates_must_follow_each_other() -> None:
    assert _fields(party(notified_on=date(2026, 5, 1), inventoried_on=date(2026, 4, 1))) == ["inventoried_on"]
    ordered = party(approved_on=date(2026, 6, 1), paid_on=date(2026, 6, 20), handed_over_on=date(2026, 7, 1))
    assert _fields(ordered) == []
    assert _fields(replace(ordered, paid_on=date(2026, 5, 1))) == ["paid_on"]


def test_enforcement_needs_approval_and_comes_after_hand_over() -> None:
    assert _fields(party(enforced_on=date(2026, 8, 1))) == ["enforced_on"]
    assert _fields(party(approved_on=date(2026, 6, 1), enforced_on=date(2026, 8, 1))) == []
    late = party(approved_on=date(2026, 6, 1), handed_over_on=date(2026, 9, 1), enforced_on=date(2026, 8, 1))
    assert _fields(late) == ["enforced_on"]


def test_land_use_code_must_be_in_the_catalogue() -> None:
    assert _fields(party(parcels=(parcel(land_use_code="XYZ"),))) == ["land_use_code"]


def test_catalogues_hold_the_domain_codes_and_demo_wards() -> None:
    codes = load_land_use_codes()
    assert {"LUC", "LUK", "HNK", "BHK", "CLN", "ODT", "ONT", "NCS"} <= set(codes)
    assert len(codes) == 31
    assert "Phường Hưng Thạnh" in load_wards()


def test_the_documented_columns_match_the_table() -> None:
    from pathlib import Path

    from dossier_app.domain.register_columns import ASSET_COLUMNS, LINE_COLUMNS, PARCEL_COLUMNS, PARTY_COLUMNS

    page = (Path(__file__).resolve().parents[2] / "docs" / "register_columns.md").read_text(encoding="utf-8")
    for column in (*PARTY_COLUMNS, *PARCEL_COLUMNS, *ASSET_COLUMNS, *LINE_COLUMNS):
        assert f"| {column.header_vi} | {', '.join(column.aliases)} | `{column.name}` |" in page
