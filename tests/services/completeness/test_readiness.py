"""Facts, checklist, comment register and the readiness report on a real database (SQLite and PostgreSQL)."""

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import text

from dossier_app.domain.comment_register import CommentState
from dossier_app.domain.conditions import ConditionStatus, Outcome, ProjectFacts
from dossier_app.domain.errors import NotFound, PermissionDenied, ValidationFailed
from dossier_app.domain.milestones import Risk
from dossier_app.domain.readiness import Group, Light, MilestoneSignal, TargetKind
from dossier_app.services import Services
from dossier_app.services.completeness.readiness import ReadinessService
from dossier_app.services.dossier.projects import ProjectView
from dossier_app.services.review.comment_register import CommentInput
from tests.services.readiness_support import PASSING, complete_project
from tests.services.review_support import act_as, create_cast, write


def _count(services: Services, table: str) -> int:
    with services.database.engine.connect() as connection:
        return int(connection.execute(text(f"SELECT count(*) FROM {table}")).scalar() or 0)


def test_facts_round_trip_and_drive_the_criteria(services: Services, itp: ProjectView) -> None:
    saved = services.checklist.save_facts(itp.id, PASSING)
    assert saved == PASSING
    assert services.projects.get(itp.id).area_ha == Decimal("5")
    outcomes = {r.key: r.outcome for r in services.checklist.criteria(itp.id)}
    assert set(outcomes.values()) == {Outcome.PASS}
    services.checklist.save_facts(itp.id, ProjectFacts(**{**vars(PASSING), "building_density_pct": Decimal("40.01")}))
    outcomes = {r.key: r.outcome for r in services.checklist.criteria(itp.id)}
    assert outcomes["building_density"] is Outcome.FAIL


@pytest.mark.parametrize(
    "bad",
    [
        ProjectFacts(it_workers=10, total_workforce=5),
        ProjectFacts(building_density_pct=Decimal("101")),
        ProjectFacts(core_area_ha=Decimal("3"), construction_land_ha=Decimal("2")),
        ProjectFacts(it_workers=-1),
    ],
)
def test_impossible_facts_are_refused_and_nothing_changes(
    services: Services, itp: ProjectView, bad: ProjectFacts
) -> None:
    services.checklist.save_facts(itp.id, PASSING)
    with pytest.raises(ValidationFailed):
        services.checklist.save_facts(itp.id, bad)
    assert services.checklist.facts(itp.id) == PASSING


def test_condition_status_note_and_evidence_persist(services: Services, itp: ProjectView, tmp_path: Path) -> None:
    rows = services.checklist.conditions(itp.id)
    assert [r.key for r in rows] == [c.key for c in services.context.regime("nd154_2013").conditions]
    assert {r.status for r in rows} == {ConditionStatus.UNKNOWN}
    section = services.dossiers.section_by_key(itp.id, "da.2_dap_ung_tieu_chi")
    source = tmp_path / "ban_do.pdf"
    source.write_bytes(b"%PDF map")
    attachment = services.attachments.add(section.id, source)
    key = rows[1].key
    row = services.checklist.set_condition(
        itp.id, key, ConditionStatus.MET, " Dự báo có cơ sở ", [("section", section.id), ("attachment", attachment.id)]
    )
    assert (row.status, row.note) == (ConditionStatus.MET, "Dự báo có cơ sở")
    assert [(e.kind, e.id) for e in row.evidence] == [("section", section.id), ("attachment", attachment.id)]
    assert row.criterion is not None and row.criterion.key == "it_workers"
    row = services.checklist.set_condition(itp.id, key, ConditionStatus.NOT_MET, "", None)  # evidence kept
    assert len(row.evidence) == 2
    services.attachments.remove(attachment.id)
    assert [e.kind for e in services.checklist.conditions(itp.id)[1].evidence] == ["section"]


def test_bad_condition_input_is_refused(services: Services, itp: ProjectView, htp: ProjectView) -> None:
    with pytest.raises(ValidationFailed):
        services.checklist.set_condition(itp.id, "no_such_key", ConditionStatus.MET, "")
    other = services.dossiers.tree(htp.id)[0].sections[0].id
    before = _count(services, "conditioncheck")
    with pytest.raises(ValidationFailed):
        services.checklist.set_condition(itp.id, "art5.plan_fit", ConditionStatus.MET, "", [("section", other)])
    assert _count(services, "conditioncheck") == before
    with pytest.raises(NotFound):
        services.checklist.conditions(99999)


def test_comment_register_add_filter_update_delete(services: Services, itp: ProjectView) -> None:
    section = services.dossiers.section_by_key(itp.id, "da.2_dap_ung_tieu_chi")
    first = services.comment_register.add(
        itp.id, CommentInput("Bộ Tài chính", "Làm rõ nguồn vốn.", date(2026, 10, 2), section.id)
    )
    second = services.comment_register.add(itp.id, CommentInput("Bộ Xây dựng", "Mật độ xây dựng?", date(2026, 9, 1)))
    assert [c.id for c in services.comment_register.comments(itp.id)] == [second.id, first.id]
    assert services.comment_register.sources(itp.id) == ["Bộ Tài chính", "Bộ Xây dựng"]
    assert [c.id for c in services.comment_register.comments(itp.id, source="Bộ Tài chính")] == [first.id]
    with pytest.raises(ValidationFailed):  # an answer is needed to accept
        services.comment_register.update(
            first.id, CommentInput("Bộ Tài chính", "Làm rõ nguồn vốn.", state=CommentState.ACCEPTED)
        )
    write(services, section.id, "Nguồn vốn: ngân sách thành phố.", author="cli:tester")
    revision = services.dossiers.revisions(section.id)[0]
    updated = services.comment_register.update(
        first.id,
        CommentInput(
            "Bộ Tài chính",
            "Làm rõ nguồn vốn.",
            date(2026, 10, 2),
            section.id,
            "Đã bổ sung.",
            CommentState.ACCEPTED,
            revision.id,
        ),
    )
    assert (updated.state, updated.resolved_revision, updated.section_title) == (
        CommentState.ACCEPTED,
        revision.number,
        section.title,
    )
    assert [c.id for c in services.comment_register.comments(itp.id, state=CommentState.PENDING)] == [second.id]
    rows = services.comment_register.rows(itp.id)
    assert [(r.number, r.id) for r in rows] == [(1, first.id), (2, second.id)]  # linked section first
    with pytest.raises(ValidationFailed):  # a revision of another section
        other = services.dossiers.section_by_key(itp.id, "da.1_su_can_thiet_can_cu").id
        services.comment_register.update(
            second.id, CommentInput("Bộ Xây dựng", "x", section_id=other, resolved_revision_id=revision.id)
        )
    services.comment_register.delete(second.id)
    assert [c.id for c in services.comment_register.comments(itp.id)] == [first.id]


