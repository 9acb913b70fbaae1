"""Search across the project's sections; choosing a result jumps to the section and marks the match."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from dossier_app.services import Services
from dossier_app.services.dossier.search import fold_query


class SearchPanel(QWidget):
    """A query box and its results; `hit_chosen(section_id, folded_query)` on activation."""

    hit_chosen = Signal(int, str)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._project_id: int | None = None
        self.query = QLineEdit(self)
        self.query.setObjectName("searchQuery")
        self.query.setClearButtonEnabled(True)
        self.query.setPlaceholderText(self.tr("Search this project (with or without diacritics)…"))
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.results = QListWidget(self)
        self.results.setObjectName("searchResults")
        self.results.setWordWrap(True)
        self.results.setAlternatingRowColors(True)
        self.query.returnPressed.connect(self.run)
        self.results.itemActivated.connect(self._choose)
        self.results.itemClicked.connect(self._choose)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.query)
        layout.addWidget(self.summary)
        layout.addWidget(self.results)

    def set_project(self, project_id: int | None) -> None:
        """Search within this project from now on."""
        if project_id != self._project_id:
            self._project_id = project_id
            self.results.clear()
            self.summary.clear()

    def run(self) -> int:
        """Search for the query; returns the number of sections found."""
        self.results.clear()
        text = self.query.text()
        if self._project_id is None:
            self.summary.setText(self.tr("Choose a project first."))
            return 0
        if not text.strip():
            self.summary.clear()
            return 0
        hits = self._services.search.search(self._project_id, text)
        for hit in hits:
            item = QListWidgetItem(f"{hit.section_title}\n{hit.snippet}")
            item.setData(Qt.ItemDataRole.UserRole, hit.section_id)
            item.setToolTip(hit.document_title)
            self.results.addItem(item)
        self.summary.setText(
            self.tr("{count} section(s) found.").format(count=len(hits)) if hits else self.tr("Nothing found.")
        )
        if hits:
            self.results.setCurrentRow(0)
        return len(hits)

    def _choose(self, item: QListWidgetItem) -> None:
        self.hit_chosen.emit(int(item.data(Qt.ItemDataRole.UserRole)), fold_query(self.query.text()))
