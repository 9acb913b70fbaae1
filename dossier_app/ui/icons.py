"""Status icons drawn in code, so they stay crisp and need no image files."""

from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap

from dossier_app.domain.enums import SectionStatus

WRITTEN = QColor("#2e7d32")
REQUIRED_EMPTY = QColor("#e65100")
OPTIONAL_EMPTY = QColor("#9e9e9e")


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
