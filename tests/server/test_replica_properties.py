"""A stateful property test of sync (hypothesis): three replicas of a real `main.py serve` — two officers' desks and
a manager's — make random edits to the same few sections (in the same and in different blocks), comments,
submissions, approvals and returns, outline changes (a custom section added, one renamed, moved, deleted or brought
back, as the window's Structure menu does them), register changes on the officers' desks (a household added, one
field of the first two households changed, a household deleted; a manager may not edit the register), changes of the
project records on every desk (officers and the manager may both edit the plan: a step's responsible unit or planned
end changed, a custom step added, a step removed or moved, as the milestones window does them; a project's IT
workers, filing date or at-risk window set), and sync in a random order. When the steps end everyone syncs twice with
no new edits: every replica then equals the server (every synced table, every section's outline place, every
household with its children, every milestone plan, step, set of facts and filing date) except for sections,
households and records it holds in an unresolved conflict; every revision and comment made on a desk is in the
server's history or waits on that desk behind a conflict record; every household field value and every record value
written is on the server or in a conflict record unless a later write or deletion replaced it in sight of it; no two
steps of a plan share a key; and a section deleted on the server was deleted by a desk that had seen every edit of it
the server holds (an edit elsewhere brings it back). The conflicts are then resolved one desk at a time (a section's
text rewritten on the server's, a household's or a record's field decided as the register window's and the
conflicts window's two buttons do) and everyone syncs twice more: every replica equals the server, and nothing made
anywhere is lost. A custom section added and deleted on a desk before any sync, with nothing written in it, never
leaves that desk (the design: only work travels).

Each example starts from copies of one template (the demo on the server, each desk synced once) with a server
process of its own, so examples share nothing. The outline, the register and the records have one rule each (which
change is drawn), so the section edits and reviews keep their share of the steps.

DOSSIER_FULL_TRIALS=1 runs 100 random examples instead of the fixed 15."""

import contextlib
import json
import os
import shutil
import sqlite3
import uuid
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, rule, run_state_machine_as_test

from dossier_app.domain.errors import DossierError
from dossier_app.services import Services, open_services
from dossier_app.services.core.context import Operator
from dossier_app.services.project_records.sync import (
    CUSTOM_PREFIX,
    EVIDENCE,
    GLOBAL,
    PROJECT,
    RECORDS,
    REFS,
    SINGLETONS,
    STEP,
    WORDS,
)
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
from tests.services.register_support import parcel, party

FULL = os.environ.get("DOSSIER_FULL_TRIALS") == "1"
CODE = "CT-HTP"
REGISTER_CODE = "CT-ITP"  # the demo project with a register (five households)
# Three written sections (one waiting for the manager's decision) and one empty, of one project: enough for edits
# to meet in the same blocks and for reviews to cross them.
KEYS = ("tt.can_cu_phap_ly", "tt.su_can_thiet", "da.0_mo_dau", "da.4_phuong_huong")
DESKS = {"a": OFFICER, "b": OFFICER, "m": MANAGER}
OFFICERS = ("a", "b")
ROUNDS = 8  # of resolving conflicts one desk at a time, at most
# The household fields the rules change: three of the party's own and its parcels (one field of the merge).
HOUSEHOLD_FIELDS = ("name", "address", "ward", "parcels")
CHILD_TABLES = ("landparcel", "asset", "compensationline", "resettlement")
STRUCTURE_WORDS = ("/added", "/renamed", "/moved", "/deleted", "/restored")  # the pushed outline changes' labels
# The plan the step rules edit (the register project's: its register drives some steps' percent), the template
# steps they change besides the custom ones (M12 is register-driven), and the projects whose facts, filing date and
# at-risk window change (CT-HTP has a filing date and no facts, CT-ITP facts and no filing date: made and changed).
PLAN_CODE = REGISTER_CODE
PLAN_STEPS = ("M11", "M12", "M13")
PROJECTS = (CODE, REGISTER_CODE)
PROJECT_FIELDS = {"it_workers": "projectfacts", "submitted_on": "reviewschedule", "at_risk_days": "milestoneplan"}
NOT_COMPARED = frozenset({"id", "uid", "sync_version", "party_id", "project_id"})  # local ids and bookkeeping
# The records rule's changes; a project made on a desk only in the full run's random examples, so the fixed ones keep
# their draws (and what they reach); test_projects_made_on_two_desks_reach_everyone runs it as an explicit example.
RECORD_CHANGES = ("responsible", "planned_end", "add", "remove", "move", *PROJECT_FIELDS, "evidence") + (
    ("new_project",) if FULL else ()
)
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
            body, state = db.execute("SELECT body, state FROM section WHERE uid = ?", (uid,)).fetchone()
            return str(body), str(state)

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

    def section_live(self, uid: str) -> bool:
        with opened(self.path) as db:
            return bool(db.execute("SELECT deleted_at IS NULL FROM section WHERE uid = ?", (uid,)).fetchone()[0])

    def custom_sections(self) -> list[str]:
        """Uids of the sections added by hand to the project's documents (here, deleted or not), oldest first."""
        with opened(self.path) as db:
            return [
                uid
                for (uid,) in db.execute(
                    "SELECT s.uid FROM section s JOIN document d ON d.id = s.document_id JOIN project p "
                    "ON p.id = d.project_id WHERE p.code = ? AND s.outline_key IS NULL ORDER BY s.id",
                    (CODE,),
                )
            ]

    def revisions_of(self, uid: str) -> set[str]:
        with opened(self.path) as db:
            query = "SELECT r.uid FROM sectionrevision r JOIN section s ON s.id = r.section_id WHERE s.uid = ?"
            return {row[0] for row in db.execute(query, (uid,))}

    def households(self) -> list[tuple[str, int]]:
        """(uid, id) of the register project's households here, by code."""
        with opened(self.path) as db:
            return db.execute(
                "SELECT a.uid, a.id FROM affectedparty a JOIN project p ON p.id = a.project_id WHERE p.code = ? "
                "ORDER BY a.code",
                (REGISTER_CODE,),
            ).fetchall()

    def households_in_conflict(self) -> set[str]:
        """Uids of the households holding a field still to decide here."""
        with opened(self.path) as db:
            return {uid for (uid,) in db.execute("SELECT row_uid FROM syncrowconflict WHERE resolved_at IS NULL")}

    def records_in_conflict(self) -> set[str]:
        """Uids of the plans, steps, facts and filing dates holding a field still to decide here."""
        with opened(self.path) as db:
            return {uid for (uid,) in db.execute("SELECT row_uid FROM syncrecordconflict WHERE resolved_at IS NULL")}

    def project_id(self, code: str) -> int:
        return self.services.projects.by_code(code).id

    def plan_steps(self) -> list[tuple[str, str]]:
        """(uid, key) of the steps the plan rules change here: three of the template's and every custom one, in
        plan order."""
        with opened(self.path) as db:
            rows = db.execute(
                'SELECT s.uid, s."key" FROM milestonestep s JOIN project p ON p.id = s.project_id WHERE p.code = ? '
                "ORDER BY s.position, s.id",
                (PLAN_CODE,),
            ).fetchall()
        return [(uid, key) for uid, key in rows if key in PLAN_STEPS or key.startswith(CUSTOM_PREFIX)]

    def sync(self) -> None:
        report = self.services.replica.sync(self.connection)
        households = [label for label in report.conflicts if label.startswith("hộ/household")]
        records = [label for label in report.conflicts if is_record(label)]
        titles = [label for label in report.conflicts if label.endswith(f": {WORDS['section']}")]
        for what, happened in (
            ("merged", [label for label in report.merged if not is_record(label)]),
            ("conflict", [label for label in report.conflicts if label not in {*households, *records, *titles}]),
            ("title conflict", titles),
            ("household conflict", households),
            ("kept", [label for label in report.kept if not is_record(label)]),
            ("record merged", [label for label in report.merged if is_record(label)]),
            ("record conflict", records),
            ("record kept", [label for label in report.kept if is_record(label)]),
            ("record refused", [r for r in report.refused if is_record(r.label)]),
            ("restructured", [p for p in report.pushed if p.endswith(STRUCTURE_WORDS)]),
            ("project made", [p for p in report.pushed if p.endswith("/new project")]),
            ("refused", report.refused),
            ("approved", [p for p in report.pushed if "approve" in p]),
            ("returned", [p for p in report.pushed if "return" in p]),
            ("submitted", [p for p in report.pushed if "submit" in p]),
        ):
            if happened:
                SEEN[what] += 1


