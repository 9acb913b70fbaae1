"""The change feed (services/department/changes.py) on each backend: since 0 is the whole library, since the last cursor
is nothing, references travel as uids, deletions as tombstones, and pages never skip or repeat a change, even
with writes between them (hypothesis)."""

import uuid

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text
from sqlmodel import select

from dossier_app.domain.errors import CursorAhead, ValidationFailed
from dossier_app.domain.models import Document, Project, Section
from dossier_app.services import Services
from dossier_app.services.department.changes import MAX_LIMIT, ChangePage, references
from dossier_app.storage.sync_log import synced_tables


def _stored(services: Services) -> dict[str, tuple[str, int]]:
    """Every synced row now: uid → (table, version)."""
    found = {}
    with services.database.engine.connect() as connection:
        for name in synced_tables():
            for uid, version in connection.execute(text(f"SELECT uid, sync_version FROM {name}")):
                found[str(uid)] = (name, int(version))
    return found


def _drain(services: Services, since: int, limits: list[int]) -> tuple[list[ChangePage], int]:
    pages, cursor, turn = [], since, 0
    while True:
        page = services.changes.since(cursor, limits[turn % len(limits)])
        pages.append(page)
        assert page.since == cursor and page.cursor >= cursor
        cursor, turn = page.cursor, turn + 1
        if not page.more:
            return pages, cursor


def _apply(replica: dict[str, tuple[str, int]], page: ChangePage) -> None:
    """What a replica does with a page: take each change, drop each deleted uid."""
    for change in page.changes:
        replica[change["uid"]] = (change["table"], change["version"])
    for stone in page.deleted:
        replica.pop(stone["uid"], None)


def test_since_zero_is_the_whole_library_and_the_last_cursor_gives_nothing(demo_services: Services) -> None:
    page = demo_services.changes.since(0, MAX_LIMIT)
    pages, cursor = _drain(demo_services, 0, [MAX_LIMIT])
    assert pages[0] == page and cursor == demo_services.changes.library_version()
    replica: dict[str, tuple[str, int]] = {}
    for each in pages:
        _apply(replica, each)
    assert replica == _stored(demo_services)
    assert sum(len(each.changes) for each in pages) == len(replica)  # each row once
    versions = [c["version"] for each in pages for c in each.changes] + [
        d["version"] for each in pages for d in each.deleted
    ]
    assert len(versions) == len(set(versions))  # the register's bulk insert numbers its rows apart from the rest
    last = demo_services.changes.since(cursor)
    assert (last.changes, last.deleted, last.more, last.cursor) == ((), (), False, cursor)


def test_references_are_uids_and_local_ids_never_travel(demo_services: Services) -> None:
    pages, _cursor = _drain(demo_services, 0, [MAX_LIMIT])
    changes = [change for page in pages for change in page.changes]
    tables = {change["uid"]: change["table"] for change in changes}
    checked = 0
    for change in changes:
        fields = change["fields"]
        assert "id" not in fields and not {ref.column for ref in references(change["table"])} & set(fields), change
        assert uuid.UUID(change["uid"]).version == 4
        for ref in references(change["table"]):
            value = fields[ref.field]
            if value is not None:
                assert tables[value] == ref.table
                checked += 1
    assert checked > 1000
    with demo_services.database.begin() as session:
        written = session.execute(text("SELECT section_id FROM sectionrevision ORDER BY id")).scalars().first()
    assert written is not None
    demo_services.reviews.submit(written)
    later = demo_services.changes.since(pages[-1].cursor)
    with demo_services.database.begin() as session:
        section = session.get(Section, written)
        assert section is not None
        document = session.get(Document, section.document_id)
        revision_uid = session.execute(
            text("SELECT uid FROM sectionrevision WHERE id = :id"), {"id": section.submitted_revision_id}
        ).scalar_one()
    sent = next(change for change in later.changes if change["uid"] == section.uid)
    assert document is not None and sent["fields"]["document"] == document.uid
    assert sent["fields"]["submitted_revision"] == revision_uid  # kept without a foreign key, still a uid
    assert sent["fields"]["title"] == section.title and sent["version"] == section.sync_version


def test_a_deleted_party_comes_as_tombstones_with_its_parcels(demo_services: Services) -> None:
    start = demo_services.changes.library_version()
    with demo_services.database.begin() as session:
        party_id, party_uid = session.execute(text("SELECT id, uid FROM affectedparty ORDER BY id")).first()  # type: ignore[misc]
        parcels = set(
            session.execute(text("SELECT uid FROM landparcel WHERE party_id = :p"), {"p": party_id}).scalars()
        )
    assert parcels
    demo_services.register.delete_party(party_id)
    page = demo_services.changes.since(start)
    deleted = {(stone["table"], stone["uid"]) for stone in page.deleted}
    assert ("affectedparty", party_uid) in deleted and {("landparcel", uid) for uid in parcels} <= deleted
    assert page.changes == () and page.cursor == page.library_version > start


