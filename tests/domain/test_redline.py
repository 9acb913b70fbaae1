"""Redline of two revisions: lines first, then words; re-wrapping is no change; HTML and text forms."""

import re
import textwrap

from hypothesis import example, given, settings
from hypothesis import strategies as st

from dossier_app.domain.redline import (
    DELETE_STYLE,
    INSERT_STYLE,
    Changed,
    Redline,
    Span,
    Unchanged,
    redline,
    render_html,
    render_text,
    words,
)

PARAGRAPH = (
    "Khu công nghệ cao Cần Thơ đề xuất quỹ đất sạch phục vụ xây dựng hạ tầng trên địa bàn thành phố Cần Thơ "
    "theo đúng quy định của pháp luật về đất đai. Sở Tài nguyên và Môi trường rà soát phương án bồi thường, "
    "hỗ trợ và tái định cư với tổng diện tích khoảng 20,02 ha trước khi trình Thủ tướng Chính phủ. Quỹ Đầu tư "
    "phát triển thành phố bố trí nguồn vốn đầu tư công trung hạn gắn với chuyển đổi số của vùng Đồng bằng sông "
    "Cửu Long."
)


def changed_spans(result: Redline) -> list[Span]:
    """The insert and delete spans of every changed block, in order."""
    return [s for b in result.blocks if isinstance(b, Changed) for s in b.spans if s.kind != "equal"]


def apply(result: Redline, keep: str) -> str:
    """A side rebuilt by hand from the blocks: unchanged lines plus the equal spans and the `keep` spans."""
    parts = []
    for block in result.blocks:
        if isinstance(block, Unchanged):
            parts.append("\n".join(block.lines))
        elif (block.new_line_count if keep == "insert" else block.old_line_count) > 0:
            parts.append("".join(s.text for s in block.spans if s.kind in ("equal", keep)))
    return "\n".join(parts)


def wrap(text: str, width: int) -> str:
    """Hard-wrap a paragraph as Qt's toMarkdown() does."""
    return textwrap.fill(text, width, break_on_hyphens=False)


# Basics -----------------------------------------------------------------------------------------------


def test_identical_texts_have_no_changes() -> None:
    text = f"# Tờ trình\n\n{wrap(PARAGRAPH, 80)}\n"
    result = redline(text, text)
    assert not result.has_changes
    assert (result.words_inserted, result.words_deleted, result.lines_changed) == (0, 0, 0)
    assert all(isinstance(b, Unchanged) for b in result.blocks)
    assert result.new_text() == text
    assert INSERT_STYLE not in render_html(result) and DELETE_STYLE not in render_html(result)
    assert render_text(result) == text  # nothing to collapse around: the whole text
    assert redline("", "") == Redline((), 0, 0, 0)


def test_empty_old_is_the_whole_new_text_as_one_insertion() -> None:
    new = f"## 1. Sự cần thiết\n\n{wrap(PARAGRAPH, 80)}\n"
    result = redline("", new)
    assert result.blocks == (Changed((Span("insert", new),), 0, len(new.split("\n"))),)
    assert result.words_inserted == len(re.findall(r"\w+(?:[,/]\w+)*", new)) and result.words_deleted == 0
    assert result.new_text() == new
    assert render_text(result) == "{+" + new.rstrip("\n") + "+}\n"


def test_pure_insertion() -> None:
    old = "Khu công nghệ cao Cần Thơ đề xuất quỹ đất.\n"
    new = "Khu công nghệ cao Cần Thơ đề xuất quỹ đất sạch phục vụ xây dựng hạ tầng.\n\nĐoạn mới hoàn toàn.\n"
    result = redline(old, new)
    assert [s.kind for s in changed_spans(result)] == ["insert", "insert"]
    assert result.words_deleted == 0 and result.words_inserted == 7 + 4
    assert render_text(result) == (
        "Khu công nghệ cao Cần Thơ đề xuất quỹ đất {+sạch phục vụ xây dựng hạ tầng+}.\n\n{+Đoạn mới hoàn toàn.+}\n"
    )


def test_pure_deletion() -> None:
    old = "Một.\n\nSở Khoa học và Công nghệ phối hợp thực hiện.\n\nBa.\n"
    new = "Một.\n\nSở Khoa học và Công nghệ thực hiện.\n\nBa.\n"
    result = redline(old, new)
    assert changed_spans(result) == [Span("delete", "phối hợp ")]
    assert (result.words_inserted, result.words_deleted, result.lines_changed) == (0, 2, 1)
    assert render_text(result) == "Một.\n\nSở Khoa học và Công nghệ [-phối hợp-] thực hiện.\n\nBa.\n"
    whole = redline(old, "Một.\n\nBa.\n")
    assert changed_spans(whole) == [Span("delete", "Sở Khoa học và Công nghệ phối hợp thực hiện.\n")]
    assert whole.words_deleted == 10
    assert render_text(whole) == "Một.\n\n[-Sở Khoa học và Công nghệ phối hợp thực hiện.-]\n\nBa.\n"


