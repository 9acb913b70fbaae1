"""The register service on both backends: writing with checks, paging, filtering, searching and totals."""

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from dossier_app.domain.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from dossier_app.domain.register import AssetInput, CompensationInput
from dossier_app.services import Services
from dossier_app.services.core.context import Operator
from dossier_app.services.dossier.projects import ProjectView
from dossier_app.services.register.register import PartyFilter
from tests.services.register_support import counts, parcel, party


def test_add_read_update_delete_a_party(services: Services, itp: ProjectView) -> None:
    added = services.register.add_party(itp.id, party())
    assert added.data == party()
    assert services.register.party(added.id).data == party()
    changed = party(name="Nguyễn Văn Đức (chủ hộ)", parcels=(parcel(), parcel(number="35")), compensation=())
    assert services.register.update_party(added.id, changed).data == changed
    assert counts(services) == {
        "affectedparty": 1,
        "landparcel": 2,
        "asset": 2,
        "compensationline": 0,
        "resettlement": 1,
    }
    services.register.delete_party(added.id)
    assert counts(services) == {
        "affectedparty": 0,
        "landparcel": 0,
        "asset": 0,
        "compensationline": 0,
        "resettlement": 0,
    }
    with pytest.raises(NotFound):
        services.register.party(added.id)
    actions = [e.action for e in services.audit.entries()]
    assert actions[:3] == ["party.delete", "party.update", "party.add"]


def test_invalid_or_duplicate_parties_are_refused_and_nothing_is_written(services: Services, itp: ProjectView) -> None:
    with pytest.raises(ValidationFailed) as refused:
        services.register.add_party(itp.id, party(citizen_id="1234567890123"))
    assert refused.value.field == "citizen_id"
    services.register.add_party(itp.id, party())
    before = counts(services)
    with pytest.raises(Conflict):
        services.register.add_party(itp.id, party())
    with pytest.raises(Conflict):
        services.register.add_party(itp.id, party("HT-002"))  # same citizen ID
    with pytest.raises(Conflict):
        services.register.add_party(itp.id, party("HT-003", citizen_id="092085009999"))  # same parcel
    assert counts(services) == before


def test_writing_needs_the_edit_permission(services: Services, itp: ProjectView) -> None:
    services.context.operator = Operator("nobody")
    with pytest.raises(PermissionDenied):
        services.register.add_party(itp.id, party())
    services.context.operator = Operator("cli:tester")
    assert counts(services)["affectedparty"] == 0


def _fill(services: Services, project_id: int) -> None:
    wards = ["Phường Hưng Thạnh", "Phường Ô Môn", "Phường Cái Răng"]
    names = ["Nguyễn Văn Đức", "Trần Thị Bích", "Lê Hoàng Ân", "Phạm Thị Ơn", "Võ Đình Lực", "Huỳnh Ngọc Ánh"]
    for i, name in enumerate(names):
        services.register.add_party(
            project_id,
            party(
                f"HT-{i + 1:03d}",
                name=name,
                citizen_id=f"09208500{i + 1:04d}",
                ward=wards[i % 3],
                address=f"Số {i + 1}, đường Trần Hưng Đạo, {wards[i % 3]}",
                complaint=i == 4,
                poor_household=i % 2 == 0,
                approved_on=date(2026, 6, 1) if i >= 3 else None,
                paid_on=date(2026, 6, 20) if i >= 4 else None,
                parcels=(
                    parcel(str(i), "1", land_use_code="CLN" if i == 2 else "LUC"),
                    parcel(str(i), "2", total_area_m2=Decimal(100), recovered_area_m2=Decimal(100)),
                ),
                compensation=(CompensationInput(kind="land", amount_vnd=1_000_000 * (i + 1)),),
            ),
        )


