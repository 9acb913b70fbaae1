"""Search across a project's sections, with or without diacritics, on both databases."""

import unicodedata

import pytest

from dossier_app.services import Services
from dossier_app.services.dossier.projects import ProjectView
from tests.services.support import high_tech, section_by_key

BODIES = {
    "da.1_su_can_thiet_can_cu": "Khu công nghệ thông tin tập trung **Cần Thơ** nằm ở phường Hưng Thạnh.",
    "da.4_3_su_dung_dat": "Quy hoạch sử dụng đất: 20,02 ha đất thương mại dịch vụ.",
    "da.3_dieu_kien_vi_tri": "Khu dat nam ven song Can Tho, gan cau Hung Loi.",
    "da.5_tong_muc_dau_tu": "Tỷ lệ lấp đầy 60% và mật độ xây dựng 40%; mã hồ sơ HS_2024.",
}


@pytest.fixture
def written(services: Services, itp: ProjectView) -> dict[str, int]:
    """The IT park with a few sections written; outline key to section id."""
    ids = {}
    for key, body in BODIES.items():
        ids[key] = section_by_key(services, itp.id, key).id
        services.dossiers.save_body(ids[key], body)
    return ids


def _found(services: Services, project_id: int, query: str) -> set[int]:
    return {hit.section_id for hit in services.search.search(project_id, query)}


@pytest.mark.parametrize("query", ["can tho", "Cần Thơ", "CẦN THƠ", "cần thơ", "Can   Tho", "càn thò"])
def test_query_with_or_without_diacritics_finds_both_spellings(
    services: Services, itp: ProjectView, written: dict[str, int], query: str
) -> None:
    assert _found(services, itp.id, query) == {written["da.1_su_can_thiet_can_cu"], written["da.3_dieu_kien_vi_tri"]}


@pytest.mark.parametrize("query", ["đất", "dat", "ĐẤT", "Dat"])
def test_dat_and_d_stroke_find_each_other(
    services: Services, itp: ProjectView, written: dict[str, int], query: str
) -> None:
    assert _found(services, itp.id, query) == {written["da.4_3_su_dung_dat"], written["da.3_dieu_kien_vi_tri"]}


def test_hit_has_snippet_in_the_original_spelling(
    services: Services, itp: ProjectView, written: dict[str, int]
) -> None:
    [hit] = services.search.search(itp.id, "hung thanh")
    assert hit.section_id == written["da.1_su_can_thiet_can_cu"]
    assert "Hưng Thạnh" in hit.snippet
    assert "**" not in hit.snippet
    assert hit.match_count == 1
    assert hit.section_title == section_by_key(services, itp.id, "da.1_su_can_thiet_can_cu").title
    [land] = [h for h in services.search.search(itp.id, "dat") if h.section_id == written["da.4_3_su_dung_dat"]]
    assert land.match_count == 3, "twice in the text, once in the title"


def test_titles_are_found_too(services: Services, itp: ProjectView, written: dict[str, int]) -> None:
    # "Phân khu chức năng" (item 4.2) has no text, only its title.
    phan_khu = section_by_key(services, itp.id, "da.4_2_phan_khu")
    assert phan_khu.word_count == 0
    assert phan_khu.id in _found(services, itp.id, "phan khu chuc nang")
    # A written section is found by its title as well as its body.
    assert written["da.4_3_su_dung_dat"] in _found(services, itp.id, "quy hoach su dung")
    assert _found(services, itp.id, "kien nghi") == {section_by_key(services, itp.id, "tt.kien_nghi").id}


def test_renamed_and_added_sections_are_found_by_their_new_titles(services: Services, itp: ProjectView) -> None:
    de_an = services.dossiers.tree(itp.id)[1]
    added = services.dossiers.add_section(de_an.id, None, "Đánh giá rủi ro thiên tai")
    assert _found(services, itp.id, "rui ro thien tai") == {added}
    services.dossiers.rename_section(added, "Phương án chống ngập")
    assert _found(services, itp.id, "rui ro") == set()
    assert _found(services, itp.id, "chong ngap") == {added}


def test_title_typed_in_decomposed_form_is_found(services: Services, itp: ProjectView) -> None:
    de_an = services.dossiers.tree(itp.id)[1]
    title = unicodedata.normalize("NFD", "Đánh giá rủi ro ngập lụt")
    added = services.dossiers.add_section(de_an.id, None, title)
    assert services.dossiers.section(added).title == unicodedata.normalize("NFC", title)
    assert _found(services, itp.id, "rui ro ngap") == {added}
    assert _found(services, itp.id, "rủi ro ngập") == {added}


def test_deleted_sections_are_not_found(services: Services, itp: ProjectView) -> None:
    de_an = services.dossiers.tree(itp.id)[1]
    added = services.dossiers.add_section(de_an.id, None, "Phụ lục")
    services.dossiers.save_body(added, "Biên bản khảo sát địa chất khu Hưng Phú.")
    assert _found(services, itp.id, "dia chat") == {added}
    services.dossiers.delete_section(added)
    assert _found(services, itp.id, "dia chat") == set()
    services.dossiers.undelete_section(added)
    assert _found(services, itp.id, "dia chat") == {added}


def test_percent_and_underscore_are_literal(services: Services, itp: ProjectView, written: dict[str, int]) -> None:
    target = written["da.5_tong_muc_dau_tu"]
    assert _found(services, itp.id, "%") == {target}
    assert _found(services, itp.id, "0%") == {target}
    assert _found(services, itp.id, "_") == {target}
    assert _found(services, itp.id, "hs_2024") == {target}
    assert _found(services, itp.id, "hs_2025") == set()
    assert _found(services, itp.id, "l%p") == set(), "% is not a wildcard"
    assert _found(services, itp.id, "c_n tho") == set(), "_ is not a wildcard"


def test_search_stays_in_its_project(services: Services, itp: ProjectView, written: dict[str, int]) -> None:
    other = services.projects.create(high_tech())
    other_section = section_by_key(services, other.id, "da.2_hien_trang")
    services.dossiers.save_body(other_section.id, "Hiện trạng khu đất Ô Môn, Cần Thơ.")
    assert other_section.id not in _found(services, itp.id, "can tho")
    assert _found(services, other.id, "can tho") == {other_section.id}


def test_results_follow_document_order(services: Services, itp: ProjectView, written: dict[str, int]) -> None:
    to_trinh_id = section_by_key(services, itp.id, "tt.tom_tat_de_an").id
    services.dossiers.save_body(to_trinh_id, "Tóm tắt: khu CNTT tập trung Cần Thơ.")
    hits = services.search.search(itp.id, "can tho")
    assert hits[0].section_id == to_trinh_id
    assert [h.document_kind.value for h in hits] == ["to_trinh", "de_an", "de_an"]


@pytest.mark.parametrize("query", ["", "   ", "\n"])
def test_blank_query_finds_nothing(services: Services, itp: ProjectView, written: dict[str, int], query: str) -> None:
    assert services.search.search(itp.id, query) == []


def test_nothing_matches_an_unknown_word(services: Services, itp: ProjectView, written: dict[str, int]) -> None:
    assert services.search.search(itp.id, "Hà Nội") == []
