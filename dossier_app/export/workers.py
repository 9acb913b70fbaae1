"""Worker processes of an export, so the charts and the two writers run on every core at once.

A worker imports only what its share needs: Pillow for the charts, python-docx or reportlab for the writers. It
reads tasks (a module-level function and its arguments, pickled) from a pipe and writes each result to another, in
order; everything a task is given must pickle. How a worker starts (`start_method`):

- **fork** on Linux when this process runs a single thread (the command line): the worker is a copy of this process,
  with every module it has imported so far, and no interpreter to start. Forking a process with other threads is
  unsafe (a lock another thread holds stays locked in the copy), so
- **spawn** otherwise (the window exports from a thread; macOS and Windows): a fresh interpreter (`python -c`, this
  module's `serve`). Not multiprocessing's spawn, which would import the whole program again in every worker (its
  __main__). The bundle (PyInstaller) has no `python -c`: it starts its own program with WORKER_ARGUMENT, which
  `app.main` turns into `serve()` before anything else.

With a single core the tasks run here instead, one at a time.
"""

import contextlib
import os
import pickle
import queue
import struct
import subprocess
import sys
import threading
import traceback
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from types import TracebackType
from typing import IO, Any, Generic, Literal, NoReturn, TypeVar, cast

from dossier_app.domain.errors import DossierError

T = TypeVar("T")
StartMethod = Literal["fork", "spawn"]
_HEADER = struct.Struct("!Q")  # the length of the pickle that follows
_ROOT = Path(__file__).resolve().parents[2]  # the folder holding the dossier_app package the worker must import
_BOOT = "import sys; sys.path.insert(0, sys.argv[1]); from dossier_app.export.workers import serve; serve()"
WORKER_ARGUMENT = "--export-worker"  # hidden; app.main holds the same string (a test ties the two)
START_VARIABLE = "DOSSIER_EXPORT_START"


class WorkerFailed(RuntimeError):
    """A worker process ended before answering (killed, out of memory, crashed); its stderr says why."""


class RemoteTraceback(Exception):
    """The traceback of an error raised in a worker, chained under it so a log shows where it happened."""

    def __str__(self) -> str:
        return str(self.args[0])


def cores() -> int:
    """The cores this process may run on."""
    affinity = getattr(os, "sched_getaffinity", None)
    return len(affinity(0)) if affinity else os.cpu_count() or 1


def worker_command() -> list[str]:
    """The command that starts a spawned worker: this interpreter with `-c`, or the frozen bundle's own program."""
    if getattr(sys, "frozen", False):
        return [sys.executable, WORKER_ARGUMENT]
    return [sys.executable, "-c", _BOOT, str(_ROOT)]


def start_method() -> StartMethod:
    """Fork on Linux while this process runs a single thread (counted by the kernel, so Qt's and other libraries'
    threads count too); spawn otherwise. START_VARIABLE=spawn spawns anyway (the bundle's smoke test does, to try the
    window's way from the command line); it never makes a process with threads fork."""
    if os.environ.get(START_VARIABLE) == "spawn" or not sys.platform.startswith("linux"):
        return "spawn"
    try:
        threads = len(os.listdir("/proc/self/task"))
    except OSError:
        return "spawn"
    return "fork" if threads == 1 else "spawn"


# In the worker ----------------------------------------------------------------------------------------------------


