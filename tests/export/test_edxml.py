"""The edXML message (QCVN 102:2016/BTTTT) parses back to the header it was written from, field by field, and to
every attachment's bytes; its elements are in the standard's namespace and order."""

import hashlib
from datetime import date, datetime
from pathlib import Path
from xml.etree import ElementTree

import pytest

from dossier_app.export.edxml import (
    EDXML_NS,
    XLINK_NS,
    Attachment,
    MessageHeader,
    MessageUnreadable,
    Organ,
    read_message,
    write_message,
)

E = f"{{{EDXML_NS}}}"
HEADER = MessageHeader(
    sender=Organ("000.00.00.H13", "ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ", "ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ"),
    recipient=Organ("000.00.00.G22", "Văn phòng Chính phủ"),
    code_number="05",
    code_notation="TTr-UBND",
    place="Cần Thơ",
    promulgated_on=date(2026, 3, 5),
    type_name="Tờ trình",
    subject='Về việc đề nghị thành lập Khu công nghệ cao Cần Thơ <&> "x"',
    signer_competence="TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH",
    signer_position="PHÓ CHỦ TỊCH",
    signer_name="Nguyễn Văn Hùng",
    to_places=("Thủ tướng Chính phủ",),
    appendixes=("Phụ lục I - Bảng đánh giá", "Phụ lục IV - Danh mục tài liệu kèm theo"),
    sent_at=datetime(2026, 3, 5, 16, 30, 15),
)
MESSAGE_ORDER = [
    "From", "To", "Code", "PromulgationInfo", "DocumentType", "Subject", "SignerInfo", "ToPlaces", "OtherInfo",
    "SteeringType", "DocumentId",
]  # fmt: skip


def _files(folder: Path) -> list[Attachment]:
    folder.mkdir(exist_ok=True)
    pdf = folder / "To_trinh.pdf"
    pdf.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 1000 + b"tail")  # not a multiple of the chunk, nor of 3
    docx = folder / "De_an.docx"
    docx.write_bytes(b"PK\x03\x04" + b"\x00\xff" * 70001)
    return [Attachment("To_trinh.pdf", pdf, "Tờ trình"), Attachment("De_an.docx", docx, "Đề án")]


def test_the_message_reads_back_as_written(tmp_path: Path) -> None:
    files = _files(tmp_path / "package")
    path = write_message(tmp_path / "m.edxml", HEADER, files)
    message = read_message(path.read_bytes())
    assert message.header == HEADER
    assert message.header.document_id == "000.00.00.H13,2026/03/05,05/TTr-UBND"
    assert [f.name for f in message.files] == ["To_trinh.pdf", "De_an.docx"]
    for carried, attachment in zip(message.files, files, strict=True):
        assert carried.sha256 == hashlib.sha256(attachment.path.read_bytes()).hexdigest()
        assert carried.description == attachment.description
        assert carried.content_type == attachment.content_type
    assert [ref for ref, _name in message.references] == [f"cid:{f.content_id}" for f in message.files]
    assert [name for _ref, name in message.references] == ["To_trinh.pdf", "De_an.docx"]
    assert message.files[0].content_type == "application/pdf"


def test_the_elements_are_the_standards_in_its_namespace_and_order(tmp_path: Path) -> None:
    data = write_message(tmp_path / "m.edxml", HEADER, _files(tmp_path / "package")).read_bytes()
    assert data.startswith(b'<?xml version="1.0" encoding="utf-8"?>')
    assert f'<edXML xmlns="{EDXML_NS}"><edXML:edXMLEnvelope xmlns:edXML="{EDXML_NS}">'.encode() in data
    root = ElementTree.fromstring(data)
    assert [child.tag for child in root] == [f"{E}edXMLEnvelope", f"{E}AttachmentEncoded"]
    envelope = root[0]
    assert [child.tag for child in envelope] == [f"{E}edXMLHeader", f"{E}edXMLBody"]
    assert [child.tag for child in envelope[0]] == [f"{E}MessageHeader", f"{E}TraceHeaderList", f"{E}DigitalSignature"]
    assert [child.tag.removeprefix(E) for child in envelope[0][0]] == MESSAGE_ORDER
    (manifest,) = envelope[1]
    assert manifest.tag == f"{E}edXMLManifest" and manifest.get("version") == "1.0"
    assert all(ref.get(f"{{{XLINK_NS}}}type") == "simple" for ref in manifest)
    attachment = root[1][0]
    assert [child.tag.removeprefix(E) for child in attachment] == [
        "ContentType", "ContentId", "Description", "ContentTransferEncoded", "AttachmentName",
    ]  # fmt: skip


def test_a_draft_without_a_number_keeps_the_place_for_it(tmp_path: Path) -> None:
    from dataclasses import replace

    draft = replace(HEADER, code_number="")
    message = read_message(write_message(tmp_path / "m.edxml", draft, []).read_bytes())
    assert message.header == draft and message.files == ()
    assert message.header.document_id == "000.00.00.H13,2026/03/05,/TTr-UBND"


@pytest.mark.parametrize(
    ("damage", "reason"),
    [
        (lambda data: data[:200], "not XML"),
        (lambda data: data.replace(b"2026/03/05</edXML:PromulgationDate>", b"05/03/2026</edXML:PromulgationDate>"),
         "header is wrong"),
        (lambda data: data.replace(b"<ContentTransferEncoded>", b"<ContentTransferEncoded>*"), "not base64"),
        (lambda data: data.replace(b"edXML:Subject>", b"edXML:Topic>"), "no Subject"),
        (lambda data: data.replace(b"05/TTr-UBND</edXML:DocumentId>", b"06/TTr-UBND</edXML:DocumentId>"), "DocumentId"),
    ],
)  # fmt: skip
def test_a_damaged_message_is_refused_saying_why(tmp_path: Path, damage: object, reason: str) -> None:
    data = write_message(tmp_path / "m.edxml", HEADER, _files(tmp_path / "package")).read_bytes()
    with pytest.raises(MessageUnreadable, match=reason):
        read_message(damage(data))  # type: ignore[operator]
