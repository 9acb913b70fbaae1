"""Rules of local accounts: user names, password length, roles, the lockout after wrong passwords."""

import re
from collections.abc import Iterable
from datetime import timedelta

from dossier_app.domain.enums import Role
from dossier_app.domain.errors import QT_TRANSLATE_NOOP, ValidationFailed

USERNAME_PATTERN = re.compile(r"^[a-z0-9][a-z0-9._-]{0,63}$")
MIN_PASSWORD_LENGTH = 8
MAX_PASSWORD_LENGTH = 1024
MAX_DISPLAY_NAME = 120
LOCK_AFTER_FAILURES = 5
LOCK_DURATION = timedelta(minutes=5)
ROLE_ORDER = (Role.OFFICER, Role.MANAGER, Role.CLERK, Role.ADMIN)


def normalise_username(username: str) -> str:
    """User names are compared without case: `QuanTri` signs in as `quantri`."""
    return username.strip().lower()


def validate_username(username: str) -> str:
    """A user name of ASCII letters, digits, dots, dashes, underscores; never `cli:…`, the local operator."""
    name = normalise_username(username)
    if not USERNAME_PATTERN.match(name):
        raise ValidationFailed(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The user name '{value}' must be 1 to 64 letters (a–z, without accents), digits, dots, "
                "dashes or underscores, starting with a letter or digit.",
            ),
            field="username",
            value=username,
        )
    return name


def validate_password(password: str) -> str:
    """Passwords need at least eight characters; spaces count, nothing is trimmed."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationFailed(
            QT_TRANSLATE_NOOP("Errors", "The password must have at least {minimum} characters."),
            field="password",
            minimum=MIN_PASSWORD_LENGTH,
        )
    if len(password) > MAX_PASSWORD_LENGTH:
        raise ValidationFailed(
            QT_TRANSLATE_NOOP("Errors", "The password must have at most {maximum} characters."),
            field="password",
            maximum=MAX_PASSWORD_LENGTH,
        )
    return password


def validate_display_name(display_name: str) -> str:
    """A display name is optional free text, on one line."""
    name = " ".join(display_name.split())
    if len(name) > MAX_DISPLAY_NAME:
        raise ValidationFailed(
            QT_TRANSLATE_NOOP("Errors", "The display name is longer than {limit} characters."),
            field="display_name",
            limit=MAX_DISPLAY_NAME,
        )
    return name


def parse_roles(values: Iterable[str | Role]) -> frozenset[Role]:
    """Roles as typed (`officer`, `Manager`); at least one, each known."""
    roles: set[Role] = set()
    for value in values:
        text = str(value).strip().lower()
        try:
            roles.add(Role(text))
        except ValueError:
            raise ValidationFailed(
                QT_TRANSLATE_NOOP("Errors", "Unknown role '{value}': use officer, manager, clerk or admin."),
                field="roles",
                value=str(value),
            ) from None
    if not roles:
        raise ValidationFailed(QT_TRANSLATE_NOOP("Errors", "An account needs at least one role."), field="roles")
    return frozenset(roles)


def encode_roles(roles: Iterable[Role]) -> str:
    """Roles as the comma list the `account` table stores, in a fixed order."""
    held = set(roles)
    return ",".join(role.value for role in ROLE_ORDER if role in held)


def decode_roles(stored: str) -> frozenset[Role]:
    """The stored comma list back as roles; unknown words (from a newer program) are skipped."""
    known = {role.value: role for role in Role}
    return frozenset(known[word] for word in stored.split(",") if word in known)
