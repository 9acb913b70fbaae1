"""A throwaway PostgreSQL cluster for a benchmark, made as `./dev test` makes the tests' one: initdb in a temporary
folder, its socket there, a free loopback port, trust authentication, fsync off; stopped and removed on exit."""

from __future__ import annotations

import os
import shlex
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def postgres_bin() -> Path | None:
    """The newest installed server's bin folder (Debian keeps one per major version)."""
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parent.parent.name))
    return found[-1].parent if found else None


def _run(command: list[str], as_root: bool) -> None:
    """Run a server tool; as root, as the `postgres` user (initdb refuses root)."""
    line = shlex.join(command)
    argv = ["su", "postgres", "-s", "/bin/sh", "-c", line] if as_root else ["sh", "-c", line]
    done = subprocess.run(argv, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{command[0]} failed: {done.stdout[-1500:]}{done.stderr[-1500:]}")


@contextmanager
def throwaway_cluster() -> Iterator[str]:
    """A running cluster for the time of the block; its URL (user postgres, database postgres)."""
    binary = postgres_bin()
    if binary is None:
        raise SystemExit("PostgreSQL is not installed (Debian: postgresql); --postgres needs initdb and pg_ctl.")
    folder = Path(tempfile.mkdtemp(prefix="dossier-bench-pg-"))
    as_root = os.geteuid() == 0
    if as_root:
        shutil.chown(folder, "postgres")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = int(probe.getsockname()[1])
    data = folder / "data"
    started = False
    try:
        initdb = [str(binary / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres"]
        _run([*initdb, "-E", "UTF8", "--locale=C.UTF-8"], as_root)
        options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        _run(
            [str(binary / "pg_ctl"), "-D", str(data), "-l", str(folder / "server.log"), "-w", "-o", options, "start"],
            as_root,
        )
        started = True
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
    finally:
        if started:
            _run([str(binary / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"], as_root)
        shutil.rmtree(folder, ignore_errors=True)
