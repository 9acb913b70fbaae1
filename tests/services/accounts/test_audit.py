"""The audit trail: one chained entry per change, nothing for a rolled-back one, tampering detected."""

import multiprocessing
import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import select, text

from dossier_app.domain.audit import GENESIS, ChainProblem, entry_hash
from dossier_app.domain.errors import Conflict, PermissionDenied, StaleEdit
from dossier_app.domain.models import AuditEntry
from dossier_app.services import Services, build_services
from dossier_app.services.accounts.audit import AuditFilter
from dossier_app.services.core.context import Operator
from dossier_app.services.dossier.projects import ProjectView
from dossier_app.storage.database import open_database
from tests.conftest import FAST_HASHER
from tests.services.support import it_park, section_by_key

CHAIN_COLUMNS = (
    AuditEntry.id,
    AuditEntry.at,
    AuditEntry.actor,
    AuditEntry.action,
    AuditEntry.entity_type,
    AuditEntry.entity_id,
    AuditEntry.project_id,
    AuditEntry.summary,
    AuditEntry.prev_hash,
    AuditEntry.hash,
)


def _latest(services: Services) -> tuple[int, str, str, str, str, int | None, str]:
    [entry] = services.audit.entries(AuditFilter(limit=1))
    return (
        entry.id,
        entry.actor,
        entry.action,
        entry.entity_type,
        entry.entity_id,
        entry.project_id,
        entry.summary,
    )


def _sql(services: Services, statement: str, **params: object) -> None:
    with services.database.engine.begin() as connection:
        connection.execute(text(statement), params)


def test_every_mutating_call_adds_one_entry_with_its_actor(services: Services, tmp_path: Path) -> None:
    services.accounts.add("chuyenvien", ["officer"], "chuyen-vien-123")  # by the local operator
    services.context.operator = Operator("chuyenvien")
    source = tmp_path / "Quyết định 895.pdf"
    source.write_bytes(b"%PDF-1.4 quyet dinh")
    state: dict[str, int] = {}

    def create() -> int:
        state["project"] = services.projects.create(it_park()).id
        state["section"] = section_by_key(services, state["project"], "da.7_ban_do_quy_hoach").id
        state["document"] = services.projects.documents(state["project"])[1][0]
        return state["project"]

    def save() -> int:
        state["revision"] = services.dossiers.save_body(state["section"], "Bản đồ quy hoạch tỷ lệ 1/2000.").revision.id  # type: ignore[union-attr]
        services.dossiers.save_body(state["section"], "Bản đồ quy hoạch, bản sửa.")
        return state["section"]

    def add_section() -> int:
        state["custom"] = services.dossiers.add_section(state["document"], None, "Phụ lục ảnh hiện trạng")
        return state["custom"]

    def add_attachment() -> int:
        state["attachment"] = services.attachments.add(state["section"], source).id
        return state["attachment"]

    steps: list[tuple[str, str, Callable[[], object]]] = [
        ("project.create", "project", create),
        (
            "project.update",
            "project",
            lambda: services.projects.update(state["project"], it_park(ward="Phường Mới")).id,
        ),
        ("section.save", "section", save),
        ("section.restore", "section", lambda: services.dossiers.restore_revision(state["revision"]).section_id),
        ("section.add", "section", add_section),
        (
            "section.rename",
            "section",
            lambda: services.dossiers.rename_section(state["custom"], "Ảnh") and state["custom"],
        ),
        (
            "section.move",
            "section",
            lambda: services.dossiers.move_section(state["custom"], 0) is not None and state["custom"],
        ),
        ("section.delete", "section", lambda: services.dossiers.delete_section(state["custom"]) or state["custom"]),
        ("section.undelete", "section", lambda: services.dossiers.undelete_section(state["custom"]) or state["custom"]),
        ("attachment.add", "attachment", add_attachment),
        ("attachment.remove", "attachment", lambda: services.attachments.remove(state["attachment"]).id),
    ]
    for action, entity_type, step in steps:
        before = services.audit.count()
        entity_id = step()
        added = services.audit.count() - before
        assert added == (2 if action == "section.save" else 1), action
        _, actor, recorded, kind, entity, project_id, summary = _latest(services)
        assert (actor, recorded, kind, entity, project_id) == (
            "chuyenvien",
            action,
            entity_type,
            str(entity_id),
            state["project"],
        )
        assert summary
    assert services.audit.verify().ok


