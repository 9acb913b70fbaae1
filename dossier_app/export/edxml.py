"""A submission package as one edXML message of the national document exchange (QCVN 102:2016/BTTTT), and the
message read back.

Written from the public description of the standard and the public SDKs' samples (read, not copied):

```
<edXML xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016">
  <edXML:edXMLEnvelope xmlns:edXML="…same namespace…">
    <edXML:edXMLHeader>
      <edXML:MessageHeader>  From, To, Code, PromulgationInfo, DocumentType, Subject, SignerInfo, ToPlaces,
                             OtherInfo, SteeringType, DocumentId (in this order)
      <edXML:TraceHeaderList>  TraceHeader (the sender, when), Bussiness (a new document, no paper copy)
      <edXML:DigitalSignature/>  (the PDFs carry their own PAdES signatures)
    <edXML:edXMLBody>
      <edXML:edXMLManifest version="1.0">  one Reference per file, xlink:href="cid:…"
  <AttachmentEncoded>  one Attachment per file: ContentType, ContentId, Description, ContentTransferEncoded (the
                       file's bytes in base64), AttachmentName
```

Every element is in the edXML namespace; the envelope uses the `edXML` prefix, the root and the attachments the
default namespace, as the SDKs write them. Dates are `yyyy/MM/dd`, the trace's moment `yyyy/MM/dd HH:mm:ss` (local
time), the document's id `<sender code>,<yyyy/MM/dd>,<number>/<notation>`. The file is written as a stream, the
base64 in chunks, so a package of large PDFs never sits in memory twice.
"""

import base64
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from xml.etree import ElementTree
from xml.sax.saxutils import escape, quoteattr

