"""Record a signed reading sheet (C8.3): the agents who read a guide's current version, on the
day they signed it — not the day HR types it in."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QWidget

from desktop_app.services import guides
from desktop_app.services.guides import GuideRow
from desktop_app.ui.messages import attempt
from desktop_app.ui.state import AppState
from desktop_app.ui.widgets.agents_fields import date_edit, to_date, to_qdate
from desktop_app.ui.widgets.save_buttons import save_buttons


class ReadingSheetDialog(QDialog):
    def __init__(
        self,
        state: AppState,
        guide: GuideRow,
        agent_ids: list[int],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.state = state
        self.guide = guide
        self.agent_ids = agent_ids
        self.recorded: int | None = None
        self.setWindowTitle(self.tr("Signed reading sheet"))
        form = QFormLayout(self)
        title = QLabel(
            self.tr("{title}, version {version}").format(
                title=guide.title, version=guide.doc_version
            )
        )
        title.setTextFormat(Qt.TextFormat.PlainText)
        title.setWordWrap(True)
        form.addRow(self.tr("Guide"), title)
        form.addRow(self.tr("Agents"), QLabel(self.tr("%n selected", None, len(agent_ids))))
        self.signed_on = date_edit(date.today())
        self.signed_on.setMaximumDate(to_qdate(date.today()))
        form.addRow(self.tr("Signed on"), self.signed_on)
        buttons = save_buttons(self, self.save)
        form.addRow(buttons)
        self.setMinimumWidth(420)

    def save(self) -> None:
        day = to_date(self.signed_on.date())
        recorded = attempt(
            self,
            lambda: guides.acknowledge_many(
                self.state.db,
                self.state.actor,
                self.guide.id,
                self.agent_ids,
                acknowledged_on=day,
            ),
        )
        if recorded is not None:
            self.recorded = recorded
            self.accept()
