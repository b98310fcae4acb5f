"""Plan extra lines or agents for a peak period (C8.4)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services import lines
from desktop_app.services.lines import PlanInput, PlanRow
from desktop_app.ui.messages import attempt
from desktop_app.ui.state import AppState
from desktop_app.ui.widgets.date_fields import date_edit, from_qdate
from desktop_app.ui.widgets.save_buttons import save_buttons


class ReinforcementPlanDialog(QDialog):
    def __init__(
        self, state: AppState, plan: PlanRow | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.state = state
        self.plan = plan
        self.setWindowTitle(self.tr("Peak-period reinforcement"))
        self.setMinimumWidth(460)
        self.title = QLineEdit(plan.title if plan else "")
        self.title.setPlaceholderText(self.tr("e.g. school enrolment, local tax deadline"))
        self.starts = date_edit(plan.starts_on if plan else None)
        self.ends = date_edit(plan.ends_on if plan else None)
        self.hours = QLineEdit(plan.hours if plan else "08:00-17:00")
        self.extra_lines = QSpinBox()
        self.extra_lines.setRange(0, 200)
        self.extra_lines.setValue(plan.extra_lines if plan else 1)
        self.extra_agents = QSpinBox()
        self.extra_agents.setRange(0, 200)
        self.extra_agents.setValue(plan.extra_agents if plan else 1)
        self.notes = QPlainTextEdit(plan.notes if plan else "")
        self.notes.setMaximumHeight(80)
        form = QFormLayout()
        form.addRow(self.tr("Peak period"), self.title)
        form.addRow(self.tr("From"), self.starts)
        form.addRow(self.tr("Until"), self.ends)
        form.addRow(self.tr("Hours"), self.hours)
        form.addRow(self.tr("Extra lines"), self.extra_lines)
        form.addRow(self.tr("Extra agents"), self.extra_agents)
        form.addRow(self.tr("Notes"), self.notes)
        buttons = save_buttons(self, self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def save(self) -> None:
        data = PlanInput(
            self.title.text(),
            from_qdate(self.starts.date()),
            from_qdate(self.ends.date()),
            self.hours.text(),
            self.extra_lines.value(),
            self.extra_agents.value(),
            self.notes.toPlainText(),
        )
        plan = self.plan
        done = attempt(
            self,
            lambda: lines.save_plan(
                self.state.db,
                self.state.actor,
                data,
                plan_id=plan.id if plan else None,
                expected_version=plan.version if plan else None,
            ),
        )
        if done is not None:
            self.accept()
