"""Projects: creating one lays out its regime's dossier; bad input is refused and stores nothing."""

from decimal import Decimal
from typing import Any

import pytest

from dossier_app.domain.enums import DocumentKind, ParkKind
from dossier_app.domain.errors import Conflict, NotFound, ValidationFailed
from dossier_app.domain.outline import OutlineNode
from dossier_app.services import Services
from dossier_app.services.dossier.dossiers import SectionNode
from dossier_app.services.dossier.projects import ProjectInput, ProjectView, parse_area, parse_vnd
from tests.services.support import high_tech, it_park, row_counts


def _assert_same_tree(
    services: Services, sections: tuple[SectionNode, ...], outline: tuple[OutlineNode, ...], parent_id: int | None
) -> None:
    assert [s.outline_key for s in sections] == [n.key for n in outline]
    for section, node in zip(sections, outline, strict=True):
        assert section.title == node.title_vi
        assert section.required is node.required
        assert section.parent_id == parent_id
        assert section.word_count == 0
        assert services.dossiers.sibling_index(section.id) == (node.order, len(outline))
        _assert_same_tree(services, section.children, node.children, section.id)


@pytest.mark.parametrize("make", [it_park, high_tech], ids=["nd154_2013", "nd10_2024"])
def test_create_lays_out_both_documents_and_the_whole_section_tree(services: Services, make: Any) -> None:
    data: ProjectInput = make()
    project = services.projects.create(data)
    regime = services.context.regimes[data.regime_key]
    trees = services.dossiers.tree(project.id)
    assert [t.kind for t in trees] == [DocumentKind.TO_TRINH, DocumentKind.DE_AN]
    for tree, outline in zip(trees, regime.documents, strict=True):
        assert tree.kind == outline.kind
        assert tree.title == outline.title_vi
        assert tree.project_id == project.id
        _assert_same_tree(services, tree.sections, outline.sections, None)
        required = [n for n in outline.walk() if n.required]
        assert (tree.required_written, tree.required_total) == (0, len(required))
    total_nodes = sum(len(list(d.walk())) for d in regime.documents)
    assert row_counts(services) == {
        "project": 1,
        "document": 2,
        "section": total_nodes,
        "sectionrevision": 0,
        "attachment": 0,
    }


def test_guidance_of_a_section_comes_from_its_regime(services: Services, itp: ProjectView) -> None:
    regime = services.context.regimes["nd154_2013"]
    for tree in services.dossiers.tree(itp.id):
        for node in tree.sections:
            view = services.dossiers.section(node.id)
            outline = regime.node(view.outline_key or "")
            assert outline is not None
            assert (view.guidance_vi, view.guidance_en) == (outline.guidance_vi, outline.guidance_en)
            assert view.project_code == itp.code


def test_create_stores_the_facts(services: Services) -> None:
    created = services.projects.create(it_park(code="  CT-ITP2 ", name="  Khu CNTT  "))
    stored = services.projects.get(created.id)
    assert stored == created
    assert (stored.code, stored.name) == ("CT-ITP2", "Khu CNTT")
    assert stored.area_ha == Decimal("20.0219")
    assert stored.total_investment_vnd == 1_250_000_000_000
    assert stored.kind is ParkKind.IT_PARK
    assert services.projects.by_code("ct-itp2") == stored


def test_a_project_keeps_its_organ_codes_in_capitals_the_recipient_the_government_office_by_default(
    services: Services,
) -> None:
    created = services.projects.create(it_park(code="CT-ITP2", sender_organ_code=" 000.00.00.h13 "))
    stored = services.projects.get(created.id)
    assert (stored.sender_organ_code, stored.recipient_organ_code) == ("000.00.00.H13", "000.00.00.G22")
    fields = {name: getattr(stored, name) for name in ProjectInput.__dataclass_fields__}
    services.projects.update(stored.id, ProjectInput(**{**fields, "recipient_organ_code": "000.00.04.G14"}))
    assert services.projects.get(stored.id).recipient_organ_code == "000.00.04.G14"


