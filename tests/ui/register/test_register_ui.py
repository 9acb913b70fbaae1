"""The land clearance register window: counts, search, sorting, the detail pane, import with its dry run, files."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QPoint, Qt

from dossier_app.services import Services, open_services
from dossier_app.services.core.context import Operator
from dossier_app.services.dossier.projects import ProjectView
from dossier_app.ui.register.register_model import ID_ROLE
from dossier_app.ui.register.register_window import RegisterWindow
from dossier_app.ui.shared.i18n import Translators
from dossier_app.ui.shared.settings import UiSettings
from tests.conftest import FAST_HASHER, TESTER
from tests.services.register_support import counts, parcel_row, party_row, workbook
from tests.ui.register_ui_support import NEEDLE, fill_register

SIZE = 300


@pytest.fixture
def register_db(sqlite_url: str) -> Iterator[Services]:
    """Services on a fresh SQLite file, acting as the local operator."""
    services = open_services(sqlite_url, Operator(TESTER), password_hasher=FAST_HASHER)
    yield services
    services.close()


@pytest.fixture
def project(register_db: Services) -> ProjectView:
    """A project whose register holds SIZE parties."""
    return fill_register(register_db, SIZE)


@pytest.fixture
def window(qtbot, register_db: Services, project: ProjectView, ui_settings: UiSettings, vietnamese: Translators):  # type: ignore[no-untyped-def]
    """The register window of `project`, shown."""
    built = RegisterWindow(register_db, project.id, ui_settings)
    qtbot.addWidget(built)
    built.show()
    qtbot.waitExposed(built)
    return built


def _names(window: RegisterWindow) -> list[str]:
    return [window.model.index(row, 1).data() for row in range(window.model.rowCount())]


def test_the_window_opens_with_the_right_count(window: RegisterWindow, register_db: Services, project) -> None:  # type: ignore[no-untyped-def]
    assert window.model.rowCount() == register_db.register.count(project.id) == SIZE
    assert str(SIZE) in window.count_label.text()
    assert window.table.model() is window.model
    assert "CT-ITP2" in window.windowTitle()
    assert window.model.index(0, 0).data() == "HT-0000"
    assert window.ward.count() == 4  # all wards + the three wards of the register


def test_the_totals_are_summed_off_the_gui_thread_and_follow_the_ward(
    qtbot, register_db: Services, project: ProjectView, ui_settings: UiSettings, vietnamese: Translators
) -> None:  # type: ignore[no-untyped-def]
    sums = register_db.register.totals  # the window must not sum the register while it opens or filters
    threads: list[bool] = []

    def on_which_thread(project_id: int):  # type: ignore[no-untyped-def]
        from PySide6.QtCore import QCoreApplication, QThread

        threads.append(QThread.currentThread() is QCoreApplication.instance().thread())  # type: ignore[union-attr]
        return sums(project_id)

    register_db.register.totals = on_which_thread  # type: ignore[method-assign]
    window = RegisterWindow(register_db, project.id, ui_settings)
    qtbot.addWidget(window)
    assert window.totals_pending and window.totals_label.text() == ""
    qtbot.waitUntil(lambda: not window.totals_pending, timeout=5000)
    assert str(SIZE) in window.totals_label.text()
    window.ward.setCurrentIndex(window.ward.findData("Phường Hưng Phú"))
    assert "Phường Hưng Phú" in window.totals_label.text()  # from the sums already there
    assert threads == [False]


def test_search_without_diacritics_narrows_the_table(window: RegisterWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.search.setText("truong thi tho")
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=3000)
    assert window.model.index(0, 1).data() == NEEDLE
    window.search.setText("0920851000")  # citizen IDs 092085100000..092085100099
    qtbot.waitUntil(lambda: window.model.rowCount() == 100, timeout=3000)
    window.search.clear()
    qtbot.waitUntil(lambda: window.model.rowCount() == SIZE, timeout=3000)


def test_filters_of_the_bar_narrow_the_table(window: RegisterWindow, register_db: Services, project, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.ward.setCurrentIndex(window.ward.findData("Phường Hưng Phú"))
    assert window.model.rowCount() == SIZE // 3
    qtbot.waitUntil(lambda: "Phường Hưng Phú" in window.totals_label.text(), timeout=5000)
    window.complaint.setChecked(True)
    assert window.model.rowCount() == register_db.register.count(project.id, window.current_filter()) > 0
    window.complaint.setChecked(False)
    window.ward.setCurrentIndex(0)
    window.step.setCurrentIndex(window.step.findData("inventoried_on"))
    assert window.model.rowCount() == SIZE // 2
    window.land_code.setCurrentIndex(window.land_code.findData("LUC"))
    assert window.model.rowCount() == register_db.register.count(project.id, window.current_filter()) > 0


def test_clicking_the_name_header_sorts_by_name_in_sql(
    window: RegisterWindow, register_db: Services, project, qtbot
) -> None:  # type: ignore[no-untyped-def]
    header = window.table.horizontalHeader()
    for _click in range(2):
        x = header.sectionViewportPosition(1) + header.sectionSize(1) // 2
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))
        assert header.sortIndicatorSection() == 1
        descending = header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
        assert window.model.sort_key == ("name", descending)
        expected = register_db.register.parties(project.id, sort="name", descending=descending, limit=SIZE)
        assert _names(window) == [p.name for p in expected]
    x = header.sectionViewportPosition(7) + header.sectionSize(7) // 2  # a sum: sorted in SQL too
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))
    assert header.sortIndicatorSection() == 7
    descending = header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert window.model.sort_key == ("compensation", descending)
    expected = register_db.register.parties(project.id, sort="compensation", descending=descending, limit=SIZE)
    assert [window.model.index(r, 0).data(ID_ROLE) for r in range(SIZE)] == [p.id for p in expected]


def test_selecting_a_row_fills_the_detail_pane(window: RegisterWindow, register_db: Services) -> None:
    window.select_row(7)
    party_id = window.model.index(7, 0).data(ID_ROLE)
    detail = register_db.register.party(party_id).data
    text = window.detail.toPlainText()
    assert detail.code in text and detail.name in text
    assert "12" in text and detail.parcels[0].parcel_no in text
    assert "8.000.000" in text  # HT-0007's compensation line, with dots
    assert "Khu TĐC Hưng Thạnh" in text
    # Codes are shown by their Vietnamese names (the catalogues' data), never raw.
    assert "Bồi thường về đất" in text and "\nland\n" not in text
    assert "Đất chuyên trồng lúa" in text or "Đất ở tại nông thôn" in text or "Đất trồng cây lâu năm" in text
    assert "Nhà ở" in text and "Cấp IV" in text and "Xoài cát Hòa Lộc" in text and "24" in text
    window.table.clearSelection()
    assert detail.code not in window.detail.toPlainText()


def test_a_bad_file_shows_its_problems_and_cannot_be_imported(
    window: RegisterWindow, register_db: Services, tmp_path: Path, qtbot
) -> None:  # type: ignore[no-untyped-def]
    path = workbook(
        tmp_path / "bad.xlsx",
        [party_row("NEW-1", citizen_id="0920850012345"), party_row("HT-0003"), party_row("NEW-3")],
        [parcel_row("NEW-1", "90", "1"), parcel_row("NEW-3", "90", "3", recovered_area_m2=5000)],
    )
    before = counts(register_db)
    dialog = window.start_import(path)
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=10000)
    assert dialog.report is not None and not dialog.report.ok
    assert dialog.problems.rowCount() == len(dialog.report.problems) >= 3
    cells = [[dialog.problems.item(r, c).text() for c in range(4)] for r in range(dialog.problems.rowCount())]
    assert any(row[2] == "0920850012345" and row[0] == "2" for row in cells)
    assert any(row[2] == "HT-0003" for row in cells)
    assert all(row[3] for row in cells)
    assert not dialog.import_button.isEnabled()
    dialog.run_import()  # refused while the dry run found problems
    assert counts(register_db) == before
    assert window.model.rowCount() == SIZE
    dialog.reject()


def test_the_import_dialog_offers_every_format_the_import_reads(
    window: RegisterWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QFileDialog

    asked: list[str] = []

    def choose(*args: object) -> tuple[str, str]:
        asked.append(str(args[3]))
        return "", ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", choose)
    assert window.start_import() is None
    assert asked and asked[0].endswith("(*.xlsx *.xlsm *.xls *.ods *.csv)")


def test_a_good_file_imports_and_the_table_grows(
    window: RegisterWindow, register_db: Services, tmp_path: Path, qtbot
) -> None:  # type: ignore[no-untyped-def]
    path = workbook(
        tmp_path / "good.xlsx",
        [party_row("NEW-1"), party_row("NEW-2", ward="Phường Ô Môn")],
        [parcel_row("NEW-1", "90", "1"), parcel_row("NEW-2", "90", "2")],
    )
    dialog = window.start_import(path)
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=10000)
    assert dialog.report is not None and dialog.report.ok
    assert dialog.problems.rowCount() == 0
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.imported, timeout=10000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert window.model.rowCount() == SIZE + 2
    assert window.ward.findData("Phường Ô Môn") > 0  # the catalogue follows the register
    assert str(SIZE + 2) in window.count_label.text()
    qtbot.waitUntil(lambda: window.totals is not None and window.totals.project.parties == SIZE + 2, timeout=5000)


def test_export_and_template_write_workbooks(window: RegisterWindow, tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    exported = tmp_path / "register.xlsx"
    window.export(exported)
    qtbot.waitUntil(lambda: not window.busy, timeout=20000)
    assert exported.exists() and str(SIZE) in window.file_job_message
    template = tmp_path / "template.xlsx"
    window.write_template(template)
    qtbot.waitUntil(lambda: not window.busy, timeout=10000)
    assert template.exists()
    assert load_workbook(template).sheetnames[0] == "Hộ bị ảnh hưởng"


def test_the_clearance_menu_opens_the_register_of_the_current_project(demo_db: Services, make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window(demo_db)
    actions = window.window_actions
    assert actions.register_action in window.clearance_menu.actions()
    project = demo_db.projects.by_code("CT-ITP")
    window.select_project(project.id)
    assert actions.register_action.isEnabled()
    actions.register_action.trigger()
    register = actions.register_window
    assert isinstance(register, RegisterWindow) and register.isVisible()
    assert register.project_id == project.id
    assert register.model.rowCount() == demo_db.register.count(project.id)
    register.close()


def test_the_detail_pane_names_codes_in_english_in_the_english_interface(
    register_db: Services,
    project: ProjectView,
    qapp,  # type: ignore[no-untyped-def]
) -> None:
    from dossier_app.ui.register.register_detail import PartyDetailPane
    from dossier_app.ui.register.register_model import PartiesTableModel

    translators = Translators(qapp)
    translators.install("en")
    steps = PartiesTableModel(register_db.register, project.id).step_names()
    pane = PartyDetailPane(steps, None, register_db.register.catalogue_names())
    first = register_db.register.parties(project.id, limit=1)[0]
    pane.show_detail(register_db.register.party(first.id))
    text = pane.toPlainText()
    assert "Land compensation" in text and "Bồi thường về đất" not in text
    assert "LUC — Specialised rice land" in text
    assert "House" in text and "Trees" in text
    assert "buildings 96,50 m², 24 tree(s) and plant(s), 0 grave(s)" in text
