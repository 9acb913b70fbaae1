"""The project home's figures on the Cần Thơ demo agree with each service's own read model."""

from pathlib import Path

from dossier_app.domain.milestones import Risk
from dossier_app.domain.readiness import Group, Light
from dossier_app.domain.review_clock import ConsultationState
from dossier_app.services import Services
from dossier_app.services.demo.review_demo import RETURNED, WAITING
from dossier_app.services.export.export_history import record_export


def _id(services: Services, code: str) -> int:
    return services.projects.by_code(code).id


def _section(services: Services, code: str, key: str) -> int:
    return services.dossiers.section_by_key(_id(services, code), key).id


def test_the_review_figures_count_the_demo_story(demo_services: Services) -> None:
    home = demo_services.home.home(_id(demo_services, "CT-HTP"))
    overview = demo_services.reviews.overview(home.project_id)
    review = home.review
    assert review.required == sum(d.required_total for d in overview) == 17
    assert review.written == sum(d.written for d in overview)
    assert review.approved == sum(d.approved for d in overview) == 1  # the other approval was changed since
    assert [d.title for d in review.documents] == [d.title for d in overview]
    assert [s.section_id for s in review.waiting] == [_section(demo_services, "CT-HTP", WAITING)]
    assert review.oldest_waiting is not None and review.oldest_waiting.submitted_by == "chuyenvien"
    assert review.returned == (_section(demo_services, "CT-HTP", RETURNED),)
    unwritten = review.first_unwritten
    assert unwritten is not None and demo_services.dossiers.section(unwritten).word_count == 0
    assert demo_services.dossiers.section(unwritten).required


def test_a_draft_dossier_has_nothing_waiting_or_returned(draft_demo_services: Services) -> None:
    review = draft_demo_services.home.home(_id(draft_demo_services, "CT-HTP")).review
    assert review.waiting == () and review.returned == () and review.approved == 0
    assert review.oldest_waiting is None


def test_readiness_counts_and_the_first_items_to_fix(demo_services: Services) -> None:
    project_id = _id(demo_services, "CT-ITP")
    home = demo_services.home.home(project_id)
    report = demo_services.readiness.report(project_id)
    assert [home.count(light) for light in Light] == [report.count(light) for light in Light]
    assert home.count(Light.RED) > 0
    to_fix = home.to_fix
    assert 0 < len(to_fix) <= 4 and all(item.light is Light.RED for item in to_fix)
    assert to_fix[0].group is not Group.DOCUMENTS  # the documents' own lines are in the review figures


def test_land_clearance_is_the_dashboard_total_and_the_plan_flags(demo_services: Services) -> None:
    project_id = _id(demo_services, "CT-ITP")
    home = demo_services.home.home(project_id)
    assert home.clearance == demo_services.dashboard.figures(project_id).total
    assert home.clearance.parties == 480
    plan = demo_services.milestones.plan(project_id)
    flagged = {
        m.key: plan.assessment(m.key).risk for m in plan.milestones if plan.assessment(m.key).risk is not Risk.ON_TRACK
    }
    assert {flag.key: flag.risk for flag in home.milestones} == flagged
    assert {Risk.OVERDUE, Risk.AT_RISK} <= set(flagged.values())
    assert home.milestones[0].risk is Risk.OVERDUE  # overdue ones first
    assert all(flag.title == plan.milestone(flag.key).title for flag in home.milestones)


def test_consultations_are_the_overview_of_today(demo_services: Services) -> None:
    project_id = _id(demo_services, "CT-HTP")
    home = demo_services.home.home(project_id)
    assert home.consultations == demo_services.consultations.overview(project_id)
    states = {row.state for row in home.consultations.rows}
    assert ConsultationState.OVERDUE in states and ConsultationState.DUE_SOON in states


def test_the_last_export_is_the_newest_package(demo_services: Services, tmp_path: Path) -> None:
    project_id = _id(demo_services, "CT-HTP")
    assert demo_services.home.home(project_id).last_export is None
    for n, draft in ((1, True), (2, False)):
        with demo_services.database.begin() as session:
            record_export(
                session, project_id, "vanthu", draft, tmp_path / f"CT-HTP_2026-12-06_{n}", None, "ab" * 32, {}
            )
    last = demo_services.home.home(project_id).last_export
    assert last is not None and last.folder_name == "CT-HTP_2026-12-06_2" and not last.draft
    assert demo_services.home.home(_id(demo_services, "CT-ITP")).last_export is None
