"""Tasks the worker tests send to a worker process: module-level functions it can import by name."""

import os
import sys
import time
from pathlib import Path

from dossier_app.domain.errors import QT_TRANSLATE_NOOP, ValidationFailed


def refuse(value: str) -> None:
    """Raise a typed error whose constructor takes a keyword the default pickling would lose."""
    raise ValidationFailed(QT_TRANSLATE_NOOP("Errors", "Refused '{value}'."), field="margins", value=value)


def open_missing(path: Path) -> bytes:
    """Raise FileNotFoundError."""
    return path.read_bytes()


def die(code: int) -> None:
    """End the worker process without answering."""
    os._exit(code)


def sleep_then_write(seconds: float, path: Path) -> None:
    """Write a file after a while (unless the worker is stopped first)."""
    time.sleep(seconds)
    path.write_text("written", encoding="utf-8")


def unpicklable() -> object:
    """A result that cannot cross back to the parent."""
    return lambda: None


def argv() -> list[str]:
    """The worker's command line: the parent's when forked, `-c … ROOT` when spawned."""
    return list(sys.argv)


def has_module(name: str) -> bool:
    """Whether the worker has this module loaded (a forked worker has every module its parent had)."""
    return name in sys.modules


def open_descriptors() -> list[int]:
    """The worker's open file descriptors above stderr (Linux)."""
    listed = [int(name) for name in os.listdir("/proc/self/fd") if int(name) > 2]
    return [fd for fd in listed if _is_open(fd)]  # the listing's own descriptor is closed by now


def _is_open(fd: int) -> bool:
    try:
        os.fstat(fd)
    except OSError:
        return False
    return True
