"""Reads the milestone plan templates shipped under resources/milestones/."""

from functools import cache
from pathlib import Path

from dossier_app.domain.errors import QT_TRANSLATE_NOOP, NotFound
from dossier_app.domain.milestones import PlanTemplate, parse_template
from dossier_app.storage.resources import RESOURCES_DIR, read_yaml

MILESTONES_DIR = RESOURCES_DIR / "milestones"


@cache
def load_milestone_templates(folder: Path = MILESTONES_DIR) -> dict[str, PlanTemplate]:
    """Every milestone template file in the folder, keyed by template key, in file-name order."""
    templates: dict[str, PlanTemplate] = {}
    for path in sorted(folder.glob("*.yaml")):
        with path.open(encoding="utf-8") as stream:
            template = parse_template(read_yaml(stream))
        templates[template.key] = template
    return templates


def milestone_template(key: str = "land_recovery", folder: Path = MILESTONES_DIR) -> PlanTemplate:
    """One template by key; the land recovery plan unless told otherwise."""
    template = load_milestone_templates(folder).get(key)
    if template is None:
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "No milestone template '{key}'."), key=key)
    return template
