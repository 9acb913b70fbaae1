"""The register in sync, with the server's services in this process: a household pulled is not waiting, households
made, edited or deleted here are pushed and applied as the signed-in person, edits of different fields on two
desktops merge, the same field changed on both is a conflict keeping both values that a person decides, the
register's rules and roles refuse what they refuse (naming the field), a household deleted here but edited there is
kept."""

import json
import uuid
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Any, cast

import pytest
from sqlalchemy import update
from sqlmodel import col, select

from dossier_app.domain.catalogues import CatalogueItem, CatalogueKind
from dossier_app.domain.errors import PreconditionFailed
from dossier_app.domain.models import (
    AffectedParty,
    CatalogueEntry,
    Document,
    LandParcel,
    Project,
    Section,
    SectionRevision,
    SyncRowConflict,
)
from dossier_app.server.app import result_json
from dossier_app.services import Services, open_services
from dossier_app.services.core.context import Operator
from dossier_app.services.department.changes import ChangePage
from dossier_app.services.dossier.projects import ProjectView
from dossier_app.services.sync.client import PushAnswer, PushedChange, SyncConnection
from dossier_app.services.sync.replica import SyncReport
from dossier_app.services.sync.row_sync import local_records, normalized, shadow_households, waiting
from tests.conftest import FAST_HASHER
from tests.services.register_support import parcel, party

OFFICER, MANAGER, PASSWORD = "canbo", "lanhdao", "Mật-khẩu-đồng-bộ-1"


class Direct:
    """A server's services answering a replica's pulls and pushes in this process, as `serve` would (JSON both
    ways, each push acting as the signed-in person)."""

    base_url = "http://127.0.0.1:1"
    username: str | None = None  # nobody signed in at the server: the pushes act as `username` below

    def __init__(self, server: Services, username: str) -> None:
        self._server, self._as = server, server.acting_as(Operator(username))

    def changes(self, since: int, limit: int = 100) -> ChangePage:
        page = json.loads(json.dumps(self._server.changes.since(since, limit).as_json()))
        return ChangePage(
            page["since"],
            page["cursor"],
            page["library_version"],
            page["more"],
            tuple(page["changes"]),
            tuple(page["deleted"]),
        )

    def push(self, based_on: int, changes: Sequence[Mapping[str, Any]]) -> PushAnswer:
        outcome = self._as.push.apply(based_on, json.loads(json.dumps(list(changes))))
        answers = [result_json(result) for result in outcome.results]
        return PushAnswer(
            outcome.library_version,
            tuple(
                PushedChange(a["id"], a["status"], a.get("error", ""), a.get("message_en", ""), a.get("message_vi", ""))
                for a in answers
            ),
        )


@pytest.fixture
def desks(server: Services, tmp_path: Path) -> Iterator[dict[str, Services]]:
    """Two officers' laptops and a manager's, each synced once."""
    made = {
        name: open_services(str(tmp_path / f"{name}.sqlite3"), Operator("cli:tester"), password_hasher=FAST_HASHER)
        for name in ("a", "b", "manager")
    }
    for name, desk in made.items():
        assert sync(desk, server, name).clean
    yield made
    for desk in made.values():
        desk.close()


def sync(desk: Services, server: Services, name: str) -> SyncReport:
    return desk.replica.sync(cast("SyncConnection", Direct(server, MANAGER if name == "manager" else OFFICER)))


def household(services: Services, code: str = "HT-001") -> Any:
    """The household's input record (fields and children) as this database holds it."""
    with services.database.begin() as session:
        found = session.exec(select(AffectedParty).where(AffectedParty.code == code)).one()
        party_id = found.id
    return services.register.party(int(party_id or 0))


def edit(services: Services, code: str = "HT-001", **changes: Any) -> None:
    detail = household(services, code)
    services.register.update_party(detail.id, replace(detail.data, **changes))


def test_a_pulled_household_waits_for_nothing_and_its_record_matches_the_shadow(
    server: Services, desks: dict[str, Services]
) -> None:
    desk = desks["a"]
    assert desk.replica.waiting() == 0
    with desk.database.begin() as session:
        assert waiting(session) == {}
        local_id = household(desk).id
        uid, mine = local_records(session, [local_id])[local_id]
        theirs = shadow_households(session, {uid: local_id})[uid].record()
    assert mine == theirs and mine["parcels"][0]["total_area_m2"] == "1250.5"
    assert normalized(json.loads(json.dumps(mine))) == mine
    with server.database.begin() as session:
        server_id = household(server).id
        assert local_records(session, [server_id])[server_id][1] == mine


