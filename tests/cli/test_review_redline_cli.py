"""`review redline CODE KEY --out FILE.docx [--from N] [--to N]`: the tracked-changes Word file from a script, the
last approved revision to the latest by default, and one bilingual line for anything it cannot do."""

from pathlib import Path

import pytest

from dossier_app.cli import acting
from dossier_app.services import Services
from tests.cli.section_support import CODE, KEY, VIETNAMESE, make_project, run
from tests.export.redline_support import expected_lines, resolved_lines

CHANGED = VIETNAMESE.replace("45,5", "47,0").replace("- Đề án kèm theo.", "- Đề án kèm theo;\n- Bản đồ vị trí.")


@pytest.fixture(autouse=True)
def nobody_named(monkeypatch: pytest.MonkeyPatch) -> None:
    """The local operator acts unless a test says otherwise."""
    monkeypatch.delenv(acting.USER_ENV, raising=False)


@pytest.fixture
def two_revisions(capsys: pytest.CaptureFixture[str], services: Services, db_url: str, tmp_path: Path) -> int:
    """Revision 1 and revision 2 of the section, written from the command line; nothing approved."""
    section_id = make_project(services)
    for number, text in enumerate((VIETNAMESE, CHANGED), start=1):
        source = tmp_path / f"ban-{number}.md"
        source.write_text(text, encoding="utf-8")
        code, _out, err = run(capsys, "--db", db_url, "section", "put", CODE, KEY, str(source))
        assert (code, err) == (0, "")
    return section_id


def redline(capsys: pytest.CaptureFixture[str], url: str, *argv: str) -> tuple[int, str, str]:
    """`review redline …` (CODE and KEY given by the test)."""
    return run(capsys, "--db", url, "review", "redline", *argv)


def test_without_an_approval_it_compares_with_the_empty_text_and_says_so(
    capsys: pytest.CaptureFixture[str], db_url: str, two_revisions: int, tmp_path: Path
) -> None:
    out_file = tmp_path / "so-sanh.docx"
    code, out, err = redline(capsys, db_url, CODE, KEY, "--out", str(out_file))
    assert (code, err) == (0, "")
    assert "nothing approved yet: compared with empty text" in out and "Chưa có phiên bản nào được duyệt" in out
    assert "Đến / to: phiên bản 2" in out and f"Đã ghi / written: {out_file}" in out
    assert resolved_lines(out_file, accept=True) == expected_lines(CHANGED)
    assert resolved_lines(out_file, accept=False) == []


def test_from_and_to_take_the_numbers_the_history_shows(
    capsys: pytest.CaptureFixture[str], db_url: str, two_revisions: int, tmp_path: Path
) -> None:
    out_file = tmp_path / "1-2.docx"
    code, out, err = redline(capsys, db_url, CODE, KEY, "--out", str(out_file), "--from", "1", "--to", "2")
    assert (code, err) == (0, "")
    assert "Từ / from: phiên bản 1" in out and "Đến / to: phiên bản 2" in out and "empty text" not in out
    assert resolved_lines(out_file, accept=True) == expected_lines(CHANGED)
    assert resolved_lines(out_file, accept=False) == expected_lines(VIETNAMESE)


@pytest.mark.parametrize(
    ("argv", "english"),
    [
        ((CODE, KEY, "--from", "9"), "has no revision 9; its revisions are 1 to 2."),
        ((CODE, KEY, "--to", "hai"), "--to takes a revision number as the history shows it (1, 2, …), not 'hai'."),
        ((CODE, "tt.khong_co"), "has no section 'tt.khong_co'"),
        (("CT-KHONG", KEY), "CT-KHONG"),
        ((CODE, KEY, "--out-name"), ""),
    ],
)
def test_bad_input_is_exit_2_with_one_bilingual_line_and_no_file(
    capsys: pytest.CaptureFixture[str],
    db_url: str,
    two_revisions: int,
    tmp_path: Path,
    argv: tuple[str, ...],
    english: str,
) -> None:
    out_file = tmp_path / "so-sanh.docx"
    if argv[-1] == "--out-name":  # argparse's own refusal: an unknown option
        with pytest.raises(SystemExit) as stopped:
            redline(capsys, db_url, *argv, "--out", str(out_file))
        assert stopped.value.code == 2
    else:
        code, out, err = redline(capsys, db_url, *argv, "--out", str(out_file))
        assert code == 2 and out == ""
        line = err.strip()
        assert "\n" not in line and line.startswith("lỗi / error: ") and english in line
        vietnamese = line.removeprefix("lỗi / error: ").split(" — ")[0]
        assert vietnamese != english and any(letter in vietnamese for letter in "ươđăâêôơ")
    assert not out_file.exists()


def test_an_unwritable_file_is_exit_2_naming_it(
    capsys: pytest.CaptureFixture[str], db_url: str, two_revisions: int, tmp_path: Path
) -> None:
    target = tmp_path / "khong-co" / "so-sanh.docx"
    code, _out, err = redline(capsys, db_url, CODE, KEY, "--out", str(target))
    assert code == 2 and str(target) in err and "cannot be written" in err and " — " in err
    code, _out, err = redline(capsys, db_url, CODE, KEY, "--out", str(tmp_path / "so-sanh.pdf"))
    assert code == 2 and "must end in .docx" in err
