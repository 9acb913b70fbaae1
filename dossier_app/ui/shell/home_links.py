"""The pieces of the project home: lines and count tiles that open where their subject is dealt with, in cards.

They are coloured with palettes and fonts and paint their own boxes, never with style sheets: a style sheet makes
every widget under it polish through the style-sheet engine, and the home is rebuilt on each refresh, so it must
draw in well under a frame.
"""

from collections.abc import Callable
from enum import StrEnum
from typing import TypeVar

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPalette, QPen, QResizeEvent
from PySide6.QtWidgets import QApplication, QFrame, QGridLayout, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget


class Tone(StrEnum):
    """How a line or a count is coloured: the readiness lights, plus blue for something waiting and grey."""

    RED = "red"
    AMBER = "amber"
    GREEN = "green"
    BLUE = "blue"
    PLAIN = "plain"


# Text colour (dark enough to read on the tint), tint and mark of each tone.
INK = {Tone.RED: "#b71c1c", Tone.AMBER: "#8a4b00", Tone.GREEN: "#1b5e20", Tone.BLUE: "#0d47a1", Tone.PLAIN: "#263238"}
TINT = {Tone.RED: "#fdecea", Tone.AMBER: "#fff4e0", Tone.GREEN: "#e8f5e9", Tone.BLUE: "#e3f2fd", Tone.PLAIN: "#f3f6f7"}
MARK = {Tone.RED: "#c62828", Tone.AMBER: "#ef8f00", Tone.GREEN: "#2e7d32", Tone.BLUE: "#1565c0", Tone.PLAIN: "#78909c"}
FOCUS = QColor("#1565c0")
HOVER = QColor("#b0bec5")
CARD_BORDER = QColor("#d5dde2")
GREY = "#607d8b"
TILE_WIDTH = 98  # pixels a count tile needs for its number and a caption wrapped on two or three lines
MARK_ROOM = 22  # pixels left of a line's text for its dot or arrow

W = TypeVar("W", bound=QWidget)


def tinted(widget: W, colour: str, *, point_size: float | None = None, bold: bool = False) -> W:
    """Give a widget its text colour and, if asked, a font size and weight (its font otherwise)."""
    palette = widget.palette()
    palette.setColor(QPalette.ColorRole.WindowText, QColor(colour))
    widget.setPalette(palette)
    if point_size is not None or bold:
        font = QFont(widget.font())
        if point_size is not None:
            font.setPointSizeF(point_size)
        font.setBold(bold)
        widget.setFont(font)
    return widget


class HomeLink(QFrame):
    """A line that opens a place: a click, Enter, Return or Space activates it, Tab reaches it."""

    activated = Signal()

    def __init__(self, text: str, tone: Tone = Tone.PLAIN, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tone = tone
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAttribute(Qt.WidgetAttribute.WA_Hover, True)
        self.setAccessibleName(text)
        self.label = QLabel(text, self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self._target: Callable[[], object] | None = None
        self.activated.connect(self._act)
        self._lay_out()

    def _lay_out(self) -> None:
        """Room for the dot (an arrow for a plain line), then the text."""
        tinted(self.label, INK[self.tone], point_size=10.5)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(MARK_ROOM, 4, 6, 4)
        layout.addWidget(self.label, 1)

    def on(self, target: Callable[[], object]) -> "HomeLink":
        """What activating the line does (replacing what it did: a line is reused when the home is drawn again)."""
        self._target = target
        return self

    def _act(self) -> None:
        if self._target is not None:
            self._target()

    def set(self, text: str, tone: Tone) -> None:
        """Say something else, in another tone if need be."""
        if text != self.label.text():
            self.label.setText(text)
            self.setAccessibleName(text)
        if tone is not self.tone:
            self.tone = tone
            self._retint()
            self.update()

    def _retint(self) -> None:
        tinted(self.label, INK[self.tone])

    def text(self) -> str:
        """What the line says."""
        return self.label.text()

    def paintEvent(self, event: QPaintEvent) -> None:
        """The box (tinted for a tile), the dot or arrow, and a blue frame with the focus, grey under the mouse."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        box = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        self._paint_body(painter, box)
        if self.hasFocus() or self.underMouse():
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(FOCUS if self.hasFocus() else HOVER, 2))
            painter.drawRoundedRect(box, 5, 5)

    def _paint_body(self, painter: QPainter, box: QRectF) -> None:
        mark = QColor(MARK[self.tone])
        top = self.label.geometry().top() + self.label.fontMetrics().height() / 2
        if self.tone is Tone.PLAIN:
            painter.setPen(QPen(mark, 2))
            painter.drawPolyline([box.topLeft() + offset for offset in _arrow(top - box.top())])
        else:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(mark)
            painter.drawEllipse(QRectF(8, top - 4.5, 9, 9))

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


def _arrow(middle: float) -> list[QPointF]:
    """The three points of a small '›' centred on a line's first row."""
    return [QPointF(9, middle - 4), QPointF(13, middle), QPointF(9, middle + 4)]


class Tile(HomeLink):
    """A large count with its caption under it, on the tint of its tone."""

    def __init__(self, count: str, caption: str, tone: Tone, parent: QWidget | None = None) -> None:
        self._count = count
        super().__init__(caption, tone, parent)
        self.setAccessibleName(f"{count} {caption}")

    def set_count(self, count: str, caption: str, tone: Tone) -> None:
        """Show another count."""
        if count != self.count_label.text():
            self.count_label.setText(count)
        self.set(caption, tone)
        self.setAccessibleName(f"{count} {caption}")

    def _retint(self) -> None:
        tinted(self.label, INK[self.tone])
        tinted(self.count_label, INK[self.tone])

    def _lay_out(self) -> None:
        """The count large, the caption small under it."""
        self.count_label = tinted(QLabel(self._count, self), INK[self.tone], point_size=22, bold=True)
        tinted(self.label, INK[self.tone], point_size=9.5)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 8)
        layout.setSpacing(0)
        layout.addWidget(self.count_label)
        layout.addWidget(self.label)
        layout.addStretch(1)

    def _paint_body(self, painter: QPainter, box: QRectF) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(TINT[self.tone]))
        painter.drawRoundedRect(box, 5, 5)

    def count(self) -> str:
        """The number shown."""
        return self.count_label.text()


