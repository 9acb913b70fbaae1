"""`review status|submit|approve|return` as a script calls them, acting as accounts made with `user add`:
the window's review rules, an approval bound to the submitted revision's hash, refusals that change nothing."""

from pathlib import Path

import pytest

from dossier_app.cli import acting
from dossier_app.domain.text import content_hash
from dossier_app.services import Services
from tests.cli.section_support import CODE, KEY, PASSWORD, VIETNAMESE, add_account, make_project, run, stored
from tests.conftest import FAST_HASHER


@pytest.fixture(autouse=True)
def cheap_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Passwords hashed with the cheapest argon2id; nobody named by the environment unless a test says so."""
    monkeypatch.setattr("dossier_app.services.accounts.accounts.production_hasher", lambda: FAST_HASHER)
    monkeypatch.delenv(acting.USER_ENV, raising=False)
    monkeypatch.delenv("DOSSIER_PASSWORD", raising=False)


@pytest.fixture
def written(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    services: Services,
    db_url: str,
    tmp_path: Path,
) -> int:
    """A section an officer wrote from the command line, with an officer and a manager account; DOSSIER_PASSWORD
    is their password. Returns the section's id."""
    section_id = make_project(services)
    add_account(capsys, monkeypatch, db_url, "chuyenvien", "officer")
    add_account(capsys, monkeypatch, db_url, "lanhdao", "manager")
    source = tmp_path / "kien-nghi.md"
    source.write_text(VIETNAMESE, encoding="utf-8")
    code, _out, err = run(capsys, "--db", db_url, "section", "put", CODE, KEY, str(source), "--user", "chuyenvien")
    assert (code, err) == (0, "")
    return section_id


def review(capsys: pytest.CaptureFixture[str], url: str, *argv: str) -> tuple[int, str, str]:
    """`review ACTION CODE KEY …`."""
    action, *rest = argv
    return run(capsys, "--db", url, "review", action, CODE, KEY, *rest)


def test_submit_then_approve_by_a_manager_binds_the_submitted_hash(
    capsys: pytest.CaptureFixture[str], services: Services, db_url: str, written: int
) -> None:
    digest = content_hash(VIETNAMESE)
    code, out, err = review(capsys, db_url, "status")
    assert (code, err) == (0, "")
    assert "bản nháp/draft" in out and "Duyệt / approved:" not in out

    code, out, err = review(capsys, db_url, "submit", "--user", "chuyenvien")
    assert (code, err) == (0, "")
    assert "đã trình/submitted" in out and "chuyenvien" in out and digest in out

    code, out, err = review(capsys, db_url, "approve", "--user", "lanhdao")
    assert (code, err) == (0, "")
    assert "đã duyệt/approved" in out

    code, out, err = review(capsys, db_url, "status")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0].startswith(f"{CODE} {KEY} — ")
    assert "đã duyệt/approved" in lines[1]
    submitted = next(line for line in lines if line.startswith("Trình / submitted:"))
    approved = next(line for line in lines if line.startswith("Duyệt / approved:"))
    assert "chuyenvien" in submitted and "lanhdao" in approved
    assert f"approval bound to: sha256 {digest}" in out
    state = services.reviews.review(written)
    assert (state.approved_hash, state.approved_by, state.submitted_by) == (digest, "lanhdao", "chuyenvien")
    assert services.reviews.approved_body(written) == VIETNAMESE


def test_return_needs_a_comment_then_shows_it_until_the_section_is_submitted_again(
    capsys: pytest.CaptureFixture[str], db_url: str, written: int
) -> None:
    assert review(capsys, db_url, "submit", "--user", "chuyenvien")[0] == 0
    before = stored(db_url, written)
    for extra in ([], ["--comment", "   "]):
        code, out, err = review(capsys, db_url, "return", "--user", "lanhdao", *extra)
        assert (code, out) == (2, "")
        assert "--comment" in err and len(err.strip().splitlines()) == 1
    assert stored(db_url, written) == before

    comment = "Bổ sung số liệu diện tích theo bản đồ 1/2000."
    code, out, err = review(capsys, db_url, "return", "--user", "lanhdao", "--comment", comment)
    assert (code, err) == (0, "")
    assert "bị trả lại/returned for changes" in out
    returned = next(line for line in out.splitlines() if line.startswith("Trả lại / returned:"))
    assert "lanhdao" in returned and returned.endswith(comment)

    code, out, err = review(capsys, db_url, "submit", "--user", "chuyenvien")
    assert (code, err) == (0, "")
    assert "đã trình/submitted" in out and "Trả lại / returned:" not in out  # the resubmission answers it


def test_an_officer_cannot_approve_and_nothing_changes(
    capsys: pytest.CaptureFixture[str], services: Services, db_url: str, written: int
) -> None:
    assert review(capsys, db_url, "submit", "--user", "chuyenvien")[0] == 0
    before = stored(db_url, written)
    code, out, err = review(capsys, db_url, "approve", "--user", "chuyenvien")
    assert (code, out) == (2, "")
    assert "not allowed to approve sections" in err and " — " in err and len(err.strip().splitlines()) == 1
    assert stored(db_url, written) == before
    assert services.reviews.review(written).approved_revision_id is None

    code, out, err = review(capsys, db_url, "return", "--user", "chuyenvien", "--comment", "Tự trả lại")
    assert (code, out) == (2, "") and "not allowed to return sections" in err
    assert stored(db_url, written) == before


def test_approving_a_section_not_submitted_is_refused(
    capsys: pytest.CaptureFixture[str], db_url: str, written: int
) -> None:
    before = stored(db_url, written)
    code, out, err = review(capsys, db_url, "approve", "--user", "lanhdao")
    assert (code, out) == (2, "")
    assert "A section that is a draft cannot be approved" in err
    assert stored(db_url, written) == before


def test_without_user_the_local_operator_acts(capsys: pytest.CaptureFixture[str], db_url: str, written: int) -> None:
    code, out, err = review(capsys, db_url, "submit")
    assert (code, err) == (0, "")
    submitted = next(line for line in out.splitlines() if line.startswith("Trình / submitted:"))
    assert "bởi/by cli:" in submitted


def test_dossier_user_names_who_acts_and_a_wrong_password_changes_nothing(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, db_url: str, written: int
) -> None:
    monkeypatch.setenv(acting.USER_ENV, "chuyenvien")
    monkeypatch.setenv("DOSSIER_PASSWORD", "khong-dung")
    before = stored(db_url, written)
    code, out, err = review(capsys, db_url, "submit")
    assert (code, out) == (2, "") and "Wrong user name or password" in err
    assert stored(db_url, written).state == before.state == "draft"

    monkeypatch.setenv("DOSSIER_PASSWORD", PASSWORD)
    code, out, err = review(capsys, db_url, "submit")
    assert (code, err) == (0, "")
    assert "bởi/by chuyenvien" in out
