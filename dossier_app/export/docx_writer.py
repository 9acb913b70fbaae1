"""The document plan as a Word file (python-docx): named styles carry the decree's layout, not per-run formatting."""

import re
from copy import deepcopy
from io import BytesIO
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.section import Section
from docx.shared import Mm, Pt
from docx.table import _Cell
from docx.text.paragraph import Paragraph as DocxParagraph

from dossier_app.export import format_rules as rules
from dossier_app.export.docx_styles import RULE_STYLE, StyleIds, add_field, add_rule, new_document, style_name
from dossier_app.export.format_rules import Align, Role, cased, heading_role, heading_text, list_label
from dossier_app.export.page_orientation import PageBox, page_box, stretches
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


def _runs(paragraph: DocxParagraph, runs: Runs, role: Role) -> None:
    for run in runs:
        out = paragraph.add_run(cased(role, run.text))
        if run.bold:
            out.bold = True
        if run.italic:
            out.italic = True


def _para(styles: StyleIds, container: Any, role: Role, text: str = "", runs: Runs = ()) -> DocxParagraph:
    paragraph = styles.add(container, style_name(role))
    if text:
        paragraph.add_run(cased(role, text))
    if runs:
        _runs(paragraph, runs, role)
    return paragraph


def _first_cell_paragraph(cell: _Cell) -> DocxParagraph:
    """Cells start with one empty paragraph; use it instead of leaving a blank line on top."""
    first: DocxParagraph = cell.paragraphs[0]
    return first


def _cell_para(styles: StyleIds, cell: _Cell, role: Role, text: str = "", runs: Runs = ()) -> DocxParagraph:
    first = _first_cell_paragraph(cell)
    if not first.text and styles.name_of(first) == "Normal" and not first.runs:
        styles.apply(first, style_name(role))
        if text:
            first.add_run(cased(role, text))
        _runs(first, runs, role)
        return first
    return _para(styles, cell, role, text, runs)


def _grid(doc: DocxDocument, widths_mm: tuple[float, ...], rows: int = 1) -> Any:
    table = doc.add_table(rows=rows, cols=len(widths_mm))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for index, width in enumerate(widths_mm):
        table.columns[index].width = Mm(width)
        for cell in table.columns[index].cells:
            cell.width = Mm(width)
    return table


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _run_xml(run: Run) -> str:
    props = ("<w:b/>" if run.bold else "") + ("<w:i/>" if run.italic else "")
    head = f"<w:r>{f'<w:rPr>{props}</w:rPr>' if props else ''}"
    lines = _NOT_XML.sub("", cased(Role.TABLE_CELL, run.text)).split("\n")
    return head + "<w:br/>".join(f'<w:t xml:space="preserve">{escape(line)}</w:t>' for line in lines) + "</w:r>"


_JC = {Align.LEFT: "", Align.CENTER: "center", Align.RIGHT: "right", Align.JUSTIFY: "both"}
_WD_ALIGN = {
    Align.LEFT: WD_ALIGN_PARAGRAPH.LEFT,
    Align.CENTER: WD_ALIGN_PARAGRAPH.CENTER,
    Align.RIGHT: WD_ALIGN_PARAGRAPH.RIGHT,
    Align.JUSTIFY: WD_ALIGN_PARAGRAPH.JUSTIFY,
}


