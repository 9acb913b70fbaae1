"""The register search on both backends: the trigram index (SQLite FTS5, PostgreSQL pg_trgm) finds exactly what
the LIKE scan found, stays in step with adds, renames, deletes and imports, and takes any text literally."""

from dataclasses import replace

import pytest
from alembic import command

import dossier_app.services.register.register as register_module
from dossier_app.domain.register import PartyInput
from dossier_app.domain.text import fold
from dossier_app.services import Services
from dossier_app.services.dossier.projects import ProjectView
from dossier_app.services.register.register import PartyFilter, use_search_index
from dossier_app.services.register.register_rows import insert_parties
from dossier_app.storage import migrations
from tests.services.register_support import parcel, party

PEOPLE = (
    ("Nguyễn Văn Đức", "092085001234", "Khu vực Thạnh Lợi, phường Hưng Thạnh"),
    ("NGUYỄN THỊ ĐÀO", "092185004321", "Số 12 đường Trần Hưng Đạo, phường An Cư"),
    ("Trần Đình Lực", "092090000777", "Khu vực Phú Thắng, phường Tân Phú"),
    ("Lê Hoàng Anh", "092092092092", "Ấp Đông Bình, xã Đông Thạnh"),
    ("Võ Thị Mai", "092075000003", 'Hẻm 5 "Cây Dương", phường Ô Môn'),
    ("Dương Đại Nghĩa", "092088123450", "Tổ 3 * khu vực 4 - phường Long Tuyền OR NEAR"),
)
TERMS = (
    # 1 and 2 characters: the LIKE scan
    "d",
    "Đ",
    "a",
    "5",
    "09",
    "ưu",
    "ph",
    # 3 and more: the trigram index
    "duc",
    "ĐỨC",
    "Đức",
    "nguyen",
    "NGUYỄN VĂN",
    "van duc",
    "dao",
    "Trần Hưng Đạo",
    "tran hung dao",
    "an cu",
    "phu",
    "thanh",
    "dong",
    "hoang",
    "092",
    "0920",
    "092092",
    "00003",
    "123",
    "4321",
    "khu vuc",
    "cây dương",
    "nomatch",
    "phường ô môn",
    "long tuyen or near",
    " tổ 3 ",
)
HOSTILE = (
    '"',
    '""',
    'a"b',
    '"cay duong"',
    '5 "cay',
    "*",
    "ngu*",
    "nguyen*",
    "-van",
    "van OR thi",
    "OR",
    "NEAR",
    "NEAR(van thi)",
    "nguyen NOT van",
    "name_folded: van",
    "{name_folded}: van",
    "^ngu",
    "(van",
    "van)",
    "+van",
    "van AND",
    ":",
    "tổ 3 *",
    "* khu",
    "- phuong",
    "long tuyen OR NEAR",
    "%",
    "_",
    "100%",
    "a_b",
    "\\",
    "';--",
)


def _expected(people: list[PartyInput], term: str) -> list[str]:
    """The old semantics: a folded substring of the folded name or address, or (digits) of the citizen ID."""
    text = fold(term.strip())
    found = [
        p.code
        for p in people
        if text in fold(p.name)[:200] or text in fold(p.address)[:300] or (text.isdigit() and text in p.citizen_id)
    ]
    return sorted(found)


def _found(services: Services, project_id: int, term: str) -> list[str]:
    rows = services.register.parties(project_id, PartyFilter(search=term), limit=1000)
    assert services.register.count(project_id, PartyFilter(search=term)) == len(rows)
    return sorted(r.code for r in rows)


def _people() -> list[PartyInput]:
    return [
        party(f"HT-{n:03}", name=name, citizen_id=cid, address=address, parcels=(parcel(number=str(n)),))
        for n, (name, cid, address) in enumerate(PEOPLE, start=1)
    ]


def _check(services: Services, project_id: int, people: list[PartyInput], terms: tuple[str, ...]) -> None:
    for term in terms:
        assert _found(services, project_id, term) == _expected(people, term), term


@pytest.fixture
def people(services: Services, itp: ProjectView) -> list[PartyInput]:
    """The register of the IT park: Vietnamese names, addresses with quotes and FTS words, citizen IDs."""
    written = _people()
    with services.database.begin() as session:  # the import path: batched executemany
        insert_parties(session, itp.id, written)
    return written


