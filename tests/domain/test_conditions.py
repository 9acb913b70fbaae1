"""Numeric criteria of the IT park at, just below and just above their thresholds, from the shipped regime data."""

from decimal import Decimal

import pytest

from dossier_app.domain.conditions import Outcome, ProjectFacts, criterion_for, evaluate
from dossier_app.domain.outline import Criterion, Regime
from dossier_app.domain.readiness import Light, criterion_item, format_number
from dossier_app.storage.resources import load_regimes


@pytest.fixture(scope="module")
def nd154() -> Regime:
    """Decree 154/2013 as the program loads it."""
    return load_regimes()["nd154_2013"]


def _criterion(regime: Regime, key: str) -> Criterion:
    return next(c for c in regime.criteria if c.key == key)


def _outcome(regime: Regime, key: str, facts: ProjectFacts) -> Outcome:
    return evaluate(_criterion(regime, key), facts).outcome


@pytest.mark.parametrize(
    ("workers", "software_only", "expected"),
    [
        (1999, False, Outcome.FAIL),
        (2000, False, Outcome.PASS),
        (2001, False, Outcome.PASS),
        (999, True, Outcome.FAIL),
        (1000, True, Outcome.PASS),
        (1001, True, Outcome.PASS),
    ],
)
def test_it_workers_at_and_around_the_threshold(
    nd154: Regime, workers: int, software_only: bool, expected: Outcome
) -> None:
    facts = ProjectFacts(it_workers=workers, software_only=software_only)
    assert _outcome(nd154, "it_workers", facts) is expected


@pytest.mark.parametrize(("it", "expected"), [(599, Outcome.FAIL), (600, Outcome.PASS), (601, Outcome.PASS)])
def test_it_worker_share_is_exact_at_sixty_percent(nd154: Regime, it: int, expected: Outcome) -> None:
    result = evaluate(_criterion(nd154, "it_worker_share"), ProjectFacts(it_workers=it, total_workforce=1000))
    assert result.outcome is expected
    assert result.value == Decimal(it) / 10


@pytest.mark.parametrize(
    ("area", "software_only", "expected"),
    [
        ("4.9999", False, Outcome.FAIL),
        ("5", False, Outcome.PASS),
        ("5.0001", False, Outcome.PASS),
        ("4", False, Outcome.FAIL),
        ("6", False, Outcome.PASS),
        ("0.9999", True, Outcome.FAIL),
        ("1", True, Outcome.PASS),
        ("2", True, Outcome.PASS),
    ],
)
def test_land_area_with_the_software_only_threshold(
    nd154: Regime, area: str, software_only: bool, expected: Outcome
) -> None:
    facts = ProjectFacts(land_area_ha=Decimal(area), software_only=software_only)
    assert _outcome(nd154, "land_area", facts) is expected


@pytest.mark.parametrize(("core", "expected"), [("49", Outcome.FAIL), ("50", Outcome.PASS), ("51", Outcome.PASS)])
def test_core_group_share_of_construction_land(nd154: Regime, core: str, expected: Outcome) -> None:
    facts = ProjectFacts(core_area_ha=Decimal(core), construction_land_ha=Decimal(100))
    assert _outcome(nd154, "core_group_share", facts) is expected


@pytest.mark.parametrize(("density", "expected"), [("39", Outcome.PASS), ("40", Outcome.PASS), ("41", Outcome.FAIL)])
def test_building_density_is_at_most_forty_percent(nd154: Regime, density: str, expected: Outcome) -> None:
    assert _outcome(nd154, "building_density", ProjectFacts(building_density_pct=Decimal(density))) is expected


@pytest.mark.parametrize(
    ("occupancy", "expansion", "expected"),
    [
        ("59", False, Outcome.FAIL),
        ("60", False, Outcome.PASS),
        ("61", False, Outcome.PASS),
        ("69", True, Outcome.FAIL),
        ("70", True, Outcome.PASS),
        ("71", True, Outcome.PASS),
    ],
)
def test_existing_parks_occupancy_with_the_expansion_threshold(
    nd154: Regime, occupancy: str, expansion: bool, expected: Outcome
) -> None:
    facts = ProjectFacts(existing_parks_occupancy_pct=Decimal(occupancy), expansion=expansion)
    assert _outcome(nd154, "existing_parks_occupancy", facts) is expected


def test_missing_facts_are_unknown_and_a_zero_workforce_gives_no_share(nd154: Regime) -> None:
    for criterion in nd154.criteria:
        assert evaluate(criterion, ProjectFacts()).outcome is Outcome.UNKNOWN
    share = evaluate(_criterion(nd154, "it_worker_share"), ProjectFacts(it_workers=0, total_workforce=0))
    assert share.outcome is Outcome.UNKNOWN


def test_high_tech_occupancy_applies_only_to_an_expansion() -> None:
    nd10 = load_regimes()["nd10_2024"]
    criterion = _criterion(nd10, "existing_parks_occupancy")
    assert evaluate(criterion, ProjectFacts()).outcome is Outcome.NOT_APPLICABLE
    assert evaluate(criterion, ProjectFacts(expansion=True)).outcome is Outcome.UNKNOWN
    assert evaluate(criterion, ProjectFacts(expansion=True, existing_parks_occupancy_pct=Decimal(59))).outcome is (
        Outcome.FAIL
    )


def test_conditions_find_their_criterion_by_key(nd154: Regime) -> None:
    matched = {
        c.key: (criterion_for(c, nd154.criteria) or Criterion("-", "", "", "", 0, "")).key for c in nd154.conditions
    }
    assert matched["art5.it_workers"] == "it_workers"
    assert matched["art5.building_density"] == "building_density"
    assert matched["art5.plan_fit"] == "-"


def test_report_items_show_threshold_value_and_light(nd154: Regime) -> None:
    failing = criterion_item(evaluate(_criterion(nd154, "it_worker_share"), ProjectFacts(1199, 2000)))
    assert failing.light is Light.RED
    assert failing.message == "IT workers as a share of the park's workforce: 59.95 % fails >= 60"
    rounded = criterion_item(evaluate(_criterion(nd154, "it_worker_share"), ProjectFacts(119999, 200000)))
    assert "59.9995 %" in rounded.message  # rounding never makes a failing value look like the threshold
    passing = criterion_item(
        evaluate(_criterion(nd154, "building_density"), ProjectFacts(building_density_pct=Decimal(40)))
    )
    assert passing.light is Light.GREEN
    assert passing.message == "Net building density: 40 % (<= 40)"
    assert format_number(Decimal("2000.00")) == "2000"
