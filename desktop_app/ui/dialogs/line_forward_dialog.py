"""Forward a line to an agent's own phone for a period when nobody is on site (C2.4)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
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


class LineForwardDialog(QDialog):
    def __init__(self, state: AppState, line: LineRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.line = line
        self.setWindowTitle(self.tr("Forward the line to an agent"))
        self.setMinimumWidth(480)
        title = QLabel(
            f"{format_phone(line.number)} — {line.label}"
            if line.label
            else format_phone(line.number)
        )
        title.setTextFormat(Qt.TextFormat.PlainText)
        self.agent = QComboBox()
        agents = attempt(self, lambda: lines.forwarding_agents(state.db, state.actor)) or []
        for a in agents:
            self.agent.addItem(a.name(state.lang), a.id)
        self.phone = QLineEdit()
        self.phone.setPlaceholderText(self.tr("The agent's phone, e.g. 98 123 456"))
        self.phone.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        now = datetime.now(UTC)
        self.starts = LocalDateTimeEdit(now)
        self.ends = LocalDateTimeEdit(now + timedelta(hours=8))
        self.notes = QLineEdit()
        form = QFormLayout()
        form.addRow(self.tr("Line"), title)
        form.addRow(self.tr("Agent who answers"), self.agent)
        form.addRow(self.tr("Forwarded to"), self.phone)
        form.addRow(self.tr("From"), self.starts)
        form.addRow(self.tr("Until"), self.ends)
        form.addRow(self.tr("Notes"), self.notes)
        hint = QLabel(
            self.tr(
                "Set the forwarding on the switchboard as well; Istiqbal records "
                "who answers the line and shows it on the inventory."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: palette(mid);")
        buttons = save_buttons(self, self.save)
        if not agents:
            buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)
            hint.setText(self.tr("No reception agent is registered yet: add agents first."))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(buttons)

    def save(self) -> None:
        starts, ends = self.starts.value(), self.ends.value()
        done = attempt(
            self,
            lambda: lines.forward_line(
                self.state.db,
                self.state.actor,
                self.line.id,
                agent_id=self.agent.currentData(),
                target_number=self.phone.text(),
                starts_at=starts,
                ends_at=ends,
                notes=self.notes.text(),
            ),
        )
        if done is not None:
            self.accept()
