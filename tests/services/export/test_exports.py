"""The export service: drafts from the latest text, finals only from approved revisions, a verifiable package."""

import hashlib
import json
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from dossier_app.domain.errors import ExportIncomplete, ExportNotReady, PermissionDenied, ValidationFailed
from dossier_app.export.edxml import Message, read_message
from dossier_app.services import Services
from dossier_app.services.dossier.dossiers import walk_sections
from dossier_app.services.dossier.projects import ProjectInput
from dossier_app.services.export.edxml_message import MESSAGE_FILE
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


def _message(folder: Path) -> Message:
    return read_message((folder / MESSAGE_FILE).read_bytes())


def test_a_final_export_with_edxml_names_the_letter_and_carries_every_pdf_and_docx(
    demo_services: Services, tmp_path: Path
) -> None:
    _approve_everything(demo_services, "CT-HTP", tmp_path)
    options = ExportOptions(edxml=True, number=7)
    result = demo_services.exports.export("CT-HTP", tmp_path / "out", options)
    header = _message(result.folder).header
    issued = demo_services.context.clock().date()
    assert (header.sender.organ_id, header.recipient.organ_id) == ("000.00.00.H13", "000.00.00.G22")
    assert header.sender.name == "ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ"
    assert header.recipient.name == "Văn phòng Chính phủ"
    assert (header.code_number, header.code_notation) == ("07", "TTr-UBND")
    assert (header.place, header.promulgated_on) == ("Cần Thơ", issued)
    assert header.document_id == f"000.00.00.H13,{issued:%Y/%m/%d},07/TTr-UBND"
    assert (header.document_type, header.type_name) == (1, "Tờ trình")
    assert header.subject == "Về việc đề nghị thành lập Khu công nghệ cao Cần Thơ"
    assert (header.signer_competence, header.signer_position, header.signer_name) == (
        "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "Nguyễn Văn Hùng",
    )
    assert header.to_places == ("Thủ tướng Chính phủ",)
    assert header.appendixes[0].startswith("Phụ lục I") and header.appendixes[-1].startswith("Phụ lục IV")
    to_trinh = _pdf_text(result.folder / "To_trinh.pdf")
    assert "Số: 07/TTr-UBND" in to_trinh and "Nguyễn Văn Hùng" in to_trinh  # the header says what the letter says
    manifest = json.loads((result.folder / "manifest.json").read_text(encoding="utf-8"))
    hashes = {entry["path"]: entry["sha256"] for entry in manifest["files"]}
    carried = {file.name: file.sha256 for file in _message(result.folder).files}
    documents = {path for path in hashes if path.endswith((".pdf", ".docx"))}
    assert set(carried) == documents and any(path.startswith("attachments/") for path in documents)
    assert all(carried[name] == hashes[name] for name in carried)
    assert MESSAGE_FILE in hashes
    assert demo_services.exports.verify_package(result.folder).ok


def test_verify_fails_when_an_attachment_of_the_message_no_longer_decodes_to_the_manifests_bytes(
    demo_services: Services, tmp_path: Path
) -> None:
    result = demo_services.exports.export("CT-ITP", tmp_path, ExportOptions(draft=True, edxml=True))
    message = result.folder / MESSAGE_FILE
    data = message.read_bytes()
    start = data.index(b"<ContentTransferEncoded>") + len(b"<ContentTransferEncoded>")
    swapped = b"A" if data[start : start + 1] != b"A" else b"B"
    message.write_bytes(data[:start] + swapped + data[start + 1 :])
    manifest_path = result.folder / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    for entry in manifest["files"]:  # the message re-listed, as someone covering their tracks would
        if entry["path"] == MESSAGE_FILE:
            entry["sha256"] = hashlib.sha256(message.read_bytes()).hexdigest()
    manifest_path.write_text(json.dumps(manifest), encoding="utf-8")
    check = demo_services.exports.verify_package(result.folder)
    assert not check.ok and check.first_bad == MESSAGE_FILE
    assert check.reason == "edXML attachment To_trinh.docx does not decode to the manifest's bytes"


def test_edxml_without_a_sender_code_refuses_before_writing_anything(demo_services: Services, tmp_path: Path) -> None:
    project = demo_services.projects.by_code("CT-ITP")
    fields = {name: getattr(project, name) for name in ProjectInput.__dataclass_fields__}
    demo_services.projects.update(project.id, ProjectInput(**{**fields, "sender_organ_code": ""}))
    with pytest.raises(ValidationFailed, match="sending agency is missing") as refused:
        demo_services.exports.export("CT-ITP", tmp_path / "out", ExportOptions(draft=True, edxml=True))
    assert refused.value.field == "sender_organ_code"
    assert not (tmp_path / "out").exists()
    given = ExportOptions(draft=True, edxml=True, from_organ="000.00.00.H13", to_organ="000.00.04.G14")
    result = demo_services.exports.export("CT-ITP", tmp_path / "out", given)
    header = _message(result.folder).header
    assert (header.sender.organ_id, header.recipient.organ_id, header.recipient.name) == (
        "000.00.00.H13",
        "000.00.04.G14",
        "",
    )
    assert header.code_number == ""  # a draft has no number yet
