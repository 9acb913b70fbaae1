"""Decree 30 conformance of any Word file, ours or one written by hand: each rule passes or fails with a reason."""

import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docx import Document as open_docx
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Length
from docx.text.paragraph import Paragraph

from dossier_app.domain.errors import QT_TRANSLATE_NOOP, DossierError
from dossier_app.export import format_rules as rules


class DocxUnreadable(DossierError):
    """The file is not a Word document python-docx can open."""

    template = QT_TRANSLATE_NOOP("Errors", "The file {path} is not a readable Word (.docx) document.")


@dataclass(frozen=True)
class RuleResult:
    """One rule of the decree and how the document fares against it."""

    key: str
    title: str
    passed: bool
    reason: str


@dataclass(frozen=True)
class FormatReport:
    """Every rule checked on one file."""

    path: str
    results: tuple[RuleResult, ...]

    @property
    def passed(self) -> bool:
        """True when no rule is breached."""
        return all(result.passed for result in self.results)

    def failed(self) -> list[RuleResult]:
        """The rules breached."""
        return [result for result in self.results if not result.passed]


_DATE_LINE = re.compile(r",\s*ngày\s+(\d{1,2}|[.…\s_]+)\s+tháng\s+(\d{1,2}|[.…\s_]+)\s+năm\s+(\d{4}|[.…\s_]+)", re.I)


def _mm(length: Length | None) -> float:
    return float(length.mm) if length is not None else -1.0


def _all_paragraphs(doc: DocxDocument) -> Iterator[tuple[Paragraph, bool]]:
    """Every paragraph of the body, with whether it sits in a table."""
    for paragraph in doc.paragraphs:
        yield paragraph, False
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    yield paragraph, True


def _style_chain(paragraph: Paragraph) -> Iterator[Any]:
    style = paragraph.style
    while style is not None:
        yield style
        style = style.base_style


def _default_font(doc: DocxDocument) -> str | None:
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    fonts = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:rFonts')}") if defaults is not None else None
    return fonts.get(qn("w:ascii")) if fonts is not None else None


def _effective(paragraph: Paragraph, run: Any, doc: DocxDocument) -> tuple[str | None, float | None]:
    name = run.font.name
    size = run.font.size.pt if run.font.size is not None else None
    for style in _style_chain(paragraph):
        if name is None:
            name = style.font.name
        if size is None and style.font.size is not None:
            size = style.font.size.pt
    if name is None:
        name = _default_font(doc)
    return name, size


def _alignment(paragraph: Paragraph) -> Any:
    if paragraph.paragraph_format.alignment is not None:
        return paragraph.paragraph_format.alignment
    for style in _style_chain(paragraph):
        if style.paragraph_format.alignment is not None:
            return style.paragraph_format.alignment
    return None


def _tables_per_section(doc: DocxDocument) -> list[int]:
    """How many tables each section holds: a paragraph carrying a sectPr ends its section."""
    counts = [0]
    for child in doc.element.body.iterchildren():
        if child.tag == qn("w:tbl"):
            counts[-1] += 1
        elif child.tag == qn("w:p") and child.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None:
            counts.append(0)
    return counts


def _is_landscape(section: Any) -> bool:
    width, height = _mm(section.page_width), _mm(section.page_height)
    return abs(width - rules.PAPER_HEIGHT_MM) <= 1 and abs(height - rules.PAPER_WIDTH_MM) <= 1


