"""The land-clearance register (DOMAIN.md §4): parties, parcels, assets, compensation, resettlement, catalogues."""

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import BigInteger, Column, DateTime, Index, Numeric, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

import dossier_app.domain.models.dossier  # noqa: F401 - the tables its foreign keys name
from dossier_app.domain.models.columns import SyncedRow, area_field, moment_field


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
    total_area_m2: Decimal = area_field()
    recovered_area_m2: Decimal = area_field()
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
    area_m2: Decimal = area_field()
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


class SyncRowConflict(SQLModel, table=True):
    """On a replica: one field of a register row (a household with its children) both sides changed differently
    since the copy they shared. The three values are kept (JSON); the row holds ours and waits unpushed until a
    person picks one in the register window."""

    id: int | None = Field(default=None, primary_key=True)
    party_id: int = Field(foreign_key="affectedparty.id", index=True, ondelete="CASCADE")
    row_uid: str = Field(max_length=36)
    field: str = Field(max_length=40)
    base_value: str = Field(default="null", sa_column=Column(Text, nullable=False, default="null"))
    ours_value: str = Field(sa_column=Column(Text, nullable=False))
    theirs_value: str = Field(sa_column=Column(Text, nullable=False))
    created_at: datetime = moment_field()
    resolved_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))
