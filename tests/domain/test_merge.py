"""Three-way merge of section text by Markdown block: edits in different blocks merge, the same block changed
differently is a conflict keeping every text, and nothing either side wrote is lost."""

import re
import textwrap
from dataclasses import dataclass

from hypothesis import given, settings
from hypothesis import strategies as st

from dossier_app.domain.merge import BlockContent, MergeOutcome, block_content, markdown_blocks, merge_sections

PARAGRAPHS = [
    "Khu công nghệ cao Cần Thơ đề xuất quỹ đất sạch phục vụ xây dựng hạ tầng trên địa bàn thành phố Cần Thơ theo "
    "đúng quy định của pháp luật về đất đai.",
    "Sở Tài nguyên và Môi trường rà soát phương án bồi thường, hỗ trợ và tái định cư với tổng diện tích khoảng "
    "20,02 ha trước khi trình Thủ tướng Chính phủ.",
    "Quỹ Đầu tư phát triển thành phố bố trí nguồn vốn đầu tư công trung hạn gắn với chuyển đổi số của vùng Đồng "
    "bằng sông Cửu Long.",
    "Ủy ban nhân dân quận Ninh Kiều phối hợp lấy ý kiến cộng đồng dân cư về phương án quy hoạch phân khu tỷ lệ "
    "1/2000 trong thời hạn 30 ngày.",
    "Hồ sơ trình thẩm định gồm thuyết minh, bản vẽ và dự thảo quyết định phê duyệt theo Nghị định số 37/2010/NĐ-CP "
    "của Chính phủ.",
]


def wrap(text: str, width: int = 80) -> str:
    """Hard-wrap a paragraph as Qt's toMarkdown() does."""
    return textwrap.fill(text, width, break_on_hyphens=False)


def section(paragraphs: list[str], width: int = 80) -> str:
    """A section body as the editor stores it: paragraphs between blank lines, a trailing newline."""
    return "\n\n".join(wrap(p, width) for p in paragraphs) + "\n"


def keys(text: str) -> list[str]:
    """The blocks of a text as the merge compares them."""
    return [block.key for block in markdown_blocks(text)]


def flat(text: str) -> str:
    """Text without its layout, to look for words whatever the wrapping."""
    return " ".join(text.split())


def rewrap(text: str) -> str:
    """The same text with its paragraphs wrapped at another column."""
    return "\n\n".join(wrap(part, 41) if part[:1].isalpha() else part for part in text.split("\n\n"))


def check_records(outcome: MergeOutcome) -> None:
    """Each conflict says where our text sits in the merged text, and it is there."""
    lines = outcome.text.split("\n")
    for conflict in outcome.conflicts:
        assert "\n".join(lines[conflict.start_line : conflict.end_line]) == conflict.ours


# Blocks ------------------------------------------------------------------------------------------------

QT_BODY = """# Tiêu đề

Đoạn một rất dài chữ chữ chữ
chữ chữ

- mục một dài dài
  dài dài
  - con một
  - con hai
- mục hai
1.  số một
2.  số hai dài
    dài

|Hạng mục|Diện tích|
|-|-|
|Đất ở|20,02 ha|

```
mã nguồn

  thụt vào
```
> trích dẫn
tiếp

---
"""


def test_blocks_of_a_body_qt_wrote() -> None:
    blocks = markdown_blocks(QT_BODY)
    assert [(b.kind, b.text) for b in blocks] == [
        ("heading", "# Tiêu đề"),
        ("paragraph", "Đoạn một rất dài chữ chữ chữ\nchữ chữ"),
        ("item", "- mục một dài dài\n  dài dài"),
        ("item", "  - con một"),
        ("item", "  - con hai"),
        ("item", "- mục hai"),
        ("item", "1.  số một"),
        ("item", "2.  số hai dài\n    dài"),
        ("row", "|Hạng mục|Diện tích|"),
        ("row", "|-|-|"),
        ("row", "|Đất ở|20,02 ha|"),
        ("code", "```\nmã nguồn\n\n  thụt vào\n```"),
        ("quote", "> trích dẫn\ntiếp"),
        ("rule", "---"),
    ]
    assert [b.blank_before for b in blocks] == [0, 1, 1, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 1]


