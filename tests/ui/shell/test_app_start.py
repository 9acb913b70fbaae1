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


def test_paint_once_paints_the_frame_reports_and_leaves_without_the_database(  # type: ignore[no-untyped-def]
    tmp_path: Path, monkeypatch, capsys, qapp
) -> None:
    """DOSSIER_PAINT_ONCE (the bundle's smoke test): first paint stamped, a picture kept, exit 0, no database made."""
    picture = tmp_path / "window.png"
    monkeypatch.setenv(app.PAINT_ONCE_VARIABLE, str(picture))
    database = tmp_path / "untouched.sqlite3"
    assert app.run_gui(str(database)) == 0
    line = capsys.readouterr().out.strip()
    assert line.startswith("first-paint ") and float(line.split()[1]) > 0
    assert "icon=[16, 24, 32, 48, 64, 128, 256]" in line and "title=Hồ sơ" in line
    assert picture.stat().st_size > 1000 and not database.exists()


def test_every_window_and_dialog_carries_the_program_icon(qapp) -> None:  # type: ignore[no-untyped-def]
    """run_gui sets the icon on the application, so windows and dialogs made later take it at every size."""
    from PySide6.QtWidgets import QDialog

    from dossier_app.ui.shared.icons import PROGRAM_ICON_SIZES, program_icon

    previous = qapp.windowIcon()
    qapp.setWindowIcon(program_icon())
    try:
        dialog = QDialog()
        sizes = sorted(size.width() for size in dialog.windowIcon().availableSizes())
        assert sizes == list(PROGRAM_ICON_SIZES)
        assert not dialog.windowIcon().pixmap(16, 16).isNull()
    finally:
        qapp.setWindowIcon(previous)