@dataclass(frozen=True)
class Deletion:
    """A section deleted on a desk, and the revisions of it that desk had then."""

    desk: str
    section: str
    seen: frozenset[str]


@dataclass(frozen=True)
class Written:
    """A household field value written on a desk, told apart by its mark."""

    desk: str
    uid: str
    field: str
    mark: str


@dataclass(frozen=True)
class Noted:
    """A value written on a desk in a project record: a step's field (`row` its uid) or a plan's, the facts' or the
    filing date's (`row` the project's code: the row's uid may become the server's), in the record's JSON form."""

    desk: str
    table: str
    row: str
    field: str
    value: Any


def is_record(label: str) -> bool:
    """Whether a sync report's label names a project record (a plan, a step, the facts, a filing date…), not a
    section's title kept in a record conflict."""
    return any(f": {words}" in label for table, words in WORDS.items() if table != "section")


def project_records(database: Path) -> dict[str, dict[str, Any]]:
    """Every project record by uid (a project's details, plan, step, facts, filing date, consultation, condition
    check, evidence link, ministry comment): its table, project's code and record fields (a reference as the uid it
    names)."""
    with opened(database) as db:
        db.row_factory = sqlite3.Row
        found: dict[str, dict[str, Any]] = {}
        for table, names in RECORDS.items():
            named = "".join(
                f', (SELECT uid FROM {target} WHERE id = t.{column}) AS "{name}"'
                for (of, name), (column, target) in REFS.items()
                if of == table
            )
            owner = {PROJECT: "t.id", EVIDENCE: "(SELECT project_id FROM conditioncheck WHERE id = t.check_id)"}.get(
                table, "NULL" if table in GLOBAL else "t.project_id"
            )
            joined = "LEFT JOIN" if table in GLOBAL else "JOIN"
            query = f"SELECT t.*, p.code AS project_code{named} FROM {table} t {joined} project p ON p.id = {owner}"
            for row in db.execute(query):
                found[row["uid"]] = {"table": table, "project": row["project_code"], **{n: row[n] for n in names}}
        return found


def noted_now(records: dict[str, dict[str, Any]], item: Noted) -> Any:
    """The value the noted field holds in these records (None when its row is not there)."""
    if item.table not in SINGLETONS:
        return records.get(item.row, {}).get(item.field)
    rows = [r for r in records.values() if (r["table"], r["project"]) == (item.table, item.row)]
    return rows[0][item.field] if rows else None


def record_conflict_values(database: Path) -> list[tuple[str, Any]]:
    """Every (field, value) a record conflict recorded here (decided or not), ours and theirs."""
    with opened(database) as db:
        query = "SELECT field, ours_value, theirs_value FROM syncrecordconflict"
        return [(name, json.loads(value)) for name, *values in db.execute(query) for value in values]


def shared_keys(database: Path) -> list[tuple[str, str]]:
    """(project code, key) of the steps sharing their key with another step of the same plan (none, ever)."""
    with opened(database) as db:
        query = (
            'SELECT p.code, s."key" FROM milestonestep s JOIN project p ON p.id = s.project_id '
            'GROUP BY p.code, s."key" HAVING COUNT(*) > 1'
        )
        return db.execute(query).fetchall()


def outline(database: Path) -> dict[str, tuple[Any, ...]]:
    """Every section's place by uid: title, parent's uid, position among its siblings, and whether deleted."""
    with opened(database) as db:
        query = (
            "SELECT s.uid, s.title, p.uid, s.position, s.deleted_at IS NOT NULL FROM section s "
            "LEFT JOIN section p ON p.id = s.parent_id"
        )
        return {row[0]: tuple(row[1:]) for row in db.execute(query)}


