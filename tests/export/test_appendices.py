"""Appendices II and III: the plan table with its Gantt chart, the register by ward with exact totals and charts,
and the household list whose header row repeats on every page, in Word and PDF alike."""

import shutil
import subprocess
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from docx import Document as open_docx
from docx.oxml.ns import qn
from pypdf import PdfReader

from dossier_app.domain.milestones import (
    Assessment,
    ClockRule,
    Deadline,
    Finding,
    FindingKind,
    Milestone,
    MilestoneStatus,
    Risk,
    RuleKind,
)
from dossier_app.export.appendices import (
    HouseholdLine,
    build_plan_appendix,
    build_register_appendix,
    square_metres,
    vnd,
)
from dossier_app.export.charts import ChartSize, WardFigures, gantt_png, parties_by_step_png
from dossier_app.export.check_format import check_docx
from dossier_app.export.docx_writer import write_docx
from dossier_app.export.pdf_writer import write_pdf
from dossier_app.export.plan import AppendixHeader, DocumentSettings
from dossier_app.storage.resources import font_dir
from tests.export.support import LETTERHEAD

TODAY = date(2026, 11, 26)
SMALL = ChartSize(width_in=4, height_in=2.5, dpi=60)
STEPS = (
    Milestone("M1", "Họp phổ biến với người dân", date(2026, 1, 5), date(2026, 1, 10), date(2026, 1, 5),
              date(2026, 1, 9), "Ủy ban nhân dân cấp xã", MilestoneStatus.DONE, 100),
    Milestone("M2", "Thông báo thu hồi đất", date(2026, 2, 1), date(2026, 2, 5), date(2026, 2, 2), None,
              "Ủy ban nhân dân có thẩm quyền", MilestoneStatus.RUNNING, 60),
    Milestone("M3", "Kiểm đếm", date(2026, 12, 1), date(2027, 1, 15), responsible="Tổ chức làm nhiệm vụ bồi thường"),
)  # fmt: skip
RULE = ClockRule("r2", "M2", RuleKind.WITHIN_DAYS_AFTER, "M1", days=30)
DEADLINES = (Deadline(RULE, "M2", "M1", date(2026, 2, 8), True),)
ASSESSMENTS = (
    Assessment("M1", Risk.ON_TRACK),
    Assessment("M2", Risk.OVERDUE, (Finding(FindingKind.DEADLINE_MISSED, date(2026, 2, 8), 291, "r2"),)),
    Assessment("M3", Risk.ON_TRACK),
)
WARDS = (
    WardFigures("Phường Cái Răng", 3, {"notified_on": 1, "paid_on": 2}, 1_000_000_000, 400_000_000,
                Decimal("1500.25"), Decimal("300")),
    WardFigures("Phường Hưng Phú", 2, {"handed_over_on": 1, "enforced_on": 1}, 234_567_890, 234_567_890,
                Decimal("800"), Decimal("800")),
)  # fmt: skip
TOTAL = WardFigures("", 5, {"notified_on": 1, "paid_on": 2, "handed_over_on": 1, "enforced_on": 1}, 1_234_567_890,
                    634_567_890, Decimal("2300.25"), Decimal("1100"))  # fmt: skip


def _households(count: int) -> list[HouseholdLine]:
    return [
        HouseholdLine(
            f"HT-{i:04d}", f"Nguyễn Văn Hộ {i}", "Phường Cái Răng", Decimal("125.5"), 1_500_000 * i, "paid_on"
        )
        for i in range(1, count + 1)
    ]


def _pages(path: Path) -> list[str]:
    if shutil.which("pdftotext"):
        out = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, check=True, text=True)
        return [" ".join(page.split()) for page in out.stdout.split("\f") if page.strip()]
    return [" ".join((page.extract_text() or "").split()) for page in PdfReader(str(path)).pages]


def _image_count(path: Path) -> int:
    count = 0
    for page in PdfReader(str(path)).pages:
        resources = page.get("/Resources") or {}
        objects = resources.get("/XObject") or {}
        count += sum(1 for ref in objects.values() if ref.get_object().get("/Subtype") == "/Image")
    return count


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("appendices")
    gantt = gantt_png(STEPS, DEADLINES, ASSESSMENTS, today=TODAY, scale="month", size=SMALL)
    chart = parties_by_step_png(WARDS, SMALL)
    plans = {
        "plan": build_plan_appendix(LETTERHEAD, "TTr", STEPS, DEADLINES, ASSESSMENTS, gantt, DocumentSettings()),
        "register": build_register_appendix(
            LETTERHEAD, "TTr", WARDS, TOTAL, [(chart, "Số hộ theo bước")], _households(300), DocumentSettings()
        ),
        "empty_plan": build_plan_appendix(
            LETTERHEAD, "TTr", tuple(Milestone(m.key, m.title) for m in STEPS), (), (), None, DocumentSettings()
        ),
        "empty_register": build_register_appendix(LETTERHEAD, "TTr", (), WardFigures(""), (), (), DocumentSettings()),
    }
    out: dict[str, Path] = {}
    for name, plan in plans.items():
        out[f"{name}.docx"] = write_docx(plan, folder / f"{name}.docx")
        out[f"{name}.pdf"] = write_pdf(plan, folder / f"{name}.pdf", font_dir())
    return out


