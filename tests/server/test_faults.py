"""Fault trials with real processes: a desk's `main.py sync` killed (SIGKILL) in the middle of its push, and the
`main.py serve` process killed in the middle of applying one, many times each at varied moments; after a restart
and a sync, every revision made on the desk is on the server once, no comment is there twice, nothing is lost, both
databases pass SQLite's integrity and foreign-key checks, and the desk equals the server. A connection lost in the
middle of a sync (the push's answer lost, or the second batch never sent) resumes at the next sync.

Half the kills come when the server holds a chosen number of the trial's revisions (so inside the push, while the
server is still applying its batch), half at a random time after the process started (during its start, sign-in,
pull or push). Each trial is 5 of them by default; DOSSIER_FULL_TRIALS=1 runs 20 (about four times as long)."""

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from dossier_app.domain.errors import ServerUnreachable
from dossier_app.services import Services, open_services
from dossier_app.services.core.context import Operator
from dossier_app.services.sync.client import PushAnswer, SyncConnection
from tests.server.http_api import OFFICER, PASSWORD, integrity_problems, opened, same_as_server, url
from tests.server.server_process import ROOT, ServerProcess, demo_server_database, main_py

TRIALS = 20 if os.environ.get("DOSSIER_FULL_TRIALS") == "1" else 5
SYNC_ENV = {"DOSSIER_PASSWORD": PASSWORD, "DOSSIER_USER": OFFICER}
POLL = 0.002  # seconds between looks at the server's database while waiting to kill
GIVE_UP = 120.0  # a process still running after this long is killed anyway


@dataclass
class Made:
    """What one trial made on the desk: revisions (uid, section uid), comments (their text), a submitted
    section; and how many revisions each touched section had on the server before."""

    revisions: list[tuple[str, str]] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)
    submitted: str | None = None
    before: dict[str, int] = field(default_factory=dict)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo on a server database, and a desk synced once from it (the server stopped again), made once."""
    folder = tmp_path_factory.mktemp("faults-template")
    database = demo_server_database(folder)
    with ServerProcess(database, folder) as server:
        synced = main_py("--db", str(folder / "desk.sqlite3"), "sync", "--server", url(server), env=SYNC_ENV)
        assert synced.returncode == 0, synced.stdout + synced.stderr
    return folder


@pytest.fixture
def desk_and_server(template: Path, tmp_path: Path) -> tuple[Path, Path]:
    """Copies of the template's desk and server databases."""
    for name in ("desk.sqlite3", "server.sqlite3"):
        shutil.copyfile(template / name, tmp_path / name)
    return tmp_path / "desk.sqlite3", tmp_path / "server.sqlite3"


def section_uids(database: Path) -> list[str]:
    with opened(database) as db:
        return [uid for (uid,) in db.execute("SELECT uid FROM section ORDER BY id")]


def revision_counts(database: Path, sections: Sequence[str]) -> dict[str, int]:
    with opened(database) as db:
        return {
            uid: db.execute(
                "SELECT count(*) FROM sectionrevision r JOIN section s ON s.id = r.section_id WHERE s.uid = ?", (uid,)
            ).fetchone()[0]
            for uid in sections
        }


def make_edits(desk: Path, server: Path, trial: int, chance: random.Random) -> Made:
    """Several revisions on five sections (55 or more: more than one push takes), comments and a submit."""
    made = Made()
    services = open_services(str(desk), Operator("cli:tester"))
    try:
        chosen = chance.sample(section_uids(desk), 5)
        made.before = revision_counts(server, chosen)
        with opened(desk) as db:
            ids = {uid: db.execute("SELECT id FROM section WHERE uid = ?", (uid,)).fetchone()[0] for uid in chosen}
        for uid in chosen:
            for n in range(chance.randint(11, 14)):
                body = services.dossiers.section(ids[uid]).body
                saved = services.dossiers.save_body(ids[uid], f"{body.rstrip()}\n\nĐoạn {trial}-{n}.\n")
                assert saved.revision is not None
                made.revisions.append((revision_uid(desk, saved.revision.id), uid))
        for n in range(chance.randint(1, 4)):
            text = f"Ý kiến lần thử {trial}-{n}."
            services.reviews.add_comment(ids[chance.choice(chosen)], text)
            made.comments.append(text)
        made.submitted = chosen[0]
        services.reviews.submit(ids[chosen[0]])
    finally:
        services.close()
    return made


def revision_uid(database: Path, revision_id: int | None) -> str:
    with opened(database) as db:
        return str(db.execute("SELECT uid FROM sectionrevision WHERE id = ?", (revision_id,)).fetchone()[0])


def start_sync(desk: Path, server: ServerProcess, folder: Path) -> subprocess.Popen[bytes]:
    """`main.py sync` of the desk, running."""
    with (folder / "sync.out").open("ab") as out:
        return subprocess.Popen(
            [sys.executable, "main.py", "--db", str(desk), "sync", "--server", url(server)],
            cwd=ROOT,
            env={**os.environ, **SYNC_ENV},
            stdout=out,
            stderr=subprocess.STDOUT,
        )


def on_server(database: Path, made: Made) -> int:
    """How many of the trial's revisions the server holds now."""
    uids = [uid for uid, _section in made.revisions]
    with opened(database) as db:
        marks = ",".join("?" * len(uids))
        return int(db.execute(f"SELECT count(*) FROM sectionrevision WHERE uid IN ({marks})", uids).fetchone()[0])


