"""A project made on a laptop reaches the server with the laptop's ids and the work done in it there (texts, outline
changes, plan), through the server's services as the person: a clerk's is refused and waits; the demo's projects
are sample data and stay on the laptop; a hostile creation (ids the server uses, a malformed outline) is refused."""

import json
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any, cast

import pytest
from sqlmodel import col, select

from dossier_app.domain.enums import Role
from dossier_app.domain.errors import ServerUnreachable
from dossier_app.domain.models import Document, Project, Section, Setting, SyncShadow
from dossier_app.services import Services, open_services
from dossier_app.services.core.context import Operator
from dossier_app.services.dossier.projects import ProjectView
from dossier_app.services.project_records.new_projects import CREATE, SENT_KEY, not_on_server, projects_to_create
from dossier_app.services.sync.client import PushAnswer, SyncConnection
from tests.conftest import FAST_HASHER
from tests.services.support import high_tech
from tests.services.sync.test_row_sync import OFFICER, Direct, sync

NEW = "CT-MOI"


def outline(services: Services, code: str) -> list[tuple[str, str | None, str, int, bool, str]]:
    """Every live section of the project: (uid, outline key, title, position, deleted, body), by uid."""
    with services.database.begin() as session:
        rows = session.exec(
            select(Section)
            .join(Document, col(Document.id) == Section.document_id)
            .join(Project, col(Project.id) == Document.project_id)
            .where(Project.code == code, col(Section.deleted_at).is_(None))
            .order_by(col(Section.uid))
        ).all()
        return [(s.uid, s.outline_key, s.title, s.position, s.deleted_at is not None, s.body) for s in rows]


def project_uid(services: Services, code: str) -> str:
    with services.database.begin() as session:
        return session.exec(select(Project.uid).where(Project.code == code)).one()


def make_here(desk: Services, itp: ProjectView) -> ProjectView:
    return desk.projects.create(replace(desk.projects.get(itp.id), code=NEW, name="Khu CNTT tập trung mở rộng"))


def test_a_project_made_on_a_laptop_reaches_the_server_with_the_work_done_in_it(
    server: Services, desks: dict[str, Services], itp: ProjectView
) -> None:
    a, b = desks["a"], desks["b"]
    made = make_here(a, itp)
    grounds = a.dossiers.section_by_key(made.id, "tt.can_cu_phap_ly")
    a.dossiers.save_body(grounds.id, "Căn cứ Luật Công nghệ thông tin năm 2006.")
    a.dossiers.save_body(grounds.id, "Căn cứ Luật Công nghệ thông tin năm 2006;\n\nCăn cứ Nghị định 154/2013/NĐ-CP.")
    a.dossiers.rename_section(grounds.id, "Căn cứ pháp lý (bổ sung)")
    document = a.dossiers.tree(made.id)[0]
    custom = a.dossiers.add_section(document.id, None, "Phụ lục bản đồ")
    a.dossiers.save_body(custom, "Bản đồ vị trí khu đất.")
    moved = document.sections[1]
    a.dossiers.move_section(moved.id, 0)  # every section of this regime is required: moved, not deleted
    extra = a.dossiers.add_section(document.id, None, "Mục làm thử")
    a.dossiers.delete_section(extra)
    a.milestones.set_at_risk_days(made.id, 21)
    first = a.milestones.plan(made.id).milestones[0]
    a.milestones.update_step(made.id, replace(first, planned_start=date(2027, 5, 1), planned_end=date(2027, 5, 31)))
    waiting = a.replica.waiting()
    assert waiting == 5  # the creation, two revisions, the custom section and its text (the rest is seen once made)

    report = sync(a, server, "a")
    assert report.clean, report
    assert f"{NEW}: dự án mới/new project" in report.pushed
    assert a.replica.waiting() == 0
    assert project_uid(server, NEW) == project_uid(a, NEW)  # made there with the laptop's ids
    assert outline(server, NEW) == outline(a, NEW)
    there = server.projects.by_code(NEW)
    assert len(server.dossiers.revisions(server.dossiers.section_by_key(there.id, "tt.can_cu_phap_ly").id)) == 2
    titles = {title for _uid, _key, title, _position, _deleted, _body in outline(server, NEW)}
    assert "Căn cứ pháp lý (bổ sung)" in titles and "Phụ lục bản đồ" in titles
    top = [node.title for node in server.dossiers.tree(there.id)[0].sections]
    assert top[:2] == [moved.title, document.sections[0].title]
    assert server.milestones.plan(there.id).at_risk_days == 21
    assert server.milestones.plan(there.id).milestones[0].planned_end == date(2027, 5, 31)
    assert server.projects.get(there.id).name == "Khu CNTT tập trung mở rộng"

    again = sync(a, server, "a")
    assert again.clean and not again.pushed, again  # nothing left over, nothing sent twice
    assert sync(b, server, "b").clean
    assert outline(b, NEW) == outline(server, NEW)
    assert b.milestones.plan(b.projects.by_code(NEW).id).at_risk_days == 21


