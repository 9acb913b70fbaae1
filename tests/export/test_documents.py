"""The builders set the Tờ trình and Đề án out as Decree 30 and its Mẫu 1.4 ask, from plain inputs."""

from datetime import date

import pytest

from dossier_app.domain.errors import ValidationFailed
from dossier_app.export.documents import (
    AttachmentLine,
    LetterContent,
    SectionText,
    build_attachments_appendix,
    build_to_trinh,
    issuer_symbol,
    place_of,
    signature_authority,
)
from dossier_app.export.format_rules import Margins, number_line, place_date_line, point_label, roman
from dossier_app.export.plan import (
    Addressees,
    AppendixHeader,
    CoverPage,
    DocumentSettings,
    HeaderBlock,
    Heading,
    LegalBases,
    SignatureBlock,
    Table,
    TableOfContents,
    Title,
)
from tests.export.support import LETTERHEAD, de_an, to_trinh


def test_date_and_number_lines_are_zero_padded_as_the_decree_says() -> None:
    assert place_date_line("Cần Thơ", date(2026, 3, 5)) == "Cần Thơ, ngày 05 tháng 3 năm 2026"
    assert place_date_line("Cần Thơ", date(2026, 2, 15)) == "Cần Thơ, ngày 15 tháng 02 năm 2026"
    assert place_date_line("Cần Thơ", date(2026, 12, 1)) == "Cần Thơ, ngày 01 tháng 12 năm 2026"
    assert number_line(5, "TTr-UBND") == "Số: 05/TTr-UBND"
    assert number_line(12, "TTr-UBND") == "Số: 12/TTr-UBND"
    assert number_line(None, "TTr-UBND").startswith("Số: ") and number_line(None, "TTr-UBND").endswith("/TTr-UBND")


def test_issuer_symbol_place_and_signature_lines() -> None:
    assert issuer_symbol("ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ") == "UBND"
    assert issuer_symbol("Sở Khoa học và Công nghệ thành phố Cần Thơ") == "SKHCN"
    assert place_of("ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ") == "Cần Thơ"
    assert signature_authority("ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ", "KT. CHỦ TỊCH\nPhó Chủ tịch") == (
        "TM. ỦY BAN NHÂN DÂN",
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
    )
    assert signature_authority("SỞ KHOA HỌC VÀ CÔNG NGHỆ", "GIÁM ĐỐC") == ("GIÁM ĐỐC",)


def test_roman_numerals_and_points() -> None:
    assert [roman(n) for n in (1, 4, 5, 9, 14)] == ["I", "IV", "V", "IX", "XIV"]
    assert [point_label(i) for i in range(6)] == ["a)", "b)", "c)", "d)", "đ)", "e)"]


def test_margins_and_spacing_only_within_the_decrees_ranges() -> None:
    assert Margins().text_width_mm == 165
    Margins(top=25, bottom=25, left=35, right=20)
    with pytest.raises(ValidationFailed):
        Margins(left=25)
    with pytest.raises(ValidationFailed):
        DocumentSettings(line_spacing=2.0)


def test_to_trinh_blocks_in_the_order_of_mau_1_4() -> None:
    plan = to_trinh()
    kinds = [type(block) for block in plan.blocks]
    assert kinds[:3] == [HeaderBlock, Title, Addressees]
    assert kinds[-1] is SignatureBlock
    header = plan.blocks[0]
    assert isinstance(header, HeaderBlock) and header.number == "Số: 05/TTr-UBND"
    parts = [b for b in plan.blocks if isinstance(b, Heading) and b.level == 1]
    assert [p.numbering for p in parts] == ["I", "II", "III"]
    (bases,) = [b for b in plan.blocks if isinstance(b, LegalBases)]
    assert all(line.endswith(";") for line in bases.lines[:-1]) and bases.lines[-1].endswith(".")
    signature = plan.blocks[-1]
    assert isinstance(signature, SignatureBlock)
    assert signature.authority[0] == "TM. ỦY BAN NHÂN DÂN" and signature.name == "Nguyễn Văn Hùng"


def test_de_an_has_cover_toc_and_roman_chapters_with_an_unnumbered_introduction() -> None:
    plan = de_an()
    assert isinstance(plan.blocks[0], CoverPage) and plan.has_cover
    assert any(isinstance(block, TableOfContents) for block in plan.blocks)
    chapters = [b for b in plan.blocks if isinstance(b, Heading) and b.chapter]
    assert chapters[0].numbering == "" and chapters[0].text == "0_mo_dau"
    assert [c.numbering for c in chapters[1:3]] == ["Chương I", "Chương II"]
    assert any(isinstance(block, Table) for block in plan.blocks)


def test_empty_optional_sections_are_left_out_and_required_ones_kept() -> None:
    content = LetterContent("Về việc thử", ("Thủ tướng Chính phủ",), ("Lưu: VT.",))
    sections = [
        SectionText("Bắt buộc", "", "a", required=True),
        SectionText("Tùy chọn", "", "b", required=False),
        SectionText("Có nội dung", "Văn bản.", "c", required=False),
    ]
    plan = build_to_trinh(LETTERHEAD, content, sections, DocumentSettings())
    titles = [b.text for b in plan.blocks if isinstance(b, Heading)]
    assert titles == ["Bắt buộc", "Có nội dung"]


def test_attachments_appendix_lists_each_file_with_its_hash() -> None:
    line = AttachmentLine("Bản đồ phương án.pdf", "Bản đồ", 123456, "a" * 64)
    plan = build_attachments_appendix(LETTERHEAD, "TTr", [line], DocumentSettings())
    head, table = plan.blocks
    assert isinstance(head, AppendixHeader) and head.label == "Phụ lục IV"
    assert "05/TTr-UBND ngày 05/03/2026" in head.note
    assert isinstance(table, Table) and table.rows[0][4][0].text == "a" * 64
    assert table.rows[0][3][0].text == "123.456"
