"""A stateful property test of sync (hypothesis): three replicas of a real `main.py serve` — two officers' desks and
a manager's — make random edits to the same few sections (in the same and in different blocks), comments,
submissions, approvals and returns, and sync in a random order. When the steps end everyone syncs twice with no new
edits: every replica then equals the server except for sections it holds in an unresolved conflict, and every
revision and comment made on a desk is in the server's history or waits on that desk behind a conflict record.
The conflicts are then resolved one desk at a time and everyone syncs twice more: every replica equals the server
in every synced table, and every revision and comment made anywhere is on the server.

Each example starts from copies of one template (the demo on the server, each desk synced once) with a server
process of its own, so examples share nothing. Only what the push takes today is exercised (sections' revisions,
comments and review requests); rules for structure changes and register rows belong in `ReplicaMachine` beside
the others once desktops push them (each records what it made in `made`, and `same_as_server` already compares
every synced table).

DOSSIER_FULL_TRIALS=1 runs 100 random examples instead of the fixed 15."""

import contextlib
import os
import shutil
import uuid
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, rule, run_state_machine_as_test

from dossier_app.domain.errors import DossierError
from dossier_app.services import Services, open_services
from dossier_app.services.core.context import Operator
from dossier_app.services.sync.client import SyncConnection
from tests.server.http_api import (
    MANAGER,
    OFFICER,
    PASSWORD,
    echoed_revisions,
    integrity_problems,
    opened,
    same_as_server,
    uids,
    url,
)
from tests.server.server_process import ServerProcess, demo_server_database

FULL = os.environ.get("DOSSIER_FULL_TRIALS") == "1"
CODE = "CT-HTP"
# Three written sections (one waiting for the manager's decision) and one empty, of one project: enough for edits
# to meet in the same blocks and for reviews to cross them.
KEYS = ("tt.can_cu_phap_ly", "tt.su_can_thiet", "da.0_mo_dau", "da.4_phuong_huong")
DESKS = {"a": OFFICER, "b": OFFICER, "m": MANAGER}
OFFICERS = ("a", "b")
ROUNDS = 8  # of resolving conflicts one desk at a time, at most
SEEN: Counter[str] = Counter()  # what the syncs of the examples did, so the test knows it reached each path


@dataclass
class Desk:
    """One replica: its database, its services (acting as the local operator) and its signed-in connection."""

    name: str
    path: Path
    services: Services
    connection: SyncConnection

    def section_id(self, uid: str) -> int:
        with opened(self.path) as db:
            return int(db.execute("SELECT id FROM section WHERE uid = ?", (uid,)).fetchone()[0])

    def section(self, uid: str) -> tuple[str, str]:
        """The section's body and review state here."""
        with opened(self.path) as db:
            return db.execute("SELECT body, state FROM section WHERE uid = ?", (uid,)).fetchone()

    def latest_revision(self, uid: str) -> str:
        with opened(self.path) as db:
            return str(
                db.execute(
                    "SELECT r.uid FROM sectionrevision r JOIN section s ON s.id = r.section_id WHERE s.uid = ? "
                    "ORDER BY r.number DESC LIMIT 1",
                    (uid,),
                ).fetchone()[0]
            )

    def in_conflict(self) -> set[str]:
        """Uids of the sections holding an unresolved conflict here."""
        with opened(self.path) as db:
            return {
                uid
                for (uid,) in db.execute(
                    "SELECT s.uid FROM syncconflict c JOIN section s ON s.id = c.section_id "
                    "WHERE c.resolved_at IS NULL AND c.blocks > 0"
                )
            }

    def sync(self) -> None:
        report = self.services.replica.sync(self.connection)
        for what, happened in (
            ("merged", report.merged),
            ("conflict", report.conflicts),
            ("refused", report.refused),
            ("approved", [p for p in report.pushed if "approve" in p]),
            ("returned", [p for p in report.pushed if "return" in p]),
            ("submitted", [p for p in report.pushed if "submit" in p]),
        ):
            if happened:
                SEEN[what] += 1


