"""Editing the register in its window: new, edit and delete a party, problems shown where they are, keyboard."""

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QMessageBox

from dossier_app.domain.register import AssetInput
from dossier_app.services import Services, open_services
from dossier_app.services.core.context import Operator
from dossier_app.services.dossier.projects import ProjectView
from dossier_app.ui.register import register_edit, register_window
from dossier_app.ui.register.catalogue_picker import CataloguePicker
from dossier_app.ui.register.register_edit import PartyEditDialog
from dossier_app.ui.register.register_window import RegisterWindow
from dossier_app.ui.shared.i18n import Translators
from dossier_app.ui.shared.settings import UiSettings
from tests.conftest import FAST_HASHER, TESTER
from tests.services.register_support import counts
from tests.ui.register_ui_support import fill_register

SIZE = 24


@pytest.fixture(autouse=True)
def shown_errors(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Errors the window and the dialog would show in a modal box, collected instead (a box would block)."""
    shown: list[str] = []
    monkeypatch.setattr(register_edit, "show_error", lambda _parent, error: shown.append(error.message))
    monkeypatch.setattr(register_window, "show_error", lambda _parent, error: shown.append(error.message))
    return shown


@pytest.fixture
def edit_db(sqlite_url: str) -> Iterator[Services]:
    """Services on a fresh SQLite file, acting as the local operator."""
    services = open_services(sqlite_url, Operator(TESTER), password_hasher=FAST_HASHER)
    yield services
    services.close()


@pytest.fixture
def project(edit_db: Services) -> ProjectView:
    """A project whose register holds SIZE parties."""
    return fill_register(edit_db, SIZE)


@pytest.fixture
def window(qtbot, edit_db: Services, project: ProjectView, ui_settings: UiSettings, vietnamese: Translators):  # type: ignore[no-untyped-def]
    """The register window of `project`, shown."""
    built = RegisterWindow(edit_db, project.id, ui_settings)
    qtbot.addWidget(built)
    built.show()
    qtbot.waitExposed(built)
    return built


def _text(dialog: PartyEditDialog, name: str, value: str) -> None:
    widget = dialog.fields[name]
    assert isinstance(widget, QLineEdit)
    widget.setText(value)


def _cell(table: Any, row: int, field: str, value: str) -> None:
    position = next(i for i, c in enumerate(table.columns) if c.name == field)
    table.item(row, position).setText(value)


def _fill_new(dialog: PartyEditDialog, qtbot) -> None:  # type: ignore[no-untyped-def]
    _text(dialog, "code", "HT-9000")
    _text(dialog, "name", "Đặng Thị Mỹ Lệ")
    _text(dialog, "citizen_id", "092185009000")
    _text(dialog, "ward", "Phường Hưng Thạnh")
    _text(dialog, "notified_on", "01/03/2026")
    _text(dialog, "inventoried_on", "20/04/2026")
    dialog.tabs.setCurrentIndex(1)
    dialog.parcels.setFocus()
    qtbot.keyClick(dialog.parcels, Qt.Key.Key_Insert)  # Insert adds a row
    assert dialog.parcels.rowCount() == 1
    for field, value in (("map_sheet", "40"), ("parcel_no", "12"), ("total_area_m2", "1.200,5"),
                         ("recovered_area_m2", "600"), ("land_use_code", "luc")):  # fmt: skip
        _cell(dialog.parcels, 0, field, value)
    dialog.assets.add_row()
    _cell(dialog.assets, 0, "kind", "Nhà ở")
    _cell(dialog.assets, 0, "grade", "Cấp IV")
    _cell(dialog.assets, 0, "area_m2", "72,5")
    dialog.lines.add_row()
    _cell(dialog.lines, 0, "kind", "land")
    _cell(dialog.lines, 0, "amount_vnd", "198.165.000")


def test_ctrl_n_opens_a_new_party_saved_with_enter_and_kept_selected(
    window: RegisterWindow, edit_db: Services, project: ProjectView, qtbot
) -> None:  # type: ignore[no-untyped-def]
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = window.edit_dialog
    assert dialog is not None and dialog.isVisible() and dialog.party_id is None
    assert not dialog.save_button.isEnabled()  # code and name are still empty
    _fill_new(dialog, qtbot)
    assert dialog.problems == [] and dialog.save_button.isEnabled()
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert not dialog.isVisible() and dialog.saved is not None
    stored = edit_db.register.party(dialog.saved.id).data
    assert stored.name == "Đặng Thị Mỹ Lệ" and stored.inventoried_on == date(2026, 4, 20)
    assert [(p.map_sheet, p.total_area_m2, p.land_use_code) for p in stored.parcels] == [
        ("40", Decimal("1200.5"), "LUC")
    ]
    assert stored.assets == (AssetInput("house", "", "Cấp IV", Decimal("72.5")),)
    assert stored.compensation[0].amount_vnd == 198_165_000
    assert window.model.rowCount() == SIZE + 1
    qtbot.waitUntil(lambda: str(SIZE + 1) in window.totals_label.text(), timeout=5000)  # summed in the background
    assert window.selected_party() == dialog.saved.id  # the new party is selected where the sort puts it
    assert "Đặng Thị Mỹ Lệ" in window.detail.toPlainText()


def test_problems_show_next_to_their_field_or_cell_and_block_saving(
    window: RegisterWindow, edit_db: Services, qtbot
) -> None:  # type: ignore[no-untyped-def]
    before = counts(edit_db)
    dialog = window.new_party()
    _fill_new(dialog, qtbot)
    _text(dialog, "citizen_id", "0921850090001")  # 13 digits
    _text(dialog, "inventoried_on", "01/02/2026")  # before the notice
    _cell(dialog.parcels, 0, "recovered_area_m2", "1300")  # above the total
    _cell(dialog.lines, 0, "amount_vnd", "-5")
    _cell(dialog.assets, 0, "area_m2", "bảy mươi")  # text in a number cell
    assert dialog.field_errors["citizen_id"].text()  # the reason, beside the field
    assert dialog.field_errors["inventoried_on"].text()
    assert dialog.field_errors["name"].text() == ""
    assert dialog.parcels.cell_problem(0, "recovered_area_m2")
    assert dialog.parcels.cell_problem(0, "total_area_m2") == ""
    assert dialog.lines.cell_problem(0, "amount_vnd")
    assert dialog.assets.cell_problem(0, "area_m2")
    where = sorted((part, row, field) for part, row, field, _ in dialog.problems)
    assert where == [
        ("asset", 0, "area_m2"),
        ("line", 0, "amount_vnd"),
        ("parcel", 0, "recovered_area_m2"),
        ("party", None, "citizen_id"),
        ("party", None, "inventoried_on"),
    ]
    assert not dialog.save_button.isEnabled() and "5" in dialog.summary.text()
    dialog.accept()  # even forced, nothing is saved while anything is wrong
    assert dialog.isVisible() and counts(edit_db) == before
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # Esc cancels
    assert not dialog.isVisible() and dialog.saved is None and counts(edit_db) == before


def test_edit_the_selected_party_with_enter_round_trips_every_field(
    window: RegisterWindow, edit_db: Services, qtbot, shown_errors: list[str]
) -> None:  # type: ignore[no-untyped-def]
    window.select_row(5)
    party_id = window.selected_party()
    assert party_id is not None
    original = edit_db.register.party(party_id).data
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_Return)
    dialog = window.edit_dialog
    assert dialog is not None and dialog.party_id == party_id
    assert dialog.record() == (original, [])  # what the widgets show reads back as the stored party
    assert dialog.problems == []
    _text(dialog, "name", "Aaa Văn Đầu")  # sorts first by name
    window.model.sort(1, Qt.SortOrder.AscendingOrder)
    dialog.accept()
    assert shown_errors == []
    assert edit_db.register.party(party_id).data.name == "Aaa Văn Đầu"
    assert window.selected_party() == party_id and window.table.selectionModel().selectedRows()[0].row() == 0
    assert "Aaa Văn Đầu" in window.detail.toPlainText()


def test_refused_saves_keep_the_dialog_open_and_write_nothing(
    window: RegisterWindow, edit_db: Services, qtbot, shown_errors: list[str]
) -> None:  # type: ignore[no-untyped-def]
    shown = shown_errors
    before = counts(edit_db)
    dialog = window.new_party()
    _fill_new(dialog, qtbot)
    _text(dialog, "code", "HT-0003")  # an existing code: the service refuses
    dialog.accept()
    assert shown and "HT-0003" in shown[0] and dialog.isVisible() and counts(edit_db) == before
    _text(dialog, "code", "HT-9001")
    edit_db.context.operator = Operator("nobody")  # no role may edit the register
    dialog.accept()
    assert len(shown) == 2 and dialog.isVisible() and counts(edit_db) == before


def test_delete_asks_first(window: RegisterWindow, edit_db: Services, project: ProjectView, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    asked: list[str] = []

    def question(_parent: Any, _title: str, text: str, *_args: Any) -> QMessageBox.StandardButton:
        asked.append(text)
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", question)
    window.select_row(2)
    party_id = window.selected_party()
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_Delete)
    assert "HT-0002" in asked[0] and edit_db.register.count(project.id) == SIZE
    qtbot.keyClick(window.table, Qt.Key.Key_Delete)
    assert edit_db.register.count(project.id) == window.model.rowCount() == SIZE - 1
    assert party_id not in [window.model.index(r, 0).data(Qt.ItemDataRole.UserRole + 1) for r in range(SIZE - 1)]
    window.search.setFocus()
    qtbot.keyClick(window.search, Qt.Key.Key_Delete)  # Delete in the search box deletes no party
    assert len(asked) == 2


def _key(qtbot, picker: CataloguePicker, key: Qt.Key | str) -> None:  # type: ignore[no-untyped-def]
    """A key where a person's key goes: the picker's open list, else the picker (which types into its line)."""
    popup = picker.picker_list.popup()
    target = popup if popup.isVisible() else picker
    if isinstance(key, str):
        qtbot.keyClicks(target, key)
    else:
        qtbot.keyClick(target, key)


def _type(qtbot, picker: CataloguePicker, text: str) -> None:  # type: ignore[no-untyped-def]
    for char in text:  # ASCII only (keyClicks and non-ASCII text do not mix)
        _key(qtbot, picker, char)


def _open_picker(qtbot, table: Any, row: int, field: str, key: Qt.Key = Qt.Key.Key_F2) -> CataloguePicker:  # type: ignore[no-untyped-def]
    position = next(i for i, c in enumerate(table.columns) if c.name == field)
    table.setFocus()
    table.setCurrentCell(row, position)
    qtbot.keyClick(table, key)
    picker = table.indexWidget(table.currentIndex())
    assert isinstance(picker, CataloguePicker)
    return picker


def test_a_kind_is_picked_by_typing_part_of_its_name_without_diacritics(
    window: RegisterWindow, edit_db: Services, qtbot
) -> None:  # type: ignore[no-untyped-def]
    dialog = window.new_party()
    _fill_new(dialog, qtbot)
    dialog.tabs.setCurrentIndex(3)
    picker = _open_picker(qtbot, dialog.lines, 0, "kind")
    _type(qtbot, picker, "di chuyen")  # "Hỗ trợ di chuyển" typed as a tired official types it
    popup = picker.picker_list.popup()
    assert popup.isVisible() and popup.currentIndex().data() == "Hỗ trợ di chuyển"
    _key(qtbot, picker, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.lines.state() != QAbstractItemView.State.EditingState)
    item = dialog.lines.item(0, 0)
    assert item.text() == "Hỗ trợ di chuyển" and item.toolTip() == "relocation"
    assert dialog.problems == []
    dialog.accept()
    assert dialog.saved is not None
    assert [line.kind for line in edit_db.register.party(dialog.saved.id).data.compensation] == ["relocation"]


def test_typing_in_a_land_use_cell_picks_by_name_escape_keeps_it_and_an_unknown_code_is_reported(
    window: RegisterWindow, edit_db: Services, qtbot
) -> None:  # type: ignore[no-untyped-def]
    dialog = window.new_party()
    _fill_new(dialog, qtbot)
    parcels = dialog.parcels
    column = next(i for i, c in enumerate(parcels.columns) if c.name == "land_use_code")
    picker = _open_picker(qtbot, parcels, 0, "land_use_code", Qt.Key.Key_N)  # typing opens the list
    assert picker.currentText() == "n"
    _type(qtbot, picker, "ong THON")  # by name, any case, no diacritics
    assert picker.picker_list.popup().currentIndex().data() == "ONT — Đất ở tại nông thôn"
    _key(qtbot, picker, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: parcels.state() != QAbstractItemView.State.EditingState)
    assert parcels.item(0, column).text() == "Đất ở tại nông thôn" and parcels.item(0, column).toolTip() == "ONT"
    assert dialog.record()[0].parcels[0].land_use_code == "ONT" and dialog.problems == []

    picker = _open_picker(qtbot, parcels, 0, "land_use_code")  # F2
    assert picker.currentText() == "ONT — Đất ở tại nông thôn"
    _type(qtbot, picker, "luc")
    _key(qtbot, picker, Qt.Key.Key_Escape)  # one Escape, even with the list open, cancels
    qtbot.waitUntil(lambda: parcels.state() != QAbstractItemView.State.EditingState)
    assert parcels.item(0, column).text() == "Đất ở tại nông thôn"
    assert dialog.record()[0].parcels[0].land_use_code == "ONT"

    picker = _open_picker(qtbot, parcels, 0, "land_use_code")
    picker.lineEdit().selectAll()
    _type(qtbot, picker, "QQX")  # no such code: kept as typed for the rules to refuse
    assert not picker.picker_list.popup().isVisible()
    _key(qtbot, picker, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: parcels.state() != QAbstractItemView.State.EditingState)
    assert parcels.item(0, column).text() == "QQX"
    assert parcels.cell_problem(0, "land_use_code") and not dialog.save_button.isEnabled()
    assert [(p, f) for p, _, f, _ in dialog.problems] == [("parcel", "land_use_code")]


def test_asset_kinds_are_picked_and_shown_by_name(window: RegisterWindow, edit_db: Services, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = window.new_party()
    _fill_new(dialog, qtbot)
    dialog.tabs.setCurrentIndex(2)
    picker = _open_picker(qtbot, dialog.assets, 0, "kind")
    assert picker.currentText() == "Nhà ở"  # typed as "Nhà ở", known by its name
    picker.lineEdit().selectAll()
    _type(qtbot, picker, "mo ma")
    _key(qtbot, picker, Qt.Key.Key_Tab)  # Tab takes the highlighted entry too and moves on
    qtbot.waitUntil(lambda: dialog.assets.item(0, 0).text() == "Mồ mả")
    assert dialog.assets.item(0, 0).toolTip() == "grave"
    _cell(dialog.assets, 0, "area_m2", "")
    _cell(dialog.assets, 0, "grade", "")
    _cell(dialog.assets, 0, "count", "2")
    assert dialog.problems == []
    dialog.accept()
    assert dialog.saved is not None
    assert [(a.kind, a.count) for a in edit_db.register.party(dialog.saved.id).data.assets] == [("grave", 2)]


def test_figures_in_the_child_tables_line_up_on_the_right(  # type: ignore[no-untyped-def]
    window: RegisterWindow, edit_db: Services, project: ProjectView, qtbot
) -> None:
    party_id = next(i for i in edit_db.register.party_ids(project.id) if edit_db.register.party(i).data.compensation)
    dialog = PartyEditDialog(edit_db, project.id, party_id)
    qtbot.addWidget(dialog)
    columns = [column.name for column in dialog.lines.columns]
    right = Qt.AlignmentFlag.AlignRight
    amount = dialog.lines.item(0, columns.index("amount_vnd"))
    description = dialog.lines.item(0, columns.index("description"))
    assert amount.text() and Qt.AlignmentFlag(amount.textAlignment()) & right
    assert not Qt.AlignmentFlag(description.textAlignment()) & right
