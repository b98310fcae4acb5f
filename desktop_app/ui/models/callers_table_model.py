"""The callers to call back as a table (C2.4): one row per caller, oldest first."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt

from desktop_app.services.callbacks import Caller, outcome_label
from desktop_app.ui.formatting import format_datetime, format_list, format_number, ltr
from desktop_app.ui.models.rows_table_model import RowsTableModel


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


class CallersTableModel(RowsTableModel[Caller]):
    """Read-only; the caller of a row is `row_at(row)`. `now` fixes "how long ago" (tests)."""

    def __init__(self, parent: Any = None) -> None:
        headers = [
            QCoreApplication.translate("CallersTableModel", "Number"),
            QCoreApplication.translate("CallersTableModel", "Line rung"),
            QCoreApplication.translate("CallersTableModel", "Unanswered calls"),
            QCoreApplication.translate("CallersTableModel", "First call"),
            QCoreApplication.translate("CallersTableModel", "Last call"),
            QCoreApplication.translate("CallersTableModel", "Waiting for"),
            QCoreApplication.translate("CallersTableModel", "Call-backs without answer"),
        ]
        super().__init__(headers, self._cells, parent, numeric=(2, 6))
        self._now = datetime.now(UTC)

    def set_rows(self, rows: Sequence[Caller], now: datetime | None = None) -> None:
        self._now = now or datetime.now(UTC)
        super().set_rows(rows)

    def _cells(self, c: Caller) -> Sequence[str]:
        return (
            ltr(c.number),
            format_list([ltr(x) for x in c.lines]),
            format_number(len(c.tries)),
            format_datetime(c.first),
            format_datetime(c.last),
            waited(c.waiting_minutes(self._now)),
            format_number(len(c.attempts)) if c.attempts else "",
        )

    def extra_data(self, row: Caller, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and column in (2, 6):
            tries = [format_datetime(t) for t in row.tries]
            backs = [f"{format_datetime(at)} — {outcome_label(o)}" for at, o in row.attempts]
            return "\n".join(tries + backs)
        return super().extra_data(row, column, role)