class Card(QFrame):
    """A titled white box of the home: tiles (as many in a row as fit), then lines and notes.

    Drawing again between `begin()` and `end()` reuses the tile, line or note of the same key (its text, tone and
    action replaced), makes the new ones and hides the ones not asked for (kept for a later drawing): a refresh
    only changes texts, and the keyboard focus stays on its line.
    """

    def __init__(self, title: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"homeCard.{name}")
        self.setAccessibleName(title)
        self.title = tinted(QLabel(title, self), "#263238", point_size=13, bold=True)
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
        self._items: dict[str, QWidget] = {}  # every tile, line and note by key
        self._asked: list[str] = []
        self._name = name

    def paintEvent(self, event: QPaintEvent) -> None:
        """White, with a thin rounded border."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(CARD_BORDER, 1))
        painter.setBrush(QColor("white"))
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6)

    def begin(self) -> None:
        """Start drawing the card again."""
        self._asked = []

    def tile(self, key: str, count: str, caption: str, tone: Tone) -> Tile:
        """A count tile, named `<card>.<key>`."""
        tile = self._reused(key, Tile)
        if tile is None:
            tile = self._named(key, Tile(count, caption, tone, self))
        else:
            tile.set_count(count, caption, tone)
        return tile

    def line(self, key: str, text: str, tone: Tone = Tone.PLAIN) -> HomeLink:
        """A line, named `<card>.<key>`."""
        link = self._reused(key, HomeLink)
        if link is None:
            link = self._named(key, HomeLink(text, tone, self))
        else:
            link.set(text, tone)
        return link

    def note(self, key: str, text: str) -> QLabel:
        """A plain grey line that opens nothing, named `<card>.<key>`."""
        label = self._reused(key, QLabel)
        if label is None:
            label = tinted(QLabel(text, self), GREY)
            label.setWordWrap(True)
            label.setContentsMargins(8, 0, 0, 0)
            self._named(key, label)
        elif label.text() != text:
            label.setText(text)
        return label

    def end(self) -> bool:
        """Hide what was not asked for and lay out the rest in the order asked; whether the card changed shape.

        A new shape is laid out with the card hidden, so showing and hiding its pieces costs nothing each and the
        card is laid out once when it shows again (the keyboard focus is put back where it was)."""
        wanted = [self._items[key] for key in self._asked]
        spare = [widget for key, widget in self._items.items() if key not in self._asked and not widget.isHidden()]
        tiles = [widget for widget in wanted if isinstance(widget, Tile)]
        lines = [widget for widget in wanted if not isinstance(widget, Tile)]
        shown = [self.lines.itemAt(index).widget() for index in range(self.lines.count())]
        if not spare and shown == lines and tiles == self._tiles and not any(w.isHidden() for w in wanted):
            return False
        focused = QApplication.focusWidget()
        visible = self.isVisible()
        self.hide()
        for widget in spare:
            widget.hide()  # kept aside for a later drawing that asks for it again (another project's)
        for widget in wanted:
            widget.show()
        if shown != lines:
            for widget in shown:
                self.lines.removeWidget(widget)
            for widget in lines:
                self.lines.addWidget(widget)
        if tiles != self._tiles:
            for tile in self._tiles:
                self.tiles.removeWidget(tile)
            self._tiles = tiles
            self._tile_columns = 0
            self._place_tiles()
        if visible:
            self.show()
            if focused is not None and self.isAncestorOf(focused) and focused.isVisible():
                focused.setFocus()
        return True

    def ordered_links(self) -> list[HomeLink]:
        """The tiles and lines in reading order: tiles first, then lines, as asked."""
        links = [self._items[key] for key in self._asked if isinstance(self._items.get(key), HomeLink)]
        return [link for link in links if isinstance(link, Tile)] + [
            link for link in links if not isinstance(link, Tile)
        ]

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

    def _reused(self, key: str, kind: type[W]) -> W | None:
        """The widget of this key from the last drawing if it is of this kind, else None (and it goes)."""
        self._asked.append(key)
        widget = self._items.get(key)
        if widget is not None and type(widget) is kind:
            return widget  # type: ignore[return-value]
        if widget is not None:
            self._items.pop(key)
            self.links.pop(key, None)
            widget.hide()
            widget.deleteLater()
        return None

    def _named(self, key: str, widget: W) -> W:
        widget.setObjectName(f"{self._name}.{key}")
        self._items[key] = widget
        if isinstance(widget, HomeLink):
            self.links[key] = widget
        return widget
