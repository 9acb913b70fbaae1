"""Readiness dashboard, conditions checklist, facts and the comment register: links navigate, edits persist."""

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidgetItem

from dossier_app.domain.comment_register import CommentState
from dossier_app.domain.conditions import ConditionStatus
from dossier_app.domain.readiness import Group, Light, TargetKind
from dossier_app.services import Services
from dossier_app.ui.completeness.readiness_window import TARGET_ROLE, ReadinessWindow
from dossier_app.ui.shell.main_window import MainWindow


def _open(demo_db: Services, make_window) -> tuple[MainWindow, int]:  # type: ignore[no-untyped-def]
    window = make_window(demo_db)
    project_id = demo_db.projects.by_code("CT-ITP").id
    window.select_project(project_id)
    return window, project_id


def _item(dashboard: ReadinessWindow, kind: TargetKind, ref: str | None = None) -> QTreeWidgetItem:
    for top in range(dashboard.tree.topLevelItemCount()):
        head = dashboard.tree.topLevelItem(top)
        for index in range(head.childCount()):
            child = head.child(index)
            target = child.data(0, TARGET_ROLE)
            if target.kind is kind and (ref is None or target.ref == ref):
                return child
    raise AssertionError(f"no item for {kind} {ref}")


def _double_click(qtbot, dashboard: ReadinessWindow, item: QTreeWidgetItem) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitExposed(dashboard)
    dashboard.tree.scrollToItem(item)
    centre = dashboard.tree.visualItemRect(item).center()
    qtbot.mouseClick(dashboard.tree.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseDClick(dashboard.tree.viewport(), Qt.MouseButton.LeftButton, pos=centre)


def test_menu_opens_the_dashboard_grouped_and_coloured(demo_db: Services, make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window, project_id = _open(demo_db, make_window)
    actions = window.window_actions.readiness
    assert actions.readiness_action.isEnabled()
    assert actions.readiness_action.shortcut().toString() == "Ctrl+Shift+R"
    assert actions.readiness_action in window.dossier_menu.actions()
    actions.readiness_action.trigger()
    dashboard = actions.readiness_window
    assert dashboard is not None and dashboard.isVisible()
    report = demo_db.readiness.report(project_id)
    groups = [g for g in Group if report.group(g)]
    assert dashboard.tree.topLevelItemCount() == len(groups)
    assert sum(dashboard.tree.topLevelItem(i).childCount() for i in range(len(groups))) == len(report.items)
    assert "CT-ITP" in dashboard.windowTitle() and "CT-ITP" in dashboard.summary.text()


def test_clicking_a_document_item_opens_its_first_missing_section(demo_db: Services, make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window, project_id = _open(demo_db, make_window)
    dashboard = window.window_actions.readiness.open_readiness()
    item = _item(dashboard, TargetKind.SECTION)
    expected = int(item.data(0, TARGET_ROLE).ref)
    _double_click(qtbot, dashboard, item)
    assert window.current_section is not None and window.current_section.id == expected
    assert window.current_section.project_id == project_id


def test_clicking_an_attachment_item_opens_the_attachments_tab(demo_db: Services, make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window, _project_id = _open(demo_db, make_window)
    dashboard = window.window_actions.readiness.open_readiness()
    item = _item(dashboard, TargetKind.ATTACHMENT, "eia_decision")
    _double_click(qtbot, dashboard, item)
    assert window.tabs.currentWidget() is window.attachments
    assert window.current_section is not None and window.current_section.id == item.data(0, TARGET_ROLE).section_id


def test_condition_and_comment_items_open_their_windows_at_the_row(demo_db: Services, make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window, project_id = _open(demo_db, make_window)
    actions = window.window_actions.readiness
    dashboard = actions.open_readiness()
    key = demo_db.checklist.conditions(project_id)[4].key
    _double_click(qtbot, dashboard, _item(dashboard, TargetKind.CONDITION, key))
    assert actions.checklist_window is not None and actions.checklist_window.selected_key() == key
    pending = demo_db.comment_register.comments(project_id, state=CommentState.PENDING)[0]
    _double_click(qtbot, dashboard, _item(dashboard, TargetKind.COMMENT, str(pending.id)))
    register = actions.register_window
    assert register is not None and register.selected() is not None and register.selected().id == pending.id


def test_editing_a_condition_status_persists_and_refreshes_the_dashboard(demo_db: Services, make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window, project_id = _open(demo_db, make_window)
    actions = window.window_actions.readiness
    dashboard = actions.open_readiness()
    checklist = actions.open_checklist()
    row = next(r for r in demo_db.checklist.conditions(project_id) if r.status is ConditionStatus.UNKNOWN)
    checklist.select_condition(row.key)
    checklist.status.setCurrentIndex(checklist.status.findData(ConditionStatus.MET.value))
    checklist.note.setPlainText("Mật độ xây dựng thuần 35 %.")
    checklist.evidence.item(0).setCheckState(Qt.CheckState.Checked)
    qtbot.mouseClick(checklist.save_button, Qt.MouseButton.LeftButton)
    stored = next(r for r in demo_db.checklist.conditions(project_id) if r.key == row.key)
    assert (stored.status, stored.note, len(stored.evidence)) == (ConditionStatus.MET, "Mật độ xây dựng thuần 35 %.", 1)
    assert _item(dashboard, TargetKind.CONDITION, row.key).icon(0) is not None
    lights = {i.target.ref: i.light for i in dashboard.report.items if i.target.kind is TargetKind.CONDITION}
    assert lights[row.key] is Light.GREEN
    assert checklist.conditions.item(checklist.conditions.currentRow(), 1).text() == checklist.status.itemText(
        checklist.status.findData(ConditionStatus.MET.value)
    )


def test_criteria_table_and_facts_dialog(demo_db: Services, make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    from dossier_app.ui.completeness.facts_dialog import FactsDialog

    window, project_id = _open(demo_db, make_window)
    checklist = window.window_actions.readiness.open_checklist()
    assert checklist.criteria.rowCount() == len(demo_db.checklist.criteria(project_id))
    dialog = FactsDialog(demo_db, project_id, checklist)
    qtbot.addWidget(dialog)
    dialog.edits["building_density_pct"].setText("41")
    dialog.edits["existing_parks_occupancy_pct"].setText("60,0")
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    facts = demo_db.checklist.facts(project_id)
    assert (facts.building_density_pct, facts.existing_parks_occupancy_pct) == (Decimal("41"), Decimal("60.0"))


def test_comment_register_filters_and_goes_to_the_section(demo_db: Services, make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window, _project_id = _open(demo_db, make_window)
    register = window.window_actions.readiness.open_comment_register()
    assert register.table.rowCount() == 3
    register.state_filter.setCurrentIndex(register.state_filter.findData(CommentState.EXPLAINED.value))
    assert register.table.rowCount() == 1 and register.comments[0].state is CommentState.EXPLAINED
    register.state_filter.setCurrentIndex(0)
    register.source_filter.setCurrentIndex(register.source_filter.findData("Bộ Khoa học và Công nghệ"))
    assert register.table.rowCount() == 1
    register.table.selectRow(0)
    assert register.section_button.isEnabled()
    qtbot.mouseClick(register.section_button, Qt.MouseButton.LeftButton)
    assert window.current_section is not None and window.current_section.id == register.comments[0].section_id
