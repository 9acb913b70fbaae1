"""The change feed for a desktop that is nearly up to date (services/department/changes.py): a cursor at the library
version reads the library version and nothing else, and a small increment brings just what changed."""

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import event
from sqlmodel import select

from dossier_app.domain.models import Section
from dossier_app.services import Services
from dossier_app.services.department.changes import MAX_LIMIT


@contextmanager
def _statements(services: Services) -> Iterator[list[str]]:
    """The SQL statements the database runs inside the block."""
    seen: list[str] = []

    def note(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        seen.append(statement)

    event.listen(services.database.engine, "before_cursor_execute", note)
    try:
        yield seen
    finally:
        event.remove(services.database.engine, "before_cursor_execute", note)


def test_a_cursor_at_the_library_version_reads_nothing_else(demo_services: Services) -> None:
    library = demo_services.changes.library_version()
    with _statements(demo_services) as seen:
        page = demo_services.changes.since(library, MAX_LIMIT)
    assert (page.changes, page.deleted, page.cursor, page.more) == ((), (), library, False)
    assert len(seen) == 1  # the library version


def test_a_small_increment_brings_just_what_changed(demo_services: Services) -> None:
    before = demo_services.changes.library_version()
    with demo_services.database.begin() as session:
        section = session.exec(select(Section).where(Section.body != "").limit(1)).first()
        assert section is not None
        section_id, body = section.id or 0, section.body
    demo_services.dossiers.save_body(section_id, body + "\n\nMột đoạn mới.")
    page = demo_services.changes.since(before, MAX_LIMIT)
    assert {change["table"] for change in page.changes} == {"section", "sectionrevision"}
    assert page.cursor == demo_services.changes.library_version() and not page.more
