"""Sync against one `main.py serve` process on a loopback port (issue 13's figures).

* **First sync of a big register onto an empty laptop**: the demo with `--households N` (100,000) on the server, an
  empty SQLite replica signs in and syncs; target ≤ 60 s. The replica's and the server's peak memory beside it.
* **Incremental sync with ten changed sections** on that laptop: ten sections saved, then one sync (push and the
  pull after it); target ≤ 1 s, median of `--rounds`.
* **A department**: `--desktops` (50) replicas of a small demo, each first synced (not timed); then every desktop
  saves `--sections` (20) sections with a line of its own and syncs, `--parallel` (8) desktops at a time. Every
  desktop edits the same sections at the end, so after the first push every other desktop's edits conflict: the
  worst case, the most work a sync does. Target: p95 of a desktop's sync ≤ 500 ms, no edit lost (each line is in
  the server's history of that section, or kept in a conflict record on its desktop), the server's peak RSS
  ≤ 400 MB. Each desktop syncs as the window does, on the session its first sync signed in to
  (`--sign-in-each-round`: signing in and out every time, as the window did before). Beside it, the server's own
  time per kind of request, from its request log. The timed syncs run in `--parallel` worker processes, one
  desktop's program each at a time, as desktops are separate computers: desktop n in worker n % parallel, which
  first opens each of its desktops and syncs it once, untimed, before the edits are made (nothing to pull or push:
  a program that syncs every minute has its database connection and compiled statements ready; before, a desktop
  was opened cold in whichever worker took its timed sync, and about half of the desktops' CPU went on compiling
  statements again); `--threads`: in threads of this process, where the desktops' Python work takes turns on one
  interpreter lock, which no department has.

The server database is SQLite by default; `--postgres` puts it on a throwaway PostgreSQL cluster started here (as
`./dev test` starts one: initdb in a temporary folder, a free loopback port), `--server-db postgresql+psycopg://…`
on a server of your own whose user may CREATE DATABASE. Each scenario gets a fresh database there, the migrations
run and the demo loaded into it by `main.py demo`; the lost-edit check reads its history with SQLAlchemy.
Desktops are SQLite files in a scratch folder. They run on this machine, so on a two-core machine their own work
competes with the server and PostgreSQL for the cores: the figures are upper bounds.

    .venv/bin/python bench/sync.py [--households 100000] [--rounds 5] [--desktops 50] [--sections 20]
                                   [--parallel 8] [--threads] [--postgres | --server-db URL] [--skip-big]
                                   [--skip-department] [--keep]
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import re
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import time
import uuid
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path
from typing import Any, NamedTuple

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import (
    ROOT,
    cached_demo_database,
    isolate_this_process,
    isolated_env,
    open_services,
    percentile,
    report,
    scratch_dir,
)
from _postgres import throwaway_cluster

PASSWORD = "demo-cantho"  # the demo accounts' password
USER = "chuyenvien"
FIRST_SYNC_TARGET_MS = 60_000.0
INCREMENTAL_TARGET_MS = 1_000.0
ROUND_TARGET_MS = 500.0
SERVER_RSS_TARGET_MB = 400.0
REQUEST_LINE = re.compile(r'"(\w+) (\S+)" (\d+) (\d+) ms')  # server/app.py RequestLog


class Server:
    """`main.py --db DB serve --port PORT`, started on entry and stopped with SIGTERM on exit."""

    def __init__(self, database: str, scratch: Path, env: dict[str, str]) -> None:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = int(probe.getsockname()[1])
        self.url = f"http://127.0.0.1:{self.port}"
        self._command = [sys.executable, str(ROOT / "main.py"), "--db", database, "serve", "--port", str(self.port)]
        self._log = scratch / f"serve-{self.port}.log"
        self._env = env
        self.process: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> Server:
        with self._log.open("wb") as log:
            self.process = subprocess.Popen(self._command, cwd=ROOT, env=self._env, stdout=log, stderr=log)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"serve exited with {self.process.returncode}: {self._log.read_text()[-2000:]}")
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return self
            except OSError:
                time.sleep(0.1)
        raise SystemExit("serve did not listen within 120 s")

    def log_size(self) -> int:
        """Where the request log ends now (to read what came after)."""
        return self._log.stat().st_size

    def request_times(self, since: int) -> dict[str, list[float]]:
        """The server's time (ms) of each request logged after `since`, by method, path and status."""
        found: dict[str, list[float]] = {}
        with self._log.open("rb") as log:
            log.seek(since)
            for line in log.read().decode("utf-8", "replace").splitlines():
                match = REQUEST_LINE.search(line)
                if match:
                    found.setdefault(f"{match[1]} {match[2]} {match[3]}", []).append(float(match[4]))
        return found

    def peak_rss_mb(self) -> float:
        """The server process's peak resident memory so far (Linux: VmHWM)."""
        assert self.process is not None
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
        return float("nan")

    def __exit__(self, *_exc: object) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=30)


