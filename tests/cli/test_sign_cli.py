"""export --sign P12: the passphrase from DOSSIER_P12_PASSWORD or a prompt, never an argument; verify shows the
signatures it checked."""

import io
from pathlib import Path

import pytest

from dossier_app.app import main
from tests.export.signing_support import PASSPHRASE, SIGNER_CN, write_p12


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def demo_db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    db = str(tmp_path / "s.db")
    assert _run(capsys, "--db", db, "demo", "--households", "5")[0] == 0
    return db


def test_signed_export_then_verify_lists_signatures(
    demo_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    p12 = write_p12(tmp_path)
    monkeypatch.setenv("DOSSIER_P12_PASSWORD", PASSPHRASE)
    out = tmp_path / "out"
    argv = ("--db", demo_db, "export", "CT-HTP", "--out", str(out), "--draft", "--format", "pdf", "--sign", str(p12))
    code, stdout, stderr = _run(capsys, *argv)
    assert code == 0, stderr
    assert "PAdES" in stdout and PASSPHRASE not in stdout + stderr
    (folder,) = [p for p in out.iterdir() if p.is_dir()]
    code, stdout, _ = _run(capsys, "package", "verify", str(folder))
    assert code == 0
    lines = [line for line in stdout.splitlines() if "signature" in line]
    assert len(lines) == 7 and all(line.startswith("OK") and SIGNER_CN in line for line in lines)
    assert any("To_trinh.pdf" in line for line in lines)
    code, stdout, stderr = _run(capsys, "--db", demo_db, "audit", "log", "--limit", "200")
    assert code == 0 and "signed by" in stdout and PASSPHRASE not in stdout


def test_wrong_passphrase_exits_2_and_writes_no_folder(
    demo_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    p12 = write_p12(tmp_path)
    monkeypatch.setenv("DOSSIER_P12_PASSWORD", "mật-mã-sai-7319")
    out = tmp_path / "out"
    argv = ("--db", demo_db, "export", "CT-HTP", "--out", str(out), "--draft", "--sign", str(p12))
    code, stdout, stderr = _run(capsys, *argv)
    assert code == 2 and "passphrase" in stderr and str(p12) in stderr
    assert "mật-mã-sai-7319" not in stdout + stderr
    assert not out.exists()


def test_without_the_variable_and_without_a_terminal_it_refuses(
    demo_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("DOSSIER_P12_PASSWORD", raising=False)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    out = tmp_path / "out"
    argv = ("--db", demo_db, "export", "CT-HTP", "--out", str(out), "--draft", "--sign", str(tmp_path / "k.p12"))
    code, _, stderr = _run(capsys, *argv)
    assert code == 2 and "DOSSIER_P12_PASSWORD" in stderr
    assert not out.exists()


def test_on_a_terminal_the_passphrase_is_asked_hidden(
    demo_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    p12 = write_p12(tmp_path)
    monkeypatch.delenv("DOSSIER_P12_PASSWORD", raising=False)
    monkeypatch.setattr("sys.stdin.isatty", lambda: True, raising=False)
    asked: list[str] = []

    def fake_getpass(prompt: str = "") -> str:
        asked.append(prompt)
        return PASSPHRASE

    monkeypatch.setattr("getpass.getpass", fake_getpass)
    out = tmp_path / "out"
    argv = ("--db", demo_db, "export", "CT-HTP", "--out", str(out), "--draft", "--format", "pdf", "--sign", str(p12))
    code, stdout, stderr = _run(capsys, *argv)
    assert code == 0, stderr
    assert len(asked) == 1 and str(p12) in asked[0]
    assert PASSPHRASE not in stdout + stderr


def test_the_passphrase_is_never_an_argument(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["export", "CT-HTP", "--out", "x", "--sign", "k.p12", "--password", "secret"])
    assert exited.value.code == 2
    capsys.readouterr()
