"""Electronic identification codes of agencies (mã định danh điện tử, Decision 20/2020/QĐ-TTg), which the national
document exchange's edXML messages (QCVN 102:2016/BTTTT) name senders and recipients by.

A code is four groups joined by dots, 3, 2, 2 and 3 characters: the first three groups the unit's levels below the
top one (digits and capital letters, `000`/`00` where a level is not used), the last the top-level unit, a capital
letter and two digits (`G22` the Government Office, `H13` Cần Thơ): `000.00.00.H13`, `000.00.04.G14`."""

import re

from dossier_app.domain.errors import QT_TRANSLATE_NOOP, ValidationFailed

ORGAN_CODE = re.compile(r"[0-9A-Z]{3}\.[0-9A-Z]{2}\.[0-9A-Z]{2}\.[A-Z][0-9]{2}")
GOVERNMENT_OFFICE = "000.00.00.G22"  # Văn phòng Chính phủ, the recipient of a Tờ trình to the Prime Minister
SHAPE = "000.00.00.H13"
ORGAN_CODE_MESSAGE = QT_TRANSLATE_NOOP(
    "Errors",
    "The electronic identification code '{value}' is not shaped like {shape}: four groups of 3, 2, 2 and 3 "
    "characters joined by dots, the last a capital letter and two digits.",
)


def organ_code(value: str, field: str, *, required: bool = False) -> str:
    """The code as stored (trimmed, letters in capitals); ValidationFailed naming `field` when its shape is wrong, or
    when it is empty and `required`."""
    code = value.strip().upper()
    if not code:
        if required:
            raise ValidationFailed(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "The electronic identification code of the {role} is missing (enter it in Project details, "
                    "shaped like {shape}).",
                ),
                field=field,
                role=_ROLES.get(field, field),
                shape=SHAPE,
            )
        return ""
    if not ORGAN_CODE.fullmatch(code):
        raise ValidationFailed(
            ORGAN_CODE_MESSAGE,
            field=field,
            value=value.strip(),
            shape=SHAPE,
        )
    return code


_ROLES = {
    "sender_organ_code": QT_TRANSLATE_NOOP("Errors", "sending agency"),
    "recipient_organ_code": QT_TRANSLATE_NOOP("Errors", "receiving agency"),
}
