"""The navigator: projects, their documents and section trees, with status icons and counts."""

from enum import IntEnum

from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel

from dossier_app.domain.enums import SectionStatus
from dossier_app.services import Services
from dossier_app.services.dossiers import SectionNode
from dossier_app.ui.icons import section_icon

KIND_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
PROJECT_ROLE = Qt.ItemDataRole.UserRole + 3
DOCUMENT_ROLE = Qt.ItemDataRole.UserRole + 4
REQUIRED_ROLE = Qt.ItemDataRole.UserRole + 5
WRITTEN_ROLE = Qt.ItemDataRole.UserRole + 6
COUNTS_ROLE = Qt.ItemDataRole.UserRole + 7
TITLE_ROLE = Qt.ItemDataRole.UserRole + 8


class NodeKind(IntEnum):
    """What a navigator row stands for."""

    PROJECT = 1
    DOCUMENT = 2
    SECTION = 3


class NavigatorModel(QStandardItemModel):
    """A thin tree over the dossier service; rebuilt from read models, never holding a session."""

    def __init__(self, services: Services, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._section_items: dict[int, QStandardItem] = {}
        self._project_items: dict[int, QStandardItem] = {}

    def reload(self) -> None:
        """Rebuild every row from the database."""
        self.clear()
        self._section_items.clear()
        self._project_items.clear()
        root = self.invisibleRootItem()
        for summary in self._services.projects.summaries():
            item = QStandardItem(f"{summary.code} — {summary.name}")
            item.setEditable(False)
            item.setData(NodeKind.PROJECT, KIND_ROLE)
            item.setData(summary.id, ID_ROLE)
            item.setData(summary.id, PROJECT_ROLE)
            font = QFont(item.font())
            font.setBold(True)
            item.setFont(font)
            root.appendRow(item)
            self._project_items[summary.id] = item
            self._fill_project(item, summary.id)

    def reload_project(self, project_id: int) -> None:
        """Rebuild one project's documents and sections after a change."""
        item = self._project_items.get(project_id)
        if item is None:
            self.reload()
            return
        for section_id in [
            sid for sid, it in self._section_items.items() if it.data(PROJECT_ROLE) == project_id
        ]:
            del self._section_items[section_id]
        item.removeRows(0, item.rowCount())
        self._fill_project(item, project_id)

    def _fill_project(self, project_item: QStandardItem, project_id: int) -> None:
        for tree in self._services.dossiers.tree(project_id):
            document_item = QStandardItem()
            document_item.setEditable(False)
            document_item.setData(NodeKind.DOCUMENT, KIND_ROLE)
            document_item.setData(tree.id, ID_ROLE)
            document_item.setData(project_id, PROJECT_ROLE)
            document_item.setData(tree.id, DOCUMENT_ROLE)
            document_item.setData(tree.title, TITLE_ROLE)
            self._label_document(document_item, tree.required_written, tree.required_total)
            project_item.appendRow(document_item)
            self._add_sections(document_item, tree.sections, project_id, tree.id)

    def _label_document(self, item: QStandardItem, written: int, total: int) -> None:
        item.setData((written, total), COUNTS_ROLE)
        item.setText(f"{item.data(TITLE_ROLE)}  ({written}/{total})")
        item.setToolTip(
            self.tr("{written} of {total} required sections written").format(written=written, total=total)
        )

    def _add_sections(
        self, parent: QStandardItem, nodes: tuple[SectionNode, ...], project_id: int, document_id: int
    ) -> None:
        for node in nodes:
            item = QStandardItem(node.title)
            item.setEditable(False)
            item.setData(NodeKind.SECTION, KIND_ROLE)
            item.setData(node.id, ID_ROLE)
            item.setData(project_id, PROJECT_ROLE)
            item.setData(document_id, DOCUMENT_ROLE)
            self._decorate(item, node.required, node.word_count)
            parent.appendRow(item)
            self._section_items[node.id] = item
            self._add_sections(item, node.children, project_id, document_id)

    def _decorate(self, item: QStandardItem, required: bool, words: int) -> None:
        status = SectionStatus.WRITTEN if words > 0 else SectionStatus.EMPTY
        item.setIcon(section_icon(status, required))
        item.setData(required, REQUIRED_ROLE)
        item.setData(words > 0, WRITTEN_ROLE)
        parts = [self.tr("Required by law") if required else self.tr("Optional")]
        parts.append(self.tr("{count} words").format(count=words) if words else self.tr("Not written yet"))
        item.setToolTip(" · ".join(parts))

    def update_section(self, section_id: int, words: int) -> None:
        """Refresh one section's icon and its document's count after a save, without a rebuild."""
        item = self._section_items.get(section_id)
        if item is None:
            return
        required = bool(item.data(REQUIRED_ROLE))
        was_written = bool(item.data(WRITTEN_ROLE))
        self._decorate(item, required, words)
        if required and was_written != (words > 0):
            document = item.parent()
            while document is not None and document.data(KIND_ROLE) != NodeKind.DOCUMENT:
                document = document.parent()
            if document is not None:
                written, total = document.data(COUNTS_ROLE)
                self._label_document(document, written + (1 if words > 0 else -1), total)

    def index_of_section(self, section_id: int) -> QModelIndex:
        """The model index of a section row, or an invalid index."""
        item = self._section_items.get(section_id)
        return item.index() if item is not None else QModelIndex()

    def index_of_project(self, project_id: int) -> QModelIndex:
        """The model index of a project row, or an invalid index."""
        item = self._project_items.get(project_id)
        return item.index() if item is not None else QModelIndex()
