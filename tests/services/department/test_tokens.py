"""Session tokens of the department server: issued through the password check, kept hashed, refused when ended."""

import pytest
from sqlmodel import select

from dossier_app.domain.errors import (
    AccountDisabled,
    AccountLocked,
    AuthenticationFailed,
    SessionExpired,
    SessionRefused,
    SessionRevoked,
    ValidationFailed,
)
from dossier_app.domain.models import SessionToken
from dossier_app.services import Services
from dossier_app.services.accounts.audit import AuditFilter
from dossier_app.services.core.context import Operator
from dossier_app.services.department.tokens import TOKEN_LIFETIME, token_digest
from tests.services.secret_scan import files_containing, text_columns_containing
from tests.services.sync.token_support import (
    ADMIN,
    OFFICER,
    OFFICER_PASSWORD,
    Clock,
    as_admin,
    with_accounts,
)


@pytest.fixture
def clock(services: Services) -> Clock:
    fake = Clock()
    services.context.clock = fake
    return fake


@pytest.fixture
def accounts(services: Services, clock: Clock) -> Services:
    return with_accounts(services)


def _rows(services: Services) -> list[SessionToken]:
    with services.database.begin() as session:
        return list(session.exec(select(SessionToken)).all())


def test_sign_in_issues_a_token_that_resolves_to_the_account(accounts: Services, clock: Clock) -> None:
    issued = accounts.tokens.sign_in(OFFICER.upper(), OFFICER_PASSWORD, "  Laptop   chị Lan ")
    assert len(issued.token) == 43
    assert issued.expires == clock.now + TOKEN_LIFETIME
    assert issued.account.username == OFFICER
    assert accounts.tokens.resolve(issued.token).username == OFFICER
    [row] = _rows(accounts)
    assert (row.token_sha256, row.client, row.revoked_at) == (token_digest(issued.token), "Laptop chị Lan", None)
    [entry] = accounts.audit.entries(AuditFilter(action="session.sign_in"))
    assert entry.actor == OFFICER
    assert "Laptop chị Lan" in entry.summary
    assert issued.token not in entry.summary


def test_each_sign_in_gets_its_own_token(accounts: Services) -> None:
    first = accounts.tokens.sign_in(OFFICER, OFFICER_PASSWORD)
    second = accounts.tokens.sign_in(OFFICER, OFFICER_PASSWORD)
    assert first.token != second.token
    assert len(_rows(accounts)) == 2


def test_wrong_password_and_unknown_name_issue_nothing(accounts: Services) -> None:
    with pytest.raises(AuthenticationFailed):
        accounts.tokens.sign_in(OFFICER, "not the password")
    with pytest.raises(AuthenticationFailed):
        accounts.tokens.sign_in("khong-co-ai", OFFICER_PASSWORD)
    assert _rows(accounts) == []


def test_the_lockout_holds_at_the_server(accounts: Services, clock: Clock) -> None:
    for _ in range(4):
        with pytest.raises(AuthenticationFailed):
            accounts.tokens.sign_in(OFFICER, "wrong password")
    with pytest.raises(AccountLocked):
        accounts.tokens.sign_in(OFFICER, "wrong password")
    with pytest.raises(AccountLocked):
        accounts.tokens.sign_in(OFFICER, OFFICER_PASSWORD)
    assert _rows(accounts) == []
    clock.advance(minutes=6)
    assert accounts.tokens.sign_in(OFFICER, OFFICER_PASSWORD).account.username == OFFICER


def test_a_disabled_account_cannot_sign_in(accounts: Services) -> None:
    as_admin(accounts).accounts.disable(OFFICER)
    with pytest.raises(AccountDisabled):
        accounts.tokens.sign_in(OFFICER, OFFICER_PASSWORD)
    assert _rows(accounts) == []


def test_a_token_expires_after_its_lifetime(accounts: Services, clock: Clock) -> None:
    issued = accounts.tokens.sign_in(OFFICER, OFFICER_PASSWORD)
    clock.advance(days=29, hours=23)
    assert accounts.tokens.resolve(issued.token).username == OFFICER
    clock.advance(hours=1)
    with pytest.raises(SessionExpired) as expired:
        accounts.tokens.resolve(issued.token)
    assert expired.value.params["expires"] == issued.expires.strftime("%Y-%m-%d %H:%M:%S UTC")