def _check_paper(doc: DocxDocument) -> RuleResult:
    """A4 portrait; a section in A4 landscape only when it holds a table (the decree's wide-table pages)."""
    tables = _tables_per_section(doc)
    for index, section in enumerate(doc.sections, start=1):
        width, height = _mm(section.page_width), _mm(section.page_height)
        portrait = abs(width - rules.PAPER_WIDTH_MM) <= 1 and abs(height - rules.PAPER_HEIGHT_MM) <= 1
        if _is_landscape(section) and not (tables[index - 1] if index <= len(tables) else 0):
            reason = f"section {index} is landscape without a table (landscape is for wide-table pages)"
            return RuleResult("paper", "Paper A4 portrait", False, reason)
        if not (portrait or _is_landscape(section)):
            return RuleResult("paper", "Paper A4 portrait", False, f"section {index} is {width:.0f} x {height:.0f} mm")
    turned = sum(1 for section in doc.sections if _is_landscape(section))
    shown = f"210 x 297 mm; {turned} landscape section(s) of wide tables" if turned else "210 x 297 mm"
    return RuleResult("paper", "Paper A4 portrait", True, shown)


# A landscape page is bound by its top edge: its margins are the portrait ones turned a quarter with the paper.
_TURNED_SIDES = {"top": "left", "bottom": "right", "left": "bottom", "right": "top"}


def _margin_breach(section: Any, sides: dict[str, str]) -> str:
    """The first margin outside its range, each side measured against the rule of `sides[side]`; '' if none."""
    for side, rule_side in sides.items():
        length = _mm(getattr(section, f"{side}_margin"))
        rule = rules.MARGIN_RULES[rule_side]
        if not rule.allows(length):
            return f"{side} {length:.1f} mm, allowed {rule.low:g}-{rule.high:g} mm"
    return ""


def _check_margins(doc: DocxDocument) -> RuleResult:
    """Each section's margins in the decree's ranges; landscape sections as turned with the paper or as seen."""
    title = "Margins within the decree's ranges"
    for index, section in enumerate(doc.sections, start=1):
        breach = _margin_breach(section, {side: side for side in _TURNED_SIDES})
        if breach and _is_landscape(section) and not _margin_breach(section, _TURNED_SIDES):
            breach = ""
        if breach:
            return RuleResult("margins", title, False, f"section {index}: {breach}")
    shown = ", ".join(
        f"{side} {_mm(getattr(doc.sections[0], side + '_margin')):.0f}" for side in ("top", "bottom", "left", "right")
    )
    return RuleResult("margins", title, True, f"{shown} mm")


def _check_fonts(doc: DocxDocument) -> list[RuleResult]:
    font_title = f"Font {rules.FONT_NAME}"
    size_title = "Body text 13-14 pt"
    normal = doc.styles["Normal"].font
    low, high = rules.BODY_SIZE_RANGE_PT
    bad_font = bad_size = ""
    for paragraph, in_table in _all_paragraphs(doc):
        justified = _alignment(paragraph) in (WD_ALIGN_PARAGRAPH.JUSTIFY, None)
        for run in paragraph.runs:
            if not run.text.strip():
                continue
            name, size = _effective(paragraph, run, doc)
            if name != rules.FONT_NAME and not bad_font:
                bad_font = f"'{run.text.strip()[:30]}' is set in {name or 'a theme font'}"
            if size is None and normal.size is not None:
                size = normal.size.pt
            if not in_table and justified and size is not None and not low <= size <= high and not bad_size:
                bad_size = f"'{run.text.strip()[:30]}' is {size:g} pt"
    if normal.size is None or not low <= normal.size.pt <= high:
        bad_size = bad_size or f"the Normal style is {normal.size.pt if normal.size else 'unset'} pt"
    return [
        RuleResult("font", font_title, not bad_font, bad_font or f"every run is {rules.FONT_NAME}"),
        RuleResult(
            "body_size", size_title, not bad_size, bad_size or f"Normal {normal.size.pt if normal.size else 0:g} pt"
        ),
    ]


