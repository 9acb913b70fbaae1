"""The register of a project summed per ward in SQL, for the dashboard and the PDF appendix's charts."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, case, func, literal
from sqlalchemy import select as sql_select
from sqlmodel import col

from dossier_app.domain.models import AffectedParty, CompensationLine, LandParcel
from dossier_app.domain.register import ALL_STEPS
from dossier_app.export.charts import STEP_ORDER, WardFigures
from dossier_app.services.core.context import ServiceContext
from dossier_app.services.register.register import NO_STEP


@dataclass(frozen=True)
class DashboardFigures:
    """A project's figures per ward (in ward order) and for the whole project (`total.ward` is empty)."""

    wards: tuple[WardFigures, ...] = ()
    total: WardFigures = field(default_factory=lambda: WardFigures(ward=""))


def _step_of_party() -> ColumnElement[str]:
    """The step a party last reached, as SQL: the same rule as register.current_step and the step filter (the
    latest step with a date; a CASE tests in order, so each later step is known empty when an earlier one is tried)."""
    latest_first = reversed(ALL_STEPS)
    return case(
        *((getattr(AffectedParty, step).is_not(None), literal(step)) for step in latest_first), else_=literal(NO_STEP)
    )


def total_of(wards: Iterable[WardFigures]) -> WardFigures:
    """The sum of some wards' figures, steps in register order."""
    items = list(wards)
    steps: dict[str, int] = {}
    for step in STEP_ORDER:
        count = sum(w.parties_by_step.get(step, 0) for w in items)
        if count:
            steps[step] = count
    return WardFigures(
        ward="",
        parties=sum(w.parties for w in items),
        parties_by_step=steps,
        money_approved_vnd=sum(w.money_approved_vnd for w in items),
        money_paid_vnd=sum(w.money_paid_vnd for w in items),
        area_planned_m2=sum((w.area_planned_m2 for w in items), Decimal(0)),
        area_recovered_m2=sum((w.area_recovered_m2 for w in items), Decimal(0)),
    )


class RegisterDashboard:
    """Per-ward sums of a project's register with a few grouped queries, never loading the parties."""

    def __init__(self, context: ServiceContext) -> None:
        self._context = context

    def figures(self, project_id: int) -> DashboardFigures:
        """Parties per current step, money approved and paid, area to recover and handed over, per ward."""
        by_step, money, areas = self._sums(project_id, per_ward=True)
        counts: dict[str, dict[str, int]] = {}
        for name, step, count in by_step:
            counts.setdefault(str(name), {})[str(step)] = int(count)
        paid = {str(name): (int(approved or 0), int(done or 0)) for name, approved, done in money}
        land = {str(name): (Decimal(planned or 0), Decimal(handed or 0)) for name, planned, handed in areas}
        wards = []
        for name in sorted(counts):
            per_step = {step: counts[name][step] for step in STEP_ORDER if counts[name].get(step)}
            approved, done = paid.get(name, (0, 0))
            planned, handed = land.get(name, (Decimal(0), Decimal(0)))
            wards.append(WardFigures(name, sum(per_step.values()), per_step, approved, done, planned, handed))
        return DashboardFigures(wards=tuple(wards), total=total_of(wards))

    def totals(self, project_id: int) -> WardFigures:
        """The whole project's figures without the per-ward grouping (the project home; about half the time)."""
        by_step, money, areas = self._sums(project_id, per_ward=False)
        counts = {str(step): int(count) for step, count in by_step}
        per_step = {step: counts[step] for step in STEP_ORDER if counts.get(step)}
        approved, done = money[0] if money else (0, 0)
        planned, handed = areas[0] if areas else (0, 0)
        return WardFigures(
            "",
            sum(per_step.values()),
            per_step,
            int(approved or 0),
            int(done or 0),
            Decimal(planned or 0),
            Decimal(handed or 0),
        )

    def _sums(self, project_id: int, *, per_ward: bool) -> tuple[Sequence[Any], Sequence[Any], Sequence[Any]]:
        """Parties per step, money, areas: three grouped queries, each row led by the ward when `per_ward` (SQLAlchemy's
        own select, whose column lists may be built)."""
        party = col(AffectedParty.project_id) == project_id
        wards = [col(AffectedParty.ward)] if per_ward else []
        steps = sql_select(*wards, _step_of_party().label("step")).where(party).subquery()
        step_keys = [steps.c.ward, steps.c.step] if per_ward else [steps.c.step]
        amount = col(CompensationLine.amount_vnd)
        area = col(LandParcel.recovered_area_m2)
        with self._context.database.begin() as session:
            by_step = session.execute(sql_select(*step_keys, func.count()).group_by(*step_keys)).all()
            money = session.execute(
                sql_select(
                    *wards,
                    func.sum(case((col(AffectedParty.approved_on).is_not(None), amount), else_=0)),
                    func.sum(case((col(AffectedParty.paid_on).is_not(None), amount), else_=0)),
                )
                .select_from(AffectedParty)
                .join(CompensationLine, col(CompensationLine.party_id) == col(AffectedParty.id))
                .where(party)
                .group_by(*wards)
            ).all()
            areas = session.execute(
                sql_select(
                    *wards,
                    func.sum(area),
                    func.sum(case((col(AffectedParty.handed_over_on).is_not(None), area), else_=0)),
                )
                .select_from(AffectedParty)
                .join(LandParcel, col(LandParcel.party_id) == col(AffectedParty.id))
                .where(party)
                .group_by(*wards)
            ).all()
        return by_step, money, areas
