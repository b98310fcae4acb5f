"""The training page's sessions tab: sessions with their attendees; new, copy, edit, material."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop_app.i18n import localized_name
from desktop_app.services import training
from desktop_app.services.permissions import Perm
from desktop_app.services.training import SessionFilter, SessionRow
from desktop_app.ui.debounce import debounced
from desktop_app.ui.dialogs.training_session_dialog import TrainingSessionDialog
from desktop_app.ui.formatting import format_number
from desktop_app.ui.messages import attempt
from desktop_app.ui.models.training_sessions_table_model import TrainingSessionsTableModel
from desktop_app.ui.state import AppState
from desktop_app.ui.widgets.agents_fields import (
    fill_table,
    fit_placeholder,
    select_row,
    topic_combo,
)
from desktop_app.ui.widgets.tables import read_only_table, table_view
from desktop_app.ui.workers import query, query_pending


class TrainingSessionsTab(QWidget):
    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        can_edit = state.actor.can(Perm.EDIT_TRAINING)
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.new_button = QPushButton(self.tr("New session…"))
        self.new_button.setToolTip(self.tr("Ctrl+N"))
        self.copy_button = QPushButton(self.tr("Copy…"))
        self.copy_button.setToolTip(self.tr("Same content for another group or day (Ctrl+D)"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.material_button = QPushButton(self.tr("Save the material…"))
        for b in (self.new_button, self.copy_button, self.edit_button, self.delete_button):
            b.setEnabled(can_edit)
            bar.addWidget(b)
        bar.addWidget(self.material_button)
        bar.addStretch(1)
        self.topic = topic_combo(None, with_any=True)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        fit_placeholder(self.search, self.tr("Search title or trainer…"))
        bar.addWidget(self.topic)
        bar.addWidget(self.search)
        layout.addLayout(bar)
        split = QSplitter(Qt.Orientation.Vertical)
        self.model = TrainingSessionsTableModel(state, self)
        self.model.hold()  # its first page is read on the pool, by refresh()
        self.view = table_view(self.model, alternate=True, stretch=1)
        self.view.doubleClicked.connect(self.edit_session)
        self.attendees = read_only_table(
            [self.tr("Attendee"), self.tr("Attended"), self.tr("Score")]
        )
        split.addWidget(self.view)
        split.addWidget(self.attendees)
        split.setSizes([360, 160])
        layout.addWidget(split, 1)
        self.new_button.clicked.connect(self.new_session)
        self.copy_button.clicked.connect(self.copy_session)
        self.edit_button.clicked.connect(self.edit_session)
        self.delete_button.clicked.connect(self.delete_session)
        self.material_button.clicked.connect(self.save_material)
        self.topic.currentIndexChanged.connect(self.refresh)
        self.search.returnPressed.connect(self.refresh)
        self.search.textChanged.connect(debounced(self, self.refresh))  # once typing pauses
        if can_edit:
            QShortcut(QKeySequence.StandardKey.New, self, self.new_session)
            QShortcut(QKeySequence("Ctrl+D"), self, self.copy_session)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self.show_attendees())
        self.agent_id: int | None = None
        self.refresh()

    @property
    def pending(self) -> bool:
        """A read of the sessions is under way: tests and the screenshot command wait on it."""
        return query_pending(self, "list")

    def refresh(self) -> None:
        """Read the first page of sessions on the pool and show it when it comes (issue 15.3);
        a read overtaken by a newer one (typing on in the search) is dropped."""
        filt = SessionFilter(
            topic=self.topic.currentData() or "", agent_id=self.agent_id, search=self.search.text()
        )
        read_first = self.model.read_first
        query(self, lambda: read_first(filt), lambda page: self._show(filt, page), key="list")

    def _show(self, filt: SessionFilter, page: list[SessionRow]) -> None:
        self.model.apply_first(filt, page)
        self.view.resizeColumnsToContents()
        for column, width in ((2, 190), (4, 190), (7, 180)):
            self.view.setColumnWidth(column, min(self.view.columnWidth(column), width))
        self.view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        if self.model.rowCount():
            select_row(self.view, 0)
        self.show_attendees()

    def selected(self) -> SessionRow | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def show_attendees(self) -> None:
        row = self.selected()
        people = (
            attempt(
                self, lambda: training.session_attendees(self.state.db, self.state.actor, row.id)
            )
            if row
            else []
        ) or []
        yes, no = self.tr("Yes"), self.tr("Absent")
        fill_table(
            self.attendees,
            [
                [
                    localized_name(p.name_ar, p.name_fr, self.state.lang),
                    yes if p.attended else no,
                    format_number(p.score, 0) if p.score is not None else "",
                ]
                for p in people
            ],
        )

    def _run(self, dialog: TrainingSessionDialog) -> None:
        if dialog.exec() == TrainingSessionDialog.DialogCode.Accepted:
            self.refresh()

    def new_session(self) -> None:
        self._run(TrainingSessionDialog(self.state, parent=self))

    def copy_session(self) -> None:
        row = self.selected()
        if row is not None:
            self._run(TrainingSessionDialog(self.state, copy_of=row, parent=self))

    def edit_session(self) -> None:
        row = self.selected()
        if row is not None and self.state.actor.can(Perm.EDIT_TRAINING):
            self._run(TrainingSessionDialog(self.state, row, parent=self))

    def delete_session(self) -> None:
        row = self.selected()
        if row is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete the session"),
            self.tr("Delete “{title}” and its attendance list?").format(title=row.title),
        )
        if answer == QMessageBox.StandardButton.Yes:
            attempt(
                self,
                lambda: training.delete_session(
                    self.state.db, self.state.actor, row.id, row.version
                ),
            )
            self.refresh()

    def save_material(self) -> None:
        row = self.selected()
        if row is None or not row.material_name:
            return
        file = attempt(self, lambda: training.get_material(self.state.db, self.state.actor, row.id))
        if file is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the material"), file.name)
        if path:
            attempt(self, lambda: Path(path).write_bytes(file.data))

    def apply_filter(self, agent_id: int | None = None, topic: str | None = None) -> None:
        self.agent_id = agent_id
        if topic is not None:
            self.topic.setCurrentIndex(max(self.topic.findData(topic), 0))
        self.refresh()
