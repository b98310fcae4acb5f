"""The Lines page's Maintenance tab (C8.4): the upkeep schedule, done today or removed."""

from __future__ import annotations

from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services import lines
from desktop_app.services.permissions import Perm
from desktop_app.ui.formatting import format_date, format_phone
from desktop_app.ui.messages import attempt
from desktop_app.ui.state import AppState
from desktop_app.ui.widgets.lines_tables import OVERDUE_BG, OVERDUE_FG
from desktop_app.ui.widgets.tables import table_widget


class LineMaintenanceTab(QWidget):
    """The maintenance schedule, overdue items in red."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.can_edit = state.actor.can(Perm.EDIT_LINES)
        self.can_check = state.actor.can(Perm.CHECK_LINES)
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.overdue_only = QCheckBox(self.tr("Only overdue maintenance"))
        self.done_button = QPushButton(self.tr("Done today"))
        self.delete_maintenance_button = QPushButton(self.tr("Remove from the schedule"))
        bar.addWidget(self.overdue_only)
        bar.addStretch(1)
        bar.addWidget(self.done_button)
        bar.addWidget(self.delete_maintenance_button)
        layout.addLayout(bar)
        self.maintenance = table_widget(
            [
                self.tr("Line"),
                self.tr("Task"),
                self.tr("Every"),
                self.tr("Last done"),
                self.tr("Next due"),
            ],
            stretch_last=True,
        )
        layout.addWidget(self.maintenance, 1)
        self.overdue_only.toggled.connect(self.refresh_maintenance)
        self.done_button.clicked.connect(self.maintenance_done)
        self.delete_maintenance_button.clicked.connect(self.delete_maintenance)
        self.done_button.setVisible(self.can_edit)
        self.delete_maintenance_button.setVisible(self.can_edit)
        self._maintenance_rows: list[lines.MaintenanceRow] = []

    def refresh_maintenance(self) -> None:
        rows = (
            attempt(
                self,
                lambda: lines.maintenance_schedule(
                    self.state.db, self.state.actor, overdue_only=self.overdue_only.isChecked()
                ),
            )
            or []
        )
        self._maintenance_rows = rows
        self.maintenance.setRowCount(len(rows))
        for i, m in enumerate(rows):
            line = format_phone(m.line_number)
            due = format_date(m.next_due)
            if m.overdue:
                due = self.tr("{date} — overdue").format(date=due)
            values = (
                f"{line} — {m.line_label}" if m.line_label else line,
                m.task,
                self.tr("%n d", None, m.interval_days),
                format_date(m.last_done),
                due,
            )
            for col, text in enumerate(values):
                item = QTableWidgetItem(text)
                if m.overdue:
                    item.setBackground(QBrush(OVERDUE_BG))
                    item.setForeground(QBrush(OVERDUE_FG))
                self.maintenance.setItem(i, col, item)
        self.maintenance.resizeColumnsToContents()

    def _selected_maintenance(self) -> lines.MaintenanceRow | None:
        row = self.maintenance.currentRow()
        return self._maintenance_rows[row] if 0 <= row < len(self._maintenance_rows) else None

    def maintenance_done(self) -> None:
        item = self._selected_maintenance()
        if item is None:
            return
        if (
            attempt(
                self,
                lambda: lines.maintenance_done(
                    self.state.db, self.state.actor, item.id, expected_version=item.version
                ),
            )
            is not None
        ):
            self.refresh_maintenance()

    def delete_maintenance(self) -> None:
        item = self._selected_maintenance()
        if item is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Remove from the schedule"),
            self.tr("Remove “{task}” from the schedule?").format(task=item.task),
        )
        if answer == QMessageBox.StandardButton.Yes:
            attempt(
                self, lambda: lines.delete_maintenance(self.state.db, self.state.actor, item.id)
            )
            self.refresh_maintenance()
