"""Readable redlines through the service: what the approval dialog compares, revisions chosen by number, Compare,
and the Word file written whole or not at all."""

from pathlib import Path

import pytest

from dossier_app.domain.enums import Role
from dossier_app.domain.errors import NotFound, ValidationFailed
from dossier_app.services import Services
from dossier_app.services.dossier.projects import ProjectView
from tests.export.redline_support import expected_lines, resolved_lines
from tests.services.review_support import LOCAL, PASSWORD, act_as, create_cast, write
from tests.services.support import section_by_key

FIRST = "## Sự cần thiết\n\nThành phố Cần Thơ cần một khu công nghệ thông tin tập trung.\n"
SECOND = "## Sự cần thiết\n\nThành phố Cần Thơ cần **gấp** một khu công nghệ thông tin tập trung.\n"
THIRD = SECOND + "\n| Hạng mục | Diện tích (ha) |\n|---|---|\n| Khu phần mềm | 12,5 |\n"


@pytest.fixture
def section_id(services: Services, itp: ProjectView) -> int:
    """Item 1 of the IT park's Đề án, with the cast of accounts created; `an` has a display name."""
    create_cast(services)
    return section_by_key(services, itp.id, "da.1_su_can_thiet_can_cu").id


def _approved_then_changed(services: Services, section_id: int) -> None:
    """Revision 1 approved by binh, revision 2 submitted, revision 3 saved after."""
    digest = write(services, section_id, FIRST)
    services.reviews.submit(section_id)
    act_as(services, "binh")
    services.reviews.approve(section_id, digest)
    write(services, section_id, SECOND)
    services.reviews.submit(section_id)
    write(services, section_id, THIRD, author="em")


def test_review_compares_the_submitted_revision_with_the_approved_one(services: Services, section_id: int) -> None:
    write(services, section_id, FIRST)
    services.reviews.submit(section_id)
    first = services.redlines.for_review(section_id)
    assert first.old is None and first.new.number == 1 and first.new.author == "an"
    assert {block.change for block in first.marked.blocks} == {"insert"}
    act_as(services, "binh")
    services.reviews.approve(section_id, services.reviews.review(section_id).submitted_hash)
    write(services, section_id, SECOND)
    services.reviews.submit(section_id)
    review = services.redlines.for_review(section_id)
    assert review.old is not None and (review.old.number, review.old.approved) == (1, True)
    assert review.new.number == 2 and review.new.author == "an"
    assert review.project_code.startswith("CT-ITP") and review.section_title
    inserted = [s for b in review.marked.blocks for s in b.segments if s.change == "insert"]
    assert [(s.text, s.bold) for s in inserted] == [(" gấp", True)] and review.marked.words_deleted == 0


def test_revisions_by_number_default_from_the_last_approved_to_the_latest(services: Services, section_id: int) -> None:
    _approved_then_changed(services, section_id)
    default = services.redlines.between(section_id)
    assert (default.old.number if default.old else None, default.new.number) == (1, 3)
    chosen = services.redlines.between(section_id, 2, 3)
    assert chosen.old is not None and (chosen.old.number, chosen.new.number) == (2, 3)
    assert [b.kind for b in chosen.marked.blocks if b.change == "insert"] == ["row", "row"]
    with pytest.raises(NotFound) as refused:
        services.redlines.between(section_id, 7)
    assert "has no revision 7; its revisions are 1 to 3" in refused.value.message


def test_nothing_approved_compares_with_the_empty_text(services: Services, section_id: int) -> None:
    with pytest.raises(NotFound, match="no saved revision yet"):
        services.redlines.between(section_id)
    write(services, section_id, FIRST)
    redline = services.redlines.between(section_id)
    assert redline.old is None and redline.marked.words_deleted == 0


def test_compare_any_two_revisions(services: Services, section_id: int) -> None:
    _approved_then_changed(services, section_id)
    newest, _, oldest = services.dossiers.revisions(section_id)
    compared = services.redlines.for_revisions(oldest.id, newest.id)
    assert (compared.old.number if compared.old else None, compared.new.number) == (1, 3)
    assert not services.redlines.for_revisions(newest.id, newest.id).marked.has_changes
    with pytest.raises(NotFound):
        services.redlines.for_revisions(oldest.id, newest.id + 1000)


def test_the_word_file_is_written_whole_or_not_at_all(services: Services, section_id: int, tmp_path: Path) -> None:
    _approved_then_changed(services, section_id)
    redline = services.redlines.between(section_id)
    path = services.redlines.write_docx(redline, tmp_path / "so-sanh.docx")
    assert redline.new.author == "em"  # the later revision's author is whom Word names
    assert resolved_lines(path, accept=True) == expected_lines(THIRD)
    assert resolved_lines(path, accept=False) == expected_lines(FIRST)
    with pytest.raises(ValidationFailed, match=r"must end in \.docx"):
        services.redlines.write_docx(redline, tmp_path / "so-sanh.pdf")
    with pytest.raises(ValidationFailed, match="cannot be written"):
        services.redlines.write_docx(redline, tmp_path / "missing" / "so-sanh.docx")
    assert sorted(p.name for p in tmp_path.iterdir() if "so-sanh" in p.name) == ["so-sanh.docx"]


def test_the_author_is_named_by_the_account_s_display_name(services: Services, section_id: int) -> None:
    act_as(services, LOCAL)
    services.accounts.add("hoa", [Role.OFFICER], PASSWORD, "Lê Thị Hoa")
    write(services, section_id, FIRST, author="hoa")
    assert services.redlines.between(section_id).new.author == "Lê Thị Hoa"
