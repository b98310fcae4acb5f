"""The training page's legal updates tab: texts that changed and who was told when (C8.5)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QSplitter, QVBoxLayout, QWidget

from desktop_app.i18n import localized_name
from desktop_app.services import legal_updates
from desktop_app.services.permissions import Perm
from desktop_app.ui.dialogs.legal_update_dialog import LegalUpdateDialog
from desktop_app.ui.formatting import format_date
from desktop_app.ui.messages import attempt
from desktop_app.ui.state import AppState
from desktop_app.ui.widgets.agents_fields import (
    fill_table,
    mark,
    select_row,
    selected_data,
    selected_id,
)
from desktop_app.ui.widgets.tables import read_only_table


class LegalUpdatesTab(QWidget):
    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.new_button = QPushButton(self.tr("New update…"))
        self.edit_button = QPushButton(self.tr("Edit, tick agents informed…"))
        for b in (self.new_button, self.edit_button):
            b.setEnabled(state.actor.can(Perm.EDIT_TRAINING))
            bar.addWidget(b)
        bar.addStretch(1)
        layout.addLayout(bar)
        split = QSplitter(Qt.Orientation.Vertical)
        self.table = read_only_table(
            [self.tr("Date"), self.tr("Reference"), self.tr("Summary"), self.tr("Informed")],
            stretch=2,
        )
        self.notices = read_only_table([self.tr("Agent"), self.tr("Informed on")])
        split.addWidget(self.table)
        split.addWidget(self.notices)
        split.setSizes([300, 200])
        layout.addWidget(split, 1)
        self.new_button.clicked.connect(self.new_update)
        self.edit_button.clicked.connect(self.edit_update)
        self.table.doubleClicked.connect(self.edit_update)
        self.table.itemSelectionChanged.connect(self.show_notices)
        self.refresh()

    def refresh(self) -> None:
        rows = (
            attempt(
                self,
                lambda: legal_updates.list_updates(self.state.db, self.state.actor, date.today()),
            )
            or []
        )
        self._rows = rows
        fill_table(
            self.table,
            [
                [
                    format_date(r.published_on),
                    r.reference,
                    r.summary.replace("\n", " "),
                    self.tr("{n} of {m}").format(n=r.informed, m=r.active_agents),
                ]
                for r in rows
            ],
            stretch=2,
            data=[r.id for r in rows],
        )
        for i, r in enumerate(rows):
            if r.informed < r.active_agents:
                mark(i, self.table, "#b00020")
        if rows:
            select_row(self.table, 0)
        self.show_notices()

    def show_notices(self) -> None:
        update_id = selected_id(self.table)
        if update_id is None:
            fill_table(self.notices, [])
            return
        rows = (
            attempt(
                self,
                lambda: legal_updates.notices(
                    self.state.db, self.state.actor, update_id, date.today()
                ),
            )
            or []
        )
        fill_table(
            self.notices,
            [
                [
                    localized_name(n.name_ar, n.name_fr, self.state.lang),
                    format_date(n.informed_on) if n.informed_on else self.tr("Not informed"),
                ]
                for n in rows
            ],
        )
        for i, n in enumerate(rows):
            if n.informed_on is None:
                mark(i, self.notices, "#b00020")

    def new_update(self) -> None:
        if LegalUpdateDialog(self.state, parent=self).exec():
            self.refresh()

    def edit_update(self) -> None:
        update_id = selected_data(self.table)
        row = next((r for r in self._rows if r.id == update_id), None)
        if row is None or not self.state.actor.can(Perm.EDIT_TRAINING):
            return
        if LegalUpdateDialog(self.state, row, parent=self).exec():
            self.refresh()
