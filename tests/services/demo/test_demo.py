"""The Cần Thơ demo: two real projects with draft text, idempotent on both databases."""

from decimal import Decimal

from dossier_app.domain.enums import ParkKind
from dossier_app.domain.text import content_hash, fold, markdown_to_plain
from dossier_app.services import Services
from dossier_app.services.demo.demo import DEMO_OPERATOR
from dossier_app.services.demo.review_demo import (
    ADDED_AFTER_APPROVAL,
    ADDED_BEFORE_SUBMITTING,
    CHANGED_SINCE_APPROVAL,
    OFFICER,
    RETURNED,
    REVIEW_PROJECT,
)
from dossier_app.services.dossier.dossiers import walk_sections
from dossier_app.storage.resources import demo_texts
from tests.services.support import row_counts, section_by_key

EDITED = {CHANGED_SINCE_APPROVAL: ADDED_AFTER_APPROVAL, RETURNED: ADDED_BEFORE_SUBMITTING}


def test_demo_creates_the_two_projects(services: Services) -> None:
    assert services.demo.is_empty()
    result = services.demo.load()
    assert result.project_codes == ("CT-HTP", "CT-ITP")
    assert result.projects_created == 2
    assert result.sections_filled == len(demo_texts("CT-HTP")) + len(demo_texts("CT-ITP"))
    assert not services.demo.is_empty()
    summaries = {s.code: s for s in services.projects.summaries()}
    assert list(summaries) == ["CT-HTP", "CT-ITP"]
    assert summaries["CT-HTP"].name == "Khu công nghệ cao Cần Thơ"
    assert (summaries["CT-HTP"].kind, summaries["CT-HTP"].regime_key) == (ParkKind.HIGH_TECH, "nd10_2024")
    assert summaries["CT-ITP"].name == "Khu công nghệ thông tin tập trung Cần Thơ"
    assert (summaries["CT-ITP"].kind, summaries["CT-ITP"].regime_key) == (ParkKind.IT_PARK, "nd154_2013")
    for summary in summaries.values():
        assert 0 < summary.required_written < summary.required_total


def test_it_park_facts(demo_services: Services) -> None:
    itp = demo_services.projects.by_code("CT-ITP")
    assert itp.area_ha == Decimal("20.0219")
    assert "Hưng Thạnh" in itp.ward
    assert itp.investor == "Quỹ Đầu tư phát triển thành phố Cần Thơ"
    assert "895/QĐ-TTg" in itp.location


def test_demo_text_lands_in_its_sections_with_a_revision(demo_services: Services) -> None:
    for code in ("CT-HTP", "CT-ITP"):
        project = demo_services.projects.by_code(code)
        for key, text in demo_texts(code).items():
            node = section_by_key(demo_services, project.id, key)
            view = demo_services.dossiers.section(node.id)
            assert view.word_count > 20, f"{code} {key} should read as a real draft"
            first, *later = reversed(demo_services.dossiers.revisions(node.id))
            assert first.author == DEMO_OPERATOR
            if code == REVIEW_PROJECT and key in EDITED:  # the story's officer revised these
                assert [r.author for r in later] == [OFFICER]
                assert view.body.strip() == text.strip() + EDITED[key]
            else:
                assert later == [] and view.body.strip() == text.strip()
                assert first.content_hash == content_hash(view.body)


def test_loading_twice_gives_the_same_counts(services: Services) -> None:
    services.demo.load()
    once = row_counts(services)
    summaries = services.projects.summaries()
    again = services.demo.load()
    assert (again.projects_created, again.sections_filled) == (0, 0)
    assert row_counts(services) == once
    assert services.projects.summaries() == summaries
    assert once["project"] == 2
    # one revision per demo text, and the story's two edits
    assert once["sectionrevision"] == len(demo_texts("CT-HTP")) + len(demo_texts("CT-ITP")) + len(EDITED)


def test_loading_again_never_overwrites_the_users_text(demo_services: Services) -> None:
    project = demo_services.projects.by_code("CT-HTP")
    node = section_by_key(demo_services, project.id, "tt.kien_nghi")
    demo_services.dossiers.save_body(node.id, "Kiến nghị do chuyên viên viết lại.")
    demo_services.demo.load()
    assert demo_services.dossiers.section(node.id).body == "Kiến nghị do chuyên viên viết lại.\n"
    assert len(demo_services.dossiers.revisions(node.id)) == 2


