"""Exceptions that escape a slot reach the user as a message: a busy database is explained, nothing vanishes."""

import sys

import pytest
from PySide6.QtWidgets import QMessageBox

from dossier_app.domain.errors import StorageBusy
from dossier_app.ui.shared import messages
from dossier_app.ui.shared.i18n import error_text


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> list[QMessageBox]:
    """Message boxes that would have been shown, instead of blocking the test."""
    shown: list[QMessageBox] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box) or 0)
    return shown


def test_a_busy_database_in_any_slot_is_explained(qapp, vietnamese, boxes: list[QMessageBox]) -> None:  # type: ignore[no-untyped-def]
    previous = messages.install_error_hook()
    try:
        sys.excepthook(StorageBusy, StorageBusy(), None)
    finally:
        sys.excepthook = previous
    [box] = boxes
    assert box.text() == error_text(StorageBusy()) and "bận" in box.text()


def test_an_unexpected_error_says_the_action_was_not_completed(qapp, vietnamese, boxes: list[QMessageBox]) -> None:  # type: ignore[no-untyped-def]
    previous = messages.install_error_hook()
    try:
        try:
            raise RuntimeError("cái gì đó hỏng")
        except RuntimeError as error:
            sys.excepthook(RuntimeError, error, error.__traceback__)
    finally:
        sys.excepthook = previous
    [box] = boxes
    assert box.icon() == QMessageBox.Icon.Critical
    assert "cái gì đó hỏng" in box.detailedText() and "RuntimeError" in box.detailedText()
    assert box.text() and "Traceback" not in box.text()
