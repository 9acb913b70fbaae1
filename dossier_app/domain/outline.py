"""Legal regimes as data: the outline of each document, the conditions and criteria a park must meet."""

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from dossier_app.domain.enums import DocumentKind, ParkKind
from dossier_app.domain.errors import QT_TRANSLATE_NOOP, ValidationFailed
from dossier_app.domain.submission import (
    OPERATORS,
    ConsultedBody,
    Copies,
    CriterionVariant,
    RequiredAttachment,
    number,
    parse_attachments,
    parse_bodies,
    parse_copies,
    parse_variants,
    regime_error,
    require_unique,
    step_days,
)


@dataclass(frozen=True)
class OutlineNode:
    """One section the law expects, with what it expects written there."""

    key: str
    title_vi: str
    title_en: str
    required: bool
    order: int
    guidance_vi: str
    guidance_en: str
    children: tuple["OutlineNode", ...] = ()

    def walk(self) -> Iterator["OutlineNode"]:
        """This node and every node below it, depth first."""
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(frozen=True)
class DocumentOutline:
    """The outline of one document of the dossier."""

    kind: DocumentKind
    title_vi: str
    title_en: str
    symbol: str
    sections: tuple[OutlineNode, ...]

    def walk(self) -> Iterator[OutlineNode]:
        """Every node of the document, depth first."""
        for node in self.sections:
            yield from node.walk()


@dataclass(frozen=True)
class Condition:
    """An establishment condition that needs evidence."""

    key: str
    label: str
    title_vi: str
    title_en: str
    guidance_vi: str
    guidance_en: str
    criterion: str = ""


@dataclass(frozen=True)
class Criterion:
    """A numeric threshold the law sets for a park."""

    key: str
    title_vi: str
    title_en: str
    operator: str
    value: float
    unit: str
    note_vi: str = ""
    note_en: str = ""
    variants: tuple[CriterionVariant, ...] = ()
    expansion_only: bool = False  # the criterion applies only to the expansion of an existing park


@dataclass(frozen=True)
class ClockStep:
    """A step of the regime's review, counted in working days."""

    key: str
    title_vi: str
    title_en: str
    working_days: int


@dataclass(frozen=True)
class Regime:
    """A legal regime: which documents a dossier has and what each must contain."""

    key: str
    code: str
    title_vi: str
    title_en: str
    park_kind: ParkKind
    decided_by_vi: str
    decided_by_en: str
    verified: bool
    documents: tuple[DocumentOutline, ...]
    conditions: tuple[Condition, ...]
    criteria: tuple[Criterion, ...]
    review_clock: tuple[ClockStep, ...]
    submitted_to_vi: str = ""
    submitted_to_en: str = ""
    copies: Copies | None = None
    bodies: tuple[ConsultedBody, ...] = ()
    attachments: tuple[RequiredAttachment, ...] = ()
    note_vi: str = ""
    note_en: str = ""

    def node(self, key: str) -> OutlineNode | None:
        """The outline node with this key in any document, if the regime has one."""
        for document in self.documents:
            for node in document.walk():
                if node.key == key:
                    return node
        return None


def _text(data: Mapping[str, Any], name: str, where: str, default: str | None = None) -> str:
    value = data.get(name, default)
    if not isinstance(value, str) or (default is None and not value.strip()):
        raise ValidationFailed(
            QT_TRANSLATE_NOOP("Errors", "Regime file: '{field}' is missing or empty at {where}."),
            field=name,
            where=where,
        )
    return value.strip()


def _nodes(items: Sequence[Mapping[str, Any]], where: str, seen: set[str]) -> tuple[OutlineNode, ...]:
    nodes = []
    for order, item in enumerate(items or ()):
        key = _text(item, "key", where)
        if key in seen:
            raise ValidationFailed(
                QT_TRANSLATE_NOOP("Errors", "Regime file: the key '{key}' is used twice."),
                field="key",
                key=key,
            )
        seen.add(key)
        nodes.append(
            OutlineNode(
                key=key,
                title_vi=_text(item, "title_vi", key),
                title_en=_text(item, "title_en", key),
                required=bool(item.get("required", False)),
                order=order,
                guidance_vi=_text(item, "guidance_vi", key, ""),
                guidance_en=_text(item, "guidance_en", key, ""),
                children=_nodes(item.get("children") or (), key, seen),
            )
        )
    return tuple(nodes)