def test_different_fields_edited_on_two_laptops_merge(server: Services, desks: dict[str, Services]) -> None:
    a, b = desks["a"], desks["b"]
    edit(a, address="Số 5, đường 3/2, phường Hưng Thạnh")
    edit(b, household_size=7, parcels=(parcel(recovered_area_m2=parcel().total_area_m2),))
    assert a.replica.waiting() == 1
    report = sync(a, server, "a")
    assert report.clean and report.pushed == ["CT-ITP2 HT-001: hộ/household"]
    report = sync(b, server, "b")
    assert report.clean and report.merged == ["hộ/household HT-001"]
    assert sync(a, server, "a").clean
    for services in (server, a, b):
        data = household(services).data
        assert data.address == "Số 5, đường 3/2, phường Hưng Thạnh" and data.household_size == 7
        assert data.parcels[0].recovered_area_m2 == parcel().total_area_m2
    assert a.replica.waiting() == b.replica.waiting() == 0


def test_the_same_field_is_a_conflict_keeping_both_values_until_someone_picks(
    server: Services, desks: dict[str, Services]
) -> None:
    a, b = desks["a"], desks["b"]
    edit(a, ward="Phường An Bình")
    edit(b, ward="Phường Tân An", complaint=True)
    assert sync(a, server, "a").clean
    report = sync(b, server, "b")
    assert report.conflicts == ["hộ/household HT-001"] and not report.pushed
    with b.database.begin() as session:
        conflict = session.exec(select(SyncRowConflict)).one()
        assert (conflict.field, json.loads(conflict.ours_value), json.loads(conflict.theirs_value)) == (
            "ward",
            "Phường Tân An",
            "Phường An Bình",
        )
    assert household(b).data.ward == "Phường Tân An"  # ours held while undecided
    assert household(server).data.ward == "Phường An Bình" and not household(server).data.complaint
    [shown] = b.row_conflicts.of_party(household(b).id)
    assert (shown.ours, shown.theirs) == ("Phường Tân An", "Phường An Bình")
    b.row_conflicts.resolve(shown.id, take_theirs=True)
    assert b.row_conflicts.of_party(household(b).id) == []
    assert sync(b, server, "b").clean
    data = household(server).data
    assert data.ward == "Phường An Bình" and data.complaint  # the pick, and B's other change
    assert household(b).data == data


def child_uids(services: Services, code: str = "HT-001") -> set[str]:
    with services.database.begin() as session:
        party_id = session.exec(select(AffectedParty.id).where(AffectedParty.code == code)).one()
        return set(session.exec(select(LandParcel.uid).where(LandParcel.party_id == party_id)).all())


def test_a_conflict_decided_for_the_servers_value_takes_the_servers_child_rows(
    server: Services, desks: dict[str, Services]
) -> None:
    """B takes the server's ward: saving it gave the household new parcel rows here, and with nothing left to push
    they kept uids the server lacks for good; A's later change of the parcels then came beside them (the old rows
    were not the server's to delete). They are now the server's rows, and the parcels stay one list."""
    a, b = desks["a"], desks["b"]
    edit(a, ward="Phường An Bình")
    edit(b, ward="Phường Tân An")
    assert sync(a, server, "a").clean
    assert sync(b, server, "b").conflicts == ["hộ/household HT-001"]
    [shown] = b.row_conflicts.of_party(household(b).id)
    b.row_conflicts.resolve(shown.id, take_theirs=True)
    assert child_uids(b) == child_uids(server)
    assert sync(b, server, "b").clean and b.replica.waiting() == 0
    edit(a, parcels=(parcel("77", "701"),))
    assert sync(a, server, "a").clean and sync(b, server, "b").clean
    assert household(b).data == household(server).data and child_uids(b) == child_uids(server)
    assert [p.parcel_no for p in household(b).data.parcels] == ["701"]


