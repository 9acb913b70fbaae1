"""SQLModel tables, one module per capability; `from dossier_app.domain.models import X` loads X's module only.

A command that lists projects needs three tables, not thirty: each name is imported from its module on first use
(PEP 562), with the modules its foreign keys name. `load_all()` registers every table on `SQLModel.metadata`, for
Alembic and the schema tests.
"""

import importlib
from typing import TYPE_CHECKING, Any

from dossier_app.domain.moments import as_utc, utc_now

if TYPE_CHECKING:
    from dossier_app.domain.models.accounts import Account, AuditEntry, ReplicaPerson, SessionToken, Setting
    from dossier_app.domain.models.columns import UNSTAMPED, SyncedRow, new_uid, new_uids
    from dossier_app.domain.models.completeness import (
        ConditionCheck,
        ConditionEvidence,
        Consultation,
        MinistryComment,
        ProjectFacts,
    )
    from dossier_app.domain.models.dossier import (
        Attachment,
        Document,
        Project,
        Section,
        SectionComment,
        SectionRevision,
        StoredBlob,
        StoredBlobChunk,
    )
    from dossier_app.domain.models.export import DocumentCounter, PackageExport
    from dossier_app.domain.models.milestones import (
        BaselineEntry,
        Holiday,
        MilestoneBaseline,
        MilestonePlan,
        MilestoneStep,
        ReviewSchedule,
    )
    from dossier_app.domain.models.register import (
        AffectedParty,
        Asset,
        CatalogueEntry,
        CompensationLine,
        LandParcel,
        Resettlement,
        SyncRowConflict,
    )
    from dossier_app.domain.models.sync import (
        SyncAppliedChange,
        SyncConflict,
        SyncRecordConflict,
        SyncShadow,
        SyncState,
        SyncTombstone,
    )

    SYNCED_MODELS: tuple[type[SyncedRow], ...]

__all__ = [
    "SYNCED_MODELS",
    "SYNCED_NAMES",
    "UNSTAMPED",
    "Account",
    "AffectedParty",
    "Asset",
    "Attachment",
    "AuditEntry",
    "BaselineEntry",
    "CatalogueEntry",
    "CompensationLine",
    "ConditionCheck",
    "ConditionEvidence",
    "Consultation",
    "Document",
    "DocumentCounter",
    "Holiday",
    "LandParcel",
    "MilestoneBaseline",
    "MilestonePlan",
    "MilestoneStep",
    "MinistryComment",
    "PackageExport",
    "Project",
    "ProjectFacts",
    "ReplicaPerson",
    "Resettlement",
    "ReviewSchedule",
    "Section",
    "SectionComment",
    "SectionRevision",
    "SessionToken",
    "Setting",
    "StoredBlob",
    "StoredBlobChunk",
    "SyncAppliedChange",
    "SyncConflict",
    "SyncRecordConflict",
    "SyncRowConflict",
    "SyncShadow",
    "SyncState",
    "SyncTombstone",
    "SyncedRow",
    "as_utc",
    "load_all",
    "new_uid",
    "new_uids",
    "utc_now",
]

# The synced tables by class name, in the order the change feed and the migration list them. Local to one
# database, never synced: Account and SessionToken (accounts live on the server), ReplicaPerson (a desktop keeps
# only the verifiers, roles and tokens of who signed in on it), AuditEntry and Setting (each database's own hash
# chain and facts), StoredBlob and StoredBlobChunk (bytes travel by SHA-256, not as rows), PackageExport (where
# this machine wrote a package), SyncState and SyncTombstone (the server's own bookkeeping), SyncAppliedChange (the
# server's applied push ids), SyncShadow, SyncConflict and SyncRowConflict (a replica's own view of the server and
# its conflicts).
SYNCED_NAMES: tuple[str, ...] = (
    "Project",
    "Document",
    "Section",
    "SectionRevision",
    "Attachment",
    "SectionComment",
    "AffectedParty",
    "LandParcel",
    "Asset",
    "CompensationLine",
    "Resettlement",
    "CatalogueEntry",
    "Consultation",
    "DocumentCounter",
    "MilestonePlan",
    "ReviewSchedule",
    "Holiday",
    "MilestoneStep",
    "MilestoneBaseline",
    "BaselineEntry",
    "ProjectFacts",
    "ConditionCheck",
    "ConditionEvidence",
    "MinistryComment",
)

_MODULE_OF = {
    "Account": "accounts",
    "AffectedParty": "register",
    "Asset": "register",
    "Attachment": "dossier",
    "AuditEntry": "accounts",
    "BaselineEntry": "milestones",
    "CatalogueEntry": "register",
    "CompensationLine": "register",
    "ConditionCheck": "completeness",
    "ConditionEvidence": "completeness",
    "Consultation": "completeness",
    "Document": "dossier",
    "DocumentCounter": "export",
    "Holiday": "milestones",
    "LandParcel": "register",
    "MilestoneBaseline": "milestones",
    "MilestonePlan": "milestones",
    "MilestoneStep": "milestones",
    "MinistryComment": "completeness",
    "PackageExport": "export",
    "Project": "dossier",
    "ProjectFacts": "completeness",
    "ReplicaPerson": "accounts",
    "Resettlement": "register",
    "ReviewSchedule": "milestones",
    "Section": "dossier",
    "SectionComment": "dossier",
    "SectionRevision": "dossier",
    "SessionToken": "accounts",
    "Setting": "accounts",
    "StoredBlob": "dossier",
    "StoredBlobChunk": "dossier",
    "SyncAppliedChange": "sync",
    "SyncConflict": "sync",
    "SyncRecordConflict": "sync",
    "SyncRowConflict": "register",
    "SyncShadow": "sync",
    "SyncState": "sync",
    "SyncTombstone": "sync",
    "SyncedRow": "columns",
    "UNSTAMPED": "columns",
    "new_uid": "columns",
    "new_uids": "columns",
}


def __getattr__(name: str) -> Any:
    """Import the module that defines a table the first time the table is asked for."""
    if name == "SYNCED_MODELS":  # every synced table class: loads them all
        return tuple(getattr(importlib.import_module(f"{__name__}.{_MODULE_OF[n]}"), n) for n in SYNCED_NAMES)
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{module}"), name)


def load_all() -> None:
    """Register every table on SQLModel.metadata (Alembic's autogenerate, the schema tests)."""
    for module in sorted(set(_MODULE_OF.values())):
        importlib.import_module(f"{__name__}.{module}")
