"""Who acts on a replica: the verifiers, roles and tokens of the people who signed in at the server from it;
offline sign-in with the lockout, the server's roles in every rights check (an officer approves nothing), the
accounts and restores that belong on the server, and the outbox cut into each person's runs."""

from datetime import timedelta
from pathlib import Path

import pytest

from dossier_app.domain.enums import Role
from dossier_app.domain.errors import (
    AccountLocked,
    AuthenticationFailed,
    OnReplica,
    PermissionDenied,
    SessionAccountDisabled,
    SessionExpired,
)
from dossier_app.domain.models import ReplicaPerson, Setting, utc_now
from dossier_app.services import Services
from dossier_app.services.core.context import Operator
from dossier_app.services.core.replica_state import REPLICA_SERVER_KEY
from dossier_app.services.dossier.projects import ProjectView
from dossier_app.services.sync.client import RemoteAccount, SignedIn
from dossier_app.services.sync.outbox import Outgoing, change
from dossier_app.services.sync.replica import SERVER_KEY
from tests.services.secret_scan import files_containing, text_columns_containing
from tests.services.support import section_by_key

OFFICER, MANAGER = "chuyenvien", "lanhdao"
OFFICER_NAME = "Nguyễn Văn An (chuyên viên)"
PASSWORD = "mat-khau-may-chu-1"
KEY = "tt.can_cu_phap_ly"


def signed(username: str, roles: tuple[str, ...], token: str, display: str = "", days: int = 30) -> SignedIn:
    """What the server answers a sign-in with."""
    return SignedIn(token, utc_now() + timedelta(days=days), RemoteAccount(username, display, roles))


def make_replica(services: Services) -> None:
    """This database synced with a server once (the setting replica.py keeps)."""
    with services.database.begin() as session:
        session.add(Setting(key=SERVER_KEY, value="http://127.0.0.1:8470"))


@pytest.fixture
def replica(services: Services) -> Services:
    """A replica where an officer and a manager signed in at the server."""
    make_replica(services)
    services.people.remember(PASSWORD, signed(OFFICER, ("officer",), "officer-token-1", OFFICER_NAME))
    services.people.remember(PASSWORD, signed(MANAGER, ("manager",), "manager-token-1"))
    return services


def test_only_a_verifier_of_the_password_is_kept_and_it_signs_in_offline(replica: Services) -> None:
    assert text_columns_containing(replica.database, PASSWORD) == []
    assert files_containing(replica.database, PASSWORD) == []
    assert replica.accounts.has_accounts()  # the window asks for a sign-in, not for a first administrator
    account = replica.accounts.authenticate("ChuyenVien", PASSWORD)
    assert (account.username, account.display_name, account.roles) == (OFFICER, OFFICER_NAME, {Role.OFFICER})
    with pytest.raises(AuthenticationFailed):
        replica.accounts.authenticate(OFFICER, "not-the-password")
    with pytest.raises(AuthenticationFailed):
        replica.accounts.authenticate("vanthu", PASSWORD)  # never signed in at the server from here


def test_five_wrong_passwords_lock_the_offline_sign_in(replica: Services) -> None:
    for _ in range(4):
        with pytest.raises(AuthenticationFailed):
            replica.accounts.authenticate(OFFICER, "wrong-password")
    with pytest.raises(AccountLocked):
        replica.accounts.authenticate(OFFICER, "wrong-password")
    with pytest.raises(AccountLocked):
        replica.accounts.authenticate(OFFICER, PASSWORD)  # locked even with the right password
    replica.accounts.authenticate(MANAGER, PASSWORD)  # the others are not


def test_the_server_roles_decide_an_officer_approves_nothing(replica: Services, itp: ProjectView) -> None:
    section = section_by_key(replica, itp.id, KEY)
    replica.context.operator = Operator(OFFICER)
    replica.dossiers.save_body(section.id, "Căn cứ Luật Đất đai 2024.\n")
    submitted = replica.reviews.submit(section.id)
    with pytest.raises(PermissionDenied):
        replica.reviews.approve(section.id, submitted.submitted_hash or "")
    replica.context.operator = Operator(MANAGER)
    with pytest.raises(PermissionDenied):
        replica.dossiers.save_body(section.id, "Một quản lý không soạn thảo.\n")
    assert replica.reviews.approve(section.id, submitted.submitted_hash or "").state.value == "approved"


def test_the_command_line_acts_as_who_last_synced(replica: Services) -> None:
    assert replica.people.acting_operator() == Operator(MANAGER)  # before any sync: who signed in here last
    replica.people.synced(MANAGER)
    assert replica.people.acting_operator() == Operator(MANAGER)
    replica.people.synced(OFFICER)
    assert replica.people.acting_operator() == Operator(OFFICER)
    assert not replica.people.acting_operator().is_local