def test_households_made_and_deleted_here_travel(
    server: Services, desks: dict[str, Services], itp: ProjectView
) -> None:
    a, b = desks["a"], desks["b"]
    a_project = a.projects.by_code(itp.code)
    a.register.add_party(a_project.id, party("HT-002", citizen_id="092088001234", parcels=(parcel("13", "7"),)))
    b.register.delete_party(household(b).id)
    assert sync(a, server, "a").clean
    assert sync(b, server, "b").clean
    assert household(server, "HT-002").data.parcels == (parcel("13", "7"),)
    with server.database.begin() as session:
        assert session.exec(select(AffectedParty.code)).all() == ["HT-002"]
    assert sync(a, server, "a").clean
    with a.database.begin() as session:
        assert session.exec(select(AffectedParty.code)).all() == ["HT-002"]
    assert a.replica.waiting() == 0 and b.replica.waiting() == 0


def test_a_household_deleted_here_but_edited_there_is_kept(server: Services, desks: dict[str, Services]) -> None:
    a, b = desks["a"], desks["b"]
    edit(a, household_size=9)
    b.register.delete_party(household(b).id)
    assert sync(a, server, "a").clean
    report = sync(b, server, "b")  # the pull brought the edit back, whole, before the deletion went out
    assert report.kept == ["hộ/household HT-001: sửa trên máy chủ/edited on the server"] and not report.pushed
    assert sync(b, server, "b").clean
    assert household(b).data == household(server).data and household(server).data.household_size == 9


def test_the_servers_rules_and_roles_refuse_naming_why(server: Services, desks: dict[str, Services]) -> None:
    manager, a = desks["manager"], desks["a"]
    edit(manager, name="Lê Văn Tám")
    report = sync(manager, server, "manager")
    assert [refusal.label for refusal in report.refused] == ["CT-ITP2 HT-001: hộ/household"]
    assert household(server).data.name != "Lê Văn Tám"
    with a.database.begin() as session:  # a tampered replica: a citizen ID the register refuses
        session.execute(update(AffectedParty).values(citizen_id="12ab"))
    report = sync(a, server, "a")
    [refusal] = report.refused
    assert "citizen_id" in refusal.message_en and "citizen_id" in refusal.message_vi
    assert household(server).data.citizen_id != "12ab"


def test_a_push_the_server_moved_past_is_merged_and_sent_again(server: Services, desks: dict[str, Services]) -> None:
    a, b = desks["a"], desks["b"]
    edit(a, address="Số 9")
    edit(b, household_size=3)
    assert sync(a, server, "a").clean

    class Late(Direct):
        """B's first push is answered 412 as if A's had come in between."""

        refused = False

        def push(self, based_on: int, changes: Sequence[Mapping[str, Any]]) -> PushAnswer:
            if not Late.refused:
                Late.refused = True
                raise PreconditionFailed(based_on=based_on, version=based_on + 1)
            return super().push(based_on, changes)

    report = b.replica.sync(cast("SyncConnection", Late(server, OFFICER)))
    assert report.clean and report.retried == 1
    data = household(server).data
    assert (data.address, data.household_size) == ("Số 9", 3)


def outline(services: Services, code: str) -> list[tuple[str, str, bool]]:
    """Every section of the project's first document: (uid, title, deleted), in outline order."""
    with services.database.begin() as session:
        rows = session.exec(
            select(Section.uid, Section.title, Section.deleted_at)
            .join(Document, col(Document.id) == Section.document_id)
            .join(Project, col(Project.id) == Document.project_id)
            .where(col(Project.code) == code, col(Document.position) == 0, col(Section.parent_id).is_(None))
            .order_by(col(Section.position), col(Section.id))
        ).all()
    return [(uid, title, deleted is not None) for uid, title, deleted in rows]


def section_id(services: Services, uid: str) -> int:
    with services.database.begin() as session:
        return int(session.exec(select(Section.id).where(Section.uid == uid)).one() or 0)


def test_outline_changes_travel_by_id(server: Services, desks: dict[str, Services], itp: ProjectView) -> None:
    a, b = desks["a"], desks["b"]
    document = a.dossiers.tree(a.projects.by_code(itp.code).id)[0]
    added = a.dossiers.add_section(document.id, None, "Phụ lục bổ sung: ý kiến cộng đồng")
    assert a.dossiers.save_body(added, "Ý kiến của cộng đồng dân cư.\n").changed
    a.dossiers.move_section(added, 0)
    assert sync(a, server, "a").clean
    assert sync(b, server, "b").clean
    assert outline(b, itp.code) == outline(a, itp.code) == outline(server, itp.code)
    new_uid = outline(a, itp.code)[0][0]
    assert b.dossiers.section(section_id(b, new_uid)).body == "Ý kiến của cộng đồng dân cư.\n"
    b.dossiers.rename_section(section_id(b, new_uid), "Phụ lục: ý kiến cộng đồng dân cư")
    assert sync(b, server, "b").clean and sync(a, server, "a").clean
    assert outline(a, itp.code)[0][1] == "Phụ lục: ý kiến cộng đồng dân cư"
    assert outline(server, itp.code) == outline(a, itp.code)


