"""A hypothesis strategy for hostile section Markdown: Vietnamese with every tone mark, control characters, broken
tables, emphasis soup, HTML and reportlab markup, deep nesting, odd links and very long words and paragraphs."""

from hypothesis import strategies as st

VOWELS = "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY"
TONES = "\u0300\u0301\u0303\u0309\u0323"  # huyền, sắc, ngã, hỏi, nặng as combining marks
VIETNAMESE = "àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵđĐ"
CONTROLS = "".join(chr(c) for c in range(0x20) if chr(c) not in "\n") + "\x7f\x85\u2028\u2029\ufeff\u200b"
MARKUP = [
    "<",
    ">",
    "&",
    "&amp;",
    "&lt;",
    "&#x1F600;",
    "&nbsp;",
    "<para>",
    "</para>",
    "<font name='x'>",
    "</font>",
    "<b>",
    "<br/>",
    "<script>alert(1)</script>",
    "<!-- c -->",
    "<img src=x onerror=1>",
    "\\",
    "\\*",
    "`",
    "``",
]
SOUP = ["*", "**", "***", "_", "__", "~~", "***_~~", "_*", "**_", "~", "|", "||", "#", "[", "]", "(", ")", "!["]

word = st.text(alphabet=VIETNAMESE + VOWELS + "bcdghklmnpqrstvx", min_size=1, max_size=12)
combining = st.builds(lambda base, marks: base + marks, st.sampled_from(VOWELS), st.text(TONES, min_size=1, max_size=3))
control = st.text(alphabet=CONTROLS, min_size=1, max_size=3)
long_word = st.integers(200, 3000).map(lambda n: "Đường" * (n // 5))
piece = st.one_of(
    word, word, word, combining, control, st.sampled_from(MARKUP), st.sampled_from(SOUP), long_word, st.text(max_size=8)
)
line = st.lists(piece, min_size=1, max_size=12).map(" ".join)


def _heading(pair: tuple[int, str]) -> str:
    return "#" * pair[0] + " " + pair[1]


def _nested(depth: int, text: str, marker: str) -> str:
    return "\n".join("  " * level + marker + " " + text for level in range(depth))


def _table(rows: list[list[str]]) -> str:
    out = ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * len(rows[0])]
    out += ["| " + " | ".join(row) + (" |" if len(row) % 2 else "") for row in rows[1:]]  # ragged rows, open ends
    return "\n".join(out)


cell = st.one_of(word, st.just("a | b"), st.just("\\|"), st.just(""), line)
block = st.one_of(
    line,
    st.tuples(st.integers(1, 9), line).map(_heading),
    st.builds(_nested, st.integers(1, 40), line, st.sampled_from(["-", "*", "1.", ">", "> -", "1)"])),
    st.lists(st.lists(cell, min_size=1, max_size=5), min_size=1, max_size=5).map(_table),
    st.builds(
        lambda text, url: f"[{text}]({url}) ![{text}]({url})",
        line,
        st.sampled_from(
            [
                "javascript:alert(1)",
                "file:///etc/passwd",
                "../../x",
                "http://a b",
                "<>",
                "(",
                "ht tp://đ.vn/ü?q=<x>",
                "",
            ]
        ),
    ),
    st.integers(2000, 10000).map(lambda n: ("Đoạn văn dài của hồ sơ quy hoạch. " * (n // 34 + 1))[:n]),
    st.just("```\ncode <b> & \x00\n```"),
    st.just("    indented code & <font>"),
    st.just("---"),
)
hostile_markdown = st.lists(block, min_size=1, max_size=8).map("\n\n".join)
