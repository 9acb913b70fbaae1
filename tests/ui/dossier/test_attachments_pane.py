"""The Attachments tab: files are copied in and fetched off the GUI thread; a refused file is explained alone."""

from pathlib import Path

import pytest

from dossier_app.services import Services
from dossier_app.ui.dossier import attachments_pane
from dossier_app.ui.dossier.attachments_pane import AttachmentsPane
from dossier_app.ui.shared.settings import UiSettings
from tests.ui.conftest import section_id_by_key


def test_files_are_added_and_opened_without_holding_the_window(  # type: ignore[no-untyped-def]
    demo_db: Services, ui_settings: UiSettings, tmp_path: Path, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(attachments_pane, "show_error", lambda _parent, error: shown.append(error.message))
    pane = AttachmentsPane(demo_db, ui_settings)
    qtbot.addWidget(pane)
    pane.show_section(section_id_by_key(demo_db, "CT-ITP", "da.7_ban_do_quy_hoach"))
    before = pane.list.count()
    good = tmp_path / "Bản đồ quy hoạch 1-2000.pdf"
    good.write_bytes(b"%PDF-1.4 ban do")
    with qtbot.waitSignal(pane.changed, timeout=10000):
        pane.add_files([tmp_path / "khong-co.pdf", good])
        assert pane.busy and not pane.add_button.isEnabled()
    qtbot.waitUntil(lambda: not pane.busy)
    assert pane.list.count() == before + 1 and pane.add_button.isEnabled()
    assert len(shown) == 1 and "khong-co.pdf" in shown[0]
    opened: list[Path] = []
    monkeypatch.setattr(pane, "opener", opened.append)
    pane.list.setCurrentRow(pane.list.count() - 1)
    pane.open_selected()
    qtbot.waitUntil(lambda: bool(opened), timeout=10000)
    assert opened[0].read_bytes() == good.read_bytes()