def test_a_section_deleted_here_and_edited_there_keeps_the_edit(
    server: Services, desks: dict[str, Services], itp: ProjectView
) -> None:
    a, b = desks["a"], desks["b"]
    document = a.dossiers.tree(a.projects.by_code(itp.code).id)[0]
    added = a.dossiers.add_section(document.id, None, "Mục tự thêm")
    assert sync(a, server, "a").clean and sync(b, server, "b").clean
    uid = next(u for u, title, _deleted in outline(a, itp.code) if title == "Mục tự thêm")
    assert a.dossiers.save_body(added, "Nội dung viết trên máy A.\n").changed
    b.dossiers.delete_section(section_id(b, uid))
    assert sync(a, server, "a").clean
    report = sync(b, server, "b")
    assert [kept for kept in report.kept if "edited on the server" in kept]
    assert (uid, "Mục tự thêm", False) in outline(b, itp.code) and (uid, "Mục tự thêm", False) in outline(
        server, itp.code
    )
    assert b.dossiers.section(section_id(b, uid)).body == "Nội dung viết trên máy A.\n"
    assert sync(b, server, "b").clean and b.replica.waiting() == 0
    b.dossiers.delete_section(section_id(b, uid))  # nobody edited it since: the deletion travels
    assert sync(b, server, "b").clean and sync(a, server, "a").clean
    assert (uid, "Mục tự thêm", True) in outline(server, itp.code) and (uid, "Mục tự thêm", True) in outline(
        a, itp.code
    )


def test_the_server_merges_against_the_base_and_refuses_what_it_cannot_take(server: Services) -> None:
    """Pushed straight at the server: a base older than the server's household merges field by field, the same
    field changed on both sides is refused naming it, and a value of the wrong kind is refused naming the field."""
    officer = server.acting_as(Operator(OFFICER))
    detail = household(server)
    with server.database.begin() as session:
        uid, base = local_records(session, [detail.id])[detail.id]
    edit(server, ward="Phường An Bình")  # the server moved since the desktop's base

    def push(fields: dict[str, Any], what: str) -> Any:
        made = {"id": str(uuid.uuid5(uuid.NAMESPACE_URL, what)), "table": "affectedparty", "uid": uid}
        answer = officer.push.apply(server.changes.library_version(), [{**made, "fields": fields, "base": base}])
        return answer.results[0]

    merged = push({**base, "household_size": 9}, "size")
    assert merged.outcome.value == "applied"
    data = household(server).data
    assert (data.ward, data.household_size) == ("Phường An Bình", 9)
    clash = push({**base, "ward": "Phường Tân An"}, "ward")
    assert clash.outcome.value == "refused" and "ward" in clash.error.message
    wrong = push({**base, "poor_household": "có"}, "wrong")
    assert (
        wrong.outcome.value == "refused" and "'poor_household' is missing or of the wrong kind" in wrong.error.message
    )
    assert household(server).data == data


def test_a_household_deleted_on_the_server_but_edited_here_is_made_again(
    server: Services, desks: dict[str, Services]
) -> None:
    a, b = desks["a"], desks["b"]
    server.register.delete_party(household(server).id)
    edit(b, address="Số 7, hẻm 12")
    report = sync(b, server, "b")
    assert report.kept == ["hộ/household HT-001"] and report.pushed == ["CT-ITP2 HT-001: hộ/household"]
    assert household(server).data == household(b).data and household(server).data.address == "Số 7, hẻm 12"
    assert sync(a, server, "a").clean  # the deletion and the household made again came in one pull
    assert household(a).data == household(server).data
    assert b.replica.waiting() == 0 and sync(b, server, "b").pushed == []


