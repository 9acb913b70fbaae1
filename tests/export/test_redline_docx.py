"""The redline as a Word file: real tracked changes by the later revision's author at its time, which accepted give
the new text and rejected the old one, in the Decree 30 layout, and which LibreOffice opens."""

import re
import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path
from xml.etree import ElementTree

import pytest
from docx import Document as open_docx
from docx.shared import Mm, Pt

from dossier_app.export import format_rules as rules
from dossier_app.export.redline_blocks import compare_markdown
from dossier_app.export.redline_docx import RedlineHead, write_redline_docx
from tests.export.redline_support import (
    NEW,
    OLD,
    W,
    document_xml,
    expected_lines,
    libreoffice_resolved,
    resolved_lines,
)

SOFFICE = shutil.which("soffice")
AUTHOR = "Trần Thị Bình"
WHEN = datetime(2026, 12, 5, 8, 30, 15, tzinfo=UTC)


def _write(tmp_path: Path, old: str = OLD, new: str = NEW) -> Path:
    project = "Dự án CT-HTP — Khu công nghệ cao"
    head = RedlineHead("Vị trí và quy mô", project, "phiên bản 2", "phiên bản 5", AUTHOR, WHEN)
    return write_redline_docx(compare_markdown(old, new), head, tmp_path / "so-sanh.docx")


def test_changes_are_tracked_with_author_date_and_unique_ids(tmp_path: Path) -> None:
    root = ElementTree.fromstring(document_xml(_write(tmp_path)))
    changes = [element for element in root.iter() if element.tag in (f"{W}ins", f"{W}del")]
    assert changes
    assert {element.get(f"{W}author") for element in changes} == {AUTHOR}
    assert {element.get(f"{W}date") for element in changes} == {"2026-12-05T08:30:15Z"}
    ids = [element.get(f"{W}id") for element in changes]
    assert len(set(ids)) == len(ids)
    inserted = " ".join(t.text or "" for ins in root.iter(f"{W}ins") for t in ins.iter(f"{W}t"))
    deleted = " ".join(t.text or "" for d in root.iter(f"{W}del") for t in d.iter(f"{W}delText"))
    assert "Bình Thủy" in inserted and "31,5" in inserted and "Mật độ xây dựng tối đa 40%" in inserted
    assert "Ninh Kiều" in deleted and "30,0" in deleted and "Đoạn này sẽ bị xoá" in deleted
    assert all(deletion.find(f".//{W}t") is None for deletion in root.iter(f"{W}del"))  # deleted text is w:delText
    # whole blocks carry their paragraph mark or row in the change, so they go whole
    assert root.findall(f".//{W}pPr/{W}rPr/{W}del") and root.findall(f".//{W}pPr/{W}rPr/{W}ins")
    assert root.findall(f".//{W}trPr/{W}del") and root.findall(f".//{W}trPr/{W}ins")
    text = "".join(node.text or "" for node in root.iter() if node.tag in (f"{W}t", f"{W}delText"))
    assert "**" not in text and "|" not in text and "##" not in text


def test_accepting_every_change_gives_the_new_text_and_rejecting_the_old(tmp_path: Path) -> None:
    path = _write(tmp_path)
    assert resolved_lines(path, accept=True) == expected_lines(NEW)
    assert resolved_lines(path, accept=False) == expected_lines(OLD)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("", NEW),
        (NEW, ""),
        ("Một hai ba.\n", "Hai ba bốn.\n"),
        ("1. Thứ nhất.\n2. Thứ hai.\n", "1. Thứ nhất.\n2. Chen vào.\n3. Thứ hai.\n"),
        ("Dòng đầu  \nDòng sau có ngắt.\n", "Dòng đầu  \nDòng sau đã sửa.\n"),
    ],
)
def test_accept_and_reject_hold_for_edge_cases(tmp_path: Path, old: str, new: str) -> None:
    path = _write(tmp_path, old, new)
    assert resolved_lines(path, accept=True) == expected_lines(new)
    assert resolved_lines(path, accept=False) == expected_lines(old)


def test_the_decree_layout_of_the_export(tmp_path: Path) -> None:
    doc = open_docx(str(_write(tmp_path)))
    section = doc.sections[0]
    margins = rules.Margins()
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert round(section.left_margin.mm) == round(Mm(margins.left).mm)
    normal = doc.styles["Normal"].font
    assert normal.name == rules.FONT_NAME and normal.size == Pt(rules.STYLES[rules.Role.BODY].size_pt)
    head = ["Dự án CT-HTP — Khu công nghệ cao", "BẢN SO SÁNH THAY ĐỔI", "Vị trí và quy mô"]
    assert [p.text for p in doc.paragraphs[:3]] == head
    assert doc.paragraphs[4].text.startswith("Từ: ") and doc.paragraphs[4].paragraph_format.space_before == Pt(12)
    assert doc.tables and doc.tables[0].style.name == "Table Grid"


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed: no second reader of the .docx")
def test_libreoffice_opens_it_and_shows_both_texts(tmp_path: Path) -> None:
    path = _write(tmp_path)
    profile = tmp_path / "profile"
    subprocess.run(
        [str(SOFFICE), f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(path)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    pdf = tmp_path / "so-sanh.pdf"
    assert pdf.exists(), "LibreOffice did not convert the redline"
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    flat = re.sub(r"\s+", " ", text)
    for shown in ("BẢN SO SÁNH THAY ĐỔI", "Ninh Kiều", "Bình Thủy", "Đoạn này sẽ bị xoá", "Đoạn mới được thêm"):
        assert shown in flat
    assert "30,0" in flat and "31,5" in flat and "**" not in flat


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed: nothing to accept or reject with")
def test_libreoffice_accept_all_and_reject_all_give_each_revision(tmp_path: Path) -> None:
    assert SOFFICE is not None
    resolved = libreoffice_resolved(SOFFICE, _write(tmp_path), tmp_path)
    for how, text in (("Accept", NEW), ("Reject", OLD)):
        assert [line for line in resolved[how] if line] == expected_lines(text)
        # whole paragraphs, items and rows went with their marks: the one empty paragraph is the one under the table
        assert resolved[how].count("") == 1
