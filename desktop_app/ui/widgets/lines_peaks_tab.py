"""The Lines page's Peak periods tab (C8.4): reinforcement plans for the busy seasons."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services import lines
from desktop_app.services.permissions import Perm
from desktop_app.ui.formatting import format_date
from desktop_app.ui.messages import attempt
from desktop_app.ui.state import AppState
from desktop_app.ui.widgets.tables import table_widget


class LinePeaksTab(QWidget):
    """Peak-period reinforcement plans: extra lines and agents for a period."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.can_edit = state.actor.can(Perm.EDIT_LINES)
        self.can_check = state.actor.can(Perm.CHECK_LINES)
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.add_plan_button = QPushButton(self.tr("Plan a peak period…"))
        self.edit_plan_button = QPushButton(self.tr("Edit…"))
        self.delete_plan_button = QPushButton(self.tr("Delete"))
        for b in (self.add_plan_button, self.edit_plan_button, self.delete_plan_button):
            b.setVisible(self.can_edit)
            bar.addWidget(b)
        bar.addStretch(1)
        layout.addLayout(bar)
        self.plans = table_widget(
            [
                self.tr("Peak period"),
                self.tr("From"),
                self.tr("Until"),
                self.tr("Hours"),
                self.tr("Extra lines"),
                self.tr("Extra agents"),
                self.tr("Notes"),
            ],
            stretch_last=True,
        )
        layout.addWidget(self.plans, 1)
        self.add_plan_button.clicked.connect(lambda: self.edit_plan(new=True))
        self.edit_plan_button.clicked.connect(lambda: self.edit_plan(new=False))
        self.plans.doubleClicked.connect(lambda: self.edit_plan(new=False))
        self.delete_plan_button.clicked.connect(self.delete_plan)
        self._plans: list[lines.PlanRow] = []

    def refresh_plans(self) -> None:
        self._plans = (
            attempt(self, lambda: lines.reinforcement_plans(self.state.db, self.state.actor)) or []
        )
        self.plans.setRowCount(len(self._plans))
        for i, p in enumerate(self._plans):
            for col, text in enumerate(
                (
                    p.title,
                    format_date(p.starts_on),
                    format_date(p.ends_on),
                    p.hours,
                    str(p.extra_lines),
                    str(p.extra_agents),
                    p.notes,
                )
            ):
                self.plans.setItem(i, col, QTableWidgetItem(text))
        self.plans.resizeColumnsToContents()

    def edit_plan(self, new: bool) -> None:
        from desktop_app.ui.dialogs.reinforcement_plan_dialog import ReinforcementPlanDialog

        if not self.can_edit:
            return
        row = self.plans.currentRow()
        plan = None if new else (self._plans[row] if 0 <= row < len(self._plans) else None)
        if not new and plan is None:
            return
        if ReinforcementPlanDialog(self.state, plan, self).exec():
            self.refresh_plans()

    def delete_plan(self) -> None:
        row = self.plans.currentRow()
        if not 0 <= row < len(self._plans):
            return
        plan = self._plans[row]
        answer = QMessageBox.question(
            self, self.tr("Delete"), self.tr("Delete the plan “{title}”?").format(title=plan.title)
        )
        if answer == QMessageBox.StandardButton.Yes:
            attempt(self, lambda: lines.delete_plan(self.state.db, self.state.actor, plan.id))
            self.refresh_plans()
