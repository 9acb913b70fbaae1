"""`user add|list|disable|enable|passwd` and `audit verify` as a person or a script calls them."""

import sqlite3
from pathlib import Path

import pytest

from dossier_app.app import main
from dossier_app.cli import accounts as cli_accounts
from dossier_app.services import open_services
from dossier_app.services.core.context import Operator
from dossier_app.services.demo.demo import DEMO_PASSWORD
from tests.conftest import FAST_HASHER

PASSWORD = "mat-khau-an-toan"


@pytest.fixture(autouse=True)
def cheap_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    """The command line hashes with the cheapest argon2id here; bench/password_hash.py times the real one."""
    monkeypatch.setattr("dossier_app.services.accounts.accounts.production_hasher", lambda: FAST_HASHER)
    monkeypatch.delenv(cli_accounts.PASSWORD_ENV, raising=False)


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _sign_in(url: str, username: str, password: str) -> str:
    services = open_services(url, Operator("tester"), password_hasher=FAST_HASHER)
    try:
        return services.accounts.authenticate(username, password).username
    finally:
        services.close()


def _list_rows(out: str) -> dict[str, list[str]]:
    rows = {}
    for line in out.splitlines()[1:]:
        cells = [cell for cell in line.split("  ") if cell.strip()]
        rows[cells[0].strip()] = [cell.strip() for cell in cells[1:]]
    return rows


def test_user_add_list_disable_passwd(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, db_url: str
) -> None:
    monkeypatch.setenv(cli_accounts.PASSWORD_ENV, PASSWORD)
    code, out, err = _run(
        capsys, "--db", db_url, "user", "add", "LanhDao", "--role", "manager", "--role", "officer",
        "--display-name", "Trần Thị Bình",
    )  # fmt: skip
    assert (code, err) == (0, "")
    assert "lanhdao (officer, manager)" in out
    assert _sign_in(db_url, "lanhdao", PASSWORD) == "lanhdao"

    code, out, err = _run(capsys, "--db", db_url, "user", "add", "quantri", "--role", "admin")
    assert (code, err) == (0, "")
    code, out, err = _run(capsys, "--db", db_url, "user", "list")
    assert (code, err) == (0, "")
    rows = _list_rows(out)
    assert list(rows) == ["lanhdao", "quantri"]
    assert rows["lanhdao"][:3] == ["Trần Thị Bình", "officer,manager", "hoạt động/active"]
    assert rows["lanhdao"][3].startswith("cli:")
    assert "argon2" not in out

    code, out, err = _run(capsys, "--db", db_url, "user", "disable", "LANHDAO")
    assert (code, err) == (0, "")
    assert "vô hiệu/disabled" in _list_rows(_run(capsys, "--db", db_url, "user", "list")[1])["lanhdao"]

    monkeypatch.setenv(cli_accounts.PASSWORD_ENV, "mat-khau-moi-1")
    code, out, err = _run(capsys, "--db", db_url, "user", "passwd", "quantri")
    assert (code, err) == (0, "")
    assert _sign_in(db_url, "quantri", "mat-khau-moi-1") == "quantri"

    code, out, err = _run(capsys, "--db", db_url, "user", "enable", "lanhdao")
    assert (code, err) == (0, "")
    assert _sign_in(db_url, "lanhdao", PASSWORD) == "lanhdao"


@pytest.mark.parametrize(
    "argv",
    [
        ["user", "add", "vanthu", "--role", "clerk", "--password", "bi-mat-123"],
        ["user", "passwd", "vanthu", "--password", "bi-mat-123"],
    ],
)
def test_a_password_argument_is_refused(capsys: pytest.CaptureFixture[str], sqlite_url: str, argv: list[str]) -> None:
    code, out, err = _run(capsys, "--db", sqlite_url, *argv)
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1
    assert "DOSSIER_PASSWORD" in err and "bi-mat-123" not in err


def test_a_password_as_an_extra_word_is_bad_usage(capsys: pytest.CaptureFixture[str], sqlite_url: str) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["--db", sqlite_url, "user", "add", "vanthu", "bi-mat-123", "--role", "clerk"])
    assert caught.value.code == 2


def test_no_password_and_no_terminal_exits_2(capsys: pytest.CaptureFixture[str], sqlite_url: str) -> None:
    code, out, err = _run(capsys, "--db", sqlite_url, "user", "add", "vanthu", "--role", "clerk")
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1
    assert "DOSSIER_PASSWORD" in err and "terminal" in err
    assert "vanthu" not in _run(capsys, "--db", sqlite_url, "user", "list")[1]


