"""What a regime says about filing the dossier: copies, bodies consulted, mandatory attachments; and its checks."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from dossier_app.domain.errors import QT_TRANSLATE_NOOP, ValidationFailed

OPERATORS = (">=", "<=", ">", "<", "==")


@dataclass(frozen=True)
class Copies:
    """How many sets of the dossier are filed, and how many of them are originals."""

    sets: int
    originals: int


@dataclass(frozen=True)
class ConsultedBody:
    """A ministry or body whose written opinion the regime requires, and the clock step it replies in."""

    key: str
    name_vi: str
    name_en: str
    reply_step: str


@dataclass(frozen=True)
class RequiredAttachment:
    """A document that must be filed with the dossier, attached under one outline section."""

    key: str
    title_vi: str
    title_en: str
    section_key: str
    mandatory: bool = True


@dataclass(frozen=True)
class CriterionVariant:
    """Another threshold of the same criterion for a named case (a software-only park, an expansion)."""

    key: str
    value: float
    title_vi: str
    title_en: str


def regime_error(template: str, field: str, **params: Any) -> ValidationFailed:
    """A regime file's refusal naming the field."""
    return ValidationFailed(template, field=field, **params)


def _str(data: Mapping[str, Any], name: str, where: str) -> str:
    value = data.get(name)
    if not isinstance(value, str) or not value.strip():
        raise regime_error(
            QT_TRANSLATE_NOOP("Errors", "Regime file: '{field}' is missing or empty at {where}."),
            name,
            where=where,
        )
    return value.strip()


def _int(data: Mapping[str, Any], name: str, where: str, minimum: int = 0) -> int:
    value = data.get(name)
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise regime_error(
            QT_TRANSLATE_NOOP(
                "Errors", "Regime file: '{field}' must be a whole number of at least {minimum} at {where}."
            ),
            name,
            where=where,
            minimum=minimum,
        )
    return value


def number(data: Mapping[str, Any], name: str, where: str) -> float:
    """A numeric threshold; a missing or non-numeric value is refused rather than read as zero."""
    value = data.get(name)
    if isinstance(value, bool) or not isinstance(value, int | float):
        template = QT_TRANSLATE_NOOP("Errors", "Regime file: '{field}' must be a number at {where}.")
        raise regime_error(template, name, where=where)
    return float(value)


def step_days(data: Mapping[str, Any], where: str) -> int:
    """A clock step's length in working days (zero allowed, never negative or fractional)."""
    return _int(data, "working_days", where)


def parse_copies(data: Mapping[str, Any] | None, where: str) -> Copies | None:
    """The `copies` block, if the regime states one."""
    if data is None:
        return None
    copies = Copies(_int(data, "sets", where, 1), _int(data, "originals", where))
    if copies.originals > copies.sets:
        raise regime_error(
            QT_TRANSLATE_NOOP("Errors", "Regime file: more originals than sets at {where}."), "originals", where=where
        )
    return copies


def parse_bodies(items: Sequence[Mapping[str, Any]] | None, where: str) -> tuple[ConsultedBody, ...]:
    """The `bodies_consulted` list."""
    return tuple(
        ConsultedBody(
            _str(b, "key", where), _str(b, "name_vi", where), _str(b, "name_en", where), _str(b, "reply_step", where)
        )
        for b in items or ()
    )


def parse_attachments(items: Sequence[Mapping[str, Any]] | None, where: str) -> tuple[RequiredAttachment, ...]:
    """The `attachments` list."""
    return tuple(
        RequiredAttachment(
            _str(a, "key", where),
            _str(a, "title_vi", where),
            _str(a, "title_en", where),
            _str(a, "section_key", where),
            bool(a.get("mandatory", True)),
        )
        for a in items or ()
    )


def parse_variants(items: Sequence[Mapping[str, Any]] | None, where: str) -> tuple[CriterionVariant, ...]:
    """A criterion's `variants` list."""
    return tuple(
        CriterionVariant(
            _str(v, "key", where), number(v, "value", where), _str(v, "title_vi", where), _str(v, "title_en", where)
        )
        for v in items or ()
    )


def require_unique(keys: Sequence[str], what: str) -> None:
    """Refuse a regime list (`what`) whose keys repeat."""
    for key in keys:
        if keys.count(key) > 1:
            template = QT_TRANSLATE_NOOP("Errors", "Regime file: the key '{key}' is used twice.")
            raise regime_error(template, "key", key=key)
