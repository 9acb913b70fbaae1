"""The drawing surface every chart shares: a Pillow image drawn at twice its size and halved (smooth edges and text
without a plotting library's import cost), the Vietnamese font, the palette and nice axis ticks."""

import io
import math
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Literal

from PIL import Image, ImageDraw, ImageFont

# Liberation Sans (OFL, shipped in resources/fonts beside the serif the documents use) covers every Vietnamese letter.
FONT_DIR = Path(__file__).resolve().parents[2] / "resources" / "fonts"
FONT_FILES = {
    "regular": "LiberationSans-Regular.ttf",
    "bold": "LiberationSans-Bold.ttf",
    "italic": "LiberationSans-Italic.ttf",
}
Weight = Literal["regular", "bold", "italic"]
BASE_SIZE = 9.0
SUPERSAMPLE = 2  # drawn at twice the pixels and halved with a box filter: anti-aliased edges at a small cost

TEXT = "#212121"
AXIS = "#424242"
PLANNED = "#9ecae1"
PLANNED_EDGE = "#3182bd"
ACTUAL = "#1b5e20"
OVERDUE = "#d62728"
AT_RISK = "#f0a202"
BASELINE = "#bdbdbd"
TODAY = "#6a1b9a"
NOT_AFTER = "#b71c1c"
NOT_BEFORE = "#0d47a1"
MUTED = "#757575"
GRID = "#e0e0e0"
# A light-to-dark ramp for the register steps: the further a party went, the darker its segment.
STEP_RAMP = ("#eeeeee", "#c6dbef", "#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#08519c", "#08306b")
PAIR = ("#9ecae1", "#08519c")

# Pillow anchors: horizontal l/m/r, vertical a(scender)/t(op)/m(iddle)/s (baseline)/b(ottom)/d(escender).
Anchor = Literal["lm", "mm", "rm", "la", "ma", "ra", "ls", "ms", "rs", "ld", "md", "rd"]

_fonts = threading.local()  # FreeType faces are not shared between threads: the screen draws on workers


def font(size_pt: float, weight: Weight, scale: float) -> ImageFont.FreeTypeFont:
    """The chart font at this size in points, for a canvas of `scale` pixels per point (cached per thread)."""
    cache: dict[tuple[float, str], ImageFont.FreeTypeFont] = _fonts.__dict__.setdefault("cache", {})
    key = (round(size_pt * scale, 2), weight)
    face = cache.get(key)
    if face is None:
        face = cache[key] = ImageFont.truetype(str(FONT_DIR / FONT_FILES[weight]), key[0])
    return face


def rgba(colour: str, alpha: float = 1.0) -> tuple[int, int, int, int]:
    """A `#rrggbb` colour with an opacity, as Pillow takes it."""
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16), round(255 * alpha)


@dataclass(frozen=True)
class Box:
    """A rectangle in canvas pixels."""

    left: float
    top: float
    right: float
    bottom: float

    @property
    def width(self) -> float:
        return self.right - self.left

    @property
    def height(self) -> float:
        return self.bottom - self.top


