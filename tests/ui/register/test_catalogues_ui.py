"""The catalogue editor: adding with checks shown in the dialog, removing refused while in use, filters follow."""

import pytest
from PySide6.QtWidgets import QMessageBox

from dossier_app.domain.catalogues import CatalogueKind
from dossier_app.services import Services
from dossier_app.ui.register.register_window import RegisterWindow
from dossier_app.ui.shared.settings import UiSettings


@pytest.fixture
def register(qtbot, demo_db: Services, ui_settings: UiSettings, vietnamese) -> RegisterWindow:  # type: ignore[no-untyped-def]
    project = demo_db.projects.by_code("CT-ITP")
    window = RegisterWindow(demo_db, project.id, ui_settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_a_bad_code_stays_in_the_dialog_with_its_message_and_a_good_one_reaches_the_filter(
    register: RegisterWindow, demo_db: Services, qtbot
) -> None:  # type: ignore[no-untyped-def]
    dialog = register.open_catalogues()
    qtbot.addWidget(dialog)
    entry = dialog.land_use.add()
    entry.code.setText("1X")
    entry.name.setText("Đất thử")
    entry.save()
    assert entry.isVisible() and "1X" in entry.error.text()
    assert "XTN" not in demo_db.catalogues.land_use_codes()
    entry.code.setText("xtn")
    entry.save()
    assert not entry.isVisible()
    assert demo_db.catalogues.land_use_codes()["XTN"] == "Đất thử"
    assert dialog.land_use.selected() is not None and dialog.land_use.selected().code == "XTN"
    assert register.land_code.findData("XTN") > 0


def test_removing_a_code_in_use_is_refused_and_an_unused_ward_goes(
    register: RegisterWindow, demo_db: Services, qtbot, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    shown: list[str] = []
    monkeypatch.setattr(
        "dossier_app.ui.register.catalogues_dialog.show_error", lambda _parent, error: shown.append(error.message)
    )
    monkeypatch.setattr(QMessageBox, "question", lambda *_args: QMessageBox.StandardButton.Yes)
    dialog = register.open_catalogues()
    qtbot.addWidget(dialog)
    dialog.land_use.table.selectRow(0)
    dialog.land_use.remove_selected()
    assert shown and "LUC" in shown[0]
    assert "LUC" in demo_db.catalogues.land_use_codes()
    wards = demo_db.catalogues.wards()
    unused = next(w for w in reversed(wards) if demo_db.catalogues.usage(CatalogueKind.WARD, w) == 0)
    dialog.tabs.setCurrentWidget(dialog.wards)
    dialog.wards.table.selectRow(wards.index(unused))
    dialog.wards.remove_selected()
    assert unused not in demo_db.catalogues.wards()
    assert dialog.wards.table.rowCount() == len(wards) - 1
