"""Accounts: argon2id hashes, the first administrator, lockout after five wrong passwords, permissions."""

from datetime import UTC, datetime, timedelta

import pytest
from argon2 import PasswordHasher
from sqlalchemy import text

from dossier_app.domain.enums import Role
from dossier_app.domain.errors import (
    AccountDisabled,
    AccountLocked,
    AuthenticationFailed,
    Conflict,
    NotFound,
    PermissionDenied,
    ValidationFailed,
)
from dossier_app.services import Services
from dossier_app.services.accounts.accounts import AccountService, production_hasher
from dossier_app.services.accounts.audit import AuditFilter
from dossier_app.services.core.context import Operator
from dossier_app.services.demo.demo import DEMO_ACCOUNTS, DEMO_PASSWORD
from tests.conftest import TESTER

ADMIN_PASSWORD = "quản trị 2025"
OFFICER_PASSWORD = "chuyen-vien-1"


class Clock:
    """A settable UTC clock, so five minutes pass in no time."""

    def __init__(self) -> None:
        self.now = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def clock(services: Services) -> Clock:
    """The services' clock, under the test's control."""
    fake = Clock()
    services.context.clock = fake
    return fake


@pytest.fixture
def admin(services: Services) -> Services:
    """A database whose first administrator `quantri` is the acting operator."""
    services.accounts.create_first_admin("quantri", ADMIN_PASSWORD, "Phạm Thị Dung")
    services.context.operator = Operator("quantri")
    return services


@pytest.fixture
def officer(admin: Services) -> Services:
    """An officer `chuyenvien` exists besides the administrator (still acting)."""
    admin.accounts.add("chuyenvien", ["officer"], OFFICER_PASSWORD, "Nguyễn Văn An")
    return admin


def _stored(services: Services, column: str, username: str) -> object:
    with services.database.engine.connect() as connection:
        return connection.execute(
            text(f"SELECT {column} FROM account WHERE username = :name"), {"name": username}
        ).scalar()


def _audit_count(services: Services) -> int:
    return services.audit.count()


def test_passwords_are_stored_as_argon2id(officer: Services) -> None:
    stored = str(_stored(officer, "password_hash", "chuyenvien"))
    assert stored.startswith("$argon2id$")
    assert OFFICER_PASSWORD not in stored
    assert PasswordHasher().verify(stored, OFFICER_PASSWORD)


def test_production_parameters_are_argon2id_with_the_tuned_cost() -> None:
    stored = production_hasher().hash("một mật khẩu dài")
    assert stored.startswith("$argon2id$v=19$m=65536,t=3,p=1$")


def test_first_admin_only_on_an_empty_database(services: Services) -> None:
    assert not services.accounts.has_accounts()
    created = services.accounts.create_first_admin("QuanTri", ADMIN_PASSWORD)
    assert (created.username, created.roles, created.created_by) == ("quantri", frozenset({Role.ADMIN}), TESTER)
    assert services.accounts.has_accounts()
    with pytest.raises(Conflict):
        services.accounts.create_first_admin("other", ADMIN_PASSWORD)
    assert [a.username for a in services.accounts.list()] == ["quantri"]


def test_add_and_list_without_hashes(officer: Services) -> None:
    officer.accounts.add("lanhdao", ["manager", "officer"], "lanh-dao-123", "Trần Thị Bình")
    listing = officer.accounts.list()
    assert [a.username for a in listing] == ["chuyenvien", "lanhdao", "quantri"]
    lanhdao = listing[1]
    assert lanhdao.roles == frozenset({Role.MANAGER, Role.OFFICER})
    assert lanhdao.display_name == "Trần Thị Bình"
    assert lanhdao.created_by == "quantri"
    assert not lanhdao.disabled and lanhdao.locked_until is None
    assert not any("hash" in name for name in vars(lanhdao))
    assert _stored(officer, "roles", "lanhdao") == "officer,manager"


def test_user_names_are_unique_whatever_the_case(officer: Services) -> None:
    with pytest.raises(Conflict):
        officer.accounts.add("ChuyenVien", ["clerk"], "another-password")
    assert officer.accounts.authenticate("CHUYENVIEN", OFFICER_PASSWORD).username == "chuyenvien"


