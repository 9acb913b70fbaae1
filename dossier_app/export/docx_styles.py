"""Word styles and small OOXML pieces of the DOCX writer: the decree's layout as named styles, short rules, fields."""

from functools import cache
from io import BytesIO
from pathlib import Path
from typing import Any

from docx import Document as open_docx
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.styles.style import ParagraphStyle
from docx.text.paragraph import Paragraph as DocxParagraph

from dossier_app.export import format_rules as rules
from dossier_app.export.format_rules import Align, Role
from dossier_app.export.templates import NO_STYLE, NOT_WORD, TemplateDamaged

_ALIGN = {
    Align.LEFT: WD_ALIGN_PARAGRAPH.LEFT,
    Align.CENTER: WD_ALIGN_PARAGRAPH.CENTER,
    Align.RIGHT: WD_ALIGN_PARAGRAPH.RIGHT,
    Align.JUSTIFY: WD_ALIGN_PARAGRAPH.JUSTIFY,
}
_HEADING_STYLE = {
    Role.HEADING_1: "Heading 1",
    Role.HEADING_2: "Heading 2",
    Role.HEADING_3: "Heading 3",
    Role.HEADING_4: "Heading 4",
}
RULE_STYLE = "Decree30 rule"


def style_name(role: Role) -> str:
    """The Word style of a role: the built-in heading styles (for the TOC field), 'Normal' for body text."""
    if role in _HEADING_STYLE:
        return _HEADING_STYLE[role]
    return "Normal" if role is Role.BODY else f"Decree30 {role.value}"


class StyleIds:
    """Paragraph style names resolved to the ids python-docx stores, once per template: its own lookup scans every
    style of the document on each paragraph, which cost more than writing the paragraphs. Every document opened from
    the same template has the same styles, so they share the answers."""

    def __init__(self, doc: DocxDocument, line_spacing: float, reference: Path | None = None) -> None:
        self._doc = doc
        self._ids, self._names = _resolved(template_key(line_spacing, reference))

    def id(self, name: str) -> str | None:
        """The id `paragraph.style = name` would store (None for the default paragraph style, as python-docx does)."""
        if name not in self._ids:
            part = self._doc.part  # python-docx leaves get_style_id untyped
            self._ids[name] = part.get_style_id(name, WD_STYLE_TYPE.PARAGRAPH)  # type: ignore[no-untyped-call]
        return self._ids[name]

    def apply(self, paragraph: DocxParagraph, name: str) -> None:
        """What `paragraph.style = name` does, without the lookup."""
        paragraph._p.style = self.id(name)

    def add(self, container: Any, name: str) -> DocxParagraph:
        """What `container.add_paragraph(style=name)` does, without the lookup."""
        paragraph: DocxParagraph = container.add_paragraph()
        self.apply(paragraph, name)
        return paragraph

    def name_of(self, paragraph: DocxParagraph) -> str | None:
        """What `paragraph.style.name` reads, without the lookup."""
        style_id = paragraph._p.style
        if style_id not in self._names:
            style = paragraph.style
            self._names[style_id] = style.name if style is not None else None
        return self._names[style_id]


@cache
def _resolved(_template: tuple[str, float]) -> tuple[dict[str, str | None], dict[str | None, str | None]]:
    """The style ids by name and names by id found so far in the template of this reference and line spacing."""
    return {}, {}


def set_fonts(element: Any) -> None:
    """Name Times New Roman for every script and drop theme fonts, which Word would otherwise prefer."""
    rpr = element.get_or_add_rPr()
    _set_default_fonts(rpr)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), "vi-VN")