def test_a_section_deleted_there_and_edited_here_comes_back_with_the_edit(
    server: Services, desks: dict[str, Services], itp: ProjectView
) -> None:
    """A comment or a revision made here on a section another desk deleted meanwhile: the section stays here and
    the push brings it back on the server before the work (refused for ever as "no longer exists" before)."""
    a, b, manager = desks["a"], desks["b"], desks["manager"]
    document = a.dossiers.tree(a.projects.by_code(itp.code).id)[0]
    a.dossiers.add_section(document.id, None, "Mục tự thêm")
    assert sync(a, server, "a").clean and sync(b, server, "b").clean and sync(manager, server, "manager").clean
    uid = next(u for u, title, _deleted in outline(a, itp.code) if title == "Mục tự thêm")
    for desk, name in ((manager, "manager"), (a, "a")):
        b.dossiers.delete_section(section_id(b, uid))
        assert sync(b, server, "b").clean and (uid, "Mục tự thêm", True) in outline(server, itp.code)
        if desk is a:
            assert a.dossiers.save_body(section_id(a, uid), "Nội dung viết trên máy A.\n").changed
        else:
            manager.reviews.add_comment(section_id(manager, uid), "Lãnh đạo: giữ mục này.")
        report = sync(desk, server, name)
        assert report.refused == [] and report.kept == [f"{itp.code} #{section_id(desk, uid)}: sửa ở đây/edited here"]
        assert report.pushed[0].endswith("khôi phục/restored")
        assert (uid, "Mục tự thêm", False) in outline(server, itp.code) and desk.replica.waiting() == 0
        assert sync(b, server, "b").clean and (uid, "Mục tự thêm", False) in outline(b, itp.code)
    assert server.dossiers.section(section_id(server, uid)).body == "Nội dung viết trên máy A.\n"
    assert [c.body for c in server.reviews.comments(section_id(server, uid))] == ["Lãnh đạo: giữ mục này."]


def test_a_section_edited_and_deleted_here_and_deleted_there_sends_the_edit(
    server: Services, desks: dict[str, Services], itp: ProjectView
) -> None:
    """A writes in a section and deletes it while B, not having seen A's text, deletes it too and syncs first: A's
    revision was refused at every sync ("the section no longer exists"; both sides deleted, nothing brought it
    back). A's push now brings it back, sends the revision and deletes it again, so the text is in the history."""
    a, b = desks["a"], desks["b"]
    document = a.dossiers.tree(a.projects.by_code(itp.code).id)[0]
    a.dossiers.add_section(document.id, None, "Mục hai máy cùng xoá")
    assert sync(a, server, "a").clean and sync(b, server, "b").clean
    uid = next(u for u, title, _deleted in outline(a, itp.code) if title == "Mục hai máy cùng xoá")
    assert a.dossiers.save_body(section_id(a, uid), "Viết trước khi xoá.\n").changed
    a.dossiers.delete_section(section_id(a, uid))
    b.dossiers.delete_section(section_id(b, uid))
    assert sync(b, server, "b").clean
    report = sync(a, server, "a")
    assert report.clean and a.replica.waiting() == 0, report
    assert [label.split(": ")[1] for label in report.pushed] == [
        "khôi phục/restored",
        "phiên bản/revision 1",
        "xoá/deleted",
    ]
    assert (uid, "Mục hai máy cùng xoá", True) in outline(server, itp.code)
    with server.database.begin() as session:
        assert "Viết trước khi xoá.\n" in set(session.exec(select(SectionRevision.body)).all())
    assert sync(b, server, "b").clean and sync(a, server, "a").clean and a.replica.waiting() == 0


def test_a_section_edited_then_deleted_here_sends_the_edit_before_the_deletion(
    server: Services, desks: dict[str, Services], itp: ProjectView
) -> None:
    """Revisions made here on a section then deleted here (a shared one, and one added here and never synced) reach
    the server's history before the deletion (the deletion went first, or nothing for a section made here, and the
    revisions were refused at every sync)."""
    a = desks["a"]
    document = a.dossiers.tree(a.projects.by_code(itp.code).id)[0]
    shared = a.dossiers.add_section(document.id, None, "Mục đã chia sẻ")
    assert sync(a, server, "a").clean
    assert a.dossiers.save_body(shared, "Bản cuối trước khi xoá.\n").changed
    a.dossiers.delete_section(shared)
    draft = a.dossiers.add_section(document.id, None, "Mục viết rồi bỏ")
    assert a.dossiers.save_body(draft, "Bản nháp.\n").changed
    a.dossiers.delete_section(draft)
    report = sync(a, server, "a")
    assert report.clean and a.replica.waiting() == 0, report
    assert [label.split(": ")[1] for label in report.pushed] == [
        "thêm/added",
        "phiên bản/revision 1",
        "phiên bản/revision 1",
        "xoá/deleted",
        "xoá/deleted",
    ]
    on_server = {title: deleted for _uid, title, deleted in outline(server, itp.code)}
    assert on_server["Mục đã chia sẻ"] and on_server["Mục viết rồi bỏ"]
    with server.database.begin() as session:
        bodies = set(session.exec(select(SectionRevision.body)).all())
    assert {"Bản cuối trước khi xoá.\n", "Bản nháp.\n"} <= bodies