def test_account_changes_are_recorded_against_the_operator(services: Services) -> None:
    services.context.operator = Operator("cli:root")
    calls: list[tuple[str, Callable[[], object]]] = [
        ("account.add", lambda: services.accounts.create_first_admin("quantri", "mat-khau-qt")),
        ("account.add", lambda: services.accounts.add("vanthu", ["clerk"], "mat-khau-vt")),
        ("account.roles", lambda: services.accounts.set_roles("vanthu", ["clerk", "officer"])),
        ("account.password", lambda: services.accounts.set_password("vanthu", "mat-khau-moi")),
        ("account.disable", lambda: services.accounts.disable("vanthu")),
        ("account.enable", lambda: services.accounts.enable("vanthu")),
    ]
    for action, call in calls:
        before = services.audit.count()
        call()
        assert services.audit.count() == before + 1
        _, actor, recorded, kind, _entity, project_id, summary = _latest(services)
        assert (actor, recorded, kind, project_id) == ("cli:root", action, "account", None)
        assert "$argon2" not in summary and "mat-khau" not in summary


def test_summaries_say_what_changed(services: Services, itp: ProjectView) -> None:
    section = section_by_key(services, itp.id, "da.7_ban_do_quy_hoach").id
    result = services.dossiers.save_body(section, "Một hai ba bốn năm.")
    assert result.revision is not None
    summary = _latest(services)[6]
    assert summary == f"revision 1, 5 words (was 0), sha256 {result.revision.content_hash[:12]}"
    services.projects.update(itp.id, it_park(name="Khu CNTT tập trung Cần Thơ (mới)"))
    assert (
        "name 'Khu công nghệ thông tin tập trung Cần Thơ' → 'Khu CNTT tập trung Cần Thơ (mới)'" in _latest(services)[6]
    )


def test_refused_and_empty_changes_record_nothing(services: Services, itp: ProjectView) -> None:
    section = section_by_key(services, itp.id, "da.7_ban_do_quy_hoach").id
    services.dossiers.save_body(section, "Nội dung.")
    before = services.audit.count()
    services.dossiers.save_body(section, "Nội dung.")  # unchanged text: no revision, no entry
    with pytest.raises(Conflict):
        services.projects.create(it_park())
    with pytest.raises(StaleEdit):
        services.dossiers.save_body(section, "Khác.", base_version=0)
    with pytest.raises(Conflict):
        services.dossiers.delete_section(section)
    services.context.operator = Operator("tester")  # a name without an account: no administrator
    with pytest.raises(PermissionDenied):
        services.accounts.add("vanthu", ["clerk"], "mat-khau-vt")
    with pytest.raises(PermissionDenied):
        services.dossiers.save_body(section, "Khác.")
    assert services.audit.count() == before


def test_an_entry_of_a_rolled_back_transaction_does_not_exist(services: Services) -> None:
    with pytest.raises(RuntimeError), services.database.begin() as session:
        services.audit.record(session, "tester", "project.update", "project", 1, "never happened")
        raise RuntimeError("the change failed after the entry was written")
    assert services.audit.count() == 0
    assert services.audit.verify().ok
    with services.database.begin() as session:
        assert services.audit.record(session, "tester", "project.update", "project", 1, "happened") == 1


