"""check-format fails hand-made documents on exactly the rule they break, and passes our own output."""

import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pytest
from docx import Document as new_docx
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from dossier_app.export.check_format import DocxPartUnreadable, DocxUnreadable, check_docx
from dossier_app.export.docx_writer import write_docx
from dossier_app.export.word_formatting import StyleSheet, alignment, font_family, points
from dossier_app.export.word_package import W
from tests.export.support import to_trinh


@pytest.fixture
def ours(tmp_path: Path) -> Path:
    return write_docx(to_trinh(), tmp_path / "ours.docx")


def _failed(path: Path) -> set[str]:
    return {result.key for result in check_docx(path).results if not result.passed}


def _edit(source: Path, target: Path, change: object) -> Path:
    doc = new_docx(str(source))
    change(doc)  # type: ignore[operator]
    doc.save(str(target))
    return target


def test_our_output_passes(ours: Path) -> None:
    assert _failed(ours) == set()


def test_wrong_margins_fail_the_margin_rule(ours: Path, tmp_path: Path) -> None:
    def narrow(doc: object) -> None:
        doc.sections[0].left_margin = Mm(20)  # type: ignore[attr-defined]

    assert _failed(_edit(ours, tmp_path / "m.docx", narrow)) == {"margins"}


def test_letter_paper_fails_the_paper_rule(ours: Path, tmp_path: Path) -> None:
    def letter(doc: object) -> None:
        section = doc.sections[0]  # type: ignore[attr-defined]
        section.page_width, section.page_height = Mm(215.9), Mm(279.4)

    assert _failed(_edit(ours, tmp_path / "l.docx", letter)) == {"paper"}


def test_arial_fails_the_font_rule(ours: Path, tmp_path: Path) -> None:
    def arial(doc: object) -> None:
        doc.styles["Normal"].font.name = "Arial"  # type: ignore[attr-defined]

    assert "font" in _failed(_edit(ours, tmp_path / "a.docx", arial))


def test_small_body_text_fails_the_size_rule(ours: Path, tmp_path: Path) -> None:
    def small(doc: object) -> None:
        doc.styles["Normal"].font.size = Pt(11)  # type: ignore[attr-defined]

    assert _failed(_edit(ours, tmp_path / "s.docx", small)) == {"body_size"}


def test_a_plain_word_document_fails_headers_and_page_numbers(tmp_path: Path) -> None:
    doc = new_docx()
    doc.add_paragraph("Một văn bản soạn tay không có thể thức.")
    path = tmp_path / "plain.docx"
    doc.save(str(path))
    failed = _failed(path)
    assert {"national_title", "motto", "number", "place_date", "page_numbers", "paper", "margins"} <= failed


def test_no_page_numbers_fails_only_that_rule(ours: Path, tmp_path: Path) -> None:
    def strip(doc: object) -> None:
        header = doc.sections[0].header  # type: ignore[attr-defined]
        for paragraph in header.paragraphs:
            paragraph._p.getparent().remove(paragraph._p)
        header.add_paragraph("")

    assert _failed(_edit(ours, tmp_path / "n.docx", strip)) == {"page_numbers"}


def test_unreadable_file_raises_a_typed_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"not a zip")
    with pytest.raises(DocxUnreadable):
        check_docx(bad)


def _turn(doc: object, with_table: bool, turned_margins: bool = True) -> object:
    """Append a landscape section (optionally holding a table) to a document."""
    section = doc.add_section()  # type: ignore[attr-defined]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    section.different_first_page_header_footer = False
    if turned_margins:
        section.top_margin, section.bottom_margin, section.left_margin, section.right_margin = (
            Mm(30),
            Mm(15),
            Mm(20),
            Mm(20),
        )
    if with_table:
        doc.add_table(rows=1, cols=9)  # type: ignore[attr-defined]
    return section


def test_landscape_sections_of_tables_pass_with_turned_or_plain_margins(ours: Path, tmp_path: Path) -> None:
    assert _failed(_edit(ours, tmp_path / "t.docx", lambda doc: _turn(doc, True))) == set()
    assert _failed(_edit(ours, tmp_path / "p.docx", lambda doc: _turn(doc, True, turned_margins=False))) == set()


def test_landscape_without_a_table_fails_the_paper_rule(ours: Path, tmp_path: Path) -> None:
    assert _failed(_edit(ours, tmp_path / "e.docx", lambda doc: _turn(doc, False))) == {"paper"}


def test_landscape_margins_outside_both_readings_fail(ours: Path, tmp_path: Path) -> None:
    def tight(doc: object) -> None:
        _turn(doc, True).top_margin = Mm(10)  # type: ignore[attr-defined]

    assert _failed(_edit(ours, tmp_path / "x.docx", tight)) == {"margins"}


def test_a_later_section_must_number_on(ours: Path, tmp_path: Path) -> None:
    def restart(doc: object) -> None:
        section = _turn(doc, True)
        numbering = OxmlElement("w:pgNumType")
        numbering.set(qn("w:start"), "1")
        section._sectPr.append(numbering)  # type: ignore[attr-defined]

    def hide_first(doc: object) -> None:
        _turn(doc, True).different_first_page_header_footer = True  # type: ignore[attr-defined]

    assert _failed(_edit(ours, tmp_path / "r.docx", restart)) == {"page_numbers"}
    assert _failed(_edit(ours, tmp_path / "h.docx", hide_first)) == {"page_numbers"}


def test_font_names_compare_by_family() -> None:
    family = font_family("Times New Roman")
    for name in ("Times New Roman Bold", "TimesNewRomanPS-BoldMT", "times new roman italic", "Times New Roman CE"):
        assert font_family(name) == family, name
    for name in ("Times", "Times New Roman Condensed Grotesque", "Arial", "Liberation Serif"):
        assert font_family(name) != family, name


def test_measures_and_alignment_words_never_raise() -> None:
    assert points("28", 0.5) == 14 and points("14pt", 0.5) == 14 and points("1440", 0.05) == 72
    assert points("20mm", 0.05) == pytest.approx(20 * 72 / 25.4)
    assert points("abc", 0.5) is None and points(None, 0.5) is None and points("1e3", 0.5) is None
    words = {"both": "justify", "distribute": "justify", "start": "left", "end": "right", "center": "center"}
    assert {word: alignment(word) for word in words} == words
    assert alignment("nonsense") == "left" and alignment(None) == "left"


def _styles(xml: str) -> StyleSheet:
    return StyleSheet(ElementTree.fromstring(f'<w:styles xmlns:w="{W}">{xml}</w:styles>'), None)


def test_style_chains_end_at_a_loop_and_fall_back_to_the_default() -> None:
    sheet = _styles(
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"/>'
        '<w:style w:type="paragraph" w:styleId="A"><w:basedOn w:val="B"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="B"><w:basedOn w:val="A"/></w:style>'
    )
    assert [style.get(f"{{{W}}}styleId") for style in sheet.chain("paragraph", "A")] == ["A", "B"]
    assert [style.get(f"{{{W}}}styleId") for style in sheet.chain("paragraph", "Missing")] == ["Normal"]
    assert sheet.chain("character", "Missing") == []


def test_a_damaged_part_is_named(ours: Path, tmp_path: Path) -> None:
    damaged = tmp_path / "d.docx"
    with zipfile.ZipFile(ours) as source, zipfile.ZipFile(damaged, "w") as target:
        for name in source.namelist():
            target.writestr(name, b"<w:hdr" if name == "word/header1.xml" else source.read(name))
    with pytest.raises(DocxPartUnreadable) as raised:
        check_docx(damaged)
    assert raised.value.params["part"] == "word/header1.xml"
