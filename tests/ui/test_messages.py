"""Error and information boxes show what people typed as plain text (citizen text is never HTML)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from desktop_app.services.errors import UserError
from desktop_app.ui.messages import show_error, show_info

pytestmark = pytest.mark.gui

HOSTILE = "« <b>Objet</b><img src=file:///etc/passwd> » is not a valid e-mail address."


def _shown_box(show: object) -> QMessageBox:
    """Run a modal message call and return the box it opened, closing it once seen."""
    seen: list[QMessageBox] = []

    def grab() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append(box)
        box.accept()

    QTimer.singleShot(0, grab)
    show()  # type: ignore[operator]
    assert seen, "no message box was shown"
    return seen[0]


def test_user_error_quoting_citizen_text_is_shown_as_plain_text(qtbot: QtBot) -> None:
    box = _shown_box(lambda: show_error(None, UserError(HOSTILE)))
    assert box.textFormat() == Qt.TextFormat.PlainText
    assert box.text() == HOSTILE


def test_information_quoting_imported_text_is_shown_as_plain_text(qtbot: QtBot) -> None:
    box = _shown_box(lambda: show_info(None, HOSTILE))
    assert box.textFormat() == Qt.TextFormat.PlainText
