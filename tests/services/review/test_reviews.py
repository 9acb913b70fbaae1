"""Section review through the services: the role × action matrix, hash-bound approval, edits after approval,
returns with comments, the comment thread, redlines, and random sequences that never break the rules."""

from collections.abc import Callable

import pytest

from dossier_app.domain.enums import CommentKind, SectionState
from dossier_app.domain.errors import DossierError, NotFound, PermissionDenied
from dossier_app.domain.lifecycle import (
    CommentRequired,
    EmptyComment,
    EmptySection,
    OwnTextApproval,
    StaleReview,
    TransitionRefused,
)
from dossier_app.domain.text import content_hash
from dossier_app.services import Services
from dossier_app.services.dossier.projects import ProjectView
from tests.services.review_support import LOCAL, act_as, create_cast, snapshot, write
from tests.services.support import section_by_key

FIRST = "## Sự cần thiết\n\nThành phố Cần Thơ cần một khu công nghệ thông tin tập trung.\n"
SECOND = "## Sự cần thiết\n\nThành phố Cần Thơ cần gấp một khu công nghệ thông tin tập trung.\n"
THIRD = "Bản thứ ba, viết lại hoàn toàn.\n"


@pytest.fixture
def section_id(services: Services, itp: ProjectView) -> int:
    """Item 1 of the IT park's Đề án, with the cast of accounts created."""
    create_cast(services)
    return section_by_key(services, itp.id, "da.1_su_can_thiet_can_cu").id


def submitted(services: Services, section_id: int, body: str = FIRST, author: str = "an") -> str:
    """Write and submit `body` as `author`; returns the hash a reviewer opens."""
    digest = write(services, section_id, body, author)
    services.reviews.submit(section_id)
    return digest


# The matrix ---------------------------------------------------------------------------------------

Setup = Callable[[Services, int], Callable[[], object]]


def _submit(services: Services, section_id: int) -> Callable[[], object]:
    write(services, section_id, FIRST)
    return lambda: services.reviews.submit(section_id)


def _approve(services: Services, section_id: int) -> Callable[[], object]:
    digest = submitted(services, section_id)
    return lambda: services.reviews.approve(section_id, digest)


def _return(services: Services, section_id: int) -> Callable[[], object]:
    submitted(services, section_id)
    return lambda: services.reviews.request_changes(section_id, "Bổ sung số liệu lao động.")


def _comment(services: Services, section_id: int) -> Callable[[], object]:
    return lambda: services.reviews.add_comment(section_id, "Cần dẫn nguồn.", quote="Cần Thơ")


def _resolve(services: Services, section_id: int) -> Callable[[], object]:
    act_as(services, LOCAL)
    comment = services.reviews.add_comment(section_id, "Cần dẫn nguồn.")
    return lambda: services.reviews.resolve_comment(comment.id)


def _reopen(services: Services, section_id: int) -> Callable[[], object]:
    act_as(services, LOCAL)
    comment = services.reviews.resolve_comment(services.reviews.add_comment(section_id, "Cần dẫn nguồn.").id)
    return lambda: services.reviews.reopen_comment(comment.id)


ACTIONS: dict[str, Setup] = {
    "submit": _submit,
    "approve": _approve,
    "request_changes": _return,
    "comment": _comment,
    "resolve": _resolve,
    "reopen": _reopen,
}
COMMENTING = {"comment", "resolve", "reopen"}
ALLOWED: dict[str, set[str]] = {
    "an": {"submit"} | COMMENTING,
    "binh": {"approve", "request_changes"} | COMMENTING,
    "cuong": set(COMMENTING),
    "dung": set(),
    "former": set(),
    "ghost": set(),
    LOCAL: set(ACTIONS),
}


@pytest.mark.parametrize("person", list(ALLOWED))
@pytest.mark.parametrize("action", list(ACTIONS))
def test_review_action_matrix(services: Services, section_id: int, person: str, action: str) -> None:
    attempt = ACTIONS[action](services, section_id)
    act_as(services, person)
    before = snapshot(services, section_id)
    if action in ALLOWED[person]:
        attempt()
        assert snapshot(services, section_id).counts["auditentry"] == before.counts["auditentry"] + 1
    else:
        with pytest.raises(PermissionDenied) as refused:
            attempt()
        assert refused.value.message.startswith("You are not allowed to")
        assert snapshot(services, section_id) == before