class Terminal:
    """A terminal where the person types the given passwords at the hidden prompts."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, *typed: str) -> None:
        self.typed = list(typed)
        self.prompts: list[str] = []
        monkeypatch.setattr(cli_accounts.sys.stdin, "isatty", lambda: True, raising=False)
        monkeypatch.setattr(cli_accounts.getpass, "getpass", self.getpass)

    def getpass(self, prompt: str = "") -> str:
        self.prompts.append(prompt)
        return self.typed.pop(0)


def test_the_prompt_asks_twice(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, sqlite_url: str
) -> None:
    terminal = Terminal(monkeypatch, PASSWORD, PASSWORD)
    code, _out, err = _run(capsys, "--db", sqlite_url, "user", "add", "vanthu", "--role", "clerk")
    assert (code, err) == (0, "")
    assert len(terminal.prompts) == 2 and "vanthu" in terminal.prompts[0]
    assert _sign_in(sqlite_url, "vanthu", PASSWORD) == "vanthu"


def test_two_different_passwords_change_nothing(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, sqlite_url: str
) -> None:
    Terminal(monkeypatch, PASSWORD, PASSWORD + "x")
    code, _out, err = _run(capsys, "--db", sqlite_url, "user", "add", "vanthu", "--role", "clerk")
    assert code == 2 and "differ" in err
    assert "vanthu" not in _run(capsys, "--db", sqlite_url, "user", "list")[1]


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (["user", "add", "vanthu", "--role", "clerk"], "8"),  # DOSSIER_PASSWORD too short
        (["user", "disable", "khongco"], "khongco"),
        (["user", "passwd", "khongco"], "khongco"),
    ],
)
def test_bad_input_exits_2_with_one_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, sqlite_url: str, argv: list[str], needle: str
) -> None:
    monkeypatch.setenv(cli_accounts.PASSWORD_ENV, "short")
    code, out, err = _run(capsys, "--db", sqlite_url, *argv)
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and needle in err


def test_unknown_role_is_bad_usage(capsys: pytest.CaptureFixture[str], sqlite_url: str) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["--db", sqlite_url, "user", "add", "vanthu", "--role", "secretary"])
    assert caught.value.code == 2


def test_demo_prints_its_accounts_and_password(capsys: pytest.CaptureFixture[str], sqlite_url: str) -> None:
    code, out, err = _run(capsys, "--db", sqlite_url, "demo")
    assert (code, err) == (0, "")
    for name in ("chuyenvien", "lanhdao", "vanthu", "quantri"):
        assert name in out
    assert DEMO_PASSWORD in out
    assert _sign_in(sqlite_url, "lanhdao", DEMO_PASSWORD) == "lanhdao"


# audit verify ---------------------------------------------------------------------------------------


def _history(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, url: str) -> None:
    """Five entries: accounts added and changed from the command line."""
    monkeypatch.setenv(cli_accounts.PASSWORD_ENV, PASSWORD)
    for argv in (
        ["user", "add", "quantri", "--role", "admin"],
        ["user", "add", "chuyenvien", "--role", "officer"],
        ["user", "add", "lanhdao", "--role", "manager"],
        ["user", "disable", "chuyenvien"],
        ["user", "passwd", "lanhdao"],
    ):
        assert _run(capsys, "--db", url, *argv)[0] == 0


def test_audit_verify_intact_exits_0(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, db_url: str
) -> None:
    _history(capsys, monkeypatch, db_url)
    code, out, err = _run(capsys, "--db", db_url, "audit", "verify")
    assert (code, err) == (0, "")
    assert "intact: 5 entries" in out
    code, out, err = _run(capsys, "--db", db_url, "audit", "log", "--limit", "2")
    assert (code, err) == (0, "")
    assert [line.split()[0] for line in out.splitlines()] == ["5", "4"]


def test_audit_verify_on_an_empty_database(capsys: pytest.CaptureFixture[str], sqlite_url: str) -> None:
    assert _run(capsys, "--db", sqlite_url, "audit", "verify")[:2] == (
        0,
        "Nhật ký thao tác nguyên vẹn — audit trail intact: 0 entries\n",
    )


TAMPERING = {
    "update": ("UPDATE auditentry SET summary = 'quantri (officer)' WHERE id = 1", "entry 1 was altered"),
    "update-middle": ("UPDATE auditentry SET actor = 'someone-else' WHERE id = 3", "entry 3 was altered"),
    "delete": ("DELETE FROM auditentry WHERE id = 3", "entry 3 was removed"),
    "delete-two": ("DELETE FROM auditentry WHERE id IN (2, 3)", "entries 2–3 were removed"),
    "delete-last": ("DELETE FROM auditentry WHERE id = 5", "entry 5 was removed"),
    "insert": (
        "INSERT INTO auditentry (id, at, actor, action, entity_type, entity_id, project_id, summary, prev_hash, hash) "
        "SELECT 6, at, 'cli:ke-gian', 'account.add', 'account', '9', NULL, 'ke-gian (admin)', hash, "
        "'0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef' FROM auditentry WHERE id = 5",
        "entry 6 was inserted",
    ),
}


@pytest.mark.parametrize("kind", list(TAMPERING))
def test_tampering_with_the_sqlite_file_exits_1_naming_the_entry(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path, kind: str
) -> None:
    path = tmp_path / "hồ sơ.sqlite3"
    _history(capsys, monkeypatch, str(path))
    statement, expected = TAMPERING[kind]
    with sqlite3.connect(path) as connection:
        connection.execute(statement)
    connection.close()
    code, out, err = _run(capsys, "--db", str(path), "audit", "verify")
    assert (code, err) == (1, "")
    assert len(out.strip().splitlines()) == 1
    assert expected in out
