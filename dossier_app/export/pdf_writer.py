"""The document plan as a PDF (reportlab platypus) with the bundled Liberation Serif embedded, so output never
depends on the fonts installed."""

import re
from io import BytesIO
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    HRFlowable,
    NextPageTemplate,
    PageTemplate,
    Spacer,
    TableStyle,
)
from reportlab.platypus import Image as PdfImage
from reportlab.platypus import PageBreak as PdfPageBreak
from reportlab.platypus import Paragraph as PdfParagraph
from reportlab.platypus import Table as PdfTable
from reportlab.platypus.tableofcontents import TableOfContents as PdfToc

from dossier_app.export import format_rules as rules
from dossier_app.export.format_rules import Align, Role, cased, heading_role, heading_text, list_label
from dossier_app.export.page_orientation import page_box, stretches
from dossier_app.export.pdf_tables import (
    CELL_FONT,
    CELL_PAD,
    FACES,
    TABLE_ALIGN,
    TABLE_STYLE,
    LongRows,
    letters_fitting,
)
from dossier_app.export.plan import (
    Addressees,
    AppendixHeader,
    ContentsEntry,
    CoverPage,
    Document,
    HeaderBlock,
    Heading,
    Image,
    LegalBases,
    ListBlock,
    PageBreak,
    Paragraph,
    Run,
    Runs,
    SignatureBlock,
    Table,
    TableOfContents,
    Title,
    plain,
)

_ALIGN = {Align.LEFT: TA_LEFT, Align.CENTER: TA_CENTER, Align.RIGHT: TA_RIGHT, Align.JUSTIFY: TA_JUSTIFY}
_FAMILY = rules.PDF_FONT_FAMILY
LONG_TABLE_ROWS = 60
LEADING = 1.15  # Times New Roman's single line is about 1.15 of its size


def register_fonts(font_dir: Path) -> None:
    """Register the bundled Liberation Serif faces (once per process) from the folder the service passes in."""
    if _FAMILY in pdfmetrics.getRegisteredFontNames():
        return
    files = {
        (False, False): rules.FONT_FILES["regular"],
        (True, False): rules.FONT_FILES["bold"],
        (False, True): rules.FONT_FILES["italic"],
        (True, True): rules.FONT_FILES["bold_italic"],
    }
    for key, filename in files.items():
        pdfmetrics.registerFont(TTFont(FACES[key], str(font_dir / filename)))
    pdfmetrics.registerFontFamily(
        _FAMILY,
        normal=FACES[False, False],
        bold=FACES[True, False],
        italic=FACES[False, True],
        boldItalic=FACES[True, True],
    )


def _styles(line_spacing: float) -> dict[Role, ParagraphStyle]:
    out: dict[Role, ParagraphStyle] = {}
    for role, spec in rules.STYLES.items():
        spacing = line_spacing if spec.spaced else 1.0
        out[role] = ParagraphStyle(
            role.value,
            fontName=FACES[spec.bold, spec.italic],
            fontSize=spec.size_pt,
            leading=spec.size_pt * LEADING * spacing,
            alignment=_ALIGN[spec.align],
            spaceBefore=spec.space_before_pt,
            spaceAfter=spec.space_after_pt,
            firstLineIndent=spec.first_line_indent_mm * mm,
            keepWithNext=int(spec.keep_with_next),
            textColor=colors.black,
        )
    return out


_LONG_WORD = re.compile(r"\S{60,}")
_ZERO_WIDTH_SPACE = "\u200b"


def _breakable(text: str) -> str:
    """Very long words get invisible break points every 30 characters: reportlab splits an unbroken word letter by
    letter, which takes minutes for a pasted URL of thousands of characters in a narrow table column."""
    return _LONG_WORD.sub(lambda m: _ZERO_WIDTH_SPACE.join(m[0][i : i + 30] for i in range(0, len(m[0]), 30)), text)


def _markup(runs: Runs, role: Role) -> str:
    parts = []
    for run in runs:
        text = escape(_breakable(cased(role, run.text))).replace("\n", "<br/>")
        if run.bold:
            text = f"<b>{text}</b>"
        if run.italic:
            text = f"<i>{text}</i>"
        parts.append(text)
    return "".join(parts)