def test_a_block_key_ignores_wrapping_but_not_a_tone_mark_or_nesting() -> None:
    assert keys(wrap(PARAGRAPHS[1], 80)) == keys(wrap(PARAGRAPHS[1], 41))
    assert keys("|Đất ở|20,02 ha|") == keys("| Đất ở | 20,02  ha |")
    assert keys("Quy hoạch chung.") != keys("Quy hoach chung.")
    assert keys("Quy hoạch chung.") != keys("Quy hoạch chung")
    assert keys("- mục\n  - con") != keys("- mục\n- con")
    assert keys("1. một\n2. hai") == keys("1. một\n1. hai")  # Markdown reads only the first number


# Worked examples -----------------------------------------------------------------------------------------


def test_two_people_editing_different_paragraphs_merge_cleanly() -> None:
    base = section(PARAGRAPHS)
    mine, theirs = list(PARAGRAPHS), list(PARAGRAPHS)
    mine[1] = mine[1].replace("20,02 ha", "21,5 ha")
    theirs[3] = theirs[3].replace("30 ngày", "45 ngày")
    theirs[4] = theirs[4].replace("Nghị định", "Luật Quy hoạch và Nghị định")
    outcome = merge_sections(base, section(mine), section(theirs))
    assert outcome.clean
    assert outcome.text == section([PARAGRAPHS[0], mine[1], PARAGRAPHS[2], theirs[3], theirs[4]])


def test_a_paragraph_rewrapped_on_one_side_and_a_word_changed_on_the_other_merges_cleanly() -> None:
    base = section(PARAGRAPHS)
    rewrapped = section(PARAGRAPHS, width=52)
    theirs = section([*PARAGRAPHS[:2], PARAGRAPHS[2].replace("trung hạn", "dài hạn"), *PARAGRAPHS[3:]])
    outcome = merge_sections(base, rewrapped, theirs)
    assert outcome.clean
    assert "dài hạn" in flat(outcome.text) and "trung hạn" not in flat(outcome.text)
    assert keys(outcome.text) == keys(theirs)
    assert wrap(PARAGRAPHS[0], 52) in outcome.text  # our wrapping stays where we contributed the block
    assert merge_sections(base, theirs, rewrapped).text == theirs


def test_two_different_edits_of_one_list_item_are_a_conflict() -> None:
    base = "Các bước:\n\n- lập nhiệm vụ quy hoạch\n- lấy ý kiến cộng đồng dân cư\n- trình phê duyệt\n"
    mine = base.replace("cộng đồng dân cư", "cộng đồng dân cư trong 30 ngày")
    theirs = base.replace("lấy ý kiến", "tổ chức lấy ý kiến")
    outcome = merge_sections(base, mine, theirs)
    assert not outcome.clean
    (conflict,) = outcome.conflicts
    assert (conflict.base, conflict.ours, conflict.theirs) == (
        "- lấy ý kiến cộng đồng dân cư",
        "- lấy ý kiến cộng đồng dân cư trong 30 ngày",
        "- tổ chức lấy ý kiến cộng đồng dân cư",
    )
    assert outcome.text == mine  # the person keeps what they typed
    assert (conflict.start_line, conflict.end_line) == (3, 4)
    check_records(outcome)


