"""The parties table as a thin Qt model: a row count and a few cached pages, sorted and filtered in SQL."""

from collections import OrderedDict
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from dossier_app.services.register.register import PartyFilter, PartyRow, RegisterService

PAGE_SIZE = 200
CACHED_PAGES = 4
ID_ROLE = Qt.ItemDataRole.UserRole + 1

COLUMNS = ("code", "name", "citizen_id", "ward", "step", "total", "recovered", "compensation", "complaint")
STEP_KEYS = (
    "none", "notified_on", "inventoried_on", "plan_posted_on", "approved_on", "paid_on", "handed_over_on", "enforced_on"
)  # fmt: skip
# Every column sorts in SQL (the computed ones through the service's subqueries): column → service sort key.
SORT_KEYS: dict[int, str] = {
    0: "code", 1: "name", 2: "citizen_id", 3: "ward", 4: "step", 5: "total_area", 6: "recovered_area",
    7: "compensation", 8: "complaint",
}  # fmt: skip

Index = QModelIndex | QPersistentModelIndex


def format_vnd(amount: int) -> str:
    """Integer đồng with dots between thousands, as Vietnamese forms write money."""
    sign = "-" if amount < 0 else ""
    return sign + f"{abs(amount):,}".replace(",", ".")


def format_area(area: Decimal) -> str:
    """Square metres with a decimal comma and dots between thousands."""
    text = f"{area:,.2f}"
    return text.replace(",", " ").replace(".", ",").replace(" ", ".")


class PartiesTableModel(QAbstractTableModel):
    """Holds only the count and an LRU of pages; every page comes from `RegisterService.parties`."""

    def __init__(self, register: RegisterService, project_id: int, parent: Any = None) -> None:
        super().__init__(parent)
        self._register = register
        self._project_id = project_id
        self._filters = PartyFilter()
        self._sort = "code"
        self._descending = False
        self._count = 0
        self._pages: OrderedDict[int, list[PartyRow]] = OrderedDict()
        self.page_loads = 0
        self._counts: dict[PartyFilter, int] = {}  # going back to a filter (or to none) costs no count
        self.conflicted: set[int] = set()  # parties with a field a sync found changed on both sides: marked
        self._count = self._counted()

    # Queries -----------------------------------------------------------------------------------------

    @property
    def filters(self) -> PartyFilter:
        """The filters the rows currently satisfy."""
        return self._filters

    @property
    def sort_key(self) -> tuple[str, bool]:
        """The service sort column and whether it is descending."""
        return self._sort, self._descending

    def set_filters(self, filters: PartyFilter) -> None:
        """Narrow the rows in SQL. The first page comes first: when it is not full it is the whole answer and
        no count is needed (a search for one person scans the register once, not twice)."""
        self._filters = filters
        self.beginResetModel()
        self._pages.clear()
        count = self._counts.get(filters)
        if count is None:
            first = self._fetch(0)
            self._pages[0] = first
            count = len(first) if len(first) < PAGE_SIZE else self._register.count(self._project_id, filters)
            self._counts[filters] = count
        self._count = count
        self.endResetModel()

    def refresh(self) -> None:
        """Forget every cached page and count, and recount (after an import or an edit)."""
        self._counts.clear()
        self.set_filters(self._filters)

    def _counted(self) -> int:
        count = self._counts.get(self._filters)
        if count is None:
            count = self._counts[self._filters] = self._register.count(self._project_id, self._filters)
        return count

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Re-query in SQL in the new order (an unknown column is ignored)."""
        key = SORT_KEYS.get(column)
        if key is None:
            return
        self.layoutAboutToBeChanged.emit()
        self._sort = key
        self._descending = order == Qt.SortOrder.DescendingOrder
        self._pages.clear()
        self.layoutChanged.emit()

    def row(self, row: int) -> PartyRow | None:
        """The party shown on a row, fetching its page when needed."""
        if not 0 <= row < self._count:
            return None
        number = row // PAGE_SIZE
        page = self._pages.get(number)
        if page is None:
            page = self._pages[number] = self._fetch(number)
            while len(self._pages) > CACHED_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(number)
        offset = row - number * PAGE_SIZE
        return page[offset] if offset < len(page) else None

    def _fetch(self, number: int) -> list[PartyRow]:
        self.page_loads += 1
        return self._register.parties(
            self._project_id,
            self._filters,
            sort=self._sort,
            descending=self._descending,
            offset=number * PAGE_SIZE,
            limit=PAGE_SIZE,
        )

    def row_of(self, party_id: int) -> int | None:
        """The row showing a party in the current filter and order (asked of SQL, no page is loaded)."""
        return self._register.row_of(
            self._project_id, party_id, self._filters, sort=self._sort, descending=self._descending
        )

    @property
    def cached_pages(self) -> int:
        """How many pages are held now (the LRU bound is CACHED_PAGES)."""
        return len(self._pages)

    # Qt model ----------------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Rows that pass the filters, without loading them."""
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """The fixed columns of the parties table."""
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Translated column titles."""
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return self.column_titles()[section] if 0 <= section < len(COLUMNS) else None

    def column_titles(self) -> list[str]:
        """The column titles in the UI language."""
        return [
            self.tr("Code"),
            self.tr("Name"),
            self.tr("Citizen ID"),
            self.tr("Ward"),
            self.tr("Current step"),
            self.tr("Land area (m²)"),
            self.tr("Recovered area (m²)"),
            self.tr("Compensation (VND)"),
            self.tr("Complaint"),
        ]

    def step_names(self) -> dict[str, str]:
        """Step field → its name in the UI language."""
        return {
            "none": self.tr("Not started"),
            "notified_on": self.tr("Notified"),
            "inventoried_on": self.tr("Inventoried"),
            "plan_posted_on": self.tr("Plan posted"),
            "approved_on": self.tr("Approved"),
            "paid_on": self.tr("Paid"),
            "handed_over_on": self.tr("Handed over"),
            "enforced_on": self.tr("Enforced"),
        }

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """A cell, fetched with its page on demand."""
        if not index.isValid():
            return None
        party = self.row(index.row())
        if party is None:
            return None
        name = COLUMNS[index.column()]
        if role == ID_ROLE:
            return party.id
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(party, name)
        if role == Qt.ItemDataRole.TextAlignmentRole and name in ("total", "recovered", "compensation"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and name == "complaint" and party.complaint:
            return QColor("#b00020")
        if party.id in self.conflicted:
            if role == Qt.ItemDataRole.BackgroundRole:
                return QColor("#ffe0b2")
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.tr("Sync conflict: pick the values to keep beside the details")
        return None

    def _display(self, party: PartyRow, name: str) -> str:
        if name == "step":
            return self.step_names().get(party.step, party.step)
        if name == "total":
            return format_area(party.total_area_m2)
        if name == "recovered":
            return format_area(party.recovered_area_m2)
        if name == "compensation":
            return format_vnd(party.compensation_vnd)
        if name == "complaint":
            return self.tr("Yes") if party.complaint else ""
        return str(getattr(party, name))