@pytest.mark.parametrize("common", [register_module.COMMON, 2])
def test_search_finds_what_the_like_scan_found(
    services: Services, itp: ProjectView, people: list[PartyInput], common: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(register_module, "COMMON", common)  # 2: texts found twice or more go the LIKE way
    _check(services, itp.id, people, TERMS)
    assert _found(services, itp.id, "duc") == ["HT-001"]
    assert _found(services, itp.id, "ĐÀO") == ["HT-002"]  # the name's Đ and the address's Đạo
    assert _found(services, itp.id, "092") == [f"HT-00{n}" for n in range(1, 7)]


def test_fts_syntax_in_a_search_is_literal_text(services: Services, itp: ProjectView, people: list[PartyInput]) -> None:
    _check(services, itp.id, people, HOSTILE)
    assert _found(services, itp.id, '"cay duong"') == ["HT-005"]
    assert _found(services, itp.id, "long tuyen OR NEAR") == ["HT-006"]
    assert _found(services, itp.id, "tổ 3 *") == ["HT-006"]
    assert _found(services, itp.id, "van OR thi") == []


def test_adds_renames_and_deletes_keep_the_search_in_step(
    services: Services, itp: ProjectView, people: list[PartyInput]
) -> None:
    register = services.register
    added = register.add_party(
        itp.id, party("HT-100", name="Huỳnh Ngọc Ánh", citizen_id="092099555111", parcels=(parcel(number="100"),))
    )
    people.append(register.party(added.id).data)
    assert _found(services, itp.id, "huynh ngoc") == ["HT-100"]
    assert _found(services, itp.id, "555111") == ["HT-100"]

    renamed = replace(people[-1], name="Phan Thanh Bình", address="Ấp Mỹ Khánh")
    register.update_party(added.id, renamed)
    people[-1] = renamed
    assert _found(services, itp.id, "huynh ngoc") == []
    assert _found(services, itp.id, "thanh binh") == ["HT-100"]
    assert _found(services, itp.id, "my khanh") == ["HT-100"]

    first = next(r.id for r in register.parties(itp.id) if r.code == "HT-001")
    register.delete_party(first)
    people = [p for p in people if p.code != "HT-001"]
    assert _found(services, itp.id, "van duc") == []
    _check(services, itp.id, people, TERMS + HOSTILE)


def test_an_import_keeps_the_search_in_step_and_projects_apart(
    services: Services, itp: ProjectView, htp: ProjectView, people: list[PartyInput]
) -> None:
    more = [
        party(f"HT-{n:03}", name=f"Nguyễn Văn Nhập {n}", citizen_id=f"0920{n:08}", parcels=(parcel(number=str(n)),))
        for n in range(200, 230)
    ]
    with services.database.begin() as session:
        insert_parties(session, itp.id, more, batch=7)
    everyone = people + more
    _check(services, itp.id, everyone, ("nhap", "nhap 21", "nguyen van", "092000000", "0920"))
    assert _found(services, itp.id, "nhap") == sorted(p.code for p in more)
    assert _found(services, htp.id, "nguyen van") == []  # the same text in another project is not found


def test_the_index_answers_searches_of_a_whole_trigram_on_sqlite(
    services: Services, itp: ProjectView, people: list[PartyInput], monkeypatch: pytest.MonkeyPatch
) -> None:
    with services.database.begin() as session:
        assert use_search_index(session, PartyFilter(search="Đức")) == services.database.is_sqlite
        assert use_search_index(session, PartyFilter(search='"*"')) == services.database.is_sqlite
        assert not use_search_index(session, PartyFilter(search=" đứ "))
        monkeypatch.setattr(register_module, "COMMON", 2)
        assert not use_search_index(session, PartyFilter(search="092"))  # in every party: the scan is quicker


def test_the_migration_fills_the_index_from_the_parties_already_there(
    services: Services, itp: ProjectView, people: list[PartyInput]
) -> None:
    config = migrations.alembic_config(services.database)
    command.downgrade(config, "0010")  # the index goes, the parties stay
    command.upgrade(config, "head")
    _check(services, itp.id, people, TERMS + HOSTILE)
    assert _found(services, itp.id, "van duc") == ["HT-001"]
