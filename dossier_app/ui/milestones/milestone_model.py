"""The milestone plan as a Qt table: one row per step, edited in place, flagged rows coloured with their reasons."""

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QDate, QLocale, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from dossier_app.domain.milestones import Bound, Deadline, Finding, FindingKind, Milestone, MilestoneStatus, Risk
from dossier_app.services.milestones.milestones import PlanView

Index = QModelIndex | QPersistentModelIndex
# Asked to store an edit (before, after): True if it was stored. The window makes it undoable.
Editor = Callable[[Milestone, Milestone], bool]

COLUMNS = (
    "key",
    "title",
    "responsible",
    "planned_start",
    "planned_end",
    "actual_start",
    "actual_end",
    "status",
    "percent",
    "deadline",
    "drift",
)
DATE_COLUMNS = frozenset({"planned_start", "planned_end", "actual_start", "actual_end"})
EDITABLE = frozenset({"title", "responsible", "status", "percent", *DATE_COLUMNS})
DATE_FORMAT = "dd/MM/yyyy"
KEY_ROLE = Qt.ItemDataRole.UserRole + 1
RISK_ROLE = Qt.ItemDataRole.UserRole + 2
OVERDUE_COLOUR = QColor("#f6c6c6")
AT_RISK_COLOUR = QColor("#fde2a7")
# A swatch beside the key, so a flagged row still shows it while selected.
MARKS = {Risk.OVERDUE: QColor("#c9302c"), Risk.AT_RISK: QColor("#ec971f")}


def to_qdate(day: date | None) -> QDate:
    """A Qt date, invalid for none."""
    return QDate(day.year, day.month, day.day) if day is not None else QDate()


def from_qdate(value: object) -> date | None:
    """A date from what an editor hands back (a QDate, a date, or nothing)."""
    if isinstance(value, QDate):
        return date(value.year(), value.month(), value.day()) if value.isValid() else None
    if isinstance(value, date):
        return value
    return None


def show_date(day: date | None) -> str:
    """Dates as Vietnamese forms write them: 26/11/2026."""
    return to_qdate(day).toString(DATE_FORMAT) if day is not None else ""


def vietnamese() -> bool:
    """Whether the UI speaks Vietnamese (the translator sets the default locale)."""
    return QLocale().language() == QLocale.Language.Vietnamese


