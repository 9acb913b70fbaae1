"""The regime's review clock drawn as horizontal phase bars on a date axis, with today marked."""

from datetime import date

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from dossier_app.domain.review_clock import Phase

ROW_HEIGHT = 40
LABEL_WIDTH = 380
MARGIN = 12
COLOURS = {"done": QColor("#9bbf9b"), "current": QColor("#3d7fc4"), "future": QColor("#c9d6e8")}
TODAY_COLOUR = QColor("#c0392b")


def day_text(day: date) -> str:
    """Dates as Vietnamese readers write them."""
    return day.strftime("%d/%m/%Y")


class ReviewTimeline(QWidget):
    """Draws phases from the service's read model; holds no session and no state beyond what it paints."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._phases: tuple[Phase, ...] = ()
        self._today = date.today()
        self._english = False
        self._empty_text = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_phases(self, phases: tuple[Phase, ...], today: date, english: bool, empty_text: str = "") -> None:
        """Show these phases as of `today`; `empty_text` explains an empty clock."""
        self._phases, self._today, self._english, self._empty_text = phases, today, english, empty_text
        self.setMinimumHeight(self.sizeHint().height())
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        """One row per phase, plus the axis and the today label."""
        return QSize(900, MARGIN * 2 + ROW_HEIGHT * max(1, len(self._phases)) + 40)

    def _span(self) -> tuple[date, date]:
        first = min([p.start for p in self._phases] + [self._today])
        last = max([p.end for p in self._phases] + [self._today])
        return first, last if last > first else first

    def x_of(self, day: date) -> float:
        """The horizontal position of a day on the axis (public for tests)."""
        first, last = self._span()
        width = max(1.0, self.width() - LABEL_WIDTH - 2 * MARGIN)
        total = max(1, (last - first).days)
        return LABEL_WIDTH + MARGIN + width * (day - first).days / total

    def paintEvent(self, event: QPaintEvent) -> None:
        """Bars, their labels and dates, then the today line on top."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        metrics = QFontMetrics(self.font())
        if not self._phases:
            painter.setPen(self.palette().placeholderText().color())
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self._empty_text)
            painter.end()
            return
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, self.font().pointSizeF() - 1))
        for row, phase in enumerate(self._phases):
            top = MARGIN + row * ROW_HEIGHT
            title = phase.title_en if self._english else phase.title_vi
            label = f"{row + 1}. {title}"
            painter.setPen(self.palette().text().color())
            painter.setFont(self.font())
            box = QRectF(MARGIN, top, LABEL_WIDTH - 2 * MARGIN, ROW_HEIGHT - 4)
            flags = Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap
            if metrics.boundingRect(box.toRect(), int(flags), label).height() > box.height():
                label = metrics.elidedText(label, Qt.TextElideMode.ElideRight, int(box.width() * 1.85))
            painter.drawText(box, int(flags), label)
            left, right = self.x_of(phase.start), self.x_of(phase.end)
            bar = QRectF(left, top + 4, max(3.0, right - left), ROW_HEIGHT - 14)
            state = phase.state(self._today)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(COLOURS[state])
            painter.drawRoundedRect(bar, 3, 3)
            painter.setFont(small)
            painter.setPen(QColor("white") if state == "current" else QColor("#222"))
            days = self.tr("{days} working days").format(days=phase.working_days)
            text = f"{days}: {day_text(phase.start)} – {day_text(phase.end)}"
            needed = QFontMetrics(small).horizontalAdvance(text) + 8
            if needed <= bar.width():
                painter.drawText(bar, Qt.AlignmentFlag.AlignCenter, text)
            else:  # a short bar: the text goes beside it, on the side with room
                painter.setPen(self.palette().text().color())
                centre = Qt.AlignmentFlag.AlignVCenter
                if bar.right() + 4 + needed <= self.width() - MARGIN:
                    outside = QRectF(bar.right() + 4, bar.top(), needed, bar.height())
                    painter.drawText(outside, centre | Qt.AlignmentFlag.AlignLeft, text)
                else:
                    outside = QRectF(bar.left() - 4 - needed, bar.top(), needed, bar.height())
                    painter.drawText(outside, centre | Qt.AlignmentFlag.AlignRight, text)
        bottom = MARGIN + len(self._phases) * ROW_HEIGHT
        painter.setPen(QPen(self.palette().mid().color(), 1))
        painter.drawLine(int(LABEL_WIDTH + MARGIN), bottom, self.width() - MARGIN, bottom)
        first, last = self._span()
        painter.setFont(small)
        painter.setPen(self.palette().text().color())
        painter.drawText(QRectF(LABEL_WIDTH + MARGIN, bottom + 2, 120, 16), Qt.AlignmentFlag.AlignLeft, day_text(first))
        painter.drawText(
            QRectF(self.width() - MARGIN - 120, bottom + 2, 120, 16), Qt.AlignmentFlag.AlignRight, day_text(last)
        )
        x = self.x_of(self._today)
        painter.setPen(QPen(TODAY_COLOUR, 2))
        painter.drawLine(int(x), MARGIN - 4, int(x), bottom + 4)
        today = self.tr("Today {day}").format(day=day_text(self._today))
        width = QFontMetrics(small).horizontalAdvance(today) + 6
        left = min(max(LABEL_WIDTH + MARGIN, x - width / 2), self.width() - MARGIN - width)
        painter.drawText(QRectF(left, bottom + 18, width, 16), Qt.AlignmentFlag.AlignCenter, today)
        painter.end()
