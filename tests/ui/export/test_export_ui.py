"""The export dialog, its history tab and the page preview on the Cần Thơ demo."""

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices

from dossier_app.services import Services
from dossier_app.services.core.context import Operator
from dossier_app.ui.export.export_dialog import ExportDialog
from dossier_app.ui.export.page_preview import PagePreview
from dossier_app.ui.shared.settings import UiSettings

WAIT_MS = 120_000


@pytest.fixture
def exporting(demo_db: Services) -> Services:
    """The demo database acting as the local operator, who may export."""
    demo_db.context.operator = Operator("cli:test")
    return demo_db


@pytest.fixture
def dialog(qtbot, exporting: Services, ui_settings: UiSettings, tmp_path: Path) -> ExportDialog:  # type: ignore[no-untyped-def]
    built = ExportDialog(exporting, "CT-HTP", ui_settings)
    qtbot.addWidget(built)
    built.destination.setText(str(tmp_path / "out"))
    built.docx_check.setChecked(False)
    built.show()
    return built


def _export(qtbot, dialog: ExportDialog) -> None:  # type: ignore[no-untyped-def]
    assert dialog.export_button.isEnabled()
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.running, timeout=WAIT_MS)


def test_a_draft_export_runs_and_shows_the_result(
    qtbot, dialog: ExportDialog, ui_settings: UiSettings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    assert list(dialog.document_checks) == [
        "To_trinh",
        "De_an",
        "Phu_luc_I",
        "Phu_luc_II",
        "Phu_luc_III",
        "Phu_luc_IV",
        "Bang_tong_hop_y_kien",
    ]
    for name in ("Phu_luc_I", "Phu_luc_II", "Phu_luc_III", "Phu_luc_IV", "Bang_tong_hop_y_kien"):
        dialog.document_checks[name].setChecked(False)
    _export(qtbot, dialog)
    result = dialog.result
    assert result is not None and result.draft and result.folder.parent == tmp_path / "out"
    assert sorted(path.name for path in result.files) == ["De_an.pdf", "To_trinh.pdf"]
    assert result.folder.name in dialog.status.text() and result.manifest_sha256 in dialog.status.text()
    assert dialog.open_button.isEnabled() and dialog.preview_button.isEnabled()
    assert dialog.progress.value() == dialog.progress.maximum()
    assert ui_settings.export_folder == str(tmp_path / "out")
    assert dialog.history.table.rowCount() == 1
    assert dialog.history.table.item(0, 4).text() == result.folder.name
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.history.open_button, Qt.MouseButton.LeftButton)
    assert opened == [str(result.folder), str(result.folder.resolve())]


def test_final_is_disabled_with_the_readiness_red_items_listed(dialog: ExportDialog, exporting: Services) -> None:
    assert not dialog.final_radio.isEnabled() and dialog.draft_radio.isChecked()
    listed = dialog.missing_list.toPlainText().splitlines()
    red = exporting.exports.red_items("CT-HTP")
    assert red and len(listed) == len(red) + 2 + len(exporting.exports.missing_approvals("CT-HTP"))
    assert listed[len(red) + 2 :] == exporting.exports.missing_approvals("CT-HTP")
    assert not dialog.missing_list.isHidden()


@pytest.mark.parametrize("language", ["vi", "en"])
def test_the_missing_items_are_in_the_interface_language_only(
    qtbot, exporting: Services, ui_settings: UiSettings, language: str, qapp
) -> None:  # type: ignore[no-untyped-def]
    """The window never reuses the command line's "vi — en" lines: one language per window."""
    from dossier_app.ui.shared.i18n import Translators

    translators = Translators(qapp)
    translators.install(language)
    ui_settings.language = language
    try:
        dialog = ExportDialog(exporting, "CT-ITP", ui_settings)
        qtbot.addWidget(dialog)
        red = exporting.exports.red_items("CT-ITP")
        listed = dialog.missing_list.toPlainText().splitlines()[: len(red)]
    finally:
        translators.install("en")
    assert red and all(" — " not in line for line in listed)
    if language == "en":
        assert listed == [item.message for item in red]
    else:
        assert all(item.message not in line for item, line in zip(red, listed, strict=True))
        assert any("bản đồ" in line.lower() for line in listed)  # the planning map, in the catalogue's Vietnamese
        bilingual = exporting.exports.not_ready("CT-ITP")  # the command line's lines start with the same Vietnamese
        assert all(line_cli.startswith(line) for line, line_cli in zip(listed, bilingual, strict=True))


