"""Shared by the token and server tests: a settable clock and a database with an administrator and an officer."""

from datetime import UTC, datetime, timedelta

from dossier_app.domain.enums import Role
from dossier_app.services import Services
from dossier_app.services.core.context import Operator

ADMIN, ADMIN_PASSWORD = "quantri", "quản trị 2025"
OFFICER, OFFICER_PASSWORD = "canbo", "Mật-khẩu-cán-bộ-1"


class Clock:
    """A settable UTC clock, so thirty days pass in no time."""

    def __init__(self) -> None:
        self.now = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


def with_accounts(services: Services) -> Services:
    """The first administrator and one officer, added as the local operator (which the services keep acting as)."""
    services.accounts.create_first_admin(ADMIN, ADMIN_PASSWORD, "Phạm Thị Dung")
    services.accounts.add(OFFICER, [Role.OFFICER], OFFICER_PASSWORD, "Nguyễn Văn An")
    return services


def as_admin(services: Services) -> Services:
    """The same database acting as the administrator, as the window does after the sign-in."""
    return services.acting_as(Operator(ADMIN))