def _set_default_fonts(rpr: Any) -> None:
    """The document defaults name Times New Roman too, so text outside our styles never falls back to Calibri."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attribute in list(fonts.attrib):
        if attribute.endswith("Theme"):
            del fonts.attrib[attribute]
    for script in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(script), rules.FONT_NAME)


def _configure(style: ParagraphStyle, role: Role, line_spacing: float) -> None:
    spec = rules.STYLES[role]
    set_fonts(style.element)
    font = style.font
    font.name = rules.FONT_NAME
    font.size = Pt(spec.size_pt)
    font.bold = spec.bold
    font.italic = spec.italic
    font.color.rgb = RGBColor(0, 0, 0)
    font.all_caps = False
    fmt = style.paragraph_format
    fmt.alignment = _ALIGN[spec.align]
    fmt.space_before = Pt(spec.space_before_pt)
    fmt.space_after = Pt(spec.space_after_pt)
    fmt.first_line_indent = Mm(spec.first_line_indent_mm) if spec.first_line_indent_mm else Mm(0)
    fmt.line_spacing = line_spacing if spec.spaced else 1.0
    fmt.keep_with_next = spec.keep_with_next
    fmt.widow_control = True


def new_document(line_spacing: float, reference: Path | None = None) -> DocxDocument:
    """A fresh copy of the empty document a Word file of the package starts from: the kind's reference document of
    `exports/` (its styles as the office keeps them, with the export's line spacing), or without one the styles
    built in code.

    Each is read once per process, file version and line spacing and kept as bytes: opening and adjusting a Word
    file costs more than writing most of our documents."""
    if reference is None:
        return open_docx(BytesIO(_template(line_spacing)))
    stat = reference.stat()
    return open_docx(BytesIO(_reference(str(reference), stat.st_mtime_ns, stat.st_size, line_spacing)))


def template_key(line_spacing: float, reference: Path | None) -> tuple[str, float]:
    """What identifies the styles of a document: the reference file (or none) and the line spacing."""
    return (str(reference) if reference is not None else "", line_spacing)


@cache
def _template(line_spacing: float) -> bytes:
    """python-docx's default document with the decree's styles, saved as bytes."""
    doc = open_docx()
    apply_styles(doc, line_spacing)
    return _saved(doc)


@cache
def _reference(path: str, _mtime_ns: int, _size: int, line_spacing: float) -> bytes:
    """A reference document with the export's line spacing on the styles the decree spaces, saved as bytes."""
    try:
        doc = open_docx(path)
    except Exception as error:  # python-docx raises several kinds for a damaged package
        raise TemplateDamaged(NOT_WORD, path=path, detail=str(error)) from None
    for role in Role:
        if rules.STYLES[role].spaced:
            try:
                style = doc.styles[style_name(role)]
            except KeyError:
                raise TemplateDamaged(NO_STYLE, path=path, style=style_name(role)) from None
            assert isinstance(style, ParagraphStyle)
            style.paragraph_format.line_spacing = line_spacing
    return _saved(doc)


def _saved(doc: DocxDocument) -> bytes:
    buffer = BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def reference_document() -> bytes:
    """A reference document for `exports/`: python-docx's default document with the decree's styles at single
    spacing (release/export_templates.py writes one per document kind)."""
    return _template(1.0)


def apply_styles(doc: DocxDocument, line_spacing: float) -> None:
    """The decree's styles on a document: Times New Roman everywhere, a named style per role, the rule style."""
    styles = doc.styles
    defaults = styles.element.find(qn("w:docDefaults"))
    rpr_default = defaults.find(qn("w:rPrDefault")) if defaults is not None else None
    rpr = rpr_default.find(qn("w:rPr")) if rpr_default is not None else None
    if rpr is not None:
        _set_default_fonts(rpr)
    for role in Role:
        name = style_name(role)
        try:
            style = styles[name]
        except KeyError:
            style = styles.add_style(name, 1)
            style.base_style = styles["Normal"]
            style.quick_style = True
        assert isinstance(style, ParagraphStyle)
        _configure(style, role, line_spacing)
    rule = styles.add_style(RULE_STYLE, 1)
    assert isinstance(rule, ParagraphStyle)
    rule.base_style = styles["Normal"]
    rule.font.size = Pt(2)
    rule.paragraph_format.first_line_indent = Mm(0)
    rule.paragraph_format.space_after = Pt(0)
    rule.paragraph_format.line_spacing = 1.0


def add_rule(container: Any, length_mm: float, column_mm: float, styles: StyleIds) -> None:
    """A short centred rule: the bottom border of an empty paragraph indented to the rule's length."""
    paragraph = styles.add(container, RULE_STYLE)
    side = max(0.0, (column_mm - length_mm) / 2)
    paragraph.paragraph_format.left_indent = Mm(side)
    paragraph.paragraph_format.right_indent = Mm(side)
    ppr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    successors = ("w:shd", "w:tabs", "w:spacing", "w:ind", "w:jc", "w:rPr")
    anchor = next((child for tag in successors if (child := ppr.find(qn(tag))) is not None), None)
    if anchor is not None:
        anchor.addprevious(borders)
    else:
        ppr.append(borders)


def add_field(paragraph: DocxParagraph, instruction: str, shown: str = "") -> None:
    """A complex field (PAGE, TOC) with a cached result that readers show until they update it."""

    def char(kind: str) -> None:
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        if kind == "begin":
            element.set(qn("w:dirty"), "true")
        paragraph.add_run()._r.append(element)

    char("begin")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    paragraph.add_run()._r.append(instr)
    char("separate")
    paragraph.add_run(shown)
    char("end")
