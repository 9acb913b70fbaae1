"""`section get|put` as a script calls them: exact Markdown out, UTF-8 in, a revision only for changed text,
refusals that name the file and store nothing, and `--user` acting with that account's roles."""

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from dossier_app.cli import acting
from dossier_app.domain.text import content_hash, normalise_body
from dossier_app.services import Services
from dossier_app.services.core.context import Operator
from dossier_app.services.dossier.dossiers import MAX_BODY_BYTES
from tests.cli.section_support import CODE, KEY, PASSWORD, VIETNAMESE, add_account, make_project, run, stored
from tests.conftest import FAST_HASHER, TESTER
from tests.services.support import high_tech

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def cheap_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Passwords hashed with the cheapest argon2id; nobody named by the environment unless a test says so."""
    monkeypatch.setattr("dossier_app.services.accounts.accounts.production_hasher", lambda: FAST_HASHER)
    monkeypatch.delenv(acting.USER_ENV, raising=False)
    monkeypatch.delenv("DOSSIER_PASSWORD", raising=False)


def test_put_a_file_then_get_prints_exactly_what_is_stored(
    capsys: pytest.CaptureFixture[str], services: Services, db_url: str, tmp_path: Path
) -> None:
    section_id = make_project(services)
    before = stored(db_url, section_id)
    source = tmp_path / "kiến nghị.md"
    source.write_bytes(VIETNAMESE.replace("\n", "\r\n").rstrip().encode("utf-8"))  # Windows line ends, no last one

    code, out, err = run(capsys, "--db", db_url, "section", "put", CODE, KEY, str(source))
    assert (code, err) == (0, "")
    after = stored(db_url, section_id)
    assert after.body == normalise_body(VIETNAMESE) == VIETNAMESE
    assert after.revisions == before.revisions + 1
    assert f"revision {after.revisions}" in out and content_hash(VIETNAMESE)[:12] in out
    revision = services.dossiers.revisions(section_id)[0]
    assert revision.author.startswith("cli:")  # the local operator, as before this command existed

    code, out, err = run(capsys, "--db", db_url, "section", "get", CODE, KEY)
    assert (code, err) == (0, "")
    assert out == VIETNAMESE  # no newline added beyond the stored one


def test_put_from_standard_input_and_get_in_a_fresh_process(services: Services, db_url: str) -> None:
    section_id = make_project(services)
    env = {k: v for k, v in os.environ.items() if k not in (acting.USER_ENV, "DOSSIER_PASSWORD")}

    def main_py(*argv: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
        return subprocess.run(
            [sys.executable, "main.py", "--db", db_url, *argv],
            cwd=ROOT,
            env=env,
            input=stdin,
            capture_output=True,
            timeout=120,
            check=False,
        )

    put = main_py("section", "put", CODE, KEY, "-", stdin=VIETNAMESE.encode("utf-8"))
    assert (put.returncode, put.stderr) == (0, b"")
    assert "revision" in put.stdout.decode("utf-8")
    got = main_py("section", "get", CODE, KEY)
    assert (got.returncode, got.stderr) == (0, b"")
    assert got.stdout == stored(db_url, section_id).body.encode("utf-8") == VIETNAMESE.encode("utf-8")

    revisions = stored(db_url, section_id).revisions
    again = main_py("section", "put", CODE, KEY, "-", stdin=got.stdout)  # get | put: the same text
    assert (again.returncode, again.stderr) == (0, b"")
    assert "unchanged" in again.stdout.decode("utf-8")
    assert stored(db_url, section_id).revisions == revisions


def test_a_put_of_unchanged_text_makes_no_revision(
    capsys: pytest.CaptureFixture[str], services: Services, db_url: str, tmp_path: Path
) -> None:
    section_id = make_project(services)
    source = tmp_path / "a.md"
    source.write_text(VIETNAMESE, encoding="utf-8")
    assert run(capsys, "--db", db_url, "section", "put", CODE, KEY, str(source))[0] == 0
    before = stored(db_url, section_id)

    source.write_text(VIETNAMESE.rstrip() + "\n\n\n", encoding="utf-8")  # the same text once stored
    code, out, err = run(capsys, "--db", db_url, "section", "put", CODE, KEY, str(source))
    assert (code, err) == (0, "")
    assert "unchanged" in out and "no revision" in out
    assert stored(db_url, section_id) == before


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        (b"Ki\xe1\xba\xbfn ngh\xff\n", "byte 11"),  # invalid UTF-8 after valid Vietnamese
        (None, "does not exist"),
        (b"a" * (MAX_BODY_BYTES + 1), f"larger than {MAX_BODY_BYTES // 1_048_576} MB"),
    ],
    ids=["not-utf8", "missing", "too-large"],
)
def test_a_bad_file_is_refused_naming_it_and_nothing_is_stored(
    capsys: pytest.CaptureFixture[str],
    services: Services,
    db_url: str,
    tmp_path: Path,
    content: bytes | None,
    needle: str,
) -> None:
    section_id = make_project(services)
    source = tmp_path / "mục.md"
    if content is not None:
        source.write_bytes(content)
    before = stored(db_url, section_id)

    code, out, err = run(capsys, "--db", db_url, "section", "put", CODE, KEY, str(source))
    assert (code, out) == (2, "")
    assert len(err.strip().splitlines()) == 1
    assert str(source) in err and needle in err and " — " in err  # Vietnamese — English
    assert stored(db_url, section_id) == before


def test_invalid_utf8_on_standard_input_is_refused(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, services: Services, db_url: str
) -> None:
    section_id = make_project(services)
    before = stored(db_url, section_id)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"\xc3\x28 text")))
    code, out, err = run(capsys, "--db", db_url, "section", "put", CODE, KEY, "-")
    assert (code, out) == (2, "")
    assert "Standard input is not UTF-8" in err and "Đầu vào chuẩn" in err
    assert stored(db_url, section_id) == before


def test_a_file_that_fits_once_normalised_is_accepted(
    capsys: pytest.CaptureFixture[str], services: Services, db_url: str, tmp_path: Path
) -> None:
    """The limit is the service's, on the text as stored: trailing blanks the service drops do not count."""
    section_id = make_project(services)
    source = tmp_path / "a.md"
    source.write_bytes(b"a" * (MAX_BODY_BYTES - 1) + b"\n" + b" " * 64)
    code, _out, err = run(capsys, "--db", db_url, "section", "put", CODE, KEY, str(source))
    assert (code, err) == (0, "")
    assert len(stored(db_url, section_id).body) == MAX_BODY_BYTES


