"""SQLModel tables: projects, documents, sections, revisions, comments, accounts, the audit trail, the land register."""

import os
import uuid
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import BigInteger, Column, DateTime, Index, LargeBinary, Numeric, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from dossier_app.domain.enums import SectionState


def utc_now() -> datetime:
    """Events are stored in UTC and shown in local time."""
    return datetime.now(UTC)


def as_utc(moment: datetime) -> datetime:
    """SQLite hands back naive datetimes; every stored moment is UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _moment() -> Any:
    """A UTC timestamp column that defaults to now."""
    return Field(default_factory=utc_now, sa_type=DateTime(timezone=True))


def new_uid() -> str:
    """A global id made where the row is made (no server round trip, no collision between offline desktops)."""
    return str(uuid.uuid4())


def new_uids(count: int) -> list[str]:
    """Many version-4 UUIDs at once, as uuid4 would make them, for bulk inserts: from one read of the system's
    random source, five times faster than `count` calls of uuid4 (a 100,000-party register needs half a million)."""
    digits = os.urandom(16 * count).hex()
    made = []
    for start in range(0, 32 * count, 32):
        h = digits[start : start + 32]
        made.append(f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{'89ab'[int(h[16], 16) & 3]}{h[17:20]}-{h[20:]}")
    return made


UNSTAMPED = 0  # a synced row written in the current transaction: storage/sync_log gives it a version at commit


class SyncedRow(SQLModel):
    """What every synced table carries: a global id and the library version of its last change (0 until the
    transaction that wrote it commits; storage/sync_log stamps it). Named `sync_version` because Section.version
    is already the editor's own save counter."""

    uid: str = Field(default_factory=new_uid, max_length=36, unique=True, index=True)
    sync_version: int = Field(
        default=UNSTAMPED, index=True, sa_type=BigInteger, sa_column_kwargs={"server_default": "0"}
    )


def _revision_ref() -> Any:
    """A revision id kept without a foreign key (sections and revisions refer to each other); the change feed
    still sends it as the revision's uid."""
    return Field(default=None, sa_column_kwargs={"info": {"references": "sectionrevision"}})


class Project(SyncedRow, table=True):
    """A park to establish: the facts every document of its dossier quotes."""

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=32, unique=True, index=True)
    name: str = Field(max_length=300)
    kind: str = Field(max_length=20)
    regime_key: str = Field(max_length=40)
    location: str = Field(default="", max_length=300)
    ward: str = Field(default="", max_length=120)
    area_ha: Decimal | None = Field(default=None, sa_column=Column(Numeric(14, 4), nullable=True))
    investor: str = Field(default="", max_length=300)
    total_investment_vnd: int | None = Field(default=None, sa_column=Column(BigInteger, nullable=True))
    governing_body: str = Field(default="", max_length=200)
    issuing_body: str = Field(default="", max_length=200)
    signer_title: str = Field(default="", max_length=200)
    signer_name: str = Field(default="", max_length=120)
    created_at: datetime = _moment()
    updated_at: datetime = _moment()
    updated_by: str = Field(default="", max_length=120)


class Document(SyncedRow, table=True):
    """One document of a project's dossier (Tờ trình, Đề án), built from its regime's outline."""

    __table_args__ = (UniqueConstraint("project_id", "kind"),)

    id: int | None = Field(default=None, primary_key=True)
    project_id: int = Field(foreign_key="project.id", index=True, ondelete="CASCADE")
    kind: str = Field(max_length=20)
    title: str = Field(max_length=300)
    position: int = 0


class Section(SyncedRow, table=True):
    """A node of a document's outline and the Markdown body written for it."""

    id: int | None = Field(default=None, primary_key=True)
    document_id: int = Field(foreign_key="document.id", index=True, ondelete="CASCADE")
    parent_id: int | None = Field(default=None, foreign_key="section.id", index=True, ondelete="CASCADE")
    outline_key: str | None = Field(default=None, max_length=80)
    title: str = Field(max_length=300)
    required: bool = False
    position: int = 0
    body: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    plain_text: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    search_text: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    word_count: int = 0
    version: int = 0
    deleted_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))
    updated_at: datetime = _moment()
    updated_by: str = Field(default="", max_length=120)
    # Review (see domain/lifecycle.py): the state, the revision last submitted and the one approved.
    state: str = Field(default=SectionState.DRAFT.value, max_length=20, index=True)
    submitted_revision_id: int | None = _revision_ref()
    submitted_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))
    submitted_by: str = Field(default="", max_length=120)
    approved_revision_id: int | None = _revision_ref()
    approved_hash: str = Field(default="", max_length=64)
    approved_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))
    approved_by: str = Field(default="", max_length=120)
    changed_since_approval: bool = False


