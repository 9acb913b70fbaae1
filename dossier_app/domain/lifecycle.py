"""The review rules of a section: who may do what, and which state each action leads to."""

from dataclasses import dataclass
from enum import StrEnum

from dossier_app.domain.enums import Role, SectionState
from dossier_app.domain.errors import QT_TRANSLATE_NOOP, DossierError, PermissionDenied


class Action(StrEnum):
    """Everything the rules decide on."""

    EDIT = "edit"
    SUBMIT = "submit"
    APPROVE = "approve"
    REQUEST_CHANGES = "request_changes"
    COMMENT = "comment"
    EDIT_STRUCTURE = "edit_structure"
    EDIT_PROJECT = "edit_project"
    EXPORT = "export"
    MANAGE_ACCOUNTS = "manage_accounts"
    RECORD_CONSULTATIONS = "record_consultations"
    EDIT_CALENDAR = "edit_calendar"
    EDIT_PLAN = "edit_plan"
    RESTORE_BACKUP = "restore_backup"
    BACK_UP_SERVER = "back_up_server"


ALLOWED: dict[Action, frozenset[Role]] = {
    Action.EDIT: frozenset({Role.OFFICER}),
    Action.SUBMIT: frozenset({Role.OFFICER}),
    Action.APPROVE: frozenset({Role.MANAGER}),
    Action.REQUEST_CHANGES: frozenset({Role.MANAGER}),
    Action.COMMENT: frozenset({Role.OFFICER, Role.MANAGER, Role.CLERK}),
    Action.EDIT_STRUCTURE: frozenset({Role.OFFICER, Role.MANAGER}),
    Action.EDIT_PROJECT: frozenset({Role.OFFICER, Role.MANAGER, Role.ADMIN}),
    Action.EXPORT: frozenset({Role.CLERK, Role.MANAGER}),
    Action.MANAGE_ACCOUNTS: frozenset({Role.ADMIN}),
    # Clerks keep the correspondence register, so they record dates sent and received too.
    Action.RECORD_CONSULTATIONS: frozenset({Role.OFFICER, Role.MANAGER, Role.CLERK}),
    Action.EDIT_CALENDAR: frozenset({Role.MANAGER, Role.ADMIN}),
    Action.EDIT_PLAN: frozenset({Role.OFFICER, Role.MANAGER}),
    Action.RESTORE_BACKUP: frozenset({Role.ADMIN}),
    # A server dump carries every project of the department and every account's password hash.
    Action.BACK_UP_SERVER: frozenset({Role.ADMIN}),
}

SOURCES: dict[Action, frozenset[SectionState]] = {
    Action.SUBMIT: frozenset({SectionState.DRAFT, SectionState.CHANGES_REQUESTED}),
    Action.APPROVE: frozenset({SectionState.SUBMITTED}),
    Action.REQUEST_CHANGES: frozenset({SectionState.SUBMITTED}),
}

TARGETS: dict[Action, SectionState] = {
    Action.SUBMIT: SectionState.SUBMITTED,
    Action.APPROVE: SectionState.APPROVED,
    Action.REQUEST_CHANGES: SectionState.CHANGES_REQUESTED,
}


class TransitionRefused(DossierError):
    """The action does not fit the section's current state."""

    template = QT_TRANSLATE_NOOP("Errors", "A section that is {state} cannot be {action}.")


class OwnTextApproval(DossierError):
    """Nobody approves their own text."""

    template = QT_TRANSLATE_NOOP("Errors", "You wrote this revision; another manager must approve it.")


class CommentRequired(DossierError):
    """A return for changes must say what to change."""

    template = QT_TRANSLATE_NOOP("Errors", "Say what should change: the comment is empty.")


class EmptySection(DossierError):
    """Only written text goes to review."""

    template = QT_TRANSLATE_NOOP("Errors", "The section '{title}' has no text yet; write it before submitting it.")


class StaleReview(DossierError):
    """The text under review changed after the reviewer opened it; approving it would approve unseen text."""

    template = QT_TRANSLATE_NOOP(
        "Errors", "The section was changed after you opened it for review; look at the new text before approving."
    )


class EmptyComment(CommentRequired):
    """A comment says something, or it is not stored."""

    template = QT_TRANSLATE_NOOP("Errors", "The comment is empty; write something first.")


class Queue(StrEnum):
    """The work queues, each visible to some roles only."""

    SUBMITTED = "submitted"
    RETURNED = "returned"
    APPROVED = "approved"


QUEUE_VIEWERS: dict[Queue, frozenset[Role]] = {
    Queue.SUBMITTED: frozenset({Role.MANAGER}),
    Queue.RETURNED: frozenset({Role.OFFICER, Role.MANAGER}),
    Queue.APPROVED: frozenset({Role.CLERK, Role.MANAGER}),
}

