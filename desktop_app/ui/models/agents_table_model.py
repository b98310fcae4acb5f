"""The agents list: a body has tens of agents, so the service returns them all at once."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from desktop_app.services import agents
from desktop_app.services.agents import AgentInfo
from desktop_app.ui.state import AppState

Index = QModelIndex | QPersistentModelIndex


class AgentsTableModel(QAbstractTableModel):
    def __init__(self, state: AppState, parent: Any = None) -> None:
        super().__init__(parent)
        self.state = state
        self.search = ""
        self.only_active = True
        self._rows: list[AgentInfo] = []

    def reload(self) -> None:
        self.set_rows(self.read(self.search, self.only_active))

    def read(self, search: str, only_active: bool) -> list[AgentInfo]:
        """The agents found, sorted, touching no widget: the half of reload() the agents page
        runs on the pool (issue 15.3)."""
        day = date.today() if only_active else None
        rows = agents.list_agents(self.state.db, self.state.actor, active_day=day, search=search)
        # Tens of agents: sorted here by the name in the interface's language (Arabic in Arabic).
        return sorted(rows, key=lambda a: a.name(self.state.lang).casefold())

    def set_rows(self, rows: list[AgentInfo]) -> None:
        """Show rows read by read(), on the GUI thread."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def headers(self) -> list[str]:
        return [
            self.tr("Name"),
            self.tr("Staff number"),
            self.tr("Unit"),
            self.tr("Status"),
        ]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers())

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            headers = self.headers()
            return headers[section] if 0 <= section < len(headers) else None
        return section + 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        a = self._rows[index.row()]
        active = a.active_on(date.today())
        if role == Qt.ItemDataRole.DisplayRole:
            status = self.tr("Active") if active else self.tr("Inactive")
            values = (
                a.name(self.state.lang),
                a.staff_number,
                a.unit,
                status,
            )
            return values[index.column()] if 0 <= index.column() < len(values) else None
        if role == Qt.ItemDataRole.ForegroundRole and not active:
            return QBrush(QColor("#888888"))
        if role == Qt.ItemDataRole.UserRole:
            return a.id
        return None

    def row_at(self, row: int) -> AgentInfo | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, agent_id: int) -> int:
        return next((i for i, a in enumerate(self._rows) if a.id == agent_id), -1)