EDXML_NS = "http://www.mic.gov.vn/TBT/QCVN_102_2016"
XLINK_NS = "http://www.w3.org/1999/xlink"
DATE_FORMAT = "%Y/%m/%d"
MOMENT_FORMAT = "%Y/%m/%d %H:%M:%S"
CONTENT_TYPES = {
    ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
ADMINISTRATIVE = 1  # DocumentType/Type of an administrative document (the SDKs' samples: 1 with 'Công văn')
NEW_DOCUMENT = "0"  # Bussiness/BussinessDocType of a new electronic document
_CHUNK = 3 * (1 << 16)  # a multiple of 3: the chunks' base64 joins into the whole file's
_E = f"{{{EDXML_NS}}}"


@dataclass(frozen=True)
class Organ:
    """A sender or recipient: its electronic identification code, and its name when known."""

    organ_id: str
    name: str = ""
    in_charge: str = ""  # OrganizationInCharge: the body above it, or itself


@dataclass(frozen=True)
class MessageHeader:
    """What the receiving office's system files the document under, as the Tờ trình states it."""

    sender: Organ
    recipient: Organ
    code_number: str  # '05' (empty on a draft, which has no number yet)
    code_notation: str  # 'TTr-UBND'
    place: str
    promulgated_on: date
    type_name: str  # 'Tờ trình'
    subject: str
    signer_competence: str  # 'TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH'
    signer_position: str  # 'PHÓ CHỦ TỊCH'
    signer_name: str
    to_places: tuple[str, ...]
    appendixes: tuple[str, ...]
    sent_at: datetime  # local time, without a zone, as the trace header writes it
    document_type: int = ADMINISTRATIVE
    steering_type: int = 0  # not a steering document
    priority: int = 0  # ordinary
    sphere: str = "Liên thông văn bản quốc gia"
    promulgation_amount: int = 1

    @property
    def document_id(self) -> str:
        """The document's id across the exchange: sender code, date, number/notation."""
        return (
            f"{self.sender.organ_id},{self.promulgated_on.strftime(DATE_FORMAT)},"
            f"{self.code_number}/{self.code_notation}"
        )


@dataclass(frozen=True)
class Attachment:
    """A file of the package to carry: its name in the package, where it is on disk, what it is."""

    name: str
    path: Path
    description: str

    @property
    def content_type(self) -> str:
        """The MIME type by the file's suffix."""
        return CONTENT_TYPES.get(self.path.suffix.lower(), "application/octet-stream")


@dataclass(frozen=True)
class CarriedFile:
    """An attachment as read back: its name, content id, type, description and decoded bytes."""

    name: str
    content_id: str
    content_type: str
    description: str
    data: bytes

    @property
    def sha256(self) -> str:
        """The SHA-256 of the decoded bytes, as hex."""
        return hashlib.sha256(self.data).hexdigest()


@dataclass(frozen=True)
class Message:
    """An edXML message read back: its header, the references of its manifest and the files it carries."""

    header: MessageHeader
    references: tuple[tuple[str, str], ...]  # (xlink:href, AttachmentName) of each Reference
    files: tuple[CarriedFile, ...]


class MessageUnreadable(ValueError):
    """The file is no edXML message this program can read: not XML, an element missing, a date or number wrong,
    or an attachment that is not base64."""


def _element(name: str, value: str, prefix: str = "edXML:") -> str:
    return f"<{prefix}{name}>{escape(value)}</{prefix}{name}>"


def _organ(tag: str, organ: Organ) -> str:
    parts = [_element("OrganId", organ.organ_id)]
    if organ.in_charge:
        parts.append(_element("OrganizationInCharge", organ.in_charge))
    if organ.name:
        parts.append(_element("OrganName", organ.name))
    return f"<edXML:{tag}>{''.join(parts)}</edXML:{tag}>"


def _header_xml(header: MessageHeader) -> str:
    places = "".join(_element("Place", place) for place in header.to_places)
    appendixes = "".join(_element("Appendix", title) for title in header.appendixes)
    message = (
        "<edXML:MessageHeader>"
        + _organ("From", header.sender)
        + _organ("To", header.recipient)
        + f"<edXML:Code>{_element('CodeNumber', header.code_number)}{_element('CodeNotation', header.code_notation)}"
        "</edXML:Code>" + f"<edXML:PromulgationInfo>{_element('Place', header.place)}"
        f"{_element('PromulgationDate', header.promulgated_on.strftime(DATE_FORMAT))}</edXML:PromulgationInfo>"
        + f"<edXML:DocumentType>{_element('Type', str(header.document_type))}"
        f"{_element('TypeName', header.type_name)}</edXML:DocumentType>"
        + _element("Subject", header.subject)
        + f"<edXML:SignerInfo>{_element('Competence', header.signer_competence)}"
        f"{_element('Position', header.signer_position)}{_element('FullName', header.signer_name)}</edXML:SignerInfo>"
        + f"<edXML:ToPlaces>{places}</edXML:ToPlaces>"
        + f"<edXML:OtherInfo>{_element('Priority', str(header.priority))}"
        f"{_element('SphereOfPromulgation', header.sphere)}"
        f"{_element('PromulgationAmount', str(header.promulgation_amount))}"
        f"<edXML:Appendixes>{appendixes}</edXML:Appendixes></edXML:OtherInfo>"
        + _element("SteeringType", str(header.steering_type))
        + _element("DocumentId", header.document_id)
        + "</edXML:MessageHeader>"
    )
    trace = (
        "<edXML:TraceHeaderList><edXML:TraceHeader>"
        f"{_element('OrganId', header.sender.organ_id)}{_element('Timestamp', header.sent_at.strftime(MOMENT_FORMAT))}"
        "</edXML:TraceHeader><edXML:Bussiness>"
        f"{_element('BussinessDocType', NEW_DOCUMENT)}{_element('BussinessDocReason', 'Văn bản điện tử mới')}"
        f"{_element('Paper', '0')}</edXML:Bussiness></edXML:TraceHeaderList>"
    )
    return f"<edXML:edXMLHeader>{message}{trace}<edXML:DigitalSignature/></edXML:edXMLHeader>"


def write_message(path: Path, header: MessageHeader, attachments: Sequence[Attachment]) -> Path:
    """Write the message at `path`: the header, a manifest reference and an encoded copy of every attachment."""
    ids = [f"{index}.{hashlib.sha256(a.name.encode()).hexdigest()[:16]}" for index, a in enumerate(attachments, 1)]
    with path.open("w", encoding="utf-8", newline="\n") as out:
        out.write(f'<?xml version="1.0" encoding="utf-8"?>\n<edXML xmlns="{EDXML_NS}">')
        out.write(f'<edXML:edXMLEnvelope xmlns:edXML="{EDXML_NS}">')
        out.write(_header_xml(header))
        out.write(f'<edXML:edXMLBody><edXML:edXMLManifest version="1.0" xmlns:xlink="{XLINK_NS}">')
        for content_id, attachment in zip(ids, attachments, strict=True):
            out.write(
                f'<edXML:Reference xlink:href={quoteattr("cid:" + content_id)} xlink:type="simple">'
                f"{_element('ContentId', content_id)}{_element('AttachmentName', attachment.name)}"
                f"{_element('ContentType', attachment.content_type)}{_element('Description', attachment.description)}"
                "</edXML:Reference>"
            )
        out.write("</edXML:edXMLManifest></edXML:edXMLBody></edXML:edXMLEnvelope><AttachmentEncoded>")
        for content_id, attachment in zip(ids, attachments, strict=True):
            out.write(
                f"<Attachment>{_element('ContentType', attachment.content_type, '')}"
                f"{_element('ContentId', content_id, '')}{_element('Description', attachment.description, '')}"
                "<ContentTransferEncoded>"
            )
            with attachment.path.open("rb") as source:
                while chunk := source.read(_CHUNK):
                    out.write(base64.b64encode(chunk).decode("ascii"))
            out.write(f"</ContentTransferEncoded>{_element('AttachmentName', attachment.name, '')}</Attachment>")
        out.write("</AttachmentEncoded></edXML>\n")
    return path


# Reading ----------------------------------------------------------------------------------------------------------


def _find(parent: ElementTree.Element, path: str) -> ElementTree.Element:
    found = parent.find("/".join(f"{_E}{step}" for step in path.split("/")))
    if found is None:
        raise MessageUnreadable(f"no {path} in the message")
    return found


def _text(parent: ElementTree.Element, path: str) -> str:
    return _find(parent, path).text or ""


def _organ_read(element: ElementTree.Element) -> Organ:
    optional = {name: element.find(f"{_E}{name}") for name in ("OrganName", "OrganizationInCharge")}
    return Organ(
        _text(element, "OrganId"),
        (optional["OrganName"].text or "") if optional["OrganName"] is not None else "",
        (optional["OrganizationInCharge"].text or "") if optional["OrganizationInCharge"] is not None else "",
    )


def _header_read(message: ElementTree.Element, trace: ElementTree.Element) -> MessageHeader:
    try:
        return MessageHeader(
            sender=_organ_read(_find(message, "From")),
            recipient=_organ_read(_find(message, "To")),
            code_number=_text(message, "Code/CodeNumber"),
            code_notation=_text(message, "Code/CodeNotation"),
            place=_text(message, "PromulgationInfo/Place"),
            promulgated_on=datetime.strptime(_text(message, "PromulgationInfo/PromulgationDate"), DATE_FORMAT).date(),
            type_name=_text(message, "DocumentType/TypeName"),
            subject=_text(message, "Subject"),
            signer_competence=_text(message, "SignerInfo/Competence"),
            signer_position=_text(message, "SignerInfo/Position"),
            signer_name=_text(message, "SignerInfo/FullName"),
            to_places=tuple(p.text or "" for p in _find(message, "ToPlaces").findall(f"{_E}Place")),
            appendixes=tuple(a.text or "" for a in _find(message, "OtherInfo/Appendixes").findall(f"{_E}Appendix")),
            sent_at=datetime.strptime(_text(trace, "TraceHeader/Timestamp"), MOMENT_FORMAT),
            document_type=int(_text(message, "DocumentType/Type")),
            steering_type=int(_text(message, "SteeringType")),
            priority=int(_text(message, "OtherInfo/Priority")),
            sphere=_text(message, "OtherInfo/SphereOfPromulgation"),
            promulgation_amount=int(_text(message, "OtherInfo/PromulgationAmount")),
        )
    except ValueError as error:
        raise MessageUnreadable(f"a field of the message header is wrong: {error}") from error


def read_message(data: bytes) -> Message:
    """The message parsed back, every attachment decoded; MessageUnreadable when it cannot be."""
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as error:
        raise MessageUnreadable(f"not XML: {error}") from error
    if root.tag != f"{_E}edXML":
        raise MessageUnreadable("the root is not edXML")
    envelope = _find(root, "edXMLEnvelope")
    header = _header_read(_find(envelope, "edXMLHeader/MessageHeader"), _find(envelope, "edXMLHeader/TraceHeaderList"))
    if header.document_id != _text(envelope, "edXMLHeader/MessageHeader/DocumentId"):
        raise MessageUnreadable("the DocumentId does not match the header's sender, date, number and notation")
    references = tuple(
        (reference.get(f"{{{XLINK_NS}}}href", ""), _text(reference, "AttachmentName"))
        for reference in _find(envelope, "edXMLBody/edXMLManifest").findall(f"{_E}Reference")
    )
    files = []
    for attachment in _find(root, "AttachmentEncoded").findall(f"{_E}Attachment"):
        name = _text(attachment, "AttachmentName")
        try:
            decoded = base64.b64decode(_text(attachment, "ContentTransferEncoded"), validate=True)
        except ValueError as error:
            raise MessageUnreadable(f"the attachment {name} is not base64") from error
        files.append(
            CarriedFile(
                name,
                _text(attachment, "ContentId"),
                _text(attachment, "ContentType"),
                _text(attachment, "Description"),
                decoded,
            )
        )
    return Message(header, references, tuple(files))