def test_filters_search_sort_and_paging_happen_in_sql(services: Services, itp: ProjectView) -> None:
    _fill(services, itp.id)
    register = services.register
    assert register.count(itp.id) == 6
    assert [r.code for r in register.parties(itp.id, limit=2)] == ["HT-001", "HT-002"]
    assert [r.code for r in register.parties(itp.id, offset=4, limit=2)] == ["HT-005", "HT-006"]
    assert [r.code for r in register.parties(itp.id, sort="code", descending=True, limit=1)] == ["HT-006"]
    by_name = [r.name for r in register.parties(itp.id, sort="name")]
    assert by_name[0] == "Huỳnh Ngọc Ánh" and by_name[-1] == "Võ Đình Lực"
    only_o_mon = PartyFilter(ward="Phường Ô Môn")
    assert [r.code for r in register.parties(itp.id, only_o_mon)] == ["HT-002", "HT-005"]
    assert register.count(itp.id, only_o_mon) == 2
    assert [r.code for r in register.parties(itp.id, PartyFilter(search="duc"))] == ["HT-001"]
    assert [r.code for r in register.parties(itp.id, PartyFilter(search="LUC"))] == ["HT-005"]
    assert register.count(itp.id, PartyFilter(search="tran hung dao")) == 6
    assert [r.code for r in register.parties(itp.id, PartyFilter(search="0920850000"))][:1] == ["HT-001"]
    assert [r.code for r in register.parties(itp.id, PartyFilter(search="0003"))] == ["HT-003"]
    assert [r.code for r in register.parties(itp.id, PartyFilter(complaint=True))] == ["HT-005"]
    assert register.count(itp.id, PartyFilter(poor_household=True)) == 3
    assert [r.code for r in register.parties(itp.id, PartyFilter(land_use_code="CLN"))] == ["HT-003"]
    assert [r.code for r in register.parties(itp.id, PartyFilter(step="approved_on"))] == ["HT-004"]
    assert register.count(itp.id, PartyFilter(step="paid_on")) == 2
    assert register.count(itp.id, PartyFilter(step="inventoried_on")) == 3
    assert register.count(itp.id, PartyFilter(search="100%")) == 0
    row = register.parties(itp.id, limit=1)[0]
    assert row.step == "inventoried_on"
    assert row.recovered_area_m2 == Decimal("900.25") and row.compensation_vnd == 1_000_000
    with pytest.raises(ValidationFailed):
        register.parties(itp.id, sort="password")


def test_totals_per_party_ward_and_project(services: Services, itp: ProjectView, htp: ProjectView) -> None:
    _fill(services, itp.id)
    services.register.add_party(htp.id, party("OTHER", citizen_id="", parcels=(parcel("99", "1"),)))
    totals = services.register.totals(itp.id)
    assert totals.project.parties == 6 and totals.project.parcels == 12
    assert totals.project.recovered_area_m2 == Decimal("900.25") * 6
    assert totals.project.total_area_m2 == Decimal("1350.50") * 6
    assert totals.project.compensation_vnd == 21_000_000
    wards = dict(totals.wards)
    assert wards["Phường Ô Môn"].parties == 2 and wards["Phường Ô Môn"].compensation_vnd == 7_000_000
    first = services.register.parties(itp.id, limit=1)[0]
    own = services.register.party_totals(first.id)
    assert (own.parcels, own.recovered_area_m2, own.compensation_vnd) == (2, Decimal("900.25"), 1_000_000)
    assert replace(own, parties=1) == own


def test_a_shared_parcel_is_accepted_only_as_declared_co_use_and_counted_once(
    services: Services, itp: ProjectView
) -> None:
    register = services.register
    shared = parcel("7", "70", co_used=True)
    first = register.add_party(itp.id, party("HT-001", parcels=(shared,)))
    with pytest.raises(Conflict) as undeclared:
        register.add_party(itp.id, party("HT-002", citizen_id="092085000002", parcels=(parcel("7", "70"),)))
    assert "co-used" in undeclared.value.message
    other_areas = replace(shared, recovered_area_m2=Decimal(10))
    with pytest.raises(Conflict) as disagreeing:
        register.add_party(itp.id, party("HT-002", citizen_id="092085000002", parcels=(other_areas,)))
    assert "other areas" in disagreeing.value.message
    with pytest.raises(ValidationFailed):  # one party listing the parcel twice
        register.add_party(itp.id, party("HT-002", citizen_id="092085000002", parcels=(shared, shared)))
    second = register.add_party(itp.id, party("HT-002", citizen_id="092085000002", parcels=(shared,)))
    register.update_party(first.id, replace(first.data, name="Nguyễn Văn Đức (đồng sử dụng)"))
    totals = register.totals(itp.id).project
    assert (totals.parties, totals.parcels, totals.recovered_area_m2) == (2, 1, shared.recovered_area_m2)
    assert register.party_totals(second.id).recovered_area_m2 == shared.recovered_area_m2
    register.delete_party(first.id)
    assert register.totals(itp.id).project.parcels == 1  # the remaining co-user's listing now counts


