"""The milestone table model without a window: cells, flags, colours, tooltips and edits handed to the editor."""

from collections.abc import Iterator
from dataclasses import replace
from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt

from dossier_app.domain.milestones import Milestone, MilestoneStatus
from dossier_app.services import Services, open_services
from dossier_app.services.core.context import Operator
from dossier_app.ui.milestones.milestone_model import (
    AT_RISK_COLOUR,
    COLUMNS,
    KEY_ROLE,
    OVERDUE_COLOUR,
    MilestoneTableModel,
    from_qdate,
)
from tests.conftest import FAST_HASHER, TESTER
from tests.services.register_support import party
from tests.services.support import it_park

TODAY = date(2026, 6, 1)
DISPLAY, EDIT = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole


@pytest.fixture
def plan_db(sqlite_url: str) -> Iterator[tuple[Services, int]]:
    """A project with an approval done on 10 May, a late decision, a payment coming up and one party."""
    services = open_services(sqlite_url, Operator(TESTER), password_hasher=FAST_HASHER)
    project = services.projects.create(it_park()).id
    services.register.add_party(project, party())
    view = services.milestones.plan(project, today=TODAY)
    for key, changes in {
        "M10": {"actual_start": date(2026, 5, 1), "actual_end": date(2026, 5, 10), "status": MilestoneStatus.DONE},
        "M11": {"planned_start": date(2026, 5, 12), "planned_end": date(2026, 5, 18)},
        "M12": {"planned_start": date(2026, 5, 20), "planned_end": date(2026, 6, 8)},
    }.items():
        services.milestones.update_step(project, replace(view.milestone(key), **changes))  # type: ignore[arg-type]
    services.milestones.set_at_risk_days(project, 10)
    yield services, project
    services.close()


def _model(services: Services, project: int) -> MilestoneTableModel:
    model = MilestoneTableModel()
    model.set_plan(services.milestones.plan(project, today=TODAY))
    return model


def _cell(model: MilestoneTableModel, key: str, column: str, role: int = DISPLAY) -> object:
    return model.index(model.row_of(key), COLUMNS.index(column)).data(role)


def test_rows_and_cells(qapp, plan_db: tuple[Services, int]) -> None:  # type: ignore[no-untyped-def]
    model = _model(*plan_db)
    assert model.rowCount() == 16 and model.columnCount() == len(COLUMNS)
    assert [model.index(row, 0).data(KEY_ROLE) for row in range(3)] == ["M1", "M2", "M3"]
    assert _cell(model, "M10", "actual_end") == "10/05/2026"
    assert _cell(model, "M10", "actual_end", EDIT) == QDate(2026, 5, 10)
    assert _cell(model, "M10", "status", EDIT) == "done"
    assert _cell(model, "M11", "deadline").startswith("≤ 20/05/2026")
    assert _cell(model, "M4", "percent") == "100 %"  # the one party is inventoried
    assert _cell(model, "M1", "planned_start") == "" and _cell(model, "M1", "drift") == ""


def test_flagged_rows_are_coloured_and_say_why(qapp, plan_db: tuple[Services, int]) -> None:  # type: ignore[no-untyped-def]
    model = _model(*plan_db)
    assert _cell(model, "M11", "title", Qt.ItemDataRole.BackgroundRole) == OVERDUE_COLOUR
    assert _cell(model, "M12", "status", Qt.ItemDataRole.BackgroundRole) == AT_RISK_COLOUR
    assert _cell(model, "M13", "title", Qt.ItemDataRole.BackgroundRole) is None
    assert _cell(model, "M11", "key", Qt.ItemDataRole.DecorationRole) is not None  # seen while selected too
    assert _cell(model, "M13", "key", Qt.ItemDataRole.DecorationRole) is None
    why = str(_cell(model, "M11", "title", Qt.ItemDataRole.ToolTipRole))
    assert why.startswith("Overdue") and "20/05/2026" in why and "12 day(s)" in why
    assert "Within 10 days of the plan's approval" in why  # the legal clock, in the UI language
    soon = str(_cell(model, "M12", "key", Qt.ItemDataRole.ToolTipRole))
    assert soon.startswith("At risk") and "8 day(s) left" in soon and "09/06/2026" in soon
    assert _cell(model, "M13", "title", Qt.ItemDataRole.ToolTipRole) is None


def test_the_legal_clock_is_named_in_vietnamese_in_a_vietnamese_ui(qapp, vietnamese, plan_db) -> None:  # type: ignore[no-untyped-def]
    model = _model(*plan_db)
    why = str(_cell(model, "M11", "title", Qt.ItemDataRole.ToolTipRole))
    assert "Trong 10 ngày kể từ ngày phê duyệt phương án" in why


def test_register_driven_percents_are_read_only_with_a_tooltip(qapp, plan_db: tuple[Services, int]) -> None:  # type: ignore[no-untyped-def]
    model = _model(*plan_db)
    driven = model.index(model.row_of("M4"), COLUMNS.index("percent"))
    typed = model.index(model.row_of("M5"), COLUMNS.index("percent"))
    assert not model.flags(driven) & Qt.ItemFlag.ItemIsEditable
    assert model.flags(typed) & Qt.ItemFlag.ItemIsEditable
    assert "land register" in str(driven.data(Qt.ItemDataRole.ToolTipRole))
    assert not model.setData(driven, 10)
    assert not model.flags(model.index(0, COLUMNS.index("key"))) & Qt.ItemFlag.ItemIsEditable
    model.writable = False
    assert not model.flags(typed) & Qt.ItemFlag.ItemIsEditable


def test_set_data_hands_the_edited_step_to_the_editor(qapp, plan_db: tuple[Services, int]) -> None:  # type: ignore[no-untyped-def]
    model = _model(*plan_db)
    asked: list[tuple[Milestone, Milestone]] = []
    model.editor = lambda before, after: asked.append((before, after)) or True
    row = model.row_of("M5")
    assert model.setData(model.index(row, COLUMNS.index("planned_end")), QDate(2026, 7, 1))
    assert model.setData(model.index(row, COLUMNS.index("status")), "running")
    assert model.setData(model.index(row, COLUMNS.index("title")), "  Lập   phương án  ")
    assert not model.setData(model.index(row, COLUMNS.index("status")), "finished")
    assert not model.setData(model.index(row, COLUMNS.index("responsible")), _cell(model, "M5", "responsible"))
    (_, first), (_, second), (_, third) = asked
    assert first.planned_end == date(2026, 7, 1) and second.status is MilestoneStatus.RUNNING
    assert third.title == "Lập phương án"
    assert from_qdate(QDate()) is None


def test_the_same_steps_repaint_and_other_steps_reset(qapp, qtbot, plan_db: tuple[Services, int]) -> None:  # type: ignore[no-untyped-def]
    services, project = plan_db
    model = _model(services, project)
    with qtbot.waitSignal(model.dataChanged, timeout=1000):
        model.set_plan(services.milestones.plan(project, today=TODAY))
    services.milestones.move_step(project, "M3", 0)
    with qtbot.waitSignal(model.modelReset, timeout=1000):
        model.set_plan(services.milestones.plan(project, today=TODAY))
    assert model.index(0, 0).data() == "M3"