def test_cancel_stops_and_leaves_no_package(qtbot, dialog: ExportDialog, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog.start()
    assert dialog.running and dialog.cancel_button.isEnabled()
    dialog.cancel()
    qtbot.waitUntil(lambda: not dialog.running, timeout=WAIT_MS)
    assert dialog.result is None and dialog.status.property("cancelled") is True
    assert list((tmp_path / "out").iterdir()) == []
    assert dialog.history.table.rowCount() == 0


def test_margins_outside_the_decree_are_refused_by_the_field(dialog: ExportDialog) -> None:
    dialog.margin_spins["left"].setValue(25.0)
    assert not dialog.export_button.isEnabled()
    assert "30" in dialog.field_errors["left"].text() and dialog.field_errors["top"].text() == ""
    dialog.margin_spins["left"].setValue(32.0)
    dialog.line_spacing.setValue(2.0)
    assert not dialog.export_button.isEnabled() and dialog.field_errors["line_spacing"].text()
    dialog.line_spacing.setValue(1.5)
    assert dialog.export_button.isEnabled() and not dialog.field_errors["left"].text()


def test_the_counter_set_in_the_dialog_is_stored(qtbot, dialog: ExportDialog, exporting: Services) -> None:  # type: ignore[no-untyped-def]
    assert set(dialog.number_spins) == {"TTr", "ĐA"} and dialog.number_spins["TTr"].value() == 0
    dialog.number_spins["TTr"].setValue(8)
    _export(qtbot, dialog)
    assert exporting.numbers.get("CT-HTP", "TTr") == 8  # a draft does not move it on
    assert exporting.numbers.get("CT-HTP", "ĐA") is None


def test_preview_shows_the_pages_and_turns_them(qtbot, dialog: ExportDialog) -> None:  # type: ignore[no-untyped-def]
    _export(qtbot, dialog)
    assert dialog.result is not None
    preview = dialog.preview_folder(dialog.result.folder)
    qtbot.addWidget(preview)
    assert isinstance(preview, PagePreview)
    expected = len(PdfReader(str(dialog.result.folder / "De_an.pdf")).pages)
    assert preview.document.currentText() == "Bang_tong_hop_y_kien.pdf"  # the first by name
    preview.document.setCurrentIndex(preview.document.findText("De_an.pdf"))
    assert preview.document.currentText() == "De_an.pdf" and preview.page_count == expected > 1
    qtbot.waitUntil(lambda: not preview.image.pixmap().isNull(), timeout=WAIT_MS)
    first = preview.shown_image()
    assert first.width() > 500 and str(expected) in preview.page_label.text()
    qtbot.keyClick(preview, Qt.Key.Key_PageDown)
    assert preview.current_page == 1
    qtbot.waitUntil(lambda: preview.shown_image() != first, timeout=WAIT_MS)
    preview.zoom.setCurrentIndex(preview.zoom.findData(50))
    qtbot.waitUntil(lambda: preview.shown_image().width() < first.width() * 0.6, timeout=WAIT_MS)
    qtbot.keyClick(preview, Qt.Key.Key_PageUp)
    assert preview.current_page == 0


def test_history_verifies_and_names_a_changed_file(qtbot, dialog: ExportDialog) -> None:  # type: ignore[no-untyped-def]
    _export(qtbot, dialog)
    assert dialog.result is not None
    history = dialog.history
    dialog.tabs.setCurrentWidget(history)
    qtbot.mouseClick(history.verify_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: history.verify_button.isEnabled() and "OK" in history.result.text(), timeout=WAIT_MS)
    target = dialog.result.folder / "To_trinh.pdf"
    data = bytearray(target.read_bytes())
    data[500] ^= 0x01
    target.write_bytes(bytes(data))
    qtbot.mouseClick(history.verify_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "To_trinh.pdf" in history.result.text(), timeout=WAIT_MS)
    assert "OK" not in history.result.text()


def test_dossier_menu_opens_export(make_window, exporting: Services, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(ExportDialog, "exec", lambda self: 0)
    window = make_window(exporting)
    window.select_project(exporting.projects.by_code("CT-ITP").id)
    action = window.window_actions.export_action
    assert action.shortcut().toString() == "Ctrl+E" and action.isEnabled()
    assert action in window.dossier_menu.actions()
    action.trigger()
    assert window.window_actions.export_dialog.windowTitle().endswith("CT-ITP")


def test_a_final_prints_the_numbers_and_moves_the_counters_on(
    qtbot, exporting: Services, ui_settings: UiSettings, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from tests.services.export.test_exports import _approve_everything

    _approve_everything(exporting, "CT-HTP", tmp_path)
    exporting.context.operator = Operator("cli:test")
    dialog = ExportDialog(exporting, "CT-HTP", ui_settings)
    qtbot.addWidget(dialog)
    dialog.destination.setText(str(tmp_path))
    dialog.docx_check.setChecked(False)
    dialog.show()
    assert dialog.final_radio.isEnabled() and dialog.final_radio.isChecked() and dialog.missing_list.isHidden()
    dialog.number_spins["TTr"].setValue(5)
    dialog.number_spins["ĐA"].setValue(12)
    _export(qtbot, dialog)
    assert dialog.result is not None and not dialog.result.draft, dialog.status.text()
    assert dialog.result.numbers == {"TTr": 5, "ĐA": 12} and "05/TTr" in dialog.status.text()
    assert dialog.number_spins["TTr"].value() == 6 and dialog.number_spins["ĐA"].value() == 13
    assert exporting.numbers.get("CT-HTP", "TTr") == 6
    assert dialog.history.table.item(0, 3).text() == "05/TTr, 12/ĐA"
