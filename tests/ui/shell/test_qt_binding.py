"""Guards against a Qt binding that corrupts Python's reference counts (PySide6 6.12.0 on Python 3.11)."""

import sys

from PySide6.QtWidgets import QLabel


def test_void_qt_calls_do_not_leak_references_to_none(qapp) -> None:  # type: ignore[no-untyped-def]
    label = QLabel()
    before = sys.getrefcount(None)
    for _ in range(5000):
        label.setText("Cần Thơ")
    assert abs(sys.getrefcount(None) - before) < 100
