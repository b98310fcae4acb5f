"""Planning a mystery-call campaign: period, calls per line, lines to call (C8.7)."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services import campaigns, evaluations
from desktop_app.ui.formatting import format_phone
from desktop_app.ui.messages import attempt
from desktop_app.ui.state import AppState
from desktop_app.ui.widgets.date_fields import date_edit, from_qdate


class CampaignDialog(QDialog):
    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.saved_id: int | None = None
        self.setWindowTitle(self.tr("Plan a mystery-call campaign"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        today = QDate.currentDate()
        quarter_start = QDate(today.year(), ((today.month() - 1) // 3) * 3 + 1, 1)
        self.name = QLineEdit()
        self.name.setText(self.tr("Citizen watch {quarter}").format(
            quarter=f"{today.year()}-T{(today.month() - 1) // 3 + 1}"))  # fmt: skip
        self.first = date_edit(today)
        self.last = date_edit(quarter_start.addMonths(3).addDays(-1))
        self.per_line = QSpinBox()
        self.per_line.setRange(1, campaigns.MAX_CALLS_PER_LINE)
        self.per_line.setValue(3)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("From"), self.first)
        form.addRow(self.tr("To"), self.last)
        form.addRow(self.tr("Calls per line"), self.per_line)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Lines to call")))
        self.lines = QListWidget()
        for line in evaluations.line_choices(state.db, state.actor):
            number = format_phone(line.number)
            item = QListWidgetItem(f"{number} — {line.label}" if line.label else number)
            item.setData(Qt.ItemDataRole.UserRole, line.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            # A fax line is listed, but not called unless someone ticks it.
            called = line.kind not in campaigns.NOT_CALLED_KINDS
            item.setCheckState(Qt.CheckState.Checked if called else Qt.CheckState.Unchecked)
            self.lines.addItem(item)
        layout.addWidget(self.lines, 1)
        note = QLabel(self.tr("Calls are drawn at random within the office hours set in "
                              "Settings, under “Holidays and office hours”. Fax lines are not "
                              "ticked."))  # fmt: skip
        note.setWordWrap(True)
        layout.addWidget(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)  # fmt: skip
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(460, 520)

    def chosen_lines(self) -> list[int]:
        return [
            self.lines.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.lines.count())
            if self.lines.item(i).checkState() == Qt.CheckState.Checked
        ]

    def save(self) -> None:
        saved = attempt(self, lambda: campaigns.plan(
            self.state.db, self.state.actor, self.name.text(), from_qdate(self.first.date()),
            from_qdate(self.last.date()), self.per_line.value(), self.chosen_lines()))  # fmt: skip
        if saved is not None:
            self.saved_id = saved
            self.accept()
