"""export, check-format and package verify: the exit codes of the contract."""

import subprocess
import sys
from pathlib import Path

import pytest
from docx import Document as new_docx

from dossier_app.app import main


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def demo_db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    db = str(tmp_path / "e.db")
    assert _run(capsys, "--db", db, "demo", "--households", "5")[0] == 0
    return db


def test_draft_export_then_check_format_and_verify(
    demo_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    code, stdout, _ = _run(capsys, "--db", demo_db, "export", "CT-HTP", "--out", str(out), "--draft", "--zip")
    assert code == 0, stdout
    (folder,) = [p for p in out.iterdir() if p.is_dir()]
    code, stdout, _ = _run(capsys, "check-format", str(folder / "To_trinh.docx"))
    assert code == 0 and stdout.count("PASS") >= 8 and "FAIL" not in stdout
    assert _run(capsys, "package", "verify", str(folder))[0] == 0
    assert _run(capsys, "package", "verify", str(folder.with_suffix(".zip")))[0] == 0
    pdf = folder / "To_trinh.pdf"
    pdf.write_bytes(pdf.read_bytes() + b"\n")
    code, stdout, _ = _run(capsys, "package", "verify", str(folder))
    assert code == 1 and "To_trinh.pdf" in stdout


def test_final_export_of_incomplete_dossier_exits_1_listing_sections(
    demo_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, stderr = _run(capsys, "--db", demo_db, "export", "CT-ITP", "--out", str(tmp_path / "o"))
    assert code == 1 and "Căn cứ pháp lý" in stderr
    assert not (tmp_path / "o").exists()


def test_final_export_of_the_demo_it_park_prints_the_check_red_items_and_exits_1(
    demo_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, stdout, _ = _run(capsys, "--db", demo_db, "check", "CT-ITP")
    red = [line.split("✗ THIẾU ", 1)[1] for line in stdout.splitlines() if "✗ THIẾU " in line]
    assert code == 1 and red
    code, _, stderr = _run(capsys, "--db", demo_db, "export", "CT-ITP", "--out", str(tmp_path / "o"))
    listed = [line.removeprefix("- ") for line in stderr.splitlines() if line.startswith("- ")]
    assert code == 1 and listed[: len(red)] == red and "dossier not ready" in stderr
    assert not (tmp_path / "o").exists()
    code, stdout, _ = _run(capsys, "--db", demo_db, "export", "CT-ITP", "--out", str(tmp_path / "d"), "--draft")
    assert code == 0 and "Phu_luc_I.pdf" in stdout and "Bang_tong_hop_y_kien.docx" in stdout


def test_check_format_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plain = tmp_path / "plain.docx"
    doc = new_docx()
    doc.add_paragraph("Văn bản không đúng thể thức.")
    doc.save(str(plain))
    code, stdout, _ = _run(capsys, "check-format", str(plain))
    assert code == 1 and "FAIL" in stdout
    broken = tmp_path / "broken.docx"
    broken.write_text("không phải docx", encoding="utf-8")
    code, _, stderr = _run(capsys, "check-format", str(broken))
    assert code == 2 and stderr.count("\n") == 1


def test_unknown_format_is_bad_usage(demo_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, stderr = _run(
        capsys, "--db", demo_db, "export", "CT-HTP", "--out", str(tmp_path), "--draft", "--format", "odt"
    )
    assert code == 2 and "odt" in stderr


def test_package_verify_of_a_folder_without_manifest_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(capsys, "package", "verify", str(tmp_path))[0] == 2


def test_export_number_is_checked_and_a_draft_prints_none(
    demo_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    code, _, stderr = _run(capsys, "--db", demo_db, "export", "CT-HTP", "--out", str(out), "--draft", "--number", "0")
    assert code == 2 and "1" in stderr and not out.exists()
    args = ("--db", demo_db, "export", "CT-HTP", "--out", str(out), "--draft", "--number", "7", "--format", "docx")
    code, stdout, _ = _run(capsys, *args)
    assert code == 0 and "numbers" not in stdout


def test_the_export_command_leaves_the_drawing_and_writing_libraries_to_its_workers(
    demo_db: str, tmp_path: Path
) -> None:
    code = (
        "import sys\n"
        "from dossier_app.app import main\n"
        "from dossier_app.export import workers\n"
        "from dossier_app.services.export import export_workers\n"
        "export_workers.cores = lambda: 2  # workers whatever this machine has\n"
        "started = []\n"
        "class Recording(workers.Workers):\n"
        "    def __init__(self, *args, **kwargs):\n"
        "        started.append('sqlmodel' in sys.modules)  # whether the database layer had loaded\n"
        "        super().__init__(*args, **kwargs)\n"
        "        started.append(self.start)\n"
        "export_workers.Workers = Recording\n"
        f"assert main(['--db', {demo_db!r}, 'export', 'CT-ITP', '--out', {str(tmp_path / 'o')!r}, '--draft']) == 0\n"
        "loaded = {name.split('.')[0] for name in sys.modules}\n"
        "print(started)\n"
        "print(sorted(loaded & {'matplotlib', 'docx', 'reportlab', 'pyhanko', 'pypdfium2', 'PIL', 'numpy'}))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=Path(__file__).parents[2]
    )
    *_, started, libraries = done.stdout.strip().splitlines()
    assert libraries == "[]", done.stdout + done.stderr
    # The workers started before the database opened, forked on Linux (one thread), spawned elsewhere.
    assert started == str([False, "fork" if sys.platform.startswith("linux") else "spawn"]), done.stdout + done.stderr
    (folder,) = [path for path in (tmp_path / "o").iterdir() if path.is_dir()]
    assert (folder / "Phu_luc_III.pdf").stat().st_size and (folder / "Phu_luc_II.docx").stat().st_size


def test_export_with_edxml_writes_the_message_that_verify_checks(
    demo_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    code, stdout, _ = _run(capsys, "--db", demo_db, "export", "CT-ITP", "--out", str(out), "--draft", "--edxml")
    assert code == 0 and "Goi_tin_edXML.edxml" in stdout
    (folder,) = [p for p in out.iterdir() if p.is_dir()]
    assert _run(capsys, "package", "verify", str(folder))[0] == 0


@pytest.mark.parametrize(
    ("extra", "vietnamese", "english"),
    [
        (("--edxml", "--from-organ", ""), "Chưa có mã định danh điện tử của cơ quan gửi", "sending agency is missing"),
        (("--edxml", "--to-organ", "1.2"), "không đúng dạng 000.00.00.H13", "'1.2' is not shaped like 000.00.00.H13"),
        (("--to-organ", "000.00.00.G22"), "hãy thêm --edxml", "add --edxml"),
    ],
)
def test_export_with_a_missing_or_misshapen_organ_code_exits_2_writing_nothing(
    demo_db: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    extra: tuple[str, ...],
    vietnamese: str,
    english: str,
) -> None:
    out = tmp_path / "out"
    code, _, stderr = _run(capsys, "--db", demo_db, "export", "CT-ITP", "--out", str(out), "--draft", *extra)
    assert code == 2 and vietnamese in stderr and english in stderr
    assert not out.exists()
