"""Appendices II and III in every package: built from the milestone plan and the register, listed in the manifest,
and still written (saying there is no data yet) for a project with an empty register and an undated plan."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from docx import Document as open_docx
from pypdf import PdfReader

from dossier_app.export.appendices import vnd
from dossier_app.services import Services
from dossier_app.services.dossier.projects import ProjectView
from dossier_app.services.export import export_appendices
from dossier_app.services.export.exports import ExportOptions
from dossier_app.services.export.format_checks import check_docx_file


def _text(path: Path) -> str:
    if shutil.which("pdftotext"):
        out = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, check=True, text=True)
        return " ".join(out.stdout.split())
    return " ".join(" ".join((page.extract_text() or "") for page in PdfReader(str(path)).pages).split())


def test_package_holds_appendices_ii_and_iii_from_the_plan_and_register(
    demo_services: Services, tmp_path: Path
) -> None:
    result = demo_services.exports.export("CT-ITP", tmp_path, ExportOptions(draft=True))
    names = {path.name for path in result.files}
    for stem in ("Phu_luc_II", "Phu_luc_III"):
        assert {f"{stem}.docx", f"{stem}.pdf"} <= names
        assert check_docx_file(result.folder / f"{stem}.docx").passed, stem
    manifest = json.loads((result.folder / "manifest.json").read_text(encoding="utf-8"))
    listed = {entry["path"] for entry in manifest["files"]}
    assert {"Phu_luc_II.pdf", "Phu_luc_III.docx"} <= listed
    project = demo_services.projects.by_code("CT-ITP")
    figures = demo_services.dashboard.figures(project.id)
    register = _text(result.folder / "Phu_luc_III.pdf")
    assert vnd(figures.total.money_approved_vnd) in register and vnd(figures.total.money_paid_vnd) in register
    assert all(ward.ward in register for ward in figures.wards)
    households = open_docx(str(result.folder / "Phu_luc_III.docx")).tables[-1]
    assert len(households.rows) == 1 + demo_services.register.count(project.id)
    plan = demo_services.milestones.plan(project.id)
    table = open_docx(str(result.folder / "Phu_luc_II.docx")).tables[0]  # titles share a cell with their key now
    cells = " ".join(" ".join(cell.text.split()) for row in table.rows for cell in row.cells)
    assert all(" ".join(m.title.split()) in cells for m in plan.milestones)
    assert "Phụ lục II" in _text(result.folder / "Phu_luc_II.pdf")
    assert len(open_docx(str(result.folder / "Phu_luc_II.docx")).inline_shapes) == 1
    assert demo_services.exports.verify_package(result.folder).ok


def test_empty_register_and_undated_plan_still_give_both_appendices(
    services: Services, itp: ProjectView, tmp_path: Path
) -> None:
    result = services.exports.export(itp.code, tmp_path, ExportOptions(draft=True))
    for stem in ("Phu_luc_II", "Phu_luc_III"):
        assert "Chưa có số liệu." in _text(result.folder / f"{stem}.pdf"), stem
        assert check_docx_file(result.folder / f"{stem}.docx").passed, stem


def test_choices_list_every_document_and_unchosen_appendices_are_not_built(
    demo_services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    names = [name for name, _ in demo_services.exports.choices("CT-ITP")]
    assert names == [
        "To_trinh",
        "De_an",
        "Phu_luc_I",
        "Phu_luc_II",
        "Phu_luc_III",
        "Phu_luc_IV",
        "Bang_tong_hop_y_kien",
    ]
    plans, _ = demo_services.exports.plans("CT-ITP", ExportOptions(draft=True))
    assert [plan.name for plan in plans] == names
    drawn: list[str] = []
    monkeypatch.setattr(export_appendices, "gantt_png", lambda *a, **k: drawn.append("gantt") or b"")
    monkeypatch.setattr(export_appendices, "parties_by_step_png", lambda *a, **k: drawn.append("parties") or b"")
    options = ExportOptions(draft=True, formats=("docx",), documents=("To_trinh",))
    result = demo_services.exports.export("CT-ITP", tmp_path, options)
    assert [path.name for path in result.files] == ["To_trinh.docx"] and not drawn
