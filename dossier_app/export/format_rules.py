"""Decree 30/2020/NĐ-CP Appendix I as data: both writers and check-format read the layout from here only."""

import unicodedata
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import lru_cache

from dossier_app.domain.errors import QT_TRANSLATE_NOOP, ValidationFailed

PAPER_WIDTH_MM = 210.0
PAPER_HEIGHT_MM = 297.0
PAPER_TOLERANCE_MM = 1.0

FONT_NAME = "Times New Roman"  # named in the DOCX; the PDF embeds the metric-compatible Liberation Serif
PDF_FONT_FAMILY = "LiberationSerif"
FONT_FILES = {
    "regular": "LiberationSerif-Regular.ttf",
    "bold": "LiberationSerif-Bold.ttf",
    "italic": "LiberationSerif-Italic.ttf",
    "bold_italic": "LiberationSerif-BoldItalic.ttf",
}

BODY_SIZE_PT = 14.0
BODY_SIZE_RANGE_PT = (13.0, 14.0)
FIRST_LINE_INDENT_MM = 12.7
SPACE_AFTER_PT = 6.0
LINE_SPACING_RANGE = (1.0, 1.5)
DEFAULT_LINE_SPACING = 1.0
PAGE_NUMBER_SIZE_PT = 14.0
TABLE_SIZE_PT = 13.0
LIST_INDENT_MM = 6.35

NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
NUMBER_PREFIX = "Số:"
ADDRESSEES_LABEL = "Kính gửi:"
RECIPIENTS_LABEL = "Nơi nhận:"
TOC_TITLE = "MỤC LỤC"
TOC_INDENT_MM = 8.0  # each level of the table of contents further in than the one above
DRAFT_MARK = "DỰ THẢO"

# The two columns of the header and of the recipients/signature block, in mm of the 165 mm text width.
HEADER_COLUMNS_MM = (62.0, 103.0)
SIGNATURE_COLUMNS_MM = (75.0, 90.0)
# Short rules: under the issuing body a third of its column, under the motto as long as the motto.
ISSUER_RULE_FRACTION = 0.4
MOTTO_RULE_MM = 62.0
SUBJECT_RULE_MM = 30.0


@dataclass(frozen=True)
class MarginRange:
    """A margin's default and the range the decree allows, in millimetres."""

    default: float
    low: float
    high: float

    def allows(self, value_mm: float, tolerance_mm: float = 0.3) -> bool:
        """True when `value_mm` lies in the decree's range (Word rounds margins to twips)."""
        return self.low - tolerance_mm <= value_mm <= self.high + tolerance_mm


MARGIN_RULES: dict[str, MarginRange] = {
    "top": MarginRange(20.0, 20.0, 25.0),
    "bottom": MarginRange(20.0, 20.0, 25.0),
    "left": MarginRange(30.0, 30.0, 35.0),
    "right": MarginRange(15.0, 15.0, 20.0),
}

MARGIN_SIDE_NAMES = {  # message words, translated with the message they go into
    "top": QT_TRANSLATE_NOOP("Errors", "top"),
    "bottom": QT_TRANSLATE_NOOP("Errors", "bottom"),
    "left": QT_TRANSLATE_NOOP("Errors", "left"),
    "right": QT_TRANSLATE_NOOP("Errors", "right"),
}


@dataclass(frozen=True)
class Margins:
    """Page margins in millimetres; only values inside the decree's ranges can be built."""

    top: float = MARGIN_RULES["top"].default
    bottom: float = MARGIN_RULES["bottom"].default
    left: float = MARGIN_RULES["left"].default
    right: float = MARGIN_RULES["right"].default

    def __post_init__(self) -> None:
        for side, rule in MARGIN_RULES.items():
            value = float(getattr(self, side))
            if not rule.allows(value, 0.0):
                raise ValidationFailed(
                    QT_TRANSLATE_NOOP("Errors", "The {side} margin must be {low} to {high} mm (Decree 30)."),
                    field=side,
                    side=MARGIN_SIDE_NAMES[side],
                    low=f"{rule.low:g}",
                    high=f"{rule.high:g}",
                )

    @property
    def text_width_mm(self) -> float:
        """The width the text runs in."""
        return PAPER_WIDTH_MM - self.left - self.right


