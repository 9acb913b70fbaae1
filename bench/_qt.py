"""Qt set-up shared by the in-process benchmarks: the window as app.py builds it, quiet and crash-proof."""

from __future__ import annotations

import sys
from pathlib import Path

_QUIET = ("This plugin does not support propagateSizeHints()",)
_BALLAST: list[None] = []


def quiet_offscreen_warnings() -> None:
    """Drop the offscreen platform's harmless propagateSizeHints warning, keep every other message."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    def handler(kind: QtMsgType, _context: object, message: str) -> None:
        if any(message.startswith(text) for text in _QUIET):
            return
        sys.stderr.write(f"{message}\n")

    qInstallMessageHandler(handler)


def refcount_leaks() -> tuple[int, int]:
    """References lost by 1,000 void Qt calls (to None) and 1,000 bool signals into a Python slot (to True).

    Both are 0 on a sound PySide6 (6.11.3 is) or on Python ≥ 3.12, where None and True are immortal."""
    from PySide6.QtCore import QObject, Signal

    class _Probe(QObject):
        flag = Signal(bool)

    probe = _Probe()
    probe.flag.connect(lambda _value: None)
    before = sys.getrefcount(None)
    for _ in range(1000):
        probe.setObjectName("probe")
    lost_none = before - sys.getrefcount(None)
    _BALLAST.extend([True] * 2000)  # the probe below must not itself kill True
    before = sys.getrefcount(True)
    for _ in range(1000):
        probe.flag.emit(True)
    lost_true = before - sys.getrefcount(True)
    return lost_none, lost_true


def guard_against_none_leak() -> None:
    """PySide6 6.12.0 on Python 3.11 drops a reference to None on every void call and one to True/False on
    every bool signal delivered to Python; the process aborts ("none_dealloc", "bool_dealloc") when a count
    reaches zero. Pad the counts so a long benchmark can finish, and say so."""
    import PySide6

    if sys.version_info >= (3, 12):
        return
    lost_none, lost_true = refcount_leaks()
    if lost_none > 0 or lost_true > 0:
        print(
            f"WARNING: PySide6 {PySide6.__version__} on Python {sys.version.split()[0]} loses {lost_none} "
            f"references to None per 1,000 void Qt calls and {lost_true} to True per 1,000 bool signals into "
            f"Python slots; the program aborts (Fatal Python error: none_dealloc / bool_dealloc) when a count "
            f"reaches zero (None now {sys.getrefcount(None)}, True {sys.getrefcount(True) - len(_BALLAST)}, "
            f"False {sys.getrefcount(False)}). The benchmark pads them to keep running.",
            flush=True,
        )
        _BALLAST.extend([None] * 2_000_000 + [True] * 200_000 + [False] * 200_000)


def application():  # type: ignore[no-untyped-def]
    """The QApplication, named as app.run_gui names it, with the Vietnamese translators installed."""
    from PySide6.QtWidgets import QApplication

    from dossier_app.ui.shared.i18n import Translators

    existing = QApplication.instance()
    if existing is not None:
        return existing
    quiet_offscreen_warnings()
    app = QApplication([sys.argv[0]])
    app.setApplicationName("dossier_app")
    app.setOrganizationName("dossier_app")
    guard_against_none_leak()
    translators = Translators(app)
    translators.install("vi")
    app._bench_translators = translators  # type: ignore[attr-defined]
    return app


def main_window(scratch: Path, services):  # type: ignore[no-untyped-def]
    """MainWindow as app.run_gui builds it, QSettings in an INI file in the scratch folder, shown."""
    from PySide6.QtCore import QSettings

    from dossier_app.ui.shared.settings import UiSettings
    from dossier_app.ui.shell.main_window import MainWindow

    app = application()
    settings = UiSettings(QSettings(str(scratch / "ui.ini"), QSettings.Format.IniFormat))
    window = MainWindow(services, settings, "vi")
    window.show()
    for _ in range(3):
        app.processEvents()
    return app, window
