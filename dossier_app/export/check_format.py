"""Decree 30 conformance of any Word file, ours or one written by hand or by another program: each rule passes or
fails with a reason, judged on the formatting Word would show (word_formatting)."""

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from xml.etree.ElementTree import Element

from dossier_app.export import format_rules as rules
from dossier_app.export.word_formatting import (
    Levels,
    StyleSheet,
    alignment,
    first_value,
    font_family,
    is_hidden,
    is_on,
    paragraph_levels,
    paragraph_text,
    points,
    run_font,
    run_levels,
    run_size,
    run_text,
    runs,
)
from dossier_app.export.word_package import (
    MC,
    DocxPartUnreadable,
    DocxUnreadable,
    R,
    WordPackage,
    read_word_package,
    w,
)

__all__ = ["DocxPartUnreadable", "DocxUnreadable", "FormatReport", "RuleResult", "check_docx"]


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


@dataclass(frozen=True)
class _Document:
    """The package with its style sheet, and the body's paragraphs and sections found once."""

    package: WordPackage
    sheet: StyleSheet
    paragraphs: tuple[tuple[Element, str | None], ...]  # each body paragraph, with its table's style ('' for the
    # default table style) when it sits in a table, None outside tables
    sections: tuple[Element, ...]
    tables: tuple[int, ...]  # how many top-level tables each section holds

    @classmethod
    def read(cls, package: WordPackage) -> "_Document":
        body = package.document.find(w("body"))
        body = body if body is not None else Element(w("body"))
        sections: list[Element] = []
        tables = [0]
        for child in body:
            if child.tag == w("tbl"):
                tables[-1] += 1
            found = child.find(f"{w('pPr')}/{w('sectPr')}") if child.tag == w("p") else None
            if found is not None:
                sections.append(found)
                tables.append(0)
        last = body.find(w("sectPr"))
        if last is not None:
            sections.append(last)
        sheet = StyleSheet(package.styles, package.theme)
        return cls(package, sheet, tuple(_paragraphs(body, None)), tuple(sections), tuple(tables))


_NOT_SHOWN = {w("del"), w("moveFrom"), f"{{{MC}}}Fallback", w("pPr"), w("rPr"), w("sectPr")}


def _paragraphs(element: Element, table_style: str | None) -> Iterator[tuple[Element, str | None]]:
    """Every paragraph under `element` in reading order (content controls, nested tables and text boxes too), with
    the style of the innermost table holding it; a loop, not recursion, however deep a file nests its elements."""
    stack = [(child, table_style) for child in reversed(list(element))]
    while stack:
        child, style = stack.pop()
        if child.tag == w("p"):
            yield child, style
        elif child.tag == w("tbl"):
            found = child.find(f"{w('tblPr')}/{w('tblStyle')}")
            style = (found.get(w("val")) or "") if found is not None else ""
        elif child.tag in _NOT_SHOWN:
            continue
        stack.extend((inner, style) for inner in reversed(list(child)))  # a text box's paragraphs inside a run too


def _paragraph_alignment(doc: _Document, paragraph: Element, table_style: str | None) -> str:
    return alignment(first_value(paragraph_levels(doc.sheet, paragraph, table_style).paragraph, "jc"))


def _mm(section: Element, tag: str, attribute: str) -> float | None:
    found = section.find(w(tag))
    value = points(found.get(w(attribute)), 0.05) if found is not None else None  # twips
    return value * 25.4 / 72 if value is not None else None


def _size(section: Element) -> tuple[float, float] | None:
    width, height = _mm(section, "pgSz", "w"), _mm(section, "pgSz", "h")
    return (width, height) if width is not None and height is not None else None


def _is_landscape(section: Element) -> bool:
    size = _size(section)
    return size is not None and abs(size[0] - rules.PAPER_HEIGHT_MM) <= 1 and abs(size[1] - rules.PAPER_WIDTH_MM) <= 1


def _check_paper(doc: _Document) -> RuleResult:
    """A4 portrait; a section in A4 landscape only when it holds a table (the decree's wide-table pages)."""
    title = "Paper A4 portrait"
    if not doc.sections:
        return RuleResult("paper", title, False, "the document sets no page size")
    for index, section in enumerate(doc.sections, start=1):
        size = _size(section)
        if size is None:
            return RuleResult("paper", title, False, f"section {index} sets no page size")
        width, height = size
        portrait = abs(width - rules.PAPER_WIDTH_MM) <= 1 and abs(height - rules.PAPER_HEIGHT_MM) <= 1
        if _is_landscape(section) and not (doc.tables[index - 1] if index <= len(doc.tables) else 0):
            reason = f"section {index} is landscape without a table (landscape is for wide-table pages)"
            return RuleResult("paper", title, False, reason)
        if not (portrait or _is_landscape(section)):
            return RuleResult("paper", title, False, f"section {index} is {width:.0f} x {height:.0f} mm")
    turned = sum(1 for section in doc.sections if _is_landscape(section))
    shown = f"210 x 297 mm; {turned} landscape section(s) of wide tables" if turned else "210 x 297 mm"
    return RuleResult("paper", title, True, shown)


