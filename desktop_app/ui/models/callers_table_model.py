"""The callers to call back as a table (C2.4): one row per caller, oldest first."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from desktop_app.services.callbacks import Caller, outcome_label
from desktop_app.ui.formatting import format_datetime, format_list, format_number, ltr

Index = QModelIndex | QPersistentModelIndex


def waited(minutes: int) -> str:
    """How long ago, in the largest unit that reads well: 45 min, 3 h 10 min, 2 d 4 h."""
    if minutes < 60:
        return QCoreApplication.translate("CallersTableModel", "{m} min").format(m=minutes)
    hours, mins = divmod(minutes, 60)
    if hours < 24:
        return QCoreApplication.translate("CallersTableModel", "{h} h {m} min").format(
            h=hours, m=mins
        )
    days, hours = divmod(hours, 24)
    return QCoreApplication.translate("CallersTableModel", "{d} d {h} h").format(d=days, h=hours)


class CallersTableModel(QAbstractTableModel):
    """Read-only; the caller of a row is `caller_at(row)`. `now` fixes "how long ago" (tests)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Caller] = []
        self._now = datetime.now(UTC)
        self._headers = [
            QCoreApplication.translate("CallersTableModel", "Number"),
            QCoreApplication.translate("CallersTableModel", "Line rung"),
            QCoreApplication.translate("CallersTableModel", "Unanswered calls"),
            QCoreApplication.translate("CallersTableModel", "First call"),
            QCoreApplication.translate("CallersTableModel", "Last call"),
            QCoreApplication.translate("CallersTableModel", "Waiting for"),
            QCoreApplication.translate("CallersTableModel", "Call-backs without answer"),
        ]

    def set_rows(self, rows: Sequence[Caller], now: datetime | None = None) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._now = now or datetime.now(UTC)
        self.endResetModel()

    def caller_at(self, row: int) -> Caller | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._headers[section] if 0 <= section < len(self._headers) else None
        return section + 1

    def _text(self, c: Caller, column: int) -> str:
        if column == 0:
            return ltr(c.number)
        if column == 1:
            return format_list([ltr(x) for x in c.lines])
        if column == 2:
            return format_number(len(c.tries))
        if column == 3:
            return format_datetime(c.first)
        if column == 4:
            return format_datetime(c.last)
        if column == 5:
            return waited(c.waiting_minutes(self._now))
        return format_number(len(c.attempts)) if c.attempts else ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        if not 0 <= index.column() < len(self._headers):
            return None
        c = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(c, index.column())
        if role == Qt.ItemDataRole.ToolTipRole and index.column() in (2, 6):
            tries = [format_datetime(t) for t in c.tries]
            backs = [f"{format_datetime(at)} — {outcome_label(o)}" for at, o in c.attempts]
            return "\n".join(tries + backs)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (2, 6):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
