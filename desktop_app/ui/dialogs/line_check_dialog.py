"""Record a check of a line with notes, at a chosen time (C8.1, C2.4)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services import lines
from desktop_app.services.lines import LineRow
from desktop_app.ui.formatting import format_phone
from desktop_app.ui.messages import attempt
from desktop_app.ui.state import AppState
from desktop_app.ui.widgets.local_datetime_edit import LocalDateTimeEdit
from desktop_app.ui.widgets.save_buttons import save_buttons


class LineCheckDialog(QDialog):
    def __init__(self, state: AppState, line: LineRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.line = line
        self.setWindowTitle(self.tr("Record a check"))
        title = QLabel(
            f"{format_phone(line.number)} — {line.label}"
            if line.label
            else format_phone(line.number)
        )
        title.setTextFormat(Qt.TextFormat.PlainText)
        self.result_box = QComboBox()
        for r in lines.RESULTS:
            self.result_box.addItem(lines.result_label(r), r)
        self.when = LocalDateTimeEdit()
        self.when_shown = self.when.dateTime()  # left as opened: the moment of saving, seconds kept
        self.notes = QPlainTextEdit()
        self.notes.setMaximumHeight(80)
        form = QFormLayout()
        form.addRow(self.tr("Line"), title)
        form.addRow(self.tr("Result"), self.result_box)
        form.addRow(self.tr("When"), self.when)
        form.addRow(self.tr("Notes"), self.notes)
        buttons = save_buttons(self, self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def save(self) -> None:
        # A check keeps its seconds: left as the dialog opened, it is stamped when saved (C8.1).
        at: datetime | None = None if self.when.dateTime() == self.when_shown else self.when.value()
        done = attempt(
            self,
            lambda: lines.record_check(
                self.state.db,
                self.state.actor,
                self.line.id,
                self.result_box.currentData(),
                at=at,
                notes=self.notes.toPlainText(),
            ),
        )
        if done is not None:
            self.accept()
