"""The register's editable catalogues (land-use codes, wards): kinds, entries and the rules an entry must keep."""

import re
from dataclasses import dataclass
from enum import StrEnum

from dossier_app.domain.errors import QT_TRANSLATE_NOOP, ValidationFailed


class CatalogueKind(StrEnum):
    """Which list an entry belongs to."""

    LAND_USE = "land_use"
    WARD = "ward"


LAND_USE_GROUPS = ("agricultural", "residential", "other", "unused")
_LAND_CODE = re.compile(r"^[A-Z][A-Z0-9]{1,9}$")
NAME_LIMIT = 200
WARD_LIMIT = 120


@dataclass(frozen=True)
class CatalogueItem:
    """One entry as the dialogs and the register see it; for wards the code is the ward's name."""

    kind: CatalogueKind
    code: str
    name: str
    group: str = ""
    confirmed: bool = True
    position: int = 0


def normalised(item: CatalogueItem) -> CatalogueItem:
    """Trim spaces and upper-case land-use codes, so 'luc ' and 'LUC' are the same entry."""
    code = item.code.strip()
    name = " ".join(item.name.split())
    if item.kind is CatalogueKind.LAND_USE:
        code = code.upper()
    else:
        code = name = " ".join(code.split()) or name
    return CatalogueItem(item.kind, code, name, item.group.strip(), item.confirmed, item.position)


def check_item(item: CatalogueItem) -> None:
    """Refuse an entry the register could not use: a malformed code, an empty name, an unknown group."""
    if item.kind is CatalogueKind.LAND_USE:
        if not _LAND_CODE.match(item.code):
            raise ValidationFailed(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "Land-use code '{value}' must be 2 to 10 capital letters or digits, starting with a letter.",
                ),
                field="code",
                value=item.code,
            )
        if not item.name or len(item.name) > NAME_LIMIT:
            raise ValidationFailed(
                QT_TRANSLATE_NOOP("Errors", "The name of land-use code {code} must have 1 to {limit} characters."),
                field="name",
                code=item.code,
                limit=NAME_LIMIT,
            )
        if item.group not in LAND_USE_GROUPS:
            raise ValidationFailed(
                QT_TRANSLATE_NOOP("Errors", "Unknown land-use group '{value}'."), field="group", value=item.group
            )
    elif not item.code or len(item.code) > WARD_LIMIT:
        raise ValidationFailed(
            QT_TRANSLATE_NOOP("Errors", "A ward name must have 1 to {limit} characters."),
            field="name",
            limit=WARD_LIMIT,
        )