def test_a_clerks_project_is_refused_and_its_work_waits_unsent(
    server: Services, desks: dict[str, Services], itp: ProjectView
) -> None:
    a = desks["a"]
    made = make_here(a, itp)
    a.dossiers.save_body(a.dossiers.section_by_key(made.id, "tt.can_cu_phap_ly").id, "Căn cứ.")
    server.accounts.set_roles(OFFICER, [Role.CLERK])
    report = sync(a, server, "a")
    assert [refusal.label for refusal in report.refused] == [f"{NEW}: dự án mới/new project"], report
    assert "not allowed" in report.refused[0].message_en
    assert [p.code for p in server.projects.summaries()] == [itp.code]
    assert a.replica.waiting() >= 2  # still here, still waiting
    with a.database.begin() as session:  # not made there: the next try is a first one
        assert not session.exec(select(Setting).where(col(Setting.key).startswith(SENT_KEY))).all()
    server.accounts.set_roles(OFFICER, [Role.OFFICER])
    assert sync(a, server, "a").clean  # once allowed, it goes with its work
    assert outline(server, NEW) == outline(a, NEW)


class AnswerLost(Direct):
    """A server that applies a push whose answer never comes back (the laptop's connection dropped)."""

    def push(self, based_on: int, changes: Any) -> PushAnswer:
        super().push(based_on, changes)
        raise ServerUnreachable(server=self.base_url, reason="connection reset")


def test_details_edited_after_a_creation_whose_answer_was_lost_reach_the_server(
    server: Services, desks: dict[str, Services], itp: ProjectView
) -> None:
    """The server made the project but the laptop never heard; its name was then corrected there. The next try is
    answered "already": the correction is still sent, not taken for what the server holds."""
    a, b = desks["a"], desks["b"]
    made = make_here(a, itp)
    with pytest.raises(ServerUnreachable):
        a.replica.sync(cast("SyncConnection", AnswerLost(server, OFFICER)))
    assert server.projects.by_code(NEW).name == "Khu CNTT tập trung mở rộng"  # made there all the same
    corrected = "Khu công nghệ thông tin tập trung Cần Thơ (mở rộng)"
    a.projects.update(made.id, replace(a.projects.get(made.id), name=corrected))

    report = sync(a, server, "a")
    assert report.clean and not report.conflicts, report
    assert server.projects.by_code(NEW).name == corrected
    assert sync(a, server, "a").clean and a.replica.waiting() == 0
    assert a.projects.get(made.id).name == corrected
    assert sync(b, server, "b").clean
    assert b.projects.by_code(NEW).name == corrected
    assert outline(b, NEW) == outline(server, NEW) == outline(a, NEW)
    with a.database.begin() as session:  # what the lost try sent is no longer kept
        assert not session.exec(select(Setting).where(col(Setting.key).startswith(SENT_KEY))).all()


def test_the_demos_projects_stay_on_the_laptop(server: Services, tmp_path: Path) -> None:
    desk = open_services(str(tmp_path / "demo.sqlite3"), Operator("cli:tester"), password_hasher=FAST_HASHER)
    try:
        desk.demo.load(households=3, story=False)
        report = sync(desk, server, "a")
        assert not any("dự án mới" in label for label in report.pushed), report
        assert "CT-HTP" not in {p.code for p in server.projects.summaries()}
        assert desk.replica.waiting() == 0
    finally:
        desk.close()


def pushed_creation(server: Services, fields: dict[str, Any], uid: str) -> Any:
    change = {"id": "0b7e4c1e-6d2f-5a4b-9c8d-7e6f5a4b3c2d", "table": "project", "uid": uid, "fields": fields}
    return Direct(server, OFFICER).push(server.changes.library_version(), [change]).results[0]


