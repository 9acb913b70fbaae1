"""Writes the Word-file corpus of check-format: hand-made OOXML (python-docx, then its XML edited as Word and other
programs write it) and, with --libreoffice, files saved through LibreOffice. The files are committed; run this again
only to change them: `PYTHONPATH=$PWD .venv/bin/python tests/data/word_files/make_corpus.py [--libreoffice]`.
Each file's expected verdict is in verdicts.yaml beside it."""

import io
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

from docx import Document as new_docx
from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from lxml import etree

HERE = Path(__file__).resolve().parent
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
NS = {"w": W, "a": A}
BODY = (
    "Căn cứ Luật Công nghệ cao ngày 13 tháng 11 năm 2008; Ủy ban nhân dân thành phố Cần Thơ kính trình Thủ tướng "
    "Chính phủ xem xét, quyết định thành lập Khu công nghệ cao Cần Thơ tại quận Ô Môn.",
    "Khu công nghệ cao có diện tích dự kiến 500 ha, đáp ứng các điều kiện thành lập theo Điều 5 Nghị định số "
    "10/2024/NĐ-CP; hồ sơ kèm theo gồm Đề án và các tài liệu chứng minh.",
)
Edit = Callable[[etree._Element], None]


def _field(paragraph: object, code: str, shown: str) -> None:
    """A complex field (begin, code split over two runs, separate, result, end) as Word writes one."""
    p = paragraph._p  # type: ignore[attr-defined]
    pieces = [("begin", None), (None, code[:3]), (None, code[3:]), ("separate", None), ("t", shown), ("end", None)]
    for kind, text in pieces:
        run = OxmlElement("w:r")
        if kind in ("begin", "separate", "end"):
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run.append(char)
        elif kind == "t":
            t = OxmlElement("w:t")
            t.text = text
            run.append(t)
        else:
            instr = OxmlElement("w:instrText")
            instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            instr.text = text
            run.append(instr)
        p.append(run)


def _cell(cell: object, lines: list[tuple[str, bool, bool]], size: float = 13) -> None:
    first = True
    for text, bold, italic in lines:
        paragraph = cell.paragraphs[0] if first else cell.add_paragraph()  # type: ignore[attr-defined]
        first = False
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run(text)
        run.bold, run.italic, run.font.size = bold, italic, Pt(size)


def letter(normal_pt: float | None = 14, run_pt: float | None = None, run_font: str | None = None) -> Document:
    """A Tờ trình as a person makes one in Word: Decree 30 paper, margins, header block, justified body, page
    numbers centred at the top from page 2. `normal_pt` goes in the Normal style, `run_pt` on each body run."""
    doc = new_docx()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin, section.left_margin, section.right_margin = (
        Mm(20),
        Mm(20),
        Mm(30),
        Mm(15),
    )
    section.different_first_page_header_footer = True
    number = section.header.paragraphs[0]
    number.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _field(number, " PAGE ", "2")
    normal = doc.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(normal_pt) if normal_pt else None
    table = doc.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    _cell(
        left, [("ỦY BAN NHÂN DÂN", False, False), ("THÀNH PHỐ CẦN THƠ", True, False), ("Số: 05/TTr-UBND", False, False)]
    )
    _cell(
        right,
        [
            ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True, False),
            ("Độc lập - Tự do - Hạnh phúc", True, False),
            ("Cần Thơ, ngày 05 tháng 3 năm 2026", False, True),
        ],
    )
    for text in ("TỜ TRÌNH", "Về việc đề nghị thành lập Khu công nghệ cao Cần Thơ"):
        title = doc.add_paragraph()
        title.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = title.add_run(text)
        run.bold, run.font.size = True, Pt(14)
    for text in BODY:
        paragraph = doc.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        paragraph.paragraph_format.first_line_indent = Mm(12.7)
        run = paragraph.add_run(text)
        if run_pt:
            run.font.size = Pt(run_pt)
        if run_font:
            run.font.name = run_font
    return doc