class _Template(BaseDocTemplate):  # type: ignore[misc]
    """Pages with the number centred in the top margin from page 2, a watermark on drafts, and TOC notifications;
    a portrait and a landscape page template (wide tables), the first page on `first`."""

    def __init__(self, target: Any, document: Document, first: str = "portrait") -> None:
        margins = document.settings.margins
        page = (rules.PAPER_WIDTH_MM * mm, rules.PAPER_HEIGHT_MM * mm)
        super().__init__(
            target,
            pagesize=page,
            leftMargin=margins.left * mm,
            rightMargin=margins.right * mm,
            topMargin=margins.top * mm,
            bottomMargin=margins.bottom * mm,
            title=document.title,
            author="",
            lang="vi-VN",
            invariant=1,
            initialFontName=FACES[False, False],
            initialFontSize=14,
        )
        templates = []
        for name in ("portrait", "landscape"):
            box = page_box(margins, name == "landscape")
            width, height = box.width_mm * mm, box.height_mm * mm
            text_height = height - (box.top + box.bottom) * mm
            frame = Frame(box.left * mm, box.bottom * mm, box.text_width_mm * mm, text_height, 0, 0, 0, 0, id=name)
            template = PageTemplate(name, [frame], onPage=self._decorate, pagesize=(width, height))
            template.top_margin = box.top * mm
            templates.append(template)
        self.addPageTemplates(sorted(templates, key=lambda template: template.id != first))
        self._draft = document.settings.draft
        self.contents: list[ContentsEntry] = []  # the headings listed in the contents, with their pages, this pass

    def beforeDocument(self) -> None:
        self.contents = []  # each pass of a multiBuild lays the document out anew

    def _decorate(self, canvas: Any, doc: Any) -> None:
        canvas.saveState()
        width, height = doc.pageTemplate.pagesize
        if doc.page > 1:  # pages count on across orientations: one document, one numbering
            canvas.setFont(FACES[False, False], rules.PAGE_NUMBER_SIZE_PT)
            canvas.drawCentredString(width / 2, height - doc.pageTemplate.top_margin / 2 - 2 * mm, str(doc.page))
        if self._draft:
            canvas.setFillColor(colors.Color(0.55, 0.55, 0.55, alpha=0.35))
            canvas.setFont(FACES[True, False], 90)
            canvas.translate(width / 2, height / 2)
            canvas.rotate(45)
            canvas.drawCentredString(0, -30, rules.DRAFT_MARK)
        canvas.restoreState()

    def afterFlowable(self, flowable: Any) -> None:
        level = getattr(flowable, "toc_level", None)
        if level is not None:
            self.notify("TOCEntry", (level, flowable.toc_text, self.page))
            self.contents.append(ContentsEntry(level + 1, flowable.toc_text, self.page))


