"""Random sequences of (person, action) through the services: the state always fits the rules, and the
approved revision's text never changes until the next approval (SQLite; a fresh section per example)."""

from collections.abc import Callable

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from dossier_app.domain.enums import SectionState
from dossier_app.domain.errors import DossierError
from dossier_app.domain.lifecycle import (
    Action,
    Actor,
    EmptyComment,
    EmptySection,
    StaleReview,
    next_state,
    require,
)
from dossier_app.domain.text import content_hash
from dossier_app.services import Services, open_services
from dossier_app.services.core.context import Operator
from dossier_app.services.review.reviews import SectionReview
from tests.conftest import FAST_HASHER
from tests.services.review_support import CAST, LOCAL, act_as, create_cast, write
from tests.services.support import it_park

# Biased towards the people who can move a section along, so the sequences reach review often.
PEOPLE = ["an", "an", "binh", "binh", "em", LOCAL, "cuong", "dung", "former", "ghost"]
KINDS = ["edit", "submit", "submit", "approve", "approve", "approve_stale", "return", "comment"]
TEXTS = ["", "Một.\n", "Hai câu.\n", "Ba: số liệu 2.000 lao động.\n", "Bốn.\n"]
STEPS = st.lists(
    st.tuples(st.sampled_from(PEOPLE), st.sampled_from(KINDS), st.sampled_from(TEXTS)), min_size=4, max_size=16
)


# A path through every transition, always tried besides the random ones.
SCRIPTED = [
    ("an", "submit", ""),
    ("binh", "return", "Bổ sung số liệu."),
    ("an", "edit", "Hai câu.\n"),
    ("an", "submit", ""),
    ("em", "approve", ""),
    ("cuong", "edit", "Một.\n"),
    ("binh", "approve_stale", ""),
    ("an", "submit", ""),
    ("binh", "approve", ""),
    ("an", "edit", "Hai câu.\n"),
]


def _actor(person: str) -> Actor:
    if person in CAST:
        return Actor(person, frozenset(CAST[person]), disabled=person == "former")
    return Actor(person, frozenset())


def _expected(
    person: str, kind: str, review: SectionReview, body: str, text: str, author: str
) -> type[Exception] | None:
    """What the rules say the step must raise, decided by the domain alone (`author` wrote the latest text)."""
    actor, state = _actor(person), review.state
    rules: dict[str, Callable[[], object]] = {
        "submit": lambda: next_state(actor, Action.SUBMIT, state),
        "approve": lambda: next_state(actor, Action.APPROVE, state, revision_author=author),
        "return": lambda: next_state(actor, Action.REQUEST_CHANGES, state, comment=text),
        "comment": lambda: require(actor, Action.COMMENT),
    }
    try:
        if kind == "edit":
            require(actor, Action.EDIT)
            return None
        if kind.startswith("approve"):
            require(actor, Action.APPROVE)
            if review.latest_revision_id is None or kind == "approve_stale":
                return StaleReview
            kind = "approve"
        rules[kind]()
    except DossierError as error:
        return type(error)
    if kind == "submit" and not body.strip():
        return EmptySection
    if kind == "comment" and not text.strip():
        return EmptyComment
    return None


def test_random_review_sequences_keep_the_rules(sqlite_url: str) -> None:
    services = open_services(sqlite_url, Operator("tester"), password_hasher=FAST_HASHER)
    try:
        create_cast(services)
        project = services.projects.create(it_park())
        document_id = services.dossiers.tree(project.id)[0].id

        @settings(max_examples=25, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
        @given(STEPS)
        @example(SCRIPTED)
        def run(steps: list[tuple[str, str, str]]) -> None:
            act_as(services, LOCAL)
            section_id = services.dossiers.add_section(document_id, None, "Mục thử")
            write(services, section_id, "Bản đầu.\n", "an")
            approved_text: str | None = None
            for person, kind, text in steps:
                act_as(services, person)
                before = services.reviews.review(section_id)
                body = services.dossiers.section(section_id).body
                history = services.dossiers.revisions(section_id)
                author = history[0].author if history else ""
                expected = _expected(person, kind, before, body, text, author)
                try:
                    if kind == "edit":
                        services.dossiers.save_body(section_id, text)
                    elif kind == "submit":
                        services.reviews.submit(section_id)
                    elif kind == "approve":
                        services.reviews.approve(section_id, history[0].content_hash if history else "")
                    elif kind == "approve_stale":
                        services.reviews.approve(section_id, content_hash(text + "stale"))
                    elif kind == "return":
                        services.reviews.request_changes(section_id, text)
                    else:
                        services.reviews.add_comment(section_id, text)
                except DossierError as error:
                    assert type(error) is expected, (person, kind, before.state, error.message)
                    assert services.reviews.review(section_id) == before
                    assert services.dossiers.section(section_id).body == body
                else:
                    assert expected is None, (person, kind, before.state)
                    if kind == "approve":
                        approved_text = body
                    outcomes[kind] = outcomes.get(kind, 0) + 1
                _check(services, section_id, approved_text)

        outcomes: dict[str, int] = {}
        run()
        assert all(outcomes.get(kind, 0) > 0 for kind in ("submit", "approve", "return", "comment"))
    finally:
        services.close()


def _check(services: Services, section_id: int, approved_text: str | None) -> None:
    """The invariants of a section's review state, whatever happened before."""
    review = services.reviews.review(section_id)
    body = services.dossiers.section(section_id).body
    assert review.state in SectionState
    assert services.reviews.approved_body(section_id) == approved_text  # never changes between approvals
    if approved_text is not None:
        assert review.approved_hash == content_hash(approved_text)
    assert review.changed_since_approval == (approved_text is not None and body != approved_text)
    if review.state is SectionState.APPROVED:
        assert review.approved_revision_id == review.latest_revision_id
        assert body == approved_text
    if review.state is SectionState.SUBMITTED:
        assert review.submitted_revision_id == review.latest_revision_id
        assert review.submitted_hash == content_hash(body)
