"""A rule of the training plan: which topic, how often, how soon for newcomers (C8.5, C8.6)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from desktop_app.services import training
from desktop_app.services.training import RuleInput, RuleRow
from desktop_app.ui.messages import attempt, attempt_done
from desktop_app.ui.state import AppState
from desktop_app.ui.widgets.agents_fields import date_edit, to_date, topic_combo
from desktop_app.ui.widgets.save_buttons import save_buttons


class TrainingRuleDialog(QDialog):
    def __init__(
        self, state: AppState, rule: RuleRow | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.state = state
        self.rule = rule
        self.setWindowTitle(self.tr("Training plan rule"))
        form = QFormLayout(self)
        self.name = QLineEdit(rule.name if rule else "")
        self.name.setPlaceholderText(self.tr("e.g. Every agent trained once a year"))
        self.topic = topic_combo(rule.topic if rule else None, with_any=True)
        self.once = QCheckBox(self.tr("Once only"))
        self.interval = QSpinBox()
        self.interval.setRange(1, 120)
        self.interval.setSuffix(self.tr(" months"))
        self.interval.setValue(rule.interval_months or 12 if rule else 12)
        self.once.setChecked(bool(rule and rule.interval_months is None))
        self.interval.setEnabled(not self.once.isChecked())
        self.once.toggled.connect(lambda on: self.interval.setEnabled(not on))
        self.first = QSpinBox()
        self.first.setRange(0, 60)
        self.first.setSuffix(self.tr(" months"))
        self.first.setValue(rule.first_within_months if rule else 3)
        self.effective = date_edit(rule.effective_from if rule else date.today())
        self.active = QCheckBox(self.tr("In force"))
        self.active.setChecked(rule.active if rule else True)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Topic"), self.topic)
        form.addRow(self.tr("Repeat every"), self.interval)
        form.addRow("", self.once)
        form.addRow(self.tr("First time within"), self.first)
        form.addRow(self.tr("Applies from"), self.effective)
        form.addRow("", self.active)
        buttons = save_buttons(self, self.save)
        form.addRow(buttons)
        self.setMinimumWidth(440)

    def save(self) -> None:
        data = RuleInput(
            self.name.text(),
            self.topic.currentData(),
            None if self.once.isChecked() else self.interval.value(),
            self.first.value(),
            to_date(self.effective.date()),
            self.active.isChecked(),
        )
        db, actor, rule = self.state.db, self.state.actor, self.rule
        if rule is None:
            ok = attempt(self, lambda: training.create_rule(db, actor, data))
        else:
            ok = attempt_done(
                self, lambda: training.update_rule(db, actor, rule.id, rule.version, data)
            )
        if ok is not None:
            self.accept()
