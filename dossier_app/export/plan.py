"""The document plan: what a document says and in which blocks, before any writer decides how to draw it."""

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from dossier_app.export.format_rules import DEFAULT_LINE_SPACING, Align, Margins, check_line_spacing, heading_text

if TYPE_CHECKING:
    from dossier_app.export.templates import Wording


@dataclass(frozen=True)
class Run:
    """A stretch of text with one emphasis."""

    text: str
    bold: bool = False
    italic: bool = False


Runs = tuple[Run, ...]


def plain(runs: Runs) -> str:
    """The text of some runs without their emphasis."""
    return "".join(run.text for run in runs)


@dataclass(frozen=True)
class HeaderBlock:
    """The two-column header: bodies and number on the left, national title, motto and place-date on the right."""

    governing_body: str
    issuing_body: str
    number: str  # the whole line, "Số: 05/TTr-UBND"
    place_date: str


@dataclass(frozen=True)
class Title:
    """The document type (TỜ TRÌNH) over its subject, with a short rule under the subject."""

    doc_type: str
    subject: str


@dataclass(frozen=True)
class Addressees:
    """'Kính gửi:' and whom the document is addressed to."""

    names: tuple[str, ...]


@dataclass(frozen=True)
class LegalBases:
    """The 'Căn cứ …' lines in italics, each ending ';' and the last '.'."""

    lines: tuple[str, ...]


@dataclass(frozen=True)
class Heading:
    """A part, chapter or section heading; `numbering` is its label (I, 1, 1.2, a)) and `chapter` puts it on a line
    of its own above an upper-case title, as the Đề án's chapters are set."""

    level: int
    text: str
    numbering: str = ""
    chapter: bool = False
    in_toc: bool = True

    @property
    def contents_text(self) -> str:
        """The heading as the table of contents lists it: 'Chương I Title' for a chapter, '1.2. Title' otherwise."""
        if self.chapter:
            return f"{self.numbering} {self.text}".strip()
        return heading_text(self.numbering, self.text)


@dataclass(frozen=True)
class Paragraph:
    """A body paragraph; `align` sets a line apart from justified body text (a centred '(Kèm theo …)' note)."""

    runs: Runs
    align: Align | None = None


@dataclass(frozen=True)
class ListItem:
    """One item of a list and the lists nested under it."""

    runs: Runs
    children: tuple["ListBlock", ...] = ()


@dataclass(frozen=True)
class ListBlock:
    """A bulleted or numbered list."""

    ordered: bool
    items: tuple[ListItem, ...]
    start: int = 1


@dataclass(frozen=True)
class Table:
    """A table with one header row; every cell is a sequence of runs. `align` is each column's alignment in the body
    rows, known to the builder (amounts right, ordinals centred); columns without one stay left."""

    header: tuple[Runs, ...]
    rows: tuple[tuple[Runs, ...], ...]
    caption: str = ""
    align: tuple[Align, ...] = ()

    def column_align(self, index: int) -> Align:
        """The alignment of a column's body cells."""
        return self.align[index] if index < len(self.align) else Align.LEFT


@dataclass(frozen=True)
class Image:
    """A PNG picture (a map, a Gantt chart) at a width in millimetres."""

    png: bytes
    width_mm: float
    caption: str = ""


@dataclass(frozen=True)
class PageBreak:
    """Start the next block on a new page."""


@dataclass(frozen=True)
class SignatureBlock:
    """Recipients on the left ('Nơi nhận:'), the signature on the right: authority lines, then the signer."""

    recipients: tuple[str, ...]
    authority: tuple[str, ...]
    name: str


@dataclass(frozen=True)
class CoverPage:
    """The Đề án's cover: bodies on top, type and subject in the middle, place and year at the foot."""

    governing_body: str
    issuing_body: str
    doc_type: str
    subject: str
    place_year: str


@dataclass(frozen=True)
class ContentsEntry:
    """One line of a table of contents: the heading's level (1 a chapter), its text and the page it starts on."""

    level: int
    text: str
    page: int


@dataclass(frozen=True)
class TableOfContents:
    """The contents list of the headings that follow (a TOC field in Word, page numbers in the PDF). `entries`: the
    lines with the pages the PDF's layout found, which the Word file shows until Word updates the field."""

    title: str = "MỤC LỤC"
    levels: int = 2
    entries: tuple[ContentsEntry, ...] = ()


@dataclass(frozen=True)
class AppendixHeader:
    """An appendix's head: 'Phụ lục I', its upper-case title, and the italic '(Kèm theo …)' note."""

    label: str
    title: str
    note: str


Block = (
    HeaderBlock
    | Title
    | Addressees
    | LegalBases
    | Heading
    | Paragraph
    | ListBlock
    | Table
    | Image
    | PageBreak
    | SignatureBlock
    | CoverPage
    | TableOfContents
    | AppendixHeader
)


@dataclass(frozen=True)
class DocumentSettings:
    """Page and paragraph settings the clerk may adjust within the decree's ranges."""

    margins: Margins = field(default_factory=Margins)
    line_spacing: float = DEFAULT_LINE_SPACING
    draft: bool = False
    wording: "Wording | None" = None  # the words of exports/ (None: the shipped ones, see export.templates)

    def __post_init__(self) -> None:
        check_line_spacing(self.line_spacing)


@dataclass(frozen=True)
class Document:
    """One document to write: a file name stem, its title for metadata, settings and blocks in order."""

    name: str
    title: str
    settings: DocumentSettings
    blocks: tuple[Block, ...]
    reference: Path | None = None  # the Word reference document of exports/ it opens (None: styles built in code)

    @property
    def has_contents(self) -> bool:
        """Whether the document lists its headings with their pages."""
        return any(isinstance(block, TableOfContents) for block in self.blocks)

    @property
    def contents_known(self) -> bool:
        """Whether its contents carry the pages of the PDF's layout."""
        return any(isinstance(block, TableOfContents) and block.entries for block in self.blocks)

    def with_contents(self, entries: tuple[ContentsEntry, ...]) -> "Document":
        """The same document with the pages of its contents filled in."""
        blocks = tuple(replace(b, entries=entries) if isinstance(b, TableOfContents) else b for b in self.blocks)
        return replace(self, blocks=blocks)

    @property
    def has_cover(self) -> bool:
        """Documents with a cover count it as page 1 and number from the next page."""
        return any(isinstance(block, CoverPage) for block in self.blocks)
