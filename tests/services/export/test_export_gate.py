"""The final export's gate (the readiness report's red items) and the package's Phụ lục I and comment register."""

import json
from pathlib import Path

import pytest

from dossier_app.domain.conditions import ConditionStatus
from dossier_app.domain.errors import ExportIncomplete, ExportNotReady
from dossier_app.domain.readiness import Light
from dossier_app.export.plan import Table
from dossier_app.services import Services
from dossier_app.services.completeness.readiness_text import item_text
from dossier_app.services.dossier.projects import ProjectView
from dossier_app.services.export.exports import ExportOptions
from dossier_app.services.export.format_checks import check_docx_file
from dossier_app.storage.resources import message_translations
from tests.services.readiness_support import complete_project


def _check_lines(services: Services, code: str) -> list[str]:
    """The red items as `check CODE` words them."""
    table = message_translations("vi", "Readiness")
    report = services.readiness.report_for_code(code)
    return [item_text(item, table) for item in report.items if item.light is Light.RED]


def test_final_export_of_the_demo_it_park_is_refused_with_the_red_items(
    demo_services: Services, tmp_path: Path
) -> None:
    with pytest.raises(ExportNotReady) as refused:
        demo_services.exports.export("CT-ITP", tmp_path / "out")
    assert isinstance(refused.value, ExportIncomplete)  # callers catching the older error still refuse
    assert list(refused.value.missing) == _check_lines(demo_services, "CT-ITP")
    assert any("Planning map" in line for line in refused.value.missing)
    assert refused.value.unapproved == tuple(demo_services.exports.missing_approvals("CT-ITP"))
    assert not (tmp_path / "out").exists()
    draft = demo_services.exports.export("CT-ITP", tmp_path / "out", ExportOptions(draft=True, formats=("docx",)))
    assert {"Phu_luc_I.docx", "Bang_tong_hop_y_kien.docx"} <= {path.name for path in draft.files}


def test_one_red_item_left_refuses_and_naming_it(services: Services, itp: ProjectView, tmp_path: Path) -> None:
    complete_project(services, itp, tmp_path)
    key = services.checklist.conditions(itp.id)[0].key
    services.checklist.set_condition(itp.id, key, ConditionStatus.NOT_MET, "Chưa có văn bản.")
    with pytest.raises(ExportNotReady) as refused:
        services.exports.export(itp.code, tmp_path / "out", ExportOptions(formats=("docx",)))
    assert len(refused.value.missing) == 1 and refused.value.unapproved == ()


def test_a_complete_project_exports_a_final_with_every_document(
    services: Services, itp: ProjectView, tmp_path: Path
) -> None:
    complete_project(services, itp, tmp_path)
    map_file = next(a for a in services.checklist.evidence_choices(itp.id) if a.kind == "attachment")
    first = services.checklist.conditions(itp.id)[0]
    section = services.dossiers.section_by_key(itp.id, "da.2_dap_ung_tieu_chi")
    services.checklist.set_condition(
        itp.id,
        first.key,
        ConditionStatus.MET,
        "Đã đối chiếu quy hoạch.",
        [("section", section.id), ("attachment", map_file.id)],
    )
    assert services.readiness.report(itp.id).complete and services.exports.not_ready(itp.code) == []
    result = services.exports.export(itp.code, tmp_path / "out")
    names = {path.name for path in result.files}
    for stem in ("To_trinh", "De_an", "Phu_luc_I", "Phu_luc_IV", "Bang_tong_hop_y_kien"):
        assert {f"{stem}.docx", f"{stem}.pdf"} <= names
    manifest = json.loads((result.folder / "manifest.json").read_text(encoding="utf-8"))
    listed = {entry["path"] for entry in manifest["files"]}
    assert manifest["kind"] == "final" and {"Phu_luc_I.pdf", "Bang_tong_hop_y_kien.docx"} <= listed
    assert services.exports.verify_package(result.folder).ok
    for name in ("Phu_luc_I.docx", "Bang_tong_hop_y_kien.docx"):
        assert check_docx_file(result.folder / name).passed
    plans = {plan.name: plan for plan in services.exports.plans(itp.code, ExportOptions())[0]}
    rows = next(block for block in plans["Phu_luc_I"].blocks if isinstance(block, Table)).rows
    evidence = "".join(run.text for run in rows[0][4])
    sha = next(a.sha256 for a in services.attachments.for_section(map_file.section_id) if a.id == map_file.id)
    assert "Đề án, Chương " in evidence and section.title in evidence and f"(SHA-256 {sha[:12]})" in evidence
    assert "".join(run.text for run in rows[0][2]) == "Đáp ứng"
