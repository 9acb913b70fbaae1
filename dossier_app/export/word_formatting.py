"""The formatting Word shows for a paragraph or a run: direct formatting, then the character, paragraph and table
styles through their `basedOn` chains, then the document defaults and the theme's fonts. Values no enum knows are
read as text, never raised."""

import re
from collections.abc import Iterator
from dataclasses import dataclass
from xml.etree.ElementTree import Element

from dossier_app.export.word_package import MC, A, w

# What Word uses when nothing in the file says: its built-in fallbacks.
WORD_FALLBACK_FONT = "Times New Roman"
WORD_FALLBACK_SIZE_PT = 10.0

_UNITS_PT = {"pt": 1.0, "pc": 12.0, "pi": 12.0, "in": 72.0, "mm": 72 / 25.4, "cm": 720 / 25.4}
_MEASURE = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*(mm|cm|in|pt|pc|pi)?\s*$")
_JUSTIFIED = {"both", "distribute", "thaiDistribute", "lowKashida", "mediumKashida", "highKashida"}
_ALIGNMENT = {"center": "center", "left": "left", "start": "left", "right": "right", "end": "right"}
_STYLE_DEPTH = 64  # no sane chain is longer; a longer one is a loop the cycle guard has not seen yet
# Words after a family name that name a face or an old Windows character set, not another family.
_FACE_WORDS = ("bold", "italic", "oblique", "regular", "normal", "ce", "cyr", "greek", "tur", "baltic", "psmt", "mt")


def points(value: str | None, unit_pt: float) -> float | None:
    """A measure in points: a number of `unit_pt` (half-points, twips) or a universal measure ('14pt', '20mm')."""
    match = _MEASURE.match(value or "")
    if match is None:
        return None
    number, unit = float(match.group(1)), match.group(2)
    return number * (_UNITS_PT[unit] if unit else unit_pt)


def is_on(element: Element | None) -> bool:
    """An ST_OnOff element: present and not switched off."""
    return element is not None and (element.get(w("val")) or "true").lower() not in ("0", "false", "off")


def font_family(name: str) -> str:
    """The family a font name belongs to: 'Times New Roman Bold' and 'TimesNewRomanPS-BoldMT' are Times New Roman."""
    key = re.sub(r"[\s_-]+", "", name.casefold())
    trimmed = True
    while trimmed:
        trimmed = False
        for word in _FACE_WORDS:
            if key.endswith(word) and len(key) > len(word) + 2:
                key, trimmed = key[: -len(word)], True
    return key.removesuffix("ps")


def alignment(value: str | None) -> str:
    """A `w:jc` value as justify, center, left or right; left when unset or unknown (Word's default)."""
    if value in _JUSTIFIED:
        return "justify"
    return _ALIGNMENT.get(value or "", "left")


@dataclass(frozen=True)
class ThemeFonts:
    """The theme's Latin fonts, by the names `w:asciiTheme` and `w:hAnsiTheme` give them."""

    major: str | None
    minor: str | None

    @classmethod
    def read(cls, theme: Element | None) -> "ThemeFonts":
        """The typefaces of `a:majorFont` and `a:minorFont`; None where the theme is absent or leaves them empty."""
        if theme is None:
            return cls(None, None)

        def latin(kind: str) -> str | None:
            found = theme.find(f".//{{{A}}}fontScheme/{{{A}}}{kind}/{{{A}}}latin")
            return (found.get("typeface") or None) if found is not None else None

        return cls(latin("majorFont"), latin("minorFont"))

    def font(self, theme_name: str) -> str | None:
        """The face a theme slot names ('minorHAnsi' -> the minor Latin font); None when unknown."""
        if theme_name.startswith("major") and theme_name.endswith(("Ascii", "HAnsi")):
            return self.major
        if theme_name.startswith("minor") and theme_name.endswith(("Ascii", "HAnsi")):
            return self.minor
        return None


class StyleSheet:
    """The styles part read once: styles by type and id, the defaults, the theme fonts."""

    def __init__(self, styles: Element | None, theme: Element | None) -> None:
        self._styles: dict[tuple[str, str], Element] = {}
        self._defaults: dict[str, str] = {}
        root = styles if styles is not None else Element(w("styles"))
        for style in root.iter(w("style")):
            kind, style_id = style.get(w("type")) or "paragraph", style.get(w("styleId")) or ""
            self._styles.setdefault((kind, style_id), style)
            if is_on_attr(style):
                self._defaults.setdefault(kind, style_id)
        self.run_defaults = root.find(f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}")
        self.paragraph_defaults = root.find(f"{w('docDefaults')}/{w('pPrDefault')}/{w('pPr')}")
        self.theme = ThemeFonts.read(theme)

    def chain(self, kind: str, style_id: str | None) -> list[Element]:
        """The style and those it is based on, nearest first; the type's default style for an unknown or absent id
        of a paragraph or table; a loop in `basedOn` ends the chain where it would repeat."""
        style = self._styles.get((kind, style_id or ""))
        if style is None and kind in ("paragraph", "table"):
            style = self._styles.get((kind, self._defaults.get(kind, "")))
        chain: list[Element] = []
        while style is not None and len(chain) < _STYLE_DEPTH and all(style is not seen for seen in chain):
            chain.append(style)
            based = style.find(w("basedOn"))
            style = self._styles.get((kind, based.get(w("val")) or "")) if based is not None else None
        return chain

    def default_paragraph_style(self) -> list[Element]:
        """The chain of the style a paragraph without one has (Normal)."""
        return self.chain("paragraph", None)


