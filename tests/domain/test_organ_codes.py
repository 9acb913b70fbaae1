"""Electronic identification codes (Decision 20/2020/QĐ-TTg): the shape 000.00.00.H13 is taken, trimmed and in
capitals; anything else is refused naming the field, and a required code may not be empty."""

import pytest

from dossier_app.domain.errors import ValidationFailed
from dossier_app.domain.organ_codes import GOVERNMENT_OFFICE, organ_code


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("000.00.00.H13", "000.00.00.H13"), (" 000.00.04.g14 ", "000.00.04.G14"), ("G12.32.09.H13", "G12.32.09.H13"),
     (GOVERNMENT_OFFICE, "000.00.00.G22"), ("", "")],
)  # fmt: skip
def test_a_code_of_the_right_shape_is_kept_in_capitals(typed: str, stored: str) -> None:
    assert organ_code(typed, "sender_organ_code") == stored


@pytest.mark.parametrize(
    "typed", ["000.00.00.H1", "000.00.00.13H", "00.000.00.H13", "000-00-00-H13", "000.00.00.H13.1", "000.00.00.Đ13"]
)
def test_a_code_of_another_shape_is_refused_naming_the_field(typed: str) -> None:
    with pytest.raises(ValidationFailed, match=r"not shaped like 000\.00\.00\.H13") as refused:
        organ_code(typed, "recipient_organ_code")
    assert refused.value.field == "recipient_organ_code"


def test_a_required_code_may_not_be_empty() -> None:
    with pytest.raises(ValidationFailed, match="sending agency is missing") as refused:
        organ_code("  ", "sender_organ_code", required=True)
    assert refused.value.field == "sender_organ_code"
