"""The layout direction of the whole application: right-to-left for Arabic.

Its own small module so that start-up sets it before anything heavy (the main window) loads.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop_app.i18n import is_rtl


def apply_direction(lang: str) -> None:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        app.setLayoutDirection(
            Qt.LayoutDirection.RightToLeft if is_rtl(lang) else Qt.LayoutDirection.LeftToRight
        )