def test_assets_are_stored_checked_and_summed(services: Services, itp: ProjectView) -> None:
    register = services.register
    added = register.add_party(itp.id, party())
    assert added.data.assets == party().assets
    with pytest.raises(ValidationFailed) as refused:
        register.add_party(
            itp.id, party("HT-002", citizen_id="", parcels=(), assets=(AssetInput("house", area_m2=Decimal(-1)),))
        )
    assert refused.value.field == "area_m2"
    with pytest.raises(ValidationFailed) as unknown:
        register.add_party(itp.id, party("HT-002", citizen_id="", parcels=(), assets=(AssetInput("boat"),)))
    assert unknown.value.field == "kind"
    register.add_party(
        itp.id,
        party("HT-003", citizen_id="", parcels=(), assets=(AssetInput("grave", count=3), AssetInput("crop", count=40))),
    )
    totals = register.totals(itp.id).project
    assert (totals.building_area_m2, totals.plants, totals.graves) == (Decimal("96.50"), 64, 3)
    own = register.party_totals(added.id)
    assert (own.building_area_m2, own.plants, own.graves) == (Decimal("96.50"), 24, 0)
    assert [p.field for p in register.problems(party(assets=(AssetInput("boat", count=-2),)))] == ["kind", "count"]


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("step", ["HT-001", "HT-002", "HT-003", "HT-004", "HT-005", "HT-006"]),
        ("recovered_area", ["HT-001", "HT-002", "HT-003", "HT-004", "HT-005", "HT-006"]),
        ("total_area", ["HT-001", "HT-002", "HT-003", "HT-004", "HT-005", "HT-006"]),
        ("compensation", ["HT-001", "HT-002", "HT-003", "HT-004", "HT-005", "HT-006"]),
        ("complaint", ["HT-001", "HT-002", "HT-003", "HT-004", "HT-006", "HT-005"]),
    ],
)
def test_computed_columns_sort_in_sql(services: Services, itp: ProjectView, sort: str, expected: list[str]) -> None:
    _fill(services, itp.id)
    register = services.register
    # Give the rows distinct areas and steps, in code order, so every computed key orders them the same way.
    for index, row in enumerate(register.parties(itp.id)):
        data = register.party(row.id).data
        grown = tuple(replace(p, total_area_m2=p.total_area_m2 + index, recovered_area_m2=p.recovered_area_m2 + index)
                      for p in data.parcels)  # fmt: skip
        steps = dict.fromkeys(("notified_on", "inventoried_on", "plan_posted_on", "approved_on", "paid_on"))
        for number, name in enumerate(list(steps)[:index]):
            steps[name] = date(2026, 3, 1 + number)
        register.update_party(row.id, replace(data, parcels=grown, **steps))  # type: ignore[arg-type]
    ascending = [r.code for r in register.parties(itp.id, sort=sort)]
    assert ascending == expected
    descending = [r.code for r in register.parties(itp.id, sort=sort, descending=True)]
    assert descending == list(reversed(expected))
    page = [r.code for r in register.parties(itp.id, sort=sort, offset=2, limit=2)]
    assert page == expected[2:4]
    rows = register.parties(itp.id, sort=sort, descending=True)
    assert [register.row_of(itp.id, r.id, sort=sort, descending=True) for r in rows] == list(range(len(rows)))
    only_o_mon = PartyFilter(ward="Phường Ô Môn")
    narrowed = register.parties(itp.id, only_o_mon, sort=sort)
    assert [register.row_of(itp.id, r.id, only_o_mon, sort=sort) for r in narrowed] == [0, 1]
    hidden = next(r for r in rows if r.ward != "Phường Ô Môn")
    assert register.row_of(itp.id, hidden.id, only_o_mon, sort=sort) is None
