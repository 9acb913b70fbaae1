"""Writing register workbooks: the empty template with drop-down lists, and the export of a register."""

import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ERROR_CODES
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
# What OOXML writes as `_xHHHH_`: the control characters XML cannot hold, and the `_` of a literal `_xHHHH_`.
_ESCAPED = re.compile(r"_(?=x[0-9A-Fa-f]{4}_)|[\x00-\x08\x0b\x0c\x0e-\x1f]")
# First characters that make a spreadsheet program read a text as a formula (OWASP's list, with `{` and `#`).
_SIGNS = frozenset("=+-@{#\t\r")


def _escape(match: "re.Match[str]") -> str:
    return f"_x{ord(match.group()):04X}_"


def text_row(sheet: Any, values: Iterable[Any]) -> list[Any]:
    """A row to append in which every text is a text cell, never a formula, whatever it starts with.

    openpyxl turns a text starting with `=` into a formula (`<f>`) and one such as `#N/A` into an error cell: a
    party named `=HYPERLINK(…)` would run in Excel. Such texts (and any starting with `+`, `-`, `@`, `{`, `#`, a
    tab or a carriage return, in case a later openpyxl reads more of them) become cells forced to type string,
    written `t="inlineStr"` (write-only) or `t="s"`; the rest are plain texts, which openpyxl writes as strings
    (a cell object per text would make an export of 100,000 parties a minute slower). calamine, Excel and
    LibreOffice read every text back as it was, `_xHHHH_` escapes included."""
    row: list[Any] = []
    for value in values:
        if value.__class__ is str and (value[:1] in _SIGNS or value in ERROR_CODES or _ESCAPED.search(value)):
            cell = WriteOnlyCell(sheet, _ESCAPED.sub(_escape, value))
            cell.data_type = "s"
            value = cell
        row.append(value)
    return row


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
    headers = ["Loại đất", "Tên loại đất", "Phường/xã", "Có/không", "Loại đối tượng", "Loại tài sản", "Cấp nhà"]
    catalogue.append(text_row(catalogue, headers))
    codes = list(land_codes.items())
    assets = [kind.name for kind in asset_kinds.values()]
    longest = max(len(codes), len(wards), len(assets), len(grades), 2)
    for index in range(longest):
        code, name = codes[index] if index < len(codes) else ("", "")
        catalogue.append(
            text_row(
                catalogue,
                [
                    code or None,
                    name or None,
                    wards[index] if index < len(wards) else None,
                    (YES, NO)[index] if index < 2 else None,
                    list(KIND_WORDS.values())[index] if index < 2 else None,
                    assets[index] if index < len(assets) else None,
                    grades[index] if index < len(grades) else None,
                ],
            )
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
        sheet.append(text_row(sheet, [c.header_vi for c in columns]))
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
        sheets[title].append(text_row(sheets[title], [c.header_vi for c in columns]))

    def put(title: str, columns: tuple[ColumnSpec, ...], row: dict[str, Any]) -> None:
        sheets[title].append(text_row(sheets[title], [_cell(c, row[c.name], names) for c in columns]))

    for party in parties:
        settle = party.resettlement
        values: dict[str, Any] = {c.name: getattr(party, c.name, None) for c in PARTY_COLUMNS}
        values |= {
            "resettlement_eligible": settle.eligible if settle else False,
            "resettlement_site": settle.site if settle else None,
            "resettlement_lot": settle.lot_no if settle else None,
            "resettlement_fee_vnd": settle.land_fee_vnd if settle and settle.land_fee_vnd else None,
        }
        put(PARTIES_SHEET, PARTY_COLUMNS, values)
        for parcel in party.parcels:
            row = {c.name: getattr(parcel, c.name, None) for c in PARCEL_COLUMNS}
            put(PARCELS_SHEET, PARCEL_COLUMNS, row | {"party_code": party.code, "parcel_ward": parcel.ward})
        for asset in party.assets:
            row = {c.name: getattr(asset, c.name, None) for c in ASSET_COLUMNS} | {"party_code": party.code}
            put(ASSETS_SHEET, ASSET_COLUMNS, row | {"count": asset.count or None, "area_m2": asset.area_m2 or None})
        for line in party.compensation:
            row = {c.name: getattr(line, c.name, None) for c in LINE_COLUMNS} | {"party_code": party.code}
            put(LINES_SHEET, LINE_COLUMNS, row)
    book.save(path)
