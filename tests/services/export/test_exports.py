"""The export service: drafts from the latest text, finals only from approved revisions, a verifiable package."""

import json
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from dossier_app.domain.errors import ExportIncomplete, ExportNotReady, PermissionDenied
from dossier_app.services import Services
from dossier_app.services.dossier.dossiers import walk_sections
from dossier_app.services.export.exports import ExportOptions
from dossier_app.services.export.format_checks import check_docx_file
from dossier_app.version import program_version
from tests.services.readiness_support import make_ready
from tests.services.review_support import LOCAL, act_as, create_cast, write


def _pdf_text(path: Path) -> str:
    return " ".join(" ".join((page.extract_text() or "") for page in PdfReader(str(path)).pages).split())


def _approve_everything(services: Services, code: str, tmp_path: Path) -> dict[int, str]:
    """Write, submit and approve every required section and make the rest of the readiness report complete (the
    final export's gate); returns section id → approved text."""
    create_cast(services)
    project = services.projects.by_code(code)
    approved: dict[int, str] = {}
    for document in services.dossiers.tree(project.id):
        for node in walk_sections(document.sections):
            if not node.required:
                continue
            body = services.dossiers.section(node.id).body or f"Nội dung đã duyệt của mục {node.title}."
            digest = write(services, node.id, body + "\n\nĐoạn được phê duyệt ặ ữ ỡ.")
            services.reviews.submit(node.id)
            act_as(services, "binh")
            services.reviews.approve(node.id, digest)
            approved[node.id] = body
    act_as(services, LOCAL)
    make_ready(services, code, tmp_path / "ready")
    return approved


def test_draft_export_writes_docx_pdf_manifest_that_verifies(demo_services: Services, tmp_path: Path) -> None:
    result = demo_services.exports.export("CT-HTP", tmp_path, ExportOptions(draft=True, zip_package=True))
    assert result.folder.name.startswith("CT-HTP_") and result.folder.name.endswith("_1")
    names = {path.name for path in result.files}
    assert {"To_trinh.docx", "To_trinh.pdf", "De_an.docx", "De_an.pdf", "Phu_luc_IV.docx"} <= names
    for path in result.files:
        if path.suffix == ".docx":
            assert check_docx_file(path).passed, path
    assert "DỰ THẢO" in _pdf_text(result.folder / "To_trinh.pdf")
    manifest = json.loads((result.folder / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["kind"] == "draft" and manifest["regime"] == "nd10_2024"
    assert manifest["program"] == {"name": "dossier_app", "version": program_version()} != {}
    assert manifest["program_version"] == program_version()
    assert all(len(entry["sha256"]) == 64 and entry["size"] > 0 for entry in manifest["files"])
    assert manifest["sections"] and all("revision_id" in s for s in manifest["sections"])
    assert demo_services.exports.verify_package(result.folder).ok
    assert result.zip_path is not None and demo_services.exports.verify_package(result.zip_path).ok


def test_a_package_written_before_the_program_entry_still_verifies(demo_services: Services, tmp_path: Path) -> None:
    """Packages made before the manifest named its program (no "program", no "program_version") keep verifying."""
    result = demo_services.exports.export("CT-HTP", tmp_path, ExportOptions(draft=True, formats=("docx",)))
    path = result.folder / "manifest.json"
    manifest = json.loads(path.read_text(encoding="utf-8"))
    del manifest["program"], manifest["program_version"]
    path.write_text(json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8")
    assert demo_services.exports.verify_package(result.folder).ok


def test_one_changed_byte_fails_verify_naming_the_file(demo_services: Services, tmp_path: Path) -> None:
    result = demo_services.exports.export("CT-HTP", tmp_path, ExportOptions(draft=True, formats=("docx",)))
    target = result.folder / "De_an.docx"
    data = bytearray(target.read_bytes())
    data[100] ^= 0x01
    target.write_bytes(bytes(data))
    check = demo_services.exports.verify_package(result.folder)
    assert not check.ok and check.first_bad == "De_an.docx"


def test_changed_zip_fails_verify(demo_services: Services, tmp_path: Path) -> None:
    result = demo_services.exports.export("CT-HTP", tmp_path, ExportOptions(draft=True, formats=("pdf",)))
    folder = tmp_path / "z"
    folder.mkdir()
    bad = folder / "bad.zip"
    with zipfile.ZipFile(bad, "w") as archive:
        for path in sorted(result.folder.rglob("*")):
            data = path.read_bytes()
            if path.name == "To_trinh.pdf":
                data = data[:-1] + bytes([data[-1] ^ 1])
            archive.writestr(f"{result.folder.name}/{path.relative_to(result.folder).as_posix()}", data)
    check = demo_services.exports.verify_package(bad)
    assert not check.ok and check.first_bad == "To_trinh.pdf"


def test_second_export_the_same_day_gets_the_next_number(demo_services: Services, tmp_path: Path) -> None:
    options = ExportOptions(draft=True, formats=("docx",))
    first = demo_services.exports.export("CT-HTP", tmp_path, options)
    second = demo_services.exports.export("CT-HTP", tmp_path, options)
    assert first.folder.name.endswith("_1") and second.folder.name.endswith("_2")


def test_final_export_of_an_incomplete_dossier_lists_what_is_missing(demo_services: Services, tmp_path: Path) -> None:
    with pytest.raises(ExportIncomplete) as refused:
        demo_services.exports.export("CT-ITP", tmp_path / "out")
    assert any("Căn cứ pháp lý" in line for line in refused.value.unapproved)
    assert not (tmp_path / "out").exists()
    assert set(demo_services.exports.missing_approvals("CT-ITP")) == set(refused.value.unapproved)


def test_final_export_uses_the_approved_text_not_a_later_draft(demo_services: Services, tmp_path: Path) -> None:
    _approve_everything(demo_services, "CT-HTP", tmp_path)
    project = demo_services.projects.by_code("CT-HTP")
    final = demo_services.exports.export("CT-HTP", tmp_path, ExportOptions(formats=("pdf",)))
    text = _pdf_text(final.folder / "To_trinh.pdf")
    assert "Đoạn được phê duyệt ặ ữ ỡ." in text and "DỰ THẢO" not in text
    manifest = json.loads((final.folder / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["kind"] == "final"
    required = [s for s in manifest["sections"] if s["approved_by"]]
    assert required and all(s["approved_by"] == "binh" and len(s["sha256"]) == 64 for s in required)
    legal = demo_services.dossiers.section_by_key(project.id, "tt.kien_nghi")
    write(demo_services, legal.id, "Văn bản mới chưa được duyệt lại ỹ.")
    act_as(demo_services, LOCAL)
    with pytest.raises(ExportNotReady) as refused:  # changed since approval: not approved any more
        demo_services.exports.export("CT-HTP", tmp_path, ExportOptions(formats=("pdf",)))
    assert refused.value.missing == tuple(demo_services.exports.not_ready("CT-HTP")) and refused.value.missing
    draft = demo_services.exports.export("CT-HTP", tmp_path, ExportOptions(draft=True, formats=("pdf",)))
    assert "chưa được duyệt lại" in _pdf_text(draft.folder / "To_trinh.pdf")


def test_officers_may_not_export(demo_services: Services, tmp_path: Path) -> None:
    create_cast(demo_services)
    act_as(demo_services, "an")
    with pytest.raises(PermissionDenied):
        demo_services.exports.export("CT-HTP", tmp_path, ExportOptions(draft=True))
    act_as(demo_services, "cuong")
    assert demo_services.exports.export("CT-HTP", tmp_path, ExportOptions(draft=True, formats=("docx",))).files