def test_a_manager_cannot_approve_their_own_text(services: Services, section_id: int) -> None:
    digest = submitted(services, section_id, author="em")  # em is officer and manager
    before = snapshot(services, section_id)
    with pytest.raises(OwnTextApproval):
        services.reviews.approve(section_id, digest)
    assert snapshot(services, section_id) == before
    act_as(services, "binh")
    assert services.reviews.approve(section_id, digest).state is SectionState.APPROVED


def test_an_empty_section_cannot_be_submitted(services: Services, section_id: int) -> None:
    act_as(services, "an")
    before = snapshot(services, section_id)
    with pytest.raises(EmptySection) as refused:
        services.reviews.submit(section_id)
    assert "has no text yet" in refused.value.message
    assert snapshot(services, section_id) == before


def test_actions_out_of_order_are_refused_and_change_nothing(services: Services, section_id: int) -> None:
    digest = write(services, section_id, FIRST)
    act_as(services, "binh")
    before = snapshot(services, section_id)
    with pytest.raises(TransitionRefused):
        services.reviews.approve(section_id, digest)  # a draft
    with pytest.raises(TransitionRefused):
        services.reviews.request_changes(section_id, "Sửa lại.")
    assert snapshot(services, section_id) == before
    act_as(services, "an")
    services.reviews.submit(section_id)
    with pytest.raises(TransitionRefused):
        services.reviews.submit(section_id)


def test_approval_binds_to_the_hash_and_refuses_a_stale_one(services: Services, section_id: int) -> None:
    opened = submitted(services, section_id)
    act_as(services, "binh")
    before = snapshot(services, section_id)
    with pytest.raises(StaleReview):
        services.reviews.approve(section_id, "0" * 64)
    assert snapshot(services, section_id) == before
    newer = submitted(services, section_id, SECOND)  # edited and submitted again while the manager looked
    act_as(services, "binh")
    before = snapshot(services, section_id)
    with pytest.raises(StaleReview) as refused:
        services.reviews.approve(section_id, opened)
    assert "changed after you opened it" in refused.value.message
    assert snapshot(services, section_id) == before
    review = services.reviews.approve(section_id, newer)
    assert review.state is SectionState.APPROVED
    assert review.approved_hash == newer == content_hash(SECOND)
    assert review.approved_revision_id == review.submitted_revision_id == review.latest_revision_id
    assert review.approved_by == "binh"
    assert not review.changed_since_approval
    assert services.reviews.approved_body(section_id) == SECOND


def test_an_edit_after_submission_makes_the_open_review_stale(services: Services, section_id: int) -> None:
    opened = submitted(services, section_id)
    write(services, section_id, SECOND)
    assert services.reviews.review(section_id).state is SectionState.DRAFT
    act_as(services, "binh")
    with pytest.raises(StaleReview):
        services.reviews.approve(section_id, opened)


def test_editing_an_approved_section_starts_a_draft_and_keeps_the_approved_text(
    services: Services, section_id: int
) -> None:
    digest = submitted(services, section_id)
    act_as(services, "binh")
    approved = services.reviews.approve(section_id, digest)
    assert services.reviews.approved_body(section_id) == FIRST
    act_as(services, "cuong")
    with pytest.raises(PermissionDenied):  # a clerk does not edit, approved text or not
        services.dossiers.save_body(section_id, SECOND)
    assert services.reviews.review(section_id).state is SectionState.APPROVED
    write(services, section_id, SECOND)
    review = services.reviews.review(section_id)
    assert review.state is SectionState.DRAFT
    assert review.changed_since_approval
    assert (review.approved_revision_id, review.approved_hash) == (approved.approved_revision_id, digest)
    assert services.reviews.approved_body(section_id) == FIRST
    assert services.dossiers.revision(approved.approved_revision_id or 0).body == FIRST
    write(services, section_id, THIRD)
    assert services.reviews.review(section_id).changed_since_approval
    newer = submitted(services, section_id, SECOND)
    assert services.reviews.review(section_id).changed_since_approval
    act_as(services, "binh")
    review = services.reviews.approve(section_id, newer)
    assert not review.changed_since_approval
    assert services.reviews.approved_body(section_id) == SECOND


def test_reverting_to_the_approved_text_clears_the_changed_flag(services: Services, section_id: int) -> None:
    digest = submitted(services, section_id)
    act_as(services, "binh")
    services.reviews.approve(section_id, digest)
    write(services, section_id, SECOND)
    write(services, section_id, FIRST)
    review = services.reviews.review(section_id)
    assert (review.state, review.changed_since_approval) == (SectionState.DRAFT, False)