class SectionRevision(SyncedRow, table=True):
    """An immutable copy of a section's body as saved; history is only ever appended to."""

    id: int | None = Field(default=None, primary_key=True)
    section_id: int = Field(foreign_key="section.id", index=True, ondelete="CASCADE")
    number: int
    body: str = Field(sa_column=Column(Text, nullable=False))
    content_hash: str = Field(max_length=64)
    word_count: int = 0
    author: str = Field(max_length=120)
    created_at: datetime = _moment()
    restored_from: int | None = None


class Attachment(SyncedRow, table=True):
    """A file filed with a section; its bytes live in the content-addressed store under `sha256`."""

    id: int | None = Field(default=None, primary_key=True)
    section_id: int = Field(foreign_key="section.id", index=True, ondelete="CASCADE")
    name: str = Field(max_length=255)
    size: int = Field(sa_column=Column(BigInteger, nullable=False))
    sha256: str = Field(max_length=64, index=True)
    added_by: str = Field(max_length=120)
    added_at: datetime = _moment()
    kind: str = Field(default="", max_length=30, index=True)  # readiness.AttachmentKind: "map", "eia_decision"


class StoredBlob(SQLModel, table=True):
    """An attachment's bytes kept in the database itself (server mode: the desktops share no folder); complete
    once this row exists, its chunks written in the same transaction."""

    sha256: str = Field(max_length=64, primary_key=True)
    size: int = Field(sa_column=Column(BigInteger, nullable=False))
    chunks: int


class StoredBlobChunk(SQLModel, table=True):
    """One piece (at most 1 MB) of a stored blob, so neither side holds a whole large file in one value."""

    sha256: str = Field(max_length=64, primary_key=True)
    seq: int = Field(primary_key=True)
    data: bytes = Field(sa_column=Column(LargeBinary, nullable=False))


class SectionComment(SyncedRow, table=True):
    """A comment in a section's thread (`kind` comment), or the one it was returned with (`kind` return)."""

    id: int | None = Field(default=None, primary_key=True)
    section_id: int = Field(foreign_key="section.id", index=True, ondelete="CASCADE")
    author: str = Field(max_length=120)
    body: str = Field(sa_column=Column(Text, nullable=False))
    quote: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    kind: str = Field(default="comment", max_length=20)
    created_at: datetime = _moment()
    resolved_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))
    resolved_by: str = Field(default="", max_length=120)


class Account(SQLModel, table=True):
    """A person who signs in; `username` is stored lower-case, so names are unique whatever the case."""

    id: int | None = Field(default=None, primary_key=True)
    username: str = Field(max_length=64, unique=True, index=True)
    display_name: str = Field(default="", max_length=120)
    password_hash: str = Field(max_length=255)
    roles: str = Field(default="", max_length=80)
    disabled: bool = False
    failed_attempts: int = 0
    locked_until: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))
    created_at: datetime = _moment()
    created_by: str = Field(default="", max_length=120)


class SessionToken(SQLModel, table=True):
    """A sign-in at the department server; only the token's SHA-256 is kept: a copy of the database signs no one in."""

    id: int | None = Field(default=None, primary_key=True)
    account_id: int = Field(foreign_key="account.id", index=True, ondelete="CASCADE")
    token_sha256: str = Field(max_length=64, unique=True, index=True)
    client: str = Field(default="", max_length=80)
    created_at: datetime = _moment()
    expires_at: datetime = Field(sa_type=DateTime(timezone=True))
    revoked_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))


class AuditEntry(SQLModel, table=True):
    """One recorded change, chained to the previous entry by SHA-256; only ever appended to."""

    id: int | None = Field(default=None, primary_key=True, sa_column_kwargs={"autoincrement": False})
    at: datetime = Field(sa_type=DateTime(timezone=True), index=True)
    actor: str = Field(max_length=120, index=True)
    action: str = Field(max_length=40, index=True)
    entity_type: str = Field(max_length=40)
    entity_id: str = Field(max_length=64)
    project_id: int | None = Field(default=None, index=True)
    summary: str = Field(default="", max_length=500)
    prev_hash: str = Field(max_length=64)
    hash: str = Field(max_length=64)


class Setting(SQLModel, table=True):
    """A small key/value fact about the database itself (demo flag, head of the audit chain)."""

    key: str = Field(primary_key=True, max_length=80)
    value: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))


# The land-clearance register (DOMAIN.md §4) ----------------------------------------------------------


def _area() -> Any:
    return Field(default=Decimal(0), sa_column=Column(Numeric(14, 2), nullable=False))