def test_one_table_row_edited_on_each_side_merges_cleanly() -> None:
    base = "Bảng cân bằng đất đai:\n\n|Loại đất|Diện tích|\n|-|-|\n|Đất ở|12,5 ha|\n|Cây xanh|4,2 ha|\n"
    base += "|Giao thông|3,3 ha|\n"
    mine = base.replace("12,5 ha", "12,8 ha")
    theirs = base.replace("Cây xanh", "Cây xanh, mặt nước")
    outcome = merge_sections(base, mine, theirs)
    assert outcome.clean
    assert outcome.text == base.replace("12,5 ha", "12,8 ha").replace("Cây xanh", "Cây xanh, mặt nước")


def test_a_renamed_heading_and_an_edited_paragraph_below_merge_cleanly() -> None:
    base = "# Hiện trạng sử dụng đất\n\n" + section(PARAGRAPHS[:2])
    mine = base.replace("# Hiện trạng sử dụng đất", "## Đánh giá hiện trạng sử dụng đất")
    theirs = "# Hiện trạng sử dụng đất\n\n" + section([PARAGRAPHS[0].replace("đất sạch", "đất"), PARAGRAPHS[1]])
    outcome = merge_sections(base, mine, theirs)
    assert outcome.clean
    assert outcome.text == theirs.replace("# Hiện trạng sử dụng đất", "## Đánh giá hiện trạng sử dụng đất")


def test_a_paragraph_deleted_on_one_side_and_edited_on_the_other_is_a_conflict() -> None:
    base = section(PARAGRAPHS)
    deleted = section([*PARAGRAPHS[:2], *PARAGRAPHS[3:]])
    edited = section([*PARAGRAPHS[:2], PARAGRAPHS[2].replace("Quỹ Đầu tư", "Ngân hàng"), *PARAGRAPHS[3:]])
    outcome = merge_sections(base, deleted, edited)
    (conflict,) = outcome.conflicts
    assert conflict.ours == "" and conflict.base == wrap(PARAGRAPHS[2]) and "Ngân hàng" in conflict.theirs
    assert outcome.text == deleted
    assert conflict.start_line == conflict.end_line
    reverse = merge_sections(base, edited, deleted)
    assert len(reverse.conflicts) == 1 and reverse.conflicts[0].theirs == ""
    assert reverse.text == edited
    check_records(outcome)
    check_records(reverse)


def test_both_appending_different_paragraphs_is_a_conflict_keeping_both() -> None:
    base = section(PARAGRAPHS[:3])
    mine = section([*PARAGRAPHS[:3], PARAGRAPHS[3]])
    theirs = section([*PARAGRAPHS[:3], PARAGRAPHS[4]])
    outcome = merge_sections(base, mine, theirs)
    (conflict,) = outcome.conflicts
    assert (conflict.base, conflict.ours, conflict.theirs) == ("", wrap(PARAGRAPHS[3]), wrap(PARAGRAPHS[4]))
    assert outcome.text == mine
    check_records(outcome)


def test_the_same_change_on_both_sides_is_taken_once() -> None:
    base = section(PARAGRAPHS[:3])
    both = section([*PARAGRAPHS[:3], PARAGRAPHS[3]])
    outcome = merge_sections(base, both, section([*PARAGRAPHS[:3], PARAGRAPHS[3]], width=60))
    assert outcome.clean and outcome.text == both
    fixed = section([PARAGRAPHS[0], PARAGRAPHS[1].replace("20,02", "20,2"), PARAGRAPHS[2]])
    outcome = merge_sections(base, fixed, section(PARAGRAPHS[:3], width=70).replace("20,02", "20,2"))
    assert outcome.clean and keys(outcome.text) == keys(fixed)


def test_an_inserted_item_renumbers_the_list_and_still_merges_with_an_edit_further_down() -> None:
    base = "1.  Lập nhiệm vụ.\n2.  Lấy ý kiến.\n3.  Thẩm định.\n4.  Phê duyệt.\n"
    mine = "1.  Lập nhiệm vụ.\n2.  Khảo sát địa hình.\n3.  Lấy ý kiến.\n4.  Thẩm định.\n5.  Phê duyệt.\n"
    theirs = base.replace("Thẩm định.", "Thẩm định tại Bộ Xây dựng.")
    outcome = merge_sections(base, mine, theirs)
    assert outcome.clean
    assert outcome.text == mine.replace("4.  Thẩm định.", "3.  Thẩm định tại Bộ Xây dựng.")


