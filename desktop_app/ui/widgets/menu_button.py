"""A button that opens a menu, its arrow beside the text rather than drawn over it."""

from __future__ import annotations

from PySide6.QtWidgets import QToolButton, QWidget

ARROW = "\u25be"  # ▾: points down in either direction, never mirrored


def menu_button(text: str, parent: QWidget | None = None) -> QToolButton:
    """Qt draws an instant-popup button's arrow in its corner, over the last letters ("Plus",
    "المزيد", "Enregistrer un contrôle", issue 14.10): draw none and end the text with one."""
    button = QToolButton(parent)
    button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    button.setStyleSheet("QToolButton::menu-indicator { image: none; width: 0px; }")
    button.setText(f"{text} {ARROW}")
    return button
