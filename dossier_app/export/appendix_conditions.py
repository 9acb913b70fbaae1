"""Appendix I: how the project meets each condition of its regime, with the evidence and the numeric criteria."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from dossier_app.domain.conditions import ConditionStatus, Outcome
from dossier_app.export.documents import Letterhead, SectionText, body_in_sentence
from dossier_app.export.format_rules import Align, number_line, roman
from dossier_app.export.plan import AppendixHeader, Block, Document, DocumentSettings, Heading, Paragraph, Run, Table
from dossier_app.export.templates import wording_of

STATUS_VI: Mapping[ConditionStatus, str] = {
    ConditionStatus.MET: "Đáp ứng",
    ConditionStatus.NOT_MET: "Chưa đáp ứng",
    ConditionStatus.UNKNOWN: "Chưa đánh giá",
}
OUTCOME_VI: Mapping[Outcome, str] = {
    Outcome.PASS: "Đạt",
    Outcome.FAIL: "Không đạt",
    Outcome.UNKNOWN: "Chưa có số liệu",
    Outcome.NOT_APPLICABLE: "Không áp dụng",
}
UNITS_VI: Mapping[str, str] = {"people": "người", "percent": "%"}
_OPERATORS = {">=": "≥", "<=": "≤", ">": ">", "<": "<", "=": "=", "==": "="}


@dataclass(frozen=True)
class ConditionLine:
    """One condition as the appendix prints it: its label and text, the assessment, the note and the evidence."""

    label: str
    text: str
    status: ConditionStatus
    note: str
    evidence: tuple[str, ...]


@dataclass(frozen=True)
class CriterionLine:
    """One numeric criterion: its title, the threshold, the project's value and the outcome."""

    title: str
    operator: str
    threshold: Decimal
    unit: str
    value: Decimal | None
    outcome: Outcome


def figure(value: Decimal) -> str:
    """A figure the Vietnamese way: dots between thousands, a comma before decimals, no trailing zeros."""
    text = f"{value.normalize():,f}" if value == value.to_integral() else f"{value.quantize(Decimal('0.01')):,f}"
    whole, _, decimals = text.partition(".")
    whole = whole.replace(",", ".")
    decimals = decimals.rstrip("0")
    return f"{whole},{decimals}" if decimals else whole


def letter_note(letterhead: Letterhead, letter_symbol: str) -> str:
    """The italic '(Kèm theo Tờ trình số … ngày … của …)' line under an appendix's title."""
    number = number_line(letterhead.number, f"{letter_symbol}-{letterhead.issuer_symbol}").removeprefix("Số: ").strip()
    return (
        f"(Kèm theo Tờ trình số {number} ngày {letterhead.issued_on:%d/%m/%Y} "
        f"của {body_in_sentence(letterhead.issuing_body)})"
    )


def section_numbers(sections: Sequence[SectionText], intro_keys: Sequence[str] | None = None) -> dict[str, str]:
    """Each shown section's label by outline key: as the Tờ trình numbers them (I, 1, 1.1) or, given the Đề án's
    introduction keys, as the Đề án does (Chương I, 1, 1.1; the introduction without a number)."""
    labels: dict[str, str] = {}

    def walk(section: SectionText, level: int, numbering: str) -> None:
        if section.key:
            labels[section.key] = numbering
        index = 0
        for child in section.children:
            if child.required or child.has_text():
                index += 1
                walk(child, level + 1, f"{numbering}.{index}" if level >= 2 and numbering else str(index))

    chapter = 0
    for index, section in enumerate((s for s in sections if s.required or s.has_text()), start=1):
        if intro_keys is None:
            walk(section, 1, roman(index))
        elif section.key in intro_keys:
            walk(section, 1, "")
        else:
            chapter += 1
            walk(section, 1, f"Chương {roman(chapter)}")
    return labels


def unit(line: CriterionLine) -> str:
    """The criterion's unit as the appendix prints it (người, %, ha)."""
    return UNITS_VI.get(line.unit, line.unit)


def _cell(text: str, bold: bool = False) -> tuple[Run, ...]:
    return (Run(text, bold=bold),)


def build_conditions_appendix(
    letterhead: Letterhead,
    letter_symbol: str,
    conditions: Sequence[ConditionLine],
    criteria: Sequence[CriterionLine],
    settings: DocumentSettings,
) -> Document:
    """Appendix I: one row per condition of the regime, then, where the regime has them, the numeric criteria."""
    header = tuple(_cell(text) for text in ("STT", "Điều kiện", "Đánh giá", "Ghi chú", "Tài liệu chứng minh"))
    rows = tuple(
        (
            _cell(line.label or str(index)),
            _cell(line.text),
            _cell(STATUS_VI[line.status]),
            _cell(line.note),
            tuple(Run(f"{'; ' if i else ''}{item}") for i, item in enumerate(line.evidence)),
        )
        for index, line in enumerate(conditions, start=1)
    )
    label, title = wording_of(settings).head("Phu_luc_I")
    blocks: list[Block] = [AppendixHeader(label, title, letter_note(letterhead, letter_symbol))]
    if rows:
        blocks.append(Table(header=header, rows=rows, align=(Align.CENTER,)))  # STT centred, the rest text
    else:
        blocks.append(Paragraph((Run("Chế độ pháp lý của dự án không quy định điều kiện."),)))
    if criteria:
        blocks.append(Heading(level=2, text="Các tiêu chí định lượng"))  # a heading role: kept with its table
        blocks.append(
            Table(
                header=tuple(_cell(text) for text in ("STT", "Tiêu chí", "Ngưỡng", "Giá trị của dự án", "Kết quả")),
                rows=tuple(
                    (
                        _cell(str(index)),
                        _cell(line.title),
                        _cell(f"{_OPERATORS.get(line.operator, line.operator)} {figure(line.threshold)} {unit(line)}"),
                        _cell(f"{figure(line.value)} {unit(line)}" if line.value is not None else "—"),
                        _cell(OUTCOME_VI[line.outcome]),
                    )
                    for index, line in enumerate(criteria, start=1)
                ),
                align=(Align.CENTER, Align.LEFT, Align.RIGHT, Align.RIGHT, Align.LEFT),  # figures right
            )
        )
    return Document(
        name="Phu_luc_I",
        title="Phụ lục I - Bảng đánh giá việc đáp ứng các điều kiện thành lập",
        settings=settings,
        blocks=tuple(blocks),
    )


__all__ = [
    "OUTCOME_VI",
    "STATUS_VI",
    "UNITS_VI",
    "ConditionLine",
    "CriterionLine",
    "build_conditions_appendix",
    "figure",
    "letter_note",
    "section_numbers",
    "unit",
]