def _bytes(doc: Document) -> bytes:
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def edited(data: bytes, edits: dict[str, Edit], raw: dict[str, bytes | None] | None = None) -> bytes:
    """The package with parts' XML changed by `edits` (lxml) and parts replaced or removed (`raw`, None removes)."""
    raw = raw or {}
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            body = source.read(name)
            if name in raw:
                if raw[name] is not None:
                    target.writestr(name, raw[name])  # type: ignore[arg-type]
                continue
            if name in edits:
                root = etree.fromstring(body)
                edits[name](root)
                body = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            target.writestr(name, body)
    return out.getvalue()


def xpath(root: etree._Element, path: str) -> list[etree._Element]:
    return root.xpath(path, namespaces=NS)  # type: ignore[no-any-return]


def set_jc(root: etree._Element, old: str, new: str) -> None:
    for jc in xpath(root, f"//w:jc[@w:val='{old}']"):
        jc.set(f"{{{W}}}val", new)


def start_end_both(root: etree._Element) -> None:
    """Word's and LibreOffice's newer alignment words: 'start' and 'end' where older files say left and right."""
    set_jc(root, "both", "both")
    for jc in xpath(root, "//w:tbl//w:jc")[:3]:
        jc.set(f"{{{W}}}val", "start")
    for jc in xpath(root, "//w:tbl//w:jc")[3:5]:
        jc.set(f"{{{W}}}val", "end")
    body = xpath(root, "//w:body/w:p/w:pPr/w:jc[@w:val='both']")
    body[-1].set(f"{{{W}}}val", "distribute")


def _theme_latin(typeface: str) -> Edit:
    def change(root: etree._Element) -> None:
        for latin in xpath(root, "//a:minorFont/a:latin | //a:majorFont/a:latin"):
            latin.set("typeface", typeface)

    return change


def theme_only_fonts(root: etree._Element) -> None:
    """Fonts named only by the theme: the docDefaults' minorHAnsi, nothing in Normal or on the runs."""
    for fonts in xpath(root, "//w:style[@w:styleId='Normal']/w:rPr/w:rFonts"):
        fonts.getparent().remove(fonts)


def styled_sizes(root: etree._Element) -> None:
    """Body sizes only in a style chain: VNBody -> VNBase (14 pt) -> Normal (11 pt)."""
    for sz in xpath(root, "//w:style[@w:styleId='Normal']/w:rPr/w:sz"):
        sz.set(f"{{{W}}}val", "22")
    base = etree.SubElement(root, f"{{{W}}}style", {f"{{{W}}}type": "paragraph", f"{{{W}}}styleId": "VNBase"})
    etree.SubElement(base, f"{{{W}}}name", {f"{{{W}}}val": "VN Base"})
    etree.SubElement(base, f"{{{W}}}basedOn", {f"{{{W}}}val": "Normal"})
    rpr = etree.SubElement(base, f"{{{W}}}rPr")
    etree.SubElement(rpr, f"{{{W}}}sz", {f"{{{W}}}val": "28"})
    body = etree.SubElement(root, f"{{{W}}}style", {f"{{{W}}}type": "paragraph", f"{{{W}}}styleId": "VNBody"})
    etree.SubElement(body, f"{{{W}}}name", {f"{{{W}}}val": "Body Text VN"})
    etree.SubElement(body, f"{{{W}}}basedOn", {f"{{{W}}}val": "VNBase"})
    ppr = etree.SubElement(body, f"{{{W}}}pPr")
    etree.SubElement(ppr, f"{{{W}}}jc", {f"{{{W}}}val": "both"})


def use_body_style(root: etree._Element) -> None:
    for ppr in xpath(root, "//w:body/w:p[w:pPr/w:jc[@w:val='both']]/w:pPr"):
        style = etree.Element(f"{{{W}}}pStyle", {f"{{{W}}}val": "VNBody"})
        ppr.insert(0, style)
        ppr.remove(ppr.find(f"{{{W}}}jc"))