QUEUE_WORDS = {
    Queue.SUBMITTED: QT_TRANSLATE_NOOP("Errors", "see the sections waiting for approval"),
    Queue.RETURNED: QT_TRANSLATE_NOOP("Errors", "see the sections returned for changes"),
    Queue.APPROVED: QT_TRANSLATE_NOOP("Errors", "see the fully approved documents"),
}


ACTION_WORDS = {
    Action.EDIT: QT_TRANSLATE_NOOP("Errors", "edit sections"),
    Action.SUBMIT: QT_TRANSLATE_NOOP("Errors", "submit sections for review"),
    Action.APPROVE: QT_TRANSLATE_NOOP("Errors", "approve sections"),
    Action.REQUEST_CHANGES: QT_TRANSLATE_NOOP("Errors", "return sections for changes"),
    Action.COMMENT: QT_TRANSLATE_NOOP("Errors", "comment"),
    Action.EDIT_STRUCTURE: QT_TRANSLATE_NOOP("Errors", "change the outline of a document"),
    Action.EDIT_PROJECT: QT_TRANSLATE_NOOP("Errors", "edit projects"),
    Action.EXPORT: QT_TRANSLATE_NOOP("Errors", "export the submission package"),
    Action.MANAGE_ACCOUNTS: QT_TRANSLATE_NOOP("Errors", "manage accounts"),
    Action.RECORD_CONSULTATIONS: QT_TRANSLATE_NOOP("Errors", "record ministry consultations"),
    Action.EDIT_CALENDAR: QT_TRANSLATE_NOOP("Errors", "edit the holiday calendar"),
    Action.EDIT_PLAN: QT_TRANSLATE_NOOP("Errors", "edit the milestone plan"),
    Action.RESTORE_BACKUP: QT_TRANSLATE_NOOP("Errors", "restore the database from a backup"),
    Action.BACK_UP_SERVER: QT_TRANSLATE_NOOP("Errors", "back up the whole server database"),
}


STATE_WORDS = {
    SectionState.DRAFT: QT_TRANSLATE_NOOP("Errors", "a draft"),
    SectionState.SUBMITTED: QT_TRANSLATE_NOOP("Errors", "submitted"),
    SectionState.APPROVED: QT_TRANSLATE_NOOP("Errors", "approved"),
    SectionState.CHANGES_REQUESTED: QT_TRANSLATE_NOOP("Errors", "returned for changes"),
}

TRANSITION_WORDS = {
    Action.SUBMIT: QT_TRANSLATE_NOOP("Errors", "submitted"),
    Action.APPROVE: QT_TRANSLATE_NOOP("Errors", "approved"),
    Action.REQUEST_CHANGES: QT_TRANSLATE_NOOP("Errors", "returned for changes"),
}


@dataclass(frozen=True)
class Actor:
    """A person acting: their name, roles and whether the account is usable."""

    name: str
    roles: frozenset[Role]
    disabled: bool = False

    @property
    def is_local_operator(self) -> bool:
        """The command line acts as whoever may write the database file."""
        return self.name.startswith("cli:")


def require(actor: Actor, action: Action) -> None:
    """Refuse with PermissionDenied unless one of the actor's roles allows the action."""
    if actor.is_local_operator and not actor.disabled:
        return
    if actor.disabled or not (actor.roles & ALLOWED[action]):
        raise PermissionDenied(
            QT_TRANSLATE_NOOP("Errors", "You are not allowed to {action}."), action=ACTION_WORDS[action]
        )


def require_queue(actor: Actor, queue: Queue, *, owner: str | None = None) -> None:
    """Refuse with PermissionDenied unless the actor may see the queue; officers see only their own returns."""
    if actor.is_local_operator and not actor.disabled:
        return
    if actor.disabled or not (actor.roles & QUEUE_VIEWERS[queue]):
        raise PermissionDenied(
            QT_TRANSLATE_NOOP("Errors", "You are not allowed to {action}."), action=QUEUE_WORDS[queue]
        )
    if owner is not None and owner != actor.name and Role.MANAGER not in actor.roles:
        raise PermissionDenied(QT_TRANSLATE_NOOP("Errors", "You can see only the sections returned to you."))


def next_state(
    actor: Actor,
    action: Action,
    state: SectionState,
    *,
    revision_author: str | None = None,
    comment: str = "",
) -> SectionState:
    """The state a review action leads to, or a typed refusal naming the broken rule."""
    require(actor, action)
    if action not in TARGETS:
        raise ValueError(f"{action} is not a review transition")
    if state not in SOURCES[action]:
        raise TransitionRefused(state=STATE_WORDS[state], action=TRANSITION_WORDS[action])
    if action is Action.APPROVE and revision_author is not None and revision_author == actor.name:
        raise OwnTextApproval()
    if action is Action.REQUEST_CHANGES and not comment.strip():
        raise CommentRequired()
    return TARGETS[action]


def state_after_edit(state: SectionState) -> tuple[SectionState, bool]:
    """Editing makes a new draft; returns the new state and whether it changed since approval."""
    return SectionState.DRAFT, state is SectionState.APPROVED
