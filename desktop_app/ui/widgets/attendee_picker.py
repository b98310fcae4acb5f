"""Pick a session's attendees fast: tick agents (Space), untick "attended" for absentees, score."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services.agents import AgentInfo
from desktop_app.services.training import Attendee
from desktop_app.ui.widgets.table_cells import cell


class AttendeePicker(QWidget):
    """One row per agent: invited (checkbox with the name), attended (checkbox), score (0–100)."""

    def __init__(self, agents: list[AgentInfo], lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._agents = agents
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Filter by name…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.all_button = QPushButton(self.tr("Tick all shown"))
        self.none_button = QPushButton(self.tr("Untick all"))
        self.all_button.clicked.connect(lambda: self._set_all(True))
        self.none_button.clicked.connect(lambda: self._set_all(False))
        self.count = QLabel()
        bar.addWidget(self.search, 1)
        bar.addWidget(self.all_button)
        bar.addWidget(self.none_button)
        bar.addWidget(self.count)
        layout.addLayout(bar)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Agent"), self.tr("Attended"), self.tr("Score /100")]
        )
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self._lang = lang
        self._fill(agents)
        self.table.itemChanged.connect(lambda _item: self._update_count())
        layout.addWidget(self.table, 1)
        self._update_count()

    def _fill(self, agents: list[AgentInfo]) -> None:
        self._agents = agents
        self.table.blockSignals(True)
        self.table.setRowCount(len(agents))
        for row, agent in enumerate(agents):
            name = QTableWidgetItem(agent.name(self._lang))
            name.setFlags(
                Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsUserCheckable
            )
            name.setCheckState(Qt.CheckState.Unchecked)
            name.setData(Qt.ItemDataRole.UserRole, agent.id)
            attended = QTableWidgetItem()
            attended.setFlags(
                Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsUserCheckable
            )
            attended.setCheckState(Qt.CheckState.Checked)
            score = QTableWidgetItem("")
            self.table.setItem(row, 0, name)
            self.table.setItem(row, 1, attended)
            self.table.setItem(row, 2, score)
        self.table.blockSignals(False)

    def set_agents(self, agents: list[AgentInfo]) -> None:
        """Offer another set of agents (the session's date moved), keeping what was ticked,
        unticked or scored for every agent still offered."""
        if [a.id for a in agents] == [a.id for a in self._agents]:
            return
        kept = self.attendees()
        unticked_absent = {
            int(cell(self.table, row, 0).data(Qt.ItemDataRole.UserRole))
            for row in range(self.table.rowCount())
            if cell(self.table, row, 1).checkState() != Qt.CheckState.Checked
        }
        self._fill(agents)
        for agent_id in unticked_absent:
            row = self._row_of(agent_id)
            if row >= 0:
                cell(self.table, row, 1).setCheckState(Qt.CheckState.Unchecked)
        self.set_attendees(kept)
        self._filter(self.search.text())
        self._update_count()

    def offered_ids(self) -> list[int]:
        return [a.id for a in self._agents]

    def _filter(self, text: str) -> None:
        needle = text.strip().lower()
        for row in range(self.table.rowCount()):
            name = cell(self.table, row, 0).text().lower()
            self.table.setRowHidden(row, bool(needle) and needle not in name)

    def _set_all(self, on: bool) -> None:
        state = Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        for row in range(self.table.rowCount()):
            if not self.table.isRowHidden(row) or not on:
                cell(self.table, row, 0).setCheckState(state)

    def _update_count(self) -> None:
        self.count.setText(self.tr("%n selected", None, len(self.attendees())))

    def _row_of(self, agent_id: int) -> int:
        for row in range(self.table.rowCount()):
            if cell(self.table, row, 0).data(Qt.ItemDataRole.UserRole) == agent_id:
                return row
        return -1

    def set_attendees(self, attendees: list[Attendee]) -> None:
        for a in attendees:
            row = self._row_of(a.agent_id)
            if row < 0:
                continue
            cell(self.table, row, 0).setCheckState(Qt.CheckState.Checked)
            cell(self.table, row, 1).setCheckState(
                Qt.CheckState.Checked if a.attended else Qt.CheckState.Unchecked
            )
            cell(self.table, row, 2).setText("" if a.score is None else f"{a.score:g}")

    def select(self, agent_ids: list[int]) -> None:
        self.set_attendees([Attendee(a) for a in agent_ids])

    def attendees(self) -> list[Attendee]:
        """The ticked agents; a score that is not a number is returned as -1 (refused later)."""
        out = []
        for row in range(self.table.rowCount()):
            name = cell(self.table, row, 0)
            if name is None or name.checkState() != Qt.CheckState.Checked:
                continue
            attended = cell(self.table, row, 1).checkState() == Qt.CheckState.Checked
            text = cell(self.table, row, 2).text().strip().replace(",", ".")
            try:
                score = float(text) if text else None
            except ValueError:
                score = -1.0
            out.append(Attendee(int(name.data(Qt.ItemDataRole.UserRole)), attended, score))
        return out
