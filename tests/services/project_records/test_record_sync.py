"""A project's records in sync, with the server's services in this process (and its database on PostgreSQL when the
suite has one): a pulled plan waits for nothing; a filing date set offline on two laptops while the server had none
becomes the server's row on the second and a conflict keeping both dates; a replica that pulled before records were
pushed takes its rows as the server's once; a step edited offline while another desk moved it keeps both."""

from dataclasses import replace
from datetime import date
from pathlib import Path

from sqlalchemy import delete
from sqlmodel import col, select

from dossier_app.domain.comment_register import CommentState
from dossier_app.domain.conditions import ConditionStatus
from dossier_app.domain.enums import Role
from dossier_app.domain.models import ConditionEvidence, ReviewSchedule, Setting, SyncShadow
from dossier_app.services import Services, open_services
from dossier_app.services.core.context import Operator
from dossier_app.services.dossier.projects import ProjectView
from dossier_app.services.project_records.sync import RECORDS, SHADOWED_KEY, waiting
from dossier_app.services.review.comment_register import CommentInput
from tests.conftest import FAST_HASHER
from tests.services.sync.test_row_sync import OFFICER, sync


def test_a_pulled_plan_waits_for_nothing(server: Services, desks: dict[str, Services], itp: ProjectView) -> None:
    desk = desks["a"]
    with desk.database.begin() as session:
        assert waiting(session) == {}
    assert desk.replica.waiting() == 0
    assert desk.milestones.plan(itp.id).milestones == server.milestones.plan(itp.id).milestones


def test_a_filing_date_set_on_two_laptops_before_the_server_had_one_conflicts_keeping_both(
    server: Services, desks: dict[str, Services], itp: ProjectView
) -> None:
    a, b = desks["a"], desks["b"]
    a.consultations.set_submitted(itp.id, date(2027, 1, 15))
    b.consultations.set_submitted(itp.id, date(2027, 2, 1))
    assert sync(a, server, "a").clean
    report = sync(b, server, "b")
    assert report.conflicts == [f"{itp.code}: ngày nộp hồ sơ/filing date"], report
    with server.database.begin() as session:
        server_uid = session.exec(select(ReviewSchedule.uid)).one()
    with b.database.begin() as session:
        assert session.exec(select(ReviewSchedule.uid)).one() == server_uid  # ours became the server's row
    [conflict] = b.record_conflicts.listing()
    assert (conflict.field, conflict.ours, conflict.theirs) == ("submitted_on", "2027-02-01", "2027-01-15")
    assert b.consultations.overview(itp.id).submitted_on == date(2027, 2, 1)  # ours kept until a person picks
    assert b.replica.waiting() == 0  # nothing of it is pushed meanwhile
    b.record_conflicts.resolve(conflict.id, take_theirs=False)
    assert sync(b, server, "b").clean
    assert server.consultations.overview(itp.id).submitted_on == date(2027, 2, 1)
    assert sync(a, server, "a").clean
    assert a.consultations.overview(itp.id).submitted_on == date(2027, 2, 1)


def test_a_replica_from_before_records_were_pushed_takes_its_rows_as_the_servers_once(
    server: Services, desks: dict[str, Services], itp: ProjectView
) -> None:
    desk = desks["a"]
    with desk.database.begin() as session:
        session.execute(delete(SyncShadow).where(col(SyncShadow.table_name).in_(RECORDS)))
        session.execute(delete(Setting).where(col(Setting.key) == SHADOWED_KEY))
    report = sync(desk, server, "a")
    assert report.clean and not report.pushed, report
    assert desk.replica.waiting() == 0