def household_records(database: Path) -> dict[str, dict[str, Any]]:
    """Every household by uid: its own fields and, per child table, its rows' fields in a stable order (children
    have new uids at every edit, so they compare by what they hold)."""
    with opened(database) as db:
        db.row_factory = sqlite3.Row
        found: dict[str, dict[str, Any]] = {}
        ids: dict[int, str] = {}
        for row in db.execute("SELECT * FROM affectedparty"):
            ids[row["id"]] = row["uid"]
            found[row["uid"]] = {k: row[k] for k in row.keys() if k not in NOT_COMPARED}  # noqa: SIM118
        for table, name in zip(CHILD_TABLES, ("parcels", "assets", "compensation", "resettlement"), strict=True):
            for record in found.values():
                record[name] = []
            for row in db.execute(f"SELECT * FROM {table}"):
                values = {k: row[k] for k in row.keys() if k not in NOT_COMPARED}  # noqa: SIM118
                found[ids[row["party_id"]]][name].append(values)
        for record in found.values():
            for name in ("parcels", "assets", "compensation", "resettlement"):
                record[name].sort(key=lambda values: json.dumps(values, sort_keys=True, default=str))
        return found


def register_rows(database: Path, households: Collection[str]) -> set[str]:
    """The uids of these households' rows and of their children's."""
    with opened(database) as db:
        marks = ",".join("?" * len(households))
        found = {uid for (uid,) in db.execute(f"SELECT uid FROM affectedparty WHERE uid IN ({marks})", [*households])}
        for table in CHILD_TABLES:
            query = f"SELECT c.uid FROM {table} c JOIN affectedparty a ON a.id = c.party_id WHERE a.uid IN ({marks})"
            found |= {uid for (uid,) in db.execute(query, [*households])}
        return found


