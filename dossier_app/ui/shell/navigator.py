"""The navigator: projects, their documents and section trees, with status icons and counts."""

from enum import IntEnum
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtGui import QColor, QFont, QStandardItem, QStandardItemModel

from dossier_app.domain.enums import SectionState, SectionStatus
from dossier_app.ui.shared.icons import conflict_icon, review_icon, section_icon
from dossier_app.ui.shared.review_states import state_name

if TYPE_CHECKING:
    from dossier_app.services import Services
    from dossier_app.services.dossier.dossiers import SectionNode

KIND_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
PROJECT_ROLE = Qt.ItemDataRole.UserRole + 3
DOCUMENT_ROLE = Qt.ItemDataRole.UserRole + 4
REQUIRED_ROLE = Qt.ItemDataRole.UserRole + 5
WRITTEN_ROLE = Qt.ItemDataRole.UserRole + 6
COUNTS_ROLE = Qt.ItemDataRole.UserRole + 7
STATE_ROLE = Qt.ItemDataRole.UserRole + 8
TITLE_ROLE = Qt.ItemDataRole.UserRole + 10
CHANGED_ROLE = Qt.ItemDataRole.UserRole + 9
OUTSIDE_ROLE = Qt.ItemDataRole.UserRole + 11


class NodeKind(IntEnum):
    """What a navigator row stands for."""

    PROJECT = 1
    DOCUMENT = 2
    SECTION = 3


class NavigatorModel(QStandardItemModel):
    """A thin two-column tree (title, written/required or words) rebuilt from the services' read models."""

    def __init__(self, services: "Services", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._section_items: dict[int, QStandardItem] = {}
        self._project_items: dict[int, QStandardItem] = {}
        self._outside: set[int] = set()
        self._in_conflict: set[int] = set()  # sections a sync left in conflict: marked until settled

    def reload(self) -> None:
        """Rebuild every row from the database."""
        self.clear()
        self.setColumnCount(2)
        self._section_items.clear()
        self._project_items.clear()
        self._in_conflict = set(self._services.dossiers.sections_in_conflict())
        for summary in self._services.projects.summaries():
            item = self._item(f"{summary.code} — {summary.name}", NodeKind.PROJECT, summary.id, summary.id)
            item.setData(item.text(), TITLE_ROLE)
            font = QFont(item.font())
            font.setBold(True)
            item.setFont(font)
            self.invisibleRootItem().appendRow([item, self._count_item()])
            self._project_items[summary.id] = item
            self._fill_project(item, summary.id)
            self._badge(item)

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
        self._outside = {s.id for s in self._services.projects.outside_regime(project_id)}
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
        self, parent: QStandardItem, nodes: "tuple[SectionNode, ...]", project_id: int, document_id: int
    ) -> None:
        for node in nodes:
            item = self._item(node.title, NodeKind.SECTION, node.id, project_id)
            item.setData(document_id, DOCUMENT_ROLE)
            item.setData(node.required, REQUIRED_ROLE)
            item.setData(node.state.value, STATE_ROLE)
            item.setData(node.changed_since_approval, CHANGED_ROLE)
            if node.id in self._outside:
                item.setData(True, OUTSIDE_ROLE)
                font = QFont(item.font())
                font.setItalic(True)
                item.setFont(font)
                item.setForeground(QColor("#777"))
            parent.appendRow([item, self._count_item()])
            self._decorate(item, node.word_count)
            self._section_items[node.id] = item
            self._add_sections(item, node.children, project_id, document_id)

    def _decorate(self, item: QStandardItem, words: int) -> None:
        required = bool(item.data(REQUIRED_ROLE))
        state = SectionState(item.data(STATE_ROLE) or SectionState.DRAFT.value)
        changed = bool(item.data(CHANGED_ROLE))
        status = SectionStatus.WRITTEN if words > 0 else SectionStatus.EMPTY
        if state is SectionState.DRAFT and not changed:
            item.setIcon(section_icon(status, required))
        else:
            item.setIcon(review_icon(state, changed))
        item.setData(words > 0, WRITTEN_ROLE)
        parts = [self.tr("Required by law") if required else self.tr("Optional"), state_name(state)]
        if changed:
            parts.append(self.tr("changed since approval"))
        parts.append(self.tr("{count} words").format(count=words) if words else self.tr("Not written yet"))
        if item.data(OUTSIDE_ROLE):
            parts.insert(0, self.tr("Not part of the current regime (kept from an earlier one)"))
        if item.data(ID_ROLE) in self._in_conflict:
            item.setIcon(conflict_icon())
            parts.insert(
                0, self.tr("In conflict with the server's copy: open File › Sync conflicts… to merge the two texts")
            )
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
        self._in_conflict.discard(section_id)  # a save made since settles it (the next sync pushes it)
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

    def set_review_state(self, section_id: int, state: SectionState, changed: bool) -> None:
        """Show a section's new review state (after a save or a review action) and the project's badge."""
        item = self._section_items.get(section_id)
        if item is None:
            return
        item.setData(state.value, STATE_ROLE)
        item.setData(changed, CHANGED_ROLE)
        words_cell = self._count_cell(item)
        words = int(words_cell.text()) if words_cell is not None and words_cell.text().isdigit() else 0
        self._decorate(item, words)
        project = self._project_items.get(int(item.data(PROJECT_ROLE)))
        if project is not None:
            self._badge(project)

    def _badge(self, project: QStandardItem) -> None:
        """The project's badge: sections waiting for a manager and sections returned for changes."""
        pending = [project]
        counts = {SectionState.SUBMITTED: 0, SectionState.CHANGES_REQUESTED: 0}
        while pending:
            item = pending.pop()
            state = item.data(STATE_ROLE)
            if state in counts:
                counts[SectionState(state)] += 1
            pending.extend(item.child(row, 0) for row in range(item.rowCount()))
        parts = []
        if counts[SectionState.SUBMITTED]:
            parts.append(self.tr("{count} waiting").format(count=counts[SectionState.SUBMITTED]))
        if counts[SectionState.CHANGES_REQUESTED]:
            parts.append(self.tr("{count} returned").format(count=counts[SectionState.CHANGES_REQUESTED]))
        label = str(project.data(TITLE_ROLE))
        project.setText(label + (f"  [{', '.join(parts)}]" if parts else ""))

    def index_of_section(self, section_id: int) -> QModelIndex:
        """The model index of a section row, or an invalid index."""
        item = self._section_items.get(section_id)
        return item.index() if item is not None else QModelIndex()

    def index_of_project(self, project_id: int) -> QModelIndex:
        """The model index of a project row, or an invalid index."""
        item = self._project_items.get(project_id)
        return item.index() if item is not None else QModelIndex()
