"""Work queues: sections waiting for approval, sections returned to me, documents fully approved."""

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QHeaderView, QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from dossier_app.domain.enums import Role
from dossier_app.services import Services
from dossier_app.services.accounts.accounts import AccountView

SECTION_ROLE = Qt.ItemDataRole.UserRole + 1


def _age(days: int, hours: int) -> str:
    if not days:
        return QCoreApplication.translate("QueuePane", "{hours} h").format(hours=hours)
    return QCoreApplication.translate("QueuePane", "{days} d {hours} h").format(days=days, hours=hours)


class QueuePane(QWidget):
    """One list per queue the account's roles see; activating a section opens it."""

    open_section = Signal(int)
    count_changed = Signal(int)

    def __init__(self, services: Services, account: AccountView | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._account = account
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("queueTree")
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels([self.tr("Section"), self.tr("Who"), self.tr("Waiting")])
        self.tree.setRootIsDecorated(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.itemActivated.connect(self._activated)
        self.tree.itemDoubleClicked.connect(self._activated)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.tree)
        layout.addWidget(self.hint)
        self.total = 0

    def _holds(self, role: Role) -> bool:
        return self._account is not None and self._account.has_role(role)

    def refresh(self) -> int:
        """Re-read the queues the account sees; returns how many items need action."""
        self.tree.clear()
        total = 0
        if self._holds(Role.MANAGER):
            items = self._services.reviews.submitted_queue()
            group = self._group(self.tr("Waiting for approval ({count})").format(count=len(items)))
            for entry in items:
                hours = int(entry.age.total_seconds() // 3600)
                self._leaf(
                    group,
                    f"{entry.project_code} › {entry.title}",
                    entry.submitted_by,
                    _age(hours // 24, hours % 24),
                    entry.section_id,
                )
            total += len(items)
        if self._holds(Role.OFFICER) and self._account is not None:
            returned = self._services.reviews.returned_queue(self._account.username)
            group = self._group(self.tr("Returned to me ({count})").format(count=len(returned)))
            for entry in returned:
                leaf = self._leaf(
                    group, f"{entry.project_code} › {entry.title}", entry.returned_by, "", entry.section_id
                )
                leaf.setToolTip(0, entry.comment)
            total += len(returned)
        if self._holds(Role.CLERK):
            documents = self._services.reviews.approved_documents()
            group = self._group(self.tr("Fully approved documents ({count})").format(count=len(documents)))
            for document in documents:
                self._leaf(group, f"{document.project_code} › {document.title}", "", "", None)
        self.tree.expandAll()
        self.hint.setText("" if self.tree.topLevelItemCount() else self.tr("Sign in with a role to see work queues."))
        self.total = total
        self.count_changed.emit(total)
        return total

    def _group(self, title: str) -> QTreeWidgetItem:
        group = QTreeWidgetItem([title])
        font = group.font(0)
        font.setBold(True)
        group.setFont(0, font)
        self.tree.addTopLevelItem(group)
        group.setFirstColumnSpanned(True)
        return group

    @staticmethod
    def _leaf(group: QTreeWidgetItem, title: str, who: str, age: str, section_id: int | None) -> QTreeWidgetItem:
        leaf = QTreeWidgetItem([title, who, age])
        leaf.setData(0, SECTION_ROLE, section_id)
        leaf.setToolTip(0, title)
        group.addChild(leaf)
        return leaf

    def _activated(self, item: QTreeWidgetItem) -> None:
        section_id = item.data(0, SECTION_ROLE)
        if section_id is not None:
            self.open_section.emit(int(section_id))
