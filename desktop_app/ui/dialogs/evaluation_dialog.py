"""Entering one call evaluation with the keyboard alone, in well under a minute (C8.2, C8.7)."""

from __future__ import annotations

from datetime import UTC, datetime
from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services import evaluations, pickup, scorecards, settings
from desktop_app.services.evaluations import EvaluationInput
from desktop_app.services.periods import TUNIS
from desktop_app.ui.formatting import format_phone
from desktop_app.ui.messages import attempt
from desktop_app.ui.state import AppState
from desktop_app.ui.widgets.answer_selector import NA, AnswerSelector
from desktop_app.ui.widgets.date_fields import datetime_edit, from_qdate, from_qtime


class EvaluationDialog(QDialog):
    """Tab through the fields; a criterion takes one key (1 yes, 2 no, 3 N/A); Ctrl+Enter saves."""

    def __init__(
        self, state: AppState, parent: QWidget | None = None, *, line_id: int | None = None,
        method: str = "supervisor", at: datetime | None = None,
        campaign_call_id: int | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.state = state
        self.campaign_call_id = campaign_call_id
        self.saved_id: int | None = None
        self.setWindowTitle(self.tr("New call evaluation"))
        self.card = scorecards.current(state.db, state.actor)
        self.pickup_limit = pickup.limit(settings.get_all(state.db))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.method = QComboBox()
        for m in evaluations.METHODS:
            self.method.addItem(evaluations.method_label(m), m)
        self.method.setCurrentIndex(max(0, self.method.findData(method)))
        # A mystery caller of the citizen watch often has no account: name them here.
        self.caller = QLineEdit()
        self.caller.setMaxLength(200)
        self.caller.setPlaceholderText(self.tr("Empty when you made the call yourself"))
        self.method.currentIndexChanged.connect(self._method_changed)
        self.line = QComboBox()
        for line in evaluations.line_choices(state.db, state.actor):
            number = format_phone(line.number)
            text = f"{number} — {line.label}" if line.label else number
            self.line.addItem(text, line.id)
        if line_id is not None:
            self.line.setCurrentIndex(max(0, self.line.findData(line_id)))
            self.line.setEnabled(campaign_call_id is None)
        self.agent = QComboBox()
        self.agent.addItem(self.tr("(not known)"), None)
        for agent in evaluations.agent_choices(state.db, state.actor):
            self.agent.addItem(agent.name(state.lang), agent.id)
        moment = (at or datetime.now(UTC)).astimezone(TUNIS)
        self.when = datetime_edit(moment.replace(tzinfo=None, second=0, microsecond=0))
        self.answered = QCheckBox(self.tr("Answered"))
        self.answered.setChecked(True)
        self.seconds = QSpinBox()
        self.seconds.setRange(0, 3600)
        self.seconds.setSuffix(self.tr(" s"))
        self.seconds.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.pickup_note = QLabel()
        form.addRow(self.tr("How"), self.method)
        form.addRow(self.tr("Caller (citizen watch)"), self.caller)
        form.addRow(self.tr("Line"), self.line)
        form.addRow(self.tr("Agent"), self.agent)
        form.addRow(self.tr("When"), self.when)
        form.addRow("", self.answered)
        form.addRow(self.tr("Seconds to pick up"), self.seconds)
        form.addRow("", self.pickup_note)
        layout.addLayout(form)

        box = QGroupBox(self.tr("Criteria (1 yes · 2 no · 3 not applicable)"))
        grid = QFormLayout(box)
        self.selectors: dict[str, AnswerSelector] = {}
        for c in self.card.criteria:
            if c.key == scorecards.PICKUP:
                continue
            selector = AnswerSelector(allow_na=c.may_be_na)
            if c.may_be_na:
                selector.set_value(NA)
            self.selectors[c.key] = selector
            label = QLabel(self.tr("{name} ({weight})").format(name=c.label(state.lang),
                                                                weight=c.weight))  # fmt: skip
            label.setBuddy(selector)
            # C8.6: the categories of the body's list, read when the dialog opens
            hint = attempt(self, partial(scorecards.criterion_hint, state.db, c.key))
            grid.addRow(label, selector)
            if hint:
                names = QLabel(hint)
                names.setWordWrap(True)
                names.setEnabled(False)  # a quiet note, not a field
                grid.addRow("", names)
        layout.addWidget(box)
        self.comment = QPlainTextEdit()
        self.comment.setTabChangesFocus(True)
        self.comment.setPlaceholderText(self.tr("What went well, what to improve"))
        self.comment.setFixedHeight(64)
        layout.addWidget(QLabel(self.tr("Comment")))
        layout.addWidget(self.comment)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)  # fmt: skip
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setToolTip(self.tr("Ctrl+Enter"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        for keys in (QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")):
            QShortcut(keys, self).activated.connect(self.save)
        self.answered.toggled.connect(self._answered_changed)
        self.seconds.valueChanged.connect(self._update_pickup_note)
        self._update_pickup_note()
        self._method_changed()
        # Tab order: the date-time (usually "now") comes last, since Tab inside a QDateTimeEdit
        # walks its sections; everything typed for every call comes first.
        chain: list[QWidget] = [self.method, self.caller, self.line, self.agent, self.answered,
                                self.seconds, *self.selectors.values(), self.comment,
                                self.save_button, self.when]  # fmt: skip
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)
        self.method.setFocus()

    def _method_changed(self) -> None:
        self.caller.setEnabled(self.method.currentData() == "mystery")

    def _answered_changed(self, answered: bool) -> None:
        self.seconds.setEnabled(answered)
        for selector in self.selectors.values():
            selector.setEnabled(answered)
        self._update_pickup_note()

    def _update_pickup_note(self) -> None:
        if not self.answered.isChecked():
            text = self.tr("Not answered: the call scores 0.")
        elif pickup.in_time(self.seconds.value(), self.pickup_limit):
            text = self.tr("Picked up in time (limit {n} s, C8.2).").format(n=self.pickup_limit)
        else:
            text = self.tr("Picked up late (limit {n} s, C8.2).").format(n=self.pickup_limit)
        self.pickup_note.setText(text)

    def value(self) -> EvaluationInput:
        when = self.when.dateTime()
        local = datetime.combine(from_qdate(when.date()), from_qtime(when.time()))
        return EvaluationInput(
            at=local.replace(tzinfo=TUNIS).astimezone(UTC),
            method=self.method.currentData(),
            agent_id=self.agent.currentData(),
            line_id=self.line.currentData(),
            answered=self.answered.isChecked(),
            pickup_seconds=self.seconds.value() if self.answered.isChecked() else None,
            answers={k: v for k, s in self.selectors.items() if (v := s.value()) is not None},
            comment=self.comment.toPlainText(),
            campaign_call_id=self.campaign_call_id,
            caller_name=self.caller.text() if self.caller.isEnabled() else "",
        )

    def save(self) -> None:
        data = self.value()
        saved = attempt(self, lambda: evaluations.record(self.state.db, self.state.actor, data))
        if saved is not None:
            self.saved_id = saved
            self.accept()
