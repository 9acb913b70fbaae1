"""The comment register (bảng tổng hợp, tiếp thu, giải trình ý kiến) as a Decree 30 document sent with the Tờ trình."""

from collections.abc import Sequence

from dossier_app.domain.comment_register import STATE_LABELS_VI, RegisterRow
from dossier_app.export.appendix_conditions import letter_note
from dossier_app.export.documents import Letterhead, signature_authority
from dossier_app.export.format_rules import Align, number_line, place_date_line
from dossier_app.export.plan import (
    Block,
    Document,
    DocumentSettings,
    HeaderBlock,
    Paragraph,
    Run,
    SignatureBlock,
    Table,
)
from dossier_app.export.plan import Title as TitleBlock
from dossier_app.export.templates import wording_of

# A summary report (báo cáo) in the decree's list of symbols; it carries the Tờ trình's reference under its title.
REGISTER_SYMBOL = "BC"
REGISTER_TITLE = "BẢNG TỔNG HỢP, TIẾP THU, GIẢI TRÌNH Ý KIẾN"


def _cell(text: str) -> tuple[Run, ...]:
    return (Run(text),)


def build_comment_register(
    letterhead: Letterhead,
    subject: str,
    letter: Letterhead,
    letter_symbol: str,
    rows: Sequence[RegisterRow],
    settings: DocumentSettings,
) -> Document:
    """Header blocks with its own BC number, the title, the reference to the Tờ trình, one row per comment in
    document order, then the recipients and the signature; `letterhead` carries the BC number, `letter` the TTr's."""
    header = HeaderBlock(
        governing_body=letterhead.governing_body.upper(),
        issuing_body=letterhead.issuing_body.upper(),
        number=number_line(letterhead.number, f"{REGISTER_SYMBOL}-{letterhead.issuer_symbol}"),
        place_date=place_date_line(letterhead.place_name, letterhead.issued_on),
    )
    columns = ("STT", "Cơ quan góp ý", "Ngày", "Nội dung góp ý", "Mục liên quan", "Tiếp thu, giải trình", "Kết quả")
    table = Table(
        header=tuple(_cell(text) for text in columns),
        rows=tuple(
            (
                _cell(str(row.number)),
                _cell(row.source),
                _cell(f"{row.received_on:%d/%m/%Y}" if row.received_on else ""),
                _cell(row.comment),
                _cell(row.section_title),
                _cell(row.response),
                _cell(STATE_LABELS_VI[row.state]),
            )
            for row in rows
        ),
        align=(Align.CENTER, Align.LEFT, Align.CENTER),  # STT and the date centred, the rest text
    )
    blocks: list[Block] = [
        header,
        TitleBlock(REGISTER_TITLE, subject),
        Paragraph((Run(letter_note(letter, letter_symbol), italic=True),), align=Align.CENTER),  # as Mẫu 2.1 sets it
        table if rows else Paragraph((Run("Chưa có ý kiến góp ý nào được ghi nhận."),)),
        SignatureBlock(
            recipients=wording_of(settings).register_recipients,
            authority=signature_authority(letterhead.issuing_body, letterhead.signer_title, settings),
            name=letterhead.signer_name,
        ),
    ]
    return Document(
        name="Bang_tong_hop_y_kien",
        title=f"Bảng tổng hợp, tiếp thu, giải trình ý kiến {subject}",
        settings=settings,
        blocks=tuple(blocks),
    )


__all__ = ["REGISTER_SYMBOL", "REGISTER_TITLE", "build_comment_register"]
