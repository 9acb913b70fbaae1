"""Status icons drawn in code, so they stay crisp and need no image files; the program's own icon from its files."""

from functools import cache
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap

from dossier_app.domain.enums import SectionState, SectionStatus

WRITTEN = QColor("#2e7d32")
REQUIRED_EMPTY = QColor("#e65100")
OPTIONAL_EMPTY = QColor("#9e9e9e")
SUBMITTED = QColor("#1565c0")
RETURNED = QColor("#c62828")
# Drawn by packaging/icon.py: the same page-and-pin at each size (the small ones are not a blurred large one).
PROGRAM_ICONS_DIR = Path(__file__).resolve().parents[3] / "resources" / "icons"
PROGRAM_ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)


def program_icon() -> QIcon:
    """The program's icon at every size it is drawn at; set on the application, every window and dialog has it."""
    icon = QIcon()
    for size in PROGRAM_ICON_SIZES:
        icon.addFile(str(PROGRAM_ICONS_DIR / f"dossier_app-{size}.png"))
    return icon


@cache
def section_icon(status: SectionStatus, required: bool) -> QIcon:
    """A filled green dot for written text, a hollow orange ring for a required empty section."""
    pixmap = QPixmap(16, 16)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    if status is SectionStatus.WRITTEN:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(WRITTEN)
        painter.drawEllipse(QRectF(3, 3, 10, 10))
    else:
        painter.setPen(QPen(REQUIRED_EMPTY if required else OPTIONAL_EMPTY, 2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(QRectF(3.5, 3.5, 9, 9))
        if required:
            painter.drawPoint(QPointF(8, 8))
    painter.end()
    return QIcon(pixmap)


@cache
def review_icon(state: SectionState, changed_since_approval: bool) -> QIcon:
    """A section under review: blue hourglass-dot submitted, green tick approved, red bar returned."""
    pixmap = QPixmap(16, 16)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    if state is SectionState.APPROVED:
        painter.setPen(QPen(WRITTEN, 2.4))
        painter.drawPolyline([QPointF(3, 8.5), QPointF(6.5, 12), QPointF(13, 4)])
    elif state is SectionState.SUBMITTED:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(SUBMITTED)
        painter.drawEllipse(QRectF(3, 3, 10, 10))
        painter.setBrush(Qt.GlobalColor.white)
        painter.drawEllipse(QRectF(6.5, 6.5, 3, 3))
    elif state is SectionState.CHANGES_REQUESTED:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(RETURNED)
        painter.drawRoundedRect(QRectF(2, 5, 12, 6), 2, 2)
    if changed_since_approval:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(REQUIRED_EMPTY)
        painter.drawEllipse(QRectF(10, 0, 6, 6))
    painter.end()
    return QIcon(pixmap)


@cache
def conflict_icon() -> QIcon:
    """A section a sync left in conflict: a red warning triangle, whatever its review state."""
    pixmap = QPixmap(16, 16)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(RETURNED)
    painter.drawPolygon([QPointF(8, 1.5), QPointF(15, 14.5), QPointF(1, 14.5)])
    painter.setBrush(Qt.GlobalColor.white)
    painter.drawRoundedRect(QRectF(7, 5.5, 2, 5), 1, 1)
    painter.drawEllipse(QRectF(7, 11.5, 2, 2))
    painter.end()
    return QIcon(pixmap)