# A landscape page is bound by its top edge: its margins are the portrait ones turned a quarter with the paper.
_TURNED_SIDES = {"top": "left", "bottom": "right", "left": "bottom", "right": "top"}


def _margin_breach(section: Element, sides: dict[str, str]) -> str:
    """The first margin outside its range, each side measured against the rule of `sides[side]`; '' if none."""
    for side, rule_side in sides.items():
        length = _mm(section, "pgMar", side)
        rule = rules.MARGIN_RULES[rule_side]
        if length is None:
            return f"{side} unset, allowed {rule.low:g}-{rule.high:g} mm"
        if not rule.allows(length):
            return f"{side} {length:.1f} mm, allowed {rule.low:g}-{rule.high:g} mm"
    return ""


def _check_margins(doc: _Document) -> RuleResult:
    """Each section's margins in the decree's ranges; landscape sections as turned with the paper or as seen."""
    title = "Margins within the decree's ranges"
    if not doc.sections:
        return RuleResult("margins", title, False, "the document sets no margins")
    for index, section in enumerate(doc.sections, start=1):
        breach = _margin_breach(section, {side: side for side in _TURNED_SIDES})
        if breach and _is_landscape(section) and not _margin_breach(section, _TURNED_SIDES):
            breach = ""
        if breach:
            return RuleResult("margins", title, False, f"section {index}: {breach}")
    shown = ", ".join(f"{side} {_mm(doc.sections[0], 'pgMar', side) or 0:.0f}" for side in _TURNED_SIDES)
    return RuleResult("margins", title, True, f"{shown} mm")


def _slots(text: str) -> tuple[str, ...]:
    """The `w:rFonts` slots Word draws this text with: ascii for ASCII, hAnsi for other Latin (Vietnamese)."""
    shown = [ch for ch in text if not ch.isspace()]
    used = {"ascii": any(ord(ch) < 0x80 for ch in shown), "hAnsi": any(ord(ch) >= 0x80 for ch in shown)}
    return tuple(slot for slot, found in used.items() if found)


def _header_footer_paragraphs(doc: _Document) -> Iterator[tuple[Element, str | None]]:
    for part in (*doc.package.headers.values(), *doc.package.footers.values()):
        yield from _paragraphs(part, None)


def _check_fonts(doc: _Document) -> list[RuleResult]:
    """Every shown run in the family of Times New Roman; the body text (justified paragraphs outside tables, the
    decree's body) within 13-14 pt, each run by the size Word gives it."""
    font_title = f"Font {rules.FONT_NAME}"
    size_title = "Body text 13-14 pt"
    low, high = rules.BODY_SIZE_RANGE_PT
    wanted = font_family(rules.FONT_NAME)
    bad_font = bad_size = ""
    body_sizes: set[float] = set()
    in_body = {id(paragraph) for paragraph, _ in doc.paragraphs}
    for paragraph, table_style in (*doc.paragraphs, *_header_footer_paragraphs(doc)):
        inherited: Levels = paragraph_levels(doc.sheet, paragraph, table_style)
        body = (
            id(paragraph) in in_body
            and table_style is None
            and alignment(first_value(inherited.paragraph, "jc")) == "justify"
        )
        for run in runs(paragraph):
            text = run_text(run).strip()
            if not text:
                continue
            levels = run_levels(doc.sheet, run, inherited)
            if is_hidden(levels):
                continue
            for slot in _slots(text):
                name = run_font(doc.sheet, levels, slot)
                if font_family(name) != wanted and not bad_font:
                    bad_font = f"'{text[:30]}' is set in {name}"
            if body and not _is_marker(run, levels):
                size = run_size(levels)
                body_sizes.add(size)
                if not low <= size <= high and not bad_size:
                    bad_size = f"'{text[:30]}' is {size:g} pt"
    if not body_sizes:  # no body text yet: the size new text would have
        normal = run_size(tuple(_run_properties(doc.sheet.default_paragraph_style())) + _defaults(doc.sheet))
        body_sizes.add(normal)
        if not low <= normal <= high:
            bad_size = f"the Normal style is {normal:g} pt"
    shown = "-".join(f"{size:g}" for size in sorted({min(body_sizes), max(body_sizes)}))
    return [
        RuleResult("font", font_title, not bad_font, bad_font or f"every run is {rules.FONT_NAME}"),
        RuleResult("body_size", size_title, not bad_size, bad_size or f"body text {shown} pt"),
    ]