def test_a_hostile_creation_is_refused_and_the_server_keeps_its_rows(
    server: Services, desks: dict[str, Services], itp: ProjectView
) -> None:
    a = desks["a"]
    made = make_here(a, itp)
    with a.database.begin() as session:
        [creation] = projects_to_create(session, not_on_server(session)[0])
    fields = creation.change["fields"]
    uid = creation.change["uid"]
    assert fields[CREATE] is True and fields["regime_key"] == made.regime_key
    before = outline(server, itp.code)
    theirs = before[0][0]  # a section the server already has
    key = next(iter(fields["outline"]["sections"]))
    stolen = {**fields, "outline": {**fields["outline"], "sections": {**fields["outline"]["sections"], key: theirs}}}
    answer = pushed_creation(server, stolen, uid)
    assert answer.status == "refused" and "already has a section" in answer.message_en
    for broken, field in (
        ({**fields, "outline": "x"}, "outline"),
        ({**fields, "kind": "castle"}, "kind"),
        ({**fields, "project": "0" * 36}, "project"),
        ({**fields, "outline": {"documents": {}, "sections": {"no-slash": fields["project"]}}}, "outline"),
    ):
        answer = pushed_creation(server, broken, uid)
        assert answer.status == "refused" and field in answer.message_en, (field, answer)
    assert [p.code for p in server.projects.summaries()] == [itp.code]
    assert outline(server, itp.code) == before


def test_a_code_another_desk_took_first_is_not_merged_the_project_made_here_takes_a_free_one(
    server: Services, desks: dict[str, Services], itp: ProjectView
) -> None:
    a, b = desks["a"], desks["b"]
    ours = make_here(a, itp)
    a.dossiers.save_body(a.dossiers.section_by_key(ours.id, "tt.can_cu_phap_ly").id, "Căn cứ của máy A.")
    theirs = b.projects.create(replace(b.projects.get(itp.id), code=NEW, name="Dự án của máy B"))
    b.dossiers.save_body(b.dossiers.section_by_key(theirs.id, "tt.can_cu_phap_ly").id, "Căn cứ của máy B.")
    assert sync(b, server, "b").clean
    report = sync(a, server, "a")
    assert report.to_check == [
        f"{NEW}: mã đã có trên máy chủ, dự án làm ở máy này nay mang mã {NEW}-2/"
        f"the code is another project's on the server; the project made here is now {NEW}-2"
    ], report
    assert not report.refused and not report.conflicts, report
    assert sync(b, server, "b").clean and sync(a, server, "a").clean
    for desk in (a, b, server):
        names = {p.code: p.name for p in desk.projects.summaries()}
        assert names[NEW] == "Dự án của máy B" and names[f"{NEW}-2"] == "Khu CNTT tập trung mở rộng"
        texts = {
            code: desk.dossiers.section_by_key(desk.projects.by_code(code).id, "tt.can_cu_phap_ly").id
            for code in (NEW, f"{NEW}-2")
        }
        assert desk.dossiers.section(texts[NEW]).body.strip() == "Căn cứ của máy B."
        assert desk.dossiers.section(texts[f"{NEW}-2"]).body.strip() == "Căn cứ của máy A."
    assert outline(a, NEW) == outline(server, NEW) and outline(a, f"{NEW}-2") == outline(server, f"{NEW}-2")


def test_a_regime_switched_on_a_laptop_reaches_the_server_with_the_sections_it_made(
    server: Services, desks: dict[str, Services]
) -> None:
    """Switched offline from Decree 260/2026 back to 10/2024, the project gains sections (the environment, the
    site's boundary…); one is written at once. The server switches through the project service with the laptop's
    ids, so the text follows in the same sync and every desk ends with one outline."""
    a, b = desks["a"], desks["b"]
    made = server.projects.create(high_tech(code="CT-HTP9", regime_key="nd260_2026"))
    assert sync(a, server, "a").clean and sync(b, server, "b").clean
    here = a.projects.by_code("CT-HTP9")
    a.projects.update(here.id, replace(a.projects.get(here.id), regime_key="nd10_2024"))
    boundary = a.dossiers.section_by_key(here.id, "da.ranh_gioi_toa_do")
    a.dossiers.save_body(boundary.id, "Ranh giới theo tọa độ VN-2000 kèm theo.")
    report = sync(a, server, "a")
    assert report.clean, report
    assert server.projects.get(made.id).regime_key == "nd10_2024"
    assert outline(server, "CT-HTP9") == outline(a, "CT-HTP9")
    there = server.dossiers.section_by_key(made.id, "da.ranh_gioi_toa_do")
    assert server.dossiers.section(there.id).body.strip() == "Ranh giới theo tọa độ VN-2000 kèm theo."
    again = sync(a, server, "a")
    assert again.clean and not again.pushed, again
    assert sync(b, server, "b").clean
    assert b.projects.by_code("CT-HTP9").regime_key == "nd10_2024"
    assert outline(b, "CT-HTP9") == outline(server, "CT-HTP9")