@dataclass(frozen=True)
class Template:
    """The demo on a server database and three desks synced once from it, as files to copy per example, with each
    desk's session token (the server's copy keeps the session, so no example pays for a password check)."""

    folder: Path
    tokens: dict[str, str]


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Template:
    return make_template(tmp_path_factory.mktemp("replica-template"))


def make_template(folder: Path) -> Template:
    database = demo_server_database(folder)
    tokens: dict[str, str] = {}
    with ServerProcess(database, folder) as server:
        for name, account in DESKS.items():
            services = open_services(str(folder / f"{name}.sqlite3"), Operator("cli:tester"))
            try:
                connection = SyncConnection(url(server))
                connection.sign_in(account, PASSWORD, f"desk {name}")
                assert services.replica.sync(connection).clean
                assert connection.token is not None
                tokens[name] = connection.token
                connection.close()
            finally:
                services.close()
    return Template(folder, tokens)


def section_uids(database: Path) -> list[str]:
    with opened(database) as db:
        found = [
            db.execute(
                "SELECT s.uid FROM section s JOIN document d ON d.id = s.document_id JOIN project p "
                "ON p.id = d.project_id WHERE p.code = ? AND s.outline_key = ?",
                (CODE, key),
            ).fetchone()[0]
            for key in KEYS
        ]
    return found