def test_entries_are_chained_and_the_head_follows(services: Services, itp: ProjectView) -> None:
    section = section_by_key(services, itp.id, "da.7_ban_do_quy_hoach").id
    for number in range(3):
        services.dossiers.save_body(section, f"Lần {number}.")
    with services.database.engine.connect() as connection:
        rows = connection.execute(select(*CHAIN_COLUMNS).order_by(AuditEntry.id)).all()
        head = connection.execute(text("SELECT value FROM setting WHERE key = 'audit.head'")).scalar()
    assert [row[0] for row in rows] == [1, 2, 3, 4]
    previous = GENESIS
    for row in rows:
        assert row[8] == previous
        assert entry_hash(*row[:9]) == row[9]
        previous = row[9]
    assert head == f"4:{previous}"
    verification = services.audit.verify()
    assert (verification.ok, verification.checked, verification.total) == (True, 4, 4)


def test_concurrent_writers_keep_one_chain(db_url: str) -> None:
    writers = [
        build_services(open_database(db_url), Operator(f"writer{n}"), password_hasher=FAST_HASHER) for n in range(3)
    ]
    errors: list[BaseException] = []
    start = threading.Barrier(len(writers))

    def append(services: Services) -> None:
        try:
            start.wait()
            for number in range(15):
                with services.database.begin() as session:
                    services.audit.record(
                        session, services.context.operator.name, "section.save", "section", number, "x"
                    )
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=append, args=(w,)) for w in writers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    try:
        assert not errors, errors
        verification = writers[0].audit.verify()
        assert verification.ok and verification.total == 45
        assert sorted(writers[0].audit.actors()) == ["writer0", "writer1", "writer2"]
    finally:
        for services in writers:
            services.close()


def _tamper_update(services: Services) -> int:
    _sql(services, "UPDATE auditentry SET summary = 'sửa tay' WHERE id = 3")
    return 3


def _tamper_rehash(services: Services) -> int:
    with services.database.engine.connect() as connection:
        row = connection.execute(select(*CHAIN_COLUMNS).where(AuditEntry.id == 2)).one()
    forged = entry_hash(*row[:7], "viết lại", row[8])
    _sql(services, "UPDATE auditentry SET summary = 'viết lại', hash = :h WHERE id = 2", h=forged)
    return 2


def _tamper_delete_middle(services: Services) -> int:
    _sql(services, "DELETE FROM auditentry WHERE id = 3")
    return 3


def _tamper_delete_last(services: Services) -> int:
    _sql(services, "DELETE FROM auditentry WHERE id = 5")
    return 5


def _tamper_insert(services: Services) -> int:
    _sql(
        services,
        "INSERT INTO auditentry (id, at, actor, action, entity_type, entity_id, project_id, summary, prev_hash, hash) "
        "VALUES (6, :at, 'ke-gian', 'section.save', 'section', '1', NULL, 'giả mạo', :prev, :hash)",
        at=datetime(2026, 1, 1, tzinfo=UTC),
        prev="a" * 64,
        hash="b" * 64,
    )
    return 6


def _tamper_head(services: Services) -> None:
    _sql(services, "DELETE FROM setting WHERE key = 'audit.head'")


TAMPERINGS = {
    "update": (_tamper_update, ChainProblem.ALTERED),
    "update-and-rehash": (_tamper_rehash, ChainProblem.ALTERED),
    "delete-middle": (_tamper_delete_middle, ChainProblem.REMOVED),
    "delete-last": (_tamper_delete_last, ChainProblem.REMOVED),
    "insert": (_tamper_insert, ChainProblem.INSERTED),
    "delete-head": (_tamper_head, ChainProblem.HEAD_MISSING),
}


@pytest.mark.parametrize("kind", list(TAMPERINGS))
def test_tampering_through_sql_names_the_first_bad_entry(services: Services, kind: str) -> None:
    for number in range(5):
        with services.database.begin() as session:
            services.audit.record(session, "tester", "section.save", "section", number, f"revision {number}")
    assert services.audit.verify().ok
    tamper, problem = TAMPERINGS[kind]
    bad_id = tamper(services)
    verification = services.audit.verify()
    assert not verification.ok
    assert (verification.problem, verification.entry_id) == (problem, bad_id)


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now


