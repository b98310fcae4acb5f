"""The audit trail, newest first, paged by id."""

from __future__ import annotations

from collections.abc import Sequence

from desktop_app.services import audit
from desktop_app.services.audit import AuditFilter, AuditRow
from desktop_app.ui.formatting import format_datetime
from desktop_app.ui.models.keyset_table_model import KeysetTableModel
from desktop_app.ui.state import AppState


class AuditTableModel(KeysetTableModel[AuditRow]):
    def __init__(self, state: AppState, parent: object = None) -> None:
        super().__init__(parent)
        self.state = state
        self.filter = AuditFilter()

    def headers(self) -> Sequence[str]:
        return (self.tr("When"), self.tr("Who"), self.tr("Action"), self.tr("Record"),
                self.tr("Id"))  # fmt: skip

    def fetch_after(self, last: AuditRow | None, limit: int) -> list[AuditRow]:
        return audit.audit_page(self.state.db, self.state.actor, self.filter,
                                before_id=last.id if last else None, limit=limit)  # fmt: skip

    def display(self, row: AuditRow, column: int) -> str:
        values = (format_datetime(row.at), row.username, audit.action_label(row.action),
                  audit.entity_label(row.entity), row.entity_id)  # fmt: skip
        return values[column]