def test_a_step_edited_on_one_laptop_and_moved_on_the_other_keeps_both(
    server: Services, desks: dict[str, Services], itp: ProjectView
) -> None:
    a, b = desks["a"], desks["b"]
    steps = a.milestones.plan(itp.id).milestones
    last = steps[-1]
    a.milestones.move_step(itp.id, last.key, 0)
    b.milestones.update_step(itp.id, replace(last, responsible="Trung tâm Phát triển quỹ đất quận"))
    assert sync(a, server, "a").clean
    report = sync(b, server, "b")
    assert report.clean and not report.conflicts, report
    assert sync(a, server, "a").clean
    for desk in (a, b, server):
        plan = desk.milestones.plan(itp.id)
        assert plan.milestones[0].key == last.key
        assert plan.milestone(last.key).responsible == "Trung tâm Phát triển quỹ đất quận"
    assert a.milestones.plan(itp.id).milestones == b.milestones.plan(itp.id).milestones


def test_a_step_whose_place_went_elsewhere_and_back_on_the_server_is_moved_by_the_same_change_again(
    server: Services, desks: dict[str, Services], itp: ProjectView
) -> None:
    """A and B each remove a step ahead of the second last one (so both move it up one place); A syncs first. A step
    added on the server ahead of it puts it back at its old place. B's change of its place is then A's very change
    (the same fields on the same base): its id was the same, the server answered that it had applied it already and
    did nothing, and B took its place for the server's for good."""
    a, b = desks["a"], desks["b"]
    keys = [step.key for step in server.milestones.plan(itp.id).milestones]
    a.milestones.remove_step(itp.id, keys[-4])
    b.milestones.remove_step(itp.id, keys[-3])
    assert sync(a, server, "a").clean
    server.milestones.add_step(itp.id, "Bước thêm trên máy chủ", position=len(keys) - 3)
    for desk, name in ((b, "b"), (a, "a"), (b, "b")):
        sync(desk, server, name)
    order = [step.key for step in server.milestones.plan(itp.id).milestones]
    for desk in (a, b):
        assert [step.key for step in desk.milestones.plan(itp.id).milestones] == order
        with desk.database.begin() as session:
            assert waiting(session) == {}


def test_consultations_recorded_offline_reach_the_server_and_the_same_body_added_twice_is_one(
    server: Services, desks: dict[str, Services], itp: ProjectView
) -> None:
    a, b = desks["a"], desks["b"]
    added = a.consultations.add(itp.id, "Bộ Kế hoạch và Đầu tư", 15)
    a.consultations.update(added.id, sent_on=date(2027, 1, 20), letter_ref="12/UBND-KT")
    twice = b.consultations.add(itp.id, "bộ kế hoạch và đầu tư", 15)  # the same body, typed again offline
    b.consultations.update(twice.id, sent_on=date(2027, 1, 22))
    assert sync(a, server, "a").clean
    report = sync(b, server, "b")
    assert report.conflicts == [f"{itp.code}: cơ quan hỏi ý kiến/consultation 'bộ kế hoạch và đầu tư'"], report
    assert {(c.field, c.ours, c.theirs) for c in b.record_conflicts.listing()} == {
        ("name", "bộ kế hoạch và đầu tư", "Bộ Kế hoạch và Đầu tư"),
        ("sent_on", "2027-01-22", "2027-01-20"),
    }
    [row] = b.consultations.overview(itp.id).rows  # one body, not two
    assert row.letter_ref == "12/UBND-KT"  # the server's field nobody changed here
    for conflict in b.record_conflicts.listing():
        b.record_conflicts.resolve(conflict.id, take_theirs=conflict.field == "name")
    assert sync(b, server, "b").clean and sync(a, server, "a").clean
    for desk in (a, b, server):
        [row] = desk.consultations.overview(itp.id).rows
        assert (row.name, row.sent_on, row.letter_ref) == ("Bộ Kế hoạch và Đầu tư", date(2027, 1, 22), "12/UBND-KT")
    b.consultations.remove(b.consultations.overview(itp.id).rows[0].id)
    assert sync(b, server, "b").clean and sync(a, server, "a").clean
    assert a.consultations.overview(itp.id).rows == server.consultations.overview(itp.id).rows == ()


