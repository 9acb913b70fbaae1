"""A pull a page at a time: the next page is fetched while the current one is applied, each page is applied and
committed on its own (bounded memory, a cancelled or killed first sync resumes where it stopped), and the caller
hears how far it is.

The cursor committed with a page is the page's own, unless rows of it wait for a parent or a reference still to
come: then it stays just before the oldest of them, so a sync stopped there pulls them again (applying a row twice
is harmless: rows are upserted by uid). Progress counts the library's versions: a change is one version, so the
versions after the cursor the sync started from, up to the server's library version, are the changes to pull
(a row changed twice is pulled once, so the count only ever overstates the work left).
"""

from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any

from dossier_app.services.department.changes import MAX_LIMIT, ChangePage

if TYPE_CHECKING:
    from dossier_app.services.sync.client import SyncConnection

Progress = Callable[[int, int], None]  # (changes pulled, changes to pull in all), after each committed page
Cancelled = Callable[[], bool]  # asked between pages: True stops the pull, leaving what is committed


def pages(connection: "SyncConnection", since: int, limit: int = MAX_LIMIT) -> Iterator[ChangePage]:
    """The feed's pages after `since`, in order; the next is asked for as soon as a page arrives, so the server
    reads it while this desktop applies the one before (CursorAhead and the connection's errors come through)."""
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="sync-pull") as pool:
        coming = pool.submit(connection.changes, since, limit)
        while True:
            page = coming.result()
            if page.more:
                coming = pool.submit(connection.changes, page.cursor, limit)
            yield page
            if not page.more:
                return


def resume_cursor(page: ChangePage, waiting: Sequence[Mapping[str, Any]]) -> int:
    """The cursor to commit with this page: its own, or just before the oldest row still waiting."""
    if not waiting:
        return page.cursor
    return min(page.cursor, min(int(change["version"]) for change in waiting) - 1)


class Tally:
    """Progress of one pull in changes: monotonic, and done equals total on the last page."""

    def __init__(self, start: int, progress: Progress | None) -> None:
        self._start, self._progress, self._done = start, progress, 0

    def restart(self, start: int) -> None:
        """The pull begins again at `start` (the server's library was not the one pulled from)."""
        self._start = start

    def page(self, page: ChangePage) -> None:
        """Tell the caller how far the pull is after this page."""
        if self._progress is None:
            return
        total = max(page.library_version - self._start, 0)
        self._done = total if not page.more else max(self._done, min(page.cursor - self._start, total))
        self._progress(self._done, max(total, self._done))