@pytest.mark.parametrize(
    ("code", "key", "needles"),
    [
        ("CT-KHONGCO", KEY, ["CT-KHONGCO"]),
        (CODE, "tt.khong_co", [CODE, "tt.khong_co"]),
        (CODE, "da.2_dap_ung_tieu_chi", ["da.2_dap_ung_tieu_chi", "154/2013/NĐ-CP", "10/2024/NĐ-CP", CODE]),
        (CODE, "#999999", [CODE, "#999999"]),
        (CODE, "#abc", [CODE, "#abc"]),
    ],
    ids=["unknown-project", "unknown-key", "key-of-another-regime", "unknown-id", "not-an-id"],
)
def test_an_unknown_section_is_named(
    capsys: pytest.CaptureFixture[str], services: Services, db_url: str, code: str, key: str, needles: list[str]
) -> None:
    make_project(services)
    for argv in (["section", "get", code, key], ["review", "status", code, key]):
        exit_code, out, err = run(capsys, "--db", db_url, *argv)
        assert (exit_code, out) == (2, "")
        assert len(err.strip().splitlines()) == 1
        assert all(needle in err for needle in needles), err


def test_a_custom_sub_section_is_reached_by_its_id(
    capsys: pytest.CaptureFixture[str], services: Services, db_url: str, tmp_path: Path
) -> None:
    section_id = make_project(services)
    parent = services.dossiers.section(section_id)
    custom = services.dossiers.add_section(parent.document_id, section_id, "Phụ lục: danh mục văn bản")
    source = tmp_path / "phu-luc.md"
    source.write_text("Danh mục văn bản kèm theo.\n", encoding="utf-8")

    code, _out, err = run(capsys, "--db", db_url, "section", "put", CODE, f"#{custom}", str(source))
    assert (code, err) == (0, "")
    assert run(capsys, "--db", db_url, "section", "get", CODE, f"#{custom}")[1] == "Danh mục văn bản kèm theo.\n"

    services.projects.create(high_tech("CT-KHAC"))
    code, _out, err = run(capsys, "--db", db_url, "section", "get", "CT-KHAC", f"#{custom}")
    assert code == 2 and CODE in err and "CT-KHAC" in err