def check_line_spacing(value: float) -> float:
    """The line spacing if the decree allows it (single to 1.5 lines)."""
    low, high = LINE_SPACING_RANGE
    if not low <= value <= high:
        raise ValidationFailed(
            QT_TRANSLATE_NOOP("Errors", "The line spacing must be from single to one and a half lines (Decree 30)."),
            field="line_spacing",
        )
    return value


class Align(StrEnum):
    """Paragraph alignment, named as both writers understand it."""

    LEFT = "left"
    CENTER = "center"
    RIGHT = "right"
    JUSTIFY = "justify"


@dataclass(frozen=True)
class TextStyle:
    """How one kind of line looks: the decree's size, weight, case and spacing."""

    size_pt: float
    bold: bool = False
    italic: bool = False
    upper: bool = False
    align: Align = Align.CENTER
    space_before_pt: float = 0.0
    space_after_pt: float = 0.0
    first_line_indent_mm: float = 0.0
    keep_with_next: bool = False
    spaced: bool = False  # follows the document's line spacing (body text) instead of single


class Role(StrEnum):
    """Every kind of line a document plan produces; the key into STYLES."""

    BODY = "body"
    GOVERNING_BODY = "governing_body"
    ISSUING_BODY = "issuing_body"
    NUMBER = "number"
    NATIONAL_TITLE = "national_title"
    MOTTO = "motto"
    PLACE_DATE = "place_date"
    DOC_TYPE = "doc_type"
    SUBJECT = "subject"
    ADDRESSEES = "addressees"
    LEGAL_BASIS = "legal_basis"
    CHAPTER_LABEL = "chapter_label"
    CHAPTER_TITLE = "chapter_title"
    HEADING_1 = "heading_1"
    HEADING_2 = "heading_2"
    HEADING_3 = "heading_3"
    HEADING_4 = "heading_4"
    LIST_ITEM = "list_item"
    TABLE_CELL = "table_cell"
    TABLE_HEADER = "table_header"
    RECIPIENTS_LABEL = "recipients_label"
    RECIPIENTS = "recipients"
    SIGN_AUTHORITY = "sign_authority"
    SIGNER_NAME = "signer_name"
    COVER_BODY = "cover_body"
    COVER_TYPE = "cover_type"
    COVER_SUBJECT = "cover_subject"
    COVER_PLACE = "cover_place"
    TOC_TITLE = "toc_title"
    TOC_ENTRY = "toc_entry"
    APPENDIX_LABEL = "appendix_label"
    APPENDIX_NOTE = "appendix_note"
    CAPTION = "caption"


_BODY_INDENT = FIRST_LINE_INDENT_MM