class AffectedParty(SyncedRow, table=True):
    """A household or organisation whose land is recovered, and its progress through the clearance steps."""

    __table_args__ = (
        UniqueConstraint("project_id", "code"),
        Index("ix_affectedparty_project_ward", "project_id", "ward"),
        Index("ix_affectedparty_project_name", "project_id", "name_folded"),
    )

    id: int | None = Field(default=None, primary_key=True)
    project_id: int = Field(foreign_key="project.id", index=True, ondelete="CASCADE")
    code: str = Field(max_length=40)
    kind: str = Field(default="household", max_length=20)
    name: str = Field(max_length=200)
    name_folded: str = Field(default="", max_length=200)
    citizen_id: str = Field(default="", max_length=12, index=True)
    tax_code: str = Field(default="", max_length=14)
    address: str = Field(default="", max_length=300)
    address_folded: str = Field(default="", max_length=300)
    ward: str = Field(default="", max_length=120)
    household_size: int | None = None
    poor_household: bool = False
    direct_farmer: bool = False
    complaint: bool = False
    notified_on: date | None = None
    inventoried_on: date | None = None
    plan_posted_on: date | None = None
    approved_on: date | None = None
    paid_on: date | None = None
    handed_over_on: date | None = None
    enforced_on: date | None = None


class LandParcel(SyncedRow, table=True):
    """A parcel (tờ bản đồ, thửa) a party uses, and how much of it is recovered."""

    __table_args__ = (Index("ix_landparcel_sheet_parcel", "map_sheet", "parcel_no"),)

    id: int | None = Field(default=None, primary_key=True)
    project_id: int = Field(foreign_key="project.id", index=True, ondelete="CASCADE")
    party_id: int = Field(foreign_key="affectedparty.id", index=True, ondelete="CASCADE")
    map_sheet: str = Field(max_length=20)
    parcel_no: str = Field(max_length=20)
    ward: str = Field(default="", max_length=120)
    total_area_m2: Decimal = _area()
    recovered_area_m2: Decimal = _area()
    land_use_code: str = Field(max_length=10, index=True)
    certificate_no: str = Field(default="", max_length=40)
    origin: str = Field(default="", max_length=200)
    use_since: date | None = None
    # Shared with other parties (đồng sử dụng): each co-user has its own row with the same ward, sheet, number and
    # areas; totals count the parcel once (see services/register/register.py).
    co_used: bool = False


class Asset(SyncedRow, table=True):
    """An asset on a party's recovered land: a house or works (grade, m²), trees or crops (count), graves."""

    id: int | None = Field(default=None, primary_key=True)
    party_id: int = Field(foreign_key="affectedparty.id", index=True, ondelete="CASCADE")
    kind: str = Field(max_length=20)
    description: str = Field(default="", max_length=200)
    grade: str = Field(default="", max_length=40)
    area_m2: Decimal = _area()
    count: int = 0


class CompensationLine(SyncedRow, table=True):
    """One line of a party's compensation and support: what, how much, at what price."""

    id: int | None = Field(default=None, primary_key=True)
    party_id: int = Field(foreign_key="affectedparty.id", index=True, ondelete="CASCADE")
    kind: str = Field(max_length=40)
    description: str = Field(default="", max_length=300)
    quantity: Decimal = Field(default=Decimal(0), sa_column=Column(Numeric(14, 2), nullable=False))
    unit: str = Field(default="", max_length=20)
    unit_price_vnd: int = Field(default=0, sa_column=Column(BigInteger, nullable=False))
    amount_vnd: int = Field(default=0, sa_column=Column(BigInteger, nullable=False))


class Resettlement(SyncedRow, table=True):
    """A party's resettlement allocation, when eligible."""

    id: int | None = Field(default=None, primary_key=True)
    party_id: int = Field(foreign_key="affectedparty.id", unique=True, ondelete="CASCADE")
    eligible: bool = False
    site: str = Field(default="", max_length=200)
    lot_no: str = Field(default="", max_length=40)
    land_fee_vnd: int = Field(default=0, sa_column=Column(BigInteger, nullable=False))


class CatalogueEntry(SyncedRow, table=True):
    """An entry of an editable catalogue (land-use codes, wards), seeded from resources/catalogues/."""

    __table_args__ = (UniqueConstraint("kind", "code"),)

    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(max_length=20, index=True)
    code: str = Field(max_length=120)
    name: str = Field(max_length=200)
    land_group: str = Field(default="", max_length=20)
    confirmed: bool = True
    position: int = 0


