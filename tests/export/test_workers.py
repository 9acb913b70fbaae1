"""Worker processes of an export, forked or spawned: tasks run elsewhere in order, errors come back as themselves
(typed errors with their fields, OS errors with their errno), a worker that dies or a result that cannot be sent is
an error, a kill stops a worker before it writes, and with no workers the tasks run here when their result is asked
for. Workers fork on Linux in a process of one thread and spawn otherwise."""

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from dossier_app import app
from dossier_app.domain.errors import ValidationFailed
from dossier_app.export.workers import (
    WORKER_ARGUMENT,
    RemoteTraceback,
    StartMethod,
    WorkerFailed,
    Workers,
    start_method,
    worker_command,
)
from tests.export import worker_tasks

LINUX = sys.platform.startswith("linux")


@pytest.fixture(params=["fork", "spawn"])
def start(request: pytest.FixtureRequest) -> StartMethod:
    """Each test with forked workers (Linux only) and with spawned ones."""
    if request.param == "fork" and not LINUX:
        pytest.skip("workers fork on Linux only")
    method: StartMethod = request.param
    return method


def test_tasks_run_in_another_process_in_the_order_sent(start: StartMethod) -> None:
    with Workers({"a": "one", "b": "one", "c": "two"}, start=start) as workers:
        first = workers.submit("a", os.getpid)
        second = workers.submit("b", os.getpid)
        other = workers.submit("c", os.getpid)
        summed = workers.submit("a", sum, [1, 2, 3])
        assert first.result() == second.result() != os.getpid()  # kinds a and b share a worker
        assert other.result() not in (first.result(), os.getpid())
        assert summed.result() == 6


def test_a_typed_error_in_a_worker_is_raised_here_with_its_fields_and_the_worker_traceback(start: StartMethod) -> None:
    with Workers({"a": "one"}, start=start) as workers:
        pending = workers.submit("a", worker_tasks.refuse, "ặ")
        with pytest.raises(ValidationFailed) as raised:
            pending.result()
        assert workers.submit("a", sum, [2, 2]).result() == 4  # the worker goes on after an error
    error = raised.value
    assert error.message == "Refused 'ặ'." and str(error) == "Refused 'ặ'."
    assert error.field == "margins" and error.params == {"field": "margins", "value": "ặ"}
    assert isinstance(error.__cause__, RemoteTraceback) and "in refuse" in str(error.__cause__)


def test_an_os_error_keeps_its_type_errno_and_file_name(tmp_path: Path, start: StartMethod) -> None:
    missing = tmp_path / "không có.pdf"
    with Workers({"a": "one"}, start=start) as workers, pytest.raises(FileNotFoundError) as raised:
        workers.submit("a", worker_tasks.open_missing, missing).result()
    assert raised.value.filename == str(missing) and raised.value.errno is not None


def test_a_worker_that_dies_fails_its_tasks_and_a_result_that_cannot_be_sent_is_an_error(start: StartMethod) -> None:
    with Workers({"a": "one", "b": "two"}, start=start) as workers:
        odd = workers.submit("b", worker_tasks.unpicklable)
        dying = workers.submit("a", worker_tasks.die, 3)
        after = workers.submit("a", os.getpid)
        with pytest.raises(WorkerFailed, match="exit code 3"):
            dying.result()
        with pytest.raises(WorkerFailed, match="exit code 3"):
            after.result()
        with pytest.raises(WorkerFailed, match="pickle"):
            odd.result()


def test_kill_stops_a_worker_before_it_writes(tmp_path: Path, start: StartMethod) -> None:
    target = tmp_path / "late.txt"
    workers = Workers({"a": "one"}, start=start)
    workers.submit("a", worker_tasks.sleep_then_write, 1.5, target)
    time.sleep(0.3)
    started = time.perf_counter()
    workers.kill()
    assert time.perf_counter() - started < 1.0
    time.sleep(1.5)
    assert not target.exists()


def test_first_done_returns_whichever_result_came_in_first(start: StartMethod) -> None:
    with Workers({"slow": "one", "fast": "two"}, start=start) as workers:
        slow = workers.submit("slow", time.sleep, 1.0)
        fast = workers.submit("fast", os.getpid)
        assert workers.first_done([slow, fast]) is fast


