"""Add a periodic maintenance task to a line (C8.4)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services import lines
from desktop_app.services.lines import LineRow
from desktop_app.ui.formatting import format_phone
from desktop_app.ui.messages import attempt
from desktop_app.ui.state import AppState
from desktop_app.ui.widgets.date_fields import date_edit, from_qdate
from desktop_app.ui.widgets.save_buttons import save_buttons


class LineMaintenanceDialog(QDialog):
    def __init__(self, state: AppState, line: LineRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.line = line
        self.setWindowTitle(self.tr("Schedule maintenance"))
        title = QLabel(
            f"{format_phone(line.number)} — {line.label}"
            if line.label
            else format_phone(line.number)
        )
        title.setTextFormat(Qt.TextFormat.PlainText)
        self.task = QLineEdit()
        self.task.setPlaceholderText(self.tr("e.g. switchboard check, handset cleaning"))
        self.interval = QSpinBox()
        self.interval.setRange(1, 3650)
        self.interval.setValue(90)
        self.interval.setSuffix(self.tr(" days"))
        self.next_due = date_edit(QDate.currentDate().addDays(7))
        form = QFormLayout()
        form.addRow(self.tr("Line"), title)
        form.addRow(self.tr("Task"), self.task)
        form.addRow(self.tr("Every"), self.interval)
        form.addRow(self.tr("Next due"), self.next_due)
        buttons = save_buttons(self, self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def save(self) -> None:
        due: date = from_qdate(self.next_due.date())
        done = attempt(
            self,
            lambda: lines.add_maintenance(
                self.state.db,
                self.state.actor,
                self.line.id,
                task=self.task.text(),
                interval_days=self.interval.value(),
                next_due=due,
            ),
        )
        if done is not None:
            self.accept()