def parse_regime(data: Mapping[str, Any]) -> Regime:
    """Build a regime from its data file's mapping, refusing anything incomplete."""
    key = _text(data, "key", "top")
    seen: set[str] = set()
    documents = tuple(
        DocumentOutline(
            kind=DocumentKind(_text(doc, "kind", key)),
            title_vi=_text(doc, "title_vi", key),
            title_en=_text(doc, "title_en", key),
            symbol=_text(doc, "symbol", key),
            sections=_nodes(doc.get("sections") or (), key, seen),
        )
        for doc in data.get("documents") or ()
    )
    conditions = tuple(
        Condition(
            key=_text(c, "key", key),
            label=str(c.get("label", "")),
            title_vi=_text(c, "title_vi", key),
            title_en=_text(c, "title_en", key),
            guidance_vi=_text(c, "guidance_vi", key, ""),
            guidance_en=_text(c, "guidance_en", key, ""),
            criterion=_text(c, "criterion", key, ""),
        )
        for c in data.get("conditions") or ()
    )
    criteria = tuple(
        Criterion(
            key=_text(c, "key", key),
            title_vi=_text(c, "title_vi", key),
            title_en=_text(c, "title_en", key),
            operator=_text(c, "operator", key),
            value=number(c, "value", key),
            unit=_text(c, "unit", key),
            note_vi=_text(c, "note_vi", key, ""),
            note_en=_text(c, "note_en", key, ""),
            variants=parse_variants(c.get("variants"), key),
            expansion_only=bool(c.get("expansion_only", False)),
        )
        for c in data.get("criteria") or ()
    )
    clock = tuple(
        ClockStep(
            key=_text(s, "key", key),
            title_vi=_text(s, "title_vi", key),
            title_en=_text(s, "title_en", key),
            working_days=step_days(s, key),
        )
        for s in data.get("review_clock") or ()
    )
    regime = Regime(
        key=key,
        code=_text(data, "code", key),
        title_vi=_text(data, "title_vi", key),
        title_en=_text(data, "title_en", key),
        park_kind=ParkKind(_text(data, "park_kind", key)),
        decided_by_vi=_text(data, "decided_by_vi", key, ""),
        decided_by_en=_text(data, "decided_by_en", key, ""),
        verified=bool(data.get("verified", True)),
        documents=documents,
        conditions=conditions,
        criteria=criteria,
        review_clock=clock,
        submitted_to_vi=_text(data, "submitted_to_vi", key, ""),
        submitted_to_en=_text(data, "submitted_to_en", key, ""),
        copies=parse_copies(data.get("copies"), key),
        bodies=parse_bodies(data.get("bodies_consulted"), key),
        attachments=parse_attachments(data.get("attachments"), key),
        note_vi=_text(data, "note_vi", key, ""),
        note_en=_text(data, "note_en", key, ""),
    )
    check_regime(regime)
    return regime


def check_regime(regime: Regime) -> None:
    """Cross-checks a single field cannot make: unique keys, known steps and sections, a note when unverified."""
    require_unique([c.key for c in regime.conditions], "conditions")
    require_unique([c.key for c in regime.criteria], "criteria")
    require_unique([s.key for s in regime.review_clock], "review_clock")
    require_unique([b.key for b in regime.bodies], "bodies")
    require_unique([a.key for a in regime.attachments], "attachments")
    steps = {s.key for s in regime.review_clock}
    criteria = {c.key for c in regime.criteria}
    for criterion in regime.criteria:
        if criterion.operator not in OPERATORS:
            raise regime_error(
                QT_TRANSLATE_NOOP("Errors", "Regime file: unknown comparison '{value}' at {where}."),
                "operator",
                value=criterion.operator,
                where=criterion.key,
            )
    for body in regime.bodies:
        if body.reply_step not in steps:
            raise regime_error(
                QT_TRANSLATE_NOOP("Errors", "Regime file: '{value}' is not a step of the review clock ({where})."),
                "reply_step",
                value=body.reply_step,
                where=body.key,
            )
    for attachment in regime.attachments:
        if regime.node(attachment.section_key) is None:
            raise regime_error(
                QT_TRANSLATE_NOOP("Errors", "Regime file: '{value}' is not a section of the outline ({where})."),
                "section_key",
                value=attachment.section_key,
                where=attachment.key,
            )
    for condition in regime.conditions:
        if condition.criterion and condition.criterion not in criteria:
            raise regime_error(
                QT_TRANSLATE_NOOP("Errors", "Regime file: '{value}' is not a criterion of the regime ({where})."),
                "criterion",
                value=condition.criterion,
                where=condition.key,
            )
    if not regime.verified and not regime.note_vi:
        raise regime_error(
            QT_TRANSLATE_NOOP("Errors", "Regime file: an unverified regime needs a note saying so ({where})."),
            "note_vi",
            where=regime.key,
        )
