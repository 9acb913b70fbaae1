"""Editing the register's catalogues (land-use codes, wards) that feed validation, filters and the template."""

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from dossier_app.domain.catalogues import LAND_USE_GROUPS, CatalogueItem, CatalogueKind
from dossier_app.domain.errors import DossierError, ValidationFailed
from dossier_app.services import Services
from dossier_app.ui.shared.i18n import error_text
from dossier_app.ui.shared.messages import show_error


def group_names() -> dict[str, str]:
    """Land-use groups in the UI language."""
    return {
        "agricultural": QCoreApplication.translate("Catalogues", "Agricultural land"),
        "residential": QCoreApplication.translate("Catalogues", "Residential land"),
        "other": QCoreApplication.translate("Catalogues", "Other non-agricultural land"),
        "unused": QCoreApplication.translate("Catalogues", "Unused land"),
    }


class EntryDialog(QDialog):
    """One entry's fields; the dialog stays open with the message beside the field until the entry is valid."""

    def __init__(self, services: Services, kind: CatalogueKind, item: CatalogueItem | None, parent: QWidget) -> None:
        super().__init__(parent)
        self._services = services
        self._kind = kind
        self._editing = item is not None
        self.setWindowTitle(self.tr("Edit entry") if item else self.tr("New entry"))
        self.code = QLineEdit(item.code if item else "", self)
        self.code.setObjectName("entryCode")
        self.code.setReadOnly(self._editing)
        self.name = QLineEdit(item.name if item else "", self)
        self.name.setObjectName("entryName")
        self.group = QComboBox(self)
        for key, label in group_names().items():
            self.group.addItem(label, key)
        self.group.setCurrentIndex(max(0, self.group.findData(item.group if item else LAND_USE_GROUPS[0])))
        self.confirmed = QCheckBox(self.tr("Checked against the current land law"), self)
        self.confirmed.setChecked(item.confirmed if item else False)
        self.error = QLabel(self)
        self.error.setObjectName("entryError")
        self.error.setStyleSheet("color: #b00020")
        self.error.setWordWrap(True)
        form = QFormLayout()
        if kind is CatalogueKind.LAND_USE:
            form.addRow(self.tr("Code:"), self.code)
            form.addRow(self.tr("Name:"), self.name)
            form.addRow(self.tr("Group:"), self.group)
            form.addRow("", self.confirmed)
        else:
            self.code.setMinimumWidth(320)
            form.addRow(self.tr("Ward or commune:"), self.code)
            for unused in (self.name, self.group, self.confirmed):
                unused.hide()  # a ward is only its name
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def entry(self) -> CatalogueItem:
        """The entry the fields describe."""
        code = self.code.text()
        name = self.name.text() if self._kind is CatalogueKind.LAND_USE else code
        group = str(self.group.currentData()) if self._kind is CatalogueKind.LAND_USE else ""
        return CatalogueItem(self._kind, code, name, group, self.confirmed.isChecked())

    def save(self) -> None:
        """Store the entry, or show why not next to the field and keep the dialog open."""
        try:
            if self._editing:
                self._services.catalogues.update(self.entry())
            else:
                self._services.catalogues.add(self.entry())
        except DossierError as error:
            self.error.setText(error_text(error))
            if isinstance(error, ValidationFailed):
                widget = {"code": self.code, "name": self.name}.get(error.field, self.code)
                widget.setFocus()
                if self._kind is CatalogueKind.WARD:
                    self.code.setFocus()
            return
        self.accept()