class Canvas:
    """A white picture of a width in inches at a resolution, drawn in points and saved as PNG. Text is measured
    first; `begin` then makes the picture as tall as the layout found it must be."""

    def __init__(self, width_in: float, dpi: int) -> None:
        self.dpi = dpi
        self.scale = dpi / 72 * SUPERSAMPLE  # pixels per point on the drawing surface
        self.width = round(width_in * dpi) * SUPERSAMPLE
        self.height = 0

    def begin(self, height_in: float) -> None:
        """Make the white picture, `height_in` tall, to draw on."""
        self.height = round(height_in * self.dpi) * SUPERSAMPLE
        self.image = Image.new("RGB", (self.width, self.height), "white")
        self.draw = ImageDraw.Draw(self.image, "RGBA")

    def inches(self, pixels: float) -> float:
        """Canvas pixels as inches (to size the picture from a layout)."""
        return pixels / (self.dpi * SUPERSAMPLE)

    def pt(self, points: float) -> float:
        """Points as canvas pixels."""
        return points * self.scale

    def font(self, size_pt: float, weight: Weight = "regular") -> ImageFont.FreeTypeFont:
        """The chart font at a size in points on this canvas."""
        return font(size_pt, weight, self.scale)

    def text_width(self, text: str, size_pt: float, weight: Weight = "regular") -> float:
        """The width of the widest line of `text`, in canvas pixels."""
        face = self.font(size_pt, weight)
        return max(face.getlength(line) for line in text.split("\n"))

    def line_height(self, size_pt: float) -> float:
        """The distance between two lines of text at this size, in canvas pixels."""
        return self.pt(size_pt * 1.2)

    def text(
        self,
        x: float,
        y: float,
        text: str,
        size_pt: float,
        colour: str = TEXT,
        anchor: Anchor = "lm",
        weight: Weight = "regular",
    ) -> None:
        """Text placed by its anchor; several lines go down from `y`, each placed like the first."""
        face = self.font(size_pt, weight)
        for number, line in enumerate(text.split("\n")):
            self.draw.text((x, y + number * self.line_height(size_pt)), line, font=face, fill=colour, anchor=anchor)

    def rect(
        self,
        box: Box,
        fill: str | None,
        edge: str | None = None,
        edge_pt: float = 0.0,
        alpha: float = 1.0,
        dashed: bool = False,
    ) -> None:
        """A filled rectangle with an optional edge drawn inside it, solid or dashed."""
        if fill is not None:
            self.draw.rectangle((box.left, box.top, box.right, box.bottom), fill=rgba(fill, alpha))
        if edge is None or edge_pt <= 0:
            return
        corners = [(box.left, box.top), (box.right, box.top), (box.right, box.bottom), (box.left, box.bottom)]
        if not dashed:
            width = max(1, round(self.pt(edge_pt)))
            self.draw.rectangle((box.left, box.top, box.right, box.bottom), outline=edge, width=width)
            return
        for start, end in zip(corners, corners[1:] + corners[:1], strict=True):
            self.line(start, end, edge, edge_pt, dash=(3.0, 2.0))

    def line(
        self,
        start: tuple[float, float],
        end: tuple[float, float],
        colour: str,
        width_pt: float,
        dash: tuple[float, float] | None = None,
    ) -> None:
        """A straight line, solid or dashed (`dash`: on and off lengths in points)."""
        width = max(1, round(self.pt(width_pt)))
        if dash is None:
            self.draw.line((start, end), fill=colour, width=width)
            return
        length = math.dist(start, end)
        if length == 0:
            return
        on, off = self.pt(dash[0]), self.pt(dash[1])
        dx, dy = (end[0] - start[0]) / length, (end[1] - start[1]) / length
        travelled = 0.0
        while travelled < length:
            stop = min(length, travelled + on)
            a = (start[0] + dx * travelled, start[1] + dy * travelled)
            b = (start[0] + dx * stop, start[1] + dy * stop)
            self.draw.line((a, b), fill=colour, width=width)
            travelled = stop + off

    def polygon(self, points: Sequence[tuple[float, float]], fill: str, edge: str, edge_pt: float) -> None:
        """A closed shape (the deadline markers)."""
        self.draw.polygon(list(points), fill=fill, outline=edge, width=max(1, round(self.pt(edge_pt))))

    def hatch(self, box: Box, colour: str, spacing_pt: float = 3.0, width_pt: float = 0.7) -> None:
        """Rising diagonal lines inside a rectangle (a step still running)."""
        width, height = max(1, round(box.width)), max(1, round(box.height))
        tile = Image.new("RGBA", (width, height), (0, 0, 0, 0))
        pen = ImageDraw.Draw(tile)
        step = max(2.0, self.pt(spacing_pt))
        offset = -float(height)
        while offset < width:
            pen.line(((offset, height), (offset + height, 0)), fill=colour, width=max(1, round(self.pt(width_pt))))
            offset += step
        self.image.paste(tile, (round(box.left), round(box.top)), tile)

    def png(self) -> bytes:
        """The picture halved to its size in pixels, as PNG with its resolution; the same input, the same bytes."""
        picture = self.image.reduce(SUPERSAMPLE) if SUPERSAMPLE > 1 else self.image
        buffer = io.BytesIO()
        picture.save(buffer, format="PNG", dpi=(self.dpi, self.dpi))
        return buffer.getvalue()


