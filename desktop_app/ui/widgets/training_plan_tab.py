"""The training page's plan tab: the rules, and who does not meet them since when (C8.5, C8.6)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop_app.i18n import localized_name
from desktop_app.services import training
from desktop_app.services.agents_common import topic_label
from desktop_app.services.permissions import Perm
from desktop_app.ui.dialogs.training_rule_dialog import TrainingRuleDialog
from desktop_app.ui.formatting import format_date
from desktop_app.ui.messages import attempt
from desktop_app.ui.state import AppState
from desktop_app.ui.widgets.agents_fields import fill_table, mark, selected_data
from desktop_app.ui.widgets.tables import read_only_table


class TrainingPlanTab(QWidget):
    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        can_edit = state.actor.can(Perm.EDIT_TRAINING)
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.add_button = QPushButton(self.tr("New rule…"))
        self.edit_button = QPushButton(self.tr("Edit rule…"))
        for b in (self.add_button, self.edit_button):
            b.setEnabled(can_edit)
            bar.addWidget(b)
        bar.addStretch(1)
        self.ahead = QCheckBox(self.tr("Also what falls due in the next 30 days"))
        bar.addWidget(self.ahead)
        layout.addLayout(bar)
        split = QSplitter(Qt.Orientation.Vertical)
        self.rules = read_only_table(
            [
                self.tr("Rule"),
                self.tr("Topic"),
                self.tr("Every"),
                self.tr("First time within"),
                self.tr("Applies from"),
                self.tr("In force"),
            ]
        )
        gaps_box = QWidget()
        gaps_layout = QVBoxLayout(gaps_box)
        gaps_layout.setContentsMargins(0, 0, 0, 0)
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        gaps_layout.addWidget(self.summary)
        self.gaps = read_only_table(
            [
                self.tr("Agent"),
                self.tr("Rule"),
                self.tr("Due since"),
                self.tr("Last trained"),
                self.tr("Days late"),
            ],
            stretch=1,
        )
        gaps_layout.addWidget(self.gaps)
        split.addWidget(self.rules)
        split.addWidget(gaps_box)
        split.setSizes([150, 380])
        layout.addWidget(split, 1)
        self.add_button.clicked.connect(self.add_rule)
        self.edit_button.clicked.connect(self.edit_rule)
        self.rules.doubleClicked.connect(self.edit_rule)
        self.ahead.toggled.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        db, actor = self.state.db, self.state.actor
        self._rules = attempt(self, lambda: training.list_rules(db, actor)) or []
        yes, no = self.tr("Yes"), self.tr("No")
        fill_table(
            self.rules,
            [
                [
                    r.name,
                    topic_label(r.topic),
                    self.tr("%n mo", None, r.interval_months)
                    if r.interval_months
                    else self.tr("Once"),
                    self.tr("%n mo", None, r.first_within_months),
                    format_date(r.effective_from),
                    yes if r.active else no,
                ]
                for r in self._rules
            ],
            data=[r.id for r in self._rules],
        )
        today = date.today()
        ahead = 30 if self.ahead.isChecked() else 0
        gaps = (
            attempt(self, lambda: training.plan_gaps(db, actor, today, look_ahead_days=ahead)) or []
        )
        fill_table(
            self.gaps,
            [
                [
                    localized_name(g.name_ar, g.name_fr, self.state.lang),
                    g.rule_name,
                    format_date(g.due_on),
                    format_date(g.last_on) if g.last_on else self.tr("never"),
                    str((today - g.due_on).days) if g.overdue else self.tr("due soon"),
                ]
                for g in gaps
            ],
            stretch=1,
        )
        for i, g in enumerate(gaps):
            if g.overdue:
                mark(i, self.gaps, "#b00020")
        overdue = len({g.agent_id for g in gaps if g.overdue})
        self.summary.setText(
            self.tr("%n agent(s) do not meet the training plan today.", None, overdue)
            if overdue
            else self.tr("Every active agent meets the training plan.")
        )

    def add_rule(self) -> None:
        if TrainingRuleDialog(self.state, parent=self).exec():
            self.refresh()

    def edit_rule(self) -> None:
        rule_id = selected_data(self.rules)
        rule = next((r for r in self._rules if r.id == rule_id), None)
        if rule is None or not self.state.actor.can(Perm.EDIT_TRAINING):
            return
        if TrainingRuleDialog(self.state, rule, parent=self).exec():
            self.refresh()