class CatalogueTab(QWidget):
    """One catalogue as a table with add, edit and remove."""

    changed = Signal()

    def __init__(self, services: Services, kind: CatalogueKind, parent: QWidget) -> None:
        super().__init__(parent)
        self._services = services
        self.kind = kind
        land = kind is CatalogueKind.LAND_USE
        self.table = QTableWidget(self)
        self.table.setObjectName(f"catalogue_{kind.value}")
        headers = (
            [self.tr("Code"), self.tr("Name"), self.tr("Group"), self.tr("Checked")] if land else [self.tr("Name")]
        )
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(1 if land else 0, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.add_button = QPushButton(self.tr("Add…"), self)
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.add_button.setToolTip(self.tr("Add an entry (Insert)"))
        self.remove_button.setToolTip(self.tr("Remove the selected entry (Delete)"))
        self.add_button.clicked.connect(lambda: self.add())
        self.edit_button.clicked.connect(lambda: self.edit_selected())
        self.remove_button.clicked.connect(lambda: self.remove_selected())
        self.edit_button.setVisible(land)
        QShortcut(QKeySequence(Qt.Key.Key_Insert), self, self.add)
        QShortcut(QKeySequence(Qt.Key.Key_Delete), self.table, self.remove_selected)
        QShortcut(QKeySequence(Qt.Key.Key_F2), self.table, self.edit_selected)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.items: list[CatalogueItem] = []
        self.reload()

    def reload(self, keep: str | None = None) -> None:
        """Refill from the database, selecting `keep` (or the first row)."""
        self.items = self._services.catalogues.entries(self.kind)
        names = group_names()
        self.table.setRowCount(len(self.items))
        for row, item in enumerate(self.items):
            if self.kind is CatalogueKind.LAND_USE:
                cells = [
                    item.code,
                    item.name,
                    names.get(item.group, item.group),
                    self.tr("yes") if item.confirmed else "",
                ]
            else:
                cells = [item.name]
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        rows = [row for row, item in enumerate(self.items) if item.code == keep]
        if self.items:
            self.table.selectRow(rows[0] if rows else 0)

    def selected(self) -> CatalogueItem | None:
        """The entry of the selected row."""
        rows = self.table.selectionModel().selectedRows()
        return self.items[rows[0].row()] if rows else None

    def add(self) -> EntryDialog:
        """Open the new-entry dialog; the list reloads when it is saved."""
        dialog = EntryDialog(self._services, self.kind, None, self)
        dialog.accepted.connect(lambda: self._saved(dialog.entry().code))
        dialog.open()
        return dialog

    def edit_selected(self) -> EntryDialog | None:
        """Open the selected land-use code for editing (wards are added and removed, not edited)."""
        item = self.selected()
        if item is None or self.kind is not CatalogueKind.LAND_USE:
            return None
        dialog = EntryDialog(self._services, self.kind, item, self)
        dialog.accepted.connect(lambda: self._saved(item.code))
        dialog.open()
        return dialog

    def _saved(self, code: str) -> None:
        self.reload(keep=code.strip().upper() if self.kind is CatalogueKind.LAND_USE else " ".join(code.split()))
        self.changed.emit()

    def remove_selected(self, confirm: bool = True) -> None:
        """Remove the selected entry after asking; an entry in use is refused with the count."""
        item = self.selected()
        if item is None:
            return
        if confirm:
            answer = QMessageBox.question(
                self, self.tr("Remove entry"), self.tr("Remove '{name}' from the catalogue?").format(name=item.code)
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        try:
            self._services.catalogues.remove(self.kind, item.code)
        except DossierError as error:
            show_error(self, error)
            return
        self.reload()
        self.changed.emit()


class CataloguesDialog(QDialog):
    """The two catalogues side by side in tabs."""

    changed = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cataloguesDialog")
        self.setWindowTitle(self.tr("Catalogues"))
        self.resize(720, 520)
        self.tabs = QTabWidget(self)
        self.land_use = CatalogueTab(services, CatalogueKind.LAND_USE, self)
        self.wards = CatalogueTab(services, CatalogueKind.WARD, self)
        self.tabs.addTab(self.land_use, self.tr("Land-use codes"))
        self.tabs.addTab(self.wards, self.tr("Wards and communes"))
        for tab in (self.land_use, self.wards):
            tab.changed.connect(self.changed)
        note = QLabel(
            self.tr(
                "These lists check imports and fill the register's filters and the Excel template. "
                "An entry still used by the register cannot be removed."
            ),
            self,
        )
        note.setWordWrap(True)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(close)