def test_numbers_are_written_the_vietnamese_way() -> None:
    assert vnd(1_234_567_890) == "1.234.567.890"
    assert vnd(0) == "0"
    assert square_metres(Decimal("1234.56")) == "1.234,6"


def test_appendix_heads_name_the_letter_they_go_with() -> None:
    plan = build_plan_appendix(LETTERHEAD, "TTr", STEPS, DEADLINES, ASSESSMENTS, None, DocumentSettings())
    head = plan.blocks[0]
    assert isinstance(head, AppendixHeader) and head.label == "Phụ lục II" and head.title.isupper()
    assert head.note.startswith("(Kèm theo Tờ trình số 05/TTr-UBND ngày 05/03/2026 của Ủy ban nhân dân")
    assert plan.name == "Phu_luc_II"


@pytest.mark.parametrize("name", ["plan", "register", "empty_plan", "empty_register"])
def test_each_appendix_reopens_and_passes_check_format(written: dict[str, Path], name: str) -> None:
    open_docx(str(written[f"{name}.docx"]))
    report = check_docx(written[f"{name}.docx"])
    assert report.passed, [(c.rule, c.detail) for c in report.checks if not c.passed]


def test_plan_appendix_lists_steps_marks_overdue_and_carries_the_gantt(written: dict[str, Path]) -> None:
    text = " ".join(_pages(written["plan.pdf"]))
    for expected in ("Phụ lục II", "KẾ HOẠCH THU HỒI ĐẤT", "Thông báo thu hồi đất", "Quá hạn 291 ngày",
                     "không sau 08/02/2026", "Hoàn thành", "Đang thực hiện", "Thời hạn pháp lý"):  # fmt: skip
        assert expected in text, expected
    assert _image_count(written["plan.pdf"]) == 1
    docx = open_docx(str(written["plan.docx"]))
    assert len(docx.inline_shapes) == 1
    assert [row.cells[0].text.split(".")[0] for row in docx.tables[0].rows] == ["Bước, nội dung", "M1", "M2", "M3"]
    overdue = [c for c in docx.tables[0].rows[2].cells if "Quá hạn" in c.text]
    assert overdue and all(run.bold for run in overdue[0].paragraphs[0].runs)


def test_register_appendix_sums_by_ward_with_exact_totals(written: dict[str, Path]) -> None:
    pages = _pages(written["register.pdf"])
    text = " ".join(pages)
    for expected in ("Phụ lục III", "Phường Cái Răng", "Phường Hưng Phú", "1.234.567.890", "634.567.890",
                     "2.300,3", "1.100,0", "Đã thông báo", "Đã chi trả", "Đã bàn giao", "Đã cưỡng chế",
                     "Tổng cộng"):  # fmt: skip
        assert expected in text, expected
    assert _image_count(written["register.pdf"]) == 1
    docx = open_docx(str(written["register.docx"]))
    assert len(docx.inline_shapes) == 1
    parties = docx.tables[0]
    assert [c.text for c in parties.rows[0].cells][:3] == ["Phường", "Số hộ", "Chưa bắt đầu"]
    for row in parties.rows[1:]:
        cells = [c.text for c in row.cells]
        assert int(cells[1]) == sum(int(n) for n in cells[2:]), cells
    assert [c.text for c in parties.rows[-1].cells][:2] == ["Tổng cộng", "5"]
    money = docx.tables[1]
    total = money.rows[-1]
    assert total.cells[1].text == "1.234.567.890"
    assert all(run.bold for cell in total.cells for p in cell.paragraphs for run in p.runs)


def test_household_list_repeats_its_header_on_every_page(written: dict[str, Path]) -> None:
    docx = open_docx(str(written["register.docx"]))
    households = docx.tables[-1]
    assert len(households.rows) == 301
    first = households.rows[0]._tr
    assert first.trPr is not None and first.trPr.find(qn("w:tblHeader")) is not None
    body = households.rows[1]._tr
    assert body.trPr is not None and body.trPr.find(qn("w:cantSplit")) is not None
    assert [c.text for c in households.rows[300].cells][:2] == ["HT-0300", "Nguyễn Văn Hộ 300"]
    pages = _pages(written["register.pdf"])
    start = next(i for i, page in enumerate(pages) if "HT-0001" in page)
    list_pages = pages[start:]
    assert len(list_pages) > 3
    assert all("Họ và tên" in page and "Bước hiện tại" in page for page in list_pages)
    assert "HT-0300" in list_pages[-1] and "450.000.000" in list_pages[-1]


def test_empty_appendices_say_there_is_no_data_yet(written: dict[str, Path]) -> None:
    for name in ("empty_plan", "empty_register"):
        text = " ".join(_pages(written[f"{name}.pdf"]))
        assert "Chưa có số liệu." in text, name
        assert _image_count(written[f"{name}.pdf"]) == 0
    assert "Thông báo thu hồi đất" in " ".join(_pages(written["empty_plan.pdf"]))
