"""export --sign P12: the passphrase from DOSSIER_P12_PASSWORD or a prompt, never an argument; verify shows the
signatures it checked. export --sign-pkcs11 MODULE --token-label --key-label: every PDF signed through a USB token
(SoftHSM2 here), the PIN from DOSSIER_PKCS11_PIN or a hidden prompt; each refusal exits 2 before any folder exists."""

import io
import shutil
import subprocess
from pathlib import Path

import pytest

from dossier_app.app import main
from dossier_app.cli.export import PKCS11_PIN_ENV
from tests.export.signing_support import PASSPHRASE, SIGNER_CN, write_p12
from tests.export.token_support import SoftToken, make_token


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


@pytest.fixture
def token(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> SoftToken:
    return make_token(tmp_path / "hsm", monkeypatch)


def _export(db: str, out: Path, token: SoftToken, *extra: str) -> tuple[str, ...]:
    return ("--db", db, "export", "CT-HTP", "--out", str(out), "--draft", "--format", "pdf",
            "--sign-pkcs11", str(token.module), "--token-label", token.token_label,
            "--key-label", token.key_label, *extra)  # fmt: skip


def test_export_signed_through_the_token_passes_pdfsig_and_package_verify(
    demo_db: str, token: SoftToken, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(PKCS11_PIN_ENV, token.pin)
    out = tmp_path / "out"
    code, stdout, stderr = _run(capsys, *_export(demo_db, out, token))
    assert code == 0, stderr
    assert "PAdES" in stdout and token.pin not in stdout + stderr
    (folder,) = [p for p in out.iterdir() if p.is_dir()]
    pdfs = sorted(folder.rglob("*.pdf"))
    assert len(pdfs) == 7
    code, stdout, _ = _run(capsys, "package", "verify", str(folder))
    assert code == 0, stdout
    lines = [line for line in stdout.splitlines() if "signature" in line]
    assert len(lines) == 7 and all(line.startswith("OK") and SIGNER_CN in line for line in lines)
    if shutil.which("pdfsig") is None:
        pytest.skip("pdfsig (poppler-utils) is not installed")
    for pdf in pdfs:
        report = subprocess.run(["pdfsig", str(pdf)], capture_output=True, text=True, check=False).stdout
        assert "Signature is Valid" in report and SIGNER_CN in report, pdf.name
    code, stdout, _ = _run(capsys, "--db", demo_db, "audit", "log", "--limit", "200")
    assert code == 0 and "signed by" in stdout and token.pin not in stdout


def test_wrong_pin_exits_2_and_writes_no_folder(
    demo_db: str, token: SoftToken, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(PKCS11_PIN_ENV, "135799")
    out = tmp_path / "out"
    code, stdout, stderr = _run(capsys, *_export(demo_db, out, token))
    assert code == 2 and "PIN" in stderr and token.token_label in stderr
    assert len(stderr.strip().splitlines()) == 1 and " — " in stderr  # one line, Vietnamese then English
    assert "135799" not in stdout + stderr
    assert not out.exists()


@pytest.mark.parametrize(
    ("option", "value", "named"),
    [("--key-label", "Khóa khác", "Khóa khác"), ("--token-label", "Token khác", "Token khác")],
)
def test_unknown_key_or_token_label_exits_2_and_writes_no_folder(
    demo_db: str,
    token: SoftToken,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    option: str,
    value: str,
    named: str,
) -> None:
    monkeypatch.setenv(PKCS11_PIN_ENV, token.pin)
    out = tmp_path / "out"
    code, _, stderr = _run(capsys, *_export(demo_db, out, token, option, value))  # the last of a repeated option wins
    assert code == 2 and named in stderr and len(stderr.strip().splitlines()) == 1
    assert not out.exists()


def test_a_missing_driver_exits_2(demo_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                  monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    monkeypatch.setenv(PKCS11_PIN_ENV, "1234")
    out = tmp_path / "out"
    driver = tmp_path / "libkhongco.so"
    argv = ("--db", demo_db, "export", "CT-HTP", "--out", str(out), "--draft", "--sign-pkcs11", str(driver),
            "--token-label", "t", "--key-label", "k")  # fmt: skip
    code, _, stderr = _run(capsys, *argv)
    assert code == 2 and str(driver) in stderr and not out.exists()


def test_the_labels_are_required_and_p12_and_token_exclude_each_other(
    demo_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(PKCS11_PIN_ENV, "1234")
    out = tmp_path / "out"
    base = ("--db", demo_db, "export", "CT-HTP", "--out", str(out), "--draft", "--sign-pkcs11", "/x/driver.so")
    code, _, stderr = _run(capsys, *base, "--token-label", "t")
    assert code == 2 and "--key-label" in stderr
    code, _, stderr = _run(capsys, *base, "--token-label", "t", "--key-label", "k", "--sign", "k.p12")
    assert code == 2 and "--sign-pkcs11" in stderr
    assert not out.exists()


def test_without_the_pin_variable_and_without_a_terminal_it_refuses(
    demo_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(PKCS11_PIN_ENV, raising=False)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    out = tmp_path / "out"
    argv = ("--db", demo_db, "export", "CT-HTP", "--out", str(out), "--draft", "--sign-pkcs11", "/x/driver.so",
            "--token-label", "t", "--key-label", "k")  # fmt: skip
    code, _, stderr = _run(capsys, *argv)
    assert code == 2 and PKCS11_PIN_ENV in stderr and not out.exists()


def test_on_a_terminal_the_pin_is_asked_hidden(
    demo_db: str, token: SoftToken, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(PKCS11_PIN_ENV, raising=False)
    monkeypatch.setattr("sys.stdin.isatty", lambda: True, raising=False)
    asked: list[str] = []

    def fake_getpass(prompt: str = "") -> str:
        asked.append(prompt)
        return token.pin

    monkeypatch.setattr("getpass.getpass", fake_getpass)
    out = tmp_path / "out"
    code, stdout, stderr = _run(capsys, *_export(demo_db, out, token))
    assert code == 0, stderr
    assert len(asked) == 1 and token.token_label in asked[0] and "PIN" in asked[0]
    assert token.pin not in stdout + stderr


def test_the_pin_is_never_an_argument(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["export", "CT-HTP", "--out", "x", "--sign-pkcs11", "m.so", "--token-label", "t", "--key-label", "k",
              "--pin", "1234"])  # fmt: skip
    assert exited.value.code == 2
    capsys.readouterr()
