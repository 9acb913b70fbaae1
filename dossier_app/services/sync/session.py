"""A desktop's session at the department server, kept between syncs: the window signs in once (an argon2 check on
the server, the costliest step of a small sync) and every later sync carries the same token until the server
refuses it (expired, signed out, account disabled), when it signs in again with the password it holds."""

from dataclasses import dataclass
from typing import TYPE_CHECKING

from dossier_app.domain.errors import SessionRefused

if TYPE_CHECKING:
    from dossier_app.services import Services
    from dossier_app.services.sync.client import ServerTrust
    from dossier_app.services.sync.replica import SyncReport


@dataclass(frozen=True)
class SessionSync:
    """One sync's report, the token to carry next time and how the server was trusted."""

    report: "SyncReport"
    token: str | None
    trust: "ServerTrust"
    signed_in: bool  # whether this sync had to sign in (no token, or the server refused it)


def sync_in_session(
    services: "Services", server: str, username: str, password: str, token: str | None, client_label: str
) -> SessionSync:
    """Sync this replica with `server` on the session `token`, signing in first when there is none or the server
    refuses it; the session is left open for the next sync."""
    from dossier_app.services.sync.client import SyncConnection  # httpx loads with it: only when syncing

    with SyncConnection(server, pins=services.replica) as connection:
        trust = connection.connect()
        if token:
            connection.token = token
            try:
                return SessionSync(services.replica.sync(connection), connection.token, trust, signed_in=False)
            except SessionRefused:
                pass  # a sync stopped here resumes safely: sign in and sync again
        connection.sign_in(username, password, client_label)
        return SessionSync(services.replica.sync(connection), connection.token, trust, signed_in=True)
