"""The export dialog: choose documents, formats, draft or final, numbers, page settings and a folder, then write the
submission package in the background with progress and cancel; the history of the project's packages beside it."""

from pathlib import Path

from PySide6.QtCore import QDir, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from dossier_app.domain.errors import DossierError, ExportCancelled, ValidationFailed
from dossier_app.services import Services
from dossier_app.services.dossier.document_numbers import MAX_NUMBER
from dossier_app.services.export.exports import ExportOptions, ExportResult
from dossier_app.services.export.page_settings import DocumentSettings, line_spacing_range, margin_ranges, page_settings
from dossier_app.services.export.signing_keys import SigningKey, TokenKey, installed_token_drivers, token_labels
from dossier_app.ui.export.export_history_pane import ExportHistoryPane
from dossier_app.ui.export.page_preview import PagePreview
from dossier_app.ui.shared.i18n import error_text
from dossier_app.ui.shared.readiness_text import item_text
from dossier_app.ui.shared.settings import UiSettings
from dossier_app.ui.shared.workers import BackgroundTask, run_in_background

ERROR_STYLE = "color: #b00020;"


# F1: the sections of the user guide (docs/huong-dan-su-dung.md) for the two tabs.
HELP_EXPORT = "xuat-ho-so"
HELP_HISTORY = "lich-su-xuat"


