"""The pieces of the project home: lines and count tiles that open where their subject is dealt with, in cards."""

from enum import StrEnum
from typing import TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QResizeEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget


class Tone(StrEnum):
    """How a line or a count is coloured: the readiness lights, plus blue for something waiting and grey."""

    RED = "red"
    AMBER = "amber"
    GREEN = "green"
    BLUE = "blue"
    PLAIN = "plain"


# Text colour (dark enough to read on the tint) and tint of each tone.
INK = {Tone.RED: "#b71c1c", Tone.AMBER: "#8a4b00", Tone.GREEN: "#1b5e20", Tone.BLUE: "#0d47a1", Tone.PLAIN: "#263238"}
TINT = {Tone.RED: "#fdecea", Tone.AMBER: "#fff4e0", Tone.GREEN: "#e8f5e9", Tone.BLUE: "#e3f2fd", Tone.PLAIN: "#f5f7f8"}
MARK = {Tone.RED: "#c62828", Tone.AMBER: "#ef8f00", Tone.GREEN: "#2e7d32", Tone.BLUE: "#1565c0", Tone.PLAIN: "#90a4ae"}

L = TypeVar("L", bound="HomeLink")
TILE_WIDTH = 118  # pixels a count tile needs for its number and a two-line caption

STYLE = """
QFrame#homeCard { background: white; border: 1px solid #d5dde2; border-radius: 6px; }
QLabel#homeCardTitle { font-size: 13pt; font-weight: bold; color: #263238; }
QFrame[homeLink="true"] { border: 2px solid transparent; border-radius: 5px; }
QFrame[homeLink="true"]:hover { border: 2px solid #b0bec5; }
QFrame[homeLink="true"]:focus { border: 2px solid #1565c0; }
"""


class HomeLink(QFrame):
    """A line that opens a place: a click, Enter, Return or Space activates it, Tab reaches it."""

    activated = Signal()

    def __init__(self, text: str, tone: Tone = Tone.PLAIN, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("homeLink", True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAttribute(Qt.WidgetAttribute.WA_Hover, True)
        self.setAccessibleName(text)
        self.label = QLabel(text, self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self._lay_out(tone)

    def _lay_out(self, tone: Tone) -> None:
        """A coloured dot (an arrow for a plain line), then the text."""
        mark = QLabel("●" if tone is not Tone.PLAIN else "›", self)
        mark.setStyleSheet(f"color: {MARK[tone]}; font-size: 11pt")
        mark.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.label.setStyleSheet(f"color: {INK[tone]}; font-size: 10.5pt")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 3, 6, 3)
        layout.setSpacing(6)
        layout.addWidget(mark)
        layout.addWidget(self.label, 1)

    def text(self) -> str:
        """What the line says."""
        return self.label.text()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter, Return and Space open the place, as a button would."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.activated.emit()
            return
        super().keyPressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """A left click opens the place."""
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(event.position().toPoint()):
            self.activated.emit()
            return
        super().mouseReleaseEvent(event)


class Tile(HomeLink):
    """A large count with its caption under it, on the tint of its tone."""

    def __init__(self, count: str, caption: str, tone: Tone, parent: QWidget | None = None) -> None:
        self._count = count
        super().__init__(caption, tone, parent)
        self.setAccessibleName(f"{count} {caption}")

    def _lay_out(self, tone: Tone) -> None:
        """The count large, the caption small under it."""
        self.count_label = QLabel(self._count, self)
        self.count_label.setStyleSheet(f"color: {INK[tone]}; font-size: 22pt; font-weight: bold")
        self.label.setStyleSheet(f"color: {INK[tone]}; font-size: 9.5pt")
        self.setStyleSheet(f'QFrame[homeLink="true"] {{ background: {TINT[tone]}; }}')
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 8)
        layout.setSpacing(0)
        layout.addWidget(self.count_label)
        layout.addWidget(self.label)
        layout.addStretch(1)

    def count(self) -> str:
        """The number shown."""
        return self.count_label.text()


class Card(QFrame):
    """A titled box of the home: tiles in a row, then lines."""

    def __init__(self, title: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("homeCard")
        self.setAccessibleName(title)
        self.title = QLabel(title, self)
        self.title.setObjectName("homeCardTitle")
        self.title.setWordWrap(True)
        self.tiles = QGridLayout()
        self.tiles.setSpacing(8)
        self._tiles: list[Tile] = []
        self._tile_columns = 0
        self.lines = QVBoxLayout()
        self.lines.setSpacing(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(8)
        layout.addWidget(self.title)
        layout.addLayout(self.tiles)
        layout.addLayout(self.lines)
        layout.addStretch(1)
        self.links: dict[str, HomeLink] = {}
        self._name = name

    def tile(self, key: str, count: str, caption: str, tone: Tone) -> Tile:
        """Add a count tile, named `<card>.<key>`."""
        tile = Tile(count, caption, tone, self)
        self._tiles.append(tile)
        self._tile_columns = 0
        self._place_tiles()
        return self._named(key, tile)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """As many tiles in a row as fit (at least TILE_WIDTH each); the rest wrap to the next row."""
        super().resizeEvent(event)
        self._place_tiles()

    def _place_tiles(self) -> None:
        room = max(1, (self.width() - 24) // TILE_WIDTH)
        columns = max(1, min(len(self._tiles), room))
        if columns == self._tile_columns:
            return
        self._tile_columns = columns
        for tile in self._tiles:
            self.tiles.removeWidget(tile)
        for index, tile in enumerate(self._tiles):
            self.tiles.addWidget(tile, index // columns, index % columns)
        for column in range(len(self._tiles)):
            self.tiles.setColumnStretch(column, 1 if column < columns else 0)

    def line(self, key: str, text: str, tone: Tone = Tone.PLAIN) -> HomeLink:
        """Add a line, named `<card>.<key>`."""
        link = HomeLink(text, tone, self)
        self.lines.addWidget(link)
        return self._named(key, link)

    def note(self, text: str) -> QLabel:
        """Add a plain grey line that opens nothing."""
        label = QLabel(text, self)
        label.setWordWrap(True)
        label.setStyleSheet("color: #607d8b; padding-left: 8px")
        self.lines.addWidget(label)
        return label

    def _named(self, key: str, link: L) -> L:
        link.setObjectName(f"{self._name}.{key}")
        self.links[key] = link
        return link
