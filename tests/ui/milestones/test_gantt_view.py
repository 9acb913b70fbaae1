"""The Gantt view: domain objects in, an image on screen, zoom by week and month, export to a valid PNG."""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from dossier_app.services import Services
from dossier_app.ui.milestones.gantt_view import GanttView
from dossier_app.ui.shared.settings import UiSettings
from tests.export.plan_support import demo_plan

PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def view(qtbot, demo_db: Services, ui_settings: UiSettings) -> GanttView:  # type: ignore[no-untyped-def]
    """A shown Gantt view on the demo database's chart service."""
    built = GanttView(demo_db.charts, ui_settings)
    qtbot.addWidget(built)
    built.resize(900, 600)
    built.show()
    qtbot.waitExposed(built)
    return built


def _show(view: GanttView, qtbot) -> None:  # type: ignore[no-untyped-def]
    plan = demo_plan()
    with qtbot.waitSignal(view.rendered, timeout=30000):
        view.show_plan(plan.milestones, plan.deadlines, plan.assessments, plan.baseline, plan.today)


def test_a_plan_is_drawn_off_the_gui_thread_and_shown(view: GanttView, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert view.image.pixmap().isNull() and not view.export_button.isEnabled()
    _show(view, qtbot)
    pixmap = view.image.pixmap()
    assert not pixmap.isNull() and pixmap.width() > 500 and pixmap.height() > 300
    assert view.png is not None and view.png.startswith(PNG)
    assert view.export_button.isEnabled() and not view.busy


def test_week_zoom_widens_the_image_and_month_narrows_it_again(view: GanttView, qtbot) -> None:  # type: ignore[no-untyped-def]
    _show(view, qtbot)
    month_width = view.image.pixmap().width()
    with qtbot.waitSignal(view.rendered, timeout=30000):
        view.week_button.click()
    assert view.scale == "week" and view.image.pixmap().width() > month_width
    with qtbot.waitSignal(view.rendered, timeout=30000):
        qtbot.keyClick(view.scroll, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert view.scale == "month" and view.month_button.isChecked()
    assert view.image.pixmap().width() == month_width


def test_export_writes_the_png_where_the_dialog_says_and_remembers_the_folder(  # type: ignore[no-untyped-def]
    view: GanttView, qtbot, tmp_path: Path, ui_settings: UiSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    _show(view, qtbot)
    target = tmp_path / "out" / "tiến độ"
    target.parent.mkdir()
    asked: list[str] = []

    def fake_dialog(_parent, _title, start, _filter):  # type: ignore[no-untyped-def]
        asked.append(start)
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake_dialog))
    view.export_button.click()
    written = target.with_suffix(".png")
    assert written.read_bytes() == view.png and written.read_bytes().startswith(PNG)
    assert ui_settings.last_folder == str(target.parent)
    assert asked and asked[0].endswith("gantt.png")


def test_only_the_latest_request_is_shown(view: GanttView, qtbot) -> None:  # type: ignore[no-untyped-def]
    plan = demo_plan()
    view.show_plan(plan.milestones, plan.deadlines, plan.assessments, plan.baseline, plan.today)
    view.show_plan(plan.milestones[:3], [], [], None, plan.today)
    qtbot.waitUntil(lambda: not view.busy, timeout=30000)
    three_rows = view.image.pixmap().height()
    _show(view, qtbot)
    assert view.image.pixmap().height() > three_rows