def _body_rows(
    rows: tuple[tuple[Runs, ...], ...], widths_mm: tuple[float, ...], style_id: str, aligns: tuple[Align, ...] = ()
) -> list[Any]:
    """Table rows as one XML string parsed once: python-docx adds rows and styles cell by cell in quadratic time,
    which a register of thousands of households cannot afford. `aligns` sets each column's paragraphs apart from
    the cell style's left alignment (amounts right, ordinals centred)."""
    jcs = [_JC[aligns[index]] if index < len(aligns) else "" for index in range(len(widths_mm))]
    justify = [f'<w:jc w:val="{jc}"/>' if jc else "" for jc in jcs]
    cell_heads = [
        f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{round(width * 1440 / 25.4)}"/></w:tcPr>'
        f'<w:p><w:pPr><w:pStyle w:val="{escape(style_id)}"/>{jc}</w:pPr>'
        for width, jc in zip(widths_mm, justify, strict=True)
    ]
    parts = [f'<w:tbl xmlns:w="{_W}">']
    for row in rows:
        parts.append("<w:tr><w:trPr><w:cantSplit/></w:trPr>")  # a row stays on one page, as in the PDF
        for index, head in enumerate(cell_heads):
            runs = row[index] if index < len(row) else ()
            parts.append(head + "".join(_run_xml(run) for run in runs) + "</w:p></w:tc>")
        parts.append("</w:tr>")
    parts.append("</w:tbl>")
    return list(parse_xml("".join(parts)))


