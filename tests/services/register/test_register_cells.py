"""The per-column cell parsers of imports give what parse_cell gives, for every column type and kind of cell."""

from datetime import date, datetime, time
from decimal import Decimal

import pytest

from dossier_app.domain.register_columns import CSV_COLUMNS, LINE_COLUMNS, PARCEL_COLUMNS, PARTY_COLUMNS
from dossier_app.services.register.register_cells import CellRefused, cell_parser, parse_cell

CELLS = (
    None, "", "   ", "x", " HT-1 ", "có", "Không", "x", "hộ gia đình", "Tổ chức", "luc", "12", "1.250,5", "1,5",
    "01/03/2026", "2026-03-01", "31/02/2026", "1.000.000 đ", "-3", 0, 1, 5, -2, 7.0, 1250.5, 1e20, float("nan"),
    float("inf"), True, False, Decimal("3.25"), Decimal("NaN"), date(2026, 3, 1), datetime(2026, 3, 1, 0, 0),
    datetime(2026, 3, 1, 9, 30),
    time(9, 30),
)  # fmt: skip


def _outcome(parse, value):  # type: ignore[no-untyped-def]
    try:
        result = parse(value)
    except CellRefused as refusal:
        return ("refused", refusal.reason)
    return ("value", type(result).__name__, str(result))


@pytest.mark.parametrize("column", sorted({*CSV_COLUMNS, *PARCEL_COLUMNS, *LINE_COLUMNS, *PARTY_COLUMNS}, key=str))
def test_the_fast_parsers_agree_with_parse_cell(column) -> None:  # type: ignore[no-untyped-def]
    fast = cell_parser(column)
    for value in (*CELLS, *CELLS):  # twice: the closed lists remember what they parsed
        assert _outcome(fast, value) == _outcome(lambda v: parse_cell(column, v), value), (column.name, value)
