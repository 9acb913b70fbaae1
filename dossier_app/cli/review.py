"""`review status|submit|approve|return|redline`: a section's review from a terminal, through the review bar's service
calls; `redline` writes the approval dialog's comparison as a Word file with tracked changes."""

import argparse
from datetime import datetime
from typing import TYPE_CHECKING

from dossier_app.cli.acting import acting_options, sign_in
from dossier_app.cli.outcomes import EXIT_OK
from dossier_app.cli.sections import STATE_NAMES, add_section_arguments, find_section, section_label
from dossier_app.domain.enums import SectionState
from dossier_app.domain.errors import QT_TRANSLATE_NOOP, ValidationFailed
from dossier_app.domain.lifecycle import STATE_WORDS, TRANSITION_WORDS, Action, TransitionRefused

if TYPE_CHECKING:
    from dossier_app.services import Services
    from dossier_app.services.dossier.dossiers import SectionView


def add_review_commands(commands: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """`review status|submit|approve|return CODE KEY`, `--comment TEXT` for a return."""
    review = commands.add_parser("review", help="a section's review: status, submit, approve, return for changes")
    actions = review.add_subparsers(dest="review_command", metavar="ACTION", required=True)
    acting = acting_options()
    for action, text, handler in (
        ("status", "the state, who submitted, approved or returned it and when, the approved hash", cmd_review_status),
        ("submit", "send the latest revision to review (officers)", cmd_review_submit),
        ("approve", "approve the submitted revision, bound to its hash (managers, not its author)", cmd_review_approve),
        ("return", "return the submitted section for changes, saying what (managers)", cmd_review_return),
    ):
        parser = actions.add_parser(action, parents=[acting], help=text)
        add_section_arguments(parser)
        if action == "return":
            parser.add_argument("--comment", metavar="TEXT", help="what should change (required)")
        parser.set_defaults(handler=handler)
    redline = actions.add_parser(
        "redline",
        parents=[acting],
        help="write a Word file with tracked changes between two revisions (default: last approved -> latest)",
    )
    add_section_arguments(redline)
    redline.add_argument("--out", metavar="FILE.docx", required=True, help="the Word file to write")
    redline.add_argument(
        "--from",
        dest="from_number",
        metavar="REVISION",
        help="the old revision's number, as the revisions pane shows it (default: the last approved one)",
    )
    redline.add_argument(
        "--to",
        dest="to_number",
        metavar="REVISION",
        help="the new revision's number (default: the latest)",
    )
    redline.set_defaults(handler=cmd_review_redline)


def _revision_number(text: str | None, option: str) -> int | None:
    """A revision number as the history shows it (a whole number from 1), or a refusal naming the option."""
    if text is None:
        return None
    if not text.strip().isdigit() or int(text) < 1:
        raise ValidationFailed(
            QT_TRANSLATE_NOOP(
                "Errors", "{option} takes a revision number as the history shows it (1, 2, …), not '{text}'."
            ),
            field=option,
            option=option,
            text=text,
        )
    return int(text)


def _moment(at: datetime | None) -> str:
    """An event in local time, with its offset from UTC."""
    return at.astimezone().isoformat(sep=" ", timespec="seconds") if at else "-"


def _revision(services: "Services", revision_id: int | None) -> str:
    if revision_id is None:
        return "-"
    revision = services.dossiers.revision(revision_id)
    return f"phiên bản/revision {revision.number}, sha256 {revision.content_hash}"


def print_review(services: "Services", section: "SectionView") -> None:
    """The section's review state, who acted and when, the hash an approval is bound to, an open return."""
    review = services.reviews.review(section.id)
    state = STATE_NAMES[review.state]
    if review.changed_since_approval:
        state += " — đã sửa sau khi duyệt/changed since approval"
    print(f"{section_label(section)} — {section.title}")
    print(f"Trạng thái / state: {state}")
    if review.submitted_revision_id is not None:
        print(
            f"Trình / submitted: {_moment(review.submitted_at)} bởi/by {review.submitted_by} — "
            f"{_revision(services, review.submitted_revision_id)}"
        )
    if review.approved_revision_id is not None:
        print(
            f"Duyệt / approved: {_moment(review.approved_at)} bởi/by {review.approved_by} — "
            f"{_revision(services, review.approved_revision_id)}"
        )
        print(f"Phê duyệt gắn với / approval bound to: sha256 {review.approved_hash}")
    returned = services.reviews.open_return(section.id)
    if returned is not None:
        print(f"Trả lại / returned: {_moment(returned.created_at)} bởi/by {returned.author} — {returned.body}")


def cmd_review_status(services: "Services", args: argparse.Namespace) -> int:
    """Print where the section stands in review."""
    section = find_section(services, args.code, args.key)
    sign_in(services, args)
    print_review(services, section)
    return EXIT_OK


def cmd_review_submit(services: "Services", args: argparse.Namespace) -> int:
    """Submit the latest revision (the review bar's Submit), then print the new state."""
    section = find_section(services, args.code, args.key)
    sign_in(services, args)
    services.reviews.submit(section.id)
    print_review(services, section)
    return EXIT_OK


def cmd_review_approve(services: "Services", args: argparse.Namespace) -> int:
    """Approve the submitted revision, bound to its hash as the review bar binds it, then print the new state."""
    section = find_section(services, args.code, args.key)
    sign_in(services, args)
    review = services.reviews.review(section.id)
    if review.state is not SectionState.SUBMITTED:
        # The window offers Approve only on a submitted section; with no submission there is no hash to bind to.
        raise TransitionRefused(state=STATE_WORDS[review.state], action=TRANSITION_WORDS[Action.APPROVE])
    services.reviews.approve(section.id, review.submitted_hash)
    print_review(services, section)
    return EXIT_OK


def cmd_review_return(services: "Services", args: argparse.Namespace) -> int:
    """Return the section for changes with the comment (the review bar's Return), then print the new state."""
    if not (args.comment or "").strip():
        raise ValidationFailed(
            QT_TRANSLATE_NOOP("Errors", "A return says what should change: give it with --comment TEXT."),
            field="comment",
        )
    section = find_section(services, args.code, args.key)
    sign_in(services, args)
    services.reviews.request_changes(section.id, args.comment)
    print_review(services, section)
    return EXIT_OK


def cmd_review_redline(services: "Services", args: argparse.Namespace) -> int:
    """Write the redline between two revisions as a Word file with tracked changes, then say what it compares."""
    from pathlib import Path

    from dossier_app.services.review.redlines import revision_words

    section = find_section(services, args.code, args.key)
    sign_in(services, args)
    old, new = _revision_number(args.from_number, "--from"), _revision_number(args.to_number, "--to")
    redline = services.redlines.between(section.id, old, new)
    path = services.redlines.write_docx(redline, Path(args.out))
    if redline.old is None:
        print("Chưa có phiên bản nào được duyệt: so với văn bản trống / nothing approved yet: compared with empty text")
    marked = redline.marked
    print(f"{section_label(section)} — {section.title}")
    print(f"Từ / from: {revision_words(redline.old)}")
    print(f"Đến / to: {revision_words(redline.new)}")
    print(
        f"Thêm {marked.words_inserted} từ, xoá {marked.words_deleted} từ, {marked.blocks_changed} đoạn thay đổi / "
        f"{marked.words_inserted} words inserted, {marked.words_deleted} deleted, "
        f"{marked.blocks_changed} blocks changed"
    )
    print(f"Đã ghi / written: {path}")
    return EXIT_OK
