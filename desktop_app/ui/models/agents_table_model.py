"""The agents list: a body has tens of agents, so the service returns them all at once."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from desktop_app.services import agents
from desktop_app.services.agents import AgentInfo
from desktop_app.ui.models.rows_table_model import RowsTableModel
from desktop_app.ui.state import AppState


class AgentsTableModel(RowsTableModel[AgentInfo]):
    """Inactive agents greyed; the agent's id under Qt's UserRole for the page's selection."""

    def __init__(self, state: AppState, parent: Any = None) -> None:
        super().__init__((), self._cells, parent)
        self.state = state
        self.search = ""
        self.only_active = True

    def reload(self) -> None:
        self.set_rows(self.read(self.search, self.only_active))

    def read(self, search: str, only_active: bool) -> list[AgentInfo]:
        """The agents found, sorted, touching no widget: the half of reload() the agents page
        runs on the pool (issue 15.3); `set_rows` shows them on the GUI thread."""
        day = date.today() if only_active else None
        rows = agents.list_agents(self.state.db, self.state.actor, active_day=day, search=search)
        # Tens of agents: sorted here by the name in the interface's language (Arabic in Arabic).
        return sorted(rows, key=lambda a: a.name(self.state.lang).casefold())

    def headers(self) -> Sequence[str]:
        return [
            self.tr("Name"),
            self.tr("Staff number"),
            self.tr("Unit"),
            self.tr("Status"),
        ]

    def _cells(self, a: AgentInfo) -> Sequence[str]:
        status = self.tr("Active") if a.active_on(date.today()) else self.tr("Inactive")
        return (a.name(self.state.lang), a.staff_number, a.unit, status)

    def extra_data(self, row: AgentInfo, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and not row.active_on(date.today()):
            return QBrush(QColor("#888888"))
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None

    def row_of(self, agent_id: int) -> int:
        return next((i for i, a in enumerate(self._rows) if a.id == agent_id), -1)
