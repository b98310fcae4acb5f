"""Record an award to an agent for a period, with the reason (C8.5: reward the best)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from desktop_app.services import agents, recognition
from desktop_app.ui.messages import attempt
from desktop_app.ui.state import AppState
from desktop_app.ui.widgets.agents_fields import date_edit, to_date
from desktop_app.ui.widgets.save_buttons import save_buttons


class RecognitionDialog(QDialog):
    def __init__(
        self,
        state: AppState,
        period: str,
        agent_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.state = state
        self.setWindowTitle(self.tr("Recognise an agent"))
        form = QFormLayout(self)
        self.agent = QComboBox()
        for a in attempt(self, lambda: agents.list_agents(state.db, state.actor)) or []:
            self.agent.addItem(a.name(state.lang), a.id)
        if agent_id is not None:
            self.agent.setCurrentIndex(max(self.agent.findData(agent_id), 0))
        self.period = QLineEdit(period)
        self.period.setPlaceholderText("2026-Q3")
        self.award = QLineEdit()
        self.award.setPlaceholderText(self.tr("e.g. Agent of the quarter, letter of thanks"))
        self.reason = QPlainTextEdit()
        self.reason.setFixedHeight(80)
        self.awarded_on = date_edit(date.today())
        form.addRow(self.tr("Agent"), self.agent)
        form.addRow(self.tr("Period"), self.period)
        form.addRow(self.tr("Award"), self.award)
        form.addRow(self.tr("Reason"), self.reason)
        form.addRow(self.tr("Awarded on"), self.awarded_on)
        buttons = save_buttons(self, self.save)
        form.addRow(buttons)
        self.setMinimumWidth(460)

    def save(self) -> None:
        ok = attempt(
            self,
            lambda: recognition.save_award(
                self.state.db,
                self.state.actor,
                None,
                agent_id=self.agent.currentData(),
                period=self.period.text(),
                award=self.award.text(),
                reason=self.reason.toPlainText(),
                awarded_on=to_date(self.awarded_on.date()),
            ),
        )
        if ok is not None:
            self.accept()