def test_sign_out_ends_the_session_once(accounts: Services) -> None:
    issued = accounts.tokens.sign_in(OFFICER, OFFICER_PASSWORD, "desk")
    other = accounts.tokens.sign_in(OFFICER, OFFICER_PASSWORD, "laptop")
    assert accounts.tokens.sign_out(issued.token).username == OFFICER
    with pytest.raises(SessionRevoked):
        accounts.tokens.resolve(issued.token)
    with pytest.raises(SessionRevoked):
        accounts.tokens.sign_out(issued.token)
    assert accounts.tokens.resolve(other.token).username == OFFICER  # the other desktop stays signed in
    [entry] = accounts.audit.entries(AuditFilter(action="session.sign_out"))
    assert (entry.actor, "desk" in entry.summary) == (OFFICER, True)


def test_disabling_an_account_ends_all_its_sessions_at_once(accounts: Services) -> None:
    tokens = [accounts.tokens.sign_in(OFFICER, OFFICER_PASSWORD).token for _ in range(2)]
    admins = accounts.tokens.sign_in(ADMIN, "quản trị 2025").token
    as_admin(accounts).accounts.disable(OFFICER)
    for token in tokens:
        with pytest.raises(SessionRevoked):
            accounts.tokens.resolve(token)
    assert accounts.tokens.resolve(admins).username == ADMIN
    officer_id = accounts.accounts.get(OFFICER).id
    ended = sorted((row.account_id == officer_id, row.revoked_at is not None) for row in _rows(accounts))
    assert ended == [(False, False), (True, True), (True, True)]  # the administrator's session stays open
    [entry] = accounts.audit.entries(AuditFilter(action="account.disable"))
    assert "2 server session(s) ended" in entry.summary
    as_admin(accounts).accounts.enable(OFFICER)
    with pytest.raises(SessionRevoked):  # enabling again revives no old session: sign in anew
        accounts.tokens.resolve(tokens[0])


def test_a_disabled_account_is_refused_even_with_an_open_token(accounts: Services) -> None:
    """Should a session row ever stay open (an older program disabled the account), resolve still refuses it."""
    issued = accounts.tokens.sign_in(OFFICER, OFFICER_PASSWORD)
    as_admin(accounts).accounts.disable(OFFICER)
    with accounts.database.begin() as session:
        for row in session.exec(select(SessionToken)):
            row.revoked_at = None
            session.add(row)
    with pytest.raises(SessionRevoked):
        accounts.tokens.resolve(issued.token)


@pytest.mark.parametrize("token", ["", "x" * 200, "abc def", "tôi-là-token", "a" * 43, "../../etc/passwd"])
def test_malformed_or_unknown_tokens_are_refused(accounts: Services, token: str) -> None:
    with pytest.raises(SessionRefused):
        accounts.tokens.resolve(token)
    with pytest.raises(SessionRefused):
        accounts.tokens.sign_out(token)


def test_a_client_label_must_be_short_printable_text(accounts: Services) -> None:
    for label in ("x" * 81, "bell\x07"):
        with pytest.raises(ValidationFailed):
            accounts.tokens.sign_in(OFFICER, OFFICER_PASSWORD, label)
    assert _rows(accounts) == []


def test_the_token_is_never_stored_in_clear(accounts: Services) -> None:
    issued = accounts.tokens.sign_in(OFFICER, OFFICER_PASSWORD, "desk")
    accounts.tokens.resolve(issued.token)
    accounts.tokens.sign_out(issued.token)
    accounts.database.dispose()  # the WAL checkpointed into the file
    assert text_columns_containing(accounts.database, issued.token) == []
    assert files_containing(accounts.database, issued.token) == []
    assert text_columns_containing(accounts.database, token_digest(issued.token)) == ["sessiontoken.token_sha256"]


def test_acting_as_gives_each_request_its_own_operator(accounts: Services) -> None:
    first, second = accounts.acting_as(Operator("a")), accounts.acting_as(Operator("b"))
    assert (first.context.operator.name, second.context.operator.name) == ("a", "b")
    assert accounts.context.operator.name.startswith("cli:")
    assert first.database is accounts.database
    assert first.context.clock is accounts.context.clock
