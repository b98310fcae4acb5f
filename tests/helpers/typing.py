"""Typing any text into a widget in tests, Arabic included.

qtbot.keyClicks with non-ASCII text hits an assertion in qasciikey.cpp and kills the process
(DESIGN.md, known traps), so each character is sent as a key event carrying its text.
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget


def type_text(widget: QWidget, text: str) -> None:
    for ch in text:
        if ch.isascii() and ch.isprintable():
            QTest.keyClicks(widget, ch)
        else:
            QTest.sendKeyEvent(
                QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch,
                Qt.KeyboardModifier.NoModifier,
            )  # fmt: skip


T = TypeVar("T")


def present(value: T | None) -> T:
    """`value`, asserted not None: a row or selection the test expects to exist."""
    assert value is not None
    return value