def test_writing_needs_the_right_role(services: Services, itp: ProjectView) -> None:
    create_cast(services)
    act_as(services, "cuong")  # a clerk
    with pytest.raises(PermissionDenied):
        services.comment_register.add(itp.id, CommentInput("Bộ", "x"))
    with pytest.raises(PermissionDenied):
        services.checklist.set_condition(itp.id, "art5.plan_fit", ConditionStatus.MET, "")
    assert _count(services, "ministrycomment") == 0


def test_new_project_report_lists_what_is_missing(services: Services, itp: ProjectView) -> None:
    report = services.readiness.report(itp.id)
    assert not report.complete
    groups = {item.group for item in report.items}
    assert groups == set(Group)
    attachments = report.group(Group.ATTACHMENTS)
    assert [(i.target.ref, i.light) for i in attachments] == [("planning_map", Light.RED), ("eia_decision", Light.RED)]
    homes = [services.dossiers.section(i.target.section_id or 0).outline_key for i in attachments]
    assert homes == ["da.7_ban_do_quy_hoach", "da.8_quyet_dinh_dtm"]
    first = report.group(Group.DOCUMENTS)[0]
    assert first.target.kind is TargetKind.SECTION
    assert services.dossiers.section(int(first.target.ref)).required
    plan = [i.message for i in report.group(Group.MILESTONES)]  # the persisted plan, read through the provider
    assert plan == [f"{len(services.milestones.plan(itp.id).milestones)} of 16 milestones on track"]
    assert services.readiness.report_for_code(itp.code.lower()).project_id == itp.id
    with pytest.raises(NotFound):
        services.readiness.report_for_code("NOPE")


def test_high_tech_park_needs_only_the_map(services: Services, htp: ProjectView) -> None:
    kinds = [i.target.ref for i in services.readiness.report(htp.id).group(Group.ATTACHMENTS)]
    assert kinds == ["establishment_map"]


def test_a_complete_project_has_no_red_and_a_milestone_provider_is_used(
    services: Services, itp: ProjectView, tmp_path: Path
) -> None:
    complete_project(services, itp, tmp_path)
    report = services.readiness.report(itp.id)
    assert [i.message for i in report.items if i.light is Light.RED] == []
    assert report.complete
    signals = [MilestoneSignal("M2", "Thông báo thu hồi đất", Risk.OVERDUE)]
    tracked = ReadinessService(services.context, services.checklist, milestones=lambda _project_id: signals)
    untracked = ReadinessService(services.context, services.checklist)
    assert [i.light for i in untracked.report(itp.id).group(Group.MILESTONES)] == [Light.AMBER]
    milestones = tracked.report(itp.id).group(Group.MILESTONES)
    assert [(i.light, i.target.ref) for i in milestones] == [(Light.RED, "M2")]
    assert not tracked.report(itp.id).complete
    services.comment_register.add(itp.id, CommentInput("Bộ Công an", "Ý kiến mới"))
    assert not services.readiness.report(itp.id).complete


def test_demo_gives_ct_itp_facts_checklist_and_comments(demo_services: Services) -> None:
    project = demo_services.projects.by_code("CT-ITP")
    assert demo_services.checklist.facts(project.id).it_workers == 2400
    statuses = [r.status for r in demo_services.checklist.conditions(project.id)]
    assert ConditionStatus.MET in statuses and ConditionStatus.UNKNOWN in statuses
    states = {c.state for c in demo_services.comment_register.comments(project.id)}
    assert states == {CommentState.ACCEPTED, CommentState.EXPLAINED, CommentState.PENDING}
    demo_services.demo.load()
    assert len(demo_services.comment_register.comments(project.id)) == 3  # loading again adds nothing


def test_attachment_kinds_come_from_the_regime(services: Services, itp: ProjectView, tmp_path: Path) -> None:
    section = services.dossiers.section_by_key(itp.id, "da.8_quyet_dinh_dtm")
    assert [k.key for k in services.attachments.kinds(section.id)] == ["planning_map", "eia_decision"]
    source = tmp_path / "qd_dtm.pdf"
    source.write_bytes(b"%PDF eia")
    attachment = services.attachments.add(section.id, source)
    with pytest.raises(ValidationFailed):
        services.attachments.set_kind(attachment.id, "establishment_map")  # the high-tech park's map
    assert services.attachments.set_kind(attachment.id, "eia_decision").kind == "eia_decision"
    items = services.readiness.report(itp.id).group(Group.ATTACHMENTS)
    assert [(i.target.ref, i.light) for i in items] == [("planning_map", Light.RED), ("eia_decision", Light.GREEN)]
    assert services.attachments.set_kind(attachment.id, "").kind == ""
