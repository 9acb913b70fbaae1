"""The compared blocks as a Word file with real tracked changes (`w:ins`, `w:del`), in the export's Decree 30 layout.

Word and LibreOffice then offer Accept and Reject on every change: accepting all reads as the new revision,
rejecting all as the old one. A paragraph, list item or table row that came or went has its paragraph mark (or
row) marked too, so accepting or rejecting removes it whole instead of leaving an empty line.
"""

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import parse_xml
from docx.shared import Mm, Pt

from dossier_app.export import format_rules as rules
from dossier_app.export.docx_styles import RULE_STYLE, style_name
from dossier_app.export.docx_writer import DocxWriter
from dossier_app.export.format_rules import Align, Role, heading_role, list_label
from dossier_app.export.plan import Document, DocumentSettings, Paragraph, Run, Title
from dossier_app.export.redline_blocks import BlockChange, MarkedText, Segment, Segments, ShownBlock

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DOC_TYPE = "BẢN SO SÁNH THAY ĐỔI"


@dataclass(frozen=True)
class RedlineHead:
    """What the document's head says, in Vietnamese, and whom Word names for every change (and when)."""

    section_title: str
    project: str
    old_label: str
    new_label: str
    author: str
    date: datetime


class _Marks:
    """Tracked-change attributes: the author and date of every change, and ids unique across the document."""

    def __init__(self, author: str, date: datetime) -> None:
        moment = date.astimezone(UTC).replace(tzinfo=None, microsecond=0).isoformat() + "Z"
        self._attributes = f"w:author={quoteattr(author or 'dossier_app')} w:date={quoteattr(moment)}"
        self._next = 0

    def attributes(self) -> str:
        """`w:id`, `w:author`, `w:date` of the next change."""
        self._next += 1
        return f'w:id="{self._next}" {self._attributes}'

    def mark(self, change: BlockChange) -> str:
        """The empty `<w:ins/>` or `<w:del/>` a paragraph mark or a row carries when it came or went."""
        if change == "insert":
            return f"<w:ins {self.attributes()}/>"
        if change == "delete":
            return f"<w:del {self.attributes()}/>"
        return ""

    def runs(self, segments: Segments) -> str:
        """Runs of the segments, each inserted or deleted one wrapped in a tracked change."""
        return "".join(self._run(s.text, s.bold, s.italic, s.change) for s in segments)

    def _run(self, text: str, bold: bool, italic: bool, change: str) -> str:
        props = ("<w:b/>" if bold else "") + ("<w:i/>" if italic else "")
        tag = "w:delText" if change == "delete" else "w:t"
        pieces = [f'<{tag} xml:space="preserve">{escape(line)}</{tag}>' if line else "" for line in text.split("\n")]
        run = f"<w:r>{f'<w:rPr>{props}</w:rPr>' if props else ''}{'<w:br/>'.join(pieces)}</w:r>"
        if change == "insert":
            return f"<w:ins {self.attributes()}>{run}</w:ins>"
        if change == "delete":
            return f"<w:del {self.attributes()}>{run}</w:del>"
        return run


def write_redline_docx(marked: MarkedText, head: RedlineHead, path: Path) -> Path:
    """Write the comparison at `path`: the decree's page and styles, a head naming both revisions, then the text."""
    plan = Document(
        name=path.stem,
        title=f"{DOC_TYPE}: {head.section_title}",
        settings=DocumentSettings(),
        blocks=(
            Paragraph((Run(head.project),), Align.CENTER),
            Title(DOC_TYPE, head.section_title),
            Paragraph((Run("Từ: ", bold=True), Run(head.old_label)), Align.LEFT),
            Paragraph((Run("Đến: ", bold=True), Run(head.new_label)), Align.LEFT),
        ),
    )
    writer = DocxWriter(plan)
    doc = writer.build()
    doc.paragraphs[4].paragraph_format.space_before = Pt(12)  # "Từ:" stands apart from the rule under the subject
    marks = _Marks(head.author, head.date)
    styles = writer.styles
    blocks = marked.blocks
    index = 0
    while index < len(blocks):
        block = blocks[index]
        if block.kind == "row":
            end = index
            while end < len(blocks) and blocks[end].kind == "row":
                end += 1
            _table(doc, blocks[index:end], marks, writer)
            index = end
            continue
        if block.kind != "rule":
            paragraph = styles.add(doc, style_name(_role(block)))
            if block.kind == "item":
                paragraph.paragraph_format.first_line_indent = Mm(0)
                paragraph.paragraph_format.left_indent = Mm(rules.LIST_INDENT_MM * block.depth)
            _fill(paragraph._p, marks, block)
        index += 1
    doc.save(str(path))
    return path


