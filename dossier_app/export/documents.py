"""Builders of the dossier's documents (Tờ trình, Đề án, the attachments appendix) from plain inputs."""

import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date

from dossier_app.export.format_rules import Align, number_line, place_date_line, roman
from dossier_app.export.markdown_blocks import parse_blocks
from dossier_app.export.plan import (
    Addressees,
    AppendixHeader,
    Block,
    CoverPage,
    Document,
    DocumentSettings,
    HeaderBlock,
    Heading,
    LegalBases,
    ListBlock,
    PageBreak,
    Paragraph,
    Run,
    SignatureBlock,
    Table,
    TableOfContents,
    Title,
    plain,
)
from dossier_app.export.templates import wording_of

_PLACE_MARKERS = (" THÀNH PHỐ ", " TỈNH ", " QUẬN ", " HUYỆN ", " PHƯỜNG ", " XÃ ")


@dataclass(frozen=True)
class SectionText:
    """A section of the outline with the Markdown written for it (draft or approved) and its sub-sections."""

    title: str
    body: str
    key: str | None = None
    required: bool = False
    children: tuple["SectionText", ...] = ()

    def has_text(self) -> bool:
        """Whether this section or one below it has any text."""
        return bool(self.body.strip()) or any(child.has_text() for child in self.children)


@dataclass(frozen=True)
class Letterhead:
    """Who issues the document, when, under which number, and who signs it."""

    governing_body: str
    issuing_body: str
    issued_on: date
    place: str = ""
    number: int | None = None
    signer_title: str = ""
    signer_name: str = ""

    @property
    def issuer_symbol(self) -> str:
        """The issuing body's abbreviation in the number: ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ → UBND."""
        return issuer_symbol(self.issuing_body)

    @property
    def place_name(self) -> str:
        """The place in the date line: given, or the place named in the issuing body."""
        return self.place or place_of(self.issuing_body)


@dataclass(frozen=True)
class LetterContent:
    """What the Tờ trình says beyond its sections: subject, addressees, recipients."""

    subject: str
    addressees: tuple[str, ...]
    recipients: tuple[str, ...]
    symbol: str = "TTr"
    legal_bases_key: str = "tt.can_cu_phap_ly"


@dataclass(frozen=True)
class AttachmentLine:
    """A file of the package as Appendix IV lists it."""

    name: str
    section: str
    size: int
    sha256: str


@dataclass(frozen=True)
class SchemeContent:
    """What the Đề án says beyond its sections."""

    subject: str
    symbol: str = "ĐA"
    intro_keys: tuple[str, ...] = field(default=("da.0_mo_dau",))


def _ascii_upper(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).upper()


def _body_without_place(issuing_body: str) -> str:
    padded = f" {issuing_body.strip().upper()} "
    cut = min((padded.find(marker) for marker in _PLACE_MARKERS if marker in padded), default=len(padded))
    return padded[:cut].strip()


def issuer_symbol(issuing_body: str) -> str:
    """Initials of the issuing body without its place and without 'và': Sở Khoa học và Công nghệ → SKHCN."""
    words = [word for word in _body_without_place(issuing_body).split() if word not in ("VÀ", "-")]
    return "".join(_ascii_upper(word[0]) for word in words) or "UBND"


def place_of(issuing_body: str) -> str:
    """The place an issuing body names (ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ → Cần Thơ)."""
    upper = f" {issuing_body.strip().upper()} "
    for marker in _PLACE_MARKERS:
        if marker in upper:
            return upper.split(marker, 1)[1].strip().title()
    return ""


def body_in_sentence(issuing_body: str) -> str:
    """An issuing body as a sentence names it: Ủy ban nhân dân thành phố Cần Thơ."""
    upper = f" {issuing_body.strip().upper()} "
    for marker in _PLACE_MARKERS:
        if marker in upper:
            body, place = upper.split(marker, 1)
            return f"{body.strip().capitalize()} {marker.strip().lower()} {place.strip().title()}"
    return issuing_body.strip().capitalize()


def signature_authority(
    issuing_body: str, signer_title: str, settings: DocumentSettings | None = None
) -> tuple[str, ...]:
    """The lines above the signer: for a people's committee the template's collective line ('TM. ỦY BAN NHÂN DÂN'),
    then the signer's title lines."""
    lines = [line.strip().upper() for line in signer_title.splitlines() if line.strip()]
    collective = _body_without_place(issuing_body)
    signs_as_collective = collective if collective.startswith("ỦY BAN NHÂN DÂN") else ""
    return wording_of(settings).signer_lines(signs_as_collective, lines)


def _header(letterhead: Letterhead, symbol: str) -> HeaderBlock:
    return HeaderBlock(
        governing_body=letterhead.governing_body.upper(),
        issuing_body=letterhead.issuing_body.upper(),
        number=number_line(letterhead.number, f"{symbol}-{letterhead.issuer_symbol}"),
        place_date=place_date_line(letterhead.place_name, letterhead.issued_on),
    )


def _walk_blocks(section: SectionText, level: int, numbering: str) -> Iterator[Block]:
    yield Heading(level=level, text=section.title, numbering=numbering)
    yield from parse_blocks(section.body, heading_offset=level)
    index = 0
    for child in section.children:
        if not (child.required or child.has_text()):
            continue
        index += 1
        child_number = f"{numbering}.{index}" if level >= 2 and numbering else str(index)
        yield from _walk_blocks(child, level + 1, child_number)


