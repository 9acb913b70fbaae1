"""Phụ lục I (conditions checklist) and the comment register document: built, written, checked, read back."""

import shutil
import subprocess
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from docx import Document as open_docx

from dossier_app.domain.comment_register import CommentState, RegisterRow
from dossier_app.domain.conditions import ConditionStatus, Outcome
from dossier_app.export.appendix_conditions import (
    ConditionLine,
    CriterionLine,
    build_conditions_appendix,
    figure,
    section_numbers,
)
from dossier_app.export.check_format import check_docx
from dossier_app.export.comment_register_doc import build_comment_register
from dossier_app.export.documents import SectionText
from dossier_app.export.docx_writer import write_docx
from dossier_app.export.pdf_writer import write_pdf
from dossier_app.export.plan import AppendixHeader, DocumentSettings, HeaderBlock, Table
from dossier_app.storage.resources import font_dir
from tests.export.support import LETTERHEAD

CONDITIONS = (
    ConditionLine(
        "a)",
        "Phù hợp với quy hoạch vùng, quy hoạch tỉnh",
        ConditionStatus.MET,
        "Đã có ý kiến thống nhất.",
        ("Đề án, Chương II: Sự phù hợp với quy hoạch", "ban_do_quy_hoach.pdf (SHA-256 0123456789ab)"),
    ),
    ConditionLine("b)", "Có diện tích đất phù hợp với quy mô", ConditionStatus.NOT_MET, "Thiếu số liệu đo đạc.", ()),
    ConditionLine("c)", "Có kết cấu hạ tầng kỹ thuật đồng bộ", ConditionStatus.UNKNOWN, "", ()),
)
CRITERIA = (
    CriterionLine("Số lao động công nghệ thông tin", ">=", Decimal(2000), "people", Decimal(2400), Outcome.PASS),
    CriterionLine("Mật độ xây dựng thuần", "<=", Decimal(40), "percent", Decimal("41.5"), Outcome.FAIL),
)
ROWS = (
    RegisterRow(
        1,
        1,
        "Bộ Khoa học và Công nghệ",
        date(2026, 10, 12),
        3,
        "Sự cần thiết thành lập",
        "Làm rõ cơ sở dự báo số lao động.",
        "Đã bổ sung bảng tính theo diện tích sàn.",
        CommentState.ACCEPTED,
        7,
    ),
    RegisterRow(
        2,
        2,
        "Bộ Tài chính",
        date(2026, 10, 20),
        None,
        "",
        "Nêu rõ nguồn vốn ngân sách trung ương.",
        "Vốn hạ tầng do Quỹ Đầu tư phát triển thành phố bố trí.",
        CommentState.EXPLAINED,
        None,
    ),
    RegisterRow(
        3, 3, "Hội đồng thẩm định", None, None, "", "Đề nghị giảm quy mô khu nhà ở.", "", CommentState.PENDING, None
    ),
)


def _text(path: Path) -> str:
    """The PDF's words in drawing order (-raw: each table cell whole) with whitespace squashed."""
    out = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, check=True, text=True)
    return " ".join(out.stdout.split())


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("appendices")
    plans = [
        build_conditions_appendix(LETTERHEAD, "TTr", CONDITIONS, CRITERIA, DocumentSettings()),
        build_comment_register(
            LETTERHEAD, "về Đề án thành lập Khu công nghệ cao Cần Thơ", LETTERHEAD, "TTr", ROWS, DocumentSettings()
        ),
    ]
    paths: dict[str, Path] = {}
    for plan in plans:
        write_docx(plan, folder / f"{plan.name}.docx")
        write_pdf(plan, folder / f"{plan.name}.pdf", font_dir())
        paths[plan.name] = folder / plan.name
    return paths


def test_conditions_appendix_is_laid_out_like_the_other_appendices() -> None:
    plan = build_conditions_appendix(LETTERHEAD, "TTr", CONDITIONS, CRITERIA, DocumentSettings())
    head = plan.blocks[0]
    assert plan.name == "Phu_luc_I" and isinstance(head, AppendixHeader)
    assert head.label == "Phụ lục I" and head.title == head.title.upper()
    assert head.note == "(Kèm theo Tờ trình số 05/TTr-UBND ngày 05/03/2026 của Ủy ban nhân dân thành phố Cần Thơ)"
    tables = [block for block in plan.blocks if isinstance(block, Table)]
    assert len(tables) == 2 and len(tables[0].rows) == 3 and len(tables[1].rows) == 2
    high_tech = build_conditions_appendix(LETTERHEAD, "TTr", CONDITIONS, (), DocumentSettings())
    assert len([block for block in high_tech.blocks if isinstance(block, Table)]) == 1


def test_figures_and_section_numbers_as_the_documents_print_them() -> None:
    assert (figure(Decimal(2000)), figure(Decimal("66.6667")), figure(Decimal("20.5"))) == ("2.000", "66,67", "20,5")
    child = SectionText("Con", "chữ", "b.1", True)
    tree = [SectionText("Mở đầu", "x", "da.0_mo_dau", True), SectionText("Hai", "", "b", True, (child,))]
    assert section_numbers(tree) == {"da.0_mo_dau": "I", "b": "II", "b.1": "1"}
    assert section_numbers(tree, ("da.0_mo_dau",)) == {"da.0_mo_dau": "", "b": "Chương I", "b.1": "1"}


@pytest.mark.parametrize("name", ["Phu_luc_I", "Bang_tong_hop_y_kien"])
def test_both_documents_reopen_and_pass_check_format(written: dict[str, Path], name: str) -> None:
    docx_path = written[name].with_suffix(".docx")
    assert open_docx(str(docx_path)).tables
    report = check_docx(docx_path)
    assert report.passed, [rule for rule in report.results if not rule.passed]


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils is not installed")
def test_pdf_holds_conditions_statuses_and_evidence_exactly(written: dict[str, Path]) -> None:
    text = _text(written["Phu_luc_I"].with_suffix(".pdf"))
    for line in CONDITIONS:
        assert line.text in text and line.note in text
    for status in ("Đáp ứng", "Chưa đáp ứng", "Chưa đánh giá", "Đạt", "Không đạt"):
        assert status in text
    assert "Đề án, Chương II: Sự phù hợp với quy hoạch" in text and "(SHA-256 0123456789ab)" in text
    assert "≥ 2.000 người" in text and "41,5 %" in text and "BẢNG ĐÁNH GIÁ VIỆC ĐÁP ỨNG" in text


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils is not installed")
def test_register_pdf_holds_sources_responses_and_results_exactly(written: dict[str, Path]) -> None:
    text = _text(written["Bang_tong_hop_y_kien"].with_suffix(".pdf"))
    for row in ROWS:
        assert row.source in text and row.comment in text and row.response in text
    for result in ("Tiếp thu", "Giải trình", "Chưa xử lý"):
        assert result in text
    assert "Số: 05/BC-UBND" in text and "BẢNG TỔNG HỢP, TIẾP THU, GIẢI TRÌNH Ý KIẾN" in text
    assert "12/10/2026" in text and "Nguyễn Văn Hùng" in text


def test_register_has_header_blocks_and_an_empty_register_says_so() -> None:
    plan = build_comment_register(LETTERHEAD, "về Đề án", LETTERHEAD, "TTr", (), DocumentSettings())
    assert isinstance(plan.blocks[0], HeaderBlock) and plan.blocks[0].number == "Số: 05/BC-UBND"
    assert not any(isinstance(block, Table) for block in plan.blocks)
