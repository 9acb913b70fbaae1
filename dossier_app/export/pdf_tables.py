"""Tables in the PDF: the shared cell style and the long table (thousands of households) laid out page by page
with its rows measured once."""

from bisect import bisect_right
from typing import Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Flowable, TableStyle
from reportlab.platypus import Table as PdfTable

from dossier_app.export import format_rules as rules
from dossier_app.export.format_rules import Align, Role

_FAMILY = rules.PDF_FONT_FAMILY
FACES = {
    (False, False): f"{_FAMILY}",
    (True, False): f"{_FAMILY}-Bold",
    (False, True): f"{_FAMILY}-Italic",
    (True, True): f"{_FAMILY}-BoldItalic",
}
CELL_FONT = ("FONTNAME", (0, 0), (-1, -1), FACES[False, False])  # tables would otherwise name Helvetica
CELL_PAD = 6  # reportlab's left and right cell padding, in points
TABLE_ALIGN = {Align.LEFT: "LEFT", Align.CENTER: "CENTRE", Align.RIGHT: "RIGHT", Align.JUSTIFY: "LEFT"}
TABLE_STYLE = [("GRID", (0, 0), (-1, -1), 0.5, colors.black), CELL_FONT, ("VALIGN", (0, 0), (-1, -1), "TOP")]


class LongRows(Flowable):  # type: ignore[misc]
    """A long table (thousands of households) laid out page by page: its rows are wrapped and measured once, and
    each page gets a table of the rows that fit under the header row. reportlab's own split measures every
    remaining row again at each page, quadratic in the rows."""

    def __init__(
        self,
        header: list[Any] | None,
        rows: list[list[tuple[str, str]]],
        widths: list[float],
        styles: dict[Role, ParagraphStyle],
        start: int = 0,
        aligns: tuple[str, ...] = (),
    ) -> None:
        super().__init__()
        self._header, self._rows, self._widths, self._styles = header, rows, widths, styles
        self._start = start
        self._aligns = aligns  # reportlab's ALIGN per column of the body rows (LEFT, CENTRE, RIGHT)
        cell = styles[Role.TABLE_CELL]
        self._pad = (3 + cell.spaceBefore, 3 + cell.spaceAfter)
        if start == 0:
            self._heights = [
                max(text.count("\n") + 1 for text, _ in row) * cell.leading + sum(self._pad) for row in rows
            ]
            self._sums = [0.0]
            for height in self._heights:
                self._sums.append(self._sums[-1] + height)
            self._header_h: float | None = None

    def _rest(self, start: int) -> "LongRows":
        rest = LongRows(self._header, self._rows, self._widths, self._styles, start, self._aligns)
        rest._heights, rest._sums, rest._header_h = self._heights, self._sums, self._header_h
        return rest

    def _table(self, stop: int) -> PdfTable:
        cell = self._styles[Role.TABLE_CELL]
        rows = self._rows[self._start : stop]
        first = 0 if self._header is None else 1  # the first body row
        commands = [
            *TABLE_STYLE,
            ("FONTSIZE", (0, first), (-1, -1), cell.fontSize),
            ("LEADING", (0, first), (-1, -1), cell.leading),
            ("TOPPADDING", (0, first), (-1, -1), self._pad[0]),
            ("BOTTOMPADDING", (0, first), (-1, -1), self._pad[1]),
            *(("ALIGN", (c, first), (c, -1), align) for c, align in enumerate(self._aligns) if align != "LEFT"),
        ]
        commands += [
            ("FONTNAME", (c, r), (c, r), face)
            for r, row in enumerate(rows, start=first)
            for c, (_, face) in enumerate(row)
            if face != FACES[False, False]
        ]
        header = [] if self._header is None else [self._header]
        table = PdfTable(header + [[text for text, _ in row] for row in rows], colWidths=self._widths)
        table.setStyle(TableStyle(commands))
        return table

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        if self._header_h is None:
            self._header_h = 0.0
            if self._header is not None:
                self._header_h = PdfTable([self._header], colWidths=self._widths).wrap(avail_width, avail_height)[1]
        self.width = sum(self._widths)
        self.height = (self._header_h or 0.0) + self._sums[-1] - self._sums[self._start]
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Any]:
        self.wrap(avail_width, avail_height)
        budget = avail_height - (self._header_h or 0.0) + self._sums[self._start]
        stop = bisect_right(self._sums, budget) - 1  # rows start..stop fit
        if stop <= self._start:
            return []
        if stop >= len(self._rows):
            return [self._table(len(self._rows))]
        return [self._table(stop), self._rest(stop)]

    def draw(self) -> None:
        table = self._table(len(self._rows))
        table.wrapOn(self.canv, self.width, self.height)
        table.drawOn(self.canv, 0, 0)


def letters_fitting(line: str, face: str, size: float, room: float) -> list[str]:
    """A line wider than its column (one long word) cut between letters, so that no text runs off the cell."""
    if pdfmetrics.stringWidth(line, face, size) <= room:
        return [line]
    pieces: list[str] = []
    piece, width = "", 0.0
    for letter in line:
        letter_width = pdfmetrics.stringWidth(letter, face, size)
        if piece and width + letter_width > room:
            pieces.append(piece)
            piece, width = "", 0.0
        piece += letter
        width += letter_width
    return [*pieces, piece]