def test_a_deletion_after_a_held_revision_names_the_servers_revision(
    server: Services, desks: dict[str, Services], itp: ProjectView
) -> None:
    """Both officers write the same text in a shared section; A syncs first, so B's revision is held (the server has
    its text) and never sent. B then deletes the section: the deletion names A's revision, the server's, not B's
    held one, which the server lacks (refused as stale at every sync before)."""
    a, b = desks["a"], desks["b"]
    document = a.dossiers.tree(a.projects.by_code(itp.code).id)[0]
    a.dossiers.add_section(document.id, None, "Mục hai máy cùng viết")
    assert sync(a, server, "a").clean and sync(b, server, "b").clean
    uid = next(u for u, title, _deleted in outline(a, itp.code) if title == "Mục hai máy cùng viết")
    for desk in (a, b):
        assert desk.dossiers.save_body(section_id(desk, uid), "Cùng một nội dung.\n").changed
    assert sync(a, server, "a").clean
    report = sync(b, server, "b")
    assert report.clean and report.pushed == [] and b.replica.waiting() == 0  # held, not sent
    b.dossiers.delete_section(section_id(b, uid))
    report = sync(b, server, "b")
    assert report.clean and report.refused == [] and [p.split(": ")[1] for p in report.pushed] == ["xoá/deleted"]
    assert (uid, "Mục hai máy cùng viết", True) in outline(server, itp.code)
    assert sync(a, server, "a").clean and (uid, "Mục hai máy cùng viết", True) in outline(a, itp.code)
    assert sync(b, server, "b").clean and b.replica.waiting() == 0


def test_a_household_deleted_here_whose_parcels_changed_there_comes_back_whole(
    server: Services, desks: dict[str, Services]
) -> None:
    """The server's edit changed only the household's parcels (its party row came no more): the pulled parcels
    were left out as having no parent here, their shadows became the deletion's base, and the deletion then went
    through on the server, losing the edit. The household is now made again here, whole, and the deletion dropped."""
    a, b = desks["a"], desks["b"]
    edit(a, parcels=(parcel("77", "701"),))
    b.register.delete_party(household(b).id)
    assert sync(a, server, "a").clean
    report = sync(b, server, "b")
    assert report.unplaced == 0 and report.kept == ["hộ/household HT-001: sửa trên máy chủ/edited on the server"]
    assert sync(b, server, "b").clean and b.replica.waiting() == 0
    assert household(b).data == household(server).data == household(a).data
    assert [p.parcel_no for p in household(server).data.parcels] == ["701"]


def review_fields(services: Services, uid: str) -> tuple[Any, ...]:
    """A section's review state, submitted and approved revisions (by uid) and approved hash."""
    with services.database.begin() as session:
        section = session.exec(select(Section).where(col(Section.uid) == uid)).one()
        revisions = {
            r.id: r.uid for r in session.exec(select(SectionRevision).where(SectionRevision.section_id == section.id))
        }
        return (
            section.state,
            revisions.get(section.submitted_revision_id),
            revisions.get(section.approved_revision_id),
            section.approved_hash,
        )


