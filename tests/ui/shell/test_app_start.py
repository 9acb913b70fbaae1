"""Starting the window on a database that cannot be used shows one clear message and changes nothing."""

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox
from sqlalchemy import create_engine, text

from dossier_app import app
from dossier_app.storage.database import open_database


@pytest.fixture
def shown(monkeypatch) -> list[str]:  # type: ignore[no-untyped-def]
    """Messages the start-up would have shown in a dialog."""
    messages: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, body, *a: messages.append(body))
    return messages


def test_a_database_from_a_newer_program_is_refused_untouched(tmp_path: Path, shown: list[str], qapp) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "newer.sqlite3"
    open_database(str(path)).dispose()
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    engine.dispose()
    before = path.read_bytes()
    assert app.run_gui(str(path)) == 2
    assert len(shown) == 1 and "phiên bản chương trình mới hơn" in shown[0] and "9999_future" in shown[0]
    assert path.read_bytes() == before


def test_an_unwritable_database_path_is_named(tmp_path: Path, shown: list[str], qapp) -> None:  # type: ignore[no-untyped-def]
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    assert app.run_gui(str(blocker / "dossier.sqlite3")) == 2
    assert len(shown) == 1 and str(blocker / "dossier.sqlite3") in shown[0]
    assert not (blocker.parent / "dossier.sqlite3").exists()


def test_the_window_shows_before_the_database_opens(tmp_path: Path, shown: list[str], monkeypatch, qapp) -> None:  # type: ignore[no-untyped-def]
    """The person sees the program's window at once; the database opens behind its 'Opening…' line."""
    import dossier_app.ui.shell.database_opening as opening

    seen: list[str] = []

    def open_nothing(_location, _settings):  # type: ignore[no-untyped-def]
        frames = [w for w in QApplication.topLevelWidgets() if w.objectName() == "mainWindow" and w.isVisible()]
        seen.extend(label.text() for frame in frames for label in frame.findChildren(QLabel, "openingLabel"))
        return None

    monkeypatch.setattr(opening, "open_for_window", open_nothing)
    assert app.run_gui(str(tmp_path / "never.sqlite3")) == 2
    assert seen == ["Đang mở cơ sở dữ liệu…"]
    assert not [w for w in QApplication.topLevelWidgets() if w.objectName() == "mainWindow" and w.isVisible()]
