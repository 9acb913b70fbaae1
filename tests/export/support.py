"""Plans built from the demo texts, shared by the writer tests."""

from datetime import date

from dossier_app.export.documents import (
    LetterContent,
    Letterhead,
    SchemeContent,
    SectionText,
    build_de_an,
    build_to_trinh,
)
from dossier_app.export.plan import Document, DocumentSettings
from dossier_app.storage.resources import demo_texts

LETTERHEAD = Letterhead(
    governing_body="",
    issuing_body="ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ",
    issued_on=date(2026, 3, 5),
    number=5,
    signer_title="KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH",
    signer_name="Nguyễn Văn Hùng",
)
TABLE_MD = "|Khu chức năng|Diện tích (ha)|\n|---|---|\n|Khu sản xuất công nghệ cao|120,5|\n|Khu nhà ở chuyên gia|30|\n"


def sections(prefix: str) -> list[SectionText]:
    """The demo sections of CT-HTP whose keys start with `prefix`, each required."""
    texts = demo_texts("CT-HTP")
    return [SectionText(key.split(".", 1)[1], body, key, True) for key, body in texts.items() if key.startswith(prefix)]


def to_trinh(draft: bool = False) -> Document:
    """The demo Tờ trình."""
    content = LetterContent(
        "Về việc đề nghị thành lập Khu công nghệ cao Cần Thơ", ("Thủ tướng Chính phủ",), ("Như trên;", "Lưu: VT.")
    )
    return build_to_trinh(LETTERHEAD, content, sections("tt."), DocumentSettings(draft=draft))


def de_an(draft: bool = False) -> Document:
    """The demo Đề án with a table section added."""
    extra = SectionText("Tổ chức các khu chức năng", TABLE_MD, "da.4_3", True)
    return build_de_an(
        LETTERHEAD,
        SchemeContent("Thành lập Khu công nghệ cao Cần Thơ"),
        [*sections("da."), extra],
        DocumentSettings(draft=draft),
    )
