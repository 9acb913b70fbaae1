"""Gantt and dashboard charts: valid PNGs of the asked size and resolution, the same bytes for the same input, every
Vietnamese letter in the chart font, risk colours where they belong, and no start-up cost."""

import io
import struct
import subprocess
import sys
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from decimal import Decimal

import pytest
from PIL import Image

from dossier_app.domain.milestones import Assessment, Milestone, Risk
from dossier_app.export.chart_canvas import FONT_FILES, Weight, font, nice_ticks
from dossier_app.export.charts import (
    ChartSize,
    WardFigures,
    area_by_ward_png,
    area_unit,
    format_number,
    gantt_png,
    money_by_ward_png,
    money_unit,
    parties_by_step_png,
)
from dossier_app.export.gantt import RISK_COLOURS
from tests.export.plan_support import TODAY, demo_plan

PNG = b"\x89PNG\r\n\x1a\n"
VIETNAMESE = "ăâđêôơư àảãáạ ằẳẵắặ ầẩẫấậ èẻẽéẹ ềểễếệ ìỉĩíị òỏõóọ ồổỗốộ ờởỡớợ ùủũúụ ừửữứự ỳỷỹýỵ"
WARDS = [
    WardFigures(
        "Phường Hưng Thạnh",
        3,
        {"none": 1, "approved_on": 1, "handed_over_on": 1},
        1_820_000_000,
        1_500_000_000,
        Decimal("750.75"),
        Decimal("400"),
    ),
    WardFigures(f"Xã {VIETNAMESE.upper()[:20]}", 2, {"notified_on": 2}, 120_000_000, 0, Decimal(215), Decimal(0)),
]
DASHBOARD: list[Callable[..., bytes]] = [parties_by_step_png, money_by_ward_png, area_by_ward_png]


def size_of(png: bytes) -> tuple[int, int]:
    """Width and height from the PNG header."""
    assert png.startswith(PNG)
    width, height = struct.unpack(">II", png[16:24])
    return width, height


def has_colour(png: bytes, colour: str, tolerance: int = 5) -> bool:
    """Whether some pixel of the image has this colour."""
    want = tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))
    colours = Image.open(io.BytesIO(png)).convert("RGB").getcolors(maxcolors=1 << 24) or []
    return any(all(abs(c - w) <= tolerance for c, w in zip(rgb, want, strict=True)) for _, rgb in colours)


def missing_letters(text: str, weight: Weight) -> set[str]:
    """The letters of `text` the chart font draws as its missing-glyph box (a private-use code point's shape)."""
    face = font(12, weight, 2.0)

    def shape(letter: str) -> tuple[object, bytes]:
        mask = face.getmask(letter)
        return mask.size, bytes(mask)

    missing = shape("\ue000")
    return {letter for letter in set(text) if not letter.isspace() and shape(letter) == missing}


def _gantt(**changes: object) -> bytes:
    plan = demo_plan()
    values: dict[str, object] = {
        "milestones": plan.milestones,
        "deadlines": plan.deadlines,
        "assessments": plan.assessments,
        "baseline": plan.baseline,
        "today": plan.today,
        "scale": "month",
    }
    values |= changes
    milestones = values.pop("milestones")
    return gantt_png(milestones, **values)  # type: ignore[arg-type]


def test_gantt_is_a_png_and_the_same_input_gives_the_same_bytes() -> None:
    first = _gantt(scale="week")
    assert first.startswith(PNG)
    assert _gantt(scale="week") == first


@pytest.mark.parametrize(
    "draw",
    [lambda: _gantt(scale="week"), lambda: _gantt(size=ChartSize(dpi=150)), *(lambda d=d: d(WARDS) for d in DASHBOARD)],
    ids=["gantt-week", "gantt-150dpi", "parties", "money", "area"],
)
def test_each_chart_carries_its_resolution_for_the_word_and_pdf_writers(draw: Callable[[], bytes]) -> None:
    picture = Image.open(io.BytesIO(draw()))
    assert picture.format == "PNG" and picture.mode == "RGB"
    assert round(picture.info["dpi"][0]) in (100, 150)


def test_the_week_scale_is_wider_than_the_month_scale() -> None:
    week, month = size_of(_gantt(scale="week")), size_of(_gantt(scale="month"))
    assert week[0] > month[0]
    assert week[1] == month[1] or abs(week[1] - month[1]) < 60  # same rows; the legend may wrap differently


def test_an_explicit_size_and_resolution_are_kept() -> None:
    assert size_of(_gantt(size=ChartSize(width_in=8, height_in=5, dpi=50))) == (400, 250)
    assert size_of(money_by_ward_png(WARDS, ChartSize(width_in=6, height_in=3, dpi=100))) == (600, 300)


