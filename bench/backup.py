"""Backup and restore of the 100,000-party demo database (issue 7): informative, no target.

The database is built once with `python main.py --db PATH demo --households 100000` (several minutes) and
cached under /tmp (`--source` names an existing one). Each run works on a copy in a scratch folder and times:

* `services.backups.back_up(dest)` in this process (SQLite's online backup API plus the attachment folder);
* `python main.py --db COPY backup DEST` as a child process, spawn to exit (what a person waits for);
* `services.backups.restore(src)` in this process (check, copy beside, integrity check, os.replace, upgrade);
* `python main.py --db COPY restore SRC --yes` as a child process.

    .venv/bin/python bench/backup.py [--households 100000] [--runs 5] [--source /tmp/big.db]

With `--server URL` (a PostgreSQL database holding the demo, e.g. after
`python main.py --db URL demo --households 100000`) the same four timings are taken of a server backup: a
`pg_dump` archive, and a restore that reads the whole archive, then replaces the tables in one transaction.
The restores replace that database's data by the same data.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import ROOT, isolate_this_process, isolated_env, open_services, report, scratch_dir


def cached_database(households: int, source: str | None) -> Path:
    """The big demo database, built once and kept under /tmp."""
    path = Path(source) if source else Path(f"/tmp/dossier-bench-backup-{households}.sqlite3")
    if not path.exists():
        print(f"building {path} with {households:,} parties (a few minutes, done once)…", flush=True)
        subprocess.run(
            [sys.executable, "main.py", "--db", str(path), "demo", "--households", str(households)],
            cwd=ROOT,
            check=True,
            stdout=subprocess.DEVNULL,
        )
    return path


def timed_child(env: dict[str, str], *argv: str) -> float:
    """Seconds from spawn to exit of `python main.py ARGV`, which must succeed."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "main.py", *argv], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def time_rounds(
    location: str, scratch: Path, env: dict[str, str], runs: int, suffix: str
) -> tuple[list[float], list[float], list[float], list[float]]:
    """Back up and restore `runs` times in this process, then as child processes: four lists of seconds."""
    services = open_services(location, "cli:bench")
    backup_in, backup_cli, restore_in, restore_cli = [], [], [], []
    for run in range(runs):
        dest = scratch / f"in-{run}{suffix}"
        start = time.perf_counter()
        services.backups.back_up(dest)
        backup_in.append(time.perf_counter() - start)
        start = time.perf_counter()
        services.backups.restore(dest)
        restore_in.append(time.perf_counter() - start)
    services.close()
    for run in range(runs):
        dest = scratch / f"cli-{run}{suffix}"
        backup_cli.append(timed_child(env, "--db", location, "backup", str(dest)))
        restore_cli.append(timed_child(env, "--db", location, "restore", str(dest), "--yes"))
    return backup_in, backup_cli, restore_in, restore_cli


def main() -> int:
    """Time backups and restores of the big database; print medians."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--households", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--source", help="an existing database built with `demo --households N`")
    parser.add_argument("--keep", action="store_true")
    parser.add_argument("--server", metavar="URL", help="time a PostgreSQL database's backup and restore instead")
    args = parser.parse_args()
    if args.server:
        return server(args)
    big = cached_database(args.households, args.source)
    scratch = scratch_dir("backup", args.keep)
    isolate_this_process(scratch)
    env = isolated_env(scratch)
    work = scratch / "work.sqlite3"
    shutil.copyfile(big, work)
    size_mb = work.stat().st_size / 1_048_576
    print(f"database: {big} ({size_mb:,.1f} MB, {args.households:,} parties)", flush=True)
    backup_in, backup_cli, restore_in, restore_cli = time_rounds(str(work), scratch, env, args.runs, ".sqlite3")
    note = f"{args.households:,} parties, {size_mb:,.0f} MB"
    report("backup (service)", backup_in, None, note=note)
    report("backup (python main.py backup, spawn to exit)", backup_cli, None, note=note)
    report("restore (service)", restore_in, None, note=note)
    report("restore (python main.py restore --yes, spawn to exit)", restore_cli, None, note=note)
    return 0


def server(args: argparse.Namespace) -> int:
    """Time pg_dump backups and checked one-transaction restores of a server database."""
    scratch = scratch_dir("backup-server", args.keep)
    isolate_this_process(scratch)
    env = isolated_env(scratch)
    services = open_services(args.server, "cli:bench")
    parties = sum(services.register.count(project.id) for project in services.projects.summaries())
    services.close()
    backup_in, backup_cli, restore_in, restore_cli = time_rounds(args.server, scratch, env, args.runs, ".dump")
    size_mb = (scratch / "in-0.dump").stat().st_size / 1_048_576
    note = f"PostgreSQL, {parties:,} parties, {size_mb:,.0f} MB dump"
    report("server backup (service, pg_dump)", backup_in, None, note=note)
    report("server backup (python main.py backup, spawn to exit)", backup_cli, None, note=note)
    report("server restore (service: read whole, one transaction)", restore_in, None, note=note)
    report("server restore (python main.py restore --yes, spawn to exit)", restore_cli, None, note=note)
    return 0


if __name__ == "__main__":
    sys.exit(main())