def _shown(sections: Sequence[SectionText]) -> list[SectionText]:
    """Required sections always (an empty one shows where text is missing), optional ones only with text."""
    return [section for section in sections if section.required or section.has_text()]


def _legal_bases(section: SectionText) -> Iterator[Block]:
    """The legal-bases section: its list items become the italic 'Căn cứ' lines, punctuated as the decree asks."""
    lines: list[str] = []
    for block in parse_blocks(section.body, heading_offset=1):
        if isinstance(block, ListBlock):
            lines.extend(plain(item.runs).strip().rstrip(";.").strip() for item in block.items)
            continue
        if lines:
            yield _bases(lines)
            lines = []
        yield block
    if lines:
        yield _bases(lines)


def _bases(lines: list[str]) -> LegalBases:
    kept = [line for line in lines if line]
    return LegalBases(tuple(f"{line}{'.' if i == len(kept) - 1 else ';'}" for i, line in enumerate(kept)))


def build_to_trinh(
    letterhead: Letterhead, content: LetterContent, sections: Sequence[SectionText], settings: DocumentSettings
) -> Document:
    """The Tờ trình: header, type and subject, 'Kính gửi', its parts I, II, … and recipients beside the signature."""
    blocks: list[Block] = [
        _header(letterhead, content.symbol),
        Title("TỜ TRÌNH", content.subject),
        Addressees(content.addressees),
    ]
    for index, section in enumerate(_shown(sections), start=1):
        if section.key == content.legal_bases_key:
            blocks.append(Heading(level=1, text=section.title, numbering=roman(index)))
            blocks.extend(_legal_bases(section))
            continue
        first, *rest = _walk_blocks(section, 1, roman(index))
        blocks.append(first)
        blocks.extend(rest)
    blocks.append(
        SignatureBlock(
            recipients=content.recipients,
            authority=signature_authority(letterhead.issuing_body, letterhead.signer_title, settings),
            name=letterhead.signer_name,
        )
    )
    return Document(name="To_trinh", title=f"Tờ trình {content.subject}", settings=settings, blocks=tuple(blocks))


def build_de_an(
    letterhead: Letterhead, content: SchemeContent, sections: Sequence[SectionText], settings: DocumentSettings
) -> Document:
    """The Đề án: cover, contents, an introduction without a number, then chapters I, II, … with their sections."""
    blocks: list[Block] = [
        CoverPage(
            governing_body=letterhead.governing_body.upper(),
            issuing_body=letterhead.issuing_body.upper(),
            doc_type="ĐỀ ÁN",
            subject=content.subject,
            place_year=f"{letterhead.place_name}, năm {letterhead.issued_on.year}",
        ),
        PageBreak(),
        TableOfContents(),
        PageBreak(),
        _header(letterhead, content.symbol),
        Title("ĐỀ ÁN", content.subject),
    ]
    chapter = 0
    for section in _shown(sections):
        walked = list(_walk_blocks(section, 1, ""))
        if section.key in content.intro_keys:
            numbering = ""
        else:
            chapter += 1
            numbering = f"Chương {roman(chapter)}"
        blocks.append(Heading(level=1, text=section.title, numbering=numbering, chapter=True))
        blocks.extend(walked[1:])
    return Document(name="De_an", title=f"Đề án {content.subject}", settings=settings, blocks=tuple(blocks))


def appendix_note(letterhead: Letterhead, letter_symbol: str) -> str:
    """The italic line under an appendix's title naming the Tờ trình it goes with (Decree 30, Mẫu 2.1)."""
    number = number_line(letterhead.number, f"{letter_symbol}-{letterhead.issuer_symbol}").removeprefix("Số: ").strip()
    return (
        f"(Kèm theo Tờ trình số {number} ngày {letterhead.issued_on:%d/%m/%Y} "
        f"của {body_in_sentence(letterhead.issuing_body)})"
    )


def build_attachments_appendix(
    letterhead: Letterhead, letter_symbol: str, attachments: Sequence[AttachmentLine], settings: DocumentSettings
) -> Document:
    """Appendix IV: every attached file with its section, size and SHA-256, so the receiver can check each copy."""
    note = appendix_note(letterhead, letter_symbol)

    def cell(text: str) -> tuple[Run, ...]:
        return (Run(text),)

    rows = tuple(
        (
            cell(str(index)),
            cell(line.name),
            cell(line.section),
            cell(f"{line.size:,}".replace(",", ".")),
            cell(line.sha256),
        )
        for index, line in enumerate(attachments, start=1)
    )
    header = tuple(cell(text) for text in ("STT", "Tên tệp", "Thuộc mục", "Dung lượng (byte)", "Mã SHA-256"))
    label, title = wording_of(settings).head("Phu_luc_IV")
    blocks: list[Block] = [AppendixHeader(label, title, note)]
    if rows:
        blocks.append(Table(header=header, rows=rows, align=(Align.CENTER, Align.LEFT, Align.LEFT, Align.RIGHT)))
    else:
        blocks.append(Paragraph((Run("Không có tài liệu kèm theo."),)))
    return Document(
        name="Phu_luc_IV", title="Phụ lục IV - Danh mục tài liệu kèm theo", settings=settings, blocks=tuple(blocks)
    )


__all__ = [
    "AttachmentLine",
    "LetterContent",
    "Letterhead",
    "SchemeContent",
    "SectionText",
    "appendix_note",
    "body_in_sentence",
    "build_attachments_appendix",
    "build_de_an",
    "build_to_trinh",
    "issuer_symbol",
    "place_of",
    "signature_authority",
]