def test_a_replica_nobody_synced_as_yet_acts_as_nobody(services: Services) -> None:
    assert REPLICA_SERVER_KEY == SERVER_KEY  # the setting every sync writes is what makes a replica
    assert not services.people.is_replica()
    make_replica(services)
    assert services.people.is_replica()
    operator = services.people.acting_operator()
    assert operator.name.startswith("replica:") and not operator.is_local


def test_accounts_and_restores_belong_on_the_server(replica: Services, tmp_path: Path) -> None:
    replica.context.operator = Operator("cli:tester")  # not even the local operator
    with pytest.raises(OnReplica, match="accounts are managed on the server"):
        replica.accounts.add("moi", [Role.OFFICER], "mat-khau-moi-1")
    with pytest.raises(OnReplica, match="restored on the server"):
        replica.backups.restore(tmp_path / "backup.sqlite3")


def test_an_expired_token_is_not_offered_and_a_refused_one_is_forgotten(replica: Services) -> None:
    assert replica.people.token(OFFICER) == "officer-token-1"
    replica.people.remember(PASSWORD, signed(OFFICER, ("officer",), "officer-token-2", OFFICER_NAME, days=-1))
    assert replica.people.token(OFFICER) is None
    replica.people.refused(MANAGER, SessionExpired(expires=utc_now()))
    assert replica.people.token(MANAGER) is None
    assert replica.accounts.authenticate(MANAGER, PASSWORD).username == MANAGER  # still signs in offline


def test_a_disabled_account_loses_its_token_and_its_offline_sign_in(replica: Services) -> None:
    replica.people.refused(OFFICER, SessionAccountDisabled(username=OFFICER))
    assert replica.people.person(OFFICER) is None
    with pytest.raises(AuthenticationFailed):
        replica.accounts.authenticate(OFFICER, PASSWORD)
    with replica.database.begin() as session:
        assert session.get(ReplicaPerson, 1) is None


class Signed:
    """A connection signed in as someone (runs() reads only who)."""

    def __init__(self, username: str) -> None:
        self.username = username


def outgoing(section: str, author: str, what: str) -> Outgoing:
    return Outgoing(change("sectioncomment", what, {"section": section}, what), what, author=author)


def test_the_outbox_is_cut_into_each_persons_runs_in_order(replica: Services) -> None:
    outbox = [
        outgoing("s1", MANAGER, "a"),  # the signed-in person's own: the connection's token
        outgoing("s1", OFFICER, "b"),
        outgoing("s2", OFFICER, "c"),
        outgoing("s2", "cli:tester", "d"),  # nobody this desktop knows: the connection's token
        outgoing("s3", MANAGER, "e"),
    ]
    waiting: list[str] = []
    runs = [
        (author, token, [item.label for item in items])
        for author, token, items in replica.people.runs(Signed(MANAGER), outbox, waiting)  # type: ignore[arg-type]
    ]
    assert runs == [("", None, ["a"]), (OFFICER, "officer-token-1", ["b", "c"]), ("", None, ["d", "e"])]
    assert waiting == []


def test_a_person_without_a_token_waits_with_what_builds_on_their_changes(replica: Services) -> None:
    replica.people.refused(OFFICER, SessionExpired(expires=utc_now()))
    outbox = [
        outgoing("s1", OFFICER, "b"),
        outgoing("s1", MANAGER, "after-b"),  # the same section: it builds on the officer's change
        outgoing("s2", MANAGER, "e"),
    ]
    waiting: list[str] = []
    runs = [
        [item.label for item in items]
        for _author, _token, items in replica.people.runs(Signed(MANAGER), outbox, waiting)  # type: ignore[arg-type]
    ]
    assert runs == [["e"]]
    assert waiting == [OFFICER_NAME]


class Me(Signed):
    """A connection whose person the server now describes with other roles."""

    def me(self) -> RemoteAccount:
        return RemoteAccount(self.username, "Nguyễn Văn An", ("officer", "manager"))


def test_a_sync_takes_the_roles_the_server_gives_now(replica: Services) -> None:
    replica.people.refresh(Me(OFFICER))  # type: ignore[arg-type]
    person = replica.people.person(OFFICER)
    assert person is not None and person.roles == {Role.OFFICER, Role.MANAGER} and person.name == "Nguyễn Văn An"
    replica.people.refresh(Me("vanthu"))  # type: ignore[arg-type]  # nobody remembered: nothing asked, nothing kept
    assert replica.people.person("vanthu") is None