def test_edits_next_to_each_other_and_an_insertion_beside_an_edit_merge_cleanly() -> None:
    base = section(PARAGRAPHS[:4])
    mine = section([PARAGRAPHS[0], PARAGRAPHS[1] + " Đã rà soát.", PARAGRAPHS[4], *PARAGRAPHS[2:4]])
    theirs = section([*PARAGRAPHS[:2], PARAGRAPHS[2] + " Đã bố trí vốn.", PARAGRAPHS[3]])
    outcome = merge_sections(base, mine, theirs)
    assert outcome.clean
    expected = [PARAGRAPHS[0], PARAGRAPHS[1] + " Đã rà soát.", PARAGRAPHS[4], PARAGRAPHS[2] + " Đã bố trí vốn."]
    assert outcome.text == section([*expected, PARAGRAPHS[3]])


def test_a_paragraph_added_after_a_list_keeps_its_blank_line() -> None:
    base = "- một\n- hai\n\nĐoạn cuối.\n"
    mine = "- một\n- hai\n- ba\n\nĐoạn cuối.\n"
    theirs = "- một\n- hai\n\nĐoạn cuối đã sửa.\n"
    outcome = merge_sections(base, mine, theirs)
    assert outcome.clean and outcome.text == "- một\n- hai\n- ba\n\nĐoạn cuối đã sửa.\n"


# Properties ------------------------------------------------------------------------------------------------

SYLLABLES = ["quy", "hoạch", "đất", "đai", "xây", "dựng", "hạ", "tầng", "đô", "thị", "nông", "thôn", "phê", "duyệt"]
SYLLABLES += [
    "thẩm",
    "định",
    "hồ",
    "sơ",
    "bản",
    "vẽ",
    "tỷ",
    "lệ",
    "Cần",
    "Thơ",
    "Ủy",
    "ban",
    "nhân",
    "dân",
    "ý",
    "kiến",
]
syllables = st.lists(st.sampled_from(SYLLABLES), min_size=3, max_size=24)


@dataclass(frozen=True)
class Unit:
    """One block of a generated document: its group (paragraph, list or table) and what it says."""

    group: float  # an inserted paragraph is a group of its own: half-way between its neighbours
    kind: str  # "heading", "paragraph", "item", "nested", "header", "delimiter", "row"
    words: tuple[str, ...]


def render(units: list[Unit], width: int = 80) -> str:
    """A generated document as the editor would store it: groups between blank lines."""
    groups: list[list[str]] = []
    last = None
    for unit in units:
        text = " ".join(unit.words)
        if unit.kind == "heading":
            line = "## " + text
        elif unit.kind == "paragraph":
            line = wrap(text, width)
        elif unit.kind in ("item", "nested"):
            indent = "  " if unit.kind == "nested" else ""
            line = textwrap.fill(text, width, initial_indent=indent + "- ", subsequent_indent=indent + "  ")
        elif unit.kind == "delimiter":
            line = "|" + "|".join("-" for _ in unit.words) + "|"
        else:
            line = "|" + "|".join(unit.words) + "|"
        if unit.group != last:
            groups.append([])
            last = unit.group
        groups[-1].append(line)
    return "\n\n".join("\n".join(group) for group in groups) + ("\n" if groups else "")


