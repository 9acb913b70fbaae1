"""A replica applying pulled pages without a server: parents placed before children whatever the page's order, a
row whose parent is nowhere left out and counted, the cursor kept."""

import uuid
from collections.abc import Mapping, Sequence
from typing import Any

from sqlmodel import select

from dossier_app.domain.models import Document, Project
from dossier_app.services import Services
from dossier_app.services.department.changes import ChangePage


class Feed:
    """A server that only answers pulls, from pages given."""

    base_url = "http://127.0.0.1:1"
    username: str | None = None  # nobody signed in: a pull only

    def __init__(self, changes: Sequence[Mapping[str, Any]], library: int) -> None:
        self._changes, self._library = tuple(changes), library

    def changes(self, since: int, limit: int = 100) -> ChangePage:
        if since >= self._library:
            return ChangePage(since, self._library, self._library, False, (), ())
        return ChangePage(since, self._library, self._library, False, self._changes, ())

    def push(self, based_on: int, changes: Sequence[Mapping[str, Any]]) -> Any:
        raise AssertionError("nothing was made here to push")


def project(uid: str, version: int) -> dict[str, Any]:
    fields = {"code": "CT-SYNC", "name": "Khu thử đồng bộ", "kind": "it_park", "regime_key": "nd154_2013"}
    return {"table": "project", "uid": uid, "version": version, "fields": fields}


def document(uid: str, project_uid: str, version: int) -> dict[str, Any]:
    fields = {"project": project_uid, "kind": "to_trinh", "title": "Tờ trình", "position": 0}
    return {"table": "document", "uid": uid, "version": version, "fields": fields}


def test_a_child_listed_before_its_parent_is_placed_under_it(services: Services) -> None:
    parent, child = str(uuid.uuid4()), str(uuid.uuid4())
    report = services.replica.sync(Feed([document(child, parent, 7), project(parent, 9)], 9))
    assert report.clean and report.pulled == 2 and services.replica.cursor() == 9
    with services.database.begin() as session:
        placed = session.exec(select(Document).where(Document.uid == child)).one()
        owner = session.get(Project, placed.project_id)
        assert owner is not None and owner.uid == parent and owner.code == "CT-SYNC"


def test_a_row_whose_parent_is_nowhere_is_left_out_and_counted(services: Services) -> None:
    report = services.replica.sync(Feed([document(str(uuid.uuid4()), str(uuid.uuid4()), 3)], 3))
    assert report.unplaced == 1 and not report.clean
    with services.database.begin() as session:
        assert session.exec(select(Document)).all() == []
