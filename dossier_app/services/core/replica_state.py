"""Whether this database is a desktop's replica of the department server, who signed in at the server from it
(`services/sync/people.py` keeps them), and what a replica leaves to the server.

A database becomes a replica at its first sync, which records the server it pulled from (`services/sync/replica.py`
writes the setting at every sync). Accounts and restores belong on the server: on a replica they are refused with
`OnReplica`, in both languages.
"""

from sqlmodel import Session, col, select

from dossier_app.domain.accounts import normalise_username
from dossier_app.domain.errors import QT_TRANSLATE_NOOP, OnReplica
from dossier_app.domain.models import ReplicaPerson, Setting

REPLICA_SERVER_KEY = "sync.server"  # replica.SERVER_KEY: the server this replica last pulled from

NOT_HERE_ACCOUNTS = QT_TRANSLATE_NOOP("Errors", "accounts are managed")
NOT_HERE_RESTORE = QT_TRANSLATE_NOOP("Errors", "a backup is restored")


def is_replica(session: Session) -> bool:
    """Whether this database has synced with a department server."""
    row = session.get(Setting, REPLICA_SERVER_KEY)
    return row is not None and bool(row.value)


def refuse_on_replica(session: Session, action: str) -> None:
    """OnReplica when this database is a replica: `action` (an English phrase, translated) belongs on the server."""
    if is_replica(session):
        raise OnReplica(action=action)


def replica_person(session: Session, username: str) -> ReplicaPerson | None:
    """The person of that account name who signed in at the server from this desktop, if any."""
    name = normalise_username(username)
    return session.exec(select(ReplicaPerson).where(col(ReplicaPerson.username) == name)).first()