@st.composite
def documents(draw: st.DrawFn) -> list[Unit]:
    """A section of headings, paragraphs, lists (some items nested) and tables; every block says something unique."""
    units: list[Unit] = []
    for group in range(draw(st.integers(1, 8))):
        kind = draw(st.sampled_from(["heading", "paragraph", "paragraph", "list", "table"]))

        def said(words: list[str]) -> tuple[str, ...]:
            return (f"khối{len(units)}", *words)

        if kind == "list":
            for k in range(draw(st.integers(1, 4))):
                nested = k > 0 and draw(st.booleans())
                units.append(Unit(group, "nested" if nested else "item", said(draw(syllables))))
        elif kind == "table":
            columns = draw(st.integers(2, 3))
            cell = st.lists(st.sampled_from(SYLLABLES), min_size=1, max_size=3).map(" ".join)
            units.append(Unit(group, "header", said(draw(st.lists(cell, min_size=columns - 1, max_size=columns - 1)))))
            units.append(Unit(group, "delimiter", ("-",) * columns))
            for _ in range(draw(st.integers(1, 3))):
                units.append(Unit(group, "row", said(draw(st.lists(cell, min_size=columns - 1, max_size=columns - 1)))))
        else:
            units.append(Unit(group, kind, said(draw(syllables)[:6] if kind == "heading" else draw(syllables))))
    return units


Edit = tuple[str, int]  # ("reword" | "delete" | "insert", serial)


def edited(units: list[Unit], edits: dict[int, Edit]) -> list[Unit]:
    """The document with each unit's edit applied: a word changed, the block deleted, or a new one after it."""
    out: list[Unit] = []
    for index, unit in enumerate(units):
        action, serial = edits.get(index, ("keep", 0))
        if action == "reword":
            place = 1 + serial % (len(unit.words) - 1)
            out.append(Unit(unit.group, unit.kind, (*unit.words[:place], f"sửa{serial}", *unit.words[place + 1 :])))
        elif action != "delete":
            out.append(unit)
        if action == "insert":
            kind = "paragraph" if unit.kind == "heading" else unit.kind
            group = unit.group + 0.5 if kind == "paragraph" else unit.group
            out.append(Unit(group, kind, tuple(f"mới{serial}x{k}" for k in range(len(unit.words)))))
    return out


def allowed(units: list[Unit], index: int) -> list[str]:
    """The edits a generated unit can take and still be the blocks the test expects."""
    kind = units[index].kind
    if kind == "delimiter":
        return []
    if kind == "header" or (kind == "item" and index + 1 < len(units) and units[index + 1].kind == "nested"):
        return ["reword"]  # deleting them would change what the blocks after them are
    return ["reword", "delete", "insert"]


@st.composite
def disjoint_edits(draw: st.DrawFn) -> tuple[list[Unit], dict[int, Edit], dict[int, Edit]]:
    """A document and two sets of edits on different blocks."""
    units = draw(documents())
    mine: dict[int, Edit] = {}
    theirs: dict[int, Edit] = {}
    for index in range(len(units)):
        choices = allowed(units, index)
        owner = draw(st.sampled_from(["none", "none", "mine", "theirs"]))
        if choices and owner != "none":
            (mine if owner == "mine" else theirs)[index] = (draw(st.sampled_from(choices)), index)
    return units, mine, theirs


@settings(derandomize=True, max_examples=200, deadline=None)
@given(case=disjoint_edits(), width=st.sampled_from([80, 80, 47]))
def test_edits_of_different_blocks_merge_cleanly_and_all_arrive(
    case: tuple[list[Unit], dict[int, Edit], dict[int, Edit]], width: int
) -> None:
    units, mine, theirs = case
    expected = render(edited(units, {**mine, **theirs}))
    outcome = merge_sections(render(units), render(edited(units, mine)), render(edited(units, theirs), width))
    assert outcome.clean
    assert keys(outcome.text) == keys(expected)
    merged = flat(outcome.text)
    for index, (action, _) in {**mine, **theirs}.items():
        for unit in edited(units, {index: (action, index)}):
            if unit not in units:  # the edited or the inserted block
                assert flat(render([unit])) in merged
        if action == "delete":
            assert not re.search(rf"\b{units[index].words[0]}\b", merged)


