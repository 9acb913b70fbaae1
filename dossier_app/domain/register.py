"""The land register's input records and their rules (DOMAIN.md §4): pure, shared by forms, services and imports."""

import re
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from dossier_app.domain.errors import QT_TRANSLATE_NOOP

PARTY_KINDS = ("household", "organisation")
# The steps a party goes through, in the order their dates must follow (enforcement is checked apart).
STEPS = ("notified_on", "inventoried_on", "plan_posted_on", "approved_on", "paid_on", "handed_over_on")
ALL_STEPS = (*STEPS, "enforced_on")
_CITIZEN_ID = re.compile(r"^\d{12}$")
_TAX_CODE = re.compile(r"^\d{10}(-\d{3})?$")


@dataclass(frozen=True)
class ParcelInput:
    """A land parcel as typed or imported."""

    map_sheet: str
    parcel_no: str
    land_use_code: str
    total_area_m2: Decimal
    recovered_area_m2: Decimal
    ward: str = ""
    certificate_no: str = ""
    origin: str = ""
    use_since: date | None = None
    co_used: bool = False  # declared shared with other parties (đồng sử dụng): the same parcel on each co-user


@dataclass(frozen=True)
class AssetInput:
    """An asset on the recovered land: a house or works (grade, m²), trees or crops (kind, count), graves."""

    kind: str  # a code of the asset-kind catalogue (resources/catalogues/asset_kinds.yaml)
    description: str = ""  # what exactly: "nhà một trệt", "xoài cát Hòa Lộc"
    grade: str = ""  # of a house or works: "Cấp IV"
    area_m2: Decimal = Decimal(0)
    count: int = 0


@dataclass(frozen=True)
class AssetKind:
    """One entry of the asset-kind catalogue: its names, what a row measures (area or count) and its group."""

    code: str
    name: str
    name_en: str
    measure: str  # area or count
    group: str  # building, plant or grave


@dataclass(frozen=True)
class CompensationInput:
    """One compensation or support line; `amount_vnd` is integer đồng."""

    kind: str
    amount_vnd: int
    description: str = ""
    quantity: Decimal = Decimal(0)
    unit: str = ""
    unit_price_vnd: int = 0


@dataclass(frozen=True)
class ResettlementInput:
    """A party's resettlement allocation."""

    eligible: bool = False
    site: str = ""
    lot_no: str = ""
    land_fee_vnd: int = 0


@dataclass(frozen=True)
class PartyInput:
    """An affected household or organisation with everything recorded about it."""

    code: str
    name: str
    kind: str = "household"
    citizen_id: str = ""
    tax_code: str = ""
    address: str = ""
    ward: str = ""
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
    parcels: tuple[ParcelInput, ...] = field(default=())
    assets: tuple[AssetInput, ...] = field(default=())
    compensation: tuple[CompensationInput, ...] = field(default=())
    resettlement: ResettlementInput | None = None


@dataclass(frozen=True)
class FieldProblem:
    """A rule a record breaks: which field, the value found and the English reason (a Qt-marked template)."""

    field: str
    value: str
    reason: str
    index: int | None = None  # the parcel or compensation line, for nested fields
    part: str = "party"  # party, parcel, asset or line


def check_citizen_id(value: str) -> str | None:
    """The reason a citizen ID (CCCD) is refused, or None."""
    if value and not _CITIZEN_ID.match(value):
        return QT_TRANSLATE_NOOP("Errors", "A citizen ID (CCCD) has exactly 12 digits.")
    return None


def check_parcel(parcel: ParcelInput, land_codes: Collection[str], index: int | None = None) -> list[FieldProblem]:
    """Every rule one parcel breaks."""
    problems: list[FieldProblem] = []

    def add(name: str, value: object, reason: str) -> None:
        problems.append(FieldProblem(name, "" if value is None else str(value), reason, index, "parcel"))

    if not parcel.map_sheet.strip():
        add("map_sheet", parcel.map_sheet, QT_TRANSLATE_NOOP("Errors", "The map sheet number is empty."))
    if not parcel.parcel_no.strip():
        add("parcel_no", parcel.parcel_no, QT_TRANSLATE_NOOP("Errors", "The parcel number is empty."))
    if parcel.land_use_code not in land_codes:
        add("land_use_code", parcel.land_use_code, QT_TRANSLATE_NOOP("Errors", "Unknown land-use code."))
    if parcel.total_area_m2 < 0:
        add("total_area_m2", parcel.total_area_m2, QT_TRANSLATE_NOOP("Errors", "An area cannot be negative."))
    if parcel.recovered_area_m2 < 0:
        add("recovered_area_m2", parcel.recovered_area_m2, QT_TRANSLATE_NOOP("Errors", "An area cannot be negative."))
    elif parcel.recovered_area_m2 > parcel.total_area_m2:
        add(
            "recovered_area_m2",
            parcel.recovered_area_m2,
            QT_TRANSLATE_NOOP("Errors", "The recovered area is larger than the parcel's total area."),
        )
    return problems


def check_asset(asset: AssetInput, kinds: Collection[str], index: int | None = None) -> list[FieldProblem]:
    """Every rule one asset breaks: a kind from the catalogue, quantities not negative."""
    problems: list[FieldProblem] = []
    if asset.kind not in kinds:
        reason = QT_TRANSLATE_NOOP("Errors", "Unknown asset kind.")
        problems.append(FieldProblem("kind", asset.kind, reason, index, "asset"))
    negative = QT_TRANSLATE_NOOP("Errors", "An amount or quantity cannot be negative.")
    for name in ("area_m2", "count"):
        value = getattr(asset, name)
        if value < 0:
            problems.append(FieldProblem(name, str(value), negative, index, "asset"))
    return problems


