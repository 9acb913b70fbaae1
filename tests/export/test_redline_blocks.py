"""The readable redline: blocks aligned and compared word by word with their emphasis, shown as HTML a manager reads
without Markdown syntax."""

import re

from dossier_app.domain.redline import DELETE_STYLE, INSERT_STYLE
from dossier_app.export.redline_blocks import Segment, compare_markdown
from dossier_app.export.redline_html import marked_html
from tests.export.redline_support import NEW, OLD


def _side(segments: tuple[Segment, ...], skip: str) -> str:
    return "".join(segment.text for segment in segments if segment.change != skip)


def test_blocks_are_compared_word_by_word_keeping_bold_and_cells() -> None:
    marked = compare_markdown(OLD, NEW)
    kinds = [(block.kind, block.change) for block in marked.blocks]
    assert kinds == [
        ("heading", "changed"),
        ("paragraph", "changed"),
        ("item", "equal"),
        ("item", "changed"),
        ("item", "insert"),
        ("row", "equal"),
        ("row", "changed"),
        ("row", "delete"),
        ("row", "insert"),
        ("paragraph", "delete"),
        ("paragraph", "insert"),
        ("paragraph", "changed"),
    ]
    heading, paragraph = marked.blocks[0], marked.blocks[1]
    assert heading.level == 2 and _side(heading.segments, "delete") == "Vị trí và quy mô dự án"
    assert Segment("equal", " Khu công nghệ cao Cần Thơ", bold=True) in paragraph.segments
    assert [s.text for s in paragraph.segments if s.change == "delete"] == [" Ninh Kiều"]
    assert [s.text for s in paragraph.segments if s.change == "insert"] == [" Bình Thủy"]
    old_paragraph = "Dự án nằm tại Khu công nghệ cao Cần Thơ, quận Ninh Kiều, thành phố Cần Thơ."
    assert _side(paragraph.segments, "insert") == old_paragraph
    header, changed_row = marked.blocks[5], marked.blocks[6]
    assert header.header and [cell[0].text for cell in header.cells] == ["Loại đất", "Diện tích (ha)", "Tỷ lệ (%)"]
    assert changed_row.cells[1] == (Segment("delete", "30,0"), Segment("insert", "31,5"))
    assert changed_row.cells[0] == (Segment("equal", "Đất ở"),) and changed_row.cells[2] == (Segment("equal", "48"),)
    note = marked.blocks[-1]
    assert note.segments[0] == Segment("equal", "Ghi chú:", italic=True)
    assert not any("|" in s.text or "**" in s.text or "#" in s.text for b in marked.blocks for s in b.segments)
    assert (marked.words_inserted, marked.words_deleted) == (28, 19)  # counted by hand: words, not marks


def test_spaces_stay_with_the_change_so_each_side_reads_whole() -> None:
    for old, new in (
        ("Một hai ba.", "Hai ba."),
        ("Hai ba.", "Một hai ba."),
        ("Một hai ba.", "Một bốn ba."),
        ("Thành phố Cần Thơ, quận Ninh Kiều.", "Thành phố Cần Thơ; quận Ninh Kiều."),
    ):
        segments = compare_markdown(old, new).blocks[0].segments
        assert _side(segments, "delete") == new
        assert _side(segments, "insert") == old


def test_unchanged_text_and_layout_are_no_change() -> None:
    rewrapped = NEW.replace("quận Bình Thủy, thành phố", "quận Bình Thủy,\nthành phố")
    marked = compare_markdown(NEW, rewrapped)
    assert not marked.has_changes and marked.blocks_changed == 0
    assert compare_markdown("", "").blocks == ()


def test_from_the_empty_text_everything_is_inserted() -> None:
    marked = compare_markdown("", NEW)
    assert {block.change for block in marked.blocks} == {"insert"}
    assert marked.words_deleted == 0 and marked.words_inserted > 40


def test_html_shows_formatting_and_marks_without_markdown_syntax() -> None:
    html = marked_html(compare_markdown(OLD, NEW), context=-1)
    assert "**" not in html and "|---" not in html and "## " not in html and "| " not in html
    assert "<h3>" in html and "<b> Khu công nghệ cao Cần Thơ</b>" in html and "<i>Ghi chú:</i>" in html
    assert "<table" in html and "<th>Loại đất</th>" in html
    assert f' <span style="{DELETE_STYLE}">Ninh Kiều</span> <span style="{INSERT_STYLE}">Bình Thủy</span>' in html
    assert f'<td><span style="{DELETE_STYLE}">30,0</span> <span style="{INSERT_STYLE}">31,5</span></td>' in html
    assert "• " in html.replace("&nbsp;", " ")


def test_long_unchanged_stretches_fold_but_a_table_keeps_its_head() -> None:
    rows = "".join(f"| Thửa {n} | {n},0 |\n" for n in range(1, 21))
    old = f"| Thửa | Diện tích |\n|---|---|\n{rows}"
    new = old.replace("| Thửa 15 | 15,0 |", "| Thửa 15 | 15,5 |")
    html = marked_html(compare_markdown(old, new), context=2, collapsed_template="… {count} giữ nguyên …")
    assert "<th>Thửa</th>" in html
    assert '<td colspan="2"><span style="color:#757575;font-style:italic">… 12 giữ nguyên …</span></td>' in html
    assert "Thửa 13" in html and "Thửa 12" not in html and "Thửa 17" in html and "Thửa 18" not in html
    assert len(re.findall("<table", html)) == 1