class Consultation(SyncedRow, table=True):
    """A ministry or body asked for its written opinion on a project's dossier, with the dates that count."""

    id: int | None = Field(default=None, primary_key=True)
    project_id: int = Field(foreign_key="project.id", index=True, ondelete="CASCADE")
    body_key: str = Field(default="", max_length=40)
    name: str = Field(max_length=300)
    position: int = 0
    reply_days: int = 0
    sent_on: date | None = None
    received_on: date | None = None
    letter_ref: str = Field(default="", max_length=120)
    updated_at: datetime = _moment()
    updated_by: str = Field(default="", max_length=120)


class DocumentCounter(SyncedRow, table=True):
    """The next number the clerk set for one document symbol of a project (TTr, ĐA); a final export takes it."""

    __table_args__ = (UniqueConstraint("project_id", "symbol"),)

    id: int | None = Field(default=None, primary_key=True)
    project_id: int = Field(foreign_key="project.id", index=True, ondelete="CASCADE")
    symbol: str = Field(max_length=20)
    next_number: int = 1
    updated_at: datetime = _moment()
    updated_by: str = Field(default="", max_length=120)


# The milestone plan of land recovery (DOMAIN.md §4; rules in domain/milestones.py) ---------------------


class MilestonePlan(SyncedRow, table=True):
    """A project's plan settings: the template it came from, the land kind its clocks use, the at-risk window."""

    id: int | None = Field(default=None, primary_key=True)
    project_id: int = Field(foreign_key="project.id", unique=True, ondelete="CASCADE")
    template_key: str = Field(max_length=40)
    land_kind: str = Field(max_length=20)
    at_risk_days: int = 7
    next_custom: int = 1  # the number of the next step a person adds (X1, X2, …); never reused
    updated_at: datetime = _moment()
    updated_by: str = Field(default="", max_length=120)


class ReviewSchedule(SyncedRow, table=True):
    """The day a project's dossier was filed: the start of its regime's review clock."""

    project_id: int = Field(foreign_key="project.id", primary_key=True, ondelete="CASCADE")
    submitted_on: date | None = None


class Holiday(SyncedRow, table=True):
    """A day of the working-day calendar: a holiday off or a make-up Saturday; seeded from resources/holidays."""

    id: int | None = Field(default=None, primary_key=True)
    day: date = Field(unique=True, index=True)
    name: str = Field(max_length=200)
    kind: str = Field(default="off", max_length=10)


class MilestoneStep(SyncedRow, table=True):
    """One step of a project's plan; `key` stays the same through renames and moves (baselines refer to it)."""

    __table_args__ = (UniqueConstraint("project_id", "key"),)

    id: int | None = Field(default=None, primary_key=True)
    project_id: int = Field(foreign_key="project.id", index=True, ondelete="CASCADE")
    key: str = Field(max_length=20)
    title: str = Field(max_length=300)
    position: int = 0
    planned_start: date | None = None
    planned_end: date | None = None
    actual_start: date | None = None
    actual_end: date | None = None
    responsible: str = Field(default="", max_length=300)
    status: str = Field(default="not_started", max_length=20)
    percent: int = 0


class MilestoneBaseline(SyncedRow, table=True):
    """A named snapshot of a plan's planned dates; its entries are only ever written once."""

    __table_args__ = (UniqueConstraint("project_id", "name"),)

    id: int | None = Field(default=None, primary_key=True)
    project_id: int = Field(foreign_key="project.id", index=True, ondelete="CASCADE")
    name: str = Field(max_length=120)
    created_at: datetime = _moment()
    created_by: str = Field(default="", max_length=120)


class BaselineEntry(SyncedRow, table=True):
    """The planned dates of one step as a baseline froze them."""

    __table_args__ = (UniqueConstraint("baseline_id", "key"),)

    id: int | None = Field(default=None, primary_key=True)
    baseline_id: int = Field(foreign_key="milestonebaseline.id", index=True, ondelete="CASCADE")
    key: str = Field(max_length=20)
    position: int = 0
    planned_start: date | None = None
    planned_end: date | None = None


class PackageExport(SQLModel, table=True):
    """One written submission package: who, when, final or draft, where it went and its manifest's hash."""

    id: int | None = Field(default=None, primary_key=True)
    project_id: int = Field(foreign_key="project.id", index=True, ondelete="CASCADE")
    at: datetime = _moment()
    actor: str = Field(max_length=120)
    draft: bool = False
    folder: str = Field(sa_column=Column(Text, nullable=False))
    zip_path: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    manifest_sha256: str = Field(max_length=64)
    numbers: str = Field(default="", max_length=200)


# Readiness (issue 6): project facts, the conditions checklist, the comment register -------------------------