def serve(source: IO[bytes] | None = None, sink: IO[bytes] | None = None) -> NoReturn:
    """A worker's life: run each task read from `source` (stdin) and write its outcome to `sink` (stdout), until the
    source closes; then exit."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle; it stops the workers
    source = source or sys.stdin.buffer
    sink = sink or sys.stdout.buffer
    sys.stdout = sys.stderr or open(os.devnull, "w")  # noqa: SIM115  # what a task prints must not mix into results
    while (frame := _receive(source)) is not None:
        task_id, task = frame
        try:
            function, args = pickle.loads(task)
            outcome = (True, function(*args))
        except BaseException as error:  # every error goes back to the parent, which raises it
            outcome = (False, _carried(error))
        _send(sink, (task_id, _dumps(outcome)))
    sink.flush()
    sys.stdout.flush()
    os._exit(0)  # skip the interpreter's teardown: the libraries' take longer than a small package's tasks


def _carried(error: BaseException) -> tuple[str, Any, str]:
    """An error as it can cross to the parent: typed errors by their state (their constructors differ), others
    pickled as they are; with the traceback as text."""
    text = "".join(traceback.format_exception(error))
    if isinstance(error, DossierError):
        return "state", (type(error), error.args, dict(vars(error))), text
    return "pickled", error, text


def _dumps(outcome: tuple[bool, Any]) -> bytes:
    """The outcome pickled; a result or an error that will not pickle goes back as an error's text."""
    try:
        return pickle.dumps(outcome, pickle.HIGHEST_PROTOCOL)
    except Exception as failure:
        carried = outcome[1] if not outcome[0] else _carried(failure)
        text = carried[2]
        last = text.strip().splitlines()[-1] if text.strip() else type(failure).__name__
        return pickle.dumps((False, ("text", last, text)), pickle.HIGHEST_PROTOCOL)


def _send(stream: IO[bytes], frame: tuple[int, bytes]) -> None:
    data = pickle.dumps(frame, pickle.HIGHEST_PROTOCOL)
    stream.write(_HEADER.pack(len(data)) + data)
    stream.flush()


def _receive(stream: IO[bytes]) -> tuple[int, bytes] | None:
    """The next frame, or None when the other side closed the pipe."""
    header = stream.read(_HEADER.size)
    if len(header) < _HEADER.size:
        return None
    (size,) = _HEADER.unpack(header)
    data = stream.read(size)
    if len(data) < size:
        return None
    return cast(tuple[int, bytes], pickle.loads(data))


# In the parent ----------------------------------------------------------------------------------------------------


def _raised(carried: tuple[str, Any, str]) -> BaseException:
    """The worker's error again, of its own type, with the worker's traceback as its cause."""
    how, value, text = carried
    error: BaseException
    if how == "state":
        kind, args, state = value
        error = kind.__new__(kind, *args)  # not __init__: the state already holds what it computed
        error.args = args
        error.__dict__.update(state)
    elif how == "pickled":
        error = value
    else:
        error = WorkerFailed(f"{value} (in a worker process)")
    error.__cause__ = RemoteTraceback(text)
    return error


class Pending(Generic[T]):
    """A task's result to come: `result()` waits for it, or runs the task here when there are no workers."""

    def __init__(self, workers: "Workers", run: Callable[[], T] | None = None) -> None:
        self._workers = workers
        self._run = run
        self._done = False
        self._value: Any = None
        self._error: BaseException | None = None

    def done(self) -> bool:
        """Whether the result (or the error) is in."""
        return self._done

    def result(self) -> T:
        """The task's result; the task's own error, raised here, when it failed."""
        self._workers.wait(self)
        if self._error is not None:
            raise self._error
        return cast(T, self._value)

    def _settle(self, ok: bool, value: Any) -> None:
        if ok:
            self._value = value
        else:
            self._error = value
        self._done = True

    def _run_here(self) -> None:
        """Run a task kept in this process, once."""
        if self._run is None or self._done:
            return
        try:
            self._settle(True, self._run())
        except Exception as error:
            self._settle(False, error)


