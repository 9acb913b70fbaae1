"""The milestone plan window: editing in place, refusals, undoable structure, highlights, baselines, the menu."""

from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QLineEdit,
    QStyleOptionViewItem,
    QTabWidget,
)

from dossier_app.domain.milestones import LandKind, MilestoneStatus
from dossier_app.services import Services, open_services
from dossier_app.services.core.context import Operator
from dossier_app.ui.milestones.milestone_model import AT_RISK_COLOUR, COLUMNS, OVERDUE_COLOUR, RISK_ROLE
from dossier_app.ui.milestones.milestones_window import MilestonesWindow
from dossier_app.ui.shared.i18n import Translators
from tests.conftest import FAST_HASHER, TESTER
from tests.services.support import it_park

TODAY = date(2026, 6, 1)


@pytest.fixture
def plan_db(sqlite_url: str) -> Iterator[Services]:
    """Services on a fresh SQLite file, acting as the local operator."""
    services = open_services(sqlite_url, Operator(TESTER), password_hasher=FAST_HASHER)
    yield services
    services.close()


@pytest.fixture
def errors(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The refusals the window showed, instead of modal message boxes."""
    shown: list[str] = []
    monkeypatch.setattr(
        "dossier_app.ui.milestones.milestones_window.show_error", lambda _w, error: shown.append(error.message)
    )
    return shown


@pytest.fixture
def window(qtbot, plan_db: Services, vietnamese: Translators, errors: list[str]) -> MilestonesWindow:  # type: ignore[no-untyped-def]
    """The plan window of a new project, measured on TODAY."""
    project = plan_db.projects.create(it_park())
    built = MilestonesWindow(plan_db, project.id, today=TODAY)
    qtbot.addWidget(built)
    built.show()
    qtbot.waitExposed(built)
    return built


def _index(window: MilestonesWindow, key: str, column: str):  # type: ignore[no-untyped-def]
    return window.model.index(window.model.row_of(key), COLUMNS.index(column))


def _stored(window: MilestonesWindow, key: str):  # type: ignore[no-untyped-def]
    return window._services.milestones.plan(window.project_id, today=TODAY).milestone(key)


def _keys(window: MilestonesWindow) -> list[str]:
    return [window.model.milestone_at(row).key for row in range(window.model.rowCount())]


def test_the_window_shows_the_plan_in_a_tab_with_today(window: MilestonesWindow) -> None:
    assert window.findChild(QTabWidget, "milestoneTabs").count() == 2
    assert window.model.rowCount() == 16
    assert "01/06/2026" in window.today_label.text()
    assert window.land_kind.currentData() == LandKind.NON_AGRICULTURAL.value
    assert window.baseline.count() == 1 and window.baseline_name() is None
    assert "CT-ITP2" in window.windowTitle()


def test_editing_a_date_with_the_date_editor_saves_it(window: MilestonesWindow, errors: list[str]) -> None:
    index = _index(window, "M5", "planned_start")
    delegate = window.table.itemDelegateForIndex(index)
    editor = delegate.createEditor(window.table.viewport(), QStyleOptionViewItem(), index)
    assert isinstance(editor, QDateEdit)
    delegate.setEditorData(editor, index)
    editor.setDate(QDate(2026, 5, 4))
    delegate.setModelData(editor, window.model, index)
    assert _stored(window, "M5").planned_start == date(2026, 5, 4)
    assert index.data() == "04/05/2026" and errors == []
    # an empty date opened and left alone stays empty
    empty = _index(window, "M5", "planned_end")
    editor = delegate.createEditor(window.table.viewport(), QStyleOptionViewItem(), empty)
    delegate.setEditorData(editor, empty)
    delegate.setModelData(editor, window.model, empty)
    assert _stored(window, "M5").planned_end is None
    window.undo_stack.undo()
    assert _stored(window, "M5").planned_start is None


def test_the_status_combo_saves_the_status(window: MilestonesWindow) -> None:
    index = _index(window, "M1", "status")
    delegate = window.table.itemDelegateForIndex(index)
    combo = delegate.createEditor(window.table.viewport(), QStyleOptionViewItem(), index)
    assert isinstance(combo, QComboBox) and combo.count() == 3
    delegate.setEditorData(combo, index)
    combo.setCurrentIndex(combo.findData(MilestoneStatus.RUNNING.value))
    delegate.setModelData(combo, window.model, index)
    assert _stored(window, "M1").status is MilestoneStatus.RUNNING


def test_an_end_before_the_start_shows_the_error_and_saves_nothing(window: MilestonesWindow, errors: list[str]) -> None:
    assert window.model.setData(_index(window, "M6", "planned_start"), QDate(2026, 7, 10))
    entries = window._services.audit.count()
    assert not window.model.setData(_index(window, "M6", "planned_end"), QDate(2026, 7, 1))
    assert errors == ["The planned end of step M6 is before its planned start."]
    assert _stored(window, "M6").planned_end is None
    assert _index(window, "M6", "planned_end").data() == ""
    assert window._services.audit.count() == entries
    assert window.undo_stack.count() == 1


def test_a_register_driven_percent_cannot_be_edited(window: MilestonesWindow) -> None:
    index = _index(window, "M12", "percent")
    assert not window.model.flags(index) & Qt.ItemFlag.ItemIsEditable
    assert "giải phóng mặt bằng" in str(index.data(Qt.ItemDataRole.ToolTipRole))  # the land register, in Vietnamese


def test_move_down_and_undo_it(window: MilestonesWindow) -> None:
    window.table.selectRow(window.model.row_of("M2"))
    window.down_action.trigger()
    assert _keys(window)[:4] == ["M1", "M3", "M2", "M4"]
    assert window.current_key() == "M2"
    window.undo_action.trigger()
    assert _keys(window)[:4] == ["M1", "M2", "M3", "M4"]
    stored = [m.key for m in window._services.milestones.plan(window.project_id).milestones]
    assert stored[:4] == ["M1", "M2", "M3", "M4"]
    window.redo_action.trigger()
    assert _keys(window)[:3] == ["M1", "M3", "M2"]


def test_add_rename_remove_and_undo_them(window: MilestonesWindow) -> None:
    window.table.selectRow(window.model.row_of("M1"))
    window.add_step("Khảo sát hạ tầng kỹ thuật")
    assert _keys(window)[:3] == ["M1", "X1", "M2"] and window.current_key() == "X1"
    assert window.model.setData(_index(window, "X1", "title"), "Khảo sát hạ tầng")
    assert _stored(window, "X1").title == "Khảo sát hạ tầng"
    window.remove_action.trigger()
    assert "X1" not in _keys(window)
    window.undo_stack.undo()  # the removal
    assert _keys(window)[1] == "X1" and _stored(window, "X1").title == "Khảo sát hạ tầng"
    window.undo_stack.undo()  # the rename
    window.undo_stack.undo()  # the addition
    assert _keys(window) == [f"M{n}" for n in range(1, 17)]
    window.undo_stack.redo()
    assert _keys(window)[1] == "X1" and _stored(window, "X1").title == "Khảo sát hạ tầng kỹ thuật"


def test_an_overdue_row_is_red_with_the_reason(window: MilestonesWindow) -> None:
    services = window._services
    view = services.milestones.plan(window.project_id, today=TODAY)
    services.milestones.update_step(
        window.project_id,
        replace(
            view.milestone("M10"),
            actual_start=date(2026, 5, 1),
            actual_end=date(2026, 5, 10),
            status=MilestoneStatus.DONE,
        ),
    )
    window.reload()
    index = _index(window, "M11", "title")
    assert index.data(Qt.ItemDataRole.BackgroundRole) == OVERDUE_COLOUR
    assert "20/05/2026" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert "M11" in window.summary.text()
    assert _index(window, "M10", "title").data(Qt.ItemDataRole.BackgroundRole) is None


def test_take_a_baseline_and_see_the_drift(window: MilestonesWindow) -> None:
    window.model.setData(_index(window, "M3", "planned_end"), QDate(2026, 6, 10))
    window.take_baseline("Kế hoạch ban đầu")
    assert window.baseline_name() == "Kế hoạch ban đầu"
    window.model.setData(_index(window, "M3", "planned_end"), QDate(2026, 6, 15))
    assert _index(window, "M3", "drift").data() == "+5"
    window.baseline.setCurrentIndex(0)
    assert _index(window, "M3", "drift").data() == ""


def test_the_land_kind_selector_moves_the_notice_clock(window: MilestonesWindow) -> None:
    window.model.setData(_index(window, "M11", "planned_start"), QDate(2026, 12, 1))
    assert _index(window, "M2", "deadline").data() == "≤ 04/06/2026"
    window.land_kind.setCurrentIndex(window.land_kind.findData(LandKind.AGRICULTURAL.value))
    assert _index(window, "M2", "deadline").data() == "≤ 02/09/2026"


def test_the_at_risk_window_can_be_widened(window: MilestonesWindow) -> None:
    window.model.setData(_index(window, "M10", "actual_start"), QDate(2026, 5, 1))
    window.model.setData(_index(window, "M10", "actual_end"), QDate(2026, 5, 10))
    assert window.at_risk_days.value() == 7
    assert _index(window, "M12", "title").data(Qt.ItemDataRole.BackgroundRole) is None  # due 9 June: 8 days left
    window.at_risk_days.setValue(10)
    window.at_risk_days.editingFinished.emit()
    assert window._services.milestones.plan(window.project_id).at_risk_days == 10
    assert _index(window, "M12", "title").data(Qt.ItemDataRole.BackgroundRole) == AT_RISK_COLOUR


def test_a_reader_without_the_right_cannot_edit(qtbot, plan_db: Services, vietnamese) -> None:  # type: ignore[no-untyped-def]
    project = plan_db.projects.create(it_park())
    reader = MilestonesWindow(plan_db, project.id, writable=False, today=TODAY)
    qtbot.addWidget(reader)
    assert not reader.add_action.isEnabled() and not reader.baseline_action.isEnabled()
    assert not reader.model.flags(reader.model.index(0, COLUMNS.index("title"))) & Qt.ItemFlag.ItemIsEditable


def test_the_clearance_menu_opens_the_plan_of_the_current_project(demo_db: Services, make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window(demo_db)
    actions = window.window_actions
    assert actions.milestones_action in window.clearance_menu.actions()
    assert actions.milestones_action.shortcut().toString() == "Ctrl+Shift+M"
    project = demo_db.projects.by_code("CT-ITP")
    window.select_project(project.id)
    assert actions.milestones_action.isEnabled()
    actions.milestones_action.trigger()
    plan = actions.milestones_window
    assert isinstance(plan, MilestonesWindow) and plan.isVisible() and plan.project_id == project.id
    assert plan.writable  # the officer may edit the plan
    assert [plan.baseline.itemText(i) for i in range(plan.baseline.count())][1:] == ["Kế hoạch ban đầu"]
    risks = {plan.model.milestone_at(r).key: plan.model.index(r, 0).data(RISK_ROLE) for r in range(16)}
    assert risks["M11"] == "overdue" and risks["M12"] == "at_risk"
    plan.close()


def test_the_gantt_tab_draws_the_plan_when_shown_and_again_after_an_edit(window: MilestonesWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert window.gantt.png is None  # nothing drawn while the table tab is shown
    with qtbot.waitSignal(window.gantt.rendered, timeout=30000):
        window.tabs.setCurrentWidget(window.gantt)
    first = window.gantt.png
    assert first is not None and first.startswith(b"\x89PNG")
    step = _stored(window, "M1")
    with qtbot.waitSignal(window.gantt.rendered, timeout=30000):
        window._store_edit(step, replace(step, planned_start=TODAY, planned_end=TODAY + timedelta(days=20)))
    assert window.gantt.png is not None and window.gantt.png != first


def _driven(plan: MilestonesWindow) -> dict[str, int]:
    view = plan.model.plan
    assert view is not None
    return {key: view.milestone(key).percent for key in view.register_steps}


def test_the_plan_follows_the_register_edited_in_its_window_keeping_selection_and_an_open_edit(
    demo_db: Services, make_window, qtbot, errors: list[str]
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(demo_db)
    actions = window.window_actions
    project = demo_db.projects.by_code("CT-ITP")
    window.select_project(project.id)
    actions.milestones_action.trigger()
    plan = actions.milestones_window
    actions.register_action.trigger()
    register = actions.register_window
    assert plan.model.plan.register_steps  # inventory, posting, payment, hand-over come from the register
    plan.table.selectRow(plan.model.row_of("M6"))
    parties = plan.model.plan.parties
    handed_over = [
        i for i in range(register.model.rowCount()) if register.model.row(i).step in ("handed_over_on", "enforced_on")
    ]
    register.select_row(handed_over[0])
    assert register.delete_party(confirm=False)  # no polling: the register window says it changed
    assert plan.model.plan.parties == parties - 1 and plan.current_key() == "M6"
    fresh = demo_db.milestones.plan(project.id, today=plan.today)
    assert _driven(plan) == {key: fresh.milestone(key).percent for key in fresh.register_steps}
    assert f"({parties - 1} " in plan.summary.text()

    index = plan.model.index(plan.model.row_of("M6"), COLUMNS.index("title"))  # an edit in progress ...
    plan.table.setCurrentIndex(index)
    plan.table.edit(index)
    editor = plan.table.indexWidget(index)
    assert isinstance(editor, QLineEdit)
    editor.setText("Lập phương án (đang sửa)")
    register.select_row(0)
    assert register.delete_party(confirm=False)
    assert plan.table.state() == QAbstractItemView.State.EditingState  # ... is not thrown away by a reload
    assert editor.text() == "Lập phương án (đang sửa)" and plan.model.plan.parties == parties - 1
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the edit ends and is stored; then the plan catches up
    qtbot.waitUntil(lambda: plan.model.plan.parties == parties - 2 or bool(errors))
    assert errors == []
    assert _stored_in(demo_db, project.id, "M6").title == "Lập phương án (đang sửa)"
    assert plan.current_key() == "M6"
    plan.close()
    register.close()


def _stored_in(services: Services, project_id: int, key: str):  # type: ignore[no-untyped-def]
    return services.milestones.plan(project_id).milestone(key)