def test_put_as_a_signed_in_account_acts_with_its_roles(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    services: Services,
    db_url: str,
    tmp_path: Path,
) -> None:
    section_id = make_project(services)
    add_account(capsys, monkeypatch, db_url, "chuyenvien", "officer")
    add_account(capsys, monkeypatch, db_url, "vanthu", "clerk")
    source = tmp_path / "a.md"
    source.write_text(VIETNAMESE, encoding="utf-8")

    before = stored(db_url, section_id)
    code, out, err = run(capsys, "--db", db_url, "section", "put", CODE, KEY, str(source), "--user", "vanthu")
    assert (code, out) == (2, "")
    assert "not allowed to edit sections" in err and len(err.strip().splitlines()) == 1
    assert stored(db_url, section_id) == before

    monkeypatch.setenv("DOSSIER_PASSWORD", "sai-mat-khau")
    code, out, err = run(capsys, "--db", db_url, "section", "put", CODE, KEY, str(source), "--user", "chuyenvien")
    assert (code, out) == (2, "") and "Wrong user name or password" in err
    assert stored(db_url, section_id).revisions == before.revisions

    monkeypatch.setenv("DOSSIER_PASSWORD", PASSWORD)
    monkeypatch.setenv(acting.USER_ENV, "ChuyenVien")
    code, out, err = run(capsys, "--db", db_url, "section", "put", CODE, KEY, str(source))
    assert (code, err) == (0, "")
    assert services.dossiers.revisions(section_id)[0].author == "chuyenvien"
    assert services.dossiers.section(section_id).updated_by == "chuyenvien"


def test_a_password_is_asked_once_at_a_hidden_prompt_and_never_taken_as_an_argument(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, services: Services, db_url: str
) -> None:
    make_project(services)
    add_account(capsys, monkeypatch, db_url, "chuyenvien", "officer")
    monkeypatch.delenv("DOSSIER_PASSWORD")

    code, out, err = run(capsys, "--db", db_url, "section", "get", CODE, KEY, "--user", "chuyenvien")
    assert (code, out) == (2, "") and "DOSSIER_PASSWORD" in err and "terminal" in err  # no terminal: no prompt

    prompts: list[str] = []
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True, raising=False)
    monkeypatch.setattr(acting.getpass, "getpass", lambda prompt="": prompts.append(prompt) or PASSWORD)
    code, out, err = run(capsys, "--db", db_url, "section", "get", CODE, KEY, "--user", "chuyenvien")
    assert (code, err) == (0, "")
    assert len(prompts) == 1 and "chuyenvien" in prompts[0]

    code, out, err = run(
        capsys, "--db", db_url, "section", "get", CODE, KEY, "--user", "chuyenvien", "--password", PASSWORD
    )
    assert (code, out) == (2, "") and PASSWORD not in err and "DOSSIER_PASSWORD" in err


def test_saving_an_approved_section_starts_a_new_draft_as_the_editor_does(
    capsys: pytest.CaptureFixture[str], services: Services, db_url: str, tmp_path: Path
) -> None:
    """The service keeps no lock on approved text: a save makes a draft 'changed since approval', and says so."""
    section_id = make_project(services)
    services.dossiers.save_body(section_id, "Bản đã duyệt.\n")
    submitted = services.reviews.submit(section_id)
    services.accounts.add("lanhdao", ["manager"], PASSWORD)
    services.context.operator = Operator("lanhdao")  # another person than the text's author approves it
    services.reviews.approve(section_id, submitted.submitted_hash)
    services.context.operator = Operator(TESTER)
    source = tmp_path / "a.md"
    source.write_text("Bản sửa sau khi duyệt.\n", encoding="utf-8")
    code, out, err = run(capsys, "--db", db_url, "section", "put", CODE, KEY, str(source))
    assert (code, err) == (0, "")
    assert "approved → bản nháp/draft" in out and "changed since approval" in out
    assert services.reviews.review(section_id).changed_since_approval
