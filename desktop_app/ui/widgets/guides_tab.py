"""The training page's guides tab: the library, what is out of date, and who has read what (C8.3).

An agent (no READ_ALL) sees the library only and acknowledges the current version for themself.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop_app.i18n import localized_name
from desktop_app.services import agents, guides
from desktop_app.services.agents_common import topic_label
from desktop_app.services.guides import GuideRow
from desktop_app.services.permissions import Perm
from desktop_app.ui.dialogs.guide_dialog import GuideDialog
from desktop_app.ui.dialogs.reading_sheet_dialog import ReadingSheetDialog
from desktop_app.ui.formatting import format_date, local
from desktop_app.ui.messages import attempt, attempt_done, show_info
from desktop_app.ui.state import AppState
from desktop_app.ui.widgets.agents_fields import (
    fill_table,
    mark,
    select_row,
    selected_data,
)
from desktop_app.ui.widgets.table_cells import cell
from desktop_app.ui.widgets.tables import read_only_table


class GuidesTab(QWidget):
    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        actor = state.actor
        self.can_edit = actor.can(Perm.EDIT_TRAINING)
        self.can_read_all = actor.can(Perm.READ_ALL)
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.new_button = QPushButton(self.tr("New guide…"))
        self.edit_button = QPushButton(self.tr("Edit or new version…"))
        self.save_button = QPushButton(self.tr("Open a copy of the file…"))
        self.ack_button = QPushButton(self.tr("I have read this version"))
        self.mark_button = QPushButton(self.tr("Mark selected agents as having read it…"))
        for b in (self.new_button, self.edit_button, self.mark_button):
            b.setEnabled(self.can_edit)
            b.setVisible(self.can_read_all)
        # Only an account linked to an agent record has readings of its own to record.
        self.own_agent = (
            attempt(self, lambda: agents.my_agent(state.db, actor))
            if actor.can(Perm.ACKNOWLEDGE_GUIDES)
            else None
        )
        self.ack_button.setEnabled(self.own_agent is not None)
        if actor.can(Perm.ACKNOWLEDGE_GUIDES) and self.own_agent is None:
            self.ack_button.setToolTip(
                self.tr("Your account is not linked to an agent; ask HR to link it.")
            )
        for b in (self.new_button, self.edit_button, self.save_button, self.ack_button):
            bar.addWidget(b)
        bar.addStretch(1)
        self.outdated_only = QCheckBox(self.tr("Out of date only"))
        self.unread_only = QCheckBox(self.tr("Not read by everyone"))
        bar.addWidget(self.outdated_only)
        bar.addWidget(self.unread_only)
        layout.addLayout(bar)
        split = QSplitter(Qt.Orientation.Vertical)
        self.table = read_only_table(
            [
                self.tr("Title"),
                self.tr("Kind"),
                self.tr("Topic"),
                self.tr("Version"),
                self.tr("Next review"),
                self.tr("Status"),
                self.tr("Read"),
                self.tr("File"),
            ]
        )
        split.addWidget(self.table)
        readers_box = QWidget()
        readers_layout = QVBoxLayout(readers_box)
        readers_layout.setContentsMargins(0, 0, 0, 0)
        self.readers = read_only_table(
            [self.tr("Agent"), self.tr("Read the current version"), self.tr("Last version read")]
        )
        self.readers.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        readers_layout.addWidget(self.readers)
        mark_row = QHBoxLayout()
        mark_row.addStretch(1)
        mark_row.addWidget(self.mark_button)
        readers_layout.addLayout(mark_row)
        split.addWidget(readers_box)
        readers_box.setVisible(self.can_read_all)
        split.setSizes([300, 220])
        layout.addWidget(split, 1)
        self.new_button.clicked.connect(self.new_guide)
        self.edit_button.clicked.connect(self.edit_guide)
        self.table.doubleClicked.connect(self.edit_guide)
        self.save_button.clicked.connect(self.save_file)
        self.ack_button.clicked.connect(self.acknowledge)
        self.mark_button.clicked.connect(self.mark_read)
        self.outdated_only.toggled.connect(self.refresh)
        self.unread_only.toggled.connect(self.refresh)
        self.table.itemSelectionChanged.connect(self.show_readers)
        self.refresh()

    def refresh(self) -> None:
        today = date.today()
        rows = (
            attempt(self, lambda: guides.list_guides(self.state.db, self.state.actor, today)) or []
        )
        if self.outdated_only.isChecked():
            rows = [g for g in rows if g.outdated]
        if self.unread_only.isChecked():
            rows = [g for g in rows if g.not_acknowledged > 0]
        self._rows = rows
        fill_table(
            self.table,
            [
                [
                    g.title,
                    guides.kind_label(g.kind),
                    topic_label(g.topic),
                    g.doc_version,
                    format_date(g.next_review_on),
                    self.tr("Out of date") if g.outdated else self.tr("Current"),
                    self.tr("{n} of {m}").format(n=g.acknowledged, m=g.active_agents),
                    g.file_name or "",
                ]
                for g in rows
            ],
            data=[g.id for g in rows],
        )
        for i, g in enumerate(rows):
            if g.outdated:
                mark(i, self.table, "#b00020")
        if rows:
            select_row(self.table, 0)
        self.show_readers()

    def selected(self) -> GuideRow | None:
        guide_id = selected_data(self.table)
        return next((g for g in self._rows if g.id == guide_id), None)

    def show_readers(self) -> None:
        guide = self.selected()
        if guide is None or not self.can_read_all:
            fill_table(self.readers, [])
            return
        rows = (
            attempt(
                self,
                lambda: guides.readers(self.state.db, self.state.actor, guide.id, date.today()),
            )
            or []
        )
        fill_table(
            self.readers,
            [
                [
                    localized_name(r.name_ar, r.name_fr, self.state.lang),
                    format_date(local(r.acknowledged_at))
                    if r.acknowledged_at
                    else self.tr("Not yet"),
                    r.last_version or "",
                ]
                for r in rows
            ],
            data=[r.agent_id for r in rows],
        )
        for i, r in enumerate(rows):
            if r.acknowledged_at is None:
                mark(i, self.readers, "#b00020")

    def new_guide(self) -> None:
        if GuideDialog(self.state, parent=self).exec():
            self.refresh()

    def edit_guide(self) -> None:
        guide = self.selected()
        if (
            guide is not None
            and self.can_edit
            and GuideDialog(self.state, guide, parent=self).exec()
        ):
            self.refresh()

    def save_file(self) -> None:
        guide = self.selected()
        if guide is None or not guide.file_name:
            return
        file = attempt(
            self, lambda: guides.get_guide_file(self.state.db, self.state.actor, guide.id)
        )
        if file is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the guide"), file.name)
        if path:
            attempt(self, lambda: Path(path).write_bytes(file.data))

    def acknowledge(self) -> None:
        guide = self.selected()
        if guide is None:
            return
        ok = attempt_done(
            self,
            lambda: guides.acknowledge(
                self.state.db, self.state.actor, guide.id, doc_version=guide.doc_version
            ),
        )
        if ok:
            show_info(
                self,
                self.tr("Recorded: you have read version {version} of {title}.").format(
                    version=guide.doc_version, title=guide.title
                ),
            )
            self.refresh()

    def mark_read(self) -> None:
        guide = self.selected()
        if guide is None:
            return
        ids = []
        for index in self.readers.selectionModel().selectedRows():
            ids.append(int(cell(self.readers, index.row(), 0).data(Qt.ItemDataRole.UserRole)))
        if not ids:
            show_info(self, self.tr("Select in the list the agents who signed the reading sheet."))
            return
        if ReadingSheetDialog(self.state, guide, ids, parent=self).exec():
            self.refresh()

    def apply_filter(self, outdated: bool = False, unread: bool = False) -> None:
        self.outdated_only.setChecked(outdated)
        self.unread_only.setChecked(unread)
        self.refresh()
