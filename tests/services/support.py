"""Helpers the service tests share: project input, row counts, finding sections in a tree."""

from dataclasses import replace
from decimal import Decimal
from typing import Any

from sqlalchemy import text

from dossier_app.domain.enums import ParkKind
from dossier_app.services import Services
from dossier_app.services.dossier.dossiers import DocumentTree, SectionNode, walk_sections
from dossier_app.services.dossier.projects import ProjectInput

TABLES = ("project", "document", "section", "sectionrevision", "attachment")


def it_park(code: str = "CT-ITP2", **changes: Any) -> ProjectInput:
    """A valid IT park project under Decree 154/2013, with any field changed."""
    base = ProjectInput(
        code=code,
        name="Khu công nghệ thông tin tập trung Cần Thơ",
        kind=ParkKind.IT_PARK,
        regime_key="nd154_2013",
        location="Phường Hưng Thạnh, thành phố Cần Thơ",
        ward="Phường Hưng Thạnh",
        area_ha=Decimal("20.0219"),
        investor="Quỹ Đầu tư phát triển thành phố Cần Thơ",
        total_investment_vnd=1_250_000_000_000,
    )
    return replace(base, **changes)


def high_tech(code: str = "CT-HTP2", **changes: Any) -> ProjectInput:
    """A valid high-tech park project under Decree 10/2024, with any field changed."""
    base = ProjectInput(code=code, name="Khu công nghệ cao Cần Thơ", kind=ParkKind.HIGH_TECH, regime_key="nd10_2024")
    return replace(base, **changes)


def row_counts(services: Services) -> dict[str, int]:
    """How many rows each table holds."""
    with services.database.engine.connect() as connection:
        return {t: int(connection.execute(text(f"SELECT count(*) FROM {t}")).scalar() or 0) for t in TABLES}


walk = walk_sections


def all_sections(trees: list[DocumentTree]) -> list[SectionNode]:
    """Every live section of a project, document by document."""
    return [node for tree in trees for node in walk(tree.sections)]


def section_by_key(services: Services, project_id: int, key: str) -> SectionNode:
    """The live section created from an outline key."""
    matches = [n for n in all_sections(services.dossiers.tree(project_id)) if n.outline_key == key]
    assert len(matches) == 1, f"{key}: {len(matches)} sections"
    return matches[0]
