"""The export dialog's signature choice: a USB token's driver, the tokens read from it on a worker thread, the key's
label and the PIN asked at each export and never kept; the package's PDFs signed through the token (SoftHSM2)."""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from dossier_app.services import Services
from dossier_app.services.core.context import Operator
from dossier_app.services.export.packages import verify_package
from dossier_app.ui.export.export_dialog import ExportDialog
from dossier_app.ui.shared.settings import UiSettings
from tests.export.signing_support import PASSPHRASE, SIGNER_CN, write_p12
from tests.export.token_support import SoftToken, make_token

WAIT_MS = 120_000


@pytest.fixture
def token(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> SoftToken:
    return make_token(tmp_path / "hsm", monkeypatch)


@pytest.fixture
def dialog(qtbot, demo_db: Services, ui_settings: UiSettings, tmp_path: Path) -> ExportDialog:  # type: ignore[no-untyped-def]
    demo_db.context.operator = Operator("cli:test")
    built = ExportDialog(demo_db, "CT-HTP", ui_settings)
    qtbot.addWidget(built)
    built.destination.setText(str(tmp_path / "out"))
    built.docx_check.setChecked(False)
    for name in ("De_an", "Phu_luc_I", "Phu_luc_II", "Phu_luc_III", "Phu_luc_IV", "Bang_tong_hop_y_kien"):
        built.document_checks[name].setChecked(False)
    built.show()
    return built


def _choose_token(qtbot, dialog: ExportDialog, token: SoftToken) -> None:  # type: ignore[no-untyped-def]
    dialog.token_driver.setCurrentText(str(token.module))
    dialog.sign_token.setChecked(True)  # reads the tokens the driver sees, off the UI thread
    qtbot.waitUntil(lambda: dialog.refresh_tokens_button.isEnabled(), timeout=WAIT_MS)
    dialog.token_key.setText(token.key_label)


def test_the_token_list_is_read_from_the_driver_and_the_export_signs_through_it(
    qtbot, dialog: ExportDialog, token: SoftToken, ui_settings: UiSettings
) -> None:  # type: ignore[no-untyped-def]
    assert dialog.sign_none.isChecked() and dialog.sign_pages.currentIndex() == 0
    _choose_token(qtbot, dialog, token)
    assert [dialog.token_combo.itemText(i) for i in range(dialog.token_combo.count())] == [token.token_label]
    assert dialog.token_combo.currentText() == token.token_label and "1" in dialog.token_status.text()
    assert not dialog.export_button.isEnabled()  # the PIN is still empty
    dialog.token_pin.setText(token.pin)
    assert dialog.export_button.isEnabled()
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.token_pin.text() == ""  # not kept in the form once the export has it
    qtbot.waitUntil(lambda: not dialog.running, timeout=WAIT_MS)
    result = dialog.result
    assert result is not None, dialog.status.text()
    assert "PAdES" in dialog.status.text()
    check = verify_package(result.folder)
    assert check.ok and [name for name, _ in check.signatures] == ["To_trinh.pdf"]
    assert all(signature.ok and SIGNER_CN in signature.signer for _, signature in check.signatures)
    saved = {name: ui_settings.export_signing(name) for name in ("mode", "module", "token", "key")}
    assert saved == {"mode": "token", "module": str(token.module), "token": token.token_label, "key": token.key_label}
    settings_file = Path(ui_settings._settings.fileName())
    ui_settings.sync()
    assert token.pin not in settings_file.read_text(encoding="utf-8")


def test_a_wrong_pin_is_shown_and_no_package_is_written(
    qtbot, dialog: ExportDialog, token: SoftToken, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    _choose_token(qtbot, dialog, token)
    dialog.token_pin.setText("999999")
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.running, timeout=WAIT_MS)
    assert dialog.result is None and "PIN" in dialog.status.text()
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_the_dialog_remembers_the_driver_and_labels_but_asks_the_pin_again(
    qtbot, demo_db: Services, ui_settings: UiSettings, token: SoftToken
) -> None:  # type: ignore[no-untyped-def]
    ui_settings.set_export_signing(mode="token", module=str(token.module), token=token.token_label, key="K")
    reopened = ExportDialog(demo_db, "CT-HTP", ui_settings)
    qtbot.addWidget(reopened)
    assert reopened.sign_token.isChecked() and reopened.sign_pages.currentIndex() == 2
    assert reopened.token_driver.currentText() == str(token.module) and reopened.token_key.text() == "K"
    qtbot.waitUntil(lambda: reopened.refresh_tokens_button.isEnabled(), timeout=WAIT_MS)
    assert reopened.token_combo.currentText() == token.token_label and reopened.token_pin.text() == ""


def test_a_driver_that_cannot_be_loaded_is_named_beside_the_token_list(
    qtbot, dialog: ExportDialog, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    missing = tmp_path / "libkhongco.so"
    dialog.token_driver.setCurrentText(str(missing))
    dialog.sign_token.setChecked(True)
    qtbot.waitUntil(lambda: dialog.refresh_tokens_button.isEnabled(), timeout=WAIT_MS)
    assert str(missing) in dialog.token_status.text() and dialog.token_combo.count() == 0


def test_signing_needs_pdf(dialog: ExportDialog) -> None:
    dialog.pdf_check.setChecked(False)
    dialog.docx_check.setChecked(True)
    assert not dialog.signing_box.isEnabled()
    dialog.pdf_check.setChecked(True)
    assert dialog.signing_box.isEnabled()


def test_the_p12_choice_signs_with_the_file_and_passphrase(qtbot, dialog: ExportDialog, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog.sign_p12.setChecked(True)
    assert dialog.sign_pages.currentIndex() == 1
    dialog.p12_path.setText(str(write_p12(tmp_path)))
    dialog.p12_passphrase.setText(PASSPHRASE)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.p12_passphrase.text() == ""
    qtbot.waitUntil(lambda: not dialog.running, timeout=WAIT_MS)
    assert dialog.result is not None, dialog.status.text()
    check = verify_package(dialog.result.folder)
    assert check.ok and len(check.signatures) == 1


def test_the_signing_settings_have_no_key_for_a_secret(ui_settings: UiSettings) -> None:
    with pytest.raises(KeyError):
        ui_settings.set_export_signing(pin="246810")
    assert ui_settings.export_signing("pin") == ""
