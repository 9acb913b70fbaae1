"""Readiness of a dossier: red, amber or green items, each saying what is missing and where to fix it."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from dossier_app.domain.comment_register import CommentState
from dossier_app.domain.conditions import ConditionStatus, CriterionResult, Outcome
from dossier_app.domain.errors import QT_TRANSLATE_NOOP
from dossier_app.domain.milestones import Risk
from dossier_app.domain.outline import Condition
from dossier_app.domain.submission import RequiredAttachment

CONTEXT = "Readiness"  # the Qt Linguist context of every template below


class Light(StrEnum):
    """Red blocks submission, amber needs a look, green is done."""

    RED = "red"
    AMBER = "amber"
    GREEN = "green"


class Group(StrEnum):
    """The groups of the report, in the order they are shown."""

    DOCUMENTS = "documents"
    CONDITIONS = "conditions"
    ATTACHMENTS = "attachments"
    MILESTONES = "milestones"
    COMMENTS = "comments"


class TargetKind(StrEnum):
    """What to open to fix an item."""

    SECTION = "section"
    CONDITION = "condition"
    CRITERION = "criterion"  # the project facts the criterion is computed from
    ATTACHMENT = "attachment"  # an attachment kind: the attachments tab
    MILESTONE = "milestone"
    COMMENT = "comment"
    NONE = "none"


GROUP_TITLES: Mapping[Group, str] = {
    Group.DOCUMENTS: QT_TRANSLATE_NOOP("Readiness", "Documents"),
    Group.CONDITIONS: QT_TRANSLATE_NOOP("Readiness", "Conditions and criteria"),
    Group.ATTACHMENTS: QT_TRANSLATE_NOOP("Readiness", "Mandatory attachments"),
    Group.MILESTONES: QT_TRANSLATE_NOOP("Readiness", "Milestones"),
    Group.COMMENTS: QT_TRANSLATE_NOOP("Readiness", "Ministry comments"),
}

UNIT_SYMBOLS: Mapping[str, str] = {"percent": "%", "people": QT_TRANSLATE_NOOP("Readiness", "people")}
UNIT_SYMBOLS_VI: Mapping[str, str] = {"percent": "%", "people": "người"}
OPERATOR_SIGNS: Mapping[str, str] = {">=": "≥", "<=": "≤", ">": ">", "<": "<", "==": "="}


@dataclass(frozen=True)
class Target:
    """Where an item is fixed: a section id, a condition or criterion key, an attachment kind, a comment id."""

    kind: TargetKind
    ref: str = ""
    section_id: int | None = None  # for an attachment kind: the section to file it with


@dataclass(frozen=True)
class ReadinessItem:
    """One line of the report: a light, an English template with its values, and where to fix it."""

    group: Group
    light: Light
    template: str
    params: Mapping[str, str | int] = field(default_factory=dict)
    target: Target = Target(TargetKind.NONE)
    document_id: int | None = None
    params_vi: Mapping[str, str | int] | None = None  # the same values in Vietnamese (titles from the regime data)

    @property
    def message(self) -> str:
        """The English message."""
        return self.template.format(**self.params)


@dataclass(frozen=True)
class ReadinessReport:
    """Every item of one project, grouped in report order."""

    project_id: int
    project_code: str
    items: tuple[ReadinessItem, ...]

    @property
    def complete(self) -> bool:
        """Nothing is red."""
        return not any(item.light is Light.RED for item in self.items)

    def group(self, group: Group) -> list[ReadinessItem]:
        """The items of one group, in order."""
        return [item for item in self.items if item.group is group]

    def count(self, light: Light) -> int:
        """How many items show this light."""
        return sum(1 for item in self.items if item.light is light)


@dataclass(frozen=True)
class DocumentProgress:
    """A document's required sections and the first one still missing at each step."""

    document_id: int
    title: str
    required: int
    written: int
    submitted: int
    approved: int
    first_unwritten: int | None = None
    first_unapproved: int | None = None


