"""The package as one edXML message for the national document exchange (QCVN 102:2016/BTTTT): the Tờ trình's
facts in the header, every PDF and Word file of the package attached (export/edxml.py writes it)."""

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from dossier_app.domain.moments import VIETNAM_TIME
from dossier_app.domain.organ_codes import GOVERNMENT_OFFICE, organ_code
from dossier_app.export.documents import Letterhead, signature_authority
from dossier_app.export.edxml import Attachment, MessageHeader, Organ, write_message

MESSAGE_FILE = "Goi_tin_edXML.edxml"
CARRIED = (".pdf", ".docx")
KNOWN_ORGANS = {GOVERNMENT_OFFICE: "Văn phòng Chính phủ"}


@dataclass(frozen=True)
class LetterFacts:
    """What the message header says, read with the documents: the Tờ trình's number, notation, place, date,
    subject, signer and addressees, and the two agencies' codes (checked already)."""

    sender_code: str
    recipient_code: str
    sender_name: str
    sender_in_charge: str
    letterhead: Letterhead
    notation: str  # 'TTr-UBND'
    subject: str
    addressees: tuple[str, ...]
    appendixes: tuple[str, ...] = ()


def organ_codes(
    project_sender: str, project_recipient: str, sender: str | None, recipient: str | None
) -> tuple[str, str]:
    """The codes the message names: those given for this export, else the project's; ValidationFailed naming the
    first that is missing or not shaped like an electronic identification code."""
    chosen_sender = project_sender if sender is None else sender
    chosen_recipient = project_recipient if recipient is None else recipient
    return (
        organ_code(chosen_sender, "sender_organ_code", required=True),
        organ_code(chosen_recipient, "recipient_organ_code", required=True),
    )


def header(facts: LetterFacts, sent_at: datetime) -> MessageHeader:
    """The message header of the Tờ trình; `sent_at` in any zone, written in Vietnam's time."""
    letterhead = facts.letterhead
    authority = signature_authority(letterhead.issuing_body, letterhead.signer_title)
    return MessageHeader(
        sender=Organ(facts.sender_code, facts.sender_name, facts.sender_in_charge),
        recipient=Organ(facts.recipient_code, KNOWN_ORGANS.get(facts.recipient_code, "")),
        code_number=f"{letterhead.number:02d}" if letterhead.number is not None else "",  # as printed: 05
        code_notation=facts.notation,
        place=letterhead.place_name,
        promulgated_on=letterhead.issued_on,
        type_name="Tờ trình",
        subject=facts.subject,
        signer_competence=" ".join(authority[:-1]),
        signer_position=authority[-1] if authority else "",
        signer_name=letterhead.signer_name,
        to_places=facts.addressees,
        appendixes=facts.appendixes,
        sent_at=sent_at.astimezone(VIETNAM_TIME).replace(tzinfo=None, microsecond=0),
    )


def write_package_message(
    folder: Path, files: list[Path], facts: LetterFacts, titles: dict[str, str], sent_at: datetime
) -> Path:
    """Write the message into the package folder, carrying each PDF and Word file of `files` in order."""
    attachments = [
        Attachment(path.relative_to(folder).as_posix(), path, titles.get(path.stem, path.name))
        for path in files
        if path.suffix.lower() in CARRIED
    ]
    return write_message(folder / MESSAGE_FILE, header(facts, sent_at), attachments)
