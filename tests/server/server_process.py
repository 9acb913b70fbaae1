"""A real `main.py serve` process on a free loopback port, for the tests that need sockets, TLS and signals."""

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType

import pytest

ROOT = Path(__file__).resolve().parents[2]
START_TIMEOUT = 60.0
STOP_TIMEOUT = 30.0


def free_port() -> int:
    """A loopback port nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def main_py(*argv: str, env: dict[str, str] | None = None, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """`python main.py ARGV` to its end, its output captured."""
    return subprocess.run(
        [sys.executable, "main.py", *argv],
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


class ServerProcess:
    """`main.py --db DB serve --port PORT [options]`, started on entry, stopped with SIGTERM on exit."""

    def __init__(self, database: Path, folder: Path, *options: str, port: int | None = None) -> None:
        self.port = port or free_port()
        self._argv = ["--db", str(database), "serve", "--port", str(self.port), *options]
        self._stdout, self._stderr = folder / f"serve-{self.port}.out", folder / f"serve-{self.port}.err"
        self.process: subprocess.Popen[bytes] | None = None
        self.returncode: int | None = None

    def __enter__(self) -> "ServerProcess":
        with self._stdout.open("wb") as out, self._stderr.open("wb") as err:
            self.process = subprocess.Popen([sys.executable, "main.py", *self._argv], cwd=ROOT, stdout=out, stderr=err)
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"the server exited with {self.process.returncode}: {self.stderr()}")
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return self
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise AssertionError(f"the server did not listen within {START_TIMEOUT} s: {self.stderr()}")

    def stop(self) -> int:
        """SIGTERM, then wait (bounded); the exit code."""
        assert self.process is not None
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=STOP_TIMEOUT)
        self.returncode = self.process.returncode
        return self.returncode

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.stop()

    def stdout(self) -> str:
        return self._stdout.read_text(encoding="utf-8", errors="replace")

    def stderr(self) -> str:
        return self._stderr.read_text(encoding="utf-8", errors="replace")


def demo_server_database(folder: Path) -> Path:
    """The demo on a server database made in `folder` (its accounts: chuyenvien officer, lanhdao manager)."""
    database = folder / "server.sqlite3"
    made = main_py("--db", str(database), "demo", "--households", "5")
    assert made.returncode == 0, made.stderr
    return database


@contextmanager
def serving_copy(template: Path, folder: Path) -> Iterator[ServerProcess]:
    """A server process over a fresh copy of `template` in `folder`."""
    database = folder / "server.sqlite3"
    shutil.copyfile(template, database)
    with ServerProcess(database, folder) as running:
        yield running


@pytest.fixture(scope="module")
def demo_server_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo on a server database, made once a module (its accounts: chuyenvien officer, lanhdao manager)."""
    return demo_server_database(tmp_path_factory.mktemp("template"))


@pytest.fixture
def server(demo_server_db: Path, tmp_path: Path) -> Iterator[ServerProcess]:
    """A server process over a fresh copy of the demo database."""
    with serving_copy(demo_server_db, tmp_path) as running:
        yield running