STYLES: dict[Role, TextStyle] = {
    Role.BODY: TextStyle(
        BODY_SIZE_PT, align=Align.JUSTIFY, space_after_pt=SPACE_AFTER_PT, first_line_indent_mm=_BODY_INDENT, spaced=True
    ),
    Role.GOVERNING_BODY: TextStyle(13.0, upper=True),
    Role.ISSUING_BODY: TextStyle(13.0, bold=True, upper=True),
    Role.NUMBER: TextStyle(13.0, space_before_pt=6.0),
    Role.NATIONAL_TITLE: TextStyle(13.0, bold=True, upper=True),
    Role.MOTTO: TextStyle(14.0, bold=True),
    Role.PLACE_DATE: TextStyle(14.0, italic=True, space_before_pt=6.0),
    Role.DOC_TYPE: TextStyle(14.0, bold=True, upper=True, space_before_pt=18.0, keep_with_next=True),
    Role.SUBJECT: TextStyle(14.0, bold=True, keep_with_next=True),
    Role.ADDRESSEES: TextStyle(14.0, space_before_pt=12.0, space_after_pt=12.0),
    Role.LEGAL_BASIS: TextStyle(
        BODY_SIZE_PT,
        italic=True,
        align=Align.JUSTIFY,
        space_after_pt=SPACE_AFTER_PT,
        first_line_indent_mm=_BODY_INDENT,
        spaced=True,
    ),
    Role.CHAPTER_LABEL: TextStyle(14.0, bold=True, space_before_pt=12.0, keep_with_next=True),
    Role.CHAPTER_TITLE: TextStyle(14.0, bold=True, upper=True, space_after_pt=12.0, keep_with_next=True),
    Role.HEADING_1: TextStyle(
        14.0,
        bold=True,
        upper=True,
        align=Align.JUSTIFY,
        space_before_pt=6.0,
        space_after_pt=SPACE_AFTER_PT,
        first_line_indent_mm=_BODY_INDENT,
        keep_with_next=True,
    ),
    Role.HEADING_2: TextStyle(
        14.0,
        bold=True,
        align=Align.JUSTIFY,
        space_before_pt=6.0,
        space_after_pt=SPACE_AFTER_PT,
        first_line_indent_mm=_BODY_INDENT,
        keep_with_next=True,
    ),
    Role.HEADING_3: TextStyle(
        14.0,
        bold=True,
        italic=True,
        align=Align.JUSTIFY,
        space_after_pt=SPACE_AFTER_PT,
        first_line_indent_mm=_BODY_INDENT,
        keep_with_next=True,
    ),
    Role.HEADING_4: TextStyle(
        14.0,
        italic=True,
        align=Align.JUSTIFY,
        space_after_pt=SPACE_AFTER_PT,
        first_line_indent_mm=_BODY_INDENT,
        keep_with_next=True,
    ),
    Role.LIST_ITEM: TextStyle(
        BODY_SIZE_PT, align=Align.JUSTIFY, space_after_pt=SPACE_AFTER_PT, first_line_indent_mm=_BODY_INDENT, spaced=True
    ),
    Role.TABLE_CELL: TextStyle(TABLE_SIZE_PT, align=Align.LEFT, space_before_pt=2.0, space_after_pt=2.0),
    Role.TABLE_HEADER: TextStyle(TABLE_SIZE_PT, bold=True, space_before_pt=2.0, space_after_pt=2.0),
    Role.RECIPIENTS_LABEL: TextStyle(12.0, bold=True, italic=True, align=Align.LEFT, space_before_pt=12.0),
    Role.RECIPIENTS: TextStyle(11.0, align=Align.LEFT),
    Role.SIGN_AUTHORITY: TextStyle(14.0, bold=True, upper=True, space_before_pt=12.0),
    Role.SIGNER_NAME: TextStyle(14.0, bold=True, space_before_pt=60.0),
    Role.COVER_BODY: TextStyle(14.0, bold=True, upper=True),
    Role.COVER_TYPE: TextStyle(20.0, bold=True, upper=True, space_before_pt=150.0, space_after_pt=12.0),
    Role.COVER_SUBJECT: TextStyle(16.0, bold=True, upper=True),
    Role.COVER_PLACE: TextStyle(14.0, bold=True, space_before_pt=200.0),
    Role.TOC_TITLE: TextStyle(14.0, bold=True, upper=True, space_after_pt=12.0),
    Role.TOC_ENTRY: TextStyle(13.0, align=Align.LEFT, space_after_pt=3.0),
    Role.APPENDIX_LABEL: TextStyle(14.0, bold=True),
    Role.APPENDIX_NOTE: TextStyle(14.0, italic=True, space_after_pt=12.0),
    Role.CAPTION: TextStyle(13.0, italic=True, space_after_pt=SPACE_AFTER_PT),
}

HEADING_ROLES: dict[int, Role] = {1: Role.HEADING_1, 2: Role.HEADING_2, 3: Role.HEADING_3, 4: Role.HEADING_4}


def heading_role(level: int) -> Role:
    """The style of a heading level; deeper levels look like the deepest one."""
    return HEADING_ROLES[min(max(level, 1), max(HEADING_ROLES))]


def roman(number: int) -> str:
    """Roman numerals for parts and chapters (I, II, … XX)."""
    values = ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    out = []
    for value, letters in values:
        while number >= value:
            out.append(letters)
            number -= value
    return "".join(out)


POINT_LETTERS = "abcdđeghiklmnopqrstuvxy"  # the decree's points: a), b), c), d), đ), e), g), …


def point_label(index: int) -> str:
    """The label of the n-th point (0-based): a), b), … đ) …, as Vietnamese documents letter them."""
    return f"{POINT_LETTERS[index % len(POINT_LETTERS)]})"