@pytest.mark.parametrize("code", ["CT-ITP", "ct-itp", "Ct-Itp "])
def test_duplicate_code_is_a_conflict_and_changes_nothing(services: Services, code: str) -> None:
    services.projects.create(it_park(code="CT-ITP"))
    before = row_counts(services)
    with pytest.raises(Conflict) as caught:
        services.projects.create(high_tech(code=code, name="Dự án khác"))
    assert "CT-ITP".lower() in caught.value.message.lower()
    assert row_counts(services) == before
    assert [s.name for s in services.projects.summaries()] == ["Khu công nghệ thông tin tập trung Cần Thơ"]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"name": ""}, "name"),
        ({"name": "   \t"}, "name"),
        ({"area_ha": Decimal("-0.5")}, "area_ha"),
        ({"total_investment_vnd": -1}, "total_investment_vnd"),
        ({"code": ""}, "code"),
        ({"code": "CT ITP"}, "code"),
        ({"code": "-CT"}, "code"),
        ({"code": "X" * 33}, "code"),
        ({"code": "CT/ITP"}, "code"),
        ({"regime_key": "nd10_2024"}, "regime_key"),
        ({"regime_key": "nd999_2030"}, "regime_key"),
        ({"kind": ParkKind.HIGH_TECH}, "regime_key"),
        ({"sender_organ_code": "000.00.H13"}, "sender_organ_code"),
        ({"recipient_organ_code": "G22"}, "recipient_organ_code"),
    ],
)
def test_bad_input_names_the_field_and_stores_nothing(services: Services, changes: dict[str, Any], field: str) -> None:
    with pytest.raises(ValidationFailed) as caught:
        services.projects.create(it_park(**changes))
    assert caught.value.field == field
    assert row_counts(services) == dict.fromkeys(row_counts(services), 0)


def test_update_changes_the_facts(services: Services, itp: ProjectView) -> None:
    sections_before = row_counts(services)["section"]
    updated = services.projects.update(
        itp.id, it_park(code="CT-ITP3", name="Khu CNTT tập trung Cần Thơ (điều chỉnh)", area_ha=Decimal("21.5"))
    )
    assert updated.id == itp.id
    stored = services.projects.get(itp.id)
    assert stored == updated
    assert (stored.code, stored.name, stored.area_ha) == (
        "CT-ITP3",
        "Khu CNTT tập trung Cần Thơ (điều chỉnh)",
        Decimal("21.5"),
    )
    assert row_counts(services)["section"] == sections_before, "the dossier is not laid out again"
    with pytest.raises(NotFound):
        services.projects.by_code(itp.code)


def test_update_keeps_its_own_code_but_refuses_another_projects(services: Services, itp: ProjectView) -> None:
    other = services.projects.create(high_tech())
    services.projects.update(itp.id, it_park(code=itp.code.lower()))
    with pytest.raises(Conflict):
        services.projects.update(itp.id, it_park(code=other.code))
    assert services.projects.get(itp.id).code == itp.code.lower()


@pytest.mark.parametrize(
    ("changes", "field"),
    [({"name": ""}, "name"), ({"area_ha": Decimal("-1")}, "area_ha"), ({"code": "a b"}, "code")],
)
def test_update_refuses_bad_input_and_keeps_the_project(
    services: Services, itp: ProjectView, changes: dict[str, Any], field: str
) -> None:
    with pytest.raises(ValidationFailed) as caught:
        services.projects.update(itp.id, it_park(**changes))
    assert caught.value.field == field
    assert services.projects.get(itp.id) == itp


def test_update_cannot_change_the_kind_of_park(services: Services, itp: ProjectView) -> None:
    with pytest.raises(ValidationFailed) as caught:
        services.projects.update(itp.id, it_park(kind=ParkKind.HIGH_TECH, regime_key="nd10_2024"))
    assert caught.value.field == "kind"
    assert services.projects.get(itp.id) == itp


def test_update_of_a_missing_project_is_not_found(services: Services) -> None:
    with pytest.raises(NotFound):
        services.projects.update(987654, it_park())


def test_summaries_count_written_required_sections(services: Services, itp: ProjectView) -> None:
    htp = services.projects.create(high_tech())
    first_required = next(n for n in services.dossiers.tree(itp.id)[0].sections if n.required)
    services.dossiers.save_body(first_required.id, "Căn cứ Luật Công nghệ cao năm 2008;")
    summaries = {s.code: s for s in services.projects.summaries()}
    assert list(summaries) == sorted([itp.code, htp.code])
    total_itp = sum(t.required_total for t in services.dossiers.tree(itp.id))
    assert (summaries[itp.code].required_written, summaries[itp.code].required_total) == (1, total_itp)
    assert summaries[htp.code].required_written == 0
    assert summaries[htp.code].regime_key == "nd10_2024"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("20,02", Decimal("20.02")), ("20.0219", Decimal("20.0219")), ("1.234,5", Decimal("1234.5")), (" ", None)],
)
def test_parse_area_reads_both_decimal_marks(typed: str, expected: Decimal | None) -> None:
    assert parse_area(typed) == expected


def test_parse_area_and_vnd_refuse_text() -> None:
    with pytest.raises(ValidationFailed) as area:
        parse_area("hai mươi")
    assert area.value.field == "area_ha"
    with pytest.raises(ValidationFailed) as vnd:
        parse_vnd("một tỷ")
    assert vnd.value.field == "total_investment_vnd"
    assert parse_vnd("1.250.000.000.000 đ") == 1_250_000_000_000
    assert parse_vnd("") is None
