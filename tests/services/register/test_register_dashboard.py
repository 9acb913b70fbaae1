"""The register dashboard's per-ward sums, on a small register whose figures are known by hand."""

from datetime import date
from decimal import Decimal

import pytest

from dossier_app.domain.register import CompensationInput
from dossier_app.export.charts import WardFigures
from dossier_app.services import Services
from dossier_app.services.dossier.projects import ProjectView
from dossier_app.services.register.register import PartyFilter
from tests.services.register_support import parcel, party

HT, HP = "Phường Hưng Thạnh", "Phường Hưng Phú"
PNG = b"\x89PNG\r\n\x1a\n"
D = date  # short dates for the table below


def _money(*amounts: int) -> tuple[CompensationInput, ...]:
    return tuple(CompensationInput(kind="land", amount_vnd=amount) for amount in amounts)


def _steps(*names: str) -> dict[str, date | None]:
    """Step dates in order up to the named ones (other steps empty)."""
    days = {
        "notified_on": D(2026, 3, 1),
        "inventoried_on": D(2026, 4, 1),
        "plan_posted_on": D(2026, 5, 1),
        "approved_on": D(2026, 6, 1),
        "paid_on": D(2026, 7, 1),
        "handed_over_on": D(2026, 8, 1),
        "enforced_on": D(2026, 9, 1),
    }
    return {name: (day if name in names else None) for name, day in days.items()}


def _add(services: Services, project: ProjectView, index: int, ward: str, areas: tuple[str, ...], **values) -> None:  # type: ignore[no-untyped-def]
    parcels = tuple(
        parcel("7", f"{index}{n}", ward=ward, total_area_m2=Decimal(5000), recovered_area_m2=Decimal(area))
        for n, area in enumerate(areas)
    )
    services.register.add_party(
        project.id,
        party(f"P-{index}", citizen_id=f"09208500{index:04d}", ward=ward, parcels=parcels, **values),
    )


@pytest.fixture
def known(services: Services, itp: ProjectView, htp: ProjectView) -> ProjectView:
    """Six parties in two wards; a party of another project that must not count."""
    _add(services, itp, 1, HT, ("100.50",), **_steps("notified_on"), compensation=_money(1_000_000))
    _add(
        services,
        itp,
        2,
        HT,
        ("200", "50.25"),
        **_steps("notified_on", "inventoried_on", "plan_posted_on", "approved_on"),
        compensation=_money(300_000_000, 20_000_000),
    )
    _add(
        services,
        itp,
        3,
        HT,
        ("400",),
        **_steps("notified_on", "approved_on", "paid_on", "handed_over_on"),
        compensation=_money(1_500_000_000),
    )
    _add(services, itp, 4, HP, ("75",), **_steps(), compensation=())
    _add(services, itp, 5, HP, ("60",), **_steps("approved_on", "enforced_on"), compensation=_money(50_000_000))
    _add(services, itp, 6, HP, ("80",), **_steps("approved_on", "paid_on"), compensation=_money(70_000_000))
    _add(services, htp, 7, HT, ("999",), **_steps("approved_on", "paid_on", "handed_over_on"), compensation=_money(9))
    return itp


def test_figures_per_ward_are_the_sums_worked_out_by_hand(services: Services, known: ProjectView) -> None:
    figures = services.dashboard.figures(known.id)
    assert figures.wards == (
        WardFigures(
            ward=HP,
            parties=3,
            parties_by_step={"none": 1, "paid_on": 1, "enforced_on": 1},
            money_approved_vnd=120_000_000,
            money_paid_vnd=70_000_000,
            area_planned_m2=Decimal("215"),
            area_recovered_m2=Decimal("0"),
        ),
        WardFigures(
            ward=HT,
            parties=3,
            parties_by_step={"notified_on": 1, "approved_on": 1, "handed_over_on": 1},
            money_approved_vnd=1_820_000_000,
            money_paid_vnd=1_500_000_000,
            area_planned_m2=Decimal("750.75"),
            area_recovered_m2=Decimal("400"),
        ),
    )
    total = figures.total
    assert (total.parties, total.money_approved_vnd, total.money_paid_vnd) == (6, 1_940_000_000, 1_570_000_000)
    assert (total.area_planned_m2, total.area_recovered_m2) == (Decimal("965.75"), Decimal("400"))
    assert list(total.parties_by_step) == [
        "none",
        "notified_on",
        "approved_on",
        "paid_on",
        "handed_over_on",
        "enforced_on",
    ]


def test_steps_agree_with_the_register_step_filter(services: Services, known: ProjectView) -> None:
    for ward in services.dashboard.figures(known.id).wards:
        for step in ("none", "notified_on", "approved_on", "paid_on", "handed_over_on", "enforced_on"):
            expected = services.register.count(known.id, PartyFilter(ward=ward.ward, step=step))
            assert ward.parties_by_step.get(step, 0) == expected, (ward.ward, step)


def test_areas_agree_with_the_register_totals(services: Services, known: ProjectView) -> None:
    totals = services.register.totals(known.id)
    figures = services.dashboard.figures(known.id)
    assert figures.total.area_planned_m2 == totals.project.recovered_area_m2
    assert [(w.ward, w.parties) for w in figures.wards] == [(name, t.parties) for name, t in totals.wards]


def test_an_empty_register_gives_no_wards_and_zero_totals(services: Services, itp: ProjectView) -> None:
    figures = services.dashboard.figures(itp.id)
    assert figures.wards == ()
    assert figures.total == WardFigures(ward="")
    charts = services.charts.dashboard(itp.id)
    assert all(image.startswith(PNG) for image in (charts.parties_by_step, charts.money, charts.area))


def test_chart_service_draws_the_dashboard_from_the_same_figures(services: Services, known: ProjectView) -> None:
    charts = services.charts.dashboard(known.id)
    assert charts.figures == services.dashboard.figures(known.id)
    for image in (charts.parties_by_step, charts.money, charts.area):
        assert image.startswith(PNG)
    assert charts.money == services.charts.money_png(charts.figures.wards)


def test_the_totals_alone_are_the_sum_of_the_wards(services: Services, known: ProjectView, htp: ProjectView) -> None:
    assert services.dashboard.totals(known.id) == services.dashboard.figures(known.id).total
    assert services.dashboard.totals(htp.id).parties == 1


def test_the_totals_of_an_empty_register_are_zero(services: Services, itp: ProjectView) -> None:
    assert services.dashboard.totals(itp.id) == WardFigures(ward="")
