"""Report a fault on a line, or record its repair (C8.4)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services import lines
from desktop_app.services.lines import FaultRow, LineRow
from desktop_app.ui.formatting import format_phone
from desktop_app.ui.messages import attempt
from desktop_app.ui.state import AppState
from desktop_app.ui.widgets.local_datetime_edit import LocalDateTimeEdit
from desktop_app.ui.widgets.save_buttons import save_buttons


def _plain(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


class LineFaultDialog(QDialog):
    def __init__(self, state: AppState, line: LineRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.line = line
        self.setWindowTitle(self.tr("Report a fault"))
        self.setMinimumWidth(480)
        self.when = LocalDateTimeEdit()
        self.symptom = QPlainTextEdit()
        self.symptom.setPlaceholderText(self.tr("What callers hear: no tone, busy all day…"))
        self.symptom.setMaximumHeight(90)
        self.ticket = QLineEdit()
        self.ticket.setPlaceholderText(self.tr("Reference given by the operator"))
        form = QFormLayout()
        shown = format_phone(line.number)
        form.addRow(self.tr("Line"), _plain(f"{shown} — {line.label}" if line.label else shown))
        form.addRow(self.tr("Noticed at"), self.when)
        form.addRow(self.tr("Symptom"), self.symptom)
        form.addRow(self.tr("Operator ticket"), self.ticket)
        buttons = save_buttons(self, self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def save(self) -> None:
        at = self.when.value()
        done = attempt(
            self,
            lambda: lines.report_fault(
                self.state.db,
                self.state.actor,
                self.line.id,
                symptom=self.symptom.toPlainText(),
                ticket_ref=self.ticket.text(),
                reported_at=at,
            ),
        )
        if done is not None:
            self.accept()


class LineRepairDialog(QDialog):
    def __init__(self, state: AppState, fault: FaultRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.fault = fault
        self.setWindowTitle(self.tr("Mark the fault repaired"))
        self.setMinimumWidth(460)
        self.when = LocalDateTimeEdit()
        self.notes = QPlainTextEdit()
        self.notes.setMaximumHeight(80)
        form = QFormLayout()
        line = format_phone(fault.line_number)
        form.addRow(
            self.tr("Line"), _plain(f"{line} — {fault.line_label}" if fault.line_label else line)
        )
        form.addRow(self.tr("Symptom"), _plain(fault.symptom))
        form.addRow(self.tr("Repaired at"), self.when)
        form.addRow(self.tr("What was done"), self.notes)
        buttons = save_buttons(self, self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def save(self) -> None:
        at = self.when.value()
        done = attempt(
            self,
            lambda: lines.repair_fault(
                self.state.db,
                self.state.actor,
                self.fault.id,
                expected_version=self.fault.version,
                repaired_at=at,
                notes=self.notes.toPlainText(),
            ),
        )
        if done is not None:
            self.accept()