def test_entries_filter_by_person_project_action_and_dates(services: Services) -> None:
    clock = Clock(datetime(2026, 4, 1, 9, 0, tzinfo=UTC))
    services.context.clock = clock
    plan = [
        ("an", 1, "section.save"),
        ("binh", 1, "section.add"),
        ("an", 2, "section.save"),
        ("an", None, "account.add"),
    ]
    for day, (actor, project_id, action) in enumerate(plan):
        clock.now = datetime(2026, 4, 1 + day, 9, 0, tzinfo=UTC)
        with services.database.begin() as session:
            services.audit.record(session, actor, action, "section", day, f"day {day}", project_id)
    audit = services.audit

    def ids(**criteria: object) -> list[int]:
        return [e.id for e in audit.entries(AuditFilter(**criteria))]  # type: ignore[arg-type]

    assert ids() == [4, 3, 2, 1]
    assert ids(actor="an") == [4, 3, 1]
    assert ids(project_id=1) == [2, 1]
    assert ids(action="section.save") == [3, 1]
    assert ids(actor="an", project_id=2) == [3]
    assert ids(since=datetime(2026, 4, 2, tzinfo=UTC), until=datetime(2026, 4, 4, tzinfo=UTC)) == [3, 2]
    hanoi = timezone(timedelta(hours=7))  # a bound in any zone is compared in UTC
    assert ids(since=datetime(2026, 4, 2, 16, 0, tzinfo=hanoi)) == [4, 3, 2]
    assert ids(limit=2) == [4, 3] and ids(limit=2, offset=2) == [2, 1]
    assert audit.count(AuditFilter(actor="an")) == 3
    assert audit.actors() == ["an", "binh"]
    assert audit.entries(AuditFilter(limit=1))[0].at == datetime(2026, 4, 4, 9, 0, tzinfo=UTC)
    assert all(e.at.tzinfo is not None for e in audit.entries())
    assert timedelta(0) == audit.entries(AuditFilter(limit=1))[0].at.utcoffset()


def test_verify_reports_progress(services: Services) -> None:
    with services.database.begin() as session:
        for number in range(3):
            services.audit.record(session, "tester", "section.save", "section", number, "x")
    calls: list[tuple[int, int]] = []
    assert services.audit.verify(lambda done, total, _message: calls.append((done, total))).ok
    assert calls[-1] == (3, 3)


def test_a_lost_head_is_rebuilt_from_the_last_entry_on_the_next_change(services: Services) -> None:
    for number in range(2):
        with services.database.begin() as session:
            services.audit.record(session, "tester", "section.save", "section", number, "x")
    _tamper_head(services)
    with services.database.begin() as session:
        assert services.audit.record(session, "tester", "section.save", "section", 3, "y") == 3
    assert services.audit.verify().ok


def _append_from_another_process(url: str, name: str, count: int) -> None:
    """Run in a child process: append `count` entries as `name`."""
    services = build_services(open_database(url), Operator(name), password_hasher=FAST_HASHER)
    try:
        for number in range(count):
            with services.database.begin() as session:
                services.audit.record(session, name, "section.save", "section", number, f"{name} {number}")
    finally:
        services.close()


def test_two_processes_appending_at_once_keep_one_chain(services: Services) -> None:
    context = multiprocessing.get_context("spawn")
    children = [
        context.Process(target=_append_from_another_process, args=(services.database.url, f"process{n}", 20))
        for n in range(2)
    ]
    for child in children:
        child.start()
    for child in children:
        child.join(timeout=120)
    assert [child.exitcode for child in children] == [0, 0]
    verification = services.audit.verify()
    assert verification.ok and verification.total == 40
