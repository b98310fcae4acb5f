"""Record a legal or procedural change and tick the agents informed, with the day (C8.5)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QWidget,
)

from desktop_app.i18n import localized_name
from desktop_app.services import legal_updates
from desktop_app.services.legal_updates import UpdateRow
from desktop_app.ui.formatting import format_date
from desktop_app.ui.messages import attempt
from desktop_app.ui.state import AppState
from desktop_app.ui.widgets.agents_fields import date_edit, to_date
from desktop_app.ui.widgets.save_buttons import save_buttons


class LegalUpdateDialog(QDialog):
    def __init__(
        self, state: AppState, update: UpdateRow | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.state = state
        self.update_row = update
        self.setWindowTitle(self.tr("Legal or procedural update"))
        form = QFormLayout(self)
        self.reference = QLineEdit(update.reference if update else "")
        self.reference.setPlaceholderText(self.tr("e.g. Circular no. 8 of 19 March 2020"))
        self.published = date_edit(update.published_on if update else date.today())
        self.summary = QPlainTextEdit(update.summary if update else "")
        self.summary.setFixedHeight(80)
        self.informed_on = date_edit(date.today())
        self.agents = QListWidget()
        today = date.today()
        self._told: dict[int, date] = {}
        rows = (
            attempt(
                self,
                lambda: legal_updates.notices(
                    state.db, state.actor, update.id if update else -1, today
                ),
            )
            or []
        )
        for n in rows:
            name = localized_name(n.name_ar, n.name_fr, state.lang)
            text = (
                name
                if n.informed_on is None
                else self.tr("{name} (informed {date})").format(
                    name=name, date=format_date(n.informed_on)
                )
            )
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, n.agent_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if n.informed_on else Qt.CheckState.Unchecked)
            if n.informed_on:
                self._told[n.agent_id] = n.informed_on
            self.agents.addItem(item)
        form.addRow(self.tr("Reference"), self.reference)
        form.addRow(self.tr("Date of the text"), self.published)
        form.addRow(self.tr("Summary"), self.summary)
        form.addRow(self.tr("Newly ticked agents informed on"), self.informed_on)
        form.addRow(self.tr("Agents informed"), self.agents)
        buttons = save_buttons(self, self.save)
        form.addRow(buttons)
        self.setMinimumWidth(520)

    def informed(self) -> dict[int, date]:
        day = to_date(self.informed_on.date())
        out: dict[int, date] = {}
        for i in range(self.agents.count()):
            item = self.agents.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                agent_id = int(item.data(Qt.ItemDataRole.UserRole))
                out[agent_id] = self._told.get(agent_id, day)
        return out

    def save(self) -> None:
        row = self.update_row
        ok = attempt(
            self,
            lambda: legal_updates.save_update(
                self.state.db,
                self.state.actor,
                row.id if row else None,
                reference=self.reference.text(),
                published_on=to_date(self.published.date()),
                summary=self.summary.toPlainText(),
                informed=self.informed(),
                expected_version=row.version if row else None,
            ),
        )
        if ok is not None:
            self.accept()
