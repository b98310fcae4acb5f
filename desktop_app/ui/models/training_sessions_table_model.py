"""Training sessions, newest first, keyset-paged on (date, id) by the service."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt

from desktop_app.services import training, user_categories
from desktop_app.services.agents_common import topic_label
from desktop_app.services.training import SessionFilter, SessionRow
from desktop_app.ui.formatting import format_date, format_number
from desktop_app.ui.models.keyset_table_model import KeysetTableModel
from desktop_app.ui.state import AppState


class TrainingSessionsTableModel(KeysetTableModel[SessionRow]):
    def __init__(self, state: AppState, parent: object = None) -> None:
        super().__init__(parent)
        self.state = state
        self.filter = SessionFilter()

    def headers(self) -> Sequence[str]:
        return (
            self.tr("Date"),
            self.tr("Title"),
            self.tr("Topic"),
            self.tr("Hours"),
            self.tr("Trainer"),
            self.tr("Mode"),
            self.tr("Attended"),
            self.tr("Material"),
        )

    def fetch_after(self, last: SessionRow | None, limit: int) -> list[SessionRow]:
        after = (last.held_on, last.id) if last else None
        return training.sessions_page(
            self.state.db, self.state.actor, self.filter, after=after, limit=limit
        )

    def read_first(self, filt: SessionFilter) -> list[SessionRow]:
        """The first page for `filt`, touching no widget: what the sessions tab runs on the pool
        (issue 15.3)."""
        return training.sessions_page(
            self.state.db, self.state.actor, filt, after=None, limit=self.page_size
        )

    def apply_first(self, filt: SessionFilter, page: list[SessionRow]) -> None:
        """Show a first page read by read_first(), on the GUI thread; later pages follow it."""
        self.filter = filt
        self.beginResetModel()
        self._rows = page
        self._exhausted = len(page) < self.page_size
        self.endResetModel()

    def display(self, row: SessionRow, column: int) -> str:
        mode = self.tr("Remote") if row.remote else self.tr("On site")
        values = (
            format_date(row.held_on),
            row.title,
            # C8.6: the particular category the session was about, beside its topic
            f"{topic_label(row.topic)} — {user_categories.label(row.user_category)}"
            if row.user_category
            else topic_label(row.topic),
            format_number(row.duration_hours, 1),
            row.trainer,
            mode,
            self.tr("{attended} of {invited}").format(attended=row.attended, invited=row.invited),
            row.material_name or "",
        )
        return values[column]

    def extra_data(self, row: SessionRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (3, 6):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None