def test_inline_tasks_run_here_only_when_their_result_is_asked_for(tmp_path: Path) -> None:
    target = tmp_path / "inline.txt"
    with Workers({"a": "one"}, inline=True) as workers:
        assert workers.inline
        written = workers.submit("a", worker_tasks.sleep_then_write, 0, target)
        pid = workers.submit("a", os.getpid)
        assert not target.exists() and not written.done()
        assert workers.first_done([pid, written]) is pid and pid.result() == os.getpid()
        assert not target.exists()
        written.result()
        assert target.read_text(encoding="utf-8") == "written"
        with pytest.raises(ValidationFailed):
            workers.submit("a", worker_tasks.refuse, "x").result()


def test_a_task_sent_to_a_worker_that_died_fails_at_once(start: StartMethod) -> None:
    with Workers({"a": "one"}, start=start) as workers:
        with pytest.raises(WorkerFailed):
            workers.submit("a", worker_tasks.die, 4).result()
        with pytest.raises(WorkerFailed, match="exit code 4"):
            workers.submit("a", os.getpid).result()


def test_without_processes_to_start_the_tasks_run_here(monkeypatch: pytest.MonkeyPatch, start: StartMethod) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError("no more processes")

    monkeypatch.setattr("dossier_app.export.workers.subprocess.Popen", refuse)
    monkeypatch.setattr("dossier_app.export.workers.os.fork", refuse)
    with Workers({"a": "one", "b": "two"}, start=start) as workers:
        assert workers.inline and workers.submit("a", os.getpid).result() == os.getpid()


def test_a_forked_worker_is_a_copy_of_this_process_and_a_spawned_one_a_fresh_interpreter(start: StartMethod) -> None:
    with Workers({"a": "one"}, start=start) as workers:
        argv = workers.submit("a", worker_tasks.argv).result()
        copied = workers.submit("a", worker_tasks.has_module, __name__).result()
    assert (argv == sys.argv) == (start == "fork")  # a spawned worker is `python -c … ROOT`
    assert copied == (start == "fork")  # this test module is in a copy's sys.modules, not in a fresh interpreter's


@pytest.mark.skipif(not LINUX, reason="workers fork on Linux only")
def test_a_forked_worker_keeps_only_its_own_pipes() -> None:
    with Workers({"a": "one", "b": "two"}, start="fork") as workers:
        first, second = (workers.submit(kind, worker_tasks.open_descriptors).result() for kind in ("a", "b"))
    assert len(first) == len(second) == 2  # its tasks in, its results out; not the other worker's nor ours


def test_workers_fork_on_linux_in_a_process_of_one_thread_and_spawn_beside_other_threads() -> None:
    fresh = subprocess.run(
        [sys.executable, "-c", "from dossier_app.export.workers import start_method; print(start_method())"],
        cwd=Path(__file__).parents[2],
        capture_output=True,
        text=True,
        check=True,
    )
    assert fresh.stdout.strip() == ("fork" if LINUX else "spawn")
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert start_method() == "spawn"
        assert Workers({"a": "one"}, inline=True).start == "spawn"
    finally:
        stop.set()
        other.join()


@pytest.mark.skipif(os.name != "posix", reason="the stand-in program is a script with a #! line")
def test_a_frozen_program_starts_its_workers_as_itself_with_the_hidden_argument(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The bundle has no `python -c`: a worker is the bundle's own program, which app.main turns into serve()."""
    program = tmp_path / "dossier_app"  # stands in for the bundle's executable: app.main with the given arguments
    root = Path(__file__).parents[2]
    program.write_text(
        f"#!{sys.executable}\nimport sys\nsys.path.insert(0, {str(root)!r})\n"
        "from dossier_app.app import main\nraise SystemExit(main())\n",
        encoding="utf-8",
    )
    program.chmod(0o755)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(program))
    assert worker_command() == [str(program), WORKER_ARGUMENT]
    with Workers({"a": "one"}, start="spawn") as workers:
        argv = workers.submit("a", worker_tasks.argv).result()
        summed = workers.submit("a", sum, [1, 2, 3]).result()
    assert argv == [str(program), WORKER_ARGUMENT] and summed == 6


def test_the_start_variable_makes_a_single_threaded_process_spawn() -> None:
    run = [sys.executable, "-c", "from dossier_app.export.workers import start_method; print(start_method())"]
    root = Path(__file__).parents[2]
    env = {**os.environ, "DOSSIER_EXPORT_START": "spawn"}
    spawned = subprocess.run(run, cwd=root, env=env, capture_output=True, text=True, check=True)
    assert spawned.stdout.strip() == "spawn"


def test_the_hidden_worker_argument_is_the_same_in_app_and_workers() -> None:
    assert app.WORKER_ARGUMENT == WORKER_ARGUMENT