class _Forked:
    """A worker forked from this process, with the little of `subprocess.Popen` a worker uses: its two pipes, `wait`
    and `kill`."""

    def __init__(self) -> None:
        inbox, self._inbox = os.pipe()  # the worker reads its tasks from `inbox`
        self._outbox, outbox = os.pipe()  # and writes its results into `outbox`
        for stream in (sys.stdout, sys.stderr):  # what is buffered here would be written twice
            if stream is not None:
                stream.flush()
        try:
            pid = os.fork()
        except OSError:
            for end in (inbox, self._inbox, self._outbox, outbox):
                os.close(end)
            raise
        if pid == 0:
            _forked_worker(inbox, outbox)
        os.close(inbox)
        os.close(outbox)
        self.pid = pid
        self.returncode: int | None = None
        self._reaped = threading.Lock()
        self.stdin = open(self._inbox, "wb")  # noqa: SIM115  # closed by the worker's feeding thread
        self.stdout = open(self._outbox, "rb")  # noqa: SIM115  # closed by its reading thread

    def wait(self) -> int:
        """The worker's exit code, once it has exited (reaped once, whichever thread asks first)."""
        with self._reaped:
            if self.returncode is None:
                _, status = os.waitpid(self.pid, 0)
                self.returncode = os.waitstatus_to_exitcode(status)
            return self.returncode

    def kill(self) -> None:
        """SIGKILL, unless the worker was reaped already."""
        import signal

        if self.returncode is None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGKILL)


def _forked_worker(inbox: int, outbox: int) -> NoReturn:
    """The forked copy's life: keep only its two pipe ends (another end it held would keep its own inbox from ever
    closing), leave what it inherited to the parent, and serve until the inbox closes; never return into the
    parent's code."""
    import gc

    try:
        gc.freeze()  # the parent's objects are the parent's: the copy's collections need not walk them
        for name in os.listdir("/proc/self/fd"):
            if int(name) > 2 and int(name) not in (inbox, outbox):
                with contextlib.suppress(OSError):
                    os.close(int(name))
        serve(open(inbox, "rb"), open(outbox, "wb"))  # noqa: SIM115  # the process ends with them
    finally:
        os._exit(70)  # serve exits itself; this only if it failed to start


class _Worker:
    """One worker process, with a thread that feeds it tasks and one that reads its results (started by `begin`,
    once every worker process has started: a fork must not copy them)."""

    def __init__(self, name: str, changed: threading.Condition, start: StartMethod) -> None:
        self.name = name
        self._changed = changed
        self._process: subprocess.Popen[bytes] | _Forked
        if start == "fork":
            self._process = _Forked()
        else:
            flags = getattr(subprocess, "CREATE_NO_WINDOW", 0)  # Windows: no console window for the window's worker
            self._process = subprocess.Popen(
                worker_command(),
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                creationflags=flags,
            )
        self._outbox: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()
        self._waiting: dict[int, Pending[Any]] = {}
        self._ended = ""  # why the worker is gone, once it is
        self._threads = [
            threading.Thread(target=self._feed, name=f"export-{name}-in", daemon=True),
            threading.Thread(target=self._read, name=f"export-{name}-out", daemon=True),
        ]

    def begin(self) -> None:
        """Start feeding the worker and reading its results."""
        for thread in self._threads:
            thread.start()

    def send(self, task_id: int, pending: Pending[Any], function: Callable[..., Any], args: tuple[Any, ...]) -> None:
        """Queue a task; pickled here, so an argument that cannot be sent fails in the caller."""
        task = pickle.dumps((function, args), pickle.HIGHEST_PROTOCOL)
        with self._changed:
            if self._ended:
                pending._settle(False, WorkerFailed(self._ended))
                self._changed.notify_all()
                return
            self._waiting[task_id] = pending
        self._outbox.put(pickle.dumps((task_id, task), pickle.HIGHEST_PROTOCOL))

    def close(self) -> None:
        """No more tasks: the worker exits once it has answered the ones it has."""
        self._outbox.put(None)

    def kill(self) -> None:
        """Stop the worker now; when this returns it writes nothing more."""
        self._outbox.put(None)
        self._process.kill()
        self.join()

    def join(self) -> None:
        """Wait for the process to exit and the threads to end (which close the pipes; unstarted, this does)."""
        self._process.wait()
        for thread in self._threads:
            if thread.ident is not None:
                thread.join()
        if self._threads[0].ident is None:
            for stream in (self._process.stdin, self._process.stdout):
                if stream is not None:
                    stream.close()

    def _feed(self) -> None:
        stream = cast(IO[bytes], self._process.stdin)
        try:
            while (frame := self._outbox.get()) is not None:
                stream.write(_HEADER.pack(len(frame)) + frame)
                stream.flush()
        except OSError:  # the worker is gone; the reader reports it
            pass
        finally:
            with contextlib.suppress(OSError):
                stream.close()

    def _read(self) -> None:
        stream = cast(IO[bytes], self._process.stdout)
        while (frame := _receive(stream)) is not None:
            task_id, data = frame
            try:
                ok, value = pickle.loads(data)
            except Exception as error:
                ok, value = False, ("text", f"{type(error).__name__}: {error}", "")
            with self._changed:
                pending = self._waiting.pop(task_id)
                pending._settle(ok, value if ok else _raised(value))
                self._changed.notify_all()
        with contextlib.suppress(OSError):
            stream.close()  # the worker closed its end: ours goes too, or the pipe lingers until collected
        code = self._process.wait()
        with self._changed:
            self._ended = f"the {self.name} worker process ended (exit code {code})"
            for pending in self._waiting.values():
                pending._settle(False, WorkerFailed(self._ended))
            self._waiting.clear()
            self._changed.notify_all()


