"""Writers in forked child processes that save section revisions and acknowledge each commit on a pipe.

Used by the crash test (save until killed) and the race test (two processes edit the same section).
A fork starts in milliseconds and inherits nothing but the code: each child opens its own services.
"""

import multiprocessing
import os
from collections.abc import Callable
from typing import Any

from dossier_app.domain.errors import StaleEdit, StorageBusy
from dossier_app.domain.text import content_hash, normalise_body
from dossier_app.services import open_services
from dossier_app.services.core.context import Operator

_FORK = multiprocessing.get_context("fork")


def _emit(fd: int, line: str) -> None:
    os.write(fd, (line + "\n").encode("utf-8"))


def crash(fd: int, url: str, section_id: int) -> None:
    """Save a stream of revisions until killed; `ACK number sha256` is written only after the commit returned."""
    services = open_services(url, Operator("cli:crash-writer"))
    version = services.dossiers.section(section_id).version
    index = 0
    while True:
        index += 1
        body = normalise_body(f"Lần lưu {os.getpid()}-{index}: nội dung thử nghiệm {'x' * (index % 97)}")
        result = services.dossiers.save_body(section_id, body, base_version=version)
        version = result.version
        _emit(fd, f"ACK {result.revision_number} {content_hash(body)}")


def race(fd: int, url: str, section_id: int, count: int, tag: str, start: Any) -> None:
    """Edit the same section as another process: each save starts from the version just read."""
    services = open_services(url, Operator(f"cli:{tag}"))
    start.wait()
    for index in range(count):
        current = services.dossiers.section(section_id)
        body = normalise_body(f"{current.body}\n\n{tag} {index}")
        try:
            result = services.dossiers.save_body(section_id, body, base_version=current.version)
        except StaleEdit:
            _emit(fd, "STALE")
            continue
        except StorageBusy:
            _emit(fd, "BUSY")
            continue
        _emit(fd, f"STORED {result.revision_number} {content_hash(body)}")
    _emit(fd, "DONE")
    services.close()


def start_writer(target: Callable[..., None], *args: Any) -> tuple[Any, Any]:
    """Fork a writer; return the process and a text reader of its acknowledgements."""
    read_fd, write_fd = os.pipe()
    process = _FORK.Process(target=target, args=(write_fd, *args), daemon=True)
    process.start()
    os.close(write_fd)
    return process, os.fdopen(read_fd, "r", encoding="utf-8")


def barrier() -> Any:
    """An event the race writers wait on, so both start together."""
    return _FORK.Event()
