"""A library's identity: the server's database has a random id (a setting made once, made anew by a restore) that
every feed answer carries in `Library-Id`; a replica pins the first one it pulls from and stops, with nothing
pulled or pushed, when the server presents another. Without it a server restored from an older backup, whose
version has since grown past a replica's cursor, would hand the replica a history that is not the one it holds.
"""

import uuid

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from dossier_app.domain.errors import LibraryChanged
from dossier_app.domain.models import Setting
from dossier_app.storage.database import Database

LIBRARY_HEADER = "Library-Id"
LIBRARY_ID_KEY = "sync.library_id"  # on the server: this database's library id
PINNED_LIBRARY_KEY = "sync.library"  # on a replica: the library id of the server it pulled from


def library_id(database: Database) -> str:
    """The database's library id, made at the first call (two servers starting at once agree on one)."""
    with database.begin() as session:
        row = session.get(Setting, LIBRARY_ID_KEY)
        if row is not None and row.value:
            return row.value
    try:
        with database.begin() as session:
            row = session.get(Setting, LIBRARY_ID_KEY) or Setting(key=LIBRARY_ID_KEY)
            if not row.value:
                row.value = str(uuid.uuid4())
                session.add(row)
            return row.value
    except IntegrityError:  # another request made it in between: take that one
        with database.begin() as session:
            row = session.get(Setting, LIBRARY_ID_KEY)
            assert row is not None
            return row.value


def renew_library_id(session: Session) -> str:
    """A new id, after a restore replaced the library's history: replicas of the old one stop instead of mixing."""
    row = session.get(Setting, LIBRARY_ID_KEY) or Setting(key=LIBRARY_ID_KEY)
    row.value = str(uuid.uuid4())
    session.add(row)
    return row.value


def pinned_library(session: Session) -> str:
    """The library id this replica pulled from ("" before its first sync with a server that sends one)."""
    row = session.get(Setting, PINNED_LIBRARY_KEY)
    return row.value if row is not None else ""


def check_library(session: Session, presented: str, server: str) -> None:
    """LibraryChanged when the server presents a library other than the pinned one; nothing to check when the
    server sends no id (an older server) or the replica pinned none yet."""
    pinned = pinned_library(session)
    if presented and pinned and presented != pinned:
        raise LibraryChanged(server=server, pinned=pinned, presented=presented)


def pin_library(session: Session, presented: str) -> None:
    """Remember the library this replica now holds a copy of (in the pull's own transaction)."""
    if presented and pinned_library(session) != presented:
        row = session.get(Setting, PINNED_LIBRARY_KEY) or Setting(key=PINNED_LIBRARY_KEY)
        row.value = presented
        session.add(row)
