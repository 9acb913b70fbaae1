"""Writing sections: saves add revisions, stale saves are refused, restores append, structure edits."""

import hashlib
from datetime import UTC

import pytest

from dossier_app.domain.errors import Conflict, NotFound, StaleEdit, ValidationFailed
from dossier_app.services import Services
from dossier_app.services.dossier.projects import ProjectView
from tests.conftest import TESTER
from tests.services.support import row_counts, section_by_key, walk

INTRO = "## Sự cần thiết\n\nThành phố **Cần Thơ** cần một khu công nghệ thông tin tập trung.\n"
SECOND = "Thành phố Cần Thơ cần khu CNTT tập trung để thu hút 2.000 lao động.\n"
THIRD = "Bản thứ ba.\n"


@pytest.fixture
def section_id(services: Services, itp: ProjectView) -> int:
    """Item 1 of the IT park's Đề án."""
    return section_by_key(services, itp.id, "da.1_su_can_thiet_can_cu").id


def test_save_stores_the_body_and_adds_a_revision(services: Services, section_id: int) -> None:
    result = services.dossiers.save_body(section_id, INTRO.replace("\n", "\r\n") + "  \n\n")
    assert (result.changed, result.version, result.revision_number) == (True, 1, 1)
    view = services.dossiers.section(section_id)
    assert view.body == INTRO
    assert view.version == 1
    assert view.word_count == result.word_count == 16
    assert view.updated_by == TESTER
    [revision] = services.dossiers.revisions(section_id)
    assert revision.number == 1
    assert revision.author == TESTER
    assert revision.content_hash == hashlib.sha256(view.body.encode("utf-8")).hexdigest()
    assert revision.word_count == 16
    assert revision.restored_from is None
    assert revision.created_at.tzinfo is not None
    assert revision.created_at.utcoffset() == UTC.utcoffset(None)
    assert services.dossiers.revision(revision.id).body == INTRO


def test_saving_the_same_text_adds_no_revision(services: Services, section_id: int) -> None:
    services.dossiers.save_body(section_id, INTRO)
    before = row_counts(services)
    for same in (INTRO, INTRO + "\n\n", INTRO.replace("\n", "\r\n")):
        result = services.dossiers.save_body(section_id, same, base_version=1)
        assert (result.changed, result.version, result.revision_number) == (False, 1, None)
    assert row_counts(services) == before
    assert len(services.dossiers.revisions(section_id)) == 1


def test_each_change_adds_a_revision_newest_first(services: Services, section_id: int) -> None:
    for number, body in enumerate((INTRO, SECOND, THIRD), start=1):
        result = services.dossiers.save_body(section_id, body, base_version=number - 1)
        assert (result.version, result.revision_number) == (number, number)
    revisions = services.dossiers.revisions(section_id)
    assert [r.number for r in revisions] == [3, 2, 1]
    assert [services.dossiers.revision(r.id).body for r in revisions] == [THIRD, SECOND, INTRO]
    assert len({r.content_hash for r in revisions}) == 3


def test_clearing_a_section_is_a_change(services: Services, section_id: int) -> None:
    services.dossiers.save_body(section_id, INTRO)
    result = services.dossiers.save_body(section_id, "  \n")
    assert result.changed and result.word_count == 0
    assert services.dossiers.section(section_id).body == ""
    assert services.dossiers.revisions(section_id)[0].content_hash == hashlib.sha256(b"").hexdigest()


def test_stale_base_version_is_refused_and_nothing_is_stored(services: Services, section_id: int) -> None:
    opened = services.dossiers.section(section_id)
    services.dossiers.save_body(section_id, INTRO, base_version=opened.version)  # saved elsewhere
    before = row_counts(services)
    with pytest.raises(StaleEdit):
        services.dossiers.save_body(section_id, SECOND, base_version=opened.version)
    view = services.dossiers.section(section_id)
    assert (view.body, view.version) == (INTRO, 1)
    assert row_counts(services) == before


def test_restore_adds_a_revision_and_never_alters_history(services: Services, section_id: int) -> None:
    for body in (INTRO, SECOND, THIRD):
        services.dossiers.save_body(section_id, body)
    history = {r.id: services.dossiers.revision(r.id) for r in services.dossiers.revisions(section_id)}
    first = next(r for r in history.values() if r.number == 1)
    result = services.dossiers.restore_revision(first.id, base_version=3)
    assert (result.changed, result.version, result.revision_number) == (True, 4, 4)
    assert services.dossiers.section(section_id).body == INTRO
    revisions = services.dossiers.revisions(section_id)
    assert [r.number for r in revisions] == [4, 3, 2, 1]
    newest = services.dossiers.revision(revisions[0].id)
    assert newest.restored_from == 1
    assert newest.body == INTRO and newest.content_hash == first.content_hash
    assert newest.author == TESTER
    for revision_id, old in history.items():
        assert services.dossiers.revision(revision_id) == old


def test_restore_from_a_stale_version_is_refused(services: Services, section_id: int) -> None:
    services.dossiers.save_body(section_id, INTRO)
    services.dossiers.save_body(section_id, SECOND)
    oldest = services.dossiers.revisions(section_id)[-1]
    with pytest.raises(StaleEdit):
        services.dossiers.restore_revision(oldest.id, base_version=1)
    assert services.dossiers.section(section_id).body == SECOND
    assert len(services.dossiers.revisions(section_id)) == 2


