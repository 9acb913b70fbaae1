"""A revision saved in the window while a sync pulls (the sync runs in the background every minute, the editor saves
1.5 s after typing stops) was written before the server's revisions that pull brings in after it: it is merged with
them like the work the pull found, never pushed on top of the server's text as if written on it, which took the
other desk's edit out of the section's text."""

import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, cast

import pytest

from dossier_app.services import Services, open_services
from dossier_app.services.core.context import Operator
from dossier_app.services.dossier.projects import ProjectView
from dossier_app.services.sync.client import SyncConnection
from dossier_app.services.sync.replica import SyncReport
from tests.conftest import FAST_HASHER
from tests.services.sync.test_row_sync import OFFICER, Direct, edit, household, sync

KEY = "tt.can_cu_phap_ly"
BASE = "Căn cứ Luật Đầu tư.\n\nCăn cứ Nghị định 10/2024/NĐ-CP."


class SavingDuringPull(Direct):
    """The server in process; the desk's window saves a revision while the sync waits for the first page."""

    def __init__(self, server: Services, typing: Callable[[], None]) -> None:
        super().__init__(server, OFFICER)
        self._typing: Callable[[], None] | None = typing

    def changes(self, since: int, limit: int = 100) -> Any:
        if self._typing is not None:
            self._typing()
            self._typing = None
        return super().changes(since, limit)


@pytest.fixture
def desk(server: Services, itp: ProjectView, tmp_path: Path) -> Iterator[Services]:
    """A desk sharing the section's text with the server."""
    there = server.dossiers.section_by_key(itp.id, KEY)
    server.dossiers.save_body(there.id, BASE)
    made = open_services(str(tmp_path / "desk.sqlite3"), Operator("cli:tester"), password_hasher=FAST_HASHER)
    assert sync(made, server, "a").clean
    yield made
    made.close()


def body(services: Services, itp: ProjectView) -> str:
    return services.dossiers.section(services.dossiers.section_by_key(itp.id, KEY).id).body.strip()


def sync_while_typing(desk: Services, server: Services, itp: ProjectView, text: str) -> SyncReport:
    section_id = desk.dossiers.section_by_key(itp.id, KEY).id
    connection = SavingDuringPull(server, lambda: desk.dossiers.save_body(section_id, text))
    return desk.replica.sync(cast("SyncConnection", connection))


def test_an_edit_saved_during_the_pull_merges_with_the_server_edit_it_did_not_see(
    server: Services, desk: Services, itp: ProjectView
) -> None:
    there = server.dossiers.section_by_key(itp.id, KEY)
    server.dossiers.save_body(there.id, "Căn cứ Luật Đầu tư.\n\nCăn cứ Nghị định 10/2024/NĐ-CP và Nghị định 35/2022.")
    report = sync_while_typing(desk, server, itp, "Căn cứ Luật Đầu tư năm 2020.\n\nCăn cứ Nghị định 10/2024/NĐ-CP.")

    assert report.clean and f"{itp.code} {KEY}" in report.merged, report
    both = "Căn cứ Luật Đầu tư năm 2020.\n\nCăn cứ Nghị định 10/2024/NĐ-CP và Nghị định 35/2022."
    assert body(server, itp) == body(desk, itp) == both  # the server's edit is still in the text
    history = [server.dossiers.revision(r.id).body.strip() for r in server.dossiers.revisions(there.id)]
    assert "Căn cứ Luật Đầu tư năm 2020.\n\nCăn cứ Nghị định 10/2024/NĐ-CP." in history  # the desk's, as written
    assert sync(desk, server, "a").clean and desk.replica.waiting() == 0


def test_the_same_paragraph_saved_during_the_pull_is_a_conflict_keeping_both(
    server: Services, desk: Services, itp: ProjectView
) -> None:
    there = server.dossiers.section_by_key(itp.id, KEY)
    theirs = "Căn cứ Luật Đầu tư năm 2020 (máy chủ).\n\nCăn cứ Nghị định 10/2024/NĐ-CP."
    server.dossiers.save_body(there.id, theirs)
    ours = "Căn cứ Luật Đầu tư năm 2020 (máy này).\n\nCăn cứ Nghị định 10/2024/NĐ-CP."
    report = sync_while_typing(desk, server, itp, ours)

    assert report.conflicts == [f"{itp.code} {KEY}"] and not report.pushed, report
    assert body(server, itp) == theirs  # nothing sent over it
    assert body(desk, itp) == ours  # ours shown here until a person picks, as for any conflict
    [conflict] = desk.replica.conflicts()
    assert (conflict.ours_text.strip(), conflict.theirs_text.strip(), conflict.base_text.strip()) == (
        ours,
        theirs,
        BASE,
    )


def test_a_household_saved_while_a_page_is_applied_is_still_pushed(
    server: Services, desk: Services, itp: ProjectView, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The page's register side reads what waits here, then writes. A household saved in the window in between was
    taken for pulled once the page moved its mark past it, and never sent. The page now holds the database's write
    lock before it reads, so the window's save waits for the page and is pushed at the next sync."""
    from dossier_app.services.sync import row_sync

    read, saving = row_sync.waiting, list[threading.Thread]()

    def waiting_then_typing(session: Any) -> Any:
        found = read(session)
        if not saving:  # the window saves as the first page's register side has read
            saving.append(threading.Thread(target=edit, args=(desk, "HT-001"), kwargs={"name": "Lê Văn Tám"}))
            saving[0].start()
            saving[0].join(1.0)  # done at once unless the page holds the write lock
        return found

    monkeypatch.setattr(row_sync, "waiting", waiting_then_typing)
    there = server.dossiers.section_by_key(itp.id, KEY)
    server.dossiers.save_body(there.id, BASE + "\n\nMột đoạn mới trên máy chủ.")  # a page to apply
    assert sync(desk, server, "a").clean
    saving[0].join(10)
    monkeypatch.setattr(row_sync, "waiting", read)

    assert desk.replica.waiting() == 1
    assert sync(desk, server, "a").clean
    assert household(server).data.name == "Lê Văn Tám"
