"""The dashboard window on the demo register: totals by ward equal the service's figures, three charts, refresh."""

from datetime import date

import pytest
from PySide6.QtCore import QCoreApplication

from dossier_app.services import Services
from dossier_app.ui.register.dashboard_window import DashboardWindow, two_lines
from dossier_app.ui.register.register_model import STEP_KEYS, format_vnd
from dossier_app.ui.register.register_window import RegisterWindow
from dossier_app.ui.shared.i18n import Translators
from dossier_app.ui.shared.settings import UiSettings
from tests.services.register_support import party


@pytest.fixture
def register(qtbot, demo_db: Services, ui_settings: UiSettings, vietnamese: Translators) -> RegisterWindow:  # type: ignore[no-untyped-def]
    """The register window of the demo's CT-ITP, shown."""
    window = RegisterWindow(demo_db, demo_db.projects.by_code("CT-ITP").id, ui_settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _open(register: RegisterWindow, qtbot) -> DashboardWindow:  # type: ignore[no-untyped-def]
    register.dashboard_button.click()
    dashboard = register.dashboard
    assert dashboard is not None and dashboard.isVisible()
    qtbot.waitUntil(lambda: not dashboard.busy and dashboard.charts is not None, timeout=60000)
    return dashboard


def test_the_dashboard_shows_the_figures_of_the_register_by_ward(
    register: RegisterWindow, demo_db: Services, qtbot
) -> None:  # type: ignore[no-untyped-def]
    dashboard = _open(register, qtbot)
    figures = demo_db.dashboard.figures(register.project_id)
    assert figures.total.parties == demo_db.register.count(register.project_id) >= 400
    table = dashboard.table
    assert table.rowCount() == len(figures.wards) + 1
    for row, ward in enumerate(figures.wards):
        assert table.item(row, 0).text() == ward.ward
        assert table.item(row, 1).text() == str(ward.parties)
        assert table.item(row, 2 + len(STEP_KEYS)).text() == format_vnd(ward.money_approved_vnd)
    last = table.rowCount() - 1
    assert (
        table.item(last, 0).text() == QCoreApplication.translate("DashboardWindow", "Project total") != "Project total"
    )
    assert table.item(last, 1).text() == str(figures.total.parties)
    assert table.item(last, 3 + len(STEP_KEYS)).text() == format_vnd(figures.total.money_paid_vnd)
    assert table.item(last, 0).font().bold()
    for label in dashboard.images:
        assert not label.pixmap().isNull() and label.pixmap().width() > 400
    assert "CT-ITP" in dashboard.windowTitle()


def test_a_change_of_the_register_reaches_the_open_dashboard(
    register: RegisterWindow, demo_db: Services, qtbot
) -> None:  # type: ignore[no-untyped-def]
    dashboard = _open(register, qtbot)
    before = dashboard.charts
    assert before is not None
    demo_db.register.add_party(
        register.project_id,
        party(
            "ZZ-9999",
            citizen_id="092099999999",
            ward="Phường Mới",
            approved_on=date(2026, 6, 1),
            parcels=(),
            compensation=(),
        ),
    )
    with qtbot.waitSignal(dashboard.refreshed, timeout=60000):
        register.refresh()
    assert dashboard.charts is not None and dashboard.charts.figures.total.parties == before.figures.total.parties + 1
    names = [dashboard.table.item(row, 0).text() for row in range(dashboard.table.rowCount())]
    assert "Phường Mới" in names


def test_f5_refreshes(register: RegisterWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    dashboard = _open(register, qtbot)
    with qtbot.waitSignal(dashboard.refreshed, timeout=60000):
        dashboard.refresh_action.trigger()
    assert dashboard.refresh_action.shortcut().toString() == "F5"


def test_every_column_title_fits_its_column(register: RegisterWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    dashboard = _open(register, qtbot)
    header = dashboard.table.horizontalHeader()
    metrics = header.fontMetrics()
    for column in range(dashboard.table.columnCount()):
        title = dashboard.table.horizontalHeaderItem(column).text()
        widest = max(metrics.horizontalAdvance(line) for line in title.split("\n"))
        assert header.sectionSize(column) >= widest, title


def test_long_titles_break_at_their_middle_space() -> None:
    assert two_lines("Đã niêm yết phương án") == "Đã niêm yết\nphương án"
    assert two_lines("Số hộ") == "Số hộ"
    assert two_lines("Phải thu hồi (m²)") == "Phải thu\nhồi (m²)"
