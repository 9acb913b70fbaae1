"""Writing register workbooks: the empty template with drop-down lists, and the export of a register."""

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from dossier_app.domain.register import AssetKind, PartyInput
from dossier_app.domain.register_columns import (
    ASSET_COLUMNS,
    ASSETS_SHEET,
    CATALOGUE_SHEET,
    KIND_WORDS,
    LINE_COLUMNS,
    LINES_SHEET,
    NO,
    PARCEL_COLUMNS,
    PARCELS_SHEET,
    PARTIES_SHEET,
    PARTY_COLUMNS,
    YES,
    ColumnSpec,
)

TEMPLATE_ROWS = 5000
_LAYOUT = (
    (PARTIES_SHEET, PARTY_COLUMNS),
    (PARCELS_SHEET, PARCEL_COLUMNS),
    (ASSETS_SHEET, ASSET_COLUMNS),
    (LINES_SHEET, LINE_COLUMNS),
)


def write_template(
    path: Path,
    land_codes: dict[str, str],
    wards: Sequence[str],
    asset_kinds: dict[str, AssetKind],
    grades: Sequence[str],
) -> None:
    """An empty workbook: the documented headers, lists for land-use codes, wards, kinds, asset kinds, grades and
    yes/no."""
    book = Workbook()
    first = book.active
    assert first is not None
    book.remove(first)
    catalogue = book.create_sheet(CATALOGUE_SHEET)
    catalogue.append(["Loại đất", "Tên loại đất", "Phường/xã", "Có/không", "Loại đối tượng", "Loại tài sản", "Cấp nhà"])
    codes = list(land_codes.items())
    assets = [kind.name for kind in asset_kinds.values()]
    longest = max(len(codes), len(wards), len(assets), len(grades), 2)
    for index in range(longest):
        code, name = codes[index] if index < len(codes) else ("", "")
        catalogue.append(
            [
                code or None,
                name or None,
                wards[index] if index < len(wards) else None,
                (YES, NO)[index] if index < 2 else None,
                list(KIND_WORDS.values())[index] if index < 2 else None,
                assets[index] if index < len(assets) else None,
                grades[index] if index < len(grades) else None,
            ]
        )
    lists = {
        "land_code": f"'{CATALOGUE_SHEET}'!$A$2:$A${len(codes) + 1}",
        "ward": f"'{CATALOGUE_SHEET}'!$C$2:$C${len(wards) + 1}",
        "bool": f"'{CATALOGUE_SHEET}'!$D$2:$D$3",
        "kind": f"'{CATALOGUE_SHEET}'!$E$2:$E$3",
        "asset_kind": f"'{CATALOGUE_SHEET}'!$F$2:$F${len(assets) + 1}",
        "grade": f"'{CATALOGUE_SHEET}'!$G$2:$G${len(grades) + 1}",
    }
    for title, columns in _LAYOUT:
        sheet = book.create_sheet(title, index=len(book.worksheets) - 1)
        sheet.append([c.header_vi for c in columns])
        for position, column in enumerate(columns, start=1):
            letter = get_column_letter(position)
            sheet[f"{letter}1"].font = Font(bold=True)
            sheet.column_dimensions[letter].width = max(12, len(column.header_vi) + 2)
            source = lists.get(column.type)
            suggestions = {"ward": wards, "grade": grades}.get(column.type)
            if source is not None and (suggestions is None or len(suggestions) > 0):
                # Wards and grades are suggestions (the register accepts others); the other lists are closed.
                check = DataValidation(type="list", formula1=source, allow_blank=True)
                check.showErrorMessage = column.type not in ("ward", "grade")
                sheet.add_data_validation(check)
                check.add(f"{letter}2:{letter}{TEMPLATE_ROWS}")
        sheet.freeze_panes = "A2"
    book.save(path)


def _cell(column: ColumnSpec, value: Any, asset_names: dict[str, str]) -> Any:
    if column.type == "bool":
        return YES if value else NO
    if column.type == "kind":
        return KIND_WORDS.get(str(value), value)
    if column.type == "asset_kind":
        return asset_names.get(str(value), value)
    if value is None or value == "":
        return None
    return value


def write_export(path: Path, parties: Sequence[PartyInput], asset_kinds: dict[str, AssetKind]) -> None:
    """One sheet per entity, in the template's layout, streamed (write-only mode); asset kinds by Vietnamese name."""
    names = {code: kind.name for code, kind in asset_kinds.items()}
    book = Workbook(write_only=True)
    sheets = {title: book.create_sheet(title) for title, _ in _LAYOUT}
    for title, columns in _LAYOUT:
        sheets[title].append([c.header_vi for c in columns])
    for party in parties:
        settle = party.resettlement
        values: dict[str, Any] = {c.name: getattr(party, c.name, None) for c in PARTY_COLUMNS}
        values |= {
            "resettlement_eligible": settle.eligible if settle else False,
            "resettlement_site": settle.site if settle else None,
            "resettlement_lot": settle.lot_no if settle else None,
            "resettlement_fee_vnd": settle.land_fee_vnd if settle and settle.land_fee_vnd else None,
        }
        sheets[PARTIES_SHEET].append([_cell(c, values[c.name], names) for c in PARTY_COLUMNS])
        for parcel in party.parcels:
            row = {c.name: getattr(parcel, c.name, None) for c in PARCEL_COLUMNS}
            row |= {"party_code": party.code, "parcel_ward": parcel.ward}
            sheets[PARCELS_SHEET].append([_cell(c, row[c.name], names) for c in PARCEL_COLUMNS])
        for asset in party.assets:
            row = {c.name: getattr(asset, c.name, None) for c in ASSET_COLUMNS} | {"party_code": party.code}
            row |= {"count": asset.count or None, "area_m2": asset.area_m2 or None}
            sheets[ASSETS_SHEET].append([_cell(c, row[c.name], names) for c in ASSET_COLUMNS])
        for line in party.compensation:
            row = {c.name: getattr(line, c.name, None) for c in LINE_COLUMNS} | {"party_code": party.code}
            sheets[LINES_SHEET].append([_cell(c, row[c.name], names) for c in LINE_COLUMNS])
    book.save(path)