def client_peak_rss_mb() -> float:
    """This process's peak resident memory (the replicas' side)."""
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def sync(services, url: str, device: str):  # type: ignore[no-untyped-def]
    """Sign in as the demo officer, sync, sign out; the report."""
    from dossier_app.services.sync.client import SyncConnection

    with SyncConnection(url) as connection:
        connection.sign_in(USER, PASSWORD, device)
        try:
            return services.replica.sync(connection)
        finally:
            connection.sign_out()


def sync_kept(services, url: str, device: str, token: str | None):  # type: ignore[no-untyped-def]
    """Sync as the window does: on the session kept from the last sync, signing in only without one (or when the
    server refuses it)."""
    from dossier_app.domain.errors import SessionRefused
    from dossier_app.services.sync.client import SyncConnection

    with SyncConnection(url, pins=services.replica) as connection:
        connection.connect()
        if token:
            connection.token, connection.username = token, USER
            try:
                return services.replica.sync(connection), connection.token
            except SessionRefused:
                pass  # a sync stopped here resumes safely: sign in and sync again
        connection.sign_in(USER, PASSWORD, device)
        return services.replica.sync(connection), connection.token


def section_ids(services, count: int) -> list[int]:  # type: ignore[no-untyped-def]
    """The first `count` sections of the demo's projects, written ones first (the small demo has fewer than 20)."""
    from dossier_app.services.dossier.dossiers import walk_sections

    written: list[int] = []
    empty: list[int] = []
    for project in services.projects.summaries():
        for tree in services.dossiers.tree(project.id):
            for node in walk_sections(tree.sections):
                (written if node.written else empty).append(node.id)
    return (written + empty)[:count]


def fresh_database(url: str) -> str:
    """A new empty database on the PostgreSQL server of `url`, so each scenario starts from its own demo."""
    from sqlalchemy import create_engine, make_url, text

    name = f"dossier_bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE template0"))
    admin.dispose()
    return make_url(url).set(database=name).render_as_string(hide_password=False)