def test_word_replaced_mid_paragraph() -> None:
    old = wrap(PARAGRAPH, 80) + "\n"
    new = old.replace("rà soát", "thẩm định")
    result = redline(old, new)
    assert changed_spans(result) == [Span("delete", "rà soát"), Span("insert", "thẩm định")]
    assert (result.words_inserted, result.words_deleted, result.lines_changed) == (2, 2, 1)
    assert "[-rà soát-]{+thẩm định+}" in render_text(result)


def test_rewrapped_paragraph_with_one_word_changed_is_one_word_change() -> None:
    old = wrap(PARAGRAPH, 80) + "\n"
    new = wrap(PARAGRAPH.replace("tái định cư", "tái định cư tập trung"), 72) + "\n"
    assert set(old.split("\n")[1:-1]).isdisjoint(new.split("\n")[1:-1])  # every line but the first moved
    result = redline(old, new)
    assert changed_spans(result) == [Span("insert", "tập trung")]
    assert (result.words_inserted, result.words_deleted, result.lines_changed) == (2, 0, 1)
    assert result.new_text() == new


def test_rewrapping_alone_is_no_change() -> None:
    old = f"# Đề án\n\n{wrap(PARAGRAPH, 80)}\n\n- {wrap(PARAGRAPH, 60)}\n"
    new = f"# Đề án\n\n{wrap(PARAGRAPH, 66)}\n\n- {wrap(PARAGRAPH, 90)}\n"
    result = redline(old, new)
    assert not result.has_changes and result.new_text() == new


def test_moved_paragraph_is_deleted_and_inserted_alone() -> None:
    paragraphs = [f"Đoạn {n}: {wrap(PARAGRAPH, 80)}" for n in range(1, 7)]
    moved = [paragraphs[0], *paragraphs[2:5], paragraphs[1], paragraphs[5]]
    result = redline("\n\n".join(paragraphs) + "\n", "\n\n".join(moved) + "\n")
    spans = changed_spans(result)
    assert [s.kind for s in spans] == ["delete", "insert"]
    assert spans[0].text.startswith("Đoạn 2:") and spans[1].text.startswith("Đoạn 2:")


# Words and Markdown -----------------------------------------------------------------------------------


def test_vietnamese_tone_marks_and_diacritics_are_different_words() -> None:
    result = redline("Trình Thủ tướng phê duyệt đất ở.\n", "Trình Thú tướng phê duyệt dat ở.\n")
    assert changed_spans(result) == [
        Span("delete", "Thủ"),
        Span("insert", "Thú"),
        Span("delete", "đất"),
        Span("insert", "dat"),
    ]
    assert render_text(result) == "Trình [-Thủ-]{+Thú+} tướng phê duyệt [-đất-]{+dat+} ở.\n"
    assert words("Quyết định 895/QĐ-TTg, 20,02 ha.") == ["Quyết", "định", "895/QĐ-TTg", ",", "20,02", "ha", "."]


def test_punctuation_is_its_own_word() -> None:
    result = redline("Thành phố Cần Thơ, quận Ninh Kiều.\n", "Thành phố Cần Thơ; quận Ninh Kiều.\n")
    assert changed_spans(result) == [Span("delete", ","), Span("insert", ";")]
    assert result.words_inserted == result.words_deleted == 0


TABLE = """| Phân khu | Diện tích (ha) | Tỷ lệ (%) |
|---|---:|---:|
| Khu nghiên cứu – phát triển | 12,5 | 20 |
| Khu sản xuất công nghệ cao | 30,0 | 48 |
| Cây xanh, mặt nước | 20,0 | 32 |
"""


def test_table_cell_change_row_deletion_and_insertion() -> None:
    cell = redline(TABLE, TABLE.replace("| 30,0 | 48 |", "| 31,5 | 48 |"))
    assert changed_spans(cell) == [Span("delete", "30,0"), Span("insert", "31,5")]
    assert "| Khu sản xuất công nghệ cao | [-30,0-]{+31,5+} | 48 |" in render_text(cell)

    rows = TABLE.split("\n")
    dropped = redline(TABLE, "\n".join(rows[:3] + rows[4:]))
    assert changed_spans(dropped) == [Span("delete", "| Khu sản xuất công nghệ cao | 30,0 | 48 |")]
    added = redline(TABLE, TABLE + "| Giao thông | 5,0 | 8 |\n")
    assert changed_spans(added) == [Span("insert", "| Giao thông | 5,0 | 8 |")]
    assert added.words_inserted == 4


def test_merged_paragraphs_and_joined_list_items_show_the_break() -> None:
    merged = redline("Đoạn một.\n\nĐoạn hai.\n", "Đoạn một. Đoạn hai.\n")
    assert changed_spans(merged) == [Span("delete", "\n\n")]
    assert render_text(merged) == "Đoạn một.[-¶-] Đoạn hai.\n"
    split = redline("Đoạn một. Đoạn hai.\n", "Đoạn một.\n\nĐoạn hai.\n")
    assert render_text(split) == "Đoạn một.{+¶+}\n\nĐoạn hai.\n"
    joined = redline("- Mục một\n- Mục hai\n", "- Mục một - Mục hai\n")
    assert render_text(joined) == "- Mục một[-↵-] - Mục hai\n"
    assert "background:#ffcdd2" in render_html(joined) and "↵" in render_html(joined)