def test_overdue_and_at_risk_steps_are_coloured_only_when_assessed_so() -> None:
    plan = demo_plan()
    assert {a.risk for a in plan.assessments} >= {Risk.OVERDUE, Risk.AT_RISK}
    risky = _gantt()
    assert has_colour(risky, RISK_COLOURS[Risk.OVERDUE][0])
    assert has_colour(risky, RISK_COLOURS[Risk.AT_RISK][0])
    calm = _gantt(assessments=[Assessment(a.key, Risk.ON_TRACK) for a in plan.assessments])
    assert not has_colour(calm, RISK_COLOURS[Risk.OVERDUE][0])
    assert not has_colour(calm, RISK_COLOURS[Risk.AT_RISK][0])


def test_baseline_today_and_deadlines_change_the_picture() -> None:
    full = _gantt()
    assert _gantt(baseline=None) != full
    assert _gantt(deadlines=[]) != full
    assert _gantt(today=TODAY.replace(day=10)) != full


def test_undated_steps_and_an_empty_plan_still_draw() -> None:
    undated = [Milestone(key=f"M{n}", title="Bước chưa có ngày") for n in range(1, 4)]
    assert _gantt(milestones=undated, deadlines=[], assessments=[], baseline=None).startswith(PNG)
    assert _gantt(milestones=[], deadlines=[], assessments=[], baseline=None).startswith(PNG)


def test_every_vietnamese_letter_is_in_each_weight_of_the_chart_font() -> None:
    assert set(FONT_FILES) == {"regular", "bold", "italic"}
    for weight in FONT_FILES:
        assert missing_letters(VIETNAMESE + VIETNAMESE.upper() + "«»…%²", weight) == set()  # type: ignore[arg-type]
    plan = demo_plan()
    titled = [replace(m, title=f"{m.title} {VIETNAMESE}") for m in plan.milestones]
    assert _gantt(milestones=titled, title=f"Tiến độ {VIETNAMESE.upper()}").startswith(PNG)


def test_the_missing_letter_check_does_catch_a_letter_the_font_lacks() -> None:
    assert missing_letters("漢字 a", "regular") == {"漢", "字"}


def test_axis_ticks_are_round_numbers_within_the_axis() -> None:
    assert nice_ticks(380.6, integer=True) == [0, 100, 200, 300]
    assert nice_ticks(303.6) == [0, 100, 200, 300]
    assert nice_ticks(290) == [0, 50, 100, 150, 200, 250]
    assert nice_ticks(1.1) == [0, 0.2, 0.4, 0.6, 0.8, 1.0]
    assert nice_ticks(5.5, integer=True) == [0, 1, 2, 3, 4, 5]
    assert nice_ticks(0) == [0.0]


@pytest.mark.parametrize("draw", DASHBOARD)
def test_dashboard_charts_are_deterministic_pngs_with_or_without_wards(draw: Callable[..., bytes]) -> None:
    png = draw(WARDS)
    assert png.startswith(PNG) and draw(WARDS) == png
    assert draw([]).startswith(PNG)
    assert size_of(draw(WARDS + [replace(WARDS[0], ward=f"Phường {n}") for n in range(6)]))[1] > size_of(png)[1]


def test_charts_drawn_in_threads_at_once_match_the_ones_drawn_alone() -> None:
    alone = [_gantt(), money_by_ward_png(WARDS), parties_by_step_png(WARDS)]
    jobs = [_gantt, lambda: money_by_ward_png(WARDS), lambda: parties_by_step_png(WARDS)] * 2
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda job: job(), jobs))
    assert results == alone * 2


def test_vietnamese_numbers_and_units() -> None:
    assert format_number(1_234_567) == "1.234.567"
    assert format_number(Decimal("1820.5"), 2) == "1.820,50"
    assert money_unit(1_820_000_000) == (1_000_000_000, "tỷ đồng")
    assert money_unit(120_000_000) == (1_000_000, "triệu đồng")
    assert money_unit(999_999) == (1, "đồng")
    assert area_unit(Decimal("9999.99")) == (Decimal(1), "m²")
    assert area_unit(Decimal(10_000))[1] == "ha"


def test_the_program_starts_without_pillow_and_charts_need_no_plotting_library() -> None:
    code = (
        "import sys\n"
        "import dossier_app.services\n"
        "assert 'PIL' not in sys.modules, 'Pillow on the start-up path'\n"
        "from datetime import date\n"
        "from dossier_app.export.charts import gantt_png\n"
        "gantt_png([], today=date(2026, 1, 1))\n"
        "assert 'matplotlib' not in sys.modules and 'numpy' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_the_chart_modules_import_each_other_in_one_direction_only() -> None:
    import grimp

    graph = grimp.build_graph("dossier_app")  # counts the imports inside functions too
    for drawing in ("dossier_app.export.dashboard", "dossier_app.export.gantt"):
        assert graph.direct_import_exists(importer="dossier_app.export.charts", imported=drawing)
        assert graph.find_shortest_chain(importer=drawing, imported="dossier_app.export.charts") is None