def body_style_12(root: etree._Element) -> None:
    styled_sizes(root)
    for sz in xpath(root, "//w:style[@w:styleId='VNBase']/w:rPr/w:sz"):
        sz.set(f"{{{W}}}val", "24")


def style_cycle(root: etree._Element) -> None:
    """VNBody based on VNBase based on VNBody: a loop Word tolerates."""
    styled_sizes(root)
    xpath(root, "//w:style[@w:styleId='VNBase']/w:basedOn")[0].set(f"{{{W}}}val", "VNBody")
    rpr = xpath(root, "//w:style[@w:styleId='VNBase']/w:rPr")[0]
    rpr.insert(
        0, etree.Element(f"{{{W}}}rFonts", {f"{{{W}}}ascii": "Times New Roman", f"{{{W}}}hAnsi": "Times New Roman"})
    )


def bold_face_names(root: etree._Element) -> None:
    """Fonts named by face, as converters and old templates write them."""
    faces = ("Times New Roman Bold", "TimesNewRomanPS-BoldMT", "Times New Roman Italic")
    for fonts, face in zip(xpath(root, "//w:body//w:r/w:rPr/w:rFonts"), faces * 20, strict=False):
        fonts.set(f"{{{W}}}ascii", face)
        fonts.set(f"{{{W}}}hAnsi", face)


def fields_tables_sections(root: etree._Element) -> None:
    """A DATE field and a hyperlink in the body, a content control around a paragraph, and a second section in
    A4 landscape holding a wide table of 12 pt cells whose header links to the first."""
    body = xpath(root, "//w:body")[0]
    paragraphs = xpath(root, "//w:body/w:p[w:pPr/w:jc[@w:val='both']]")
    last = paragraphs[-1]
    field = etree.fromstring(
        f'<w:fldSimple xmlns:w="{W}" w:instr=" DATE \\@ &quot;dd/MM/yyyy&quot; "><w:r><w:rPr><w:sz w:val="28"/>'
        "</w:rPr><w:t>05/03/2026</w:t></w:r></w:fldSimple>"
    )
    last.append(field)
    link = etree.fromstring(
        f'<w:hyperlink xmlns:w="{W}" w:anchor="top"><w:r><w:t xml:space="preserve"> (xem phụ lục)</w:t></w:r>'
        "</w:hyperlink>"
    )
    last.append(link)
    sdt = etree.SubElement(body, f"{{{W}}}sdt")
    etree.SubElement(sdt, f"{{{W}}}sdtPr")
    content = etree.SubElement(sdt, f"{{{W}}}sdtContent")
    content.append(etree.fromstring(etree.tostring(paragraphs[0])))
    body.remove(sdt)
    last.addnext(sdt)
    final = body.find(f"{{{W}}}sectPr")
    breaker = etree.SubElement(body, f"{{{W}}}p")
    ppr = etree.SubElement(breaker, f"{{{W}}}pPr")
    first = etree.fromstring(etree.tostring(final))
    ppr.append(first)
    body.remove(breaker)
    sdt.addnext(breaker)
    rows = "".join(
        "<w:tr>"
        + "".join(
            f'<w:tc><w:p><w:r><w:rPr><w:sz w:val="24"/></w:rPr><w:t>Ô {r}.{c}</w:t></w:r></w:p></w:tc>'
            for c in range(9)
        )
        + "</w:tr>"
        for r in range(3)
    )
    table = etree.fromstring(f'<w:tbl xmlns:w="{W}"><w:tblPr><w:tblStyle w:val="TableGrid"/></w:tblPr>{rows}</w:tbl>')
    final.addprevious(table)
    final.addprevious(etree.Element(f"{{{W}}}p"))
    for ref in final.findall(f"{{{W}}}headerReference"):
        final.remove(ref)
    size = final.find(f"{{{W}}}pgSz")
    size.set(f"{{{W}}}w", str(int(297 / 25.4 * 1440)))
    size.set(f"{{{W}}}h", str(int(210 / 25.4 * 1440)))
    size.set(f"{{{W}}}orient", "landscape")
    title = final.find(f"{{{W}}}titlePg")
    if title is not None:
        final.remove(title)