@pytest.mark.parametrize(
    ("username", "roles", "password", "field"),
    [
        ("vanthu", ["clerk"], "short7!", "password"),
        ("vanthu", [], "long-enough", "roles"),
        ("vanthu", ["secretary"], "long-enough", "roles"),
        ("cli:root", ["admin"], "long-enough", "username"),
        ("văn thư", ["clerk"], "long-enough", "username"),
        ("", ["clerk"], "long-enough", "username"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_stored(
    officer: Services, username: str, roles: list[str], password: str, field: str
) -> None:
    before, entries = officer.accounts.list(), _audit_count(officer)
    with pytest.raises(ValidationFailed) as caught:
        officer.accounts.add(username, roles, password)
    assert caught.value.field == field
    assert officer.accounts.list() == before
    assert _audit_count(officer) == entries


def test_password_minimum_is_eight_characters(officer: Services) -> None:
    with pytest.raises(ValidationFailed) as caught:
        officer.accounts.set_password("chuyenvien", "1234567")
    assert caught.value.field == "password"
    assert "8" in caught.value.message
    officer.accounts.set_password("chuyenvien", "12345678")
    assert officer.accounts.authenticate("chuyenvien", "12345678").username == "chuyenvien"


def test_wrong_password_and_unknown_name_give_the_same_refusal(officer: Services) -> None:
    with pytest.raises(AuthenticationFailed) as wrong:
        officer.accounts.authenticate("chuyenvien", "not the password")
    with pytest.raises(AuthenticationFailed) as unknown:
        officer.accounts.authenticate("nobody", OFFICER_PASSWORD)
    assert wrong.value.message == unknown.value.message
    assert officer.accounts.get("chuyenvien").failed_attempts == 1


def test_five_wrong_passwords_lock_for_five_minutes(officer: Services, clock: Clock) -> None:
    for attempt in range(1, 5):
        with pytest.raises(AuthenticationFailed):
            officer.accounts.authenticate("chuyenvien", f"wrong {attempt}")
        assert officer.accounts.get("chuyenvien").failed_attempts == attempt
    with pytest.raises(AccountLocked) as caught:
        officer.accounts.authenticate("chuyenvien", "wrong 5")
    until = clock.now + timedelta(minutes=5)
    assert caught.value.locked_until == until
    assert "chuyenvien" in caught.value.message and "08:05:00" in caught.value.message
    assert officer.accounts.get("chuyenvien").locked_until == until

    clock.advance(minutes=4, seconds=59)
    with pytest.raises(AccountLocked):
        officer.accounts.authenticate("chuyenvien", OFFICER_PASSWORD)
    clock.advance(seconds=1)
    account = officer.accounts.authenticate("chuyenvien", OFFICER_PASSWORD)
    assert (account.failed_attempts, account.locked_until) == (0, None)
    [lock] = officer.audit.entries(AuditFilter(action="account.lock"))
    assert lock.summary.startswith("chuyenvien: 5 wrong passwords")


def test_only_wrong_passwords_in_a_row_count(officer: Services, clock: Clock) -> None:
    for _ in range(4):
        with pytest.raises(AuthenticationFailed):
            officer.accounts.authenticate("chuyenvien", "wrong")
    officer.accounts.authenticate("chuyenvien", OFFICER_PASSWORD)
    for _ in range(4):
        with pytest.raises(AuthenticationFailed):
            officer.accounts.authenticate("chuyenvien", "wrong")
    assert officer.accounts.get("chuyenvien").locked_until is None


def test_after_a_lock_expires_five_more_wrong_passwords_lock_again(officer: Services, clock: Clock) -> None:
    for _ in range(5):
        with pytest.raises((AuthenticationFailed, AccountLocked)):
            officer.accounts.authenticate("chuyenvien", "wrong")
    clock.advance(minutes=6)
    for _ in range(4):
        with pytest.raises(AuthenticationFailed):
            officer.accounts.authenticate("chuyenvien", "wrong")
    with pytest.raises(AccountLocked):
        officer.accounts.authenticate("chuyenvien", "wrong")


def test_a_password_reset_lifts_the_lock(officer: Services, clock: Clock) -> None:
    for _ in range(5):
        with pytest.raises((AuthenticationFailed, AccountLocked)):
            officer.accounts.authenticate("chuyenvien", "wrong")
    officer.accounts.set_password("chuyenvien", "mat-khau-moi")
    assert officer.accounts.authenticate("chuyenvien", "mat-khau-moi").locked_until is None


def test_disabled_account_is_refused_until_enabled(officer: Services) -> None:
    assert officer.accounts.disable("chuyenvien").disabled
    with pytest.raises(AccountDisabled) as caught:
        officer.accounts.authenticate("chuyenvien", OFFICER_PASSWORD)
    assert "chuyenvien" in caught.value.message
    with pytest.raises(AuthenticationFailed):
        officer.accounts.authenticate("chuyenvien", "wrong password")
    officer.accounts.enable("chuyenvien")
    assert officer.accounts.authenticate("chuyenvien", OFFICER_PASSWORD).username == "chuyenvien"


@pytest.mark.parametrize("operator", ["tester", "chuyenvien", "quantri-disabled"])
def test_account_changes_need_an_administrator(officer: Services, operator: str) -> None:
    if operator == "quantri-disabled":
        officer.accounts.add("quantri2", ["admin"], "second-admin")
        officer.accounts.disable("quantri2")
        operator = "quantri2"
    officer.context.operator = Operator(operator)
    before, entries = officer.accounts.list(), _audit_count(officer)
    attempts = [
        lambda: officer.accounts.add("vanthu", ["clerk"], "van-thu-123"),
        lambda: officer.accounts.disable("quantri"),
        lambda: officer.accounts.enable("quantri"),
        lambda: officer.accounts.set_roles("chuyenvien", ["admin"]),
        lambda: officer.accounts.set_password("quantri", "taken-over"),
    ]
    for attempt in attempts:
        with pytest.raises(PermissionDenied) as caught:
            attempt()
        assert operator in caught.value.message
    assert officer.accounts.list() == before
    assert _audit_count(officer) == entries


def test_the_command_line_operator_acts_as_administrator(services: Services) -> None:
    services.context.operator = Operator("cli:root")
    added = services.accounts.add("vanthu", ["clerk"], "van-thu-123")
    assert added.created_by == "cli:root"
    services.accounts.set_roles("vanthu", ["clerk", "officer"])
    services.accounts.set_password("vanthu", "van-thu-456")
    services.accounts.disable("vanthu")
    assert services.accounts.get("vanthu").disabled


def test_a_person_may_change_their_own_password(officer: Services) -> None:
    officer.context.operator = Operator("chuyenvien")
    officer.accounts.set_password("chuyenvien", "tu-doi-mat-khau")
    assert officer.accounts.authenticate("chuyenvien", "tu-doi-mat-khau").username == "chuyenvien"


def test_the_last_administrator_stays(officer: Services) -> None:
    with pytest.raises(Conflict):
        officer.accounts.disable("quantri")
    with pytest.raises(Conflict):
        officer.accounts.set_roles("quantri", ["officer"])
    officer.accounts.set_roles("chuyenvien", ["officer", "admin"])
    officer.accounts.disable("quantri")
    assert officer.accounts.get("quantri").disabled


def test_unknown_account_is_named(officer: Services) -> None:
    with pytest.raises(NotFound) as caught:
        officer.accounts.disable("khongco")
    assert "khongco" in caught.value.message


def test_an_outdated_hash_is_upgraded_at_sign_in(officer: Services) -> None:
    stronger = PasswordHasher(time_cost=2, memory_cost=16, parallelism=1)
    upgraded = AccountService(officer.context, officer.audit, stronger)
    upgraded.authenticate("chuyenvien", OFFICER_PASSWORD)
    assert "m=16,t=2,p=1" in str(_stored(officer, "password_hash", "chuyenvien"))


def test_demo_creates_one_account_per_role_once(services: Services) -> None:
    assert not services.demo.is_demo()
    assert services.demo.demo_accounts() == ()
    first = services.demo.load()
    assert first.accounts_created == ("chuyenvien", "lanhdao", "vanthu", "quantri")
    assert first.password == DEMO_PASSWORD
    assert services.demo.is_demo()
    assert services.demo.demo_accounts() == DEMO_ACCOUNTS
    roles = {a.username: a.roles for a in services.accounts.list()}
    assert roles == {
        "chuyenvien": frozenset({Role.OFFICER}),
        "lanhdao": frozenset({Role.MANAGER}),
        "vanthu": frozenset({Role.CLERK}),
        "quantri": frozenset({Role.ADMIN}),
    }
    for name in roles:
        assert services.accounts.authenticate(name, DEMO_PASSWORD).username == name
    assert services.demo.load().accounts_created == ()
    assert len(services.accounts.list()) == 4


def test_demo_into_a_real_database_needs_an_administrator(officer: Services) -> None:
    officer.context.operator = Operator("chuyenvien")
    with pytest.raises(PermissionDenied):
        officer.demo.load()
    assert not officer.demo.is_demo()
    assert [a.username for a in officer.accounts.list()] == ["chuyenvien", "quantri"]
    assert officer.projects.summaries() == []
    officer.context.operator = Operator("quantri")
    assert officer.demo.load().accounts_created == ("lanhdao", "vanthu")
