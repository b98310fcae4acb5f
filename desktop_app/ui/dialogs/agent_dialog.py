"""Create or edit a reception agent: names, staff number, unit, post, lines answered, dates."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QWidget,
)

from desktop_app.services import agents, equipment
from desktop_app.services.agents import AgentInfo, AgentInput
from desktop_app.ui.formatting import format_phone
from desktop_app.ui.messages import attempt
from desktop_app.ui.state import AppState
from desktop_app.ui.widgets.agents_fields import date_edit, to_date
from desktop_app.ui.widgets.save_buttons import save_buttons


class AgentDialog(QDialog):
    def __init__(
        self, state: AppState, agent: AgentInfo | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.state = state
        self.agent = agent
        self.saved: AgentInfo | None = None
        self.setWindowTitle(self.tr("New agent") if agent is None else self.tr("Edit agent"))
        form = QFormLayout(self)
        self.name_ar = QLineEdit(agent.name_ar if agent else "")
        self.name_ar.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.name_fr = QLineEdit(agent.name_fr if agent else "")
        self.staff_number = QLineEdit(agent.staff_number if agent else "")
        self.unit = QLineEdit(agent.unit if agent else "")
        self.extension = QLineEdit(agent.extension if agent else "")
        self.active_from = date_edit(
            agent.active_from if agent and agent.active_from else date.today()
        )
        self.has_end = QCheckBox(self.tr("Left on"))
        self.active_to = date_edit(agent.active_to if agent and agent.active_to else date.today())
        self.has_end.setChecked(bool(agent and agent.active_to))
        self.active_to.setEnabled(self.has_end.isChecked())
        self.has_end.toggled.connect(self.active_to.setEnabled)
        self.post = QComboBox()
        self.post.addItem(self.tr("(none)"), None)
        for post_id, name in (
            attempt(self, lambda: equipment.post_choices(state.db, state.actor)) or []
        ):
            self.post.addItem(name, post_id)
        self.post.setCurrentIndex(max(self.post.findData(agent.post_id if agent else None), 0))
        self.user = QComboBox()
        self.user.addItem(self.tr("(no account)"), None)
        for user_id, label in (
            attempt(self, lambda: agents.list_user_choices(state.db, state.actor)) or []
        ):
            self.user.addItem(label, user_id)
        self.user.setCurrentIndex(max(self.user.findData(agent.user_id if agent else None), 0))
        self.lines = QListWidget()
        self.lines.setMinimumHeight(170)
        self.lines.setWordWrap(True)  # a long label wraps instead of a sideways scroll bar
        self.lines.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        chosen = set(agent.line_ids) if agent else set()
        for line in attempt(self, lambda: agents.list_line_choices(state.db, state.actor)) or []:
            number = format_phone(line.number)
            item = QListWidgetItem(f"{number} — {line.label}" if line.label else number)
            item.setData(Qt.ItemDataRole.UserRole, line.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if line.id in chosen else Qt.CheckState.Unchecked
            )
            self.lines.addItem(item)
        self.notes = QPlainTextEdit(agent.notes if agent else "")
        self.notes.setFixedHeight(60)
        form.addRow(self.tr("Name in Arabic"), self.name_ar)
        form.addRow(self.tr("Name in French"), self.name_fr)
        form.addRow(self.tr("Staff number"), self.staff_number)
        form.addRow(self.tr("Unit"), self.unit)
        form.addRow(self.tr("Extension"), self.extension)
        dates = QHBoxLayout()
        dates.addWidget(self.active_from)
        dates.addWidget(self.has_end)
        dates.addWidget(self.active_to)
        dates.addStretch(1)
        form.addRow(self.tr("Active from"), dates)
        form.addRow(self.tr("Reception post"), self.post)
        form.addRow(self.tr("User account"), self.user)
        form.addRow(self.tr("Lines answered"), self.lines)
        form.addRow(self.tr("Notes"), self.notes)
        buttons = save_buttons(self, self.save)
        form.addRow(buttons)
        self.setMinimumWidth(600)

    def data(self) -> AgentInput:
        lines = tuple(
            int(self.lines.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.lines.count())
            if self.lines.item(i).checkState() == Qt.CheckState.Checked
        )
        return AgentInput(
            name_ar=self.name_ar.text(),
            name_fr=self.name_fr.text(),
            staff_number=self.staff_number.text(),
            unit=self.unit.text(),
            extension=self.extension.text(),
            active_from=to_date(self.active_from.date()),
            active_to=to_date(self.active_to.date()) if self.has_end.isChecked() else None,
            user_id=self.user.currentData(),
            post_id=self.post.currentData(),
            notes=self.notes.toPlainText(),
            line_ids=lines,
        )

    def save(self) -> None:
        db, actor, agent = self.state.db, self.state.actor, self.agent
        if agent is None:
            saved = attempt(self, lambda: agents.create_agent(db, actor, self.data()))
        else:
            saved = attempt(
                self, lambda: agents.update_agent(db, actor, agent.id, agent.version, self.data())
            )
        if saved is not None:
            self.saved = saved
            self.accept()