def server_database(households: int, scratch: Path, cache: Path, env: dict[str, str], url: str | None) -> str:
    """A fresh copy of the cached demo database (SQLite), or the demo loaded into a new database beside `url`
    (PostgreSQL)."""
    if url:
        url = fresh_database(url)
        loaded = subprocess.run(
            [sys.executable, str(ROOT / "main.py"), "--db", url, "demo", "--households", str(households)],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        if loaded.returncode != 0:
            raise SystemExit(f"demo on {url} failed: {loaded.stderr[-2000:]}")
        return url
    cached, _ = cached_demo_database("sync", households, cache, env)
    copy = scratch / f"server-{households}.sqlite3"
    shutil.copyfile(cached, copy)
    return str(copy)


def big_register(args: argparse.Namespace, scratch: Path, cache: Path, env: dict[str, str]) -> int:
    """The first sync of a big register onto an empty laptop, then incremental syncs of ten changed sections."""
    database = server_database(args.households, scratch, cache, env, args.server_db)
    failed = 0
    with Server(database, scratch, env) as server:
        laptop = open_services(str(scratch / "laptop.sqlite3"))
        start = time.perf_counter()
        first = sync(laptop, server.url, "bench laptop")
        elapsed = time.perf_counter() - start
        result = report(
            f"first sync of the {args.households:,}-household demo onto an empty laptop (pulled {first.pulled:,})",
            [elapsed],
            FIRST_SYNC_TARGET_MS,
            note=f"laptop peak RSS {client_peak_rss_mb():.0f} MB, server peak RSS {server.peak_rss_mb():.0f} MB",
        )
        failed |= result["verdict"] == "FAIL"
        ids = section_ids(laptop, 10)
        samples = []
        for round_number in range(args.rounds):
            for section_id in ids:
                body = laptop.dossiers.section(section_id).body
                laptop.dossiers.save_body(section_id, f"{body}\n\nBổ sung lần {round_number + 1} trên máy xách tay.")
            start = time.perf_counter()
            done = sync(laptop, server.url, "bench laptop")
            samples.append(time.perf_counter() - start)
            if len(done.pushed) < len(ids) or not done.clean:
                raise SystemExit(f"incremental sync pushed {len(done.pushed)} of {len(ids)}, clean={done.clean}")
        result = report("incremental sync with ten changed sections", samples, INCREMENTAL_TARGET_MS)
        failed |= result["verdict"] == "FAIL"
        laptop.close()
    return int(failed)


def department(args: argparse.Namespace, scratch: Path, cache: Path, env: dict[str, str]) -> int:
    """Many desktops saving and syncing against one server; p95, lost edits and the server's memory."""
    database = server_database(20, scratch, cache, env, args.server_db)
    with Server(database, scratch, env) as server:
        desks = [open_services(str(scratch / f"desk-{n:02d}.sqlite3")) for n in range(args.desktops)]
        tokens: list[str | None] = [None] * args.desktops
        start = time.perf_counter()
        for n, desk in enumerate(desks):
            _report, tokens[n] = sync_kept(desk, server.url, f"desk {n}", None)
        print(f"department: {args.desktops} desktops first synced in {time.perf_counter() - start:.1f} s", flush=True)
        ids = section_ids(desks[0], args.sections)
        marks: dict[tuple[int, int], str] = {}
        rounds = [
            (str(scratch / f"desk-{n:02d}.sqlite3"), server.url, n, tokens[n], args.sign_in_each_round)
            for n in range(args.desktops)
        ]
        lanes = [rounds[lane :: args.parallel] for lane in range(args.parallel)]  # desk n syncs in lane n % parallel
        with desktops_pool(args, server.url, scratch) as pool, multiprocessing.get_context("spawn").Manager() as shared:
            ready, go = shared.Barrier(args.parallel + 1), shared.Barrier(args.parallel + 1)
            running = [pool.submit(desk_lane, jobs, ready, go) for jobs in lanes]
            ready.wait(timeout=600)  # every desktop open and synced once in its lane, untimed
            for n, desk in enumerate(desks):
                for section_id in ids:
                    mark = f"Ghi chú của máy {n:02d} cho mục {section_id}."
                    body = desk.dossiers.section(section_id).body
                    desk.dossiers.save_body(section_id, f"{body}\n\n{mark}")
                    marks[(n, section_id)] = mark
            logged = server.log_size()
            start = time.perf_counter()
            go.wait(timeout=600)
            outcomes = [outcome for lane in running for outcome in lane.result()]
            wall = time.perf_counter() - start
        result = report(
            f"department: one sync of each of {args.desktops} desktops, {args.parallel} at a time",
            [outcome.seconds for outcome in outcomes],
            ROUND_TARGET_MS,
            gate="p95_ms",
            note=f"all in {wall:.1f} s; conflicts {sum(o.conflicts for o in outcomes)}; "
            f"load {os.getloadavg()[0]:.2f}; {'threads' if args.threads else 'processes'}",
        )
        report_split(outcomes, args.parallel)
        for kind, times in sorted(server.request_times(logged).items()):
            times.sort()
            print(
                f"department: server time of {kind}: n={len(times)} median {statistics.median(times):.0f} ms "
                f"p95 {percentile(times, 0.95):.0f} ms max {times[-1]:.0f} ms total {sum(times) / 1000:.1f} s",
                flush=True,
            )
        rss = server.peak_rss_mb()
        print(
            f"department: server peak RSS {rss:.0f} MB (target ≤ {SERVER_RSS_TARGET_MB:.0f} MB) "
            f"{'PASS' if rss <= SERVER_RSS_TARGET_MB else 'FAIL'}",
            flush=True,
        )
        lost = lost_edits(database, desks, marks)
        print(f"department: lost edits {lost}", flush=True)
        for desk in desks:
            desk.close()
    failed = result["verdict"] == "FAIL" or rss > SERVER_RSS_TARGET_MB or bool(lost)
    return int(failed)


def report_split(outcomes: list[DeskRound], parallel: int) -> None:
    """Where a desktop's sync time went: its own work and its waits for the server. On this machine the simulated
    desktops share the cores with each other, the server and PostgreSQL; in a department each is its own computer,
    so its own work does not wait for the others'. The sum of the two, each measured under this run's load, is what
    a desktop on its own computer would wait (an upper bound: the server's answers are slowed by the simulated
    desktops' work too)."""
    for name, values in (
        ("own work (CPU outside the server calls)", [o.own_cpu for o in outcomes]),
        ("waiting for the server's answers", [o.in_server_calls for o in outcomes]),
    ):
        values = sorted(v * 1000 for v in values)
        print(
            f"department: a desktop's {name}: median {statistics.median(values):.0f} ms "
            f"p95 {percentile(values, 0.95):.0f} ms max {values[-1]:.0f} ms",
            flush=True,
        )
    report(
        f"department: the same syncs, each desktop on its own computer (own work + waits for the server, "
        f"{parallel} at a time)",
        [o.own_cpu + o.in_server_calls for o in outcomes],
        ROUND_TARGET_MS,
        gate="p95_ms",
        note="beside the line above, which stays the bench's verdict",
    )


_OPEN_DESKS: dict[str, object] = {}  # a worker's desktops, opened once each


def desktops_pool(args: argparse.Namespace, url: str, scratch: Path) -> Executor:
    """Where the timed syncs run: worker processes (spawned, so none inherits this one's open databases), each
    warmed by a first sync of a desktop of its own (imports), then by one sync of each of its desktops
    (`desk_lane`); or threads of this process with `--threads`."""
    if args.threads:
        return ThreadPoolExecutor(max_workers=args.parallel)
    return ProcessPoolExecutor(
        max_workers=args.parallel,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=warm_worker,
        initargs=(url, str(scratch)),
    )


def _desk(path: str):  # type: ignore[no-untyped-def]
    if path not in _OPEN_DESKS:
        _OPEN_DESKS[path] = open_services(path)
    return _OPEN_DESKS[path]


def warm_worker(url: str, scratch: str) -> None:
    """A worker's first sync, of a desktop of its own (not timed): the program's imports and compiled statements."""
    services = open_services(str(Path(scratch) / f"warm-{os.getpid()}.sqlite3"))
    sync(services, url, f"warm {os.getpid()}")
    services.close()


def desk_lane(jobs: list[tuple[str, str, int, str | None, bool]], ready: Any, go: Any) -> list[DeskRound]:
    """One worker's desktops: each opened and synced once (nothing to pull or push: its database connection and
    compiled statements ready, as a desktop's program that syncs every minute has them), then, once the edits are
    made and the clock started, each desktop's timed sync in turn."""
    warmed = []
    for path, url, n, token, sign_in_each_round in jobs:
        _report, token = sync_kept(_desk(path), url, f"desk {n}", token)
        warmed.append((path, url, n, token, sign_in_each_round))
    ready.wait(timeout=600)
    go.wait(timeout=600)
    return [desk_round(job) for job in warmed]


class DeskRound(NamedTuple):
    """One desktop's timed sync, measured in its worker: the wall time, the conflicts it reported, and the split
    of that time between the desktop's own work (CPU outside the server calls) and waiting for the server's
    answers (wall time inside them, the server's work under this machine's load included)."""

    seconds: float
    conflicts: int
    own_cpu: float
    in_server_calls: float


class _ServerCalls:
    """The wall and CPU time this worker spends inside httpx requests: the desktop's waits for the server."""

    wall = 0.0
    cpu = 0.0

    @classmethod
    def install(cls) -> None:
        import httpx

        if getattr(httpx.Client.request, "_timed", False):
            return
        request = httpx.Client.request

        def timed(self, *args, **kwargs):  # type: ignore[no-untyped-def]
            wall, cpu = time.perf_counter(), time.process_time()
            try:
                return request(self, *args, **kwargs)
            finally:
                cls.wall += time.perf_counter() - wall
                cls.cpu += time.process_time() - cpu

        timed._timed = True  # type: ignore[attr-defined]
        httpx.Client.request = timed  # type: ignore[method-assign]


def desk_round(job: tuple[str, str, int, str | None, bool]) -> DeskRound:
    """One desktop's timed sync (in a worker)."""
    path, url, n, token, sign_in_each_round = job
    services = _desk(path)
    _ServerCalls.install()
    calls_wall, calls_cpu = _ServerCalls.wall, _ServerCalls.cpu
    begun, cpu = time.perf_counter(), time.process_time()
    if sign_in_each_round:
        done = sync(services, url, f"desk {n}")
    else:
        done, _token = sync_kept(services, url, f"desk {n}", token)
    seconds, cpu = time.perf_counter() - begun, time.process_time() - cpu
    in_calls, cpu_in_calls = _ServerCalls.wall - calls_wall, _ServerCalls.cpu - calls_cpu
    return DeskRound(seconds, len(done.conflicts), cpu - cpu_in_calls, in_calls)


def lost_edits(database: str, desks, marks: dict[tuple[int, int], str]) -> int:  # type: ignore[no-untyped-def]
    """Edits neither in the server's history of their section nor kept in a conflict record on their desktop."""
    from sqlalchemy import create_engine, text

    engine = create_engine(database if "://" in database else f"sqlite:///{database}")
    with engine.connect() as server:
        history = "\n".join(body for (body,) in server.execute(text("SELECT body FROM sectionrevision")))
    engine.dispose()
    lost = 0
    for (n, _section_id), mark in marks.items():
        if mark in history:
            continue
        with sqlite3.connect(desks[n].database.url.removeprefix("sqlite:///")) as desk:
            kept = any(mark in ours for (ours,) in desk.execute("SELECT ours_text FROM syncconflict"))
        lost += not kept
    return lost


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--households", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--desktops", type=int, default=50)
    parser.add_argument("--sections", type=int, default=20)
    parser.add_argument("--parallel", type=int, default=8)
    parser.add_argument("--threads", action="store_true", help="the timed syncs in threads of this process")
    parser.add_argument("--server-db", default=None, help="a PostgreSQL URL for the server (default: SQLite)")
    parser.add_argument(
        "--sign-in-each-round",
        action="store_true",
        help="each desktop's timed sync signs in and out (as the window did before it kept its session)",
    )
    parser.add_argument("--postgres", action="store_true", help="the server on a throwaway local PostgreSQL cluster")
    parser.add_argument("--cache", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "dossier-bench-cache")
    parser.add_argument("--skip-big", action="store_true")
    parser.add_argument("--skip-department", action="store_true")
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args(argv)
    scratch = scratch_dir("sync", keep=args.keep)
    isolate_this_process(scratch)
    env = isolated_env(scratch)
    args.cache.mkdir(parents=True, exist_ok=True)
    if args.postgres:
        with throwaway_cluster() as url:
            args.server_db = url
            return scenarios(args, scratch, env)
    return scenarios(args, scratch, env)


def scenarios(args: argparse.Namespace, scratch: Path, env: dict[str, str]) -> int:
    """The scenarios not skipped; 1 when a target failed."""
    failed = 0
    if not args.skip_big:
        failed |= big_register(args, scratch, args.cache, env)
    if not args.skip_department:
        failed |= department(args, scratch, args.cache, env)
    return failed


if __name__ == "__main__":
    raise SystemExit(main())
