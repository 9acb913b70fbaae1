"""A conflict resolved by keeping our own text unchanged: `section put` of the same text closes it, the next sync
pushes our waiting revision on top of the server's head (accepted), every replica ends at our text, and the next
edit is pushed on top of it as usual."""

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.server import test_sync_process as shared
from tests.server.server_process import main_py
from tests.server.test_sync_process import CODE, FIRST, KEY, Replica, revision_bodies, same_as_server, server_section

replicas = shared.replicas  # the fixture, shared (demo_server_db and server are in conftest.py)


@pytest.fixture
def conflicted(replicas: dict[str, Replica]) -> Iterator[tuple[Replica, Replica, str, str]]:
    """B's replica in conflict with A's text on the server: (a, b, A's text, B's text)."""
    a, b = replicas["a"], replicas["b"]
    base = a.body()
    ours_a, ours_b = base.replace(FIRST, FIRST + " (bản A)"), base.replace(FIRST, FIRST + " (bản B)")
    a.save(ours_a)
    b.save(ours_b)
    assert a.sync().clean
    assert b.sync().conflicts == [f"{CODE} {KEY}"]
    yield a, b, ours_a, ours_b


def test_section_put_of_the_same_text_keeps_ours_and_resolves_the_conflict(
    conflicted: tuple[Replica, Replica, str, str], tmp_path: Path
) -> None:
    a, b, ours_a, ours_b = conflicted
    mine = tmp_path / "mine.md"
    mine.write_text(b.body(), encoding="utf-8")
    put = main_py("--db", str(b.path), "section", "put", CODE, KEY, str(mine))
    assert put.returncode == 0, put.stderr
    assert "conflict resolved" in put.stdout and "Đã giải quyết xung đột" in put.stdout
    assert main_py("--db", str(b.path), "conflicts").returncode == 0
    report = b.sync()
    assert report.clean and report.pushed  # the push based on the server's head was accepted
    assert server_section(b.server)[0] == ours_b
    history = revision_bodies(b.server._argv[1])
    assert history.index(ours_a) < history.index(ours_b) and history.count(ours_b) == 1  # both kept, no repeat
    assert a.sync().clean and a.body() == ours_b
    for replica in (a, b):
        same_as_server(replica)
    b.save(ours_b + "\n\nĐoạn thêm sau khi giải quyết.")  # the next edit's base is one the server holds
    later = b.sync()
    assert later.clean and not later.refused
    assert server_section(b.server)[0].rstrip().endswith("Đoạn thêm sau khi giải quyết.")


def test_keeping_ours_needs_our_text_and_an_open_conflict(conflicted: tuple[Replica, Replica, str, str]) -> None:
    a, b, ours_a, _ours_b = conflicted
    section_id = b.services.replica.conflicts()[0].section_id
    assert not b.services.replica.keep_ours(section_id, ours_a)  # not the text it holds: nothing closed
    assert b.services.replica.conflicts()
    assert b.services.replica.keep_ours(section_id, b.body())
    assert not b.services.replica.conflicts() and not b.services.replica.keep_ours(section_id, b.body())
    assert not a.services.replica.keep_ours(section_id, a.body())  # no conflict there