def landscape_without_table(root: etree._Element) -> None:
    """A second section in A4 landscape holding only a paragraph: landscape is for wide tables."""
    body = xpath(root, "//w:body")[0]
    final = body.find(f"{{{W}}}sectPr")
    breaker = etree.Element(f"{{{W}}}p")
    etree.SubElement(breaker, f"{{{W}}}pPr").append(etree.fromstring(etree.tostring(final)))
    final.addprevious(breaker)
    text = etree.fromstring(f'<w:p xmlns:w="{W}"><w:pPr><w:jc w:val="both"/></w:pPr><w:r><w:t>Ngang.</w:t></w:r></w:p>')
    final.addprevious(text)
    size = final.find(f"{{{W}}}pgSz")
    size.set(f"{{{W}}}w", "16838")
    size.set(f"{{{W}}}h", "11906")
    size.set(f"{{{W}}}orient", "landscape")
    for ref in final.findall(f"{{{W}}}headerReference"):
        final.remove(ref)
    for title in final.findall(f"{{{W}}}titlePg"):
        final.remove(title)


def letter_paper(root: etree._Element) -> None:
    size = xpath(root, "//w:body/w:sectPr/w:pgSz")[0]
    size.set(f"{{{W}}}w", "12240")
    size.set(f"{{{W}}}h", "15840")


def unusual_values(root: etree._Element) -> None:
    """Valid but unusual: margins as universal measures, ST_OnOff as 'on', a thaiDistribute body paragraph."""
    margins = xpath(root, "//w:body/w:sectPr/w:pgMar")[0]
    margins.set(f"{{{W}}}top", "20mm")
    margins.set(f"{{{W}}}left", "3cm")
    for title in xpath(root, "//w:titlePg"):
        title.set(f"{{{W}}}val", "on")
    set_jc(root, "both", "thaiDistribute")


def unusual_styles(root: etree._Element) -> None:
    for sz in xpath(root, "//w:style[@w:styleId='Normal']/w:rPr/w:sz"):
        sz.set(f"{{{W}}}val", "14pt")


def narrow_left_margin(root: etree._Element) -> None:
    xpath(root, "//w:body/w:sectPr/w:pgMar")[0].set(f"{{{W}}}left", "1134")


def hidden_and_deleted(root: etree._Element) -> None:
    """Text Word does not show: a deleted run and a hidden run, both in Arial 8 pt."""
    last = xpath(root, "//w:body/w:p[w:pPr/w:jc[@w:val='both']]")[-1]
    last.append(
        etree.fromstring(
            f'<w:del xmlns:w="{W}" w:id="1" w:author="A" w:date="2026-03-01T00:00:00Z"><w:r><w:rPr>'
            '<w:rFonts w:ascii="Arial" w:hAnsi="Arial"/><w:sz w:val="16"/></w:rPr><w:delText>đã xóa</w:delText></w:r>'
            "</w:del>"
        )
    )
    last.append(
        etree.fromstring(
            f'<w:r xmlns:w="{W}"><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial"/><w:vanish/><w:sz w:val="16"/>'
            "</w:rPr><w:t>ẩn</w:t></w:r>"
        )
    )


def vietnamese_in_arial(root: etree._Element) -> None:
    """ASCII letters in Times New Roman but the Vietnamese ones (the hAnsi slot) in Arial."""
    for fonts in xpath(root, "//w:style[@w:styleId='Normal']/w:rPr/w:rFonts"):
        fonts.set(f"{{{W}}}hAnsi", "Arial")


def page_number_left(root: etree._Element) -> None:
    set_jc(root, "center", "start")


def no_motto(root: etree._Element) -> None:
    for t in xpath(root, "//w:t[.='Độc lập - Tự do - Hạnh phúc']"):
        t.text = "Độc lập"