def parcel_key(parcel: ParcelInput) -> tuple[str, str, str]:
    """What names one parcel on the ground: its ward, map sheet and parcel number (sheets are numbered per ward)."""
    return parcel.ward.strip(), parcel.map_sheet.strip(), parcel.parcel_no.strip()


CO_USE_TWICE, CO_USE_UNDECLARED, CO_USE_DISAGREES = "twice", "undeclared", "disagrees"


def co_use_clash(first: ParcelInput, other: ParcelInput, same_party: bool) -> str | None:
    """Why a second listing of a parcel already listed is refused (CO_USE_*), or None when both declare an honest
    co-use: each co-user lists the parcel flagged as co-used, with the same areas and land-use code."""
    if same_party:
        return CO_USE_TWICE
    if not (first.co_used and other.co_used):
        return CO_USE_UNDECLARED
    facts = (first.total_area_m2, first.recovered_area_m2, first.land_use_code)
    if facts != (other.total_area_m2, other.recovered_area_m2, other.land_use_code):
        return CO_USE_DISAGREES
    return None


def check_compensation(line: CompensationInput, index: int | None = None) -> list[FieldProblem]:
    """Every rule one compensation line breaks."""
    problems: list[FieldProblem] = []
    negative = QT_TRANSLATE_NOOP("Errors", "An amount or quantity cannot be negative.")
    if not line.kind.strip():
        problems.append(
            FieldProblem(
                "kind", line.kind, QT_TRANSLATE_NOOP("Errors", "The compensation kind is empty."), index, "line"
            )
        )
    for name in ("amount_vnd", "quantity", "unit_price_vnd"):
        value = getattr(line, name)
        if value < 0:
            problems.append(FieldProblem(name, str(value), negative, index, "line"))
    return problems


def check_steps(party: PartyInput) -> list[FieldProblem]:
    """Step dates in order: notified ≤ inventoried ≤ plan posted ≤ approved ≤ paid ≤ handed over; enforced after
    approval and not before the hand-over, if there was one."""
    problems: list[FieldProblem] = []
    previous: tuple[str, date] | None = None
    for name in STEPS:
        value = getattr(party, name)
        if value is None:
            continue
        if previous is not None and value < previous[1]:
            problems.append(
                FieldProblem(
                    name,
                    value.isoformat(),
                    QT_TRANSLATE_NOOP("Errors", "This step date is earlier than the date of an earlier step."),
                )
            )
        else:
            previous = (name, value)
    enforced = party.enforced_on
    if enforced is not None:
        anchor = party.handed_over_on or party.approved_on
        if anchor is None or enforced < anchor:
            problems.append(
                FieldProblem(
                    "enforced_on",
                    enforced.isoformat(),
                    QT_TRANSLATE_NOOP(
                        "Errors", "Enforcement must come after the plan's approval and not before the hand-over."
                    ),
                )
            )
    return problems


def check_party(
    party: PartyInput, land_codes: Collection[str], asset_kinds: Collection[str] | None = None
) -> list[FieldProblem]:
    """Every rule a party, its parcels, assets, compensation lines and resettlement break (asset kinds are checked
    against `asset_kinds` when given; services always give the catalogue)."""
    problems: list[FieldProblem] = []

    def add(name: str, value: object, reason: str) -> None:
        problems.append(FieldProblem(name, "" if value is None else str(value), reason))

    if not party.code.strip():
        add("code", party.code, QT_TRANSLATE_NOOP("Errors", "The party code is empty."))
    if not party.name.strip():
        add("name", party.name, QT_TRANSLATE_NOOP("Errors", "The name is empty."))
    if party.kind not in PARTY_KINDS:
        add("kind", party.kind, QT_TRANSLATE_NOOP("Errors", "The kind must be a household or an organisation."))
    reason = check_citizen_id(party.citizen_id)
    if reason:
        add("citizen_id", party.citizen_id, reason)
    if party.tax_code and not _TAX_CODE.match(party.tax_code):
        add("tax_code", party.tax_code, QT_TRANSLATE_NOOP("Errors", "A tax code has 10 digits, or 10-3 digits."))
    if party.household_size is not None and party.household_size < 0:
        add("household_size", party.household_size, QT_TRANSLATE_NOOP("Errors", "A count cannot be negative."))
    problems.extend(check_steps(party))
    seen: dict[tuple[str, str, str], int] = {}
    for index, parcel in enumerate(party.parcels):
        problems.extend(check_parcel(parcel, land_codes, index))
        key = parcel_key(parcel)
        if key[1] and key[2] and key in seen:
            reason = QT_TRANSLATE_NOOP("Errors", "The party lists this parcel twice.")
            problems.append(FieldProblem("parcel_no", f"{key[1]}/{key[2]}", reason, index, "parcel"))
        seen.setdefault(key, index)
    for index, asset in enumerate(party.assets):
        if asset_kinds is None:
            problems.extend(p for p in check_asset(asset, {asset.kind}, index))
        else:
            problems.extend(check_asset(asset, asset_kinds, index))
    for index, line in enumerate(party.compensation):
        problems.extend(check_compensation(line, index))
    if party.resettlement is not None and party.resettlement.land_fee_vnd < 0:
        add(
            "land_fee_vnd",
            party.resettlement.land_fee_vnd,
            QT_TRANSLATE_NOOP("Errors", "An amount or quantity cannot be negative."),
        )
    return problems