# Rendering --------------------------------------------------------------------------------------------


def test_html_escapes_and_styles() -> None:
    old = "Giá < 5 tỷ & diện tích > 2 ha.\n<b>không</b> phải thẻ.\n"
    new = "Giá < 7 tỷ & diện tích > 2 ha.\n<b>không</b> phải thẻ <i>.\n"
    page = render_html(redline(old, new))
    assert page.startswith('<div style="white-space:pre-wrap">') and page.endswith("</div>")
    assert "Giá &lt; " in page and " &amp; diện tích &gt; 2 ha." in page
    assert f'<span style="{DELETE_STYLE}">5</span><span style="{INSERT_STYLE}">7</span>' in page
    assert f'<span style="{INSERT_STYLE}">&lt;i&gt;</span>' in page
    assert "&lt;b&gt;không&lt;/b&gt;" in page
    assert "<b>" not in page and "<i>" not in page and "& " not in page
    assert INSERT_STYLE == "background:#c8e6c9;text-decoration:underline" and "line-through" in DELETE_STYLE


def test_long_unchanged_stretches_collapse_with_their_line_count() -> None:
    lines = [f"Dòng {n} không đổi." for n in range(1, 41)]
    new = lines.copy()
    new[19] = "Dòng 20 đã sửa."
    result = redline("\n".join(lines), "\n".join(new))
    text = render_text(result)
    assert text.split("\n") == [
        "… 17 unchanged lines …",
        "Dòng 18 không đổi.",
        "Dòng 19 không đổi.",
        "Dòng 20 [-không đổi-]{+đã sửa+}.",
        "Dòng 21 không đổi.",
        "Dòng 22 không đổi.",
        "… 18 unchanged lines …",
    ]
    assert render_text(result, context=-1).count("\n") == 39
    assert "… 18 dòng không đổi …" in render_text(result, collapsed_template="… {count} dòng không đổi …")
    html = render_html(result, context=0)
    assert "… 19 unchanged lines …" in html and "… 20 unchanged lines …" in html and "Dòng 18" not in html


# Property ---------------------------------------------------------------------------------------------

PIECES = [
    *("Cần", "Thơ", "đất", "đai", "Thủ", "tướng", "thủ", "quy", "hoạch", "20,02", "ha", "1/2000", "QĐ-TTg", "a", "b"),
    " ",
    " ",
    " ",
    "\n",
    "\n\n",
    ", ",
    ".",
    "- ",
    "1. ",
    "| ",
    "## ",
    "**",
    "<&>",
    "  ",
]
markdownish = st.lists(st.sampled_from(PIECES), max_size=60).map("".join)
anything = st.text(st.characters(codec="utf-8"), max_size=60)


def assert_rebuilds(old: str, new: str) -> None:
    """The spans rebuild the new text exactly and both texts' words; counts and forms hold together."""
    result = redline(old, new)
    assert apply(result, "insert") == result.new_text() == new
    assert words(apply(result, "insert")) == words(new)
    assert words(apply(result, "delete")) == words(result.old_text()) == words(old)
    assert result.has_changes or words(old) == words(new)
    assert result.words_inserted <= len(words(new)) and result.words_deleted <= len(words(old))
    assert result.has_changes or (result.words_inserted, result.words_deleted) == (0, 0)
    assert isinstance(render_html(result), str) and isinstance(render_text(result), str)


@settings(max_examples=400, deadline=None)
@given(markdownish, markdownish)
@example("foo bar.", "foo.")
@example("Thơ, và", "Thơ và")
@example("x\n\nfoo1\n", "x\nfoo2\n")
@example("a\n\n\nb", "a\nb")
def test_spans_rebuild_both_texts_markdownish(old: str, new: str) -> None:
    assert_rebuilds(old, new)


@settings(max_examples=300, deadline=None)
@given(anything, anything)
def test_spans_rebuild_both_texts_any_text(old: str, new: str) -> None:
    assert_rebuilds(old, new)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(PARAGRAPH.split()), min_size=5, max_size=80), st.data())
def test_rewrapping_with_one_word_changed_is_that_change_only(sentence: list[str], data: st.DataObject) -> None:
    index = data.draw(st.integers(0, len(sentence) - 1))
    replacement = data.draw(st.sampled_from(["mới", "Mới", "mỏi", "mời"]).filter(lambda w: w != sentence[index]))
    edited = [*sentence[:index], replacement, *sentence[index + 1 :]]
    width_old, width_new = data.draw(st.integers(20, 100)), data.draw(st.integers(20, 100))
    result = redline(wrap(" ".join(sentence), width_old), wrap(" ".join(edited), width_new))
    assert (result.words_inserted, result.words_deleted) == (1, 1)
    spans = changed_spans(result)  # where the word repeats, the deletion may sit at another copy of it
    assert sorted((s.kind, s.text.strip()) for s in spans) == [("delete", sentence[index]), ("insert", replacement)]
