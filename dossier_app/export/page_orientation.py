"""Which blocks go on landscape pages: Decree 30 sets A4 portrait, and landscape only for pages of wide tables."""

from collections.abc import Sequence
from dataclasses import dataclass

from dossier_app.export import format_rules as rules
from dossier_app.export.format_rules import Margins
from dossier_app.export.plan import AppendixHeader, Block, Heading, PageBreak, Paragraph, Table, plain

# More columns than this never fit a 165 mm portrait text width at 13 pt without breaking the header words.
PORTRAIT_MAX_COLUMNS = 7


@dataclass(frozen=True)
class PageBox:
    """A page's paper and margins in millimetres, as a writer sets up a section or a page template."""

    landscape: bool
    width_mm: float
    height_mm: float
    top: float
    bottom: float
    left: float
    right: float

    @property
    def text_width_mm(self) -> float:
        """The width the text and tables run in."""
        return self.width_mm - self.left - self.right


def page_box(margins: Margins, landscape: bool) -> PageBox:
    """Portrait pages as the clerk set them. Landscape pages turn the margins with the paper (a quarter turn, as
    they are bound): the binding margin (portrait left, 30-35 mm) goes to the top, the portrait right to the foot,
    and the portrait bottom and top to the left and right."""
    if not landscape:
        return PageBox(
            False, rules.PAPER_WIDTH_MM, rules.PAPER_HEIGHT_MM, margins.top, margins.bottom, margins.left, margins.right
        )
    return PageBox(
        True, rules.PAPER_HEIGHT_MM, rules.PAPER_WIDTH_MM, margins.left, margins.right, margins.bottom, margins.top
    )


def is_wide(table: Table, portrait_width_mm: float) -> bool:
    """A table goes on landscape pages when it has more than PORTRAIT_MAX_COLUMNS (7) columns, or when its natural
    width (every column as narrow as its longest word allows, see `format_rules.narrowest_columns`) exceeds the
    portrait text width, so that on a portrait page words would be broken letter by letter."""
    texts = [[plain(cell) for cell in row] for row in (table.header, *table.rows)]
    columns = max((len(row) for row in texts), default=0)
    if columns > PORTRAIT_MAX_COLUMNS:
        return True
    return sum(rules.narrowest_columns(texts, portrait_width_mm)) > portrait_width_mm + 0.01


def _lead_in(block: Block) -> bool:
    """Blocks that introduce what follows and go to its page: headings, an appendix's head, a bold label line."""
    if isinstance(block, Heading | AppendixHeader):
        return True
    return isinstance(block, Paragraph) and bool(block.runs) and all(run.bold for run in block.runs)


@dataclass(frozen=True)
class Stretch:
    """Consecutive blocks on pages of one orientation; each stretch after the first starts on a new page."""

    landscape: bool
    blocks: tuple[Block, ...]


def stretches(blocks: Sequence[Block], margins: Margins) -> list[Stretch]:
    """The blocks cut into portrait and landscape stretches: each wide table with the lead-in lines just above it
    (its heading or label, the appendix's head when nothing else comes first) on landscape pages, the rest portrait."""
    width = margins.text_width_mm
    landscape = [isinstance(block, Table) and is_wide(block, width) for block in blocks]
    for index in range(len(blocks) - 1, 0, -1):  # pull lead-ins down onto their wide table's pages
        if landscape[index] and not landscape[index - 1] and _lead_in(blocks[index - 1]):
            landscape[index - 1] = True
    groups: list[tuple[bool, list[Block]]] = []
    for block, wide in zip(blocks, landscape, strict=True):
        if groups and groups[-1][0] == wide:
            groups[-1][1].append(block)
        else:
            groups.append((wide, [block]))
    for index, (_, group) in enumerate(groups):  # a stretch starts a page anyway: no blank page from a page break
        while index and group and isinstance(group[0], PageBreak):
            group.pop(0)
        while index < len(groups) - 1 and group and isinstance(group[-1], PageBreak):
            group.pop()
    return [Stretch(wide, tuple(group)) for wide, group in groups if group]


__all__ = ["PORTRAIT_MAX_COLUMNS", "PageBox", "Stretch", "is_wide", "page_box", "stretches"]
