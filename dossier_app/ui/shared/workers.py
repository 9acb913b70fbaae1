"""Long jobs off the GUI thread: run_in_background(fn).on_progress().on_success().on_failure()."""

from collections.abc import Callable
from contextlib import suppress
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

_RUNNING: set["BackgroundTask"] = set()


class _Signals(QObject):
    progress = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)


class BackgroundTask(QRunnable):
    """Runs `fn(progress, is_cancelled)` on the pool; results come back as signals on the GUI thread."""

    def __init__(self, fn: Callable[[Callable[[int, int, str], None], Callable[[], bool]], Any]) -> None:
        super().__init__()
        self._fn = fn
        self._cancelled = False
        self.signals = _Signals()

    def cancel(self) -> None:
        """Ask the job to stop at its next check."""
        self._cancelled = True

    def on_progress(self, slot: Callable[[int, int, str], None]) -> "BackgroundTask":
        """Called with (done, total, message) as the job advances."""
        self.signals.progress.connect(slot)
        return self

    def on_success(self, slot: Callable[[Any], None]) -> "BackgroundTask":
        """Called with the job's result."""
        self.signals.succeeded.connect(slot)
        return self

    def on_failure(self, slot: Callable[[BaseException], None]) -> "BackgroundTask":
        """Called with the exception the job raised."""
        self.signals.failed.connect(slot)
        return self

    def run(self) -> None:
        """Pool entry point; never touches widgets."""
        try:
            result = self._fn(self.signals.progress.emit, lambda: self._cancelled)
        except BaseException as error:
            self._deliver(self.signals.failed, error)
        else:
            self._deliver(self.signals.succeeded, result)

    @staticmethod
    def _deliver(signal: Any, value: object) -> None:
        with suppress(RuntimeError):  # the application shut down and took the signal's object with it
            signal.emit(value)


def run_in_background(
    fn: Callable[[Callable[[int, int, str], None], Callable[[], bool]], Any],
    pool: QThreadPool | None = None,
) -> BackgroundTask:
    """Queue a job for the next turn of the event loop, so the slots chained on the result are connected first."""
    task = BackgroundTask(fn)
    task.setAutoDelete(False)
    _RUNNING.add(task)
    task.signals.succeeded.connect(lambda _result: _RUNNING.discard(task))
    task.signals.failed.connect(lambda _error: _RUNNING.discard(task))
    QTimer.singleShot(0, lambda: (pool or QThreadPool.globalInstance()).start(task))
    return task