class PdfWriter:
    """Writes one plan to a PDF file; a new writer per document."""

    def __init__(self, document: Document, font_dir: Path) -> None:
        register_fonts(font_dir)
        self._plan = document
        self._styles = _styles(document.settings.line_spacing)
        self._text_mm = document.settings.margins.text_width_mm
        margins = document.settings.margins
        self._frame_h = (rules.PAPER_HEIGHT_MM - margins.top - margins.bottom) * mm
        self._toc_levels = max((b.levels for b in document.blocks if isinstance(b, TableOfContents)), default=0)
        self.contents: tuple[ContentsEntry, ...] = ()  # once written: the contents' lines with their pages

    def write(self, path: Path | BytesIO) -> Path | BytesIO:
        """Lay out every block and save (twice over when there is a table of contents); returns the target."""
        story: list[Any] = []
        parts = stretches(self._plan.blocks, self._plan.settings.margins)
        for number, stretch in enumerate(parts):
            name = "landscape" if stretch.landscape else "portrait"
            if number:
                story += [NextPageTemplate(name), PdfPageBreak()]
            box = page_box(self._plan.settings.margins, stretch.landscape)
            self._text_mm = box.text_width_mm
            self._frame_h = (box.height_mm - box.top - box.bottom) * mm
            for block in stretch.blocks:
                story.extend(self._block(block))
        target = str(path) if isinstance(path, Path) else path
        template = _Template(target, self._plan, "landscape" if parts and parts[0].landscape else "portrait")
        if self._toc_levels:
            template.multiBuild(story)
        else:
            template.build(story)
        self.contents = tuple(template.contents)
        return path

    def _p(self, role: Role, text: str = "", runs: Runs = (), **overrides: Any) -> PdfParagraph:
        style = self._styles[role]
        if overrides:
            style = ParagraphStyle(f"{role.value}-x", parent=style, **overrides)
        markup = _markup(runs, role) if runs else escape(_breakable(cased(role, text)))
        return PdfParagraph(markup, style)

    def _rule(self, length_mm: float, space_before: float = 2) -> HRFlowable:
        return HRFlowable(
            width=length_mm * mm,
            thickness=0.6,
            color=colors.black,
            spaceBefore=space_before,
            spaceAfter=3,
            hAlign="CENTER",
        )

    def _block(self, block: object) -> list[Any]:
        if isinstance(block, HeaderBlock):
            return [self._header(block)]
        if isinstance(block, Title):
            return [
                self._p(Role.DOC_TYPE, block.doc_type),
                self._p(Role.SUBJECT, block.subject),
                self._rule(rules.SUBJECT_RULE_MM),
            ]
        if isinstance(block, Addressees):
            return self._addressees(block)
        if isinstance(block, LegalBases):
            return [self._p(Role.LEGAL_BASIS, line) for line in block.lines]
        if isinstance(block, Heading):
            return self._heading(block)
        if isinstance(block, Paragraph):
            if block.align is None or block.align is Align.JUSTIFY:
                return [self._p(Role.BODY, runs=block.runs)]
            return [self._p(Role.BODY, runs=block.runs, alignment=_ALIGN[block.align], firstLineIndent=0)]
        if isinstance(block, ListBlock):
            return self._list(block, 0)
        if isinstance(block, Table):
            return self._table(block)
        if isinstance(block, Image):
            return self._image(block)
        if isinstance(block, PageBreak):
            return [PdfPageBreak()]
        if isinstance(block, SignatureBlock):
            return [self._signature(block)]
        if isinstance(block, CoverPage):
            return self._cover(block)
        if isinstance(block, TableOfContents):
            return self._toc(block)
        if isinstance(block, AppendixHeader):
            return [
                self._p(Role.APPENDIX_LABEL, block.label),
                self._p(Role.CHAPTER_TITLE, block.title, spaceAfter=0),
                self._p(Role.APPENDIX_NOTE, block.note, spaceAfter=0),
                self._rule(rules.SUBJECT_RULE_MM, space_before=5),  # Mẫu 2.1: a short rule under the note
                Spacer(1, rules.STYLES[Role.APPENDIX_NOTE].space_after_pt),
            ]
        return []

    def _two_columns(self, left: list[Any], right: list[Any], widths_mm: tuple[float, float]) -> PdfTable:
        table = PdfTable([[left, right]], colWidths=[w * mm for w in widths_mm], hAlign="CENTER")
        table.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("ALIGN", (0, 0), (-1, -1), "CENTER"),  # places the short rules; paragraphs keep their own
                    CELL_FONT,
                    ("LEFTPADDING", (0, 0), (-1, -1), 2),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 2),
                ]
            )
        )
        return table

    def _header(self, block: HeaderBlock) -> PdfTable:
        left_mm = rules.HEADER_COLUMNS_MM[0]
        left: list[Any] = []
        if block.governing_body:
            left.append(self._p(Role.GOVERNING_BODY, block.governing_body))
        left += [
            self._p(Role.ISSUING_BODY, block.issuing_body),
            self._rule(left_mm * rules.ISSUER_RULE_FRACTION),
            self._p(Role.NUMBER, block.number),
        ]
        right = [
            self._p(Role.NATIONAL_TITLE, rules.NATIONAL_TITLE),
            self._p(Role.MOTTO, rules.MOTTO),
            self._rule(rules.MOTTO_RULE_MM),
            self._p(Role.PLACE_DATE, block.place_date),
        ]
        return self._two_columns(left, right, rules.HEADER_COLUMNS_MM)

    def _addressees(self, block: Addressees) -> list[Any]:
        if len(block.names) == 1:
            return [self._p(Role.ADDRESSEES, f"{rules.ADDRESSEES_LABEL} {block.names[0]}.")]
        out: list[Any] = [self._p(Role.ADDRESSEES, rules.ADDRESSEES_LABEL, spaceAfter=0)]
        for index, name in enumerate(block.names):
            end = "." if index == len(block.names) - 1 else ";"
            out.append(self._p(Role.ADDRESSEES, f"- {name}{end}", spaceBefore=0, spaceAfter=0))
        return out

    def _heading(self, block: Heading) -> list[Any]:
        out: list[Any] = []
        if block.chapter:
            if block.numbering:
                out.append(self._p(Role.CHAPTER_LABEL, block.numbering))
            title = self._p(Role.HEADING_1, block.text.upper(), alignment=TA_CENTER, firstLineIndent=0)
        else:
            role = heading_role(block.level)
            text = heading_text(block.numbering, block.text)
            title = self._p(role, text) if block.in_toc else self._p(Role.BODY, runs=(Run(text, bold=True),))
        if block.in_toc and block.level <= self._toc_levels:  # the levels the contents list, as Word's field does
            title.toc_level = block.level - 1
            title.toc_text = block.contents_text
        out.append(title)
        return out

    def _list(self, block: ListBlock, depth: int) -> list[Any]:
        out: list[Any] = []
        for offset, item in enumerate(block.items):
            label = list_label(block.ordered, block.start + offset, depth)
            indent = rules.LIST_INDENT_MM * depth * mm
            out.append(self._p(Role.LIST_ITEM, runs=(Run(f"{label} "), *item.runs), leftIndent=indent))
            for child in item.children:
                out.extend(self._list(child, depth + 1))
        return out

    def _table(self, block: Table) -> list[Any]:
        texts = [[plain(cell) for cell in row] for row in (block.header, *block.rows)]
        widths = rules.column_widths(texts, self._text_mm)
        if not widths:
            return []
        count = len(widths)

        def row(cells: tuple[Runs, ...], role: Role) -> list[Any]:
            return [self._p(role, runs=cells[i]) if i < len(cells) else "" for i in range(count)]

        aligns = [block.column_align(i) for i in range(count)]
        cell = self._styles[Role.TABLE_CELL]
        styles = [ParagraphStyle(f"cell-{a.value}", parent=cell, alignment=_ALIGN[a]) for a in aligns]

        def body(cells: tuple[Runs, ...]) -> list[Any]:
            return [
                PdfParagraph(_markup(cells[i], Role.TABLE_CELL), styles[i]) if i < len(cells) else ""
                for i in range(count)
            ]

        header = row(block.header, Role.TABLE_HEADER)
        points = [w * mm for w in widths]
        # A header row is repeated on each page only when it is short: reportlab cannot split a repeated row, so a
        # header taller than a page (a pasted wall of text) failed the whole export.
        repeat = PdfTable([header], colWidths=points).wrap(sum(points), self._frame_h)[1] <= self._frame_h / 3
        if len(block.rows) > LONG_TABLE_ROWS:
            named = tuple(TABLE_ALIGN[a] for a in aligns)
            plain_rows = self._plain_rows(block.rows, widths)
            long = LongRows(header if repeat else None, plain_rows, points, self._styles, aligns=named)
            out: list[Any] = [long, Spacer(1, rules.SPACE_AFTER_PT)]
            if not repeat:
                out.insert(0, self._grid([header], points, repeat=False))
            return out
        data = [header] + [body(cells) for cells in block.rows]
        return [self._grid(data, points, repeat), Spacer(1, rules.SPACE_AFTER_PT)]

    def _grid(self, data: list[list[Any]], points: list[float], repeat: bool) -> PdfTable:
        """A bordered table whose rows split across pages, the first row repeated on each page when `repeat`."""
        table = PdfTable(data, colWidths=points, repeatRows=int(repeat), hAlign="CENTER", splitInRow=1)
        table.setStyle(TableStyle(TABLE_STYLE))
        return table

    def _plain_rows(self, rows: tuple[tuple[Runs, ...], ...], widths: list[float]) -> list[list[tuple[str, str]]]:
        """Body cells of a long table as (text wrapped to its column, font face), wrapped once here; a row taller
        than half a page becomes several rows, as reportlab cannot split a row across pages."""
        cell = self._styles[Role.TABLE_CELL]
        most = max(1, int(self._frame_h / 2 / cell.leading))  # lines in one row
        out: list[list[tuple[str, str]]] = []
        for cells in rows:
            line: list[tuple[list[str], str]] = []
            for c, width in enumerate(widths):
                runs = cells[c] if c < len(cells) else ()
                face = FACES[bool(runs) and all(x.bold for x in runs), bool(runs) and all(x.italic for x in runs)]
                text = "".join(run.text for run in runs)
                room = width * mm - 2 * CELL_PAD
                wrapped = [
                    piece
                    for para in text.split("\n")
                    for part in (simpleSplit(para, face, cell.fontSize, room) or [""])
                    for piece in letters_fitting(part, face, cell.fontSize, room)
                ]
                line.append((wrapped, face))
            height = max(len(lines) for lines, _ in line)
            out += [[("\n".join(lines[i : i + most]), face) for lines, face in line] for i in range(0, height, most)]
        return out

    def _image(self, block: Image) -> list[Any]:
        picture = PdfImage(BytesIO(block.png))
        width = min(block.width_mm, self._text_mm) * mm
        picture.drawHeight = picture.imageHeight * width / picture.imageWidth
        picture.drawWidth = width
        out: list[Any] = [picture]
        if block.caption:
            out.append(self._p(Role.CAPTION, block.caption))
        return out

    def _signature(self, block: SignatureBlock) -> PdfTable:
        left = [self._p(Role.RECIPIENTS_LABEL, rules.RECIPIENTS_LABEL)]
        left += [self._p(Role.RECIPIENTS, f"- {line}") for line in block.recipients]
        right = [
            self._p(Role.SIGN_AUTHORITY, line, spaceBefore=rules.STYLES[Role.SIGN_AUTHORITY].space_before_pt)
            if index == 0
            else self._p(Role.SIGN_AUTHORITY, line, spaceBefore=0)
            for index, line in enumerate(block.authority)
        ]
        right.append(self._p(Role.SIGNER_NAME, block.name))
        table = self._two_columns(left, right, rules.SIGNATURE_COLUMNS_MM)
        table.keepWithNext = False
        return table

    def _cover(self, block: CoverPage) -> list[Any]:
        out: list[Any] = []
        if block.governing_body:
            out.append(self._p(Role.COVER_BODY, block.governing_body, fontName=FACES[False, False]))
        out += [
            self._p(Role.COVER_BODY, block.issuing_body),
            self._rule(self._text_mm * 0.25),
            self._p(Role.COVER_TYPE, block.doc_type),
            self._p(Role.COVER_SUBJECT, block.subject),
            self._p(Role.COVER_PLACE, block.place_year),
        ]
        return out

    def _toc(self, block: TableOfContents) -> list[Any]:
        toc = PdfToc(dotsMinLevel=0)
        toc.tableStyle = TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                CELL_FONT,
            ]
        )
        base = self._styles[Role.TOC_ENTRY]
        toc.levelStyles = [
            ParagraphStyle(f"toc{level}", parent=base, leftIndent=level * rules.TOC_INDENT_MM * mm, firstLineIndent=0)
            for level in range(block.levels)
        ]
        toc.levelStyles[0] = ParagraphStyle("toc0", parent=toc.levelStyles[0], fontName=FACES[True, False])
        return [self._p(Role.TOC_TITLE, block.title), toc]


def write_pdf(document: Document, path: Path, font_dir: Path) -> Path:
    """Write the plan as a PDF at `path`, embedding the Liberation Serif faces found in `font_dir`."""
    PdfWriter(document, font_dir).write(path)
    return path


def write_pdf_contents(document: Document, path: Path, font_dir: Path) -> tuple[Path, tuple[ContentsEntry, ...]]:
    """Write the plan as a PDF and return the lines of its contents with the pages they fell on, which the Word
    file of the same document shows in its table of contents."""
    writer = PdfWriter(document, font_dir)
    writer.write(path)
    return path, writer.contents


def contents_pages(document: Document, font_dir: Path) -> tuple[ContentsEntry, ...]:
    """The contents' lines with their pages as the PDF would have them, laid out in memory (a Word-only export)."""
    writer = PdfWriter(document, font_dir)
    writer.write(BytesIO())
    return writer.contents


__all__ = ["PdfWriter", "contents_pages", "register_fonts", "write_pdf", "write_pdf_contents"]
