"""Gantt and dashboard charts: valid PNGs of the asked size, the same bytes for the same input, every Vietnamese
letter drawn, risk colours where they belong, and no pyplot or start-up cost."""

import io
import logging
import struct
import subprocess
import sys
import warnings
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import replace
from decimal import Decimal

import numpy as np
import pytest
from matplotlib import image as mpimg
from matplotlib.colors import to_rgb
from matplotlib.figure import Figure

from dossier_app.domain.milestones import Assessment, Milestone, Risk
from dossier_app.export import dashboard, gantt
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


def has_colour(png: bytes, colour: str, tolerance: float = 0.02) -> bool:
    """Whether some pixel of the image has this colour."""
    pixels = mpimg.imread(io.BytesIO(png), format="png")[..., :3]
    return bool(np.all(np.abs(pixels - np.array(to_rgb(colour))) < tolerance, axis=-1).any())


@contextmanager
def glyph_check(caplog: pytest.LogCaptureFixture) -> Iterator[list[str]]:
    """Collect matplotlib's missing-glyph warnings and font log messages raised while drawing."""
    problems: list[str] = []
    with warnings.catch_warnings(record=True) as caught, caplog.at_level(logging.WARNING, logger="matplotlib"):
        warnings.simplefilter("always")
        yield problems
    problems.extend(str(w.message) for w in caught if "glyph" in str(w.message).lower())
    problems.extend(r.getMessage() for r in caplog.records if r.name.startswith("matplotlib"))


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


def _saved(figure: Figure, dpi: int) -> bytes:
    """The figure as `savefig` writes it (which draws a figure with a layout engine twice)."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=dpi, metadata={"Software": None})
    return buffer.getvalue()


@pytest.mark.parametrize(
    "draw",
    [lambda: _gantt(scale="week"), lambda: _gantt(scale="month"), *(lambda d=d: d(WARDS) for d in DASHBOARD)],
    ids=["gantt-week", "gantt-month", "parties", "money", "area"],
)
def test_each_chart_is_drawn_once_into_the_bytes_savefig_writes(
    monkeypatch: pytest.MonkeyPatch, draw: Callable[[], bytes]
) -> None:
    drawn: list[Figure] = []
    original = Figure.draw

    def counted(figure: Figure, renderer: object) -> None:
        drawn.append(figure)
        original(figure, renderer)  # type: ignore[arg-type]

    monkeypatch.setattr(Figure, "draw", counted)
    png = draw()
    assert len(drawn) == 1
    monkeypatch.setattr(Figure, "draw", original)
    monkeypatch.setattr(gantt, "png_bytes", _saved)
    monkeypatch.setattr(dashboard, "png_bytes", _saved)
    assert draw() == png


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


def test_every_vietnamese_letter_is_drawn_without_a_missing_glyph(caplog: pytest.LogCaptureFixture) -> None:
    plan = demo_plan()
    titled = [replace(m, title=f"{m.title} {VIETNAMESE}") for m in plan.milestones]
    with glyph_check(caplog) as problems:
        _gantt(milestones=titled, title=f"Tiến độ {VIETNAMESE.upper()}")
        for draw in DASHBOARD:
            draw(WARDS)
    assert problems == []


def test_the_glyph_check_does_catch_a_missing_letter(caplog: pytest.LogCaptureFixture) -> None:
    with glyph_check(caplog) as problems:
        parties_by_step_png([WardFigures("漢字", 1, {"none": 1})])
    assert problems


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


def test_the_program_starts_without_matplotlib_and_charts_never_use_pyplot() -> None:
    code = (
        "import sys\n"
        "import dossier_app.services\n"
        "assert 'matplotlib' not in sys.modules, 'matplotlib on the start-up path'\n"
        "from datetime import date\n"
        "from dossier_app.export.charts import gantt_png\n"
        "gantt_png([], today=date(2026, 1, 1))\n"
        "assert 'matplotlib.pyplot' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_the_chart_modules_import_each_other_in_one_direction_only() -> None:
    import grimp

    graph = grimp.build_graph("dossier_app")  # counts the imports inside functions too
    for drawing in ("dossier_app.export.dashboard", "dossier_app.export.gantt"):
        assert graph.direct_import_exists(importer="dossier_app.export.charts", imported=drawing)
        assert graph.find_shortest_chain(importer=drawing, imported="dossier_app.export.charts") is None
