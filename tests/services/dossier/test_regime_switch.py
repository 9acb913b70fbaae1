"""Switching a project's regime maps sections by outline key; sections the new regime lacks are kept, never lost."""

from dataclasses import replace

import pytest
from sqlalchemy import text

from dossier_app.domain.enums import ParkKind
from dossier_app.domain.errors import ValidationFailed
from dossier_app.services import Services
from dossier_app.services.dossier.projects import ProjectInput, ProjectView
from tests.services.support import all_sections, section_by_key, walk

EXTRAS = {
    "da.ranh_gioi_toa_do",
    "da.dien_tich",
    "da.boi_thuong_gpmb",
    "da.tac_dong_moi_truong",
    "da.tac_dong_kinh_te_xa_hoi",
}


def _input(project: ProjectView, **changes: object) -> ProjectInput:
    values = {name: getattr(project, name) for name in ProjectInput.__dataclass_fields__}
    return replace(ProjectInput(**values), **changes)  # type: ignore[arg-type]


def _keys_in_order(services: Services, project_id: int) -> list[str | None]:
    return [n.outline_key for tree in services.dossiers.tree(project_id) for n in walk(tree.sections)]


def test_switch_keeps_text_and_sets_aside_what_does_not_fit(services: Services, htp: ProjectView) -> None:
    mapped = section_by_key(services, htp.id, "da.1_can_cu_su_can_thiet").id
    extra = section_by_key(services, htp.id, "da.ranh_gioi_toa_do").id
    services.dossiers.save_body(mapped, "Căn cứ Luật Công nghệ cao.")
    services.dossiers.save_body(extra, "Phía Bắc giáp sông Hậu.")
    document_id = services.dossiers.section(extra).document_id
    custom = services.dossiers.add_section(document_id, extra, "Bảng tọa độ VN-2000")

    plan = services.projects.regime_switch_plan(htp.id, "nd260_2026")
    assert {s.key for s in plan.outside} == EXTRAS and plan.created == ()
    assert [s.written for s in plan.outside if s.key == "da.ranh_gioi_toa_do"] == [True]
    assert services.projects.get(htp.id).regime_key == "nd10_2024"  # the plan wrote nothing

    services.projects.update(htp.id, _input(htp, regime_key="nd260_2026"))
    assert services.projects.get(htp.id).regime_key == "nd260_2026"
    assert services.dossiers.section(mapped).body.strip() == "Căn cứ Luật Công nghệ cao."
    assert services.dossiers.section(extra).body.strip() == "Phía Bắc giáp sông Hậu."
    assert {s.key for s in services.projects.outside_regime(htp.id)} == EXTRAS
    nodes = {n.id: n for n in all_sections(services.dossiers.tree(htp.id))}
    assert custom in nodes and nodes[custom].parent_id == extra
    assert not nodes[extra].required
    keys = _keys_in_order(services, htp.id)
    outside_at = [keys.index(k) for k in EXTRAS]
    assert min(outside_at) > keys.index("da.7_ban_do")  # kept at the end of their document
    regime = services.context.regimes["nd260_2026"]
    required = sum(1 for d in regime.documents for n in d.walk() if n.required)
    summary = {s.code: s for s in services.projects.summaries()}[htp.code]
    assert summary.required_total == required
    with services.database.engine.connect() as connection:
        entries = connection.execute(text("SELECT summary FROM auditentry WHERE action = 'project.regime'")).all()
    assert len(entries) == 1 and "nd10_2024 → nd260_2026" in entries[0][0] and "5 kept" in entries[0][0]


def test_switching_back_restores_the_outline(services: Services, htp: ProjectView) -> None:
    before = _keys_in_order(services, htp.id)
    services.projects.update(htp.id, _input(htp, regime_key="nd260_2026"))
    services.projects.update(htp.id, _input(htp, regime_key="nd10_2024"))
    assert _keys_in_order(services, htp.id) == before
    assert services.projects.outside_regime(htp.id) == ()
    assert services.projects.get(htp.id).regime_key == "nd10_2024"
    fresh = {s.code: s for s in services.projects.summaries()}
    nd10 = services.context.regimes["nd10_2024"]
    assert fresh[htp.code].required_total == sum(1 for d in nd10.documents for n in d.walk() if n.required)


def test_it_park_to_digital_park_maps_everything(services: Services, itp: ProjectView) -> None:
    before = [n.id for n in all_sections(services.dossiers.tree(itp.id))]
    services.projects.update(itp.id, _input(itp, regime_key="nd354_2025"))
    assert [n.id for n in all_sections(services.dossiers.tree(itp.id))] == before
    assert services.projects.outside_regime(itp.id) == ()
    titles = [tree.title for tree in services.dossiers.tree(itp.id)]
    assert all("khu công nghệ số tập trung" in title for title in titles)


def test_a_renamed_section_keeps_its_name(services: Services, itp: ProjectView) -> None:
    section = section_by_key(services, itp.id, "da.2_dap_ung_tieu_chi").id
    services.dossiers.rename_section(section, "Đáp ứng tiêu chí (tên riêng)")
    services.projects.update(itp.id, _input(itp, regime_key="nd354_2025"))
    assert services.dossiers.section(section).title == "Đáp ứng tiêu chí (tên riêng)"


@pytest.mark.parametrize("changes", [{"regime_key": "nd260_2026"}, {"regime_key": "nd99"}])
def test_a_regime_of_another_park_kind_is_refused(
    services: Services, itp: ProjectView, changes: dict[str, str]
) -> None:
    before = _keys_in_order(services, itp.id)
    with pytest.raises(ValidationFailed) as caught:
        services.projects.update(itp.id, _input(itp, **changes))
    assert caught.value.field == "regime_key"
    assert services.projects.get(itp.id) == itp and _keys_in_order(services, itp.id) == before
    assert services.projects.get(itp.id).kind is ParkKind.IT_PARK
