"""A register conflict in the register window: the household's row marked, both values of each field beside its
details, and the value picked saved (and the mark gone), in Vietnamese."""

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from dossier_app.domain.models import SyncRowConflict
from dossier_app.services import Services, open_services
from dossier_app.services.core.context import Operator
from dossier_app.services.sync.row_sync import PARTY
from dossier_app.ui.register.register_model import ID_ROLE
from dossier_app.ui.register.register_window import RegisterWindow
from dossier_app.ui.shared.i18n import Translators
from dossier_app.ui.shared.settings import UiSettings
from tests.conftest import FAST_HASHER, TESTER
from tests.services.register_support import parcel, party
from tests.services.support import it_park


@pytest.fixture
def register_db(sqlite_url: str) -> Iterator[Services]:
    services = open_services(sqlite_url, Operator(TESTER), password_hasher=FAST_HASHER)
    yield services
    services.close()


def test_a_conflict_is_marked_shown_with_both_values_and_decided(
    qtbot, register_db: Services, ui_settings: UiSettings, vietnamese: Translators, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    project = register_db.projects.create(it_park())
    register_db.register.add_party(project.id, party("HT-001"))
    detail = register_db.register.add_party(
        project.id, party("HT-002", citizen_id="092088001234", ward="Phường An Bình", parcels=(parcel("13", "7"),))
    )
    with register_db.database.begin() as session:
        uid = session.connection().exec_driver_sql(f"SELECT uid FROM {PARTY} WHERE id = {detail.id}").scalar()
        for field, ours, theirs in (
            ("ward", "Phường An Bình", "Phường Tân An"),
            ("household_size", 5, 7),
            ("complaint", False, True),
        ):
            session.add(
                SyncRowConflict(
                    party_id=detail.id, row_uid=uid, field=field, ours_value=json.dumps(ours),
                    theirs_value=json.dumps(theirs),
                )
            )  # fmt: skip
    window = RegisterWindow(register_db, project.id, ui_settings)
    qtbot.addWidget(window)
    window.resize(1280, 760)
    window.show()
    qtbot.waitExposed(window)
    marked = [
        row for row in range(window.model.rowCount()) if window.model.index(row, 0).data(Qt.ItemDataRole.BackgroundRole)
    ]
    assert [window.model.index(row, 0).data() for row in marked] == ["HT-002"]
    window.table.selectRow(marked[0])
    assert window.table.selectionModel().selectedRows()[0].data(ID_ROLE) == detail.id
    panel = window.conflict_panel
    assert panel.isVisible() and [c.field for c in panel.shown] == ["ward", "household_size", "complaint"]
    texts = [label.text() for label in panel.findChildren(type(panel.title)) if label.isVisible()]
    assert any("Phường An Bình" in text for text in texts) and any("Phường Tân An" in text for text in texts)
    assert any("Có" in text for text in texts)  # the server's complaint flag, in Vietnamese
    if os.environ.get("DOSSIER_SHOT"):
        window.grab().save(os.environ["DOSSIER_SHOT"])
    _keep, take = panel.buttons[0]
    take.click()  # the server's ward
    assert register_db.register.party(detail.id).data.ward == "Phường Tân An"
    keep, _take = panel.buttons[0]
    keep.click()  # our household size
    keep, _take = panel.buttons[0]
    keep.click()  # our complaint flag: nothing left to decide
    assert not panel.isVisible() and register_db.row_conflicts.parties(project.id) == set()
    data = register_db.register.party(detail.id).data
    assert (data.household_size, data.complaint) == (5, False)
    assert not any(
        window.model.index(row, 0).data(Qt.ItemDataRole.BackgroundRole) for row in range(window.model.rowCount())
    )