def _is_marker(run: Element, levels: tuple[Element, ...]) -> bool:
    """A raised or lowered run (a note's number, a unit's exponent) or a note reference: Word sets it smaller on
    purpose, so it is not body text."""
    if run.find(w("footnoteReference")) is not None or run.find(w("endnoteReference")) is not None:
        return True
    return first_value(levels, "vertAlign") in ("superscript", "subscript")


def _run_properties(styles: list[Element]) -> Iterator[Element]:
    for style in styles:
        found = style.find(w("rPr"))
        if found is not None:
            yield found


def _defaults(sheet: StyleSheet) -> tuple[Element, ...]:
    return (sheet.run_defaults,) if sheet.run_defaults is not None else ()


def _check_header_blocks(doc: _Document) -> list[RuleResult]:
    outside = [paragraph for paragraph, table in doc.paragraphs if table is None]
    inside = [paragraph for paragraph, table in doc.paragraphs if table is not None]
    texts = [" ".join(paragraph_text(paragraph).split()) for paragraph in (*outside, *inside)]
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


def _has_page_field(element: Element) -> bool:
    """A PAGE field in a part or a paragraph: a simple field, or the codes of a complex one (split runs joined)."""
    for simple in element.iter(w("fldSimple")):
        if "PAGE" in (simple.get(w("instr")) or "").upper().split():
            return True
    codes = "".join(instr.text or "" for instr in element.iter(w("instrText")))
    return "PAGE" in codes.upper().split()


def _header(doc: _Document, section: Element, kind: str) -> Element | None:
    """The header part a section names for its default or first page; None when it names none (linked)."""
    for reference in section.findall(w("headerReference")):
        if (reference.get(w("type")) or "default") == kind:
            return doc.package.headers.get(reference.get(f"{{{R}}}id") or "")
    return None


def _check_page_numbers(doc: _Document) -> RuleResult:
    title = "Page numbers centred at the top, not on page 1"
    if not doc.sections:
        return RuleResult("page_numbers", title, False, "no PAGE field in the page header")
    section = doc.sections[0]
    header = _header(doc, section, "default")
    if header is None or not _has_page_field(header):
        return RuleResult("page_numbers", title, False, "no PAGE field in the page header")
    if not is_on(section.find(w("titlePg"))):
        return RuleResult("page_numbers", title, False, "page 1 shows a number (no different first page)")
    first = _header(doc, section, "first")
    if first is not None and _has_page_field(first):
        return RuleResult("page_numbers", title, False, "the first page's header has a PAGE field")
    centred = any(
        _has_page_field(paragraph) and _paragraph_alignment(doc, paragraph, table) == "center"
        for paragraph, table in _paragraphs(header, None)
    )
    if not centred:
        return RuleResult("page_numbers", title, False, "the page number is not centred")
    for index, later in enumerate(doc.sections[1:], start=2):
        restart = later.find(w("pgNumType"))
        if restart is not None and restart.get(w("start")) is not None:
            return RuleResult("page_numbers", title, False, f"section {index} starts its page numbers again")
        own = _header(doc, later, "default")
        if any(ref.get(w("type"), "default") == "default" for ref in later.findall(w("headerReference"))) and (
            own is None or not _has_page_field(own)
        ):
            return RuleResult("page_numbers", title, False, f"section {index} has no PAGE field in its header")
        first = _header(doc, later, "first")
        if is_on(later.find(w("titlePg"))) and (first is None or not _has_page_field(first)):
            return RuleResult("page_numbers", title, False, f"the first page of section {index} shows no number")
    return RuleResult("page_numbers", title, True, "PAGE field centred in the header from page 2")


def check_docx(path: Path) -> FormatReport:
    """Check a Word file against Decree 30; DocxUnreadable (naming the part when one is broken) when it is not one."""
    doc = _Document.read(read_word_package(path))
    results = [
        _check_paper(doc),
        _check_margins(doc),
        *_check_fonts(doc),
        *_check_header_blocks(doc),
        _check_page_numbers(doc),
    ]
    return FormatReport(str(path), tuple(results))