def nice_ticks(upper: float, bins: int = 6, integer: bool = False) -> list[float]:
    """Round tick values from 0 up to `upper`, at most about `bins` intervals, on steps of 1, 2, 2.5 or 5 × 10ⁿ."""
    if upper <= 0:
        return [0.0]
    raw = upper / bins
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    if integer:
        step = max(1.0, math.ceil(step))
    count = int(Decimal(str(upper)) // Decimal(str(step)))
    return [float(Decimal(str(step)) * n) for n in range(count + 1)]


@dataclass(frozen=True)
class LegendItem:
    """One entry of a chart's legend: a swatch (a filled box, a marker or a dashed line) and its words."""

    label: str
    face: str
    edge: str | None = None
    kind: Literal["box", "diamond", "triangle", "dashed"] = "box"
    alpha: float = 1.0
    hollow: bool = False
    dashed_edge: bool = False


def legend_columns(canvas: Canvas, items: Sequence[LegendItem], most: int) -> int:
    """As many legend columns as asked for, fewer when the rows would be wider than the picture."""
    room = canvas.width - 2 * canvas.pt(6)
    for columns in range(max(1, min(most, len(items))), 1, -1):
        if sum(legend_size(canvas, items, columns)[0]) <= room:
            return columns
    return 1


def legend_size(canvas: Canvas, items: Sequence[LegendItem], columns: int) -> tuple[list[float], float]:
    """The width of each legend column and the legend's height, in canvas pixels."""
    if not items:
        return [], 0.0
    columns = max(1, min(columns, len(items)))
    size = BASE_SIZE - 0.5
    swatch = canvas.pt(size * 2.2)
    widths = [0.0] * columns
    for index, item in enumerate(items):
        column = index % columns
        widths[column] = max(widths[column], swatch + canvas.text_width(item.label, size) + canvas.pt(size * 1.6))
    rows = math.ceil(len(items) / columns)
    return widths, rows * canvas.line_height(size) * 1.15


def draw_legend(canvas: Canvas, items: Sequence[LegendItem], columns: int, centre_x: float, top: float) -> None:
    """The legend in rows under the chart, centred: swatch, then the words."""
    columns = max(1, min(columns, len(items)))
    widths, _ = legend_size(canvas, items, columns)
    size = BASE_SIZE - 0.5
    row_height = canvas.line_height(size) * 1.15
    left = centre_x - sum(widths) / 2
    for index, item in enumerate(items):
        row, column = divmod(index, columns)
        x = left + sum(widths[:column])
        y = top + row * row_height + row_height / 2
        draw_swatch(canvas, item, x, y, size)
        canvas.text(x + canvas.pt(size * 2.2), y, item.label, size, TEXT, "lm")


def draw_swatch(canvas: Canvas, item: LegendItem, x: float, y: float, size_pt: float) -> None:
    """The small picture before a legend's words, as the chart draws that kind of thing."""
    width, height = canvas.pt(size_pt * 1.6), canvas.pt(size_pt * 0.8)
    centre = x + width / 2
    if item.kind == "box":
        box = Box(x, y - height / 2, x + width, y + height / 2)
        canvas.rect(box, item.face, item.edge, 0.8, item.alpha, item.dashed_edge)
    elif item.kind == "dashed":
        canvas.line((x, y), (x + width, y), item.face, 1.2, dash=(3.0, 1.5))
    else:
        marker(canvas, item.kind, centre, y, "white" if item.hollow else item.face, item.face)


def marker(
    canvas: Canvas, kind: Literal["diamond", "triangle", "box", "dashed"], x: float, y: float, fill: str, edge: str
) -> None:
    """A deadline marker centred on (x, y): a diamond (not after) or a triangle (not before)."""
    if kind == "diamond":
        r = canvas.pt(3.6)
        canvas.polygon([(x, y - r), (x + r, y), (x, y + r), (x - r, y)], fill, edge, 1.2)
    else:
        r = canvas.pt(4.2)
        canvas.polygon([(x, y - r), (x + r * 0.9, y + r * 0.6), (x - r * 0.9, y + r * 0.6)], fill, edge, 1.2)
