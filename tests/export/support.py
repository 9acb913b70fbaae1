"""Plans built from the demo texts, shared by the writer tests."""

import zipfile
from datetime import date
from pathlib import Path
from xml.etree import ElementTree

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
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
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


def toc_field_lines(docx: Path) -> tuple[list[tuple[str, str]], str]:
    """The TOC field's shown lines as (text, page) and its instruction, read from document.xml."""
    with zipfile.ZipFile(docx) as archive:
        body = ElementTree.fromstring(archive.read("word/document.xml")).find(f"{W}body")
    assert body is not None
    lines: list[tuple[str, str]] = []
    instruction, inside = "", False
    for paragraph in body.iter(f"{W}p"):
        text, page, after_tab = "", "", False
        for run in paragraph.iter(f"{W}r"):
            char = run.find(f"{W}fldChar")
            kind = char.get(f"{W}fldCharType") if char is not None else None
            if kind == "begin" and "TOC" in "".join(t.text or "" for t in paragraph.iter(f"{W}instrText")):
                inside = True
                instruction = "".join(t.text or "" for t in paragraph.iter(f"{W}instrText"))
            elif kind == "end" and inside:
                lines.append((text, page))
                return lines, instruction
            if run.find(f"{W}tab") is not None:
                after_tab = True
            for node in run.iter(f"{W}t"):
                if after_tab:
                    page += node.text or ""
                else:
                    text += node.text or ""
        if inside:
            lines.append((text, page))
    raise AssertionError("no TOC field")
