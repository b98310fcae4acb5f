"""What the Lines page's tabs share: the overdue colours (their tables come from `tables`)."""

from __future__ import annotations

from PySide6.QtGui import QColor

OVERDUE_BG = QColor("#fdecea")
OVERDUE_FG = QColor("#b3261e")
