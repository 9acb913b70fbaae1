"""Consultations window, its table model and timeline, the holiday dialog, and the regime switch in the project form."""

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QMessageBox

from dossier_app.domain.review_clock import ConsultationState
from dossier_app.services import Services
from dossier_app.services.core.context import Operator
from dossier_app.ui.completeness.consultations_model import RECEIVED, SENT, STATE, ConsultationTableModel
from dossier_app.ui.completeness.consultations_window import ConsultationsWindow
from dossier_app.ui.dossier.project_dialog import ProjectDialog
from dossier_app.ui.shared.holidays_dialog import HolidaysDialog
from dossier_app.ui.shell.navigator import OUTSIDE_ROLE, NavigatorModel


def _states(model: ConsultationTableModel) -> list[ConsultationState]:
    return [model.row_at(row).state for row in range(model.rowCount())]


def test_model_colours_late_and_due_soon_rows(demo_db: Services, qtbot) -> None:  # type: ignore[no-untyped-def]
    model = ConsultationTableModel(demo_db, demo_db.projects.by_code("CT-HTP").id)
    assert model.rowCount() == 7 and model.columnCount() == 7
    states = _states(model)
    late = states.index(ConsultationState.OVERDUE)
    soon = states.index(ConsultationState.DUE_SOON)
    assert model.data(model.index(late, 0), Qt.ItemDataRole.BackgroundRole) == QColor("#f4c7c3")
    assert model.data(model.index(soon, 0), Qt.ItemDataRole.BackgroundRole) == QColor("#fde9b8")
    assert model.data(model.index(0, 0), Qt.ItemDataRole.BackgroundRole) is None
    assert model.flags(model.index(late, RECEIVED)) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(model.index(late, STATE)) & Qt.ItemFlag.ItemIsEditable


def test_inline_date_edits_go_through_the_service(demo_db: Services, qtbot) -> None:  # type: ignore[no-untyped-def]
    project_id = demo_db.projects.by_code("CT-HTP").id
    model = ConsultationTableModel(demo_db, project_id)
    late = _states(model).index(ConsultationState.OVERDUE)
    row_id, due = model.row_at(late).id, model.row_at(late).due_on
    assert due is not None
    received = due + timedelta(days=1)
    assert model.setData(model.index(late, RECEIVED), received.strftime("%d/%m/%Y"))
    stored = {r.id: r for r in demo_db.consultations.overview(project_id).rows}[row_id]
    assert stored.received_on == received and stored.state is ConsultationState.RECEIVED_LATE
    failures: list[object] = []
    model.failed.connect(failures.append)
    assert not model.setData(model.index(late, RECEIVED), "31/02/2026")
    assert not model.setData(model.index(late, SENT), "")  # a reply needs its request: refused
    assert len(failures) == 2
    stored = {r.id: r for r in demo_db.consultations.overview(project_id).rows}[row_id]
    assert stored.received_on == received and stored.sent_on is not None
    assert model.setData(model.index(late, RECEIVED), "")
    assert {r.id: r for r in demo_db.consultations.overview(project_id).rows}[row_id].received_on is None


def test_window_draws_the_clock_and_edits_the_filing_date(demo_db: Services, qtbot) -> None:  # type: ignore[no-untyped-def]
    project_id = demo_db.projects.by_code("CT-HTP").id
    today = demo_db.consultations.today()
    window = ConsultationsWindow(demo_db, project_id, "vi", today=today)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    phases = window.model.overview.phases
    assert [p.working_days for p in phases] == [5, 20, 5, 5]
    assert window.submitted_box.isChecked()
    timeline = window.timeline
    assert timeline.x_of(phases[0].start) < timeline.x_of(today) <= timeline.x_of(phases[-1].end)
    assert not timeline.grab().isNull()
    window.submitted_box.setChecked(False)
    assert demo_db.consultations.overview(project_id).submitted_on is None
    assert window.model.overview.phases == ()
    window.add_body("Bộ Tư pháp")
    assert window.model.rowCount() == 8
    window.add_body("Bộ Tư pháp")
    assert window.model.rowCount() == 8 and window.error_label.text()
    window.table.selectRow(7)
    window.remove_selected()
    assert window.model.rowCount() == 7


def test_the_dossier_menu_opens_the_consultations_of_the_current_project(demo_db: Services, make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window(demo_db)
    actions = window.window_actions
    assert actions.consultations_action in window.dossier_menu.actions()
    project = demo_db.projects.by_code("CT-HTP")
    window.select_project(project.id)
    assert actions.consultations_action.isEnabled()
    actions.consultations_action.trigger()
    opened = actions.consultations_window
    assert isinstance(opened, ConsultationsWindow) and opened.isVisible() and opened.model.rowCount() == 7
    opened.close()


def test_holiday_dialog_adds_and_removes_days(demo_db: Services, qtbot) -> None:  # type: ignore[no-untyped-def]
    read_only = HolidaysDialog(demo_db, demo_db.accounts.get("officer"))
    qtbot.addWidget(read_only)
    assert not read_only.add_button.isEnabled()  # officers do not edit the calendar
    demo_db.context.operator = Operator("cli:test")
    dialog = HolidaysDialog(demo_db)
    qtbot.addWidget(dialog)
    dialog.year_combo.setCurrentIndex(dialog.year_combo.findData(2026))
    rows = dialog.table.rowCount()
    assert rows == len(demo_db.holidays.days(2026))
    dialog.date_edit.setDate(QDate(2026, 11, 27))
    dialog.name_edit.setText("Nghỉ đột xuất")
    dialog.add_day()
    assert dialog.table.rowCount() == rows + 1 and not dialog.error_label.text()
    assert date(2026, 11, 27) in demo_db.holidays.calendar().days_off
    dialog.add_day()  # no name now: refused, named
    assert dialog.error_label.text() and dialog.table.rowCount() == rows + 1
    dialog.table.selectRow(dialog.table.rowCount() - 1)
    dialog.remove_selected()
    assert dialog.table.rowCount() == rows
    assert date(2026, 11, 27) not in demo_db.holidays.calendar().days_off


@pytest.mark.parametrize("confirm", [True, False])
def test_project_dialog_switches_the_regime_after_listing_what_is_kept(  # type: ignore[no-untyped-def]
    demo_db: Services, qtbot, monkeypatch, confirm: bool
) -> None:
    project = demo_db.projects.by_code("CT-HTP")
    asked: list[str] = []

    def question(_parent: object, _title: str, text: str) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.Yes if confirm else QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", question)
    dialog = ProjectDialog(demo_db, "vi", project)
    qtbot.addWidget(dialog)
    assert dialog.ui.regimeCombo.isEnabled() and not dialog.ui.kindCombo.isEnabled()
    assert dialog.regimeNote.isHidden()
    dialog.ui.regimeCombo.setCurrentIndex(dialog.ui.regimeCombo.findData("nd260_2026"))
    assert not dialog.regimeNote.isHidden() and "20" in dialog.regimeNote.text()
    dialog.accept()
    assert len(asked) == 1 and "5" in asked[0] and "Ranh giới và tọa độ" in asked[0]
    expected = "nd260_2026" if confirm else "nd10_2024"
    assert demo_db.projects.by_code("CT-HTP").regime_key == expected
    model = NavigatorModel(demo_db)
    model.reload()
    marked = model.match(model.index(0, 0), OUTSIDE_ROLE, True, -1, Qt.MatchFlag.MatchRecursive)
    assert len(marked) == (5 if confirm else 0)
    for index in marked:
        assert index.data(Qt.ItemDataRole.FontRole).italic()
