"""Helpers of the review tests: a cast of accounts, acting as one of them, and snapshots of what is stored."""

from dataclasses import dataclass
from typing import Any

from sqlalchemy import text

from dossier_app.domain.enums import Role
from dossier_app.services import Services
from dossier_app.services.core.context import Operator

PASSWORD = "a-password-8"
# name → roles; `former` is disabled, `ghost` has no account at all.
CAST: dict[str, tuple[Role, ...]] = {
    "an": (Role.OFFICER,),
    "binh": (Role.MANAGER,),
    "cuong": (Role.CLERK,),
    "dung": (Role.ADMIN,),
    "em": (Role.OFFICER, Role.MANAGER),
    "former": (Role.OFFICER, Role.MANAGER, Role.CLERK, Role.ADMIN),
}
LOCAL = "cli:root"
TABLES = ("section", "sectionrevision", "sectioncomment", "auditentry")


def create_cast(services: Services) -> None:
    """The accounts of CAST, created and `former` disabled by the local operator."""
    act_as(services, LOCAL)
    for name, roles in CAST.items():
        services.accounts.add(name, roles, PASSWORD)
    services.accounts.disable("former")


def act_as(services: Services, name: str) -> None:
    """From now on the services act as `name`."""
    services.context.operator = Operator(name)


@dataclass(frozen=True)
class Snapshot:
    """Everything a refused action must leave as it was."""

    counts: dict[str, int]
    review: Any
    comments: Any
    body: str


def snapshot(services: Services, section_id: int) -> Snapshot:
    """Row counts, the section's review state, its comments and its text."""
    with services.database.engine.connect() as connection:
        counts = {t: int(connection.execute(text(f"SELECT count(*) FROM {t}")).scalar() or 0) for t in TABLES}
    return Snapshot(
        counts,
        services.reviews.review(section_id),
        services.reviews.comments(section_id),
        services.dossiers.section(section_id).body,
    )


def write(services: Services, section_id: int, body: str, author: str = "an") -> str:
    """Save `body` as `author` and return the new revision's hash."""
    act_as(services, author)
    services.dossiers.save_body(section_id, body)
    return services.dossiers.revisions(section_id)[0].content_hash