def kill_when(victim: subprocess.Popen[bytes], running: subprocess.Popen[bytes], ready: Any) -> str:
    """SIGKILL `victim` once `ready()` holds (or when `running` ends first); where the kill came."""
    deadline = time.monotonic() + GIVE_UP
    while not ready() and running.poll() is None and time.monotonic() < deadline:
        time.sleep(POLL)
    moment = "before its end" if running.poll() is None else "after the sync ended"
    victim.send_signal(signal.SIGKILL)
    victim.wait(timeout=30)
    return moment


def moment_to_kill(trial: int, chance: random.Random, server: Path, made: Made) -> Any:
    """Even trials: when the server holds k of the trial's revisions (k drawn); odd ones: after a random delay."""
    if trial % 2 == 0:
        k = chance.randint(1, len(made.revisions) - 1)
        return lambda: on_server(server, made) >= k
    at = time.monotonic() + chance.uniform(0.0, 4.0)
    return lambda: time.monotonic() >= at


def sync_to_the_end(desk: Path, server: ServerProcess) -> str:
    synced = main_py("--db", str(desk), "sync", "--server", url(server), env=SYNC_ENV)
    assert synced.returncode == 0, synced.stdout + synced.stderr
    assert "Đồng bộ xong / in sync" in synced.stdout
    return synced.stdout


def check_nothing_lost_or_doubled(desk: Path, database: Path, made: Made) -> None:
    assert integrity_problems(database) == []
    assert integrity_problems(desk) == []
    assert on_server(database, made) == len(made.revisions)  # every revision made, each once (uids are unique)
    expected = dict(made.before)
    for _uid, section in made.revisions:
        expected[section] += 1
    assert revision_counts(database, list(made.before)) == expected  # and no other: nothing doubled by a retry
    with opened(database) as db:
        for text in made.comments:
            assert db.execute("SELECT count(*) FROM sectioncomment WHERE body = ?", (text,)).fetchone() == (1,)
        state = db.execute("SELECT state FROM section WHERE uid = ?", (made.submitted,)).fetchone()
        assert state == ("submitted",)
    same_as_server(desk, database)
    services = open_services(str(desk), Operator("cli:tester"))
    try:
        assert services.replica.waiting() == 0
    finally:
        services.close()


def test_a_desk_killed_in_the_middle_of_its_push_loses_and_doubles_nothing(
    desk_and_server: tuple[Path, Path], tmp_path: Path
) -> None:
    desk, database = desk_and_server
    chance = random.Random(1301)
    moments: list[str] = []
    with ServerProcess(database, tmp_path) as server:
        for trial in range(TRIALS):
            made = make_edits(desk, database, trial, chance)
            client = start_sync(desk, server, tmp_path)
            moments.append(kill_when(client, client, moment_to_kill(trial, chance, database, made)))
            assert client.returncode == -signal.SIGKILL or moments[-1] == "after the sync ended"
            sync_to_the_end(desk, server)
            check_nothing_lost_or_doubled(desk, database, made)
    assert "before its end" in moments


def test_the_server_killed_in_the_middle_of_applying_a_push_loses_and_doubles_nothing(
    desk_and_server: tuple[Path, Path], tmp_path: Path
) -> None:
    desk, database = desk_and_server
    chance = random.Random(1302)
    moments: list[str] = []
    for trial in range(TRIALS):
        made = make_edits(desk, database, trial, chance)
        with ServerProcess(database, tmp_path) as server:
            client = start_sync(desk, server, tmp_path)
            assert server.process is not None
            moments.append(kill_when(server.process, client, moment_to_kill(trial, chance, database, made)))
            assert client.wait(timeout=GIVE_UP) in (0, 2)  # done before the kill, or "cannot be reached"
        assert server.returncode == -signal.SIGKILL
        with ServerProcess(database, tmp_path) as restarted:
            sync_to_the_end(desk, restarted)
        check_nothing_lost_or_doubled(desk, database, made)
    assert "before its end" in moments


class LosingConnection(SyncConnection):
    """A connection that breaks once, at the push numbered `at` (from 1): after the server has answered it
    (`answer_lost`), or before it is sent."""

    def __init__(self, base_url: str, at: int, *, answer_lost: bool) -> None:
        super().__init__(base_url)
        self.at, self.answer_lost, self.pushes = at, answer_lost, 0

    def push(self, based_on: int, changes: Sequence[Mapping[str, Any]]) -> PushAnswer:
        self.pushes += 1
        if self.pushes == self.at and not self.answer_lost:
            raise ServerUnreachable(server=self.server, reason="connection reset")
        answer = super().push(based_on, changes)
        if self.pushes == self.at:
            raise ServerUnreachable(server=self.server, reason="connection reset")
        return answer


@pytest.mark.parametrize(("at", "answer_lost"), [(1, True), (2, False), (2, True)])
def test_a_connection_lost_in_the_middle_of_a_sync_resumes_at_the_next(
    desk_and_server: tuple[Path, Path], tmp_path: Path, at: int, answer_lost: bool
) -> None:
    desk, database = desk_and_server
    made = make_edits(desk, database, 0, random.Random(at * 2 + answer_lost))
    services: Services = open_services(str(desk), Operator("cli:tester"))
    try:
        with ServerProcess(database, tmp_path) as server:
            losing = LosingConnection(url(server), at, answer_lost=answer_lost)
            losing.sign_in(OFFICER, PASSWORD, "field laptop")
            with pytest.raises(ServerUnreachable):
                services.replica.sync(losing)
            losing.close()
            assert services.replica.waiting() > 0
            with SyncConnection(url(server)) as again:
                again.sign_in(OFFICER, PASSWORD, "field laptop")
                report = services.replica.sync(again)
            assert report.clean and not report.merged
    finally:
        services.close()
    check_nothing_lost_or_doubled(desk, database, made)
