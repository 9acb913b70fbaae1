"""What every service needs: the database, the file store, the regimes and who is acting."""

import getpass
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from dossier_app.domain.errors import QT_TRANSLATE_NOOP, NotFound
from dossier_app.domain.models import utc_now
from dossier_app.domain.outline import Regime
from dossier_app.storage.database import Database
from dossier_app.storage.files import BlobStore


def os_account() -> str:
    """The operating-system account running the program, for audit fields."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


LOCAL_OPERATOR_PREFIX = "cli:"
MAX_ATTACHMENT_ENV = "DOSSIER_MAX_ATTACHMENT_MB"
DEFAULT_MAX_ATTACHMENT_MB = 100


def attachment_limit_from_env() -> int:
    """The attachment size limit: DOSSIER_MAX_ATTACHMENT_MB (a whole number of MB) or 100 MB."""
    try:
        megabytes = int(os.environ.get(MAX_ATTACHMENT_ENV, "") or DEFAULT_MAX_ATTACHMENT_MB)
    except ValueError:
        megabytes = DEFAULT_MAX_ATTACHMENT_MB
    return max(1, megabytes) * 1_048_576


@dataclass
class Operator:
    """Who the changes are recorded against; the CLI acts as `cli:<os account>`."""

    name: str

    @property
    def is_local(self) -> bool:
        """The command line acts as the local operator: whoever may write the database file may run it."""
        return self.name.startswith(LOCAL_OPERATOR_PREFIX)


@dataclass
class ServiceContext:
    """Shared by the services of one open database; built once by the composition root."""

    database: Database
    files: BlobStore
    regimes: dict[str, Regime]
    operator: Operator
    clock: Callable[[], datetime] = field(default=utc_now)
    max_attachment_bytes: int = field(default_factory=attachment_limit_from_env)

    def regime(self, key: str) -> Regime:
        """A regime by key, or a clear error when the data files lack it."""
        try:
            return self.regimes[key]
        except KeyError:
            raise NotFound(QT_TRANSLATE_NOOP("Errors", "Unknown legal regime '{key}'."), key=key) from None