def test_a_refused_switch_is_one_refusal_and_the_texts_of_its_new_sections_wait_for_it(
    server: Services, desks: dict[str, Services]
) -> None:
    """A clerk's switch is refused (the right to edit projects): the text written in a section it made is not sent
    to be refused too, but waits, and goes with the switch once the role is given back."""
    a = desks["a"]
    made = server.projects.create(high_tech(code="CT-HTP9", regime_key="nd260_2026"))
    assert sync(a, server, "a").clean
    here = a.projects.by_code("CT-HTP9")
    a.projects.update(here.id, replace(a.projects.get(here.id), regime_key="nd10_2024"))
    a.dossiers.save_body(a.dossiers.section_by_key(here.id, "da.ranh_gioi_toa_do").id, "Ranh giới của máy A.")
    server.accounts.set_roles(OFFICER, [Role.CLERK])

    report = sync(a, server, "a")
    assert [refusal.label for refusal in report.refused] == ["CT-HTP9: thông tin dự án/project details"], report
    assert server.projects.get(made.id).regime_key == "nd260_2026"
    assert a.replica.waiting() == 2  # the switch and the text, both still here
    server.accounts.set_roles(OFFICER, [Role.OFFICER])
    assert sync(a, server, "a").clean
    there = server.dossiers.section_by_key(made.id, "da.ranh_gioi_toa_do")
    assert server.dossiers.section(there.id).body.strip() == "Ranh giới của máy A."
    assert outline(server, "CT-HTP9") == outline(a, "CT-HTP9") and a.replica.waiting() == 0


def test_one_regime_switched_on_two_desks_while_apart_gives_one_outline_and_a_conflict_keeping_both_texts(
    server: Services, desks: dict[str, Services]
) -> None:
    """Both desks switch the project to Decree 10/2024 offline and write the site's boundary, a section the switch
    made on each with its own id. A syncs first. B's section is then the server's (not a second one beside it, whose
    text was refused at every sync): the two texts meet as a conflict, and the merged text reaches everyone."""
    a, b = desks["a"], desks["b"]
    server.projects.create(high_tech(code="CT-HTP9", regime_key="nd260_2026"))
    assert sync(a, server, "a").clean and sync(b, server, "b").clean
    for desk, text in ((a, "Ranh giới của máy A."), (b, "Ranh giới của máy B.")):
        here = desk.projects.by_code("CT-HTP9")
        desk.projects.update(here.id, replace(desk.projects.get(here.id), regime_key="nd10_2024"))
        desk.dossiers.save_body(desk.dossiers.section_by_key(here.id, "da.ranh_gioi_toa_do").id, text)
    assert sync(a, server, "a").clean

    report = sync(b, server, "b")
    assert report.conflicts == ["CT-HTP9 da.ranh_gioi_toa_do"] and not report.refused, report
    assert outline(b, "CT-HTP9") == [
        (uid, key, title, position, deleted, body.replace("máy A", "máy B"))
        for uid, key, title, position, deleted, body in outline(server, "CT-HTP9")
    ]  # one outline, the server's ids; B's own text kept here until the conflict is settled
    [conflict] = b.replica.conflicts("CT-HTP9")
    assert (conflict.ours_text.strip(), conflict.theirs_text.strip()) == (
        "Ranh giới của máy B.",
        "Ranh giới của máy A.",
    )
    merged = "Ranh giới của máy A.\n\nRanh giới của máy B."
    b.dossiers.save_body(conflict.section_id, merged)
    assert sync(b, server, "b").clean and sync(a, server, "a").clean
    for desk in (server, a, b):
        assert outline(desk, "CT-HTP9") == outline(server, "CT-HTP9")
        boundary = desk.dossiers.section_by_key(desk.projects.by_code("CT-HTP9").id, "da.ranh_gioi_toa_do")
        assert desk.dossiers.section(boundary.id).body.strip() == merged
    there = server.dossiers.section_by_key(server.projects.by_code("CT-HTP9").id, "da.ranh_gioi_toa_do")
    history = [server.dossiers.revision(r.id).body.strip() for r in server.dossiers.revisions(there.id)]
    assert "Ranh giới của máy B." in history  # what B wrote offline is in the server's history


def test_a_replica_whose_project_shadows_predate_the_regime_field_pushes_nothing_that_changes_the_server(
    server: Services, desks: dict[str, Services], itp: ProjectView
) -> None:
    a = desks["a"]
    with a.database.begin() as session:  # as a version before the regime travelled kept them
        for shadow in session.exec(select(SyncShadow).where(SyncShadow.table_name == "project")).all():
            fields = json.loads(shadow.fields)
            fields.pop("regime_key")
            shadow.fields = json.dumps(fields, ensure_ascii=False)
            session.add(shadow)
    before = server.changes.library_version()
    assert sync(a, server, "a").clean
    assert server.changes.library_version() == before
    assert a.replica.waiting() == 0 and server.projects.get(itp.id).regime_key == "nd154_2013"
