"""Showing a UserError as one sentence, and anything else as a bug with details to copy."""

from __future__ import annotations

import traceback
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from desktop_app.services.errors import RightsChanged, UserError
from desktop_app.ui.formatting import bidi_text

T = TypeVar("T")


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    title = QCoreApplication.translate("messages", "Istiqbal")
    if isinstance(exc, RightsChanged) and _signed_out(parent):
        return  # told once when the window closed; a background read ending later says no more
    if isinstance(exc, UserError):
        _plain_box(QMessageBox.Icon.Warning, title, exc.message, parent).exec()
        if isinstance(exc, RightsChanged):
            _sign_out_everywhere()
        return
    from desktop_app.services.database import DatabaseBusyError, busy_sentence

    if isinstance(exc, DatabaseBusyError):  # a long import elsewhere: a sentence, not a bug
        _plain_box(QMessageBox.Icon.Warning, title, busy_sentence(str(exc)), parent).exec()
        return
    box = QMessageBox(QMessageBox.Icon.Critical, title,
                      QCoreApplication.translate(
                          "messages", "Something went wrong inside Istiqbal. Nothing was saved."
                      ), parent=parent)  # fmt: skip
    box.setDetailedText("".join(traceback.format_exception(exc)))
    box.exec()


def _signed_out(parent: QWidget | None) -> bool:
    return parent is not None and bool(getattr(parent.window(), "signed_out", False))


def _sign_out_everywhere() -> None:
    """A refused call because the user's rights changed closes the main window (signs out)."""
    for widget in QApplication.topLevelWidgets():
        sign_out = getattr(widget, "sign_out", None)
        if callable(sign_out):
            # The widget as context: a window deleted before the timer fires is skipped by Qt.
            QTimer.singleShot(0, widget, sign_out)


def attempt(parent: QWidget | None, call: Callable[[], T]) -> T | None:
    """Run a service call from a slot; errors become a message box, never a crash."""
    try:
        return call()
    except Exception as exc:  # noqa: BLE001 - the window must survive any service failure
        show_error(parent, exc)
        return None


def attempt_done(parent: QWidget | None, call: Callable[[], object]) -> bool | None:
    """Run a service call that returns nothing: True once it went through, None when it failed and
    the message box was shown (``attempt`` alone cannot tell a done call from a failed one)."""

    def run() -> bool:
        call()
        return True

    return attempt(parent, run)


def show_info(parent: QWidget | None, text: str) -> None:
    title = QCoreApplication.translate("messages", "Istiqbal")
    _plain_box(QMessageBox.Icon.Information, title, text, parent).exec()


def _plain_box(
    icon: QMessageBox.Icon, title: str, text: str, parent: QWidget | None
) -> QMessageBox:
    """Messages quote what people typed (a citizen's subject, a file's cell): never read it as HTML,
    which QMessageBox's automatic format detection would do for `<b>…` or `<img src=…>`."""
    box = QMessageBox(icon, title, bidi_text(text), QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box