def row_conflict_values(database: Path) -> str:
    """Every value a household field conflict recorded here (decided or not), as one text to search."""
    with opened(database) as db:
        return "\n".join(
            f"{ours}\n{theirs}" for ours, theirs in db.execute("SELECT ours_value, theirs_value FROM syncrowconflict")
        )


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
        # Each section deletion made on a desk, with the revisions that desk had of it: only those may vanish with it.
        self.deletions: list[Deletion] = []
        # Each household field value written on a desk, by its mark; those a later write replaced in sight of them.
        self.written: list[Written] = []
        self.replaced: set[tuple[str, str, str]] = set()  # (household, field, mark)
        # Each value written in a project record on a desk; those a later write or removal replaced in sight of them.
        self.noted: list[Noted] = []
        self.noted_replaced: set[Noted] = set()

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
        section=st.integers(0, len(KEYS) + 1),
        block=st.integers(0, 30),
        how=st.sampled_from(("extend", "insert", "delete")),
    )
    def edit(self, desk: str, section: int, block: int, how: str) -> None:
        """An officer changes one block of a section (one of the shared four or one added by hand, not deleted on
        this desk): extends it, inserts a paragraph after it, or deletes it."""
        here = self.desks[desk]
        targets = [uid for uid in self.outline_targets(desk) if here.section_live(uid)]
        uid = targets[section % len(targets)]
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
        if not here.section_live(uid):
            return  # deleted here: the window does not show it
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

    # Outline changes, as the window's Structure menu makes them -----------------------------------------

    @rule(
        desk=st.sampled_from(tuple(DESKS)),
        how=st.sampled_from(("add", "rename", "move", "delete", "undelete")),
        choice=st.integers(0, 8),
        flag=st.booleans(),
    )
    def restructure(self, desk: str, how: str, choice: int, flag: bool) -> None:
        """One outline change on a desk (one rule for all, so the edits and reviews keep their share of steps)."""
        if how == "add":
            self.add_section(desk, flag)
        elif how == "rename":
            self.rename_section(desk, choice)
        elif how == "move":
            self.move_section(desk, choice, flag)
        elif how == "delete":
            self.delete_section(desk, choice)
        else:
            self.undelete_section(desk, choice)

    def outline_targets(self, desk: str) -> list[str]:
        """The sections a desk's outline rules pick from: the shared four and every section added by hand."""
        return [*self.sections, *self.desks[desk].custom_sections()]

    def add_section(self, desk: str, under: bool) -> None:
        """A custom section at the top of the proposal or under its fourth section (both there on every desk)."""
        here, parent_uid = self.desks[desk], self.sections[3]
        parent = here.section_id(parent_uid)
        with opened(here.path) as db:
            document = int(db.execute("SELECT document_id FROM section WHERE id = ?", (parent,)).fetchone()[0])
        with contextlib.suppress(DossierError):  # the parent deleted here: not offered by the window
            here.services.dossiers.add_section(document, parent if under else None, f"Mục thêm {self.mark(desk)}")

    def rename_section(self, desk: str, choice: int) -> None:
        here = self.desks[desk]
        targets = self.outline_targets(desk)
        with contextlib.suppress(DossierError):  # deleted here
            here.services.dossiers.rename_section(
                here.section_id(targets[choice % len(targets)]), f"Tên mới {self.mark(desk)}"
            )

    def move_section(self, desk: str, choice: int, up: bool) -> None:
        """One place up or down among its siblings (Alt+Up, Alt+Down)."""
        here = self.desks[desk]
        targets = self.outline_targets(desk)
        section_id = here.section_id(targets[choice % len(targets)])
        with contextlib.suppress(DossierError):  # deleted here
            index, count = here.services.dossiers.sibling_index(section_id)
            if 0 <= index + (-1 if up else 1) < count:
                here.services.dossiers.move_section(section_id, index + (-1 if up else 1))

    def delete_section(self, desk: str, choice: int) -> None:
        """A section the law does not require: the shared third (edited by the officers) or one added by hand."""
        here = self.desks[desk]
        targets = [self.sections[2], *here.custom_sections()]
        uid = targets[choice % len(targets)]
        with contextlib.suppress(DossierError):  # deleted here already
            here.services.dossiers.delete_section(here.section_id(uid))
            self.deletions.append(Deletion(desk, uid, frozenset(here.revisions_of(uid))))

    def undelete_section(self, desk: str, choice: int) -> None:
        """A deleted section brought back (Undo of the deletion)."""
        here = self.desks[desk]
        deleted = [uid for uid in (self.sections[2], *here.custom_sections()) if not here.section_live(uid)]
        if deleted:
            here.services.dossiers.undelete_section(here.section_id(deleted[choice % len(deleted)]))

    # The register, as its window edits it (officers only: a manager may not edit the register) ----------

    @rule(
        desk=st.sampled_from(OFFICERS),
        how=st.sampled_from(("add", "edit", "edit", "edit", "delete")),
        choice=st.integers(0, 1),
        name=st.sampled_from(HOUSEHOLD_FIELDS),
    )
    def register(self, desk: str, how: str, choice: int, name: str) -> None:
        """One household added, changed in one field, or deleted; the first two by code are the ones changed, so
        two desks meet in them."""
        if how == "add":
            self.add_household(desk)
        elif how == "edit":
            self.edit_household(desk, choice, name)
        else:
            self.delete_household(desk, choice)

    def add_household(self, desk: str) -> None:
        here, mark = self.desks[desk], self.mark(desk)
        project = here.services.projects.by_code(REGISTER_CODE)
        made = party(f"HT-{mark}", name=f"Hộ {mark}", citizen_id="", parcels=(parcel(mark, "1"),))
        detail = here.services.register.add_party(project.id, made)
        uid = next(uid for uid, party_id in here.households() if party_id == detail.id)
        self.written += [Written(desk, uid, "name", mark), Written(desk, uid, "parcels", mark)]

    def edit_household(self, desk: str, choice: int, name: str) -> None:
        """One field of a household changed in its form and saved (`update_party`, as the register window does)."""
        here, mark = self.desks[desk], self.mark(desk)
        households = here.households()
        if not households:
            return
        uid, party_id = households[choice % len(households)]
        data = here.services.register.party(party_id).data
        self.replace_seen(here, uid, (name,))
        value: Any = (parcel(mark, "1"),) if name == "parcels" else f"{name} {mark}"
        here.services.register.update_party(party_id, replace(data, **{name: value}))
        self.written.append(Written(desk, uid, name, mark))

    def delete_household(self, desk: str, choice: int) -> None:
        here = self.desks[desk]
        households = here.households()
        if not households:
            return
        uid, party_id = households[choice % len(households)]
        self.replace_seen(here, uid, HOUSEHOLD_FIELDS)
        here.services.register.delete_party(party_id)

    def replace_seen(self, here: Desk, uid: str, names: tuple[str, ...]) -> None:
        """The values written earlier that these fields of the household hold on this desk: the person saw them
        and replaces them, so they may be gone."""
        record = household_records(here.path).get(uid, {})
        for name in names:
            shown = json.dumps(record.get(name), ensure_ascii=False)
            self.replaced |= {
                (uid, name, item.mark)
                for item in self.written
                if (item.uid, item.field) == (uid, name) and item.mark in shown
            }

    # A project's records, as the milestones window and the checklist's and consultations' forms edit them (the
    # officers and the manager alike: each may edit the plan, the facts and the filing date) ---------------------

    @rule(
        desk=st.sampled_from(tuple(DESKS)),
        how=st.sampled_from(RECORD_CHANGES),
        choice=st.integers(0, 4),
        up=st.booleans(),
    )
    def records(self, desk: str, how: str, choice: int, up: bool) -> None:
        """One change of a project's records (one rule for all, so the other rules keep their share of steps): of
        the plan's steps, or of a project's facts, filing date or at-risk window (the project by `choice`)."""
        if how in PROJECT_FIELDS:
            self.set_project_field(desk, how, PROJECTS[choice % len(PROJECTS)])
        elif how == "evidence":
            if desk in OFFICERS:  # assessing conditions is an officer's work: the server refuses the manager's
                self.toggle_evidence(desk, PROJECTS[choice % len(PROJECTS)], choice, up)
        elif how == "new_project":
            self.new_project(desk, write=up)
        else:
            self.change_step(desk, how, choice, up)

    def new_project(self, desk: str, *, write: bool) -> None:
        """A project made on this desk (a code no other desk takes), and, when `write`, a section of it written: the
        project reaches the server and every desk with its ids, and the text the server's history."""
        here = self.desks[desk]
        self.counter += 1
        shown = here.services.projects.by_code(CODE)
        code = f"N{desk.upper()}{self.counter}"
        made = here.services.projects.create(replace(shown, code=code, name=f"Dự án {desk}"))
        if write:
            section_id = here.services.dossiers.section_by_key(made.id, KEYS[0]).id
            here.services.dossiers.save_body(section_id, f"Căn cứ {self.mark(desk)}.\n")
            with opened(here.path) as db:
                uid = str(db.execute("SELECT uid FROM section WHERE id = ?", (section_id,)).fetchone()[0])
            self.made.append((desk, "sectionrevision", here.latest_revision(uid), uid))

    def change_step(self, desk: str, how: str, choice: int, up: bool) -> None:
        """A step's responsible unit or planned end changed, a custom step added after a step, a step removed, or
        one moved a place up or down; among three template steps and every custom one."""
        here = self.desks[desk]
        project_id = here.project_id(PLAN_CODE)
        steps = here.plan_steps()
        if how == "add":
            after = here.services.milestones.plan(project_id).position(steps[choice % len(steps)][1]) if steps else None
            title = f"Bước thêm {self.mark(desk)}"
            added = here.services.milestones.add_step(project_id, title, position=None if after is None else after + 1)
            uid = next(uid for uid, key in here.plan_steps() if key == added.key)
            self.noted.append(Noted(desk, STEP, uid, "title", title))
            return
        if not steps:
            return
        uid, key = steps[choice % len(steps)]
        services = here.services.milestones
        if how == "remove":
            self.replace_noted(here, STEP, uid, RECORDS[STEP])
            services.remove_step(project_id, key)
        elif how == "move":
            place = services.plan(project_id).position(key) + (-1 if up else 1)
            if 0 <= place < len(services.plan(project_id).milestones):
                services.move_step(project_id, key, place)
        else:
            shown = services.plan(project_id).milestone(key)  # its percent as shown: a register-driven one's too
            if how == "planned_end":  # after every planned start of these steps, a day no other write uses
                self.counter += 1
                end = date(2027, 1, 1) + timedelta(days=self.counter)
                written: Any = end.isoformat()
                edited = replace(shown, planned_end=end)
            else:
                written = f"Đơn vị {self.mark(desk)}"
                edited = replace(shown, responsible=written)
            self.replace_noted(here, STEP, uid, (how,))
            services.update_step(project_id, edited)
            self.noted.append(Noted(desk, STEP, uid, how, written))

    def toggle_evidence(self, desk: str, project: str, choice: int, first: bool) -> None:
        """A section linked as evidence of one of two conditions of the project, or unlinked when it was (the
        checklist's evidence picker). The fixed examples draw none; random ones do (a trial run with this as a rule
        of its own linked and unlinked 29 times in 20 examples and converged)."""
        services = self.desks[desk].services.checklist
        project_id = self.desks[desk].project_id(project)
        sections = [(c.kind, c.id) for c in services.evidence_choices(project_id) if c.kind == "section"]
        if not sections:
            return
        condition = services.conditions(project_id)[0 if first else 1]
        links = [(link.kind, link.id) for link in condition.evidence]
        picked = sections[choice % len(sections)]
        links = [link for link in links if link != picked] if picked in links else [*links, picked]
        services.set_condition(project_id, condition.key, condition.status, condition.note, links)

    def set_project_field(self, desk: str, name: str, code: str) -> None:
        """A project's IT workers (its facts form), its filing date (the consultations window) or its plan's at-risk
        window, set to a value written nowhere else."""
        here = self.desks[desk]
        project_id = here.project_id(code)
        self.counter += 1
        table = PROJECT_FIELDS[name]
        self.replace_noted(here, table, code, (name,))
        if name == "it_workers":
            facts = here.services.checklist.facts(project_id)
            value: Any = 1000 + self.counter
            here.services.checklist.save_facts(project_id, replace(facts, it_workers=value))
        elif name == "submitted_on":
            filed = date(2027, 6, 1) + timedelta(self.counter)
            here.services.consultations.set_submitted(project_id, filed)
            value = filed.isoformat()
        else:
            value = 30 + self.counter
            here.services.milestones.set_at_risk_days(project_id, value)
        self.noted.append(Noted(desk, table, code, name, value))

    def replace_noted(self, here: Desk, table: str, row: str, names: Collection[str]) -> None:
        """The values written earlier that these fields of the row hold on this desk: the person saw them and
        replaces them (or removes their step), so they may be gone."""
        records = project_records(here.path)
        self.noted_replaced |= {
            item
            for item in self.noted
            if (item.table, item.row) == (table, row) and item.field in names and noted_now(records, item) == item.value
        }

    @rule(desk=st.sampled_from(tuple(DESKS)))
    def sync(self, desk: str) -> None:
        self.desks[desk].sync()

    # The end of an example ------------------------------------------------------------------------------

    def teardown(self) -> None:
        try:
            self.everyone_syncs_twice()
            self.check(allow_conflicts=True)
            if any(
                desk.in_conflict() or desk.households_in_conflict() or desk.records_in_conflict()
                for desk in self.desks.values()
            ):
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
        """Each desk in turn takes the server's text, adds its own line and syncs at once, until none is left; a
        household field in conflict is decided as the register window's buttons do ("Giữ giá trị này" and "Lấy giá
        trị của máy chủ", by turns), a record's field as the conflicts window's do ("Giữ giá trị ở máy này" and
        "Lấy giá trị của máy chủ", by turns)."""
        for _ in range(ROUNDS):
            left = False
            for desk in self.desks.values():
                desk.sync()
                for uid in sorted(desk.in_conflict()):
                    left = True
                    server_body = self.server_section(uid)[0]
                    resolved = f"{server_body.rstrip()}\n\nĐã hợp nhất {self.mark(desk.name)}.\n"
                    assert desk.services.dossiers.save_body(desk.section_id(uid), resolved).changed
                for _label, conflict in desk.services.row_conflicts.listing():
                    left = True
                    desk.services.row_conflicts.resolve(conflict.id, take_theirs=conflict.id % 2 == 0)
                for view in desk.services.record_conflicts.listing():
                    left = True
                    desk.services.record_conflicts.resolve(view.id, take_theirs=view.id % 2 == 0)
                desk.sync()
            if not left:
                return
        raise AssertionError(f"conflicts still open after {ROUNDS} rounds")

    def server_outline_of(self, uid: str) -> tuple[Any, ...]:
        """The section's title, parent, position and deletion on the server."""
        return outline(self.server_path)[uid]

    def server_section(self, uid: str) -> tuple[str, str]:
        with opened(self.server_path) as db:
            body, state = db.execute("SELECT body, state FROM section WHERE uid = ?", (uid,)).fetchone()
            return str(body), str(state)

    def check(self, *, allow_conflicts: bool) -> None:
        """Integrity everywhere; every desk the server's copy, its outline and its register too (but for sections
        and households in conflict there, when allowed); everything made on a desk on the server, or waiting on
        that desk behind a conflict; no deleted section on the server with an edit its deleting desk never saw."""
        assert integrity_problems(self.server_path) == []
        conflicts = {name: desk.in_conflict() for name, desk in self.desks.items()}
        held = {name: desk.households_in_conflict() for name, desk in self.desks.items()}
        deciding = {name: desk.records_in_conflict() for name, desk in self.desks.items()}
        if not allow_conflicts:
            assert conflicts == {name: set() for name in self.desks}
            assert held == {name: set() for name in self.desks}
            assert deciding == {name: set() for name in self.desks}
        echoes = {name: echoed_revisions(desk.path, self.server_path) for name, desk in self.desks.items()}
        server_outline, server_households = outline(self.server_path), household_records(self.server_path)
        server_records = project_records(self.server_path)
        assert shared_keys(self.server_path) == []
        for name, desk in self.desks.items():
            assert integrity_problems(desk.path) == [], name
            # A section added and deleted here before any sync, with nothing written in it, never leaves the desk.
            places = outline(desk.path)
            unsent = {uid for uid, place in places.items() if place[-1] and uid not in server_outline}
            apart = register_rows(desk.path, held[name]) | register_rows(self.server_path, held[name]) | unsent
            apart |= deciding[name]
            same_as_server(desk.path, self.server_path, conflicts[name], echoes[name], apart)
            # A section renamed differently here and on the server keeps our title until a person picks.
            left_out = unsent | deciding[name]
            mine = {uid: place for uid, place in places.items() if uid not in left_out}
            assert mine == {uid: place for uid, place in server_outline.items() if uid not in left_out}, name
            households = {uid: record for uid, record in household_records(desk.path).items() if uid not in held[name]}
            assert households == {uid: r for uid, r in server_households.items() if uid not in held[name]}, name
            records = {uid: record for uid, record in project_records(desk.path).items() if uid not in deciding[name]}
            assert records == {uid: r for uid, r in server_records.items() if uid not in deciding[name]}, name
            assert shared_keys(desk.path) == [], name
        for maker, table, uid, section_uid in self.made:
            on_server = uid in uids(self.server_path, table) or uid in echoes[maker]  # the row, or its very text
            assert on_server or section_uid in conflicts[maker], (maker, table, uid)
            if not on_server:
                assert uid in uids(self.desks[maker].path, table)  # kept on its desk, waiting
        self.check_deletions(server_outline)
        self.check_households(server_households, held if allow_conflicts else {})
        self.check_records(server_records, deciding if allow_conflicts else {})

    def check_deletions(self, server_outline: dict[str, tuple[Any, ...]]) -> None:
        """A section deleted on the server: some desk deleted it having seen every edit of it the server holds (an
        edit made elsewhere meanwhile brings it back)."""
        on_server = uids(self.server_path, "sectionrevision")
        for section, place in server_outline.items():
            if not place[-1]:
                continue
            edits = {uid for _d, table, uid, of in self.made if table == "sectionrevision" and of == section}
            edits &= on_server
            assert any(edits <= d.seen for d in self.deletions if d.section == section), (section, edits)

    def check_households(self, server: dict[str, dict[str, Any]], held: dict[str, set[str]]) -> None:
        """Every household field value written and not replaced in sight of it is on the server, in a conflict
        record, or (`held`) in its household waiting on its desk for a person's pick."""
        recorded = "\n".join(row_conflict_values(desk.path) for desk in self.desks.values())
        for item in self.written:
            if (item.uid, item.field, item.mark) in self.replaced:
                continue
            there = json.dumps(server.get(item.uid, {}).get(item.field), ensure_ascii=False)
            if item.mark in there or item.mark in recorded:
                continue
            waiting = item.uid in held.get(item.desk, set())
            here = household_records(self.desks[item.desk].path).get(item.uid, {}).get(item.field)
            assert waiting and item.mark in json.dumps(here, ensure_ascii=False), item

    def check_records(self, server: dict[str, dict[str, Any]], deciding: dict[str, set[str]]) -> None:
        """Every value written in a project record and not replaced in sight of it is on the server, in a record
        conflict (decided or not), or (`deciding`) in its row waiting on its desk for a person's pick."""
        recorded = [pair for desk in self.desks.values() for pair in record_conflict_values(desk.path)]
        for item in self.noted:
            if item in self.noted_replaced or noted_now(server, item) == item.value:
                continue
            if (item.field, item.value) in recorded:
                continue
            here = project_records(self.desks[item.desk].path)
            rows = {
                uid
                for uid, r in here.items()
                if uid == item.row or (r["table"], r["project"]) == (item.table, item.row)
            }
            waiting = bool(rows & deciding.get(item.desk, set()))
            assert waiting and noted_now(here, item) == item.value, item


