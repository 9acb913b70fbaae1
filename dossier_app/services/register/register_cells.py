"""Reading one spreadsheet cell as the value its column documents; a refusal names the reason in English."""

import math
import re
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from dossier_app.domain.errors import QT_TRANSLATE_NOOP
from dossier_app.domain.register_columns import ColumnSpec
from dossier_app.domain.text import fold
from dossier_app.storage.resources import load_asset_kinds
from dossier_app.storage.spreadsheets import Cell

TRUE_WORDS = {"co", "x", "yes", "y", "1", "true", "dung"}
FALSE_WORDS = {"khong", "no", "n", "0", "false", "sai"}
KINDS = {"ho gia dinh": "household", "ho": "household", "household": "household"}
KINDS |= {"to chuc": "organisation", "organisation": "organisation", "organization": "organisation"}
_DATE_DMY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_DATE_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]00:00(?::00)?)?$")

NOT_WHOLE = QT_TRANSLATE_NOOP("Errors", "Not a whole number.")
NOT_NUMBER = QT_TRANSLATE_NOOP("Errors", "Not a number.")
NOT_DATE = QT_TRANSLATE_NOOP("Errors", "Not a date (use dd/mm/yyyy).")
NOT_YES_NO = QT_TRANSLATE_NOOP("Errors", "Not yes or no (có/không).")
NOT_KIND = QT_TRANSLATE_NOOP("Errors", "Not a kind of party (hộ gia đình/tổ chức).")
MISSING = QT_TRANSLATE_NOOP("Errors", "A value is required here.")


class CellRefused(Exception):
    """A cell's value does not fit its column."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def cell_text(value: Cell) -> str:
    """A cell as the user would read it: whole numbers without '.0', dates as dd/mm/yyyy."""
    if value.__class__ is str:  # the common case first: imports call this for most cells
        return value.strip()
    if value is None:
        return ""
    if isinstance(value, bool):
        return "có" if value else "không"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    return str(value).strip()


def _whole(value: Cell, money: bool) -> int:
    if isinstance(value, bool):
        raise CellRefused(NOT_WHOLE)
    if isinstance(value, int):
        return value
    if isinstance(value, float | Decimal):
        if not math.isfinite(value) or value != int(value):  # NaN or infinity would not even convert
            raise CellRefused(NOT_WHOLE)
        return int(value)
    text = cell_text(value)
    if money:
        text = re.sub(r"[\s.,_]|đồng|đ|vnd", "", text, flags=re.IGNORECASE)
    if not re.fullmatch(r"-?\d+", text):
        raise CellRefused(NOT_WHOLE)
    return int(text)


def _decimal(value: Cell) -> Decimal:
    if isinstance(value, bool):
        raise CellRefused(NOT_NUMBER)
    if isinstance(value, int | float | Decimal):
        return Decimal(str(value))
    text = cell_text(value).replace(" ", "")
    if "," in text and "." in text:
        text = text.replace(".", "").replace(",", ".")
    else:
        text = text.replace(",", ".")
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise CellRefused(NOT_NUMBER) from None
    if not number.is_finite():
        raise CellRefused(NOT_NUMBER)
    return number


def _date(value: Cell) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = cell_text(value)
    try:
        if match := _DATE_DMY.match(text):
            return date(int(match[3]), int(match[2]), int(match[1]))
        if match := _DATE_ISO.match(text):
            return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        pass
    raise CellRefused(NOT_DATE)


def asset_kind_code(text: str) -> str:
    """The catalogue code of an asset kind written as its code, Vietnamese or English name (folded); else the
    text as typed, which the rules then report as unknown."""
    key = " ".join(fold(text).split())
    for kind in load_asset_kinds().values():
        if key in (kind.code, " ".join(fold(kind.name).split()), " ".join(fold(kind.name_en).split())):
            return kind.code
    return text


def parse_cell(column: ColumnSpec, value: Cell) -> Any:
    """The value of a cell for its column; None for an empty optional cell; CellRefused otherwise."""
    if value is None or (isinstance(value, str) and not value.strip()):
        if column.required:
            raise CellRefused(MISSING)
        return False if column.type == "bool" else ("household" if column.type == "kind" else None)
    kind = column.type
    if kind in ("int", "money"):
        return _whole(value, kind == "money")
    if kind == "decimal":
        return _decimal(value)
    if kind == "date":
        return _date(value)
    if kind == "bool":
        if isinstance(value, bool):
            return value
        word = fold(cell_text(value))
        if word in TRUE_WORDS:
            return True
        if word in FALSE_WORDS:
            return False
        raise CellRefused(NOT_YES_NO)
    if kind == "kind":
        found = KINDS.get(" ".join(fold(cell_text(value)).split()))
        if found is None:
            raise CellRefused(NOT_KIND)
        return found
    if kind == "land_code":
        return cell_text(value).upper()
    if kind == "asset_kind":
        return asset_kind_code(cell_text(value))
    return cell_text(value)


TEXT_TYPES = ("text", "code", "ward")  # a stripped, non-empty text is their value as is
_REMEMBERED_TYPES = ("bool", "kind", "land_code")


def cell_parser(column: ColumnSpec) -> Callable[[Cell], Any]:
    """`parse_cell` for one column, with its usual cell type handled first: imports read millions of cells.

    Same results as parse_cell (it falls back to it); the closed lists (yes/no, kinds, land-use codes) remember
    what each distinct text parsed to."""
    kind = column.type

    def general(value: Cell) -> Any:
        return parse_cell(column, value)

    if kind in TEXT_TYPES:

        def text(value: Cell) -> Any:
            if value.__class__ is str:
                stripped = value.strip()
                if stripped:
                    return stripped
            return parse_cell(column, value)

        return text
    if kind in ("int", "money"):

        def whole(value: Cell) -> Any:
            return value if value.__class__ is int else parse_cell(column, value)

        return whole
    if kind == "decimal":

        def number(value: Cell) -> Any:
            if value.__class__ is float or value.__class__ is int:
                return Decimal(str(value))
            return parse_cell(column, value)

        return number
    if kind == "date":

        def day(value: Cell) -> Any:
            return value if value.__class__ is date else parse_cell(column, value)

        return day
    if kind in _REMEMBERED_TYPES:
        known: dict[str, Any] = {}  # texts only: True == 1 == 1.0 as keys, yet they read differently

        def remembered(value: Cell) -> Any:
            if value.__class__ is not str:
                return parse_cell(column, value)
            try:
                return known[value]
            except KeyError:
                parsed = known[value] = parse_cell(column, value)
                return parsed

        return remembered
    return general
