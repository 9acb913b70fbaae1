"""Sync versions and tombstones kept by the unit of work (storage/sync_log), on each backend: every insert, update
and delete of a synced row takes a new library version of its own; deletions leave tombstones, cascades too."""

import threading
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import delete, event, text, update
from sqlmodel import Session, col, select

from dossier_app.domain.errors import StorageBusy
from dossier_app.domain.models import (
    Account,
    AffectedParty,
    Document,
    LandParcel,
    MinistryComment,
    Project,
    Section,
    SyncState,
    SyncTombstone,
)
from dossier_app.storage.database import Database, open_database, open_transaction
from dossier_app.storage.sync_log import synced_tables, written


@pytest.fixture
def database(db_url: str) -> Iterator[Database]:
    """The migrated database of one test, on each backend."""
    opened = open_database(db_url)
    yield opened
    opened.dispose()


def _library(database: Database) -> int:
    with database.begin() as session:
        state = session.get(SyncState, 1)
        assert state is not None
        return state.version


def _version(database: Database, model: type[Project | Section | Document | MinistryComment], row_id: int) -> int:
    with database.begin() as session:
        row = session.get(model, row_id)
        assert row is not None
        return row.sync_version


def _tombstones(database: Database) -> list[tuple[str, str, int]]:
    with database.begin() as session:
        rows = session.exec(select(SyncTombstone).order_by(col(SyncTombstone.sync_version))).all()
        return [(row.table_name, row.uid, row.sync_version) for row in rows]


def _project(session: Session, code: str = "P-1") -> Project:
    project = Project(code=code, name="Khu công nghệ thông tin tập trung", kind="it_park", regime_key="nd154_2013")
    session.add(project)
    session.flush()
    return project


def _tree(database: Database) -> tuple[int, int, int]:
    """A project with one document and a section with a sub-section; their ids."""
    with database.begin() as session:
        project = _project(session)
        assert project.id is not None
        document = Document(project_id=project.id, kind="de_an", title="Đề án")
        session.add(document)
        session.flush()
        assert document.id is not None
        parent = Section(document_id=document.id, title="Căn cứ")
        session.add(parent)
        session.flush()
        session.add(Section(document_id=document.id, parent_id=parent.id, title="Căn cứ pháp lý"))
        assert parent.id is not None
        return project.id, document.id, parent.id


def test_an_insert_takes_a_new_version_and_a_uuid(database: Database) -> None:
    before = _library(database)
    project_id, document_id, section_id = _tree(database)
    after = _library(database)
    assert after == before + 4
    versions = [
        _version(database, Project, project_id),
        _version(database, Document, document_id),
        _version(database, Section, section_id),
    ]
    assert versions == sorted(versions) and before < versions[0] and versions[-1] < after  # parents first
    with database.begin() as session:
        uids = [row.uid for row in session.exec(select(Section)).all()]
    assert len(set(uids)) == 2 and all(uuid.UUID(value).version == 4 for value in uids)


def test_an_update_takes_a_new_version_and_a_read_or_a_no_change_takes_none(database: Database) -> None:
    project_id, _document_id, _section_id = _tree(database)
    first = _version(database, Project, project_id)
    with database.begin() as session:
        project = session.get(Project, project_id)
        assert project is not None
        project.name = project.name  # set to the same value: no change
    with database.begin() as session:
        session.exec(select(Project)).all()
    assert _version(database, Project, project_id) == first
    with database.begin() as session:
        project = session.get(Project, project_id)
        assert project is not None
        project.name = "Khu công viên phần mềm"
    second = _version(database, Project, project_id)
    assert second > first and second == _library(database)


def test_a_bulk_update_takes_a_version_for_each_row(database: Database) -> None:
    _project_id, document_id, _section_id = _tree(database)
    before = _library(database)
    with database.begin() as session:
        session.execute(update(Section).where(col(Section.document_id) == document_id).values(word_count=7))
    with database.begin() as session:
        versions = sorted(row.sync_version for row in session.exec(select(Section)).all())
    assert versions == [before + 1, before + 2] and _library(database) == before + 2