def example(template: Template, folder: Path) -> ReplicaMachine:
    """A machine outside hypothesis, for an explicit example, over copies of the template in `folder`."""

    class Example(ReplicaMachine):
        pass

    Example.template, Example.folder_maker = template, staticmethod(lambda: folder)
    return Example()


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
            stateful_step_count=24,
            deadline=None,
            derandomize=not FULL,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
            # Each example costs seconds: shrinking a failure takes many minutes, so only the full run shrinks.
            phases=tuple(Phase) if FULL else (Phase.explicit, Phase.reuse, Phase.generate),
        ),
    )
    # The fixed examples reach a clean merge, a conflict and a manager's decision crossing the officers' work (the
    # submits and returns they push are few: each example is short), outline changes pushed, a household field
    # changed on two desks, and a section or household kept for an edit despite a deletion; of the project records,
    # fields merged, a field changed on two desks, and a step kept for an edit despite its removal.
    # (The random examples of a full run draw otherwise: one full run met no household conflict in 100.)
    if not FULL:
        assert {"merged", "conflict", "restructured", "household conflict", "kept"} <= set(SEEN), SEEN
        assert {"approved", "returned"} & set(SEEN), SEEN
        assert {"record merged", "record conflict", "record kept"} <= set(SEEN), SEEN


