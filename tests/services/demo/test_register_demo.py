"""The synthetic register of the demo: deterministic, realistic in size, valid, idempotent, on both databases."""

import pytest
from sqlalchemy import create_engine, text

from dossier_app.app import main
from dossier_app.domain.register import STEPS, ParcelInput, check_party, co_use_clash, parcel_key
from dossier_app.services import Services
from dossier_app.services.demo.demo import DEMO_HOUSEHOLDS, REGISTER_PROJECT
from dossier_app.services.demo.register_demo import co_user_groups, generate_register, load_register
from dossier_app.storage.resources import load_asset_kinds, load_land_use_codes, load_wards
from tests.services.register_support import REGISTER_TABLES
from tests.services.support import it_park


def _counts(services: Services) -> dict[str, int]:
    with services.database.engine.connect() as connection:
        return {t: int(connection.execute(text(f"SELECT count(*) FROM {t}")).scalar() or 0) for t in REGISTER_TABLES}


def test_same_seed_gives_the_same_rows() -> None:
    assert generate_register(300, seed=7) == generate_register(300, seed=7)
    assert generate_register(300, seed=7) != generate_register(300, seed=8)


def test_every_generated_party_passes_the_domain_rules() -> None:
    codes, kinds = set(load_land_use_codes()), set(load_asset_kinds())
    parties = generate_register(3000)
    assert [p.code for p in parties if check_party(p, codes, kinds)] == []
    ids = [p.citizen_id for p in parties if p.citizen_id]
    assert len(ids) == len(set(ids))
    assert all(len(i) == 12 and i.isdigit() for i in ids)
    own = [(x.map_sheet, x.parcel_no) for p in parties for x in p.parcels if not x.co_used]
    assert len(own) == len(set(own))  # parcels nobody shares are listed once
    assert len({p.code for p in parties}) == len(parties)


def test_a_few_parcels_are_co_used_with_the_same_facts_on_each_co_user() -> None:
    parties = generate_register(DEMO_HOUSEHOLDS)
    listings: dict[tuple[str, str, str], list[tuple[str, ParcelInput]]] = {}
    for party in parties:
        for parcel in party.parcels:
            if parcel.co_used:
                listings.setdefault(parcel_key(parcel), []).append((party.code, parcel))
    assert [len(users) for users in listings.values()] == [2, 2, 3, 2, 2, 3]  # six shared parcels, two of three
    for users in listings.values():
        assert len({code for code, _ in users}) == len(users)  # each co-user lists it once
        assert len({parcel for _, parcel in users}) == 1  # same ward, sheet, number, areas and land use
        assert all(co_use_clash(users[0][1], parcel, False) is None for _, parcel in users[1:])
    assert generate_register(DEMO_HOUSEHOLDS, co_use_every=0) != parties
    assert not any(x.co_used for p in generate_register(DEMO_HOUSEHOLDS, co_use_every=0) for x in p.parcels)