def test_a_submission_pushed_after_an_approval_there_takes_the_servers_review_fields(
    server: Services, desks: dict[str, Services], itp: ProjectView
) -> None:
    """A submits a text; the manager approves it on their laptop while B, offline, rewrites it and submits it again.
    The manager syncs, then B: B's pull after its push kept its own review fields, as if its submission were still
    to send, so the approval the server keeps beside the new submission never reached B (the row came no more)."""
    a, b, manager = desks["a"], desks["b"], desks["manager"]
    document = a.dossiers.tree(a.projects.by_code(itp.code).id)[0]
    a.dossiers.add_section(document.id, None, "Mục trình duyệt")
    assert sync(a, server, "a").clean
    uid = next(u for u, title, _deleted in outline(a, itp.code) if title == "Mục trình duyệt")
    assert a.dossiers.save_body(section_id(a, uid), "Bản đầu.\n").changed
    a.reviews.submit(section_id(a, uid))
    assert sync(a, server, "a").clean and sync(b, server, "b").clean and sync(manager, server, "manager").clean
    waiting_id = section_id(manager, uid)
    manager.reviews.approve(waiting_id, manager.reviews.review(waiting_id).submitted_hash)
    assert b.dossiers.save_body(section_id(b, uid), "Bản đầu, sửa lại.\n").changed
    b.reviews.submit(section_id(b, uid))
    assert sync(manager, server, "manager").clean
    assert sync(b, server, "b").clean
    state, _submitted, approved, approved_hash = review_fields(server, uid)
    assert state == "submitted" and approved is not None and approved_hash  # the approval stays beside it
    assert review_fields(b, uid) == review_fields(server, uid)
    assert sync(a, server, "a").clean and review_fields(a, uid) == review_fields(server, uid)


def test_different_parcels_of_one_household_edited_on_two_laptops_merge_row_by_row(
    server: Services, desks: dict[str, Services]
) -> None:
    a, b = desks["a"], desks["b"]
    first, second = parcel(number="34"), parcel(number="35", recovered_area_m2=Decimal("300"))
    edit(a, parcels=(first, second))
    assert sync(a, server, "a").clean and sync(b, server, "b").clean  # both hold the two parcels
    edit(a, parcels=(replace(first, recovered_area_m2=Decimal("900")), second))
    edit(b, parcels=(first, replace(second, recovered_area_m2=Decimal("350"))))
    assert sync(a, server, "a").clean
    report = sync(b, server, "b")
    assert report.clean and not report.conflicts, report
    assert sync(a, server, "a").clean
    for desk in (a, b, server):
        areas = sorted((p.parcel_no, p.recovered_area_m2) for p in household(desk).data.parcels)
        assert areas == [("34", Decimal("900")), ("35", Decimal("350"))], desk
    assert a.replica.waiting() == b.replica.waiting() == 0


def test_a_section_renamed_differently_on_two_laptops_keeps_both_titles_until_someone_picks(
    server: Services, desks: dict[str, Services], itp: ProjectView
) -> None:
    a, b = desks["a"], desks["b"]
    document = a.dossiers.tree(a.projects.by_code(itp.code).id)[0]
    a.dossiers.add_section(document.id, None, "Phụ lục bổ sung")
    assert sync(a, server, "a").clean and sync(b, server, "b").clean
    uid = next(u for u, title, _deleted in outline(a, itp.code) if title == "Phụ lục bổ sung")
    a.dossiers.rename_section(section_id(a, uid), "Phụ lục: ý kiến cộng đồng")
    b.dossiers.rename_section(section_id(b, uid), "Phụ lục: ý kiến của dân cư")
    assert sync(a, server, "a").clean
    report = sync(b, server, "b")
    assert report.conflicts == [f"{itp.code} #{section_id(b, uid)}: tên mục/section title"], report
    assert not [label for label in report.pushed if "đổi tên" in label]  # the server's title was not overwritten
    [conflict] = b.record_conflicts.listing()
    assert (conflict.field, conflict.ours, conflict.theirs) == (
        "title",
        "Phụ lục: ý kiến của dân cư",
        "Phụ lục: ý kiến cộng đồng",
    )
    assert b.dossiers.section(section_id(b, uid)).title == "Phụ lục: ý kiến của dân cư"  # ours, until someone picks
    assert (uid, "Phụ lục: ý kiến cộng đồng", False) in outline(server, itp.code)
    b.record_conflicts.resolve(conflict.id, take_theirs=False)
    assert sync(b, server, "b").clean and sync(a, server, "a").clean
    for desk in (a, b, server):
        assert (uid, "Phụ lục: ý kiến của dân cư", False) in outline(desk, itp.code)
    a.dossiers.rename_section(section_id(a, uid), "Phụ lục A")
    b.dossiers.rename_section(section_id(b, uid), "Phụ lục B")
    assert sync(a, server, "a").clean and not sync(b, server, "b").clean
    [conflict] = b.record_conflicts.listing()
    b.record_conflicts.resolve(conflict.id, take_theirs=True)
    assert sync(b, server, "b").clean and sync(a, server, "a").clean
    for desk in (a, b, server):
        assert (uid, "Phụ lục A", False) in outline(desk, itp.code)