def test_an_edit_comes_again_with_its_new_version(services: Services) -> None:
    with services.database.begin() as session:
        session.add(Project(code="P-1", name="Khu A", kind="it_park", regime_key="nd154_2013"))
    first = services.changes.since(0, MAX_LIMIT)
    with services.database.begin() as session:
        project = session.exec(select(Project)).one()
        project.name = "Khu B"
    again = services.changes.since(first.cursor)
    assert [(c["table"], c["fields"]["name"]) for c in again.changes] == [("project", "Khu B")]
    assert again.changes[0]["version"] > first.cursor


def test_a_page_carries_the_rows_it_refers_to_that_changed_after_its_cursor(services: Services) -> None:
    with services.database.begin() as session:
        project = Project(code="P-1", name="Khu A", kind="it_park", regime_key="nd154_2013")
        session.add(project)
        session.flush()
        session.add(Document(project_id=project.id or 0, kind="to_trinh", title="Tờ trình", position=0))
    with services.database.begin() as session:
        session.exec(select(Project)).one().name = "Khu B"  # the project now comes after its document
    start = services.changes.library_version() - 2  # before the document: its page ends at it
    page = services.changes.since(start, 1)
    assert [c["table"] for c in page.changes] == ["document"] and page.more
    assert [(c["table"], c["fields"]["name"]) for c in page.parents] == [("project", "Khu B")]
    assert page.parents[0]["version"] > page.cursor and page.parents[0]["uid"] == page.changes[0]["fields"]["project"]
    assert page.as_json()["parents"] == [dict(page.parents[0])]
    last = services.changes.since(page.cursor, 1)  # and the project comes again on its own page
    assert [c["table"] for c in last.changes] == ["project"] and last.parents == ()
    assert "parents" not in last.as_json()


@pytest.mark.parametrize(("since", "limit", "field"), [(-1, 10, "since"), (0, 0, "limit"), (0, MAX_LIMIT + 1, "limit")])
def test_a_bad_cursor_or_page_size_is_refused(services: Services, since: int, limit: int, field: str) -> None:
    with pytest.raises(ValidationFailed) as refused:
        services.changes.since(since, limit)
    assert refused.value.field == field


def test_a_cursor_ahead_of_the_library_is_refused(services: Services) -> None:
    library = services.changes.library_version()
    with pytest.raises(CursorAhead) as refused:
        services.changes.since(library + 1)
    assert refused.value.field == "since" and refused.value.params["version"] == library


def _write(services: Services, step: int, action: str) -> None:
    """One of a few writes a replica might see between two pages."""
    with services.database.begin() as session:
        projects = session.exec(select(Project).order_by(Project.id)).all()  # type: ignore[arg-type]
        if action == "add" or not projects:
            project = Project(code=f"H-{step}-{uuid.uuid4().hex[:6]}", name="Khu", kind="it_park", regime_key="x")
            session.add(project)
            session.flush()
            assert project.id is not None
            document = Document(project_id=project.id, kind="de_an", title="Đề án")
            session.add(document)
            session.flush()
            assert document.id is not None
            session.add_all(Section(document_id=document.id, title=f"Mục {n}") for n in range(3))
        elif action == "edit":
            projects[step % len(projects)].name = f"Khu {step}"
        else:
            session.delete(projects[step % len(projects)])


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    limits=st.lists(st.integers(min_value=1, max_value=7), min_size=1, max_size=5),
    writes=st.lists(st.sampled_from(["add", "edit", "delete"]), max_size=8),
)
def test_pages_never_skip_or_repeat_a_change_even_with_writes_between(
    services: Services, limits: list[int], writes: list[str]
) -> None:
    _write(services, 0, "add")
    # A replica in step with the library now (the examples share one database), then pulling what follows.
    cursor, replica = services.changes.library_version(), _stored(services)
    seen: list[int] = []
    turn = 0
    _write(services, 1, "add")
    while True:  # a page, then one write, until the writes are done; then pages until nothing is left
        page = services.changes.since(cursor, limits[turn % len(limits)])
        versions = [c["version"] for c in page.changes] + [d["version"] for d in page.deleted]
        assert all(cursor < v <= page.cursor for v in versions) and len(versions) <= limits[turn % len(limits)]
        seen.extend(versions)
        _apply(replica, page)
        cursor = page.cursor
        if turn < len(writes):
            _write(services, turn, writes[turn])
        elif not page.more:
            break
        turn += 1
    assert len(seen) == len(set(seen))  # no change twice
    assert replica == _stored(services)  # none skipped: the replica holds exactly the server's rows