def test_projects_made_on_two_desks_reach_everyone(template: Template, tmp_path: Path) -> None:
    """Two officers each make a project offline (one writes in it), the manager edits a shared section meanwhile;
    after everyone syncs twice every replica equals the server, both projects with their desks' ids everywhere, and
    the text written in one is in the server's history."""
    (tmp_path / "copy").mkdir()
    machine = example(template, tmp_path / "copy")
    try:
        machine.new_project("a", write=True)
        machine.new_project("b", write=False)
        machine.records("m", "at_risk_days", 0, True)
        machine.sync("b")
        machine.everyone_syncs_twice()
        machine.check(allow_conflicts=False)
        with opened(machine.server_path) as db:
            codes = {code for (code,) in db.execute("SELECT code FROM project")}
        assert {"NA1", "NB3"} <= codes, codes
    finally:
        machine.close()


@pytest.mark.parametrize("made", ["revision", "outline", "household", "record"])
def test_the_machine_sees_a_lost_change(
    template: Template, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, made: str
) -> None:
    """The checks are not blind: a desk whose pushes never reach the server is caught, whatever it made."""
    (tmp_path / "copy").mkdir()
    machine = example(template, tmp_path / "copy")
    try:
        monkeypatch.setattr(machine.desks["a"].services.replica, "_push", lambda *args: None)
        if made == "revision":
            machine.edit("a", 0, 0, "extend")
        elif made == "outline":
            machine.restructure("a", "rename", 0, False)
        elif made == "household":
            machine.register("a", "edit", 0, "ward")
        else:
            machine.records("a", "responsible", 0, False)
        with pytest.raises(AssertionError):
            machine.teardown()
    finally:
        machine.close()