def test_conditions_assessed_on_two_laptops_merge_and_the_same_status_conflicts(
    server: Services, desks: dict[str, Services], itp: ProjectView
) -> None:
    a, b = desks["a"], desks["b"]
    first, second = (row.key for row in a.checklist.conditions(itp.id)[:2])
    a.checklist.set_condition(itp.id, first, ConditionStatus.MET, "Đã có quyết định quy hoạch.")
    a.checklist.set_condition(itp.id, second, ConditionStatus.MET, "")
    b.checklist.set_condition(itp.id, second, ConditionStatus.NOT_MET, "Thiếu ý kiến Bộ Xây dựng.")
    assert sync(a, server, "a").clean
    report = sync(b, server, "b")
    assert report.conflicts == [f"{itp.code}: điều kiện/condition {second}"], report
    [conflict] = b.record_conflicts.listing()
    assert (conflict.field, conflict.ours, conflict.theirs) == ("status", "not_met", "met")
    shown = {row.key: row for row in b.checklist.conditions(itp.id)}
    assert (shown[first].status, shown[first].note) == (ConditionStatus.MET, "Đã có quyết định quy hoạch.")
    assert (shown[second].status, shown[second].note) == (ConditionStatus.NOT_MET, "Thiếu ý kiến Bộ Xây dựng.")
    b.record_conflicts.resolve(conflict.id, take_theirs=False)
    assert sync(b, server, "b").clean and sync(a, server, "a").clean
    for desk in (a, b, server):
        shown = {row.key: row for row in desk.checklist.conditions(itp.id)}
        assert (shown[second].status, shown[second].note) == (ConditionStatus.NOT_MET, "Thiếu ý kiến Bộ Xây dựng.")
    assert a.replica.waiting() == b.replica.waiting() == 0


def _section(services: Services, project_id: int) -> tuple[int, int]:
    """A section of the project and its latest revision (one is written first if it has none)."""
    section = services.dossiers.section_by_key(project_id, "tt.can_cu_phap_ly")
    saved = services.dossiers.save_body(section.id, "Đoạn trả lời ý kiến của Bộ.\n")
    assert saved.revision is not None
    return section.id, saved.revision.id


def test_ministry_comments_recorded_offline_reach_the_server_with_their_section_and_answer(
    server: Services, desks: dict[str, Services], itp: ProjectView
) -> None:
    a, b = desks["a"], desks["b"]
    section_id, revision_id = _section(a, itp.id)
    made = a.comment_register.add(
        itp.id,
        CommentInput(
            source="Bộ Khoa học và Công nghệ",
            body="Bổ sung căn cứ pháp lý.",
            received_on=date(2027, 2, 3),
            section_id=section_id,
            response="Đã bổ sung tại mục 1.",
            state=CommentState.ACCEPTED,
            resolved_revision_id=revision_id,
        ),
    )
    assert sync(a, server, "a").clean
    assert sync(b, server, "b").clean
    [there] = server.comment_register.comments(itp.id)
    [here] = b.comment_register.comments(itp.id)
    for view in (there, here):
        assert (view.source, view.state, view.response, view.section_title) == (
            "Bộ Khoa học và Công nghệ",
            CommentState.ACCEPTED,
            "Đã bổ sung tại mục 1.",
            made.section_title,
        )
        assert view.resolved_revision == made.resolved_revision
    # The answer rewritten on both laptops: a conflict keeping both; the date received, changed on one, merges.
    a.comment_register.update(made.id, replace(a.comment_register.comment(made.id), response="Đã bổ sung (A)."))
    edited = b.comment_register.comment(here.id)
    b.comment_register.update(here.id, replace(edited, response="Đã bổ sung (B).", received_on=date(2027, 2, 4)))
    assert sync(a, server, "a").clean
    report = sync(b, server, "b")
    assert report.conflicts == [f"{itp.code}: ý kiến bộ ngành/ministry comment 'Bộ Khoa học và Công nghệ'"], report
    [conflict] = b.record_conflicts.listing()
    assert (conflict.field, conflict.ours, conflict.theirs) == ("response", "Đã bổ sung (B).", "Đã bổ sung (A).")
    b.record_conflicts.resolve(conflict.id, take_theirs=True)
    assert sync(b, server, "b").clean and sync(a, server, "a").clean
    for desk in (a, b, server):
        [view] = desk.comment_register.comments(itp.id)
        assert (view.response, view.received_on) == ("Đã bổ sung (A).", date(2027, 2, 4))
    b.comment_register.delete(here.id)
    assert sync(b, server, "b").clean and sync(a, server, "a").clean
    assert a.comment_register.comments(itp.id) == server.comment_register.comments(itp.id) == []


