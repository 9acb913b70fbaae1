"""A project made complete through the services, for the readiness tests of the services and the command line."""

from decimal import Decimal
from pathlib import Path

from dossier_app.domain.comment_register import CommentState
from dossier_app.domain.conditions import ConditionStatus, ProjectFacts
from dossier_app.services import Services
from dossier_app.services.dossier.dossiers import SectionNode
from dossier_app.services.dossier.projects import ProjectView
from dossier_app.services.review.comment_register import CommentInput
from tests.services.review_support import act_as, create_cast, write

PASSING = ProjectFacts(
    it_workers=2000,
    total_workforce=3000,
    land_area_ha=Decimal("5"),
    core_area_ha=Decimal("5"),
    construction_land_ha=Decimal("10"),
    building_density_pct=Decimal("40"),
    existing_parks_occupancy_pct=Decimal("60"),
)


def complete_project(services: Services, project: ProjectView, tmp_path: Path) -> None:
    """Write, submit and approve every required section, meet every condition with evidence, attach the
    mandatory files, answer every comment."""
    create_cast(services)
    for tree in services.dossiers.tree(project.id):
        for node in _walk(tree.sections):
            if node.required:
                content_hash = write(services, node.id, f"Nội dung mục {node.title}.")
                services.reviews.submit(node.id)
                act_as(services, "binh")
                services.reviews.approve(node.id, content_hash)
    act_as(services, "cli:tester")
    services.checklist.save_facts(project.id, PASSING)
    section = services.dossiers.section_by_key(project.id, "da.2_dap_ung_tieu_chi")
    for row in services.checklist.conditions(project.id):
        services.checklist.set_condition(project.id, row.key, ConditionStatus.MET, "", [("section", section.id)])
    for kind in ("planning_map", "eia_decision"):
        path = tmp_path / f"{kind}.pdf"
        path.write_bytes(kind.encode())
        services.attachments.set_kind(services.attachments.add(section.id, path).id, kind)
    services.comment_register.add(
        project.id, CommentInput("Bộ", "Ý kiến", response="Tiếp thu", state=CommentState.ACCEPTED)
    )


def _walk(nodes: tuple[SectionNode, ...]) -> list[SectionNode]:
    result: list[SectionNode] = []
    for node in nodes:
        result.append(node)
        result += _walk(node.children)
    return result


def make_ready(services: Services, code: str, tmp_path: Path) -> None:
    """Everything but the sections for a project whose required sections are approved: facts that pass, every
    condition met with a section as evidence, the mandatory attachments, every open comment accepted."""
    tmp_path.mkdir(parents=True, exist_ok=True)
    project = services.projects.by_code(code)
    regime = services.context.regime(project.regime_key)
    services.checklist.save_facts(project.id, PASSING)
    choices = services.checklist.evidence_choices(project.id)
    evidence = next(choice for choice in choices if choice.kind == "section")
    for row in services.checklist.conditions(project.id):
        services.checklist.set_condition(project.id, row.key, ConditionStatus.MET, "", [("section", evidence.id)])
    for attachment in regime.attachments:
        if not attachment.mandatory:
            continue
        home = services.dossiers.section_by_key(project.id, attachment.section_key)
        path = tmp_path / f"{attachment.key}.pdf"
        path.write_bytes(attachment.key.encode())
        services.attachments.set_kind(services.attachments.add(home.id, path).id, attachment.key)
    for comment in services.comment_register.comments(project.id):
        if comment.state.open:
            data = CommentInput(
                comment.source,
                comment.body,
                comment.received_on,
                comment.section_id,
                comment.response or "Tiếp thu và đã chỉnh sửa.",
                CommentState.ACCEPTED,
                comment.resolved_revision_id,
            )
            services.comment_register.update(comment.id, data)
