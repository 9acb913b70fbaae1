"""Who is acting and what they may do: every writing service checks here, inside its own transaction."""

from sqlmodel import Session, select

from dossier_app.domain.accounts import decode_roles, normalise_username
from dossier_app.domain.lifecycle import Action, Actor, require
from dossier_app.domain.models import Account
from dossier_app.services.core.context import LOCAL_OPERATOR_PREFIX, ServiceContext
from dossier_app.services.core.replica_state import replica_person
from dossier_app.storage.database import IN_BATCH

_ACTORS = "actors"  # session.info of a batch: the people already resolved in it


def actor_for(session: Session, name: str) -> Actor:
    """The acting person: the local operator, a replica's person with the server's roles, an account with its
    roles, or nobody with no roles at all."""
    if name.startswith(LOCAL_OPERATOR_PREFIX):
        return Actor(name, frozenset())
    person = replica_person(session, name)
    if person is not None:  # on a replica, the roles the server reported at the person's last sign-in there
        return Actor(person.username, decode_roles(person.roles))
    row = session.exec(select(Account).where(Account.username == normalise_username(name))).first()
    if row is None:
        return Actor(name, frozenset())
    return Actor(row.username, decode_roles(row.roles), row.disabled)


def current_actor(session: Session, context: ServiceContext) -> Actor:
    """The operator of `context`, resolved in the caller's transaction; once per batch (a push changes no
    account, so the roles it checks stay those its first change found)."""
    name = context.operator.name
    if not session.info.get(IN_BATCH):
        return actor_for(session, name)
    known: dict[str, Actor] = session.info.setdefault(_ACTORS, {})
    if name not in known:
        known[name] = actor_for(session, name)
    return known[name]


def require_action(session: Session, context: ServiceContext, action: Action) -> Actor:
    """The acting operator, or PermissionDenied (before anything is written) when their roles do not allow it."""
    actor = current_actor(session, context)
    require(actor, action)
    return actor