class MilestoneTableModel(QAbstractTableModel):
    """Holds one PlanView; edits go to `editor` (the window), which stores them and hands back a fresh plan."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._plan: PlanView | None = None
        self.editor: Editor | None = None
        self.writable = True

    # Contents ----------------------------------------------------------------------------------------

    @property
    def plan(self) -> PlanView | None:
        """The plan shown."""
        return self._plan

    def set_plan(self, plan: PlanView) -> None:
        """Show a plan: the same steps in the same order only repaint; anything else resets the view."""
        same = self._plan is not None and [m.key for m in self._plan.milestones] == [m.key for m in plan.milestones]
        if not same:
            self.beginResetModel()
            self._plan = plan
            self.endResetModel()
            return
        self._plan = plan
        if plan.milestones:
            self.dataChanged.emit(self.index(0, 0), self.index(len(plan.milestones) - 1, len(COLUMNS) - 1))

    def milestone_at(self, row: int) -> Milestone:
        """The step shown in a row."""
        assert self._plan is not None
        return self._plan.milestones[row]

    def row_of(self, key: str) -> int:
        """The row of a step, or -1."""
        if self._plan is None:
            return -1
        return next((row for row, m in enumerate(self._plan.milestones) if m.key == key), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """One row per step."""
        return 0 if parent.isValid() or self._plan is None else len(self._plan.milestones)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """The columns of COLUMNS."""
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Column titles in the UI language."""
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = {
            "key": self.tr("Key"),
            "title": self.tr("Step"),
            "responsible": self.tr("Responsible"),
            "planned_start": self.tr("Planned start"),
            "planned_end": self.tr("Planned end"),
            "actual_start": self.tr("Actual start"),
            "actual_end": self.tr("Actual end"),
            "status": self.tr("Status"),
            "percent": self.tr("%"),
            "deadline": self.tr("Legal deadline"),
            "drift": self.tr("Drift (days)"),
        }
        return titles[COLUMNS[section]]

    def status_names(self) -> dict[MilestoneStatus, str]:
        """The statuses in the UI language."""
        return {
            MilestoneStatus.NOT_STARTED: self.tr("Not started"),
            MilestoneStatus.RUNNING: self.tr("Running"),
            MilestoneStatus.DONE: self.tr("Done"),
        }

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Editable cells: text, dates, status, and the percent of steps the register does not drive."""
        if not index.isValid() or self._plan is None:
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        column = COLUMNS[index.column()]
        if not self.writable or column not in EDITABLE:
            return base
        if column == "percent" and self._plan.is_register_driven(self.milestone_at(index.row()).key):
            return base
        return base | Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Text, edit values, colours and the tooltips that say why a row is flagged."""
        if not index.isValid() or self._plan is None:
            return None
        plan, milestone = self._plan, self.milestone_at(index.row())
        column = COLUMNS[index.column()]
        risk = plan.assessment(milestone.key).risk
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(milestone, column)
        if role == Qt.ItemDataRole.EditRole:
            if column in DATE_COLUMNS:
                return to_qdate(getattr(milestone, column))
            if column == "status":
                return milestone.status.value
            return getattr(milestone, column, None)
        if role == Qt.ItemDataRole.DecorationRole and column == "key":
            return MARKS.get(risk)
        if role == Qt.ItemDataRole.BackgroundRole:
            return {Risk.OVERDUE: OVERDUE_COLOUR, Risk.AT_RISK: AT_RISK_COLOUR}.get(risk)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(milestone, column)
        if role == Qt.ItemDataRole.FontRole and column == "percent" and plan.is_register_driven(milestone.key):
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column in ("percent", "drift"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == KEY_ROLE:
            return milestone.key
        if role == RISK_ROLE:
            return risk.value
        return None

    def _display(self, milestone: Milestone, column: str) -> str:
        assert self._plan is not None
        if column in DATE_COLUMNS:
            return show_date(getattr(milestone, column))
        if column == "status":
            return self.status_names()[milestone.status]
        if column == "percent":
            return f"{milestone.percent} %"
        if column == "deadline":
            return ", ".join(self._deadline(d) for d in self._plan.deadlines_of(milestone.key))
        if column == "drift":
            drift = self._plan.drift.get(milestone.key)
            return "" if drift is None else f"{drift:+d}"
        return str(getattr(milestone, column))

    @staticmethod
    def _deadline(deadline: Deadline) -> str:
        text = ("≤ " if deadline.bound is Bound.NOT_AFTER else "≥ ") + show_date(deadline.due)
        return f"({text})" if deadline.rule.advisory else text

    def _tooltip(self, milestone: Milestone, column: str) -> str | None:
        assert self._plan is not None
        plan = self._plan
        if column == "percent" and plan.is_register_driven(milestone.key):
            return self.tr(
                "Computed from the land register: the share of the project's {count} parties that have reached "
                "this step. It cannot be typed."
            ).format(count=plan.parties)
        if column == "deadline":
            lines = [f"{self._deadline(d)}: {self._note(d)}" for d in plan.deadlines_of(milestone.key)]
            return "\n".join(lines) or None
        if column == "drift" and plan.baseline is not None and milestone.key in plan.drift:
            return self.tr("{days:+d} day(s) against the baseline “{name}”").format(
                days=plan.drift[milestone.key], name=plan.baseline.name
            )
        assessment = plan.assessment(milestone.key)
        if assessment.risk is Risk.ON_TRACK:
            return None
        head = self.tr("Overdue") if assessment.risk is Risk.OVERDUE else self.tr("At risk")
        return "\n".join([head, *(self.reason(milestone.key, f) for f in assessment.findings)])

    @staticmethod
    def _note(deadline: Deadline) -> str:
        return (deadline.rule.note_vi if vietnamese() else deadline.rule.note_en) or deadline.rule.key

    def reason(self, key: str, finding: Finding) -> str:
        """One reason a step is flagged: which legal clock, the date, days late or left, in the UI language."""
        assert self._plan is not None
        deadline = next(
            (d for d in self._plan.deadlines_of(key) if d.rule.key == finding.rule_key and d.due == finding.due), None
        )
        clock = self._note(deadline) if deadline is not None else ""
        due, days = show_date(finding.due), finding.days
        if finding.kind is FindingKind.DEADLINE_MISSED:
            text = self.tr("Legal deadline {due} passed {days} day(s) ago.").format(due=due, days=days)
        elif finding.kind is FindingKind.DONE_LATE:
            text = self.tr("Done {days} day(s) after the legal deadline {due}.").format(due=due, days=days)
        elif finding.kind is FindingKind.ENDED_EARLY:
            text = self.tr("Ended {days} day(s) before {due}, the earliest end the law allows.").format(
                due=due, days=days
            )
        elif finding.kind is FindingKind.PLANNED_END_PASSED:
            text = self.tr("The planned end {due} passed {days} day(s) ago and the step is not done.").format(
                due=due, days=days
            )
        else:
            text = self.tr("{days} day(s) left until the legal deadline {due}.").format(due=due, days=days)
        return f"{text} {clock}".strip()

    # Editing -------------------------------------------------------------------------------------------

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Hand the edited step to the editor; nothing changes here unless it was stored."""
        if role != Qt.ItemDataRole.EditRole or not (self.flags(index) & Qt.ItemFlag.ItemIsEditable):
            return False
        before = self.milestone_at(index.row())
        column = COLUMNS[index.column()]
        if column in DATE_COLUMNS:
            after = replace(before, **{column: from_qdate(value)})
        elif column in ("status", "percent"):
            try:
                if column == "status":
                    after = replace(before, status=MilestoneStatus(str(value)))
                else:
                    after = replace(before, percent=int(value))
            except (TypeError, ValueError):
                return False
        else:
            after = replace(before, **{column: " ".join(str(value).split())})
        if after == before or self.editor is None:
            return False
        return self.editor(before, after)