@st.composite
def three_revisions(draw: st.DrawFn) -> tuple[str, str, str]:
    """A base and two revisions edited anywhere, the same blocks included."""
    units = draw(documents())

    def revision() -> dict[int, Edit]:
        edits: dict[int, Edit] = {}
        for index in range(len(units)):
            choices = allowed(units, index)
            if choices and draw(st.integers(0, 3)) == 0:
                edits[index] = (draw(st.sampled_from(choices)), draw(st.integers(0, 3)) * 100 + index)
        return edits

    return (
        render(units),
        render(edited(units, revision())),
        render(edited(units, revision()), draw(st.sampled_from([80, 53]))),
    )


@settings(derandomize=True, max_examples=200, deadline=None)
@given(texts=three_revisions())
def test_nothing_is_lost(texts: tuple[str, str, str]) -> None:
    base, mine, theirs = texts
    outcome = merge_sections(base, mine, theirs)
    kept = [
        flat(outcome.text),
        *(flat(c.ours) for c in outcome.conflicts),
        *(flat(c.theirs) for c in outcome.conflicts),
    ]
    for side in (mine, theirs):
        for block in markdown_blocks(side):
            if block.key not in keys(base):
                assert any(flat(block.text) in text for text in kept), block.text
    check_records(outcome)


@settings(derandomize=True, max_examples=200, deadline=None)
@given(texts=three_revisions())
def test_conflicts_do_not_depend_on_which_side_is_ours(texts: tuple[str, str, str]) -> None:
    base, mine, theirs = texts
    one, other = merge_sections(base, mine, theirs), merge_sections(base, theirs, mine)
    assert len(one.conflicts) == len(other.conflicts)
    assert [(c.base, flat(c.ours), flat(c.theirs)) for c in one.conflicts] == [
        (c.base, flat(c.theirs), flat(c.ours)) for c in other.conflicts
    ]


@settings(derandomize=True, max_examples=200, deadline=None)
@given(texts=three_revisions())
def test_a_side_that_changed_nothing_takes_the_other(texts: tuple[str, str, str]) -> None:
    base, mine, theirs = texts
    assert merge_sections(base, base, theirs).text == theirs
    assert merge_sections(base, mine, base).text == mine
    rewrapped = rewrap(base)
    assert keys(merge_sections(base, rewrapped, theirs).text) == keys(theirs)
    assert keys(merge_sections(base, mine, rewrapped).text) == keys(mine)


@settings(derandomize=True, max_examples=200, deadline=None)
@given(texts=three_revisions())
def test_the_same_text_on_both_sides_is_that_text(texts: tuple[str, str, str]) -> None:
    base, mine, _ = texts
    assert merge_sections(base, mine, mine) == MergeOutcome(mine, ())
    outcome = merge_sections(base, mine, rewrap(mine))
    assert outcome.clean and keys(outcome.text) == keys(mine)


def test_block_content_takes_the_markers_off() -> None:
    text = (
        "Tiêu đề\n===\n\n### Mục con ###\n\n3. Thứ ba\n   tiếp dòng\n\n> Trích dẫn\n> hai dòng\n\n"
        "| A \\| B | C |\n|:---|---:|\n\n```\nmã\n"
    )
    contents = [block_content(block) for block in markdown_blocks(text)]
    assert contents[0] == BlockContent("Tiêu đề", level=1)
    assert contents[1] == BlockContent("Mục con", level=3)
    assert contents[2] == BlockContent("Thứ ba\ntiếp dòng", number="3.")
    assert contents[3] == BlockContent("Trích dẫn\nhai dòng")
    assert contents[4] == BlockContent(cells=("A | B", "C"))
    assert contents[5] == BlockContent(delimiter=True)
    assert contents[6] == BlockContent("mã")  # a fence never closed keeps its last line