class ReplicaMachine(RuleBasedStateMachine):
    """Desks editing and syncing against one server; see the module's docstring for what is checked."""

    template: Template
    folder: Path

    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(self.folder_maker())
        for name in ("server", *DESKS):
            shutil.copyfile(self.template.folder / f"{name}.sqlite3", self.folder / f"{name}.sqlite3")
        self.server = ServerProcess(self.folder / "server.sqlite3", self.folder).__enter__()
        self.desks: dict[str, Desk] = {}
        for name in DESKS:
            connection = SyncConnection(url(self.server))
            connection.token = self.template.tokens[name]
            path = self.folder / f"{name}.sqlite3"
            self.desks[name] = Desk(name, path, open_services(str(path), Operator("cli:tester")), connection)
        self.sections = section_uids(self.server_path)
        self.made: list[tuple[str, str, str, str]] = []  # (desk, table, uid, section uid) of each row made on a desk
        self.counter = 0

    folder_maker: Any = None

    @property
    def server_path(self) -> Path:
        return self.folder / "server.sqlite3"

    def mark(self, desk: str) -> str:
        """A phrase found nowhere else, so an edit can be told apart."""
        self.counter += 1
        return f"[{desk}{self.counter}]"

    # Edits ----------------------------------------------------------------------------------------------

    @rule(
        desk=st.sampled_from(OFFICERS),
        section=st.integers(0, len(KEYS) - 1),
        block=st.integers(0, 30),
        how=st.sampled_from(("extend", "insert", "delete")),
    )
    def edit(self, desk: str, section: int, block: int, how: str) -> None:
        """An officer changes one block of a section: extends it, inserts a paragraph after it, or deletes it."""
        here, uid = self.desks[desk], self.sections[section]
        body = here.section(uid)[0]
        blocks = [part for part in body.split("\n\n") if part.strip()] or [""]
        at = block % len(blocks)
        mark = self.mark(desk)
        if how == "extend":
            blocks[at] = f"{blocks[at]} {mark}".strip()
        elif how == "insert":
            blocks.insert(at + 1, f"Đoạn thêm {mark}.")
        elif len(blocks) > 1:
            del blocks[at]
        else:
            blocks = [f"Viết lại {mark}."]
        saved = here.services.dossiers.save_body(here.section_id(uid), "\n\n".join(blocks) + "\n")
        if saved.changed:
            self.made.append((desk, "sectionrevision", here.latest_revision(uid), uid))

    @rule(desk=st.sampled_from(tuple(DESKS)), section=st.integers(0, len(KEYS) - 1))
    def comment(self, desk: str, section: int) -> None:
        here, uid = self.desks[desk], self.sections[section]
        made = here.services.reviews.add_comment(here.section_id(uid), f"Ý kiến {self.mark(desk)}.")
        with opened(here.path) as db:
            comment_uid = db.execute("SELECT uid FROM sectioncomment WHERE id = ?", (made.id,)).fetchone()[0]
        self.made.append((desk, "sectioncomment", comment_uid, uid))

    @rule(desk=st.sampled_from(OFFICERS), section=st.integers(0, len(KEYS) - 1), send=st.booleans())
    def submit(self, desk: str, section: int, send: bool) -> None:
        """An officer submits a section on their desk, and syncs at once or leaves it for a later sync."""
        here, uid = self.desks[desk], self.sections[section]
        with contextlib.suppress(DossierError):  # nothing written yet, or already submitted: refused here
            here.services.reviews.submit(here.section_id(uid))
        if send:
            here.sync()

    def waiting_for_review(self) -> list[str]:
        """The sections submitted as the manager's desk last heard."""
        return [uid for uid in self.sections if self.desks["m"].section(uid)[1] == "submitted"]

    @rule(choice=st.integers(0, len(KEYS) - 1), approve=st.booleans(), fresh=st.booleans())
    def review(self, choice: int, approve: bool, fresh: bool) -> None:
        """The manager approves a submitted text, or returns it with a comment, on their desk: as last pulled, or
        after a sync (the queue opened fresh); the decision reaches the server at the desk's next sync."""
        if fresh:
            self.desks["m"].sync()
        waiting = self.waiting_for_review()
        if not waiting:
            return
        here, uid = self.desks["m"], waiting[choice % len(waiting)]
        section_id = here.section_id(uid)
        with contextlib.suppress(DossierError):  # the manager's own text, say: refused on the desk
            if approve:
                here.services.reviews.approve(section_id, here.services.reviews.review(section_id).submitted_hash)
            else:
                here.services.reviews.request_changes(section_id, f"Sửa lại {self.mark('m')}.")

    # Rules for structure changes (add, move, delete a section) and register rows go here once desktops push
    # them: make the change on a desk, record what was made in self.made, and let the checks below compare.

    @rule(desk=st.sampled_from(tuple(DESKS)))
    def sync(self, desk: str) -> None:
        self.desks[desk].sync()

    # The end of an example ------------------------------------------------------------------------------

    def teardown(self) -> None:
        try:
            self.everyone_syncs_twice()
            self.check(allow_conflicts=True)
            if any(desk.in_conflict() for desk in self.desks.values()):
                self.resolve_conflicts()
                self.everyone_syncs_twice()
                self.check(allow_conflicts=False)
        finally:
            self.close()

    def close(self) -> None:
        """Close the desks and stop the server (once)."""
        if self.server.returncode is None:
            for desk in self.desks.values():
                desk.connection.close()
                desk.services.close()
            self.server.stop()

    def everyone_syncs_twice(self) -> None:
        for _ in range(2):
            for desk in self.desks.values():
                desk.sync()

    def resolve_conflicts(self) -> None:
        """Each desk in turn takes the server's text, adds its own line and syncs at once, until none is left."""
        for _ in range(ROUNDS):
            left = False
            for desk in self.desks.values():
                desk.sync()
                for uid in sorted(desk.in_conflict()):
                    left = True
                    server_body = self.server_section(uid)[0]
                    resolved = f"{server_body.rstrip()}\n\nĐã hợp nhất {self.mark(desk.name)}.\n"
                    assert desk.services.dossiers.save_body(desk.section_id(uid), resolved).changed
                desk.sync()
            if not left:
                return
        raise AssertionError(f"conflicts still open after {ROUNDS} rounds")

    def server_section(self, uid: str) -> tuple[str, str]:
        with opened(self.server_path) as db:
            return db.execute("SELECT body, state FROM section WHERE uid = ?", (uid,)).fetchone()

    def check(self, *, allow_conflicts: bool) -> None:
        """Integrity everywhere; every desk the server's copy (but for sections in conflict there, when allowed);
        everything made on a desk on the server, or waiting on that desk behind a conflict."""
        assert integrity_problems(self.server_path) == []
        conflicts = {name: desk.in_conflict() for name, desk in self.desks.items()}
        if not allow_conflicts:
            assert conflicts == {name: set() for name in self.desks}
        echoes = {name: echoed_revisions(desk.path, self.server_path) for name, desk in self.desks.items()}
        for name, desk in self.desks.items():
            assert integrity_problems(desk.path) == [], name
            same_as_server(desk.path, self.server_path, conflicts[name], echoes[name])
        for desk, table, uid, section_uid in self.made:
            on_server = uid in uids(self.server_path, table) or uid in echoes[desk]  # the row, or its very text
            assert on_server or section_uid in conflicts[desk], (desk, table, uid)
            if not on_server:
                assert uid in uids(self.desks[desk].path, table)  # kept on its desk, waiting