def strict(data: bytes) -> bytes:
    """The same package in Strict Open XML's namespaces, as Word's 'Strict Open XML Document' saves it."""
    pairs = (
        (
            b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
            b"http://purl.oclc.org/ooxml/wordprocessingml/main",
        ),
        (
            b"http://schemas.openxmlformats.org/officeDocument/2006/relationships",
            b"http://purl.oclc.org/ooxml/officeDocument/relationships",
        ),
        (b"http://schemas.openxmlformats.org/drawingml/2006/main", b"http://purl.oclc.org/ooxml/drawingml/main"),
    )
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            body = source.read(name)
            for old, new in pairs:
                body = body.replace(old, new)
            target.writestr(name, body)
    return out.getvalue()


def hand_made() -> dict[str, bytes]:
    """Every hand-made file, by name."""
    ok = _bytes(letter())
    doc, styles, theme = "word/document.xml", "word/styles.xml", "word/theme/theme1.xml"
    return {
        "hand_conforming.docx": ok,
        "hand_start_end_both.docx": edited(ok, {doc: start_end_both}),
        "hand_theme_fonts.docx": edited(ok, {styles: theme_only_fonts, theme: _theme_latin("Times New Roman")}),
        "hand_theme_fonts_calibri.docx": edited(ok, {styles: theme_only_fonts, theme: _theme_latin("Calibri")}),
        "hand_sizes_in_styles.docx": edited(_bytes(letter(None)), {styles: styled_sizes, doc: use_body_style}),
        "hand_body_12pt_in_style.docx": edited(_bytes(letter(None)), {styles: body_style_12, doc: use_body_style}),
        "hand_runs_14pt_normal_11pt.docx": _bytes(letter(11, run_pt=14)),
        "hand_runs_14pt_normal_12pt.docx": _bytes(letter(12, run_pt=14)),
        "hand_runs_12pt_normal_14pt.docx": _bytes(letter(14, run_pt=12)),
        "hand_font_face_names.docx": edited(
            _bytes(letter(11, run_pt=14, run_font="Times New Roman")), {doc: bold_face_names}
        ),
        "hand_run_in_arial.docx": _bytes(letter(run_font="Arial")),
        "hand_vietnamese_in_arial.docx": edited(ok, {styles: vietnamese_in_arial}),
        "hand_style_cycle.docx": edited(_bytes(letter(None)), {styles: style_cycle, doc: use_body_style}),
        "hand_fields_tables_sections.docx": edited(ok, {doc: fields_tables_sections}),
        "hand_landscape_without_table.docx": edited(ok, {doc: landscape_without_table}),
        "hand_letter_paper.docx": edited(ok, {doc: letter_paper}),
        "hand_narrow_left_margin.docx": edited(ok, {doc: narrow_left_margin}),
        "hand_unusual_values.docx": edited(_bytes(letter()), {doc: unusual_values, styles: unusual_styles}),
        "hand_hidden_and_deleted.docx": edited(ok, {doc: hidden_and_deleted}),
        "hand_page_number_start.docx": edited(ok, {"word/header1.xml": page_number_left}),
        "hand_no_motto.docx": edited(ok, {doc: no_motto}),
        "hand_strict.docx": strict(ok),
        "broken_styles_xml.docx": edited(ok, {}, {styles: b"<w:styles xmlns:w='" + W.encode() + b"'><w:style"}),
        "broken_no_document_part.docx": edited(ok, {}, {doc: None}),
        "broken_not_a_zip.docx": "Đây không phải tệp Word.\n".encode(),
    }


def main() -> None:
    """Write the hand-made files; with --libreoffice also the files LibreOffice saves."""
    for name, data in hand_made().items():
        (HERE / name).write_bytes(data)
    if "--libreoffice" in sys.argv:
        from tests.data.word_files.libreoffice_corpus import write_libreoffice_files

        write_libreoffice_files(HERE)


if __name__ == "__main__":
    main()
