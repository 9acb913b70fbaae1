"""Helpers of the register tests: valid parties and small workbooks or CSV files written on the fly."""

from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from sqlalchemy import text

from dossier_app.domain.register import AssetInput, CompensationInput, ParcelInput, PartyInput, ResettlementInput
from dossier_app.domain.register_columns import (
    ASSET_COLUMNS,
    LINE_COLUMNS,
    PARCEL_COLUMNS,
    PARCELS_SHEET,
    PARTIES_SHEET,
    PARTY_COLUMNS,
)
from dossier_app.services import Services

REGISTER_TABLES = ("affectedparty", "landparcel", "asset", "compensationline", "resettlement")
PARTY_HEADERS = [c.header_vi for c in PARTY_COLUMNS]
PARCEL_HEADERS = [c.header_vi for c in PARCEL_COLUMNS]
LINE_HEADERS = [c.header_vi for c in LINE_COLUMNS]
ASSET_HEADERS = [c.header_vi for c in ASSET_COLUMNS]
ASSETS = (
    AssetInput("house", "Nhà một trệt, mái tôn", "Cấp IV", Decimal("96.50")),
    AssetInput("tree", "Xoài cát Hòa Lộc", count=24),
)


def parcel(sheet: str = "12", number: str = "34", **changes: Any) -> ParcelInput:
    """A valid rice-land parcel."""
    base = ParcelInput(
        map_sheet=sheet,
        parcel_no=number,
        land_use_code="LUC",
        total_area_m2=Decimal("1250.50"),
        recovered_area_m2=Decimal("800.25"),
        ward="Phường Hưng Thạnh",
    )
    return replace(base, **changes)


def party(code: str = "HT-001", **changes: Any) -> PartyInput:
    """A valid household with one parcel, a house and trees, one compensation line and a resettlement lot."""
    base = PartyInput(
        code=code,
        name="Nguyễn Văn Đức",
        citizen_id="092085001234",
        address="Khu vực Thạnh Lợi, phường Hưng Thạnh",
        ward="Phường Hưng Thạnh",
        household_size=5,
        direct_farmer=True,
        notified_on=date(2026, 3, 1),
        inventoried_on=date(2026, 4, 15),
        parcels=(parcel(),),
        assets=ASSETS,
        compensation=(
            CompensationInput(
                kind="land",
                description="Bồi thường đất lúa",
                quantity=Decimal("800.25"),
                unit="m²",
                unit_price_vnd=400_000,
                amount_vnd=320_100_000,
            ),
        ),
        resettlement=ResettlementInput(
            eligible=True, site="Khu TĐC Hưng Thạnh", lot_no="B12", land_fee_vnd=150_000_000
        ),
    )
    return replace(base, **changes)


def counts(services: Services) -> dict[str, int]:
    """Rows of each register table."""
    with services.database.engine.connect() as connection:
        return {t: int(connection.execute(text(f"SELECT count(*) FROM {t}")).scalar() or 0) for t in REGISTER_TABLES}


def party_row(code: str = "HT-001", **values: Any) -> list[Any]:
    """A row of the parties sheet in header order."""
    base: dict[str, Any] = {
        "code": code,
        "kind": "hộ gia đình",
        "name": "Trần Thị Bích",
        "citizen_id": f"0920850{int(code.split('-')[-1]):05d}",
        "address": "Phường Hưng Thạnh",
        "ward": "Phường Hưng Thạnh",
        "household_size": 4,
        "poor_household": "không",
        "direct_farmer": "có",
        "complaint": "không",
        "notified_on": "01/03/2026",
    }
    base |= values
    return [base.get(c.name) for c in PARTY_COLUMNS]


def parcel_row(code: str = "HT-001", sheet: str = "12", number: str = "1", **values: Any) -> list[Any]:
    """A row of the parcels sheet in header order."""
    base: dict[str, Any] = {
        "party_code": code,
        "map_sheet": sheet,
        "parcel_no": number,
        "total_area_m2": 1000,
        "recovered_area_m2": 500.5,
        "land_use_code": "LUC",
    }
    base |= values
    return [base.get(c.name) for c in PARCEL_COLUMNS]


def workbook(path: Path, parties: list[list[Any]], parcels: list[list[Any]] | None = None, **options: Any) -> Path:
    """A register workbook with the documented headers (or `party_headers`) and the given rows."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = PARTIES_SHEET
    sheet.append(options.get("party_headers", PARTY_HEADERS))
    for row in parties:
        sheet.append(row)
    if parcels is not None:
        second = book.create_sheet(PARCELS_SHEET)
        second.append(PARCEL_HEADERS)
        for row in parcels:
            second.append(row)
    book.save(path)
    return path