def test_replicas_converge_and_lose_nothing(template: Template, tmp_path_factory: pytest.TempPathFactory) -> None:
    class Machine(ReplicaMachine):
        pass

    Machine.template = template
    SEEN.clear()
    Machine.folder_maker = staticmethod(lambda: tmp_path_factory.mktemp(f"example-{uuid.uuid4().hex[:8]}"))
    run_state_machine_as_test(
        Machine,
        settings=settings(
            max_examples=100 if FULL else 15,
            stateful_step_count=14,
            deadline=None,
            derandomize=not FULL,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
            # Each example costs seconds: shrinking a failure takes many minutes, so only the full run shrinks.
            phases=tuple(Phase) if FULL else (Phase.explicit, Phase.reuse, Phase.generate),
        ),
    )
    # The fixed examples reach a clean merge, a conflict and a manager's decision crossing the officers' work (the
    # submits and returns they push are few: each example is short).
    assert {"merged", "conflict"} <= set(SEEN) and {"approved", "returned"} & set(SEEN), SEEN


def test_the_machine_sees_a_lost_revision(template: Template, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The checks are not blind: a desk whose pushes never reach the server is caught."""

    class Blind(ReplicaMachine):
        pass

    Blind.template, Blind.folder_maker = template, staticmethod(lambda: tmp_path / "copy")
    (tmp_path / "copy").mkdir()
    machine = Blind()
    try:
        monkeypatch.setattr(machine.desks["a"].services.replica, "_push", lambda *args: None)
        machine.edit("a", 0, 0, "extend")
        with pytest.raises(AssertionError):
            machine.teardown()
    finally:
        machine.close()


def test_a_text_another_desk_pushed_first_is_not_sent_again(template: Template, tmp_path: Path) -> None:
    """Both officers delete the same paragraph; B also edits another. B's sync sends its second revision on the
    server's latest (the first holds the server's very text), refuses nothing, and everyone ends equal."""

    class Twins(ReplicaMachine):
        pass

    Twins.template, Twins.folder_maker = template, staticmethod(lambda: tmp_path)
    machine = Twins()
    try:
        machine.edit("a", 0, 1, "delete")
        machine.edit("b", 0, 1, "delete")
        machine.edit("b", 0, 3, "extend")
        machine.sync("a")
        b = machine.desks["b"]
        report = b.services.replica.sync(b.connection)
        assert report.clean and report.refused == []
        assert len(echoed_revisions(b.path, machine.server_path)) == 1
        machine.teardown()
    finally:
        machine.close()


def test_a_return_the_server_refuses_keeps_its_note_as_a_comment(template: Template, tmp_path: Path) -> None:
    """The manager returns a submitted section on their desk while an officer's edit has made it a draft again on
    the server: the return is refused, its note reaches the server as an ordinary comment, and all end equal."""

    class Late(ReplicaMachine):
        pass

    Late.template, Late.folder_maker = template, staticmethod(lambda: tmp_path)
    machine = Late()
    try:
        submitted = machine.sections[1]  # submitted in the demo
        assert machine.desks["m"].section(submitted)[1] == "submitted"
        machine.edit("a", 1, 0, "extend")
        machine.sync("a")
        machine.review(1, approve=False, fresh=False)  # as the manager's desk last heard: still submitted
        m = machine.desks["m"]
        report = m.services.replica.sync(m.connection)
        [refusal] = report.refused
        assert "trả lại/return" in refusal.label
        assert any("ý kiến/comment" in label for label in report.pushed)
        with opened(machine.server_path) as db:
            note = db.execute("SELECT kind, author FROM sectioncomment WHERE body LIKE 'Sửa lại [m%'").fetchall()
        assert note == [("comment", MANAGER)]
        machine.teardown()
    finally:
        machine.close()