def test_a_rolled_back_transaction_takes_no_version(database: Database) -> None:
    _tree(database)
    before = _library(database)
    with pytest.raises(RuntimeError), database.begin() as session:
        _project(session, "P-2")
        raise RuntimeError("the caller fails")
    assert _library(database) == before


def test_a_savepoint_opened_before_any_write_stays_inside_the_unit_of_work(database: Database) -> None:
    """On SQLite the driver begins a transaction only before a write: a savepoint opened first would begin its own,
    and releasing it would commit what the unit of work later rolls back."""
    _tree(database)
    with pytest.raises(RuntimeError), database.begin() as session:
        open_transaction(session)
        with session.begin_nested():
            _project(session, "P-2")
        raise RuntimeError("the unit of work fails after its savepoint was released")
    with database.begin() as session:
        assert [row.code for row in session.exec(select(Project)).all()] == ["P-1"]


def test_a_batch_commits_its_units_once_and_undoes_a_failed_one_alone(database: Database) -> None:
    _tree(database)
    before = _library(database)
    with database.batch():
        with database.begin() as session:
            _project(session, "P-2")
        with pytest.raises(RuntimeError), database.begin() as session:
            _project(session, "P-3")
            raise RuntimeError("this unit fails")
        with database.begin() as session:
            _project(session, "P-4")
        assert _library(database) == before  # nothing stamped before the batch commits
    with database.begin() as session:
        codes = sorted(row.code for row in session.exec(select(Project)).all())
        versions = sorted(row.sync_version for row in session.exec(select(Project).where(col(Project.code) != "P-1")))
    assert codes == ["P-1", "P-2", "P-4"]
    assert versions == [before + 1, before + 2] and _library(database) == before + 2


def test_a_failed_batch_keeps_none_of_its_units(database: Database) -> None:
    _tree(database)
    before = _library(database)
    with pytest.raises(RuntimeError), database.batch():
        with database.begin() as session:
            _project(session, "P-2")
        raise RuntimeError("the batch fails")
    with database.begin() as session:
        assert [row.code for row in session.exec(select(Project)).all()] == ["P-1"]
    assert _library(database) == before


def test_a_joined_step_reads_in_the_batch_itself_with_no_savepoint(database: Database) -> None:
    """`joined` inside a batch is the batch's own session, sending no SAVEPOINT; outside one it is a unit of work."""
    _tree(database)
    sent: list[str] = []

    def record(_conn, _cursor, statement, *_args) -> None:  # type: ignore[no-untyped-def]
        sent.append(statement.upper())

    event.listen(database.engine, "before_cursor_execute", record)
    try:
        with database.batch() as batch:
            with database.begin() as session:
                _project(session, "P-2")
            with database.joined() as joined:
                assert joined is batch
                assert sorted(row.code for row in joined.exec(select(Project)).all()) == ["P-1", "P-2"]
    finally:
        event.remove(database.engine, "before_cursor_execute", record)
    assert sum("SAVEPOINT" in statement and "RELEASE" not in statement for statement in sent) == 1  # the begin's
    with database.joined() as alone:
        assert sorted(row.code for row in alone.exec(select(Project)).all()) == ["P-1", "P-2"]


def test_a_batch_is_this_threads_alone(database: Database) -> None:
    """Another thread's unit of work during a batch is its own transaction, committed at once."""
    _tree(database)
    seen: list[str] = []

    def elsewhere() -> None:
        with database.begin() as session:
            seen.extend(row.code for row in session.exec(select(Project)).all())

    with database.batch():
        with database.begin() as session:
            _project(session, "P-2")
        worker = threading.Thread(target=elsewhere)
        worker.start()
        worker.join()
    assert seen == ["P-1"]  # the batch's own unit was not visible outside it before it committed


def test_a_delete_leaves_tombstones_for_the_row_and_what_cascades_with_it(database: Database) -> None:
    project_id, _document_id, _section_id = _tree(database)
    with database.begin() as session:
        uids = {
            (table, uid)
            for table, model in (("project", Project), ("document", Document), ("section", Section))
            for uid in session.exec(select(model.uid)).all()  # type: ignore[attr-defined]
        }
    before = _library(database)
    with database.begin() as session:
        project = session.get(Project, project_id)
        session.delete(project)
    with database.begin() as session:
        assert session.exec(select(Section)).all() == []  # the database cascaded
    stones = _tombstones(database)
    assert {(table, uid) for table, uid, _version in stones} == uids
    assert [version for *_rest, version in stones] == list(range(before + 1, before + 5))
    assert _library(database) == before + 4


