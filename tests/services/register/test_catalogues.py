"""Editable catalogues on both backends: seeded from resources, edited with checks, used by validation."""

from pathlib import Path

import pytest

from dossier_app.domain.catalogues import CatalogueItem, CatalogueKind
from dossier_app.domain.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from dossier_app.services import Services
from dossier_app.services.core.context import Operator
from dossier_app.services.dossier.projects import ProjectView
from dossier_app.storage.resources import load_land_use_codes, load_wards
from tests.services.register_support import parcel, parcel_row, party, party_row, workbook

LAND = CatalogueKind.LAND_USE
WARD = CatalogueKind.WARD


def test_a_new_database_holds_the_shipped_catalogues_in_order(services: Services) -> None:
    assert services.catalogues.land_use_codes() == load_land_use_codes()
    assert list(services.catalogues.land_use_codes()) == list(load_land_use_codes())
    assert services.catalogues.wards() == load_wards()
    luc = services.catalogues.entries(LAND)[0]
    assert (luc.code, luc.group, luc.confirmed) == ("LUC", "agricultural", True)


def test_an_added_code_is_accepted_by_the_register_and_offered_in_the_template(
    services: Services, itp: ProjectView
) -> None:
    with pytest.raises(ValidationFailed) as refused:
        services.register.add_party(itp.id, party(parcels=(parcel(land_use_code="XYZ"),)))
    assert refused.value.field.endswith("land_use_code")
    added = services.catalogues.add(CatalogueItem(LAND, " xyz ", "  Đất   thử nghiệm ", "other", False))
    assert (added.code, added.name, added.position) == ("XYZ", "Đất thử nghiệm", len(load_land_use_codes()))
    services.register.add_party(itp.id, party(parcels=(parcel(land_use_code="XYZ"),)))
    assert services.register.land_use_codes["XYZ"] == "Đất thử nghiệm"
    assert [e.action for e in services.audit.entries()][1] == "catalogue.add"


def test_bad_entries_are_refused_and_nothing_changes(services: Services) -> None:
    before = services.catalogues.entries(LAND)
    for item, field in (
        (CatalogueItem(LAND, "1AB", "Tên", "other"), "code"),
        (CatalogueItem(LAND, "ABCDEFGHIJK", "Tên", "other"), "code"),
        (CatalogueItem(LAND, "ABC", "", "other"), "name"),
        (CatalogueItem(LAND, "ABC", "Tên", "forest"), "group"),
        (CatalogueItem(WARD, "  ", ""), "name"),
    ):
        with pytest.raises(ValidationFailed) as refused:
            services.catalogues.add(item)
        assert refused.value.field == field
    with pytest.raises(Conflict):
        services.catalogues.add(CatalogueItem(LAND, "luc", "Trùng", "agricultural"))
    with pytest.raises(NotFound):
        services.catalogues.update(CatalogueItem(LAND, "NOPE", "Tên", "other"))
    assert services.catalogues.entries(LAND) == before


def test_updating_a_code_keeps_the_code_and_changes_the_rest(services: Services) -> None:
    services.catalogues.update(CatalogueItem(LAND, "RSX", "Đất rừng sản xuất (đã kiểm tra)", "agricultural", True))
    rsx = next(item for item in services.catalogues.entries(LAND) if item.code == "RSX")
    assert (rsx.name, rsx.confirmed) == ("Đất rừng sản xuất (đã kiểm tra)", True)


def test_an_entry_in_use_cannot_be_removed_and_an_unused_one_can(services: Services, itp: ProjectView) -> None:
    services.register.add_party(itp.id, party())
    with pytest.raises(Conflict) as refused:
        services.catalogues.remove(LAND, "LUC")
    assert refused.value.params["count"] == 1
    with pytest.raises(Conflict):
        services.catalogues.remove(WARD, "Phường Hưng Thạnh")
    services.catalogues.remove(LAND, "NKH")
    services.catalogues.remove(WARD, "Phường Thốt Nốt")
    assert "NKH" not in services.catalogues.land_use_codes()
    assert "Phường Thốt Nốt" not in services.catalogues.wards()
    services.catalogues.add(CatalogueItem(WARD, "Phường  Tân   Lộc", ""))
    assert services.catalogues.wards()[-1] == "Phường Tân Lộc"


def test_editing_needs_the_edit_permission(services: Services) -> None:
    services.context.operator = Operator("nobody")
    with pytest.raises(PermissionDenied):
        services.catalogues.add(CatalogueItem(WARD, "Phường Mới", ""))
    services.context.operator = Operator("cli:tester")
    assert "Phường Mới" not in services.catalogues.wards()


def test_an_import_checks_codes_against_the_edited_catalogue(
    services: Services, itp: ProjectView, tmp_path: Path
) -> None:
    path = workbook(tmp_path / "r.xlsx", [party_row()], [parcel_row(land_use_code="NKH")])
    assert not services.register_io.check(itp.id, path).problems
    services.catalogues.remove(LAND, "NKH")
    report = services.register_io.check(itp.id, path)
    assert [str(problem.value) for problem in report.problems] == ["NKH"]