class ExportDialog(QDialog):
    """Writes one project's package; a final is offered only when the readiness report is complete."""

    def __init__(
        self, services: Services, project_code: str, settings: UiSettings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Export the submission package — {code}").format(code=project_code))
        self._services = services
        self._code = project_code
        self._settings = settings
        self._language = settings.language
        self._task: BackgroundTask | None = None
        self._token_reading: BackgroundTask | None = None
        self._signing = False
        self.result: ExportResult | None = None
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._export_tab(), self.tr("Export"))
        self.history = ExportHistoryPane(services, project_code, self)
        self.history.preview_requested.connect(self.preview_folder)
        self.tabs.addTab(self.history, self.tr("History"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        self._load()
        if self.sign_token.isChecked():
            self.read_tokens()  # the token chosen last time: is it plugged in?
        self.resize(980, 800)

    # Building -----------------------------------------------------------------------------------

    def help_anchor(self) -> str:
        """F1: the guide on the export, or on the export history when that tab is in front."""
        return HELP_HISTORY if self.tabs.currentWidget() is self.history else HELP_EXPORT

    def _export_tab(self) -> QWidget:
        tab = QWidget(self)
        self.documents_box = QGroupBox(self.tr("Documents"), tab)
        self.documents_layout = QVBoxLayout(self.documents_box)
        self.document_checks: dict[str, QCheckBox] = {}
        formats = QGroupBox(self.tr("Formats"), tab)
        self.docx_check = QCheckBox(self.tr("Word (DOCX)"), formats)
        self.pdf_check = QCheckBox(self.tr("PDF"), formats)
        self.zip_check = QCheckBox(self.tr("Also a .zip of the package"), formats)
        for check in (self.docx_check, self.pdf_check):
            check.setChecked(True)
        formats_layout = QVBoxLayout(formats)
        for check in (self.docx_check, self.pdf_check, self.zip_check):
            formats_layout.addWidget(check)
        kind = QGroupBox(self.tr("Kind"), tab)
        self.draft_radio = QRadioButton(self.tr("Draft (latest text, marked DỰ THẢO, no number)"), kind)
        self.final_radio = QRadioButton(self.tr("Final (approved revisions, numbered)"), kind)
        self.draft_radio.setChecked(True)
        self.missing_label = QLabel(
            self.tr("A final export needs a complete dossier; still missing (as the check command lists it):"), kind
        )
        self.missing_label.setWordWrap(True)
        self.missing_list = QPlainTextEdit(kind)
        self.missing_list.setObjectName("missingApprovals")
        self.missing_list.setReadOnly(True)
        kind_layout = QVBoxLayout(kind)
        for widget in (self.draft_radio, self.final_radio, self.missing_label, self.missing_list):
            kind_layout.addWidget(widget)
        left = QVBoxLayout()
        for box in (self.documents_box, formats, kind):
            left.addWidget(box)
        right = QVBoxLayout()
        right.addWidget(self._numbers_box(tab))
        right.addWidget(self._page_box(tab))
        right.addWidget(self._destination_box(tab))
        right.addWidget(self._signing_box(tab))
        right.addStretch(1)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        self.progress = QProgressBar(tab)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status = QLabel(tab)
        self.status.setObjectName("exportStatus")
        self.status.setWordWrap(True)
        self.export_button = QPushButton(self.tr("Export"), tab)
        self.export_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Cancel export"), tab)
        self.cancel_button.setEnabled(False)
        self.open_button = QPushButton(self.tr("Open folder"), tab)
        self.preview_button = QPushButton(self.tr("Preview…"), tab)
        self.close_button = QPushButton(self.tr("Close"), tab)
        for button in (self.open_button, self.preview_button):
            button.setEnabled(False)
        buttons = QHBoxLayout()
        for button in (self.export_button, self.cancel_button, self.open_button, self.preview_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(tab)
        layout.addLayout(columns, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.export_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        self.open_button.clicked.connect(self.open_folder)
        self.preview_button.clicked.connect(lambda: self.result and self.preview_folder(self.result.folder))
        self.close_button.clicked.connect(self.reject)
        for check in (self.docx_check, self.pdf_check):
            check.toggled.connect(self._sync)
        return tab

    def _numbers_box(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr("Document numbers"), parent)
        self.numbers_layout = QFormLayout(box)
        hint = QLabel(self.tr("The next number of each kind; a final export prints it and moves it on."), box)
        hint.setWordWrap(True)
        self.numbers_layout.addRow(hint)
        self.number_spins: dict[str, QSpinBox] = {}
        self._stored_numbers: dict[str, int] = {}
        return box

    def _page_box(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr("Page (Decree 30)"), parent)
        form = QFormLayout(box)
        names = {
            "top": self.tr("Top margin:"),
            "bottom": self.tr("Bottom margin:"),
            "left": self.tr("Left margin:"),
            "right": self.tr("Right margin:"),
        }
        self.margin_spins: dict[str, QDoubleSpinBox] = {}
        self.field_errors: dict[str, QLabel] = {}
        for side in margin_ranges():
            spin = QDoubleSpinBox(box)
            spin.setRange(0.0, 60.0)
            spin.setDecimals(1)
            spin.setSingleStep(0.5)
            spin.setSuffix(" mm")
            spin.setValue(side.default)
            spin.setToolTip(self.tr("{low}-{high} mm").format(low=side.low, high=side.high))
            self.margin_spins[side.side] = spin
            form.addRow(names.get(side.side, side.side), self._with_error(box, spin, side.side))
        default, low, high = line_spacing_range()
        self.line_spacing = QDoubleSpinBox(box)
        self.line_spacing.setRange(0.5, 3.0)
        self.line_spacing.setDecimals(2)
        self.line_spacing.setSingleStep(0.05)
        self.line_spacing.setValue(default)
        self.line_spacing.setToolTip(self.tr("{low}-{high} lines").format(low=low, high=high))
        form.addRow(self.tr("Line spacing:"), self._with_error(box, self.line_spacing, "line_spacing"))
        for spin in (*self.margin_spins.values(), self.line_spacing):
            spin.valueChanged.connect(self._sync)
        return box

    def _with_error(self, parent: QWidget, field: QWidget, name: str) -> QWidget:
        """The field with its own error label beside it."""
        row = QWidget(parent)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(field)
        error = QLabel(row)
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        layout.addWidget(error, 1)
        self.field_errors[name] = error
        return row

    def _destination_box(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr("Destination folder"), parent)
        self.destination = QLineEdit(self._settings.export_folder or QDir.homePath(), box)
        choose = QPushButton(self.tr("Choose…"), box)
        choose.clicked.connect(self.choose_folder)
        self.destination.textChanged.connect(self._sync)
        layout = QHBoxLayout(box)
        layout.addWidget(self.destination, 1)
        layout.addWidget(choose)
        return box

    def _signing_box(self, parent: QWidget) -> QGroupBox:
        """No signature, a .p12 file, or a key on a USB token (PKCS#11); the secrets are asked at each export."""
        box = QGroupBox(self.tr("Digital signature of the PDFs"), parent)
        self.signing_box = box
        self.sign_none = QRadioButton(self.tr("Do not sign"), box)
        self.sign_p12 = QRadioButton(self.tr("Certificate file (.p12)"), box)
        self.sign_token = QRadioButton(self.tr("USB token"), box)
        modes = QHBoxLayout()
        for radio in (self.sign_none, self.sign_p12, self.sign_token):
            modes.addWidget(radio)
        modes.addStretch(1)
        self.sign_pages = QStackedWidget(box)
        self.sign_pages.addWidget(QWidget(self.sign_pages))
        self.sign_pages.addWidget(self._p12_page(self.sign_pages))
        self.sign_pages.addWidget(self._token_page(self.sign_pages))
        layout = QVBoxLayout(box)
        layout.addLayout(modes)
        layout.addWidget(self.sign_pages)
        mode = self._settings.export_signing("mode")
        {"p12": self.sign_p12, "token": self.sign_token}.get(mode, self.sign_none).setChecked(True)
        self.sign_pages.setCurrentIndex(self._signing_page())
        for radio in (self.sign_none, self.sign_p12, self.sign_token):
            radio.toggled.connect(self._show_signing_page)
        return box

    def _p12_page(self, parent: QWidget) -> QWidget:
        page = QWidget(parent)
        form = QFormLayout(page)
        form.setContentsMargins(0, 0, 0, 0)
        self.p12_path = QLineEdit(self._settings.export_signing("p12"), page)
        choose = QPushButton(self.tr("Choose…"), page)
        choose.clicked.connect(self.choose_p12)
        form.addRow(self.tr("File:"), _beside(self.p12_path, choose))
        self.p12_passphrase = self._secret_field(page)
        form.addRow(self.tr("Passphrase:"), self.p12_passphrase)
        for field in (self.p12_path, self.p12_passphrase):
            field.textChanged.connect(self._sync)
        return page

    def _secret_field(self, parent: QWidget) -> QLineEdit:
        """A hidden field for a passphrase or PIN, typed at each export."""
        field = QLineEdit(parent)
        field.setEchoMode(QLineEdit.EchoMode.Password)
        field.setPlaceholderText(self.tr("asked at each export, never kept"))
        return field

    def _token_page(self, parent: QWidget) -> QWidget:
        page = QWidget(parent)
        form = QFormLayout(page)
        form.setContentsMargins(0, 0, 0, 0)
        self.token_driver = QComboBox(page)
        self.token_driver.setEditable(True)
        self.token_driver.setToolTip(self.tr("The PKCS#11 driver the token's supplier installed"))
        saved = self._settings.export_signing("module")
        drivers = [str(path) for path in installed_token_drivers()]
        for path in [saved] * bool(saved) + [path for path in drivers if path != saved]:
            self.token_driver.addItem(path)
        choose = QPushButton(self.tr("Choose…"), page)
        choose.clicked.connect(self.choose_driver)
        form.addRow(self.tr("Token driver:"), _beside(self.token_driver, choose))
        self.token_combo = QComboBox(page)
        self.token_combo.setEditable(True)
        if self._settings.export_signing("token"):
            self.token_combo.addItem(self._settings.export_signing("token"))
        self.refresh_tokens_button = QPushButton(self.tr("Read the tokens"), page)
        self.refresh_tokens_button.clicked.connect(self.read_tokens)
        form.addRow(self.tr("Token:"), _beside(self.token_combo, self.refresh_tokens_button))
        self.token_key = QLineEdit(self._settings.export_signing("key"), page)
        self.token_key.setToolTip(self.tr("The label of the signing key on the token"))
        form.addRow(self.tr("Key label:"), self.token_key)
        self.token_pin = self._secret_field(page)
        form.addRow(self.tr("PIN:"), self.token_pin)
        self.token_status = QLabel(page)
        self.token_status.setObjectName("tokenStatus")
        self.token_status.setWordWrap(True)
        form.addRow(self.token_status)
        self.token_driver.currentTextChanged.connect(self._sync)
        self.token_driver.activated.connect(self.read_tokens)
        for field in (self.token_key, self.token_pin):
            field.textChanged.connect(self._sync)
        self.token_combo.currentTextChanged.connect(self._sync)
        return page

    def _signing_page(self) -> int:
        return 1 if self.sign_p12.isChecked() else 2 if self.sign_token.isChecked() else 0

    def _show_signing_page(self) -> None:
        """The fields of the chosen way of signing; choosing the token reads the tokens its driver sees."""
        self.sign_pages.setCurrentIndex(self._signing_page())
        if self.sign_token.isChecked() and self._token_reading is None:
            self.read_tokens()
        self._sync()

    def read_tokens(self) -> None:
        """Read the labels of the tokens plugged in from the driver, on a worker thread (a driver may be slow)."""
        driver = self.token_driver.currentText().strip()
        if not driver:
            return
        self.token_status.setStyleSheet("")
        self.token_status.setText(self.tr("Reading the tokens…"))
        self.refresh_tokens_button.setEnabled(False)
        task = run_in_background(lambda report, cancelled: token_labels(Path(driver)))
        self._token_reading = task
        task.on_success(lambda labels: self._tokens_read(task, labels))
        task.on_failure(lambda error: self._tokens_failed(task, error))

    def _tokens_read(self, task: BackgroundTask, labels: list[str]) -> None:
        if task is not self._token_reading:
            return  # an older reading, of another driver
        self._token_reading = None
        self.refresh_tokens_button.setEnabled(True)
        wanted = self.token_combo.currentText() or self._settings.export_signing("token")
        self.token_combo.clear()
        self.token_combo.addItems(labels)
        if wanted in labels:
            self.token_combo.setCurrentText(wanted)
        self.token_status.setText(
            self.tr("{count} token(s) plugged in.").format(count=len(labels))
            if labels
            else self.tr("No token is plugged in: plug it in, then read the tokens again.")
        )
        self._sync()

    def _tokens_failed(self, task: BackgroundTask, error: BaseException) -> None:
        if task is not self._token_reading:
            return
        self._token_reading = None
        self.refresh_tokens_button.setEnabled(True)
        self.token_status.setStyleSheet(ERROR_STYLE)
        self.token_status.setText(error_text(error) if isinstance(error, DossierError) else str(error))

    def _load(self) -> None:
        """The plan's documents, the red readiness items and the counters, read once on opening."""
        try:
            choices = self._services.exports.choices(self._code)
            missing = [item_text(item, self._language) for item in self._services.exports.red_items(self._code)]
            unapproved = self._services.exports.missing_approvals(self._code)
            counters = self._services.numbers.counters(self._code)
        except DossierError as error:
            self.status.setText(error_text(error))
            self.export_button.setEnabled(False)
            return
        for name, title in choices:
            check = QCheckBox(title, self.documents_box)
            check.setToolTip(name)
            check.setChecked(True)
            check.toggled.connect(self._sync)
            self.document_checks[name] = check
            self.documents_layout.addWidget(check)
        self.final_radio.setEnabled(not missing)
        self.missing_label.setVisible(bool(missing))
        self.missing_list.setVisible(bool(missing))
        if missing and unapproved:
            missing += ["", self.tr("Required sections not approved:"), *unapproved]
        self.missing_list.setPlainText("\n".join(missing))
        if not missing:
            self.final_radio.setChecked(True)
        for counter in counters:
            spin = QSpinBox(self)
            spin.setRange(0, MAX_NUMBER)
            spin.setSpecialValueText(self.tr("not set"))
            spin.setValue(counter.next_number or 0)
            self._stored_numbers[counter.symbol] = counter.next_number or 0
            self.number_spins[counter.symbol] = spin
            self.numbers_layout.addRow(self.tr("Next {symbol} number:").format(symbol=counter.symbol), spin)
        self._sync()

    # State ---------------------------------------------------------------------------------------

    def page_settings(self) -> DocumentSettings | None:
        """The chosen page settings, or None with the decree's message shown by the offending field."""
        for label in self.field_errors.values():
            label.clear()
        margins = {side: spin.value() for side, spin in self.margin_spins.items()}
        try:
            return page_settings(margins, self.line_spacing.value())
        except ValidationFailed as error:
            self.field_errors.get(error.field, self.field_errors["line_spacing"]).setText(error_text(error))
            return None

    def options(self) -> ExportOptions | None:
        """What the form asks for, or None while something is invalid."""
        settings = self.page_settings()
        formats = tuple(fmt for fmt, check in (("docx", self.docx_check), ("pdf", self.pdf_check)) if check.isChecked())
        documents = tuple(name for name, check in self.document_checks.items() if check.isChecked())
        if settings is None or not formats or not documents or not self.destination.text().strip():
            return None
        if "pdf" in formats and not self.signing_complete():
            return None
        sign = self.signing_key() if "pdf" in formats else None
        draft = not self.final_radio.isChecked()
        return ExportOptions(
            draft=draft,
            formats=formats,
            zip_package=self.zip_check.isChecked(),
            settings=settings,
            documents=documents,
            sign=sign,
        )

    def signing_complete(self) -> bool:
        """Every field the chosen way of signing needs is filled (the PIN or passphrase included)."""
        if self.sign_p12.isChecked():
            return bool(self.p12_path.text().strip())
        if self.sign_token.isChecked():
            fields = (self.token_driver.currentText(), self.token_combo.currentText(), self.token_key.text())
            return all(field.strip() for field in fields) and bool(self.token_pin.text())
        return True

    def signing_key(self) -> SigningKey | TokenKey | None:
        """The key the PDFs are signed with, None to leave them unsigned."""
        if self.sign_p12.isChecked():
            return SigningKey(Path(self.p12_path.text().strip()), self.p12_passphrase.text())
        if self.sign_token.isChecked():
            driver, token = self.token_driver.currentText().strip(), self.token_combo.currentText().strip()
            return TokenKey(Path(driver), token, self.token_key.text().strip(), self.token_pin.text())
        return None

    @property
    def running(self) -> bool:
        """An export is being written."""
        return self._task is not None

    def _sync(self) -> None:
        self.signing_box.setEnabled(self.pdf_check.isChecked() and not self.running)
        self.export_button.setEnabled(not self.running and self.options() is not None)

    # Running -------------------------------------------------------------------------------------

    def choose_folder(self) -> None:
        """Pick the destination folder."""
        folder = QFileDialog.getExistingDirectory(self, self.tr("Destination folder"), self.destination.text())
        if folder:
            self.destination.setText(folder)

    def choose_p12(self) -> None:
        """Pick the .p12 certificate file."""
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Certificate file"), self.p12_path.text(), self.tr("Certificates (*.p12 *.pfx)")
        )
        if path:
            self.p12_path.setText(path)

    def choose_driver(self) -> None:
        """Pick the token's PKCS#11 driver, then read its tokens."""
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Token driver"),
            self.token_driver.currentText(),
            self.tr("PKCS#11 drivers (*.dll *.so *.so.* *.dylib)"),
        )
        if path:
            self.token_driver.setCurrentText(path)
            self.read_tokens()

    def _remember_signing(self) -> None:
        """The choice, the file, the driver and the labels; never the passphrase or the PIN."""
        mode = "p12" if self.sign_p12.isChecked() else "token" if self.sign_token.isChecked() else "none"
        self._settings.set_export_signing(
            mode=mode,
            p12=self.p12_path.text().strip(),
            module=self.token_driver.currentText().strip(),
            token=self.token_combo.currentText().strip(),
            key=self.token_key.text().strip(),
        )

    def _save_numbers(self) -> bool:
        """Store the counters the clerk changed here."""
        try:
            for symbol, spin in self.number_spins.items():
                if spin.value() and spin.value() != self._stored_numbers.get(symbol):
                    self._services.numbers.set(self._code, symbol, spin.value())
                    self._stored_numbers[symbol] = spin.value()
        except DossierError as error:
            self.status.setText(error_text(error))
            return False
        return True

    def start(self) -> None:
        """Write the package in the background; the form waits, Cancel stops between files."""
        options = self.options()
        if options is None or self.running or not self._save_numbers():
            return
        folder = Path(self.destination.text().strip())
        self._settings.export_folder = str(folder)
        self._remember_signing()
        self._signing = options.sign is not None
        self.result = None
        self.open_button.setEnabled(False)
        self.preview_button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.status.setText(self.tr("Preparing the documents…"))
        services, code = self._services, self._code
        self._task = run_in_background(
            lambda report, cancelled: services.exports.export(code, folder, options, report, cancelled)
        )
        self._task.on_progress(self._progressed).on_success(self._finished).on_failure(self._failed)
        self.cancel_button.setEnabled(True)
        for secret in (self.p12_passphrase, self.token_pin):
            secret.clear()  # asked again at the next export: the form keeps no secret
        self._sync()

    def _progressed(self, done: int, total: int, name: str) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.status.setText(
            self.tr("Writing {name} ({done} of {total})…").format(name=name, done=done + 1, total=total)
        )

    def cancel(self) -> None:
        """Stop before the next file; the half-written package is removed."""
        if self._task is not None:
            self._task.cancel()
            self.cancel_button.setEnabled(False)
            self.status.setText(self.tr("Cancelling…"))

    def _done(self) -> None:
        self._task = None
        self.cancel_button.setEnabled(False)
        self._sync()

    def _finished(self, result: ExportResult) -> None:
        self._done()
        self.result = result
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        kind = self.tr("Draft") if result.draft else self.tr("Final")
        numbers = ", ".join(f"{number:02d}/{symbol}" for symbol, number in result.numbers.items())
        lines = [
            self.tr("{kind} package written: {folder}").format(kind=kind, folder=result.folder),
            self.tr("{count} files; manifest SHA-256 {hash}").format(
                count=len(result.files), hash=result.manifest_sha256
            ),
        ]
        if numbers:
            lines.append(self.tr("Numbers: {numbers}").format(numbers=numbers))
        if result.zip_path:
            lines.append(self.tr("Zip: {path}").format(path=result.zip_path))
        if self._signing:
            lines.append(self.tr("Every PDF is digitally signed (PAdES)."))
        self.status.setText("\n".join(lines))
        self.open_button.setEnabled(True)
        self.open_button.setFocus()
        self.preview_button.setEnabled(any(path.suffix == ".pdf" for path in result.files))
        self.history.refresh()
        for symbol, number in result.numbers.items():
            if symbol in self.number_spins:
                self._stored_numbers[symbol] = max(self._stored_numbers.get(symbol, 0), number + 1)
                self.number_spins[symbol].setValue(self._stored_numbers[symbol])

    def _failed(self, error: BaseException) -> None:
        self._done()
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        if isinstance(error, DossierError):
            self.status.setText(error_text(error))
        else:
            self.status.setText(str(error))
        self.status.setProperty("cancelled", isinstance(error, ExportCancelled))

    def open_folder(self) -> None:
        """Show the written package in the file manager."""
        if self.result is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.result.folder)))

    def preview_folder(self, folder: Path) -> PagePreview:
        """Open the page preview on a package's PDFs."""
        preview = PagePreview(sorted(folder.glob("*.pdf")), self)
        preview.show()
        self.preview = preview
        return preview

    def reject(self) -> None:
        """Closing while writing cancels first; the dialog stays until the export has stopped."""
        if self.running:
            self.cancel()
            return
        super().reject()


def _beside(field: QWidget, button: QPushButton) -> QHBoxLayout:
    """A form row's field stretched, with its button at the right."""
    row = QHBoxLayout()
    row.addWidget(field, 1)
    row.addWidget(button)
    return row