def test_a_return_needs_a_comment_and_shows_it_at_the_top(services: Services, section_id: int) -> None:
    assert services.reviews.approved_body(section_id) is None
    submitted(services, section_id)
    act_as(services, "binh")
    before = snapshot(services, section_id)
    for empty in ("", "   \n"):
        with pytest.raises(CommentRequired):
            services.reviews.request_changes(section_id, empty)
    assert snapshot(services, section_id) == before
    review = services.reviews.request_changes(section_id, "  Bổ sung số liệu lao động.  ")
    assert review.state is SectionState.CHANGES_REQUESTED
    shown = services.reviews.open_return(section_id)
    assert shown is not None
    assert (shown.body, shown.author, shown.kind, shown.resolved) == (
        "Bổ sung số liệu lao động.",
        "binh",
        CommentKind.RETURN,
        False,
    )
    assert [c.id for c in services.reviews.comments(section_id)] == [shown.id]
    write(services, section_id, SECOND)
    assert services.reviews.open_return(section_id) is not None
    services.reviews.submit(section_id)  # the resubmission answers the return
    assert services.reviews.open_return(section_id) is None
    [answered] = services.reviews.comments(section_id)
    assert (answered.resolved, answered.resolved_by) == (True, "an")


def test_comment_thread_add_resolve_reopen(services: Services, section_id: int) -> None:
    act_as(services, "cuong")
    before = snapshot(services, section_id)
    with pytest.raises(EmptyComment) as refused:
        services.reviews.add_comment(section_id, " \n ")
    assert isinstance(refused.value, CommentRequired)
    assert snapshot(services, section_id) == before
    first = services.reviews.add_comment(section_id, "Cần dẫn nguồn.", quote="  Cần Thơ ")
    act_as(services, "an")
    second = services.reviews.add_comment(section_id, "Đã bổ sung.")
    assert [(c.author, c.body, c.quote, c.kind) for c in services.reviews.comments(section_id)] == [
        ("cuong", "Cần dẫn nguồn.", "Cần Thơ", CommentKind.COMMENT),
        ("an", "Đã bổ sung.", "", CommentKind.COMMENT),
    ]
    resolved = services.reviews.resolve_comment(first.id)
    assert (resolved.resolved, resolved.resolved_by) == (True, "an")
    audit_before = snapshot(services, section_id).counts["auditentry"]
    assert services.reviews.resolve_comment(first.id) == resolved  # already resolved: nothing recorded
    assert snapshot(services, section_id).counts["auditentry"] == audit_before
    reopened = services.reviews.reopen_comment(first.id)
    assert (reopened.resolved, reopened.resolved_by) == (False, "")
    assert services.reviews.open_return(section_id) is None  # plain comments are not returns
    with pytest.raises(NotFound):
        services.reviews.resolve_comment(second.id + 1000)


def test_every_review_action_is_in_the_audit_trail(services: Services, section_id: int) -> None:
    submitted(services, section_id)
    act_as(services, "binh")
    services.reviews.request_changes(section_id, "Bổ sung.")
    comment = services.reviews.add_comment(section_id, "Xem lại số liệu.")
    services.reviews.resolve_comment(comment.id)
    services.reviews.reopen_comment(comment.id)
    digest = submitted(services, section_id, SECOND)
    act_as(services, "binh")
    services.reviews.approve(section_id, digest)
    actions = [entry.action for entry in services.audit.entries()]
    for action in (
        "section.submit",
        "section.return",
        "comment.add",
        "comment.resolve",
        "comment.reopen",
        "section.approve",
    ):
        assert action in actions
    assert services.audit.verify().ok


def test_a_deleted_section_cannot_be_reviewed(services: Services, itp: ProjectView, section_id: int) -> None:
    document_id = services.dossiers.section(section_id).document_id
    act_as(services, LOCAL)
    extra = services.dossiers.add_section(document_id, None, "Phụ lục riêng")
    services.dossiers.save_body(extra, FIRST)
    services.dossiers.delete_section(extra)
    with pytest.raises(NotFound):
        services.reviews.submit(extra)
    with pytest.raises(NotFound):
        services.reviews.add_comment(extra, "Còn không?")


def test_errors_are_dossier_errors_with_english_templates() -> None:
    for error in (EmptySection(title="Mục 1"), StaleReview(), EmptyComment()):
        assert isinstance(error, DossierError)
        assert error.message and "{" not in error.message
