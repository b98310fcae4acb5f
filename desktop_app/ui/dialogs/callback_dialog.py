"""Record a call-back made outside the PBX (an agent's mobile, a forwarded line: C2.4)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QLineEdit, QPlainTextEdit, QWidget

from desktop_app.services import callbacks
from desktop_app.ui.messages import attempt
from desktop_app.ui.state import AppState
from desktop_app.ui.widgets.local_datetime_edit import LocalDateTimeEdit
from desktop_app.ui.widgets.save_buttons import save_buttons


class CallbackDialog(QDialog):
    def __init__(self, state: AppState, number: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.saved_id: int | None = None
        self.setWindowTitle(self.tr("Record a call-back"))
        self.setMinimumWidth(440)
        form = QFormLayout(self)
        self.number = QLineEdit(number)
        self.number.setPlaceholderText("50 987 654")
        self.at = LocalDateTimeEdit()
        self.outcome = QComboBox()
        for key in callbacks.OUTCOMES:
            self.outcome.addItem(callbacks.outcome_label(key), key)
        self.note = QPlainTextEdit()
        self.note.setFixedHeight(70)
        form.addRow(self.tr("Number called"), self.number)
        form.addRow(self.tr("Called at"), self.at)
        form.addRow(self.tr("Outcome"), self.outcome)
        form.addRow(self.tr("Note"), self.note)
        form.addRow(save_buttons(self, self.save))

    def save(self) -> None:
        saved = attempt(self, lambda: callbacks.record_callback(
            self.state.db, self.state.actor, self.number.text(), self.at.value(),
            self.outcome.currentData(), self.note.toPlainText()))  # fmt: skip
        if saved is not None:
            self.saved_id = saved
            self.accept()
