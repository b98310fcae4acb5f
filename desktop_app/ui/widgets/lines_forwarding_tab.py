"""The Lines page's Forwarding tab (C2.4): current and coming forwardings, and ending one."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services import lines
from desktop_app.services.permissions import Perm
from desktop_app.ui.formatting import format_datetime, format_phone
from desktop_app.ui.messages import attempt
from desktop_app.ui.state import AppState
from desktop_app.ui.widgets.tables import table_widget


class LineForwardingTab(QWidget):
    """Current and coming forwardings (the current ones in bold); a supervisor ends one."""

    lines_changed = Signal()  # the Inventory tab shows who answers each line now

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.can_edit = state.actor.can(Perm.EDIT_LINES)
        self.can_check = state.actor.can(Perm.CHECK_LINES)
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.end_forward_button = QPushButton(self.tr("End the forwarding now"))
        self.end_forward_button.setVisible(self.can_edit)
        bar.addStretch(1)
        bar.addWidget(self.end_forward_button)
        layout.addLayout(bar)
        self.forwards = table_widget(
            [
                self.tr("Line"),
                self.tr("Agent who answers"),
                self.tr("Forwarded to"),
                self.tr("From"),
                self.tr("Until"),
                self.tr("Notes"),
            ],
            stretch_last=True,
        )
        layout.addWidget(self.forwards, 1)
        self.end_forward_button.clicked.connect(self.end_forwarding)
        self._forwards: list[lines.ForwardingRow] = []

    def refresh_forwardings(self) -> None:
        self._forwards = (
            attempt(self, lambda: lines.forwardings(self.state.db, self.state.actor)) or []
        )
        now = datetime.now(UTC)
        self.forwards.setRowCount(len(self._forwards))
        for i, f in enumerate(self._forwards):
            line = format_phone(f.line_number)
            values = (
                f"{line} — {f.line_label}" if f.line_label else line,
                f.agent_name(self.state.lang),
                format_phone(f.target_number),
                format_datetime(f.starts_at),
                format_datetime(f.ends_at),
                f.notes,
            )
            for col, text in enumerate(values):
                item = QTableWidgetItem(text)
                if f.starts_at <= now < f.ends_at:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.forwards.setItem(i, col, item)
        self.forwards.resizeColumnsToContents()

    def end_forwarding(self) -> None:
        row = self.forwards.currentRow()
        if not 0 <= row < len(self._forwards):
            return
        fwd = self._forwards[row]
        attempt(self, lambda: lines.end_forwarding(self.state.db, self.state.actor, fwd.id))
        self.refresh_forwardings()
        self.lines_changed.emit()