def document_items(progress: DocumentProgress) -> list[ReadinessItem]:
    """Written, then approved (with what is awaiting review), for one document."""
    params: dict[str, str | int] = {
        "document": progress.title,
        "written": progress.written,
        "submitted": progress.submitted,
        "approved": progress.approved,
        "total": progress.required,
    }
    written_light = Light.GREEN if progress.written >= progress.required else Light.RED
    if progress.approved >= progress.required:
        approved_light = Light.GREEN
    elif progress.approved + progress.submitted >= progress.required:
        approved_light = Light.AMBER
    else:
        approved_light = Light.RED

    def target(section_id: int | None) -> Target:
        return Target(TargetKind.SECTION, str(section_id)) if section_id else Target(TargetKind.NONE)

    return [
        ReadinessItem(
            Group.DOCUMENTS,
            written_light,
            QT_TRANSLATE_NOOP("Readiness", "{document}: {written} of {total} required sections written"),
            params,
            target(progress.first_unwritten),
            progress.document_id,
        ),
        ReadinessItem(
            Group.DOCUMENTS,
            approved_light,
            QT_TRANSLATE_NOOP(
                "Readiness", "{document}: {approved} of {total} required sections approved, {submitted} awaiting review"
            ),
            params,
            target(progress.first_unapproved),
            progress.document_id,
        ),
    ]


def condition_item(condition: Condition, status: ConditionStatus, evidence: int) -> ReadinessItem:
    """Met with evidence is green, met without evidence amber, unknown or not met red."""
    params: dict[str, str | int] = {"label": condition.label, "title": condition.title_en, "count": evidence}
    target = Target(TargetKind.CONDITION, condition.key)
    if status is ConditionStatus.MET and evidence:
        light, template = Light.GREEN, QT_TRANSLATE_NOOP("Readiness", "{label}) {title}: met ({count} evidence)")
    elif status is ConditionStatus.MET:
        light, template = Light.AMBER, QT_TRANSLATE_NOOP("Readiness", "{label}) {title}: met, but no evidence linked")
    elif status is ConditionStatus.NOT_MET:
        light, template = Light.RED, QT_TRANSLATE_NOOP("Readiness", "{label}) {title}: not met")
    else:
        light, template = Light.RED, QT_TRANSLATE_NOOP("Readiness", "{label}) {title}: not assessed yet")
    params_vi = {**params, "title": condition.title_vi}
    return ReadinessItem(Group.CONDITIONS, light, template, params, target, params_vi=params_vi)


def criterion_item(result: CriterionResult) -> ReadinessItem:
    """Pass green, fail or missing fact red; a criterion that does not apply is green and says so."""
    params: dict[str, str | int] = {
        "title": result.title_en,
        "operator": OPERATOR_SIGNS.get(result.operator, result.operator),
        "threshold": format_number(result.threshold),
        "value": _shown_value(result),
        "unit": UNIT_SYMBOLS.get(result.unit, result.unit),
    }
    templates = {
        Outcome.PASS: (Light.GREEN, QT_TRANSLATE_NOOP("Readiness", "{title}: {value} {unit} ({operator} {threshold})")),
        Outcome.FAIL: (
            Light.RED,
            QT_TRANSLATE_NOOP("Readiness", "{title}: {value} {unit} fails {operator} {threshold}"),
        ),
        Outcome.UNKNOWN: (
            Light.RED,
            QT_TRANSLATE_NOOP("Readiness", "{title}: the facts to compute it are not entered"),
        ),
        Outcome.NOT_APPLICABLE: (Light.GREEN, QT_TRANSLATE_NOOP("Readiness", "{title}: does not apply")),
    }
    light, template = templates[result.outcome]
    target = Target(TargetKind.CRITERION, result.key)
    params_vi = {**params, "title": result.title_vi, "unit": UNIT_SYMBOLS_VI.get(result.unit, result.unit)}
    return ReadinessItem(Group.CONDITIONS, light, template, params, target, params_vi=params_vi)


def attachment_item(required: RequiredAttachment, count: int, section_id: int | None = None) -> ReadinessItem:
    """A mandatory attachment: present or missing; `section_id` is where it is (or should be) filed."""
    kind = required.key
    params: dict[str, str | int] = {"what": required.title_en, "count": count}
    if count:
        light, template = Light.GREEN, QT_TRANSLATE_NOOP("Readiness", "Attached: {what}")
    else:
        light, template = Light.RED, QT_TRANSLATE_NOOP("Readiness", "Missing: {what}")
    target = Target(TargetKind.ATTACHMENT, kind, section_id)
    params_vi = {**params, "what": required.title_vi}
    return ReadinessItem(Group.ATTACHMENTS, light, template, params, target, params_vi=params_vi)


