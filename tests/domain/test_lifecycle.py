"""The review rules: the whole role × action matrix, transitions, and random sequences that never break them."""

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dossier_app.domain.lifecycle import (
    ALLOWED,
    TARGETS,
    Action,
    Actor,
    CommentRequired,
    OwnTextApproval,
    PermissionDenied,
    Role,
    SectionState,
    TransitionRefused,
    next_state,
    require,
    state_after_edit,
)

EXPECTED = {
    Role.OFFICER: {
        Action.EDIT,
        Action.SUBMIT,
        Action.COMMENT,
        Action.EDIT_STRUCTURE,
        Action.EDIT_PROJECT,
        Action.RECORD_CONSULTATIONS,
        Action.EDIT_PLAN,
    },
    Role.MANAGER: {
        Action.APPROVE,
        Action.REQUEST_CHANGES,
        Action.COMMENT,
        Action.EDIT_STRUCTURE,
        Action.EDIT_PROJECT,
        Action.EXPORT,
        Action.RECORD_CONSULTATIONS,
        Action.EDIT_CALENDAR,
        Action.EDIT_PLAN,
    },
    Role.CLERK: {Action.COMMENT, Action.EXPORT, Action.RECORD_CONSULTATIONS},
    Role.ADMIN: {
        Action.EDIT_PROJECT,
        Action.MANAGE_ACCOUNTS,
        Action.EDIT_CALENDAR,
        Action.RESTORE_BACKUP,
        Action.BACK_UP_SERVER,
    },
}


@pytest.mark.parametrize(("role", "action"), list(itertools.product(Role, Action)))
def test_role_action_matrix(role: Role, action: Action) -> None:
    actor = Actor(f"person-{role}", frozenset({role}))
    if action in EXPECTED[role]:
        require(actor, action)
    else:
        with pytest.raises(PermissionDenied):
            require(actor, action)


@pytest.mark.parametrize("action", list(Action))
def test_a_disabled_account_can_do_nothing(action: Action) -> None:
    with pytest.raises(PermissionDenied):
        require(Actor("former", frozenset(Role), disabled=True), action)


def test_the_command_line_acts_as_the_local_operator() -> None:
    for action in Action:
        require(Actor("cli:root", frozenset()), action)


def test_the_matrix_table_matches_the_expectation() -> None:
    for action, roles in ALLOWED.items():
        assert roles == {role for role, actions in EXPECTED.items() if action in actions}


def test_happy_path_and_return_for_changes() -> None:
    officer = Actor("an", frozenset({Role.OFFICER}))
    manager = Actor("binh", frozenset({Role.MANAGER}))
    state = next_state(officer, Action.SUBMIT, SectionState.DRAFT)
    assert state is SectionState.SUBMITTED
    returned = next_state(manager, Action.REQUEST_CHANGES, state, comment="Bổ sung số liệu")
    assert returned is SectionState.CHANGES_REQUESTED
    state = next_state(officer, Action.SUBMIT, returned)
    assert next_state(manager, Action.APPROVE, state, revision_author="an") is SectionState.APPROVED
    assert state_after_edit(SectionState.APPROVED) == (SectionState.DRAFT, True)
    assert state_after_edit(SectionState.SUBMITTED) == (SectionState.DRAFT, False)


def test_refusals_are_typed() -> None:
    both = Actor("chi", frozenset({Role.OFFICER, Role.MANAGER}))
    with pytest.raises(OwnTextApproval):
        next_state(both, Action.APPROVE, SectionState.SUBMITTED, revision_author="chi")
    with pytest.raises(CommentRequired):
        next_state(both, Action.REQUEST_CHANGES, SectionState.SUBMITTED, comment="  ")
    with pytest.raises(TransitionRefused):
        next_state(both, Action.APPROVE, SectionState.DRAFT, revision_author="an")
    with pytest.raises(TransitionRefused):
        next_state(both, Action.SUBMIT, SectionState.APPROVED)


PEOPLE = [
    Actor("an", frozenset({Role.OFFICER})),
    Actor("binh", frozenset({Role.MANAGER})),
    Actor("chi", frozenset({Role.OFFICER, Role.MANAGER})),
    Actor("dung", frozenset({Role.CLERK})),
    Actor("em", frozenset({Role.ADMIN})),
]
STEPS = st.lists(
    st.tuples(st.sampled_from(PEOPLE), st.sampled_from([*TARGETS, Action.EDIT]), st.sampled_from(["", "sửa lại"])),
    max_size=40,
)


@given(STEPS)
def test_random_sequences_never_reach_a_forbidden_state(steps: list[tuple[Actor, Action, str]]) -> None:
    state, author, approved_text, text = SectionState.DRAFT, "an", None, "v0"
    for number, (actor, action, comment) in enumerate(steps):
        before = (state, approved_text)
        try:
            if action is Action.EDIT:
                require(actor, action)
                state, _changed = state_after_edit(state)
                author, text = actor.name, f"v{number + 1}"
            else:
                state = next_state(actor, action, state, revision_author=author, comment=comment)
                if state is SectionState.APPROVED:
                    assert actor.name != author and Role.MANAGER in actor.roles
                    approved_text = text
        except (PermissionDenied, TransitionRefused, OwnTextApproval, CommentRequired):
            assert (state, approved_text) == before
        assert state in SectionState
        if state is SectionState.APPROVED:
            assert approved_text == text
