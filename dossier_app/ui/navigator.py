"""The navigator: projects, their documents and section trees, with status icons and counts."""

from enum import IntEnum

from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtGui import QColor, QFont, QStandardItem, QStandardItemModel

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


class NodeKind(IntEnum):
    """What a navigator row stands for."""

    PROJECT = 1
    DOCUMENT = 2
    SECTION = 3


class NavigatorModel(QStandardItemModel):
    """A thin two-column tree (title, written/required or words) rebuilt from the services' read models."""

    def __init__(self, services: Services, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._section_items: dict[int, QStandardItem] = {}
        self._project_items: dict[int, QStandardItem] = {}

    def reload(self) -> None:
        """Rebuild every row from the database."""
        self.clear()
        self.setColumnCount(2)
        self._section_items.clear()
        self._project_items.clear()
        for summary in self._services.projects.summaries():
            item = self._item(f"{summary.code} — {summary.name}", NodeKind.PROJECT, summary.id, summary.id)
            font = QFont(item.font())
            font.setBold(True)
            item.setFont(font)
            self.invisibleRootItem().appendRow([item, self._count_item()])
            self._project_items[summary.id] = item
            self._fill_project(item, summary.id)

    def _item(self, text: str, kind: NodeKind, item_id: int, project_id: int) -> QStandardItem:
        item = QStandardItem(text)
        item.setEditable(False)
        item.setData(kind, KIND_ROLE)
        item.setData(item_id, ID_ROLE)
        item.setData(project_id, PROJECT_ROLE)
        return item

    @staticmethod
    def _count_item() -> QStandardItem:
        item = QStandardItem()
        item.setEditable(False)
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        item.setForeground(QColor("#555"))
        return item

    def _count_cell(self, item: QStandardItem) -> QStandardItem | None:
        parent = item.parent() or self.invisibleRootItem()
        return parent.child(item.row(), 1)

    def _fill_project(self, project_item: QStandardItem, project_id: int) -> None:
        written = total = 0
        for tree in self._services.dossiers.tree(project_id):
            document_item = self._item(tree.title, NodeKind.DOCUMENT, tree.id, project_id)
            document_item.setData(tree.id, DOCUMENT_ROLE)
            project_item.appendRow([document_item, self._count_item()])
            self._set_counts(document_item, tree.required_written, tree.required_total)
            self._add_sections(document_item, tree.sections, project_id, tree.id)
            written += tree.required_written
            total += tree.required_total
        self._set_counts(project_item, written, total)

    def _set_counts(self, item: QStandardItem, written: int, total: int) -> None:
        item.setData((written, total), COUNTS_ROLE)
        tip = self.tr("{written} of {total} required sections written").format(written=written, total=total)
        item.setToolTip(item.text() + "\n" + tip)
        cell = self._count_cell(item)
        if cell is not None:
            cell.setText(f"{written}/{total}")
            cell.setToolTip(tip)

    def _add_sections(
        self, parent: QStandardItem, nodes: tuple[SectionNode, ...], project_id: int, document_id: int
    ) -> None:
        for node in nodes:
            item = self._item(node.title, NodeKind.SECTION, node.id, project_id)
            item.setData(document_id, DOCUMENT_ROLE)
            item.setData(node.required, REQUIRED_ROLE)
            parent.appendRow([item, self._count_item()])
            self._decorate(item, node.word_count)
            self._section_items[node.id] = item
            self._add_sections(item, node.children, project_id, document_id)

    def _decorate(self, item: QStandardItem, words: int) -> None:
        required = bool(item.data(REQUIRED_ROLE))
        status = SectionStatus.WRITTEN if words > 0 else SectionStatus.EMPTY
        item.setIcon(section_icon(status, required))
        item.setData(words > 0, WRITTEN_ROLE)
        parts = [self.tr("Required by law") if required else self.tr("Optional")]
        parts.append(self.tr("{count} words").format(count=words) if words else self.tr("Not written yet"))
        item.setToolTip(item.text() + "\n" + " · ".join(parts))
        cell = self._count_cell(item)
        if cell is not None:
            cell.setText(str(words) if words else "")
            cell.setToolTip(item.toolTip())

    def update_section(self, section_id: int, words: int) -> None:
        """Refresh one section's icon, words and its document's and project's counts after a save."""
        item = self._section_items.get(section_id)
        if item is None:
            return
        was_written = bool(item.data(WRITTEN_ROLE))
        self._decorate(item, words)
        if not item.data(REQUIRED_ROLE) or was_written == (words > 0):
            return
        step = 1 if words > 0 else -1
        ancestor = item.parent()
        while ancestor is not None:
            if ancestor.data(KIND_ROLE) in (NodeKind.DOCUMENT, NodeKind.PROJECT):
                written, total = ancestor.data(COUNTS_ROLE)
                self._set_counts(ancestor, written + step, total)
            ancestor = ancestor.parent()

    def index_of_section(self, section_id: int) -> QModelIndex:
        """The model index of a section row, or an invalid index."""
        item = self._section_items.get(section_id)
        return item.index() if item is not None else QModelIndex()

    def index_of_project(self, project_id: int) -> QModelIndex:
        """The model index of a project row, or an invalid index."""
        item = self._project_items.get(project_id)
        return item.index() if item is not None else QModelIndex()
