"""Project form, settings and language switch, first-start offer."""

from datetime import datetime
from decimal import Decimal

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from dossier_app.app import WindowController
from dossier_app.domain.enums import DocumentKind, ParkKind
from dossier_app.services import Services, open_services
from dossier_app.services.core.context import Operator
from dossier_app.ui.dossier.project_dialog import ProjectDialog
from dossier_app.ui.shared.i18n import Translators
from dossier_app.ui.shared.settings import UiSettings
from dossier_app.ui.shell.welcome import offer_start
from tests.conftest import FAST_HASHER


def fill(dialog: ProjectDialog, **values: str) -> None:
    """Type into the form's line edits by field name."""
    ui = dialog.ui
    edits = {
        "code": ui.codeEdit,
        "name": ui.nameEdit,
        "ward": ui.wardEdit,
        "area": ui.areaEdit,
        "investment": ui.investmentEdit,
        "sender": ui.senderCodeEdit,
        "recipient": ui.recipientCodeEdit,
    }
    for name, value in values.items():
        edits[name].setText(value)


def test_new_project_gets_its_regime_documents(demo_db: Services, qtbot, vietnamese) -> None:  # type: ignore[no-untyped-def]
    dialog = ProjectDialog(demo_db, "vi")
    qtbot.addWidget(dialog)
    dialog.ui.kindCombo.setCurrentIndex(dialog.ui.kindCombo.findData(ParkKind.IT_PARK))
    assert dialog.ui.regimeCombo.currentData() == "nd154_2013"
    fill(
        dialog,
        code="HG-ITP",
        name="Khu CNTT tập trung Vị Thanh",
        ward="Phường Vị Thanh",
        area="12,5",
        investment="1.250.000.000.000",
    )
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    project = demo_db.projects.by_code("HG-ITP")
    assert project.area_ha == Decimal("12.5") and project.total_investment_vnd == 1_250_000_000_000
    kinds = [tree.kind for tree in demo_db.dossiers.tree(project.id)]
    assert kinds == [DocumentKind.TO_TRINH, DocumentKind.DE_AN]


def test_bad_project_input_is_named_and_nothing_is_stored(demo_db: Services, qtbot, vietnamese) -> None:  # type: ignore[no-untyped-def]
    before = demo_db.projects.summaries()
    dialog = ProjectDialog(demo_db, "vi")
    qtbot.addWidget(dialog)
    dialog.show()
    fill(dialog, code="CT-HTP", name="Trùng mã")
    dialog.accept()
    assert dialog.isVisible() and "CT-HTP" in dialog.ui.errorLabel.text()
    fill(dialog, code="NEW-1", name="Dự án mới", area="-3")
    dialog.accept()
    assert dialog.isVisible() and dialog.focusWidget() is dialog.ui.areaEdit
    fill(dialog, area="", name="   ")
    dialog.accept()
    assert dialog.isVisible() and dialog.focusWidget() is dialog.ui.nameEdit
    assert demo_db.projects.summaries() == before


def test_editing_a_project_keeps_its_kind_and_regime(demo_db: Services, qtbot, vietnamese) -> None:  # type: ignore[no-untyped-def]
    project = demo_db.projects.by_code("CT-ITP")
    dialog = ProjectDialog(demo_db, "vi", project)
    qtbot.addWidget(dialog)
    assert dialog.ui.areaEdit.text() == "20,0219" and not dialog.ui.kindCombo.isEnabled()
    fill(dialog, investment="2.000.000.000")
    dialog.accept()
    assert demo_db.projects.by_code("CT-ITP").total_investment_vnd == 2_000_000_000
    assert demo_db.projects.by_code("CT-ITP").regime_key == "nd154_2013"


def test_the_organ_codes_are_checked_as_typed_and_stored(demo_db: Services, qtbot, vietnamese) -> None:  # type: ignore[no-untyped-def]
    new = ProjectDialog(demo_db, "vi")
    qtbot.addWidget(new)
    assert new.ui.recipientCodeEdit.text() == "000.00.00.G22" and new.ui.senderCodeEdit.text() == ""
    project = demo_db.projects.by_code("CT-ITP")
    dialog = ProjectDialog(demo_db, "vi", project)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.ui.senderCodeEdit.text() == "000.00.00.H13"
    fill(dialog, sender="000.00.H13")
    dialog.ui.senderCodeEdit.editingFinished.emit()
    assert "không đúng dạng 000.00.00.H13" in dialog.ui.errorLabel.text()
    fill(dialog, sender="000.00.00.h13")
    dialog.ui.senderCodeEdit.editingFinished.emit()
    assert dialog.ui.errorLabel.text() == ""
    fill(dialog, recipient="G22")
    dialog.accept()
    assert dialog.isVisible() and dialog.focusWidget() is dialog.ui.recipientCodeEdit
    assert demo_db.projects.by_code("CT-ITP").recipient_organ_code == "000.00.00.G22"
    fill(dialog, recipient="000.00.04.g14")
    dialog.accept()
    stored = demo_db.projects.by_code("CT-ITP")
    assert (stored.sender_organ_code, stored.recipient_organ_code) == ("000.00.00.H13", "000.00.04.G14")


def test_language_switch_rebuilds_the_window_in_english(demo_db: Services, ui_settings: UiSettings, qtbot) -> None:  # type: ignore[no-untyped-def]
    translators = Translators(QApplication.instance())  # type: ignore[arg-type]
    translators.install(ui_settings.language)
    ui_settings.set_sync_server(demo_db.database.url, "http://127.0.0.1:9")  # a replica: the status line shows
    controller = WindowController(demo_db, ui_settings, translators)
    window = controller.open()
    qtbot.waitUntil(lambda: getattr(window, "sync_panel", None) is not None, timeout=3000)
    assert window.menuBar().actions()[0].text() == "&Tệp"
    window.sync_panel.carry_over({"online": True, "last_sync": datetime(2026, 12, 6, 9, 41), "waiting": 0})
    ui_settings.language = "en"
    window.request_rebuild()
    qtbot.waitUntil(lambda: controller.window is not window, timeout=3000)
    rebuilt = controller.window
    qtbot.addWidget(rebuilt)
    qtbot.waitUntil(lambda: getattr(rebuilt, "sync_panel", None) is not None, timeout=3000)
    assert rebuilt.menuBar().actions()[0].text() == "&File"
    assert rebuilt.tabs.tabText(0) == "Guidance"
    qtbot.waitUntil(lambda: "synced at 09:41" in rebuilt.sync_panel.label.text(), timeout=3000)  # kept, in English
    assert "Online" in rebuilt.sync_panel.label.text()
    assert UiSettings(ui_settings._settings).language == "en"
    translators.install("en")


def test_first_start_offers_the_demo(sqlite_url: str, make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    services = open_services(sqlite_url, Operator("officer"), password_hasher=FAST_HASHER)
    window = make_window(services)

    def click_demo() -> None:
        box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible())
        assert box.text() == "Cơ sở dữ liệu này chưa có dự án nào."
        next(b for b in box.buttons() if "mẫu" in b.text()).click()

    QTimer.singleShot(100, click_demo)
    offer_start(window)
    qtbot.waitUntil(lambda: len(services.projects.summaries()) == 2, timeout=5000)
    qtbot.waitUntil(lambda: window.model.rowCount() == 2, timeout=5000)
    services.close()