def test_a_realistic_spread() -> None:
    parties = generate_register(DEMO_HOUSEHOLDS)
    parcels = sum(len(p.parcels) for p in parties)
    assert 600 <= parcels <= 700
    wards = {p.ward for p in parties}
    assert "Phường Hưng Thạnh" in wards and wards <= set(load_wards())
    reached = {name: sum(getattr(p, name) is not None for p in parties) for name in STEPS}
    assert reached["notified_on"] > 0.85 * len(parties)
    assert reached["inventoried_on"] > reached["paid_on"] > reached["handed_over_on"] > 0
    assert 0 < sum(p.complaint for p in parties) < 0.1 * len(parties)
    assert 0 < sum(p.poor_household for p in parties) < 0.1 * len(parties)
    assert sum(p.direct_farmer for p in parties) > 0
    assert 0 < sum(p.resettlement is not None for p in parties) < len(parties)
    codes = [x.land_use_code for p in parties for x in p.parcels]
    assert max(set(codes), key=codes.count) in ("LUC", "CLN")
    lines = [line for p in parties for line in p.compensation]
    assert {line.kind for line in lines} == {"land", "assets", "support"}
    assert all(isinstance(line.amount_vnd, int) and line.amount_vnd > 0 for line in lines)
    assert all(len(p.name.split()) >= 3 for p in parties)
    assets = [(p, a) for p in parties for a in p.assets]
    assert {a.kind for _, a in assets} == {"house", "structure", "tree", "crop", "grave"}
    homes = [p for p in parties if any(x.land_use_code in ("ONT", "ODT") for x in p.parcels)]
    assert all(any(a.kind == "house" and a.grade and a.area_m2 > 0 for a in p.assets) for p in homes)
    assert all(a.count > 0 for _, a in assets if a.kind in ("tree", "crop", "grave"))
    # (a co-user's listing of a shared orchard has no trees: they are listed, and paid, on the first co-user)
    orchards = [p for p in parties if any(x.land_use_code == "CLN" and not (x.co_used and i) for i, x in
                                          enumerate(p.parcels))]  # fmt: skip
    assert all(any(a.kind == "tree" for a in p.assets) for p in orchards)
    graves = sum(a.kind == "grave" for _, a in assets)
    assert 0 < graves < 0.1 * len(parties)
    # Each asset is paid for by a compensation line of kind "assets" that quotes it.
    for party, asset in assets:
        assert any(line.kind == "assets" and asset.description in line.description for line in party.compensation)
    assert all(p.citizen_id and p.household_size for p in parties if p.kind == "household")


def test_demo_gives_itp_a_register_once(services: Services) -> None:
    first = services.demo.load()
    assert first.register.parties == DEMO_HOUSEHOLDS
    assert 600 <= first.register.parcels <= 700
    counts = _counts(services)
    assert counts["affectedparty"] == DEMO_HOUSEHOLDS
    assert counts["landparcel"] == first.register.parcels
    project = services.projects.by_code(REGISTER_PROJECT)
    assert services.register.count(project.id) == DEMO_HOUSEHOLDS
    totals = services.register.totals(project.id).project
    shared = co_user_groups(DEMO_HOUSEHOLDS)
    listings = sum(len(group) - 1 for group in shared)  # the co-users' extra listings of shared parcels
    assert (len(shared), listings) == (6, 8)
    assert totals.parcels == first.register.parcels - listings and totals.compensation_vnd > 0
    second = services.demo.load()
    assert second.register.parties == 0 and second.register.existing == DEMO_HOUSEHOLDS
    assert _counts(services) == counts


def test_stored_parties_read_back_as_generated(services: Services) -> None:
    services.demo.load(households=40)
    project = services.projects.by_code(REGISTER_PROJECT)
    stored = [d.data for d in services.register.details(project.id)]
    assert stored == generate_register(40)


def test_one_audit_entry_for_the_load(services: Services) -> None:
    project = services.projects.create(it_park())
    before = services.audit.count()
    result = load_register(services.context, services.audit, project.id, 25)
    assert result.parties == 25
    assert services.audit.count() == before + 1
    assert services.audit.verify().ok
    assert load_register(services.context, services.audit, project.id, 25).existing == 25


def test_demo_command_builds_a_larger_register(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    households = 2000
    assert main(["--db", db_url, "demo", "--households", str(households)]) == 0
    assert "register: 2000 parties" in capsys.readouterr().out
    engine = create_engine(db_url)
    try:
        with engine.connect() as connection:
            assert connection.execute(text("SELECT count(*) FROM affectedparty")).scalar() == households
        assert main(["--db", db_url, "demo", "--households", "10"]) == 0
        assert "already has 2000 parties" in capsys.readouterr().out
        with engine.connect() as connection:
            assert connection.execute(text("SELECT count(*) FROM affectedparty")).scalar() == households
    finally:
        engine.dispose()