def test_a_land_use_code_added_offline_reaches_the_server_before_the_household_using_it(
    server: Services, desks: dict[str, Services], itp: ProjectView
) -> None:
    a, b = desks["a"], desks["b"]
    new_code = CatalogueItem(CatalogueKind.LAND_USE, "TMDV", "Đất thương mại, dịch vụ ven sông", "other")
    a.catalogues.add(new_code)
    a_project = a.projects.by_code(itp.code)
    a.register.add_party(
        a_project.id, party("HT-002", citizen_id="092088001234", parcels=(parcel("13", "7", land_use_code="TMDV"),))
    )
    report = sync(a, server, "a")
    assert report.clean, report  # the code first, then the household its parcel names it in
    assert server.catalogues.land_use_codes()["TMDV"] == "Đất thương mại, dịch vụ ven sông"
    assert household(server, "HT-002").data.parcels[0].land_use_code == "TMDV"
    assert sync(b, server, "b").clean and b.catalogues.land_use_codes()["TMDV"] == new_code.name
    with a.database.begin() as session, server.database.begin() as there:  # one entry: the desktop's uid kept
        mine = session.exec(select(CatalogueEntry.uid).where(CatalogueEntry.code == "TMDV")).one()
        assert there.exec(select(CatalogueEntry.uid).where(CatalogueEntry.code == "TMDV")).one() == mine
    b.catalogues.update(replace(new_code, name="Đất thương mại, dịch vụ"))  # the name edited on both desks
    a.catalogues.update(replace(new_code, name="Đất TMDV ven sông Hậu"))
    assert sync(b, server, "b").clean
    report = sync(a, server, "a")  # no project to hold a conflict: the server's name stands and ours is named
    assert report.to_check == [
        "danh mục/catalogue land_use 'TMDV': name 'Đất TMDV ven sông Hậu' → 'Đất thương mại, dịch vụ' (máy chủ/server)"
    ], report
    assert (
        a.catalogues.land_use_codes()["TMDV"] == server.catalogues.land_use_codes()["TMDV"] == "Đất thương mại, dịch vụ"
    )
    assert sync(a, server, "a").clean
    a.register.delete_party(household(a, "HT-002").id)
    a.catalogues.remove(CatalogueKind.LAND_USE, "TMDV")  # unused now: removed here, then there
    assert sync(a, server, "a").clean and sync(b, server, "b").clean
    assert "TMDV" not in server.catalogues.land_use_codes() and "TMDV" not in b.catalogues.land_use_codes()
    assert a.replica.waiting() == b.replica.waiting() == 0


def test_a_catalogue_entry_removed_offline_but_still_used_on_the_server_is_refused_and_kept(
    server: Services, desks: dict[str, Services], itp: ProjectView
) -> None:
    a = desks["a"]
    a.register.delete_party(household(a).id)  # HT-001's parcel uses LUC; here nothing does now
    a.catalogues.remove(CatalogueKind.LAND_USE, "LUC")
    server.register.add_party(itp.id, party("HT-009", citizen_id="092088009999", parcels=(parcel("20", "1"),)))
    report = sync(a, server, "a")
    refused = {refusal.label: refusal.message_en for refusal in report.refused}
    assert "used by" in refused["danh mục/catalogue land_use 'LUC' (xoá/removed)"], report
    assert "LUC" in server.catalogues.land_use_codes()


def test_a_first_sync_drops_a_seeded_code_the_department_removed_and_sends_nothing_back(
    server: Services, tmp_path: Path
) -> None:
    removed = next(code for code in server.catalogues.land_use_codes() if code != "LUC")
    server.catalogues.remove(CatalogueKind.LAND_USE, removed)
    fresh = open_services(str(tmp_path / "fresh.sqlite3"), Operator("cli:tester"), password_hasher=FAST_HASHER)
    try:
        assert removed in fresh.catalogues.land_use_codes()  # seeded with the program before joining
        report = sync(fresh, server, "a")
        assert report.clean and report.pushed == [], report
        assert sync(fresh, server, "a").pushed == []
        assert removed not in server.catalogues.land_use_codes() and removed not in fresh.catalogues.land_use_codes()
        assert fresh.catalogues.land_use_codes() == server.catalogues.land_use_codes()
        assert fresh.replica.waiting() == 0
    finally:
        fresh.close()