def _check_header_blocks(doc: DocxDocument) -> list[RuleResult]:
    texts = [" ".join(p.text.split()) for p, _ in _all_paragraphs(doc)]
    first = next((text for text in texts if text), "")
    if first.lower().startswith("phụ lục"):
        reason = "an appendix (Mẫu 2.1) has no header block of its own"
        return [RuleResult(key, title, True, reason) for key, title in _HEADER_RULES]
    joined = "\n".join(texts)
    found = {
        "national_title": rules.NATIONAL_TITLE in joined.upper(),
        "motto": rules.MOTTO.lower() in joined.lower(),
        "number": any(text.startswith(rules.NUMBER_PREFIX) for text in texts),
        "place_date": any(_DATE_LINE.search(text) for text in texts),
    }
    missing = {
        "national_title": f"'{rules.NATIONAL_TITLE}' not found",
        "motto": f"'{rules.MOTTO}' not found",
        "number": "no line starting 'Số:'",
        "place_date": "no line '<place>, ngày … tháng … năm …'",
    }
    return [
        RuleResult(key, title, found[key], "present" if found[key] else missing[key]) for key, title in _HEADER_RULES
    ]


_HEADER_RULES = (
    ("national_title", "National title"),
    ("motto", "Motto"),
    ("number", "Number and symbol line"),
    ("place_date", "Place and date line"),
)


def _has_page_field(part: Any) -> bool:
    element = part._element
    for simple in element.iter(qn("w:fldSimple")):
        if "PAGE" in (simple.get(qn("w:instr")) or "").upper().split():
            return True
    return any("PAGE" in (instr.text or "").upper().split() for instr in element.iter(qn("w:instrText")))


def _check_page_numbers(doc: DocxDocument) -> RuleResult:
    title = "Page numbers centred at the top, not on page 1"
    section = doc.sections[0]
    header = section.header
    if header.is_linked_to_previous or not _has_page_field(header):
        return RuleResult("page_numbers", title, False, "no PAGE field in the page header")
    if not section.different_first_page_header_footer:
        return RuleResult("page_numbers", title, False, "page 1 shows a number (no different first page)")
    if not section.first_page_header.is_linked_to_previous and _has_page_field(section.first_page_header):
        return RuleResult("page_numbers", title, False, "the first page's header has a PAGE field")
    centred = any(
        _has_page_field_paragraph(p) and _alignment(p) == WD_ALIGN_PARAGRAPH.CENTER for p in header.paragraphs
    )
    if not centred:
        return RuleResult("page_numbers", title, False, "the page number is not centred")
    for index, later in enumerate(doc.sections[1:], start=2):
        restart = later._sectPr.find(qn("w:pgNumType"))
        if restart is not None and restart.get(qn("w:start")) is not None:
            return RuleResult("page_numbers", title, False, f"section {index} starts its page numbers again")
        if not later.header.is_linked_to_previous and not _has_page_field(later.header):
            return RuleResult("page_numbers", title, False, f"section {index} has no PAGE field in its header")
        first = later.first_page_header
        if later.different_first_page_header_footer and (first.is_linked_to_previous or not _has_page_field(first)):
            return RuleResult("page_numbers", title, False, f"the first page of section {index} shows no number")
    return RuleResult("page_numbers", title, True, "PAGE field centred in the header from page 2")


def _has_page_field_paragraph(paragraph: Paragraph) -> bool:
    element = paragraph._p
    if any("PAGE" in (s.get(qn("w:instr")) or "").upper().split() for s in element.iter(qn("w:fldSimple"))):
        return True
    return any("PAGE" in (i.text or "").upper().split() for i in element.iter(qn("w:instrText")))


def check_docx(path: Path) -> FormatReport:
    """Check a Word file against Decree 30; DocxUnreadable when it is not one."""
    try:
        doc = open_docx(str(path))
    except (OSError, ValueError, KeyError, zipfile.BadZipFile) as error:
        raise DocxUnreadable(path=str(path)) from error
    except Exception as error:  # python-docx raises its own PackageNotFoundError and lxml errors
        raise DocxUnreadable(path=str(path)) from error
    results = [
        _check_paper(doc),
        _check_margins(doc),
        *_check_fonts(doc),
        *_check_header_blocks(doc),
        _check_page_numbers(doc),
    ]
    return FormatReport(str(path), tuple(results))