@dataclass(frozen=True)
class MilestoneSignal:
    """What a milestone provider reports for one milestone."""

    key: str
    title: str
    risk: Risk


def milestone_items(signals: Sequence[MilestoneSignal] | None) -> list[ReadinessItem]:
    """Overdue red and at risk amber, one item each; those on track in one green line; without a provider, amber."""
    if signals is None:
        return [
            ReadinessItem(
                Group.MILESTONES, Light.AMBER, QT_TRANSLATE_NOOP("Readiness", "Milestones are not tracked yet")
            )
        ]
    if not signals:
        return [ReadinessItem(Group.MILESTONES, Light.GREEN, QT_TRANSLATE_NOOP("Readiness", "No milestones planned"))]
    lights = {Risk.AT_RISK: Light.AMBER, Risk.OVERDUE: Light.RED}
    templates = {
        Risk.AT_RISK: QT_TRANSLATE_NOOP("Readiness", "{title}: at risk"),
        Risk.OVERDUE: QT_TRANSLATE_NOOP("Readiness", "{title}: overdue"),
    }
    items = [
        ReadinessItem(
            Group.MILESTONES,
            lights[signal.risk],
            templates[signal.risk],
            {"title": signal.title},
            Target(TargetKind.MILESTONE, signal.key),
        )
        for signal in signals
        if signal.risk is not Risk.ON_TRACK
    ]
    on_track = sum(1 for signal in signals if signal.risk is Risk.ON_TRACK)
    if on_track:
        template = QT_TRANSLATE_NOOP("Readiness", "{count} of {total} milestones on track")
        target = Target(TargetKind.MILESTONE)
        items.append(
            ReadinessItem(Group.MILESTONES, Light.GREEN, template, {"count": on_track, "total": len(signals)}, target)
        )
    return items


@dataclass(frozen=True)
class OpenComment:
    """A comment still open in the register."""

    id: int
    source: str
    excerpt: str
    state: CommentState


def comment_items(open_comments: Sequence[OpenComment], total: int) -> list[ReadinessItem]:
    """An unanswered comment is red, a comment not accepted amber (the answer must give the reason)."""
    if not open_comments:
        return [
            ReadinessItem(
                Group.COMMENTS,
                Light.GREEN,
                QT_TRANSLATE_NOOP("Readiness", "No open comments ({total} in the register)"),
                {"total": total},
            )
        ]
    items = []
    for comment in open_comments:
        params: dict[str, str | int] = {"source": comment.source, "excerpt": excerpt(comment.excerpt)}
        if comment.state is CommentState.NOT_ACCEPTED:
            light, template = Light.AMBER, QT_TRANSLATE_NOOP("Readiness", "{source}: not accepted ({excerpt})")
        else:
            light, template = Light.RED, QT_TRANSLATE_NOOP("Readiness", "{source}: no answer yet ({excerpt})")
        target = Target(TargetKind.COMMENT, str(comment.id))
        items.append(ReadinessItem(Group.COMMENTS, light, template, params, target))
    return items


def format_number(value: Decimal | float | int) -> str:
    """A number to at most two decimals without trailing zeros (60, 59.95, 66.67), as the report shows it."""
    text = f"{Decimal(str(value)).quantize(Decimal('0.01'), rounding=ROUND_HALF_UP):f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def excerpt(text: str, limit: int = 70) -> str:
    """The start of a comment, on one line, cut at a word."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    return flat[:limit].rsplit(" ", 1)[0] + "…"


def _shown_value(result: CriterionResult) -> str:
    """The value to two decimals, or to four where rounding would make a failing value look like the threshold."""
    if result.value is None:
        return "-"
    shown = format_number(result.value)
    if result.outcome is Outcome.FAIL and shown == format_number(result.threshold):
        shown = f"{result.value.quantize(Decimal('0.0001'), rounding=ROUND_HALF_UP):f}"
    return shown
