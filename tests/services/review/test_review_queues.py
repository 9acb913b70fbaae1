"""Work queues, badges and the dossier overview on the Cần Thơ demo, with who may see which queue."""

from datetime import UTC, datetime, timedelta

import pytest

from dossier_app.domain.enums import DocumentKind
from dossier_app.domain.errors import NotFound, PermissionDenied
from dossier_app.services import Services
from dossier_app.services.dossier.dossiers import DocumentTree
from dossier_app.services.review.reviews import BadgeCounts
from tests.services.review_support import LOCAL, PASSWORD, act_as, write
from tests.services.support import walk

START = datetime(2026, 11, 2, 8, 0, tzinfo=UTC)
TEXT = "Nội dung đã soạn cho mục này.\n"


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock(draft_demo_services: Services) -> Clock:
    """The demo's services on a hand-moved clock, with a second officer `khac`."""
    fake = Clock()
    draft_demo_services.context.clock = fake
    act_as(draft_demo_services, LOCAL)
    draft_demo_services.accounts.add("khac", ["officer"], PASSWORD)
    return fake


def documents(services: Services, code: str) -> list[DocumentTree]:
    return services.dossiers.tree(services.projects.by_code(code).id)


def required_ids(tree: DocumentTree) -> list[int]:
    return [node.id for node in walk(tree.sections) if node.required]


def submit_as_officer(services: Services, section_id: int, body: str = TEXT) -> str:
    """chuyenvien writes and submits; returns the hash a manager approves."""
    digest = write(services, section_id, body, "chuyenvien")
    services.reviews.submit(section_id)
    return digest


def test_the_overview_counts_required_sections_per_document(draft_demo_services: Services, clock: Clock) -> None:
    htp = draft_demo_services.projects.by_code("CT-HTP")
    overview = draft_demo_services.reviews.overview(htp.id)
    trees = documents(draft_demo_services, "CT-HTP")
    assert [(o.kind, o.required_total, o.written, o.submitted, o.approved) for o in overview] == [
        (DocumentKind.TO_TRINH, 5, 3, 0, 0),
        (DocumentKind.DE_AN, 12, 3, 0, 0),
    ]
    assert [(o.required_total, o.written) for o in overview] == [(t.required_total, t.required_written) for t in trees]
    first, second, third = required_ids(trees[0])[:3]
    digest = submit_as_officer(draft_demo_services, first)
    submit_as_officer(draft_demo_services, second)
    write(draft_demo_services, third, TEXT, "chuyenvien")
    act_as(draft_demo_services, "lanhdao")
    draft_demo_services.reviews.approve(first, digest)
    counts = draft_demo_services.reviews.overview(htp.id)[0]
    assert (counts.required_total, counts.written, counts.submitted, counts.approved) == (5, 4, 1, 1)
    with pytest.raises(NotFound):
        draft_demo_services.reviews.overview(htp.id + 1000)


def test_managers_see_every_submitted_section_with_its_age(draft_demo_services: Services, clock: Clock) -> None:
    htp_section = required_ids(documents(draft_demo_services, "CT-HTP")[1])[0]
    itp_section = required_ids(documents(draft_demo_services, "CT-ITP")[0])[0]
    submit_as_officer(draft_demo_services, htp_section)
    clock.now = START + timedelta(hours=1)
    submit_as_officer(draft_demo_services, itp_section)
    clock.now = START + timedelta(hours=3)
    act_as(draft_demo_services, "lanhdao")
    queue = draft_demo_services.reviews.submitted_queue()
    assert [(q.section_id, q.project_code, q.submitted_by, q.age) for q in queue] == [
        (htp_section, "CT-HTP", "chuyenvien", timedelta(hours=3)),
        (itp_section, "CT-ITP", "chuyenvien", timedelta(hours=2)),
    ]
    assert queue[0].document_title == documents(draft_demo_services, "CT-HTP")[1].title
    assert queue[0].title == draft_demo_services.dossiers.section(htp_section).title
    assert queue[0].revision_id == draft_demo_services.reviews.review(htp_section).submitted_revision_id
    for person in ("chuyenvien", "vanthu", "quantri", "nobody"):
        act_as(draft_demo_services, person)
        with pytest.raises(PermissionDenied):
            draft_demo_services.reviews.submitted_queue()
    act_as(draft_demo_services, LOCAL)
    assert len(draft_demo_services.reviews.submitted_queue()) == 2


def test_a_section_under_a_deleted_parent_leaves_the_queue(draft_demo_services: Services, clock: Clock) -> None:
    document_id = documents(draft_demo_services, "CT-ITP")[1].id
    act_as(draft_demo_services, LOCAL)
    parent = draft_demo_services.dossiers.add_section(document_id, None, "Phụ lục riêng")
    child = draft_demo_services.dossiers.add_section(document_id, parent, "Bảng số liệu")
    submit_as_officer(draft_demo_services, child)
    act_as(draft_demo_services, "lanhdao")
    assert [q.section_id for q in draft_demo_services.reviews.submitted_queue()] == [child]
    draft_demo_services.dossiers.delete_section(parent)
    assert draft_demo_services.reviews.submitted_queue() == []


