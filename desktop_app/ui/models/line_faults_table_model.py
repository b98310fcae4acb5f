"""Line faults, newest first, paged by id; open ones with their age (C8.4)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from desktop_app.services import lines
from desktop_app.services.lines import FaultRow
from desktop_app.ui.formatting import format_datetime, format_number, format_phone
from desktop_app.ui.models.keyset_table_model import KeysetTableModel
from desktop_app.ui.state import AppState


class LineFaultsTableModel(KeysetTableModel[FaultRow]):
    def __init__(self, state: AppState, parent: Any = None) -> None:
        super().__init__(parent)
        self.state = state
        self.open_only = False

    def headers(self) -> Sequence[str]:
        return (
            self.tr("Line"),
            self.tr("Reported"),
            self.tr("Symptom"),
            self.tr("Operator ticket"),
            self.tr("Repaired"),
            self.tr("Age / repair time"),
        )

    def fetch_after(self, last: FaultRow | None, limit: int) -> list[FaultRow]:
        return lines.faults_page(
            self.state.db,
            self.state.actor,
            open_only=self.open_only,
            before_id=last.id if last else None,
            limit=limit,
        )

    def display(self, row: FaultRow, column: int) -> str:
        if column == 0:
            shown = format_phone(row.line_number)
            return f"{shown} — {row.line_label}" if row.line_label else shown
        if column == 1:
            return format_datetime(row.reported_at)
        if column == 2:
            return row.symptom
        if column == 3:
            return row.ticket_ref
        if column == 4:
            return format_datetime(row.repaired_at) if row.repaired_at else self.tr("open")
        hours = row.age_hours(datetime.now(UTC))
        if hours >= 48:
            return self.tr("{n} days").format(n=format_number(hours / 24, 1))
        return self.tr("{n} h").format(n=format_number(hours, 1))

    def extra_data(self, row: FaultRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and row.is_open and column in (4, 5):
            return QBrush(QColor("#b3261e"))
        return None