def test_project_details_edited_offline_reach_the_server(
    server: Services, desks: dict[str, Services], itp: ProjectView
) -> None:
    a, b = desks["a"], desks["b"]
    a.projects.update(itp.id, replace(a.projects.get(itp.id), signer_name="Trần Văn Hai", ward="Phường An Bình"))
    b.projects.update(itp.id, replace(b.projects.get(itp.id), signer_name="Lê Thị Ba", investor="Công ty ABC"))
    assert sync(a, server, "a").clean
    report = sync(b, server, "b")
    assert report.conflicts == [f"{itp.code}: thông tin dự án/project details"], report
    [conflict] = b.record_conflicts.listing()
    assert (conflict.field, conflict.ours, conflict.theirs) == ("signer_name", "Lê Thị Ba", "Trần Văn Hai")
    b.record_conflicts.resolve(conflict.id, take_theirs=False)
    assert sync(b, server, "b").clean and sync(a, server, "a").clean
    for desk in (a, b, server):
        shown = desk.projects.get(itp.id)
        assert (shown.signer_name, shown.ward, shown.investor) == ("Lê Thị Ba", "Phường An Bình", "Công ty ABC")


def test_baselines_taken_offline_reach_the_server_as_taken_and_a_name_taken_twice_is_kept_twice(
    server: Services, desks: dict[str, Services], itp: ProjectView
) -> None:
    a, b = desks["a"], desks["b"]
    first = a.milestones.plan(itp.id).milestones[0]
    a.milestones.update_step(itp.id, replace(first, planned_start=date(2027, 3, 1), planned_end=date(2027, 3, 31)))
    a.milestones.take_baseline(itp.id, "Kế hoạch được duyệt")
    b.milestones.take_baseline(itp.id, "Kế hoạch được duyệt")  # the same name, taken offline on the other laptop
    assert sync(a, server, "a").clean
    assert sync(b, server, "b").clean
    assert sync(a, server, "a").clean
    names = ["Kế hoạch được duyệt", "Kế hoạch được duyệt (2)"]
    for desk in (a, b, server):
        assert [info.name for info in desk.milestones.baselines(itp.id)] == names
    frozen = server.milestones.baseline(itp.id, "Kế hoạch được duyệt")
    assert frozen == a.milestones.baseline(itp.id, "Kế hoạch được duyệt")  # as taken, to the moment
    assert frozen.planned[0].planned_end == date(2027, 3, 31)
    assert b.milestones.baseline(itp.id, "Kế hoạch được duyệt (2)").planned[0].planned_end is None
    assert a.replica.waiting() == b.replica.waiting() == 0