def test_written_count_follows_saves(services: Services, itp: ProjectView, section_id: int) -> None:
    services.dossiers.save_body(section_id, INTRO)
    de_an = services.dossiers.tree(itp.id)[1]
    assert de_an.required_written == 1
    assert next(n for n in de_an.sections if n.id == section_id).written


def test_add_custom_section_goes_last_among_its_siblings(services: Services, itp: ProjectView) -> None:
    item4 = section_by_key(services, itp.id, "da.4_phuong_huong")
    new_id = services.dossiers.add_section(item4.document_id, item4.id, "  Hạ tầng   kỹ thuật ")
    children = section_by_key(services, itp.id, "da.4_phuong_huong").children
    assert [c.id for c in children][:-1] == [c.id for c in item4.children]
    added = children[-1]
    assert (added.id, added.title, added.required, added.outline_key) == (new_id, "Hạ tầng kỹ thuật", False, None)
    assert added.parent_id == item4.id
    assert services.dossiers.sibling_index(new_id) == (len(item4.children), len(item4.children) + 1)
    top_id = services.dossiers.add_section(item4.document_id, None, "Phụ lục số liệu")
    assert services.dossiers.tree(itp.id)[1].sections[-1].id == top_id


def test_add_section_refuses_bad_titles_and_foreign_parents(services: Services, itp: ProjectView) -> None:
    to_trinh, de_an = services.dossiers.tree(itp.id)
    before = row_counts(services)
    for title in ("", "   ", "x" * 301):
        with pytest.raises(ValidationFailed) as caught:
            services.dossiers.add_section(de_an.id, None, title)
        assert caught.value.field == "title"
    with pytest.raises(ValidationFailed) as foreign:
        services.dossiers.add_section(de_an.id, to_trinh.sections[0].id, "Mục lạc chỗ")
    assert foreign.value.field == "parent"
    assert row_counts(services) == before


def test_rename_returns_the_old_title(services: Services, itp: ProjectView) -> None:
    de_an = services.dossiers.tree(itp.id)[1]
    new_id = services.dossiers.add_section(de_an.id, None, "Mục tạm")
    assert services.dossiers.rename_section(new_id, "Đánh giá rủi ro") == "Mục tạm"
    assert services.dossiers.section(new_id).title == "Đánh giá rủi ro"
    with pytest.raises(ValidationFailed):
        services.dossiers.rename_section(new_id, " ")
    assert services.dossiers.section(new_id).title == "Đánh giá rủi ro"


def test_move_reorders_siblings_and_returns_the_old_index(services: Services, itp: ProjectView) -> None:
    item4 = section_by_key(services, itp.id, "da.4_phuong_huong")
    ids = [c.id for c in item4.children]
    assert services.dossiers.move_section(ids[3], 0) == 3
    moved = [c.id for c in section_by_key(services, itp.id, "da.4_phuong_huong").children]
    assert moved == [ids[3], ids[0], ids[1], ids[2]]
    assert [services.dossiers.sibling_index(i)[0] for i in moved] == [0, 1, 2, 3]
    assert services.dossiers.move_section(ids[3], 3) == 0  # undo-like move back
    assert [c.id for c in section_by_key(services, itp.id, "da.4_phuong_huong").children] == [*ids[:3], ids[3]]
    with pytest.raises(ValidationFailed) as caught:
        services.dossiers.move_section(ids[0], len(ids))
    assert caught.value.field == "position"


def test_delete_hides_a_custom_section_and_undelete_brings_it_back(services: Services, itp: ProjectView) -> None:
    de_an = services.dossiers.tree(itp.id)[1]
    parent_id = services.dossiers.add_section(de_an.id, None, "Phụ lục ảnh")
    child_id = services.dossiers.add_section(de_an.id, parent_id, "Ảnh hiện trạng")
    services.dossiers.save_body(child_id, "Ảnh chụp khu đất tại Hưng Thạnh.")
    before = row_counts(services)
    services.dossiers.delete_section(parent_id)
    live = {n.id for t in services.dossiers.tree(itp.id) for n in walk(t.sections)}
    assert parent_id not in live and child_id not in live
    with pytest.raises(NotFound):
        services.dossiers.section(parent_id)
    with pytest.raises(NotFound):
        services.dossiers.save_body(parent_id, "x")
    assert row_counts(services) == before, "deleting is soft: rows and history stay"
    services.dossiers.undelete_section(parent_id)
    restored = services.dossiers.tree(itp.id)[1].sections[-1]
    assert restored.id == parent_id
    assert [c.id for c in restored.children] == [child_id]
    assert services.dossiers.section(child_id).body == "Ảnh chụp khu đất tại Hưng Thạnh.\n"


def test_delete_an_optional_outline_section(services: Services, htp: ProjectView) -> None:
    intro = section_by_key(services, htp.id, "da.0_mo_dau")
    assert not intro.required
    services.dossiers.delete_section(intro.id)
    assert intro.id not in {n.id for t in services.dossiers.tree(htp.id) for n in walk(t.sections)}


@pytest.mark.parametrize("key", ["tt.kien_nghi", "da.4_phuong_huong", "da.4_2_phan_khu"])
def test_delete_required_section_is_a_conflict(services: Services, itp: ProjectView, key: str) -> None:
    section = section_by_key(services, itp.id, key)
    before = services.dossiers.tree(itp.id)
    with pytest.raises(Conflict) as caught:
        services.dossiers.delete_section(section.id)
    assert section.title in caught.value.message
    assert services.dossiers.tree(itp.id) == before
