"""The parties table model without a window: counts, pages and sorting come from SQL through the service."""

from PySide6.QtCore import Qt

from dossier_app.services import Services
from dossier_app.services.register.register import PartyFilter
from dossier_app.ui.register.register_model import (
    CACHED_PAGES,
    ID_ROLE,
    PAGE_SIZE,
    SORT_KEYS,
    PartiesTableModel,
    format_vnd,
)
from tests.ui.register_ui_support import NEEDLE, fill_register

ALL = PartyFilter()


def test_rows_are_the_services_rows_in_every_sort(services: Services, qapp) -> None:  # type: ignore[no-untyped-def]
    project = fill_register(services, 450)
    model = PartiesTableModel(services.register, project.id)
    assert model.rowCount() == services.register.count(project.id) == 450
    assert model.page_loads == 0  # opening loads no row
    model.sort(1, Qt.SortOrder.DescendingOrder)
    expected = services.register.parties(project.id, sort="name", descending=True, offset=0, limit=1000)
    for row in (0, 1, 199, 200, 201, 333, 449):
        assert model.index(row, 0).data(ID_ROLE) == expected[row].id
        assert model.index(row, 1).data() == expected[row].name
        assert model.index(row, 7).data() == format_vnd(expected[row].compensation_vnd)
    model.sort(0, Qt.SortOrder.AscendingOrder)
    assert model.index(0, 0).data() == "HT-0000"
    assert model.index(449, 0).data() == "HT-0449"


def test_pages_are_fetched_on_demand_and_kept_in_a_small_lru(services: Services, qapp) -> None:  # type: ignore[no-untyped-def]
    project = fill_register(services, 450)
    model = PartiesTableModel(services.register, project.id)
    model.index(5, 0).data()
    model.index(6, 3).data()
    assert model.page_loads == 1
    model.index(PAGE_SIZE + 1, 0).data()
    assert model.page_loads == 2
    for row in range(0, 450, PAGE_SIZE):
        model.index(row, 0).data()
    assert model.cached_pages <= CACHED_PAGES


def test_filters_narrow_in_sql(services: Services, qapp) -> None:  # type: ignore[no-untyped-def]
    project = fill_register(services, 300)
    model = PartiesTableModel(services.register, project.id)
    search = PartyFilter(search="truong thi tho")
    model.set_filters(search)
    assert model.rowCount() == services.register.count(project.id, search) == 1
    assert model.index(0, 1).data() == NEEDLE
    ward = PartyFilter(ward="Phường Hưng Phú", complaint=True)
    model.set_filters(ward)
    assert 0 < model.rowCount() == services.register.count(project.id, ward) < 300
    expected = services.register.parties(project.id, ward, limit=1000)
    assert [model.index(r, 0).data(ID_ROLE) for r in range(model.rowCount())] == [p.id for p in expected]
    assert {model.index(r, 3).data() for r in range(model.rowCount())} == {"Phường Hưng Phú"}
    model.set_filters(PartyFilter(step="inventoried_on", land_use_code="ONT"))
    assert model.rowCount() == services.register.count(project.id, model.filters) > 0
    model.set_filters(PartyFilter())
    assert model.rowCount() == 300


def test_money_and_computed_columns_sort_through_the_service(services: Services, qapp) -> None:  # type: ignore[no-untyped-def]
    assert format_vnd(1_234_567_000) == "1.234.567.000"
    assert format_vnd(0) == "0"
    project = fill_register(services, 450)
    model = PartiesTableModel(services.register, project.id)
    assert model.index(0, 8).data() == "Yes"  # HT-0000 has a complaint
    for column, key in SORT_KEYS.items():
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            model.sort(column, order)
            descending = order == Qt.SortOrder.DescendingOrder
            assert model.sort_key == (key, descending)
            expected = services.register.parties(project.id, sort=key, descending=descending, limit=1000)
            for row in (0, 1, 199, 200, 317, 449):  # across pages
                assert model.index(row, 0).data(ID_ROLE) == expected[row].id
    model.sort(7, Qt.SortOrder.DescendingOrder)
    money = [services.register.party_totals(model.index(r, 0).data(ID_ROLE)).compensation_vnd for r in range(450)]
    assert money == sorted(money, reverse=True)
    model.sort(5, Qt.SortOrder.AscendingOrder)
    assert model.index(0, 5).data() == "1.000,00" and model.index(449, 5).data() == "1.449,00"
    model.sort(99, Qt.SortOrder.AscendingOrder)  # no such column: ignored
    assert model.sort_key == ("total_area", False)
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Code"


def test_counts_are_kept_per_filter_until_a_refresh(services: Services, qapp) -> None:  # type: ignore[no-untyped-def]
    project = fill_register(services, 300)
    asked: list[PartyFilter] = []
    count = services.register.count

    def counting(project_id: int, filters: PartyFilter = ALL) -> int:
        asked.append(filters)
        return count(project_id, filters)

    services.register.count = counting  # type: ignore[method-assign]
    model = PartiesTableModel(services.register, project.id)
    ward = PartyFilter(ward="Phường Hưng Phú")
    for filters in (ward, PartyFilter(), ward, PartyFilter()):
        model.set_filters(filters)
    assert model.rowCount() == 300
    assert asked == [PartyFilter()]  # going back to a filter does not count again
    model.set_filters(ward)
    assert model.rowCount() == 100  # fewer than a page: the first page is the count
    assert [model.index(r, 0).data(ID_ROLE) for r in range(100)] == [
        p.id for p in services.register.parties(project.id, ward, limit=1000)
    ]
    services.register.delete_party(model.index(0, 0).data(ID_ROLE))
    model.refresh()
    assert model.rowCount() == 99 and asked == [PartyFilter()]
    model.set_filters(PartyFilter())
    assert model.rowCount() == 299 and asked == [PartyFilter(), PartyFilter()]  # recounted after the refresh