class DocxWriter:
    """Writes one plan to a .docx file; a new writer per document."""

    def __init__(self, document: Document) -> None:
        self._plan = document
        self._doc = new_document(document.settings.line_spacing, document.reference)
        self._styles = StyleIds(self._doc, document.settings.line_spacing, document.reference)
        self._text_mm = document.settings.margins.text_width_mm

    @property
    def styles(self) -> StyleIds:
        """The document's style ids, for a caller that adds paragraphs of its own after `build`."""
        return self._styles

    @property
    def text_width_mm(self) -> float:
        """The width between the margins of the last section, for tables a caller adds."""
        return self._text_mm

    def write(self, path: Path) -> Path:
        """Render every block and save; returns the path written."""
        self.build().save(str(path))
        return path

    def build(self) -> DocxDocument:
        """Render every block into the document, not yet saved (the redline appends its tracked changes)."""
        self._page_setup()
        body = self._doc.element.body
        for paragraph in list(body.iterchildren(qn("w:p"))):
            body.remove(paragraph)
        for number, stretch in enumerate(stretches(self._plan.blocks, self._plan.settings.margins)):
            if number:
                self._new_section(stretch.landscape)
            elif stretch.landscape:
                self._set_box(self._doc.sections[0], page_box(self._plan.settings.margins, True))
            for block in stretch.blocks:
                self._block(block)
        core = self._doc.core_properties
        core.title = self._plan.title
        core.language = "vi-VN"
        core.author = (self._plan.blocks and getattr(self._plan.blocks[0], "issuing_body", "")) or ""
        self._update_fields_on_open()
        return self._doc

    def _set_box(self, section: Section, box: PageBox) -> None:
        """Paper, orientation and margins of a section; tables and rules that follow use its text width."""
        section.orientation = WD_ORIENT.LANDSCAPE if box.landscape else WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Mm(box.width_mm), Mm(box.height_mm)
        section.top_margin, section.bottom_margin = Mm(box.top), Mm(box.bottom)
        section.left_margin, section.right_margin = Mm(box.left), Mm(box.right)
        section.header_distance = Mm(box.top / 2 - 2)
        section.footer_distance = Mm(10)
        self._text_mm = box.text_width_mm

    def _new_section(self, landscape: bool) -> None:
        """Start a new page in the other orientation: the section so far ends at a tiny paragraph (the one under a
        table when there is one); the new one inherits the page-number header, numbers its first page and goes on
        counting from the previous page (no restart), as one document's pages must."""
        body = self._doc.element.body
        last = body[-2] if len(body) > 1 else None  # body[-1] is the document's own sectPr
        paragraphs = self._doc.paragraphs
        ending = paragraphs[-1] if paragraphs and last is paragraphs[-1]._p else None
        if ending is None or ending.text or self._styles.name_of(ending) != RULE_STYLE:
            ending = self._styles.add(self._doc, RULE_STYLE)
        sentinel = body.sectPr
        ending._p.get_or_add_pPr().append(deepcopy(sentinel))
        for reference in sentinel.xpath("w:headerReference | w:footerReference | w:pgNumType"):
            sentinel.remove(reference)
        section = self._doc.sections[-1]
        section.start_type = WD_SECTION.NEW_PAGE
        section.different_first_page_header_footer = False
        self._set_box(section, page_box(self._plan.settings.margins, landscape))

    def _page_setup(self) -> None:
        section = self._doc.sections[0]
        section.start_type = WD_SECTION.NEW_PAGE
        self._set_box(section, page_box(self._plan.settings.margins, False))
        section.different_first_page_header_footer = True
        number = section.header.paragraphs[0]
        number.style = self._doc.styles["Header"]
        number.alignment = WD_ALIGN_PARAGRAPH.CENTER
        add_field(number, "PAGE", "2")
        for run in number.runs:
            run.font.size = Pt(rules.PAGE_NUMBER_SIZE_PT)
            run.font.name = rules.FONT_NAME
        if self._plan.settings.draft:
            for header in (section.header, section.first_page_header):
                mark = header.add_paragraph()
                mark.alignment = WD_ALIGN_PARAGRAPH.RIGHT
                run = mark.add_run(rules.DRAFT_MARK)
                run.bold = True
                run.font.size = Pt(rules.PAGE_NUMBER_SIZE_PT)
                run.font.name = rules.FONT_NAME
        else:
            section.first_page_header.paragraphs[0].text = ""

    def _update_fields_on_open(self) -> None:
        settings = self._doc.settings.element
        update = OxmlElement("w:updateFields")
        update.set(qn("w:val"), "true")
        settings.append(update)

    def _block(self, block: object) -> None:
        doc = self._doc
        if isinstance(block, HeaderBlock):
            self._header(block)
        elif isinstance(block, Title):
            _para(self._styles, doc, Role.DOC_TYPE, block.doc_type)
            _para(self._styles, doc, Role.SUBJECT, block.subject)
            add_rule(doc, rules.SUBJECT_RULE_MM, self._text_mm, self._styles)
        elif isinstance(block, Addressees):
            self._addressees(block)
        elif isinstance(block, LegalBases):
            for line in block.lines:
                _para(self._styles, doc, Role.LEGAL_BASIS, line)
        elif isinstance(block, Heading):
            self._heading(block)
        elif isinstance(block, Paragraph):
            self._paragraph(block)
        elif isinstance(block, ListBlock):
            self._list(block, 0)
        elif isinstance(block, Table):
            self._table(block)
        elif isinstance(block, Image):
            paragraph = _para(self._styles, doc, Role.CAPTION)
            paragraph.paragraph_format.first_line_indent = Mm(0)
            paragraph.add_run().add_picture(BytesIO(block.png), width=Mm(min(block.width_mm, self._text_mm)))
            if block.caption:
                _para(self._styles, doc, Role.CAPTION, block.caption)
        elif isinstance(block, PageBreak):
            self._styles.add(doc, RULE_STYLE).add_run().add_break(WD_BREAK.PAGE)
        elif isinstance(block, SignatureBlock):
            self._signature(block)
        elif isinstance(block, CoverPage):
            self._cover(block)
        elif isinstance(block, TableOfContents):
            self._toc(block)
        elif isinstance(block, AppendixHeader):
            _para(self._styles, doc, Role.APPENDIX_LABEL, block.label)
            _para(self._styles, doc, Role.CHAPTER_TITLE, block.title).paragraph_format.space_after = Pt(0)
            _para(self._styles, doc, Role.APPENDIX_NOTE, block.note).paragraph_format.space_after = Pt(0)
            add_rule(doc, rules.SUBJECT_RULE_MM, self._text_mm, self._styles)  # Mẫu 2.1: a short rule under the note
            doc.paragraphs[-1].paragraph_format.space_after = Pt(rules.STYLES[Role.APPENDIX_NOTE].space_after_pt)

    def _header(self, block: HeaderBlock) -> None:
        left_mm, right_mm = rules.HEADER_COLUMNS_MM
        table = _grid(self._doc, rules.HEADER_COLUMNS_MM)
        left, right = table.rows[0].cells
        if block.governing_body:
            _cell_para(self._styles, left, Role.GOVERNING_BODY, block.governing_body)
        _cell_para(self._styles, left, Role.ISSUING_BODY, block.issuing_body)
        add_rule(left, left_mm * rules.ISSUER_RULE_FRACTION, left_mm, self._styles)
        _cell_para(self._styles, left, Role.NUMBER, block.number)
        _cell_para(self._styles, right, Role.NATIONAL_TITLE, rules.NATIONAL_TITLE)
        _cell_para(self._styles, right, Role.MOTTO, rules.MOTTO)
        add_rule(right, rules.MOTTO_RULE_MM, right_mm, self._styles)
        _cell_para(self._styles, right, Role.PLACE_DATE, block.place_date)

    def _addressees(self, block: Addressees) -> None:
        if len(block.names) == 1:
            _para(self._styles, self._doc, Role.ADDRESSEES, f"{rules.ADDRESSEES_LABEL} {block.names[0]}.")
            return
        _para(self._styles, self._doc, Role.ADDRESSEES, rules.ADDRESSEES_LABEL).paragraph_format.space_after = Pt(0)
        for index, name in enumerate(block.names):
            end = "." if index == len(block.names) - 1 else ";"
            line = _para(self._styles, self._doc, Role.ADDRESSEES, f"- {name}{end}")
            line.paragraph_format.space_before = Pt(0)
            line.paragraph_format.space_after = Pt(0)

    def _heading(self, block: Heading) -> None:
        if block.chapter:
            if block.numbering:
                _para(self._styles, self._doc, Role.CHAPTER_LABEL, block.numbering)
            title = _para(self._styles, self._doc, Role.HEADING_1, block.text.upper())
            title.alignment = WD_ALIGN_PARAGRAPH.CENTER
            title.paragraph_format.first_line_indent = Mm(0)
            return
        role = heading_role(block.level)
        paragraph = _para(self._styles, self._doc, role, heading_text(block.numbering, block.text))
        if not block.in_toc:
            self._styles.apply(paragraph, style_name(Role.BODY))
            for run in paragraph.runs:
                run.bold = True

    def _paragraph(self, block: Paragraph) -> None:
        paragraph = _para(self._styles, self._doc, Role.BODY, runs=block.runs)
        if block.align is not None and block.align is not Align.JUSTIFY:
            paragraph.alignment = _WD_ALIGN[block.align]
            paragraph.paragraph_format.first_line_indent = Mm(0)

    def _list(self, block: ListBlock, depth: int) -> None:
        for offset, item in enumerate(block.items):
            label = list_label(block.ordered, block.start + offset, depth)
            paragraph = _para(self._styles, self._doc, Role.LIST_ITEM, runs=(Run(f"{label} "), *item.runs))
            if depth:
                paragraph.paragraph_format.left_indent = Mm(rules.LIST_INDENT_MM * depth)
            for child in item.children:
                self._list(child, depth + 1)

    def _table(self, block: Table) -> None:
        texts = [[plain(cell) for cell in row] for row in (block.header, *block.rows)]
        widths = tuple(rules.column_widths(texts, self._text_mm))
        if not widths:
            return
        table = _grid(self._doc, widths)
        table.style = self._doc.styles["Table Grid"]
        header_row = table.rows[0]
        trpr = header_row._tr.get_or_add_trPr()
        repeat = OxmlElement("w:tblHeader")
        repeat.set(qn("w:val"), "true")
        trpr.append(repeat)
        for index, cell in enumerate(header_row.cells):
            _cell_para(
                self._styles, cell, Role.TABLE_HEADER, runs=block.header[index] if index < len(block.header) else ()
            )
        style_id = self._doc.styles[style_name(Role.TABLE_CELL)].style_id
        aligns = tuple(block.column_align(index) for index in range(len(widths)))
        table._tbl.extend(_body_rows(block.rows, widths, style_id, aligns))
        self._styles.add(self._doc, RULE_STYLE)

    def _signature(self, block: SignatureBlock) -> None:
        table = _grid(self._doc, rules.SIGNATURE_COLUMNS_MM)
        left, right = table.rows[0].cells
        _cell_para(self._styles, left, Role.RECIPIENTS_LABEL, rules.RECIPIENTS_LABEL)
        for line in block.recipients:
            _cell_para(self._styles, left, Role.RECIPIENTS, f"- {line}")
        for line in block.authority:
            paragraph = _cell_para(self._styles, right, Role.SIGN_AUTHORITY, line)
            if line is not block.authority[0]:
                paragraph.paragraph_format.space_before = Pt(0)
        _cell_para(self._styles, right, Role.SIGNER_NAME, block.name)

    def _cover(self, block: CoverPage) -> None:
        if block.governing_body:
            _para(self._styles, self._doc, Role.COVER_BODY, block.governing_body).runs[0].bold = False
        _para(self._styles, self._doc, Role.COVER_BODY, block.issuing_body)
        add_rule(self._doc, self._text_mm * 0.25, self._text_mm, self._styles)
        _para(self._styles, self._doc, Role.COVER_TYPE, block.doc_type)
        _para(self._styles, self._doc, Role.COVER_SUBJECT, block.subject)
        _para(self._styles, self._doc, Role.COVER_PLACE, block.place_year)

    def _toc(self, block: TableOfContents) -> None:
        """The contents as a TOC field whose shown result is one paragraph per heading, its page right-aligned after
        dot leaders: the pages the PDF's layout found (`block.entries`), which LibreOffice shows as they are and
        Word offers to update (`w:updateFields`). Without them, the headings alone."""
        _para(self._styles, self._doc, Role.TOC_TITLE, block.title)
        entries = block.entries or tuple(
            ContentsEntry(item.level, item.contents_text, 0)
            for item in self._plan.blocks
            if isinstance(item, Heading) and item.in_toc and item.level <= block.levels
        )
        entries = entries or (ContentsEntry(1, "", 0),)  # the field needs a paragraph to stand in
        style = escape(self._styles.id(style_name(Role.TOC_ENTRY)) or "")
        tab = round(self._text_mm * 1440 / 25.4)
        field = (
            '<w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r>'
            f'<w:r><w:instrText xml:space="preserve"> TOC \\o "1-{block.levels}" \\h \\z \\u </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        )
        end = '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        parts = [f'<w:body xmlns:w="{_W}">']
        for index, entry in enumerate(entries):
            indent = round(rules.TOC_INDENT_MM * (entry.level - 1) * 1440 / 25.4)
            bold = "<w:rPr><w:b/></w:rPr>" if entry.level == 1 else ""
            text = escape(_NOT_XML.sub("", entry.text))
            page = f"<w:r><w:tab/></w:r><w:r><w:t>{entry.page}</w:t></w:r>" if entry.page else ""
            parts.append(
                f'<w:p><w:pPr><w:pStyle w:val="{style}"/><w:tabs><w:tab w:val="right" w:leader="dot" w:pos="{tab}"/>'
                f'</w:tabs><w:ind w:left="{indent}" w:firstLine="0"/></w:pPr>{field if index == 0 else ""}'
                f'<w:r>{bold}<w:t xml:space="preserve">{text}</w:t></w:r>{page}'
                f"{end if index == len(entries) - 1 else ''}</w:p>"
            )
        parts.append("</w:body>")
        ending = self._doc.element.body.sectPr
        for paragraph in list(parse_xml("".join(parts))):
            ending.addprevious(paragraph)


def write_docx(document: Document, path: Path) -> Path:
    """Write the plan as a Word document at `path`."""
    return DocxWriter(document).write(path)
