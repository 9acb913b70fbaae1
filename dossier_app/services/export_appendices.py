"""The package's documents built from the checklist and the comment register (Phụ lục I, the bảng tổng hợp), and
the readiness gate of a final export."""

from collections.abc import Mapping, Sequence

from dossier_app.domain.enums import DocumentKind
from dossier_app.domain.readiness import Light
from dossier_app.export.appendix_conditions import (
    ConditionLine,
    CriterionLine,
    build_conditions_appendix,
    section_numbers,
)
from dossier_app.export.comment_register_doc import build_comment_register
from dossier_app.export.documents import Letterhead, SchemeContent, SectionText
from dossier_app.export.plan import Document as PlanDocument
from dossier_app.export.plan import DocumentSettings
from dossier_app.services.checklist import ChecklistService
from dossier_app.services.comment_register import CommentRegisterService
from dossier_app.services.readiness import ReadinessService
from dossier_app.services.readiness_text import item_text
from dossier_app.storage.resources import message_translations

SHORT_NAMES = {DocumentKind.TO_TRINH: "Tờ trình", DocumentKind.DE_AN: "Đề án"}
SectionRef = tuple[int, str | None]  # a section's id and outline key


def red_items(readiness: ReadinessService, code: str) -> list[str]:
    """The red items of the readiness report, worded and ordered as `check CODE` prints them."""
    report = readiness.report_for_code(code)
    table = message_translations("vi", "Readiness")
    return [item_text(item, table) for item in report.items if item.light is Light.RED]


def section_labels(
    document_title: str, kind: DocumentKind, refs: Sequence[SectionRef], tree: Sequence[SectionText]
) -> dict[int, str]:
    """Each section's evidence label with the numbering its document prints: 'Tờ trình, mục II.1'."""
    intro = SchemeContent("").intro_keys if kind is DocumentKind.DE_AN else None
    numbers = section_numbers(tree, intro)
    labels: dict[int, str] = {}
    for section_id, key in refs:
        number = numbers.get(key or "")
        if number is None:
            continue
        place = number if number.startswith("Chương") else f"mục {number}" if number else "phần mở đầu"
        labels[section_id] = f"{SHORT_NAMES.get(kind, document_title)}, {place}"
    return labels


def conditions_appendix(
    checklist: ChecklistService,
    project_id: int,
    letterhead: Letterhead,
    letter_symbol: str,
    sections: Mapping[int, str],
    hashes: Mapping[int, str],
    settings: DocumentSettings,
) -> PlanDocument:
    """Phụ lục I from the checklist: `sections` labels section ids, `hashes` gives attachment ids their SHA-256."""
    lines = []
    for row in checklist.conditions(project_id):
        evidence = []
        for link in row.evidence:
            if link.kind == "section":
                where = sections.get(link.id)
                evidence.append(f"{where}: {link.title}" if where else link.title)
            else:
                digest = hashes.get(link.id, "")
                evidence.append(f"{link.title} (SHA-256 {digest[:12]})" if digest else link.title)
        lines.append(ConditionLine(row.label, row.title_vi, row.status, row.note, tuple(evidence)))
    criteria = [
        CriterionLine(c.title_vi, c.operator, c.threshold, c.unit, c.value, c.outcome)
        for c in checklist.criteria(project_id)
    ]
    return build_conditions_appendix(letterhead, letter_symbol, lines, criteria, settings)


def comment_register_document(
    comments: CommentRegisterService,
    project_id: int,
    letterhead: Letterhead,
    subject: str,
    letter: Letterhead,
    letter_symbol: str,
    settings: DocumentSettings,
) -> PlanDocument:
    """The bảng tổng hợp, tiếp thu, giải trình ý kiến of the project's register, in document order."""
    rows = comments.rows(project_id)
    return build_comment_register(letterhead, subject, letter, letter_symbol, rows, settings)
