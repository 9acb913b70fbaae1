"""Establishment conditions and numeric criteria: what a park must show, judged from its facts."""

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from dossier_app.domain.outline import Condition, Criterion

HUNDRED = Decimal(100)


class ConditionStatus(StrEnum):
    """Where the assessment of one condition stands."""

    UNKNOWN = "unknown"
    MET = "met"
    NOT_MET = "not_met"


class Outcome(StrEnum):
    """A numeric criterion checked against the project's facts."""

    PASS = "pass"
    FAIL = "fail"
    UNKNOWN = "unknown"  # a fact it needs is not entered
    NOT_APPLICABLE = "not_applicable"  # e.g. an expansion-only criterion for a new park


@dataclass(frozen=True)
class ProjectFacts:
    """The figures the numeric criteria are computed from; None where not entered yet."""

    it_workers: int | None = None
    total_workforce: int | None = None
    land_area_ha: Decimal | None = None
    core_area_ha: Decimal | None = None
    construction_land_ha: Decimal | None = None
    building_density_pct: Decimal | None = None
    existing_parks_occupancy_pct: Decimal | None = None
    software_only: bool = False
    expansion: bool = False


@dataclass(frozen=True)
class CriterionResult:
    """One criterion with the threshold that applies, the project's value and the outcome."""

    key: str
    title_vi: str
    title_en: str
    operator: str
    threshold: Decimal
    unit: str
    value: Decimal | None
    outcome: Outcome


def _share(part: Decimal | int | None, whole: Decimal | int | None) -> Decimal | None:
    if part is None or whole is None or Decimal(whole) <= 0:
        return None
    return Decimal(part) * HUNDRED / Decimal(whole)


def criterion_value(key: str, facts: ProjectFacts) -> Decimal | None:
    """The project's value for a criterion key (the stable keys of the regime files), or None."""
    values: dict[str, Decimal | int | None] = {
        "it_workers": facts.it_workers,
        "it_worker_share": _share(facts.it_workers, facts.total_workforce),
        "land_area": facts.land_area_ha,
        "core_group_share": _share(facts.core_area_ha, facts.construction_land_ha),
        "building_density": facts.building_density_pct,
        "existing_parks_occupancy": facts.existing_parks_occupancy_pct,
    }
    value = values.get(key)
    return None if value is None else Decimal(value)


SOFTWARE_ONLY, EXPANSION = "software_only", "expansion"  # the variant keys of the regime files


def threshold(criterion: Criterion, facts: ProjectFacts) -> Decimal:
    """The threshold that applies: the regime's `software_only` or `expansion` variant where the case is one."""
    value = criterion.value
    cases = {SOFTWARE_ONLY: facts.software_only, EXPANSION: facts.expansion}
    for variant in criterion.variants:
        if cases.get(variant.key):
            value = variant.value
    return Decimal(str(value))


def compare(value: Decimal, operator: str, limit: Decimal) -> bool:
    """Whether `value operator limit` holds; exact decimal comparison, so the threshold itself passes."""
    if operator == ">=":
        return value >= limit
    if operator == "<=":
        return value <= limit
    if operator == ">":
        return value > limit
    if operator == "<":
        return value < limit
    if operator in ("=", "=="):
        return value == limit
    raise ValueError(f"unknown operator {operator!r}")


def evaluate(criterion: Criterion, facts: ProjectFacts) -> CriterionResult:
    """Check one criterion against the facts."""
    limit = threshold(criterion, facts)
    value = criterion_value(criterion.key, facts)
    if criterion.expansion_only and not facts.expansion:
        outcome = Outcome.NOT_APPLICABLE
    elif value is None:
        outcome = Outcome.UNKNOWN
    else:
        outcome = Outcome.PASS if compare(value, criterion.operator, limit) else Outcome.FAIL
    return CriterionResult(
        criterion.key,
        criterion.title_vi,
        criterion.title_en,
        criterion.operator,
        limit,
        criterion.unit,
        value,
        outcome,
    )


def evaluate_all(criteria: Sequence[Criterion], facts: ProjectFacts) -> list[CriterionResult]:
    """Every criterion of a regime, in the regime's order."""
    return [evaluate(criterion, facts) for criterion in criteria]


def criterion_for(condition: Condition, criteria: Sequence[Criterion]) -> Criterion | None:
    """The numeric criterion a condition is judged by: its `criterion` key, else the same key (`art5.it_workers`)."""
    wanted = (condition.criterion,) if condition.criterion else (condition.key, condition.key.rsplit(".", 1)[-1])
    return next((criterion for criterion in criteria if criterion.key in wanted), None)
