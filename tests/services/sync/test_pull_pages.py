"""A pull applied a page at a time, without a server: a row whose parent comes on a later page is placed under it,
a sync cancelled while such a row waits resumes from before it, and progress only grows and ends at the total."""

import uuid
from collections.abc import Mapping, Sequence
from typing import Any

import pytest
from sqlmodel import select

from dossier_app.domain.models import Document, Project, Section
from dossier_app.services import Services
from dossier_app.services.department.changes import ChangePage
from dossier_app.services.sync import replica as replica_module
from tests.services.sync.test_replica import document, project


class PagedFeed:
    """A server that answers pulls a page of `limit` changes at a time, as the real feed does."""

    base_url = "http://127.0.0.1:1"
    username: str | None = None  # whose token the requests carry (the people of the replica)
    library_id = ""  # no library identity: the replica pins none

    def __init__(self, changes: Sequence[Mapping[str, Any]], library: int) -> None:
        self._changes = sorted(changes, key=lambda change: int(change["version"]))
        self._library = library
        self.asked: list[int] = []

    def changes(self, since: int, limit: int = 100) -> ChangePage:
        self.asked.append(since)
        after = [change for change in self._changes if int(change["version"]) > since]
        page, more = after[:limit], len(after) > limit
        cursor = int(page[-1]["version"]) if more else self._library
        return ChangePage(since, cursor, self._library, more, tuple(page), ())

    def push(self, based_on: int, changes: Sequence[Mapping[str, Any]]) -> Any:
        raise AssertionError("nothing was made here to push")


@pytest.fixture
def one_per_page(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pages of one change, so a handful of rows makes many pages."""
    monkeypatch.setattr(replica_module, "MAX_LIMIT", 1)


def placed_under(services: Services, child: str) -> str | None:
    """The uid of the project a document was placed under (None when the document is not here)."""
    with services.database.begin() as session:
        placed = session.exec(select(Document).where(Document.uid == child)).first()
        owner = session.get(Project, placed.project_id) if placed else None
        return owner.uid if owner else None


@pytest.mark.usefixtures("one_per_page")
def test_a_child_whose_parent_comes_on_a_later_page_is_placed_under_it(services: Services) -> None:
    parent, child = str(uuid.uuid4()), str(uuid.uuid4())
    feed = PagedFeed([document(child, parent, 7), project(parent, 9)], 9)
    report = services.replica.sync(feed)
    assert report.clean and not report.unplaced and services.replica.cursor() == 9
    assert feed.asked == [0, 7]
    assert placed_under(services, child) == parent


@pytest.mark.usefixtures("one_per_page")
def test_a_row_pulled_twice_into_a_table_empty_at_the_first_sync_is_one_row_with_its_later_fields(
    services: Services,
) -> None:
    """A first sync does not look up the rows it pulls into empty tables; one that changed on the server between two
    pages comes twice and is found by its uid when its insert collides."""
    owner, paper, part = str(uuid.uuid4()), str(uuid.uuid4()), str(uuid.uuid4())
    fields = {"document": paper, "parent": None, "title": "Căn cứ pháp lý", "position": 0, "body": ""}
    first = {"table": "section", "uid": part, "version": 3, "fields": fields}
    later = {**first, "version": 5, "fields": {**fields, "title": "Căn cứ pháp lý (sửa lại)"}}
    feed = PagedFeed([project(owner, 1), document(paper, owner, 2), first, later], 5)
    report = services.replica.sync(feed)
    assert report.clean and services.replica.cursor() == 5
    with services.database.begin() as session:
        rows = session.exec(select(Section).where(Section.uid == part)).all()
        assert [row.title for row in rows] == ["Căn cứ pháp lý (sửa lại)"]


@pytest.mark.usefixtures("one_per_page")
def test_a_sync_cancelled_while_a_row_waits_for_its_parent_resumes_from_before_it(services: Services) -> None:
    parent, child = str(uuid.uuid4()), str(uuid.uuid4())
    feed = PagedFeed([document(child, parent, 7), project(parent, 9)], 9)
    stopped = services.replica.sync(feed, cancelled=lambda: True)
    assert stopped.cancelled and not stopped.pushed
    assert services.replica.cursor() == 6  # the document waits: the next sync pulls it again
    assert placed_under(services, child) is None
    resumed = services.replica.sync(feed)
    assert resumed.clean and not resumed.cancelled and services.replica.cursor() == 9
    assert placed_under(services, child) == parent
    with services.database.begin() as session:
        assert len(session.exec(select(Document).where(Document.uid == child)).all()) == 1


@pytest.mark.usefixtures("one_per_page")
def test_a_cancelled_sync_keeps_the_pages_applied_and_the_next_goes_on_from_there(services: Services) -> None:
    projects = [project(str(uuid.uuid4()), version) for version in (2, 4, 6, 8)]
    for number, change in enumerate(projects):
        change["fields"] = {**change["fields"], "code": f"CT-P{number}"}
    feed = PagedFeed(projects, 8)
    asked = iter([False, True])
    stopped = services.replica.sync(feed, cancelled=lambda: next(asked))
    assert stopped.cancelled and services.replica.cursor() == 4
    with services.database.begin() as session:
        assert sorted(row.code for row in session.exec(select(Project)).all()) == ["CT-P0", "CT-P1"]
    feed.asked.clear()
    assert services.replica.sync(feed).clean
    assert feed.asked[0] == 4
    with services.database.begin() as session:
        assert len(session.exec(select(Project)).all()) == 4


def test_progress_only_grows_and_ends_at_the_total(services: Services, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(replica_module, "MAX_LIMIT", 2)
    projects = [project(str(uuid.uuid4()), version) for version in (2, 4, 6, 8, 10)]
    for number, change in enumerate(projects):
        change["fields"] = {**change["fields"], "code": f"CT-Q{number}"}
    heard: list[tuple[int, int]] = []
    assert services.replica.sync(PagedFeed(projects, 10), progress=lambda done, total: heard.append((done, total)))
    assert heard == [(4, 10), (8, 10), (10, 10)]
    assert all(done <= total for done, total in heard)