def is_on_attr(style: Element) -> bool:
    """A style's `w:default` attribute, an ST_OnOff."""
    return (style.get(w("default")) or "").lower() in ("1", "true", "on")


@dataclass(frozen=True)
class Levels:
    """The property elements that apply to one run or paragraph, the nearest first (direct formatting first)."""

    run: tuple[Element, ...]
    paragraph: tuple[Element, ...]


def paragraph_levels(sheet: StyleSheet, paragraph: Element, table_style: str | None) -> Levels:
    """Where a paragraph's own properties and its runs' inherited ones come from, in the order Word applies them."""
    ppr = paragraph.find(w("pPr"))
    style = ppr.find(w("pStyle")) if ppr is not None else None
    styles = sheet.chain("paragraph", style.get(w("val")) if style is not None else None)
    tables = sheet.chain("table", table_style) if table_style is not None else []
    run = [*_children(styles, "rPr"), *_children(tables, "rPr")]
    own = [ppr] if ppr is not None else []
    par = [*own, *_children(styles, "pPr"), *_children(tables, "pPr")]
    run += [sheet.run_defaults] if sheet.run_defaults is not None else []
    par += [sheet.paragraph_defaults] if sheet.paragraph_defaults is not None else []
    return Levels(tuple(run), tuple(par))


def run_levels(sheet: StyleSheet, run: Element, inherited: Levels) -> tuple[Element, ...]:
    """A run's properties: its own, its character style's chain, then what its paragraph passes down."""
    rpr = run.find(w("rPr"))
    if rpr is None:
        return inherited.run
    style = rpr.find(w("rStyle"))
    characters = sheet.chain("character", style.get(w("val"))) if style is not None else []
    return (rpr, *_children(characters, "rPr"), *inherited.run)


def _children(styles: list[Element], tag: str) -> list[Element]:
    return [found for style in styles if (found := style.find(w(tag))) is not None]


def first_value(levels: tuple[Element, ...], tag: str, attribute: str = "val") -> str | None:
    """The nearest level's value of a property; None when no level sets it."""
    for level in levels:
        found = level.find(w(tag))
        if found is not None and found.get(w(attribute)) is not None:
            return found.get(w(attribute))
    return None


def run_font(sheet: StyleSheet, levels: tuple[Element, ...], slot: str) -> str:
    """The font of one `w:rFonts` slot (ascii for ASCII letters, hAnsi for the rest of Latin, Vietnamese included):
    the nearest level that names it, a theme slot through the theme, Word's fallback when none does."""
    for level in levels:
        fonts = level.find(w("rFonts"))
        if fonts is None:
            continue
        theme = fonts.get(w(f"{slot}Theme"))
        explicit = fonts.get(w(slot))
        if theme:
            return sheet.theme.font(theme) or explicit or f"theme font {theme}"
        if explicit:
            return explicit
    return WORD_FALLBACK_FONT


def run_size(levels: tuple[Element, ...]) -> float:
    """The run's size in points (`w:sz` is in half-points); Word's 10 pt when nothing sets it."""
    for level in levels:
        found = level.find(w("sz"))
        size = points(found.get(w("val")), 0.5) if found is not None else None
        if size is not None and size > 0:
            return size
    return WORD_FALLBACK_SIZE_PT


def is_hidden(levels: tuple[Element, ...]) -> bool:
    """Hidden text (`w:vanish`), which Word does not show."""
    for level in levels:
        found = level.find(w("vanish"))
        if found is not None:
            return is_on(found)
    return False


_SKIPPED = {w("pPr"), w("rPr"), w("del"), w("moveFrom"), f"{{{MC}}}Fallback", w("p")}


def runs(paragraph: Element) -> Iterator[Element]:
    """The runs Word shows in a paragraph, in hyperlinks, fields, insertions and content controls too; not deleted
    text, not a drawing's fallback, not the paragraphs of a text box inside it (they are paragraphs of their own)."""
    stack = list(reversed(list(paragraph)))
    while stack:
        element = stack.pop()
        if element.tag == w("r"):
            yield element
        elif element.tag not in _SKIPPED:
            stack.extend(reversed(list(element)))


def run_text(run: Element) -> str:
    """The text a run shows (`w:t`, tabs and breaks), not field codes or deleted text."""
    parts = []
    for child in run:
        if child.tag == w("t"):
            parts.append(child.text or "")
        elif child.tag in (w("tab"), w("ptab")):
            parts.append("\t")
        elif child.tag in (w("br"), w("cr")):
            parts.append("\n")
        elif child.tag == w("noBreakHyphen"):
            parts.append("-")
    return "".join(parts)


def paragraph_text(paragraph: Element) -> str:
    """The paragraph's shown text."""
    return "".join(run_text(run) for run in runs(paragraph))