def place_date_line(place: str, day: date) -> str:
    """`Cần Thơ, ngày 05 tháng 3 năm 2026`: days below 10 and months 1-2 zero-padded."""
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"{place}, ngày {day.day:02d} tháng {month} năm {day.year}"


def number_line(number: int | None, symbol: str) -> str:
    """`Số: 05/TTr-UBND`; without a number yet the space is left for the clerk to fill in."""
    shown = f"{number:02d}" if number is not None else "\u00a0" * 8  # no-break spaces: writers keep them
    return f"{NUMBER_PREFIX} {shown}/{symbol}"


def list_label(ordered: bool, index: int, depth: int) -> str:
    """The label of a list item: dashes and pluses for bullets; 1., 2. then a), b) for numbered lists."""
    if not ordered:
        return "-" if depth % 2 == 0 else "+"
    return f"{index}." if depth % 2 == 0 else point_label(index - 1)


def cased(role: Role, text: str) -> str:
    """The text as its style sets it (upper-case roles are upper-cased here, not in the plan)."""
    return text.upper() if STYLES[role].upper else text


CHAR_WIDTH_MM = 2.6  # a 13 pt Times character, on average, for sizing table columns
CELL_PADDING_MM = 4.5  # the writers' cell padding (Word 2 × 1.9 mm, reportlab 2 × 6 pt) and a little air
_PT_MM = 25.4 / 72


@lru_cache(maxsize=8192)
def word_width_mm(word: str, size_pt: float = TABLE_SIZE_PT) -> float:
    """How wide a word prints in bold Times (Liberation Serif has the same metrics), diacritics aside: dates and
    numbers are narrower than the average character, capitals wider."""
    from reportlab.pdfbase.pdfmetrics import stringWidth  # the standard Times metrics ship with reportlab

    decomposed = unicodedata.normalize("NFD", word.replace("Đ", "D").replace("đ", "d"))
    bare = "".join(ch if ord(ch) < 256 else "n" for ch in decomposed if not unicodedata.combining(ch))
    horns = decomposed.count("\u031b") * 0.08 * size_pt  # ơ and ư are wider than o and u
    return (float(stringWidth(bare, "Times-Bold", size_pt)) + horns) * _PT_MM


def narrowest_columns(texts: list[list[str]], total_mm: float) -> list[float]:
    """Each column's width in mm when no word in it is broken (up to 45 % of `total_mm`): a table's natural width."""
    count = max((len(row) for row in texts), default=0)
    columns = [[row[i] for row in texts if i < len(row)] for i in range(count)]
    return [
        min(
            max((word_width_mm(word) for word in {w for text in column for w in text.split()}), default=CHAR_WIDTH_MM)
            + CELL_PADDING_MM,
            total_mm * 0.45,
        )
        for column in columns
    ]


def column_widths(texts: list[list[str]], total_mm: float) -> list[float]:
    """Table column widths in mm: each wide enough for its longest word (up to 45 % of the table), the rest shared
    by the length of each column's longest text below the header row; when the words need more than the table,
    the narrow columns keep their width and the wide ones share the rest."""
    count = max((len(row) for row in texts), default=0)
    if count == 0:
        return []
    columns = [[row[i] for row in texts if i < len(row)] for i in range(count)]
    need = narrowest_columns(texts, total_mm)
    body = [column[1:] or column for column in columns]  # the header's words fit by `need`; the rows share the rest
    weight = [max((min(len(text), 60) for text in column), default=1) + 1 for column in body]
    spare = total_mm - sum(need)
    if spare <= 0:  # short columns keep their words whole; the columns of longer words share what is left equally
        widths = list(need)
        left = total_mm
        for done, column in enumerate(sorted(range(count), key=lambda i: need[i])):
            widths[column] = min(need[column], left / (count - done))
            left -= widths[column]
        return widths
    return [width + spare * share / sum(weight) for width, share in zip(need, weight, strict=True)]


def heading_text(numbering: str, text: str) -> str:
    """A heading's label and title on one line: 'I. CĂN CỨ PHÁP LÝ', '1.2. Mục tiêu'."""
    return f"{numbering}. {text}" if numbering else text