def _role(block: ShownBlock) -> Role:
    """The export's style for a block: body text, a list item, or a heading one level under the section's title."""
    if block.kind == "heading":
        return heading_role(block.level + 1)
    return Role.LIST_ITEM if block.kind == "item" else Role.BODY


def _label(block: ShownBlock) -> Segments:
    """A list item's label as the export writes it (dashes and pluses, 1. then a)), tracked when it was renumbered."""

    def written(label: str) -> str:
        number = int(label.rstrip(".)")) if label else 0
        return list_label(bool(label), number, block.depth) + " "

    if block.kind != "item":
        return ()
    new, old = written(block.label), written(block.old_label)
    if block.change in ("insert", "delete"):
        return (Segment(block.change, old if block.change == "delete" else new),)
    if new == old:
        return (Segment("equal", new),)
    return (Segment("delete", old), Segment("insert", new))


def _fill(p: Any, marks: _Marks, block: ShownBlock) -> None:
    """The paragraph's runs and, for a block that came or went, its marked paragraph mark."""
    xml = marks.runs(_label(block) + block.segments)
    mark = marks.mark(block.change)
    holder = parse_xml(f'<w:p xmlns:w="{_W}">{xml}</w:p>')
    for child in list(holder):
        p.append(child)
    if mark:
        properties = p.get_or_add_pPr()
        properties.append(parse_xml(f'<w:rPr xmlns:w="{_W}">{mark}</w:rPr>'))


def _table(doc: Any, rows: tuple[ShownBlock, ...], marks: _Marks, writer: DocxWriter) -> None:
    """Consecutive rows as one grid table: a row that came or went marked in its properties, its cells' runs
    tracked, a changed row's cells marked word by word."""
    texts = [["".join(s.text for s in cell if s.change != "delete") for cell in row.cells] for row in rows]
    widths = rules.column_widths(texts, writer.text_width_mm) or [writer.text_width_mm]
    table = doc.add_table(rows=0, cols=len(widths))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    table.style = doc.styles["Table Grid"]
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Mm(width)
    styles = writer.styles
    for row in rows:
        style_id = styles.id(style_name(Role.TABLE_HEADER if row.header else Role.TABLE_CELL))
        style = f'<w:pStyle w:val="{escape(style_id)}"/>' if style_id else ""
        mark = marks.mark(row.change)
        header = "<w:tblHeader/>" if row.header else ""
        parts = [f'<w:tr xmlns:w="{_W}"><w:trPr><w:cantSplit/>{header}{mark}</w:trPr>']
        for column, width in enumerate(widths):
            cell = row.cells[column] if column < len(row.cells) else ()
            paragraph_mark = f"<w:rPr>{marks.mark(row.change)}</w:rPr>" if mark else ""
            parts.append(
                f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{round(width * 1440 / 25.4)}"/></w:tcPr>'
                f"<w:p><w:pPr>{style}{paragraph_mark}</w:pPr>{marks.runs(cell)}</w:p></w:tc>"
            )
        parts.append("</w:tr>")
        table._tbl.append(parse_xml("".join(parts)))
    styles.add(doc, RULE_STYLE)