def test_a_bulk_delete_leaves_tombstones(database: Database) -> None:
    _project_id, document_id, _section_id = _tree(database)
    with database.begin() as session:
        session.execute(delete(Section).where(col(Section.document_id) == document_id))
    assert sorted(table for table, _uid, _version in _tombstones(database)) == ["section", "section"]


def test_a_reference_set_to_null_by_a_delete_is_a_change(database: Database) -> None:
    project_id, _document_id, section_id = _tree(database)
    with database.begin() as session:
        comment = MinistryComment(project_id=project_id, source="Bộ TT&TT", section_id=section_id, body="Bổ sung")
        session.add(comment)
        session.flush()
        assert comment.id is not None
        comment_id = comment.id
    first = _version(database, MinistryComment, comment_id)
    with database.begin() as session:
        session.delete(session.get(Section, section_id))
    with database.begin() as session:
        comment = session.get(MinistryComment, comment_id)
        assert comment is not None and comment.section_id is None
        assert comment.sync_version > first and comment.sync_version <= _library(database)


def test_local_tables_take_no_version(database: Database) -> None:
    before = _library(database)
    with database.begin() as session:
        session.add(Account(username="lan", password_hash="x"))
    with database.begin() as session:
        session.execute(delete(Account))
    assert _library(database) == before and _tombstones(database) == []
    assert "account" not in synced_tables() and "sessiontoken" not in synced_tables()


def test_versions_are_unique_across_tables_and_the_library_version_is_the_largest(database: Database) -> None:
    _tree(database)
    with database.begin() as session:
        project = session.exec(select(Project)).one()
        party = AffectedParty(project_id=project.id, code="H-1", name="Nguyễn Văn Bình")  # type: ignore[arg-type]
        session.add(party)
        session.flush()
        parcel = {"map_sheet": "12", "parcel_no": "7", "land_use_code": "LUC"}
        session.add(LandParcel(project_id=project.id, party_id=party.id, **parcel))  # type: ignore[arg-type]
    with database.begin() as session:
        session.delete(session.exec(select(LandParcel)).one())
    with database.begin() as session:
        versions = [
            int(v)
            for table in synced_tables()
            for v in session.execute(text(f"SELECT sync_version FROM {table}")).scalars()
        ] + [stone.sync_version for stone in session.exec(select(SyncTombstone)).all()]
    assert len(versions) == len(set(versions)) and max(versions) == _library(database)


def test_concurrent_writers_never_share_a_version(database: Database) -> None:
    _tree(database)
    errors: list[BaseException] = []

    def write(worker: int) -> None:
        try:
            for round_ in range(5):
                for _attempt in range(50):
                    try:
                        with database.begin() as session:
                            _project(session, f"W{worker}-{round_}")
                        break
                    except StorageBusy:
                        continue
        except BaseException as error:  # reported by the test
            errors.append(error)

    threads = [threading.Thread(target=write, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with database.begin() as session:
        versions = [row.sync_version for row in session.exec(select(Project)).all()]
    assert len(versions) == 21 and len(set(versions)) == 21 and max(versions) == _library(database)


def _holidays(database: Database) -> list[int]:
    with database.begin() as session:
        return [int(v) for v in session.execute(text("SELECT sync_version FROM holiday WHERE name = 'Tết'")).scalars()]


def test_a_write_past_the_session_is_stamped_once_its_table_is_named(database: Database) -> None:
    insert = text("INSERT INTO holiday (uid, day, name, kind) VALUES (:uid, :day, 'Tết', 'off')")
    with database.begin() as session:  # a connection-level statement: the session's events never see it
        session.connection().execute(insert, {"uid": str(uuid.uuid4()), "day": "2031-01-23"})
    assert _holidays(database) == [0]
    with database.begin() as session:
        session.connection().execute(insert, {"uid": str(uuid.uuid4()), "day": "2031-01-24"})
        written(session, "holiday")
    versions = _holidays(database)
    assert 0 not in versions and len(set(versions)) == 2 and max(versions) == _library(database)
