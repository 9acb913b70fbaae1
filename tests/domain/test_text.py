"""Text rules: diacritic folding, Markdown to plain text, word counts, hashes and body normalisation."""

import hashlib
import unicodedata

import pytest

from dossier_app.domain.text import content_hash, fold, markdown_to_plain, normalise_body, searchable, word_count


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Cần Thơ", "can tho"),
        ("Khu công nghệ cao", "khu cong nghe cao"),
        ("ĐẤT ĐAI", "dat dai"),
        ("đất đai", "dat dai"),
        ("Phường Hưng Thạnh", "phuong hung thanh"),
        ("Ủy ban nhân dân", "uy ban nhan dan"),
        ("Quyết định 895/QĐ-TTg", "quyet dinh 895/qd-ttg"),
        ("plain ascii", "plain ascii"),
    ],
)
def test_fold_strips_vietnamese_diacritics_and_d_stroke(text: str, expected: str) -> None:
    assert fold(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Thành phố Cần Thơ — Đề án thành lập khu công nghệ thông tin tập trung",
        "İstanbul ĐẶNG ỨNG ỶỸỴ",
        "Straße Ωmega ﬁ",
        "",
    ],
)
def test_fold_keeps_one_character_per_character(text: str) -> None:
    folded = fold(text)
    assert len(folded) == len(text)


def test_fold_offsets_map_back_to_the_original_text() -> None:
    text = "Dự án tại Phường Hưng Thạnh, thành phố Cần Thơ."
    start = fold(text).find("can tho")
    assert text[start : start + len("can tho")] == "Cần Thơ"


def test_markdown_to_plain_drops_markup_and_keeps_the_words() -> None:
    markdown = (
        "# Tiêu đề **đậm**\n\n"
        "- mục *một*\n"
        "1. mục hai\n"
        "2) mục ba\n\n"
        "| Cột A | Cột B |\n"
        "|---|:---:|\n"
        "| đất | 20,02 ha |\n\n"
        "Xem [Quyết định 895](https://example.vn/qd) và `mã` ~~xoá~~ __gạch__\n"
    )
    plain = markdown_to_plain(markdown)
    for marker in ("#", "**", "*", "|", "---", "](", "https://", "`", "~~", "__"):
        assert marker not in plain
    words = plain.split()
    assert words[:3] == ["Tiêu", "đề", "đậm"]
    joined = " ".join(words)
    for expected in ("mục một", "mục hai", "mục ba", "Cột A Cột B", "đất 20,02 ha", "Xem Quyết định 895 và mã"):
        assert expected in joined
    assert joined.endswith("xoá gạch")
    # List numbers are markers, not words.
    assert "1." not in words and "2)" not in words


def test_markdown_to_plain_keeps_lines_apart() -> None:
    plain = markdown_to_plain("Dòng một\nDòng hai")
    assert plain.splitlines() == ["Dòng một", "Dòng hai"]


def test_markdown_to_plain_of_empty_body_is_empty() -> None:
    assert markdown_to_plain("") == ""
    assert markdown_to_plain("  \n\n ") == ""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", 0),
        ("Khu công nghệ cao Cần Thơ", 6),
        ("kinh tế - xã hội", 4),
        ("Cần Thơ,   Hậu Giang;\nSóc Trăng.", 6),
        ("co-operation don't", 2),
        ("Quyết định 895 năm 2021", 5),
    ],
)
def test_word_count_counts_syllables_separated_by_spaces(text: str, expected: int) -> None:
    assert word_count(text) == expected


def test_word_count_of_markdown_counts_only_visible_words() -> None:
    assert word_count(markdown_to_plain("## **Mục tiêu**\n\n- một\n- hai\n")) == 4


def test_content_hash_is_sha256_of_utf8() -> None:
    body = "Đề án thành lập khu công nghệ cao Cần Thơ\n"
    assert content_hash(body) == hashlib.sha256(body.encode("utf-8")).hexdigest()
    assert len(content_hash("")) == 64
    assert content_hash("a") != content_hash("a\n")


def test_normalise_body_makes_equal_texts_hash_equally() -> None:
    nfc = "Đất đai của thành phố Cần Thơ\nDòng hai"
    variants = [
        nfc,
        unicodedata.normalize("NFD", nfc),
        nfc.replace("\n", "\r\n"),
        nfc.replace("\n", "\r"),
        nfc + "\n\n\n",
        nfc + "   \n",
    ]
    normalised = {normalise_body(v) for v in variants}
    assert normalised == {nfc + "\n"}
    assert len({content_hash(n) for n in normalised}) == 1


def test_normalise_body_of_blank_text_is_empty() -> None:
    assert normalise_body("") == ""
    assert normalise_body(" \r\n\t\n") == ""


def test_normalise_body_keeps_inner_blank_lines_and_leading_indent() -> None:
    body = "    mã lệnh\n\nđoạn hai\n"
    assert normalise_body(body) == body
    assert normalise_body(normalise_body(body)) == normalise_body(body)


def test_markdown_to_plain_keeps_literal_underscores_and_escaped_characters() -> None:
    # What QTextDocument.toMarkdown() writes for "HS_2024, 5*3, [x], ban_do_1.pdf": intraword
    # underscores stay bare, other markup characters are escaped; a reader sees them as typed.
    plain = markdown_to_plain("mã hồ sơ HS_2024, 5\\*3 \\[x] tệp ban_do_1.pdf và _nghiêng_")
    assert plain == "mã hồ sơ HS_2024, 5*3 [x] tệp ban_do_1.pdf và nghiêng"


def test_searchable_folds_title_and_body() -> None:
    assert searchable("Quy hoạch sử dụng đất", "Đất thương mại") == "quy hoach su dung dat\ndat thuong mai"