def test_demo_refills_a_section_the_user_cleared_but_keeps_other_projects(demo_services: Services) -> None:
    project = demo_services.projects.by_code("CT-ITP")
    node = section_by_key(demo_services, project.id, "da.3_dieu_kien_vi_tri")
    demo_services.dossiers.save_body(node.id, "")
    result = demo_services.demo.load()
    assert (result.projects_created, result.sections_filled) == (0, 1)
    assert demo_services.dossiers.section(node.id).body.strip() == demo_texts("CT-ITP")["da.3_dieu_kien_vi_tri"].strip()


def test_demo_progress_reports_each_project(services: Services) -> None:
    calls: list[tuple[int, int, str]] = []
    services.demo.load(progress=lambda done, total, message: calls.append((done, total, message)))
    assert calls == [(0, 2, "CT-HTP"), (1, 2, "CT-ITP"), (2, 2, "")]


def test_demo_search_finds_can_tho_without_diacritics(demo_services: Services) -> None:
    project = demo_services.projects.by_code("CT-ITP")
    expected = {
        section_by_key(demo_services, project.id, key).id
        for key, text in demo_texts("CT-ITP").items()
        if "can tho" in fold(markdown_to_plain(text))
    }
    assert expected
    hits = demo_services.search.search(project.id, "can tho")
    assert {h.section_id for h in hits} == expected
    assert all("can tho" in fold(h.snippet) for h in hits)


def test_the_demo_leaves_a_section_in_every_review_state(demo_services: Services) -> None:
    """Each demo role finds work on its first screen: a section to approve, one returned, approved ones."""
    from dossier_app.domain.enums import SectionState
    from dossier_app.services.demo.review_demo import APPROVED, RETURN_COMMENT, THREAD, WAITING

    project = demo_services.projects.by_code(REVIEW_PROJECT)
    review = {
        key: demo_services.reviews.review(section_by_key(demo_services, project.id, key).id)
        for key in (WAITING, APPROVED, CHANGED_SINCE_APPROVAL, RETURNED)
    }
    assert review[WAITING].state is SectionState.SUBMITTED and review[WAITING].submitted_by == OFFICER
    assert review[APPROVED].state is SectionState.APPROVED and not review[APPROVED].changed_since_approval
    assert review[CHANGED_SINCE_APPROVAL].changed_since_approval and review[APPROVED].approved_by == "lanhdao"
    assert review[RETURNED].state is SectionState.CHANGES_REQUESTED
    thread = demo_services.reviews.comments(review[RETURNED].section_id)
    assert [c.body for c in thread] == [RETURN_COMMENT, *(body for _, body in THREAD)]
    assert [q.section_id for q in demo_services.reviews.submitted_queue()] == [review[WAITING].section_id]
    assert [r.section_id for r in demo_services.reviews.returned_queue(OFFICER)] == [review[RETURNED].section_id]
    assert demo_services.demo.load().review_story is False  # told once: a second load changes nothing


def test_without_the_story_every_section_stays_a_draft(services: Services) -> None:
    from dossier_app.domain.enums import SectionState

    assert services.demo.load(story=False).review_story is False
    project = services.projects.by_code(REVIEW_PROJECT)
    for tree in services.dossiers.tree(project.id):
        for node in walk_sections(tree.sections):
            assert services.reviews.review(node.id).state is SectionState.DRAFT


def test_the_demo_clerk_leaves_one_verified_draft_export_in_the_history(demo_services: Services) -> None:
    from dossier_app.services.demo.export_demo import CLERK, EXPORT_DOCUMENTS, EXPORT_PROJECT

    history = demo_services.export_history.list(EXPORT_PROJECT)
    assert len(history) == 1
    record = history[0]
    assert record.draft and record.actor == CLERK
    assert abs((record.at - demo_services.context.clock()).total_seconds()) < 3600  # dated today, not years ago
    assert sorted(path.name for path in record.folder.iterdir()) == sorted(
        [*(f"{name}.{fmt}" for name in EXPORT_DOCUMENTS for fmt in ("docx", "pdf")), "manifest.json"]
    )
    assert demo_services.export_history.verify(record.id).ok
    assert demo_services.demo.load().draft_export is None  # once: loading again exports nothing more
    assert len(demo_services.export_history.list(EXPORT_PROJECT)) == 1


def test_without_the_story_the_export_history_stays_empty(services: Services) -> None:
    from dossier_app.services.demo.export_demo import EXPORT_PROJECT

    assert services.demo.load(story=False).draft_export is None
    assert services.export_history.list(EXPORT_PROJECT) == []