def test_evidence_linked_offline_reaches_the_server_and_the_same_link_made_twice_is_one(
    server: Services, desks: dict[str, Services], itp: ProjectView
) -> None:
    a, b = desks["a"], desks["b"]
    key = a.checklist.conditions(itp.id)[0].key
    plan, legal = "tt.can_cu_phap_ly", "tt.su_can_thiet"

    def linked(desk: Services) -> list[str]:
        [row] = [row for row in desk.checklist.conditions(itp.id) if row.key == key]
        return sorted(link.title for link in row.evidence)

    def sections(desk: Services, *keys: str) -> list[tuple[str, int]]:
        return [("section", desk.dossiers.section_by_key(itp.id, wanted).id) for wanted in keys]

    a.checklist.set_condition(itp.id, key, ConditionStatus.MET, "", sections(a, plan))
    b.checklist.set_condition(itp.id, key, ConditionStatus.MET, "", sections(b, plan, legal))  # the same link, and one
    assert sync(a, server, "a").clean
    report = sync(b, server, "b")
    assert report.clean, report
    assert sync(a, server, "a").clean
    titles = sorted(server.dossiers.section_by_key(itp.id, wanted).title for wanted in (plan, legal))
    assert linked(server) == linked(a) == linked(b) == titles  # each link once, on every desk
    with server.database.begin() as session:  # the desks' links are the server's rows (their uids), none twice
        rows = session.exec(select(ConditionEvidence.uid)).all()
    for desk in (a, b):
        with desk.database.begin() as session:
            assert sorted(session.exec(select(ConditionEvidence.uid)).all()) == sorted(rows)
    a.checklist.set_condition(itp.id, key, ConditionStatus.MET, "", sections(a, legal))  # the first link removed
    assert sync(a, server, "a").clean and sync(b, server, "b").clean
    assert linked(server) == linked(b) == [server.dossiers.section_by_key(itp.id, legal).title]
    assert a.replica.waiting() == b.replica.waiting() == 0


def test_a_clerk_linking_evidence_offline_is_refused_and_the_server_keeps_its_links(
    server: Services, desks: dict[str, Services], itp: ProjectView
) -> None:
    a = desks["a"]
    key = a.checklist.conditions(itp.id)[0].key
    section = a.dossiers.section_by_key(itp.id, "tt.can_cu_phap_ly").id
    a.checklist.set_condition(itp.id, key, ConditionStatus.MET, "", [("section", section)])
    server.accounts.set_roles(OFFICER, [Role.CLERK])
    report = sync(a, server, "a")
    refused = {refusal.label: refusal.message_en for refusal in report.refused}
    assert refused[f"{itp.code}: bằng chứng của điều kiện/condition evidence"], report  # named, with its reason
    assert "not allowed" in refused[f"{itp.code}: điều kiện/condition {key}"]
    assert all(not row.evidence for row in server.checklist.conditions(itp.id))


def test_document_numbers_taken_offline_reach_the_server_never_go_back_and_numbers_taken_twice_are_named(
    server: Services, itp: ProjectView, tmp_path: Path
) -> None:
    server.numbers.set(itp.code, "TTr", 15)
    first, second = (
        open_services(str(tmp_path / f"{name}.sqlite3"), Operator("cli:tester"), password_hasher=FAST_HASHER)
        for name in ("first", "second")
    )
    try:
        for desk in (first, second):
            assert sync(desk, server, "manager").clean and desk.numbers.get(itp.code, "TTr") == 15
        first.numbers.set(itp.code, "TTr", 17)  # two final exports offline took 15 and 16
        second.numbers.set(itp.code, "TTr", 16)  # one took 15 on the other desk
        assert sync(first, server, "manager").clean
        assert server.numbers.get(itp.code, "TTr") == 17
        report = sync(second, server, "manager")
        assert report.to_check == [
            f"{itp.code}: số văn bản/document number TTr: số 15 đã cấp ở cả máy này và máy khác/"
            "numbers 15 taken here and elsewhere"
        ], report
        assert second.numbers.get(itp.code, "TTr") == 17  # the higher number stands, nothing is offered twice
        assert sync(second, server, "manager").clean and server.numbers.get(itp.code, "TTr") == 17
        first.numbers.set(itp.code, "TTr", 12)  # the clerk corrects the counter from the register: it travels
        assert sync(first, server, "manager").clean and sync(second, server, "manager").clean
        assert server.numbers.get(itp.code, "TTr") == first.numbers.get(itp.code, "TTr") == 12
        assert second.numbers.get(itp.code, "TTr") == 12
        second.numbers.set(itp.code, "ĐA", 3)  # a counter the server did not have
        assert sync(second, server, "manager").clean and sync(first, server, "manager").clean
        assert server.numbers.get(itp.code, "ĐA") == first.numbers.get(itp.code, "ĐA") == 3
        assert first.replica.waiting() == second.replica.waiting() == 0
    finally:
        first.close()
        second.close()
