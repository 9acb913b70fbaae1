"""Section Markdown (as QTextDocument.toMarkdown writes it) becomes plan blocks with the Vietnamese text intact."""

from dossier_app.export.markdown_blocks import parse_blocks
from dossier_app.export.plan import Heading, ListBlock, Paragraph, Run, Table, plain


def test_paragraph_keeps_bold_and_italic_runs_and_vietnamese_letters() -> None:
    (block,) = parse_blocks("Khu **công nghệ cao** Cần Thơ *được thành lập* ở Ô Môn: ặ ữ ỡ ư ơ ă đ.")
    assert isinstance(block, Paragraph)
    assert block.runs == (
        Run("Khu "),
        Run("công nghệ cao", bold=True),
        Run(" Cần Thơ "),
        Run("được thành lập", italic=True),
        Run(" ở Ô Môn: ặ ữ ỡ ư ơ ă đ."),
    )


def test_bold_italic_nested_and_soft_breaks_join_with_a_space() -> None:
    (block,) = parse_blocks("***Điều kiện*** thành\nlập")
    assert isinstance(block, Paragraph)
    assert block.runs[0] == Run("Điều kiện", bold=True, italic=True)
    assert plain(block.runs) == "Điều kiện thành lập"


def test_nested_bullet_and_ordered_lists() -> None:
    markdown = "- Hạ tầng giao thông\n  - Đường Võ Văn Kiệt\n  - Cầu Cần Thơ\n- Nhân lực\n\n3. Thứ ba\n4. Thứ tư\n"
    bullets, ordered = parse_blocks(markdown)
    assert isinstance(bullets, ListBlock) and not bullets.ordered
    assert [plain(item.runs) for item in bullets.items] == ["Hạ tầng giao thông", "Nhân lực"]
    nested = bullets.items[0].children[0]
    assert [plain(item.runs) for item in nested.items] == ["Đường Võ Văn Kiệt", "Cầu Cần Thơ"]
    assert isinstance(ordered, ListBlock) and ordered.ordered and ordered.start == 3
    assert [plain(item.runs) for item in ordered.items] == ["Thứ ba", "Thứ tư"]


def test_gfm_table_with_runs_in_cells() -> None:
    markdown = "|Khu chức năng|Diện tích (ha)|\n|---|---|\n|**Khu sản xuất**|120,5|\n|Khu nhà ở chuyên gia|30|\n"
    (table,) = parse_blocks(markdown)
    assert isinstance(table, Table)
    assert [plain(cell) for cell in table.header] == ["Khu chức năng", "Diện tích (ha)"]
    assert table.rows[0][0] == (Run("Khu sản xuất", bold=True),)
    assert [plain(cell) for cell in table.rows[1]] == ["Khu nhà ở chuyên gia", "30"]


def test_headings_move_under_the_section_level() -> None:
    blocks = parse_blocks("# Mục tiêu\n\nNội dung.\n\n## Chức năng", heading_offset=2)
    assert blocks[0] == Heading(level=3, text="Mục tiêu", in_toc=False)
    assert blocks[2] == Heading(level=4, text="Chức năng", in_toc=False)


def test_blank_text_gives_no_blocks_and_quotes_are_italic() -> None:
    assert parse_blocks("") == ()
    (quote,) = parse_blocks("> Trích dẫn ý kiến")
    assert isinstance(quote, Paragraph) and quote.runs == (Run("Trích dẫn ý kiến", italic=True),)


def test_escaped_markdown_from_qt_comes_back_plain() -> None:
    (block,) = parse_blocks("Tỷ lệ 1\\:10.000 \\- 1\\:25.000 \\*")
    assert isinstance(block, Paragraph)
    assert plain(block.runs) == "Tỷ lệ 1:10.000 - 1:25.000 *"