class Workers:
    """Worker processes and the tasks sent to them, each worker's in order; a context manager that stops them all (at
    once when leaving on an error). `lanes` names the worker of each kind of task ('charts', 'docx', 'pdf'): kinds
    may share one. `start`: how the workers start (None: `start_method()`)."""

    def __init__(self, lanes: Mapping[str, str], inline: bool = False, start: StartMethod | None = None) -> None:
        self._changed = threading.Condition()
        self._ids = 0
        self.start: StartMethod = start or start_method()
        started: dict[str, _Worker] = {}
        try:
            for worker in () if inline else dict.fromkeys(lanes.values()):
                started[worker] = _Worker(worker, self._changed, self.start)
        except OSError:  # no process can be started (a limit, a missing interpreter): everything runs here
            for running in started.values():
                running.kill()
            started.clear()
        for running in started.values():
            running.begin()
        self._workers = {kind: started[worker] for kind, worker in lanes.items()} if started else {}
        self._started = list(started.values())

    @property
    def inline(self) -> bool:
        """Whether tasks run in this process (no workers)."""
        return not self._workers

    def submit(self, kind: str, function: Callable[..., T], *args: Any) -> Pending[T]:
        """Send a task to the worker of its kind (inline: keep it to run here when its result is asked for)."""
        if self.inline:
            return Pending(self, lambda: function(*args))
        worker = self._workers[kind]
        pending: Pending[T] = Pending(self)
        self._ids += 1
        worker.send(self._ids, pending, function, args)
        return pending

    def wait(self, pending: Pending[Any]) -> None:
        """Until the result is in (running the task here if it was kept here)."""
        pending._run_here()
        with self._changed:
            self._changed.wait_for(pending.done)

    def first_done(self, pendings: Sequence[Pending[Any]]) -> Pending[Any]:
        """The first of them whose result is in, waiting if none is (inline: the first, run here)."""
        done = next((pending for pending in pendings if pending.done()), None)
        if done is None and self.inline:
            done = pendings[0]
            done._run_here()
        if done is None:
            with self._changed:
                self._changed.wait_for(lambda: any(pending.done() for pending in pendings))
            done = next(pending for pending in pendings if pending.done())
        return done

    def close(self) -> None:
        """Let every worker finish what it was sent and exit."""
        for worker in self._started:
            worker.close()
        for worker in self._started:
            worker.join()
        self._started.clear()

    def kill(self) -> None:
        """Stop every worker at once; nothing of theirs is written after this returns."""
        for worker in self._started:
            worker.kill()
        self._started.clear()

    def __enter__(self) -> "Workers":
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        if kind is None:
            self.close()
        else:
            self.kill()
