"""The register of a project summed per ward in SQL, for the dashboard and the PDF appendix's charts."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import ColumnElement, case, func, literal
from sqlmodel import col, select

from dossier_app.domain.models import AffectedParty, CompensationLine, LandParcel
from dossier_app.domain.register import ALL_STEPS
from dossier_app.export.charts import STEP_ORDER, WardFigures
from dossier_app.services.core.context import ServiceContext
from dossier_app.services.register.register import NO_STEP, _step_clause


@dataclass(frozen=True)
class DashboardFigures:
    """A project's figures per ward (in ward order) and for the whole project (`total.ward` is empty)."""

    wards: tuple[WardFigures, ...] = ()
    total: WardFigures = field(default_factory=lambda: WardFigures(ward=""))


def _step_of_party() -> ColumnElement[str]:
    """The step a party last reached, as SQL: the same rule as register.current_step and the step filter."""
    return case(*((_step_clause(step), literal(step)) for step in reversed(ALL_STEPS)), else_=literal(NO_STEP))


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
        party = col(AffectedParty.project_id) == project_id
        ward = col(AffectedParty.ward)
        steps = select(ward.label("ward"), _step_of_party().label("step")).where(party).subquery()
        amount = col(CompensationLine.amount_vnd)
        area = col(LandParcel.recovered_area_m2)
        with self._context.database.begin() as session:
            by_step = session.exec(
                select(steps.c.ward, steps.c.step, func.count()).group_by(steps.c.ward, steps.c.step)
            ).all()
            money = session.exec(
                select(
                    ward,
                    func.sum(case((col(AffectedParty.approved_on).is_not(None), amount), else_=0)),
                    func.sum(case((col(AffectedParty.paid_on).is_not(None), amount), else_=0)),
                )
                .join(CompensationLine, col(CompensationLine.party_id) == col(AffectedParty.id))
                .where(party)
                .group_by(ward)
            ).all()
            areas = session.exec(
                select(
                    ward,
                    func.sum(area),
                    func.sum(case((col(AffectedParty.handed_over_on).is_not(None), area), else_=0)),
                )
                .join(LandParcel, col(LandParcel.party_id) == col(AffectedParty.id))
                .where(party)
                .group_by(ward)
            ).all()
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