def test_a_text_another_desk_pushed_first_is_not_sent_again(template: Template, tmp_path: Path) -> None:
    """Both officers delete the same paragraph; B also edits another. B's sync sends its second revision on the
    server's latest (the first holds the server's very text), refuses nothing, and everyone ends equal."""
    machine = example(template, tmp_path)
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
    machine = example(template, tmp_path)
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


def test_an_offline_edit_brings_back_a_section_another_desk_deleted(template: Template, tmp_path: Path) -> None:
    """B deletes the proposal's introduction and syncs; meanwhile A edits it and the manager comments on it. A's
    sync keeps the section for its work and brings it back on the server before sending the revision (refused for
    ever as "the section no longer exists" before; a comment alike: tests/services/sync/test_row_sync.py), the
    manager's comment follows, and everyone ends equal."""
    machine = example(template, tmp_path)
    try:
        introduction = machine.sections[2]
        machine.delete_section("b", 0)
        machine.sync("b")
        assert machine.server_outline_of(introduction)[-1]  # deleted on the server
        machine.edit("a", 2, 0, "extend")
        machine.comment("m", 2)
        desk = machine.desks["a"]
        report = desk.services.replica.sync(desk.connection)
        assert report.refused == [] and report.kept == ["CT-HTP da.0_mo_dau: sửa ở đây/edited here"]
        assert report.pushed[0] == "CT-HTP da.0_mo_dau: khôi phục/restored"
        assert not machine.server_outline_of(introduction)[-1]
        other = machine.desks["m"]
        assert other.services.replica.sync(other.connection).clean
        assert machine.server_section(introduction)[0] == machine.desks["a"].section(introduction)[0]
        machine.teardown()
    finally:
        machine.close()


def test_a_section_edited_then_deleted_on_one_desk_sends_the_edit_first(template: Template, tmp_path: Path) -> None:
    """A edits the introduction and deletes it; A adds a section, writes in it and deletes it before any sync. The
    sync sends each revision before its deletion (the revisions were refused for ever before: the deletion went
    first, and a section made here and deleted was never sent), so the server's history holds them."""
    machine = example(template, tmp_path)
    try:
        machine.edit("a", 2, 0, "extend")
        machine.delete_section("a", 0)
        machine.add_section("a", False)
        machine.edit("a", 3, 0, "extend")  # the live ones: the three shared, then the new section
        a = machine.desks["a"]
        [added] = a.custom_sections()
        machine.delete_section("a", 1)
        report = a.services.replica.sync(a.connection)
        assert report.clean, report
        added_label = next(label for label in report.pushed if label.endswith("thêm/added")).split(":")[0]
        assert report.pushed == [
            f"{added_label}: thêm/added",
            "CT-HTP da.0_mo_dau: phiên bản/revision 2",
            f"{added_label}: phiên bản/revision 1",
            "CT-HTP da.0_mo_dau: xoá/deleted",
            f"{added_label}: xoá/deleted",
        ]
        assert machine.server_outline_of(added)[-1] and machine.server_outline_of(machine.sections[2])[-1]
        machine.teardown()
    finally:
        machine.close()


def test_households_changed_on_two_desks_merge_keep_or_wait(template: Template, tmp_path: Path) -> None:
    """A changes the first household's address and deletes the second; B changes the first's address and ward and
    the second's name. B's sync merges the ward, keeps its address waiting for a pick (a conflict) and makes the
    second household again on the server with its edit; the picks are then made and everyone ends equal."""
    machine = example(template, tmp_path)
    try:
        first, second = (uid for uid, _id in machine.desks["a"].households()[:2])
        machine.edit_household("a", 0, "address")
        machine.delete_household("a", 1)
        machine.edit_household("b", 0, "address")
        machine.edit_household("b", 0, "ward")
        machine.edit_household("b", 1, "name")
        machine.sync("a")
        assert second not in household_records(machine.server_path)
        b = machine.desks["b"]
        report = b.services.replica.sync(b.connection)
        assert report.conflicts == ["hộ/household HT-0001"] and report.kept == ["hộ/household HT-0002"]
        assert b.households_in_conflict() == {first}
        server = household_records(machine.server_path)
        assert server[second]["name"] == household_records(b.path)[second]["name"]
        machine.teardown()
    finally:
        machine.close()


def test_a_section_deleted_on_two_desks_takes_the_place_the_server_gave_it(template: Template, tmp_path: Path) -> None:
    """The full run's failing example, shrunk: A moves the introduction down one place; B and the manager delete it.
    A's sync moves it on the server; B's deletion is applied, the manager's is already there. The manager's pull, its
    deletion waiting, kept its old position too (a pull kept every outline column of a section with any outline
    change waiting), and no row came again after it: its outline differed from the server's for good."""
    machine = example(template, tmp_path)
    try:
        machine.restructure("a", "move", 2, False)  # the introduction, one place down
        machine.restructure("b", "delete", 0, False)
        machine.restructure("m", "delete", 0, False)
        machine.everyone_syncs_twice()
        introduction = machine.sections[2]
        assert outline(machine.desks["m"].path)[introduction] == machine.server_outline_of(introduction)
        assert machine.server_outline_of(introduction)[2:] == (1, 1)  # moved, then deleted
        machine.teardown()
    finally:
        machine.close()


def test_a_move_to_where_a_section_already_is_among_the_live_ones_numbers_the_siblings_again(
    template: Template, tmp_path: Path
) -> None:
    """The full run's failing example, shrunk: B moves the introduction one place down (its next sibling takes
    number 0); the manager deletes the introduction and syncs; B deletes the first section. B's move of the sibling
    to number 0 was answered unchanged (first among the live siblings already) while the server kept it at 1, behind
    the deleted one; B kept its 0, and no row came again to correct it."""
    machine = example(template, tmp_path)
    try:
        machine.restructure("b", "move", 2, False)
        machine.restructure("m", "delete", 2, True)
        machine.sync("m")
        machine.restructure("b", "delete", 0, True)
        machine.everyone_syncs_twice()
        for desk in machine.desks.values():
            assert outline(desk.path) == outline(machine.server_path), desk.name
        machine.teardown()
    finally:
        machine.close()