def test_officers_see_what_was_returned_to_them(draft_demo_services: Services, clock: Clock) -> None:
    mine, theirs = required_ids(documents(draft_demo_services, "CT-ITP")[1])[:2]
    submit_as_officer(draft_demo_services, mine)
    write(draft_demo_services, theirs, TEXT, "khac")
    draft_demo_services.reviews.submit(theirs)
    clock.now = START + timedelta(hours=2)
    act_as(draft_demo_services, "lanhdao")
    draft_demo_services.reviews.request_changes(mine, "Bổ sung số liệu lao động.")
    draft_demo_services.reviews.request_changes(theirs, "Dẫn nguồn quyết định.")
    assert [r.section_id for r in draft_demo_services.reviews.returned_queue("chuyenvien")] == [
        mine
    ]  # managers may look
    act_as(draft_demo_services, "chuyenvien")
    [returned] = draft_demo_services.reviews.returned_queue("ChuyenVien")
    assert (returned.section_id, returned.project_code, returned.returned_by) == (mine, "CT-ITP", "lanhdao")
    assert (returned.comment, returned.returned_at) == ("Bổ sung số liệu lao động.", START + timedelta(hours=2))
    with pytest.raises(PermissionDenied):
        draft_demo_services.reviews.returned_queue("khac")
    act_as(draft_demo_services, "khac")
    assert [r.section_id for r in draft_demo_services.reviews.returned_queue("khac")] == [theirs]
    for person in ("vanthu", "quantri"):
        act_as(draft_demo_services, person)
        with pytest.raises(PermissionDenied):
            draft_demo_services.reviews.returned_queue(person)
    submit_as_officer(draft_demo_services, mine)  # resubmitted: no longer returned
    assert draft_demo_services.reviews.returned_queue("chuyenvien") == []


def test_clerks_see_documents_with_every_required_section_approved(draft_demo_services: Services, clock: Clock) -> None:
    to_trinh = documents(draft_demo_services, "CT-ITP")[0]
    hashes = {section_id: submit_as_officer(draft_demo_services, section_id) for section_id in required_ids(to_trinh)}
    act_as(draft_demo_services, "lanhdao")
    *first, last = hashes
    for section_id in first:
        draft_demo_services.reviews.approve(section_id, hashes[section_id])
    assert draft_demo_services.reviews.approved_documents() == []
    clock.now = START + timedelta(days=1)
    draft_demo_services.reviews.approve(last, hashes[last])
    act_as(draft_demo_services, "vanthu")
    [ready] = draft_demo_services.reviews.approved_documents()
    assert (ready.document_id, ready.project_code, ready.kind, ready.required_total) == (
        to_trinh.id,
        "CT-ITP",
        DocumentKind.TO_TRINH,
        5,
    )
    assert ready.last_approved_at == START + timedelta(days=1)
    for person in ("chuyenvien", "quantri", "nobody"):
        act_as(draft_demo_services, person)
        with pytest.raises(PermissionDenied):
            draft_demo_services.reviews.approved_documents()
    write(draft_demo_services, last, "Sửa sau phê duyệt.\n", "chuyenvien")  # changed since approval: not ready
    act_as(draft_demo_services, "vanthu")
    assert draft_demo_services.reviews.approved_documents() == []
    assert draft_demo_services.reviews.overview(to_trinh.project_id)[0].approved == 4


def test_badges_follow_the_roles_of_the_account(draft_demo_services: Services, clock: Clock) -> None:
    to_trinh, de_an = documents(draft_demo_services, "CT-ITP")
    hashes = {section_id: submit_as_officer(draft_demo_services, section_id) for section_id in required_ids(to_trinh)}
    returned, waiting = required_ids(de_an)[:2]
    submit_as_officer(draft_demo_services, returned)
    submit_as_officer(draft_demo_services, waiting)
    act_as(draft_demo_services, "lanhdao")
    for section_id, digest in hashes.items():
        draft_demo_services.reviews.approve(section_id, digest)
    draft_demo_services.reviews.request_changes(returned, "Viết lại.")
    expected = {
        "lanhdao": BadgeCounts(submitted=1, returned=0, approved_documents=1),
        "chuyenvien": BadgeCounts(submitted=0, returned=1, approved_documents=0),
        "vanthu": BadgeCounts(submitted=0, returned=0, approved_documents=1),
        "quantri": BadgeCounts(),
    }
    for person, counts in expected.items():
        act_as(draft_demo_services, person)
        assert draft_demo_services.reviews.badge_counts(person) == counts
    act_as(draft_demo_services, LOCAL)
    assert draft_demo_services.reviews.badge_counts("lanhdao") == expected["lanhdao"]
    with pytest.raises(NotFound):
        draft_demo_services.reviews.badge_counts("nobody")
    act_as(draft_demo_services, "chuyenvien")
    with pytest.raises(PermissionDenied):
        draft_demo_services.reviews.badge_counts("lanhdao")
    act_as(draft_demo_services, LOCAL)
    draft_demo_services.accounts.disable("lanhdao")
    act_as(draft_demo_services, "lanhdao")
    with pytest.raises(PermissionDenied):
        draft_demo_services.reviews.badge_counts("lanhdao")