def _decimal() -> Any:
    return Field(default=None, sa_column=Column(Numeric(14, 4), nullable=True))


class ProjectFacts(SyncedRow, table=True):
    """The figures the numeric criteria are computed from (the land area is Project.area_ha)."""

    project_id: int = Field(foreign_key="project.id", primary_key=True, ondelete="CASCADE")
    it_workers: int | None = None
    total_workforce: int | None = None
    core_area_ha: Decimal | None = _decimal()
    construction_land_ha: Decimal | None = _decimal()
    building_density_pct: Decimal | None = _decimal()
    existing_parks_occupancy_pct: Decimal | None = _decimal()
    software_only: bool = False
    expansion: bool = False
    updated_at: datetime = _moment()
    updated_by: str = Field(default="", max_length=120)


class ConditionCheck(SyncedRow, table=True):
    """A project's assessment of one condition of its regime (keyed by the condition's key)."""

    __table_args__ = (UniqueConstraint("project_id", "condition_key"),)

    id: int | None = Field(default=None, primary_key=True)
    project_id: int = Field(foreign_key="project.id", index=True, ondelete="CASCADE")
    condition_key: str = Field(max_length=80)
    status: str = Field(default="unknown", max_length=20)
    note: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    updated_at: datetime = _moment()
    updated_by: str = Field(default="", max_length=120)


class ConditionEvidence(SyncedRow, table=True):
    """A link from a condition's assessment to the section or attachment that proves it."""

    id: int | None = Field(default=None, primary_key=True)
    check_id: int = Field(foreign_key="conditioncheck.id", index=True, ondelete="CASCADE")
    section_id: int | None = Field(default=None, foreign_key="section.id", ondelete="CASCADE")
    attachment_id: int | None = Field(default=None, foreign_key="attachment.id", ondelete="CASCADE")


class MinistryComment(SyncedRow, table=True):
    """A row of the comment register: a ministry's or council's comment and the city's answer."""

    id: int | None = Field(default=None, primary_key=True)
    project_id: int = Field(foreign_key="project.id", index=True, ondelete="CASCADE")
    source: str = Field(max_length=200)
    received_on: date | None = None
    section_id: int | None = Field(default=None, foreign_key="section.id", ondelete="SET NULL")
    body: str = Field(sa_column=Column(Text, nullable=False))
    response: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    state: str = Field(default="pending", max_length=20, index=True)
    resolved_revision_id: int | None = Field(default=None, foreign_key="sectionrevision.id", ondelete="SET NULL")
    created_at: datetime = _moment()
    updated_at: datetime = _moment()
    updated_by: str = Field(default="", max_length=120)


# Sync bookkeeping (issue 13; storage/sync_log keeps them) ---------------------------------------------------


class SyncState(SQLModel, table=True):
    """The library version: the last version handed to a change; one row, only ever increased, so a pull `since`
    a version sees every later change (its row lock makes concurrent writers take versions in commit order)."""

    id: int = Field(default=1, primary_key=True)
    version: int = Field(default=0, sa_column=Column(BigInteger, nullable=False, server_default="0"))


class SyncTombstone(SQLModel, table=True):
    """A deleted synced row: its uid, its table and the version of the deletion, so replicas delete it too
    instead of pushing it back (resurrection)."""

    id: int | None = Field(default=None, primary_key=True)
    uid: str = Field(max_length=36, index=True)
    table_name: str = Field(max_length=40)
    sync_version: int = Field(
        default=UNSTAMPED, index=True, sa_type=BigInteger, sa_column_kwargs={"server_default": "0"}
    )
    deleted_at: datetime = _moment()


SYNCED_MODELS: tuple[type[SyncedRow], ...] = (
    Project,
    Document,
    Section,
    SectionRevision,
    Attachment,
    SectionComment,
    AffectedParty,
    LandParcel,
    Asset,
    CompensationLine,
    Resettlement,
    CatalogueEntry,
    Consultation,
    DocumentCounter,
    MilestonePlan,
    ReviewSchedule,
    Holiday,
    MilestoneStep,
    MilestoneBaseline,
    BaselineEntry,
    ProjectFacts,
    ConditionCheck,
    ConditionEvidence,
    MinistryComment,
)
# Local to one database, never synced: Account and SessionToken (accounts live on the server; a desktop keeps only
# the verifiers of who signed in on it), AuditEntry and Setting (each database's own hash chain and facts),
# StoredBlob and StoredBlobChunk (bytes travel by SHA-256, not as rows), PackageExport (where this machine wrote a
# package), SyncState and SyncTombstone (the server's own bookkeeping).
