"""Which sections the navigator marks in conflict: a text or a title a sync found changed differently here and on the
server, until a save made here since (or a person's pick of a title) settles it."""

from pathlib import Path

from dossier_app.services import Services, open_services
from dossier_app.services.core.context import Operator
from dossier_app.services.dossier.projects import ProjectView
from tests.conftest import FAST_HASHER
from tests.services.sync.test_row_sync import sync

KEY, OTHER = "tt.can_cu_phap_ly", "tt.kien_nghi"


def test_a_text_and_a_title_in_conflict_are_marked_until_settled(
    server: Services, itp: ProjectView, tmp_path: Path
) -> None:
    desk = open_services(str(tmp_path / "desk.sqlite3"), Operator("cli:tester"), password_hasher=FAST_HASHER)
    assert sync(desk, server, "a").clean
    text_there, title_there = (server.dossiers.section_by_key(itp.id, key).id for key in (KEY, OTHER))
    text_here, title_here = (desk.dossiers.section_by_key(itp.id, key).id for key in (KEY, OTHER))
    assert desk.dossiers.sections_in_conflict() == frozenset()
    server.dossiers.save_body(text_there, "Căn cứ của máy chủ.")
    desk.dossiers.save_body(text_here, "Căn cứ của máy này.")
    server.dossiers.rename_section(title_there, "Kiến nghị (máy chủ)")
    desk.dossiers.rename_section(title_here, "Kiến nghị (máy này)")

    report = sync(desk, server, "a")
    assert len(report.conflicts) == 2, report
    assert desk.dossiers.sections_in_conflict() == {text_here, title_here}

    desk.dossiers.save_body(text_here, "Căn cứ của máy chủ.\n\nCăn cứ của máy này.")  # the merge, saved
    assert desk.dossiers.sections_in_conflict() == {title_here}
    [title] = desk.record_conflicts.listing()
    desk.record_conflicts.resolve(title.id, take_theirs=True)
    assert desk.dossiers.sections_in_conflict() == frozenset()
    desk.close()