def test_a_household_deleted_on_one_desk_keeps_parcels_changed_on_another(template: Template, tmp_path: Path) -> None:
    """The full run's failing example, shrunk: B deletes the second household, A replaces its parcels, A syncs
    first. B's pull brought only the new parcels (the party row had not changed), left them out for want of their
    household, took them as the base of its deletion, and the deletion went through: A's parcels were lost. The
    household is now made again on B as the server holds it, and nothing is lost."""
    machine = example(template, tmp_path)
    try:
        machine.register("b", "delete", 1, "name")
        machine.register("a", "edit", 1, "parcels")
        machine.teardown()
    finally:
        machine.close()


def test_a_deletion_after_a_held_revision_names_the_servers_revision(template: Template, tmp_path: Path) -> None:
    """A and B delete the same paragraph of the introduction; A syncs; B's sync holds its revision (the server has
    its very text from A) and B then deletes the section. The deletion named B's held revision, which the server
    lacks, and was refused as stale at every sync; it now names the server's revision of that text and goes through."""
    machine = example(template, tmp_path)
    try:
        introduction = machine.sections[2]
        machine.edit("a", 2, 1, "delete")
        machine.edit("b", 2, 1, "delete")
        machine.sync("a")
        b = machine.desks["b"]
        report = b.services.replica.sync(b.connection)
        assert report.clean and report.pushed == []
        assert len(echoed_revisions(b.path, machine.server_path)) == 1  # held: not sent
        machine.delete_section("b", 0)
        report = b.services.replica.sync(b.connection)
        assert report.clean and report.refused == [] and report.pushed == ["CT-HTP da.0_mo_dau: xoá/deleted"]
        assert machine.server_outline_of(introduction)[-1]  # deleted on the server
        machine.teardown()
    finally:
        machine.close()


def test_a_submission_sent_after_an_approval_there_takes_the_servers_review_fields(
    template: Template, tmp_path: Path
) -> None:
    """The fixed examples' failure once the record rules changed their draws, cut short: B rewrites the submitted
    section and submits it again offline; the manager approves it as submitted before and syncs; B syncs. B's pull
    after its push still took its submission as waiting and kept its own review fields: the approval the server
    keeps beside the new submission never reached B (tests/services/sync/test_row_sync.py has it too)."""
    machine = example(template, tmp_path)
    try:
        submitted = machine.sections[1]  # submitted in the demo
        machine.edit("b", 1, 0, "extend")
        machine.submit("b", 1, False)
        machine.review(0, approve=True, fresh=False)
        machine.sync("m")
        machine.sync("b")
        query = "SELECT state, approved_hash, approved_revision_id IS NOT NULL FROM section WHERE uid = ?"
        with opened(machine.server_path) as theirs, opened(machine.desks["b"].path) as ours:
            assert ours.execute(query, (submitted,)).fetchall() == theirs.execute(query, (submitted,)).fetchall()
        machine.teardown()
    finally:
        machine.close()


def test_a_section_edited_and_deleted_on_one_desk_and_deleted_on_another_keeps_the_edit(
    template: Template, tmp_path: Path
) -> None:
    """The fixed examples' failure once the record rules changed their draws, cut short: A edits the introduction and
    deletes it; B, not having seen the edit, deletes it and syncs first. A's revision was refused at every sync (both
    sides deleted: nothing brought the section back); A's push now restores it, sends the revision, deletes it."""
    machine = example(template, tmp_path)
    try:
        machine.edit("a", 2, 0, "extend")
        machine.delete_section("b", 0)
        machine.sync("b")
        machine.delete_section("a", 0)
        a = machine.desks["a"]
        report = a.services.replica.sync(a.connection)
        assert report.clean and report.pushed == [
            "CT-HTP da.0_mo_dau: khôi phục/restored",
            "CT-HTP da.0_mo_dau: phiên bản/revision 2",
            "CT-HTP da.0_mo_dau: xoá/deleted",
        ]
        assert machine.server_outline_of(machine.sections[2])[-1]
        machine.teardown()
    finally:
        machine.close()


def test_a_household_field_decided_for_the_server_takes_its_child_rows(template: Template, tmp_path: Path) -> None:
    """The full run's failing example, cut short: A and B change the first household's address; A syncs first, B
    takes the server's address. Saving the pick gave the household new child rows here whose uids the server
    lacks, kept for good (nothing was left to push); they are now the server's rows, and everyone ends equal."""
    machine = example(template, tmp_path)
    try:
        first = machine.desks["a"].households()[0][0]
        machine.edit_household("a", 0, "address")
        machine.edit_household("b", 0, "address")
        machine.sync("a")
        machine.sync("b")
        b = machine.desks["b"]
        [(_label, conflict)] = b.services.row_conflicts.listing()
        b.services.row_conflicts.resolve(conflict.id, take_theirs=True)
        assert register_rows(b.path, [first]) == register_rows(machine.server_path, [first])
        machine.teardown()
    finally:
        machine.close()


def test_a_step_moved_back_to_where_another_desk_once_moved_it_reaches_the_server(
    template: Template, tmp_path: Path
) -> None:
    """The full run's failing example, cut short: A removes M11 and the manager M12 (each moves M14 up a place); A
    syncs; B adds a step ahead of M14 and syncs (M14 back at its old place). The manager's change of M14's place was
    then A's very change, by its id: the server answered that it had it already, applied nothing, and the manager's
    desk kept its own order for good. A change's id now names the server version the desk pulled up to."""
    machine = example(template, tmp_path)
    try:
        machine.change_step("a", "remove", 0, False)
        machine.change_step("m", "remove", 1, False)
        machine.sync("a")
        machine.change_step("b", "add", 1, False)
        machine.sync("b")
        machine.teardown()
    finally:
        machine.close()
