"""The requests register as a lazily paged table: sorted and filtered in SQL, never loaded whole.

The deadline column shows the state by colour AND by words ("Overdue by 5 h", "3 h left"),
so a colour-blind supervisor or a grey printout loses nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from desktop_app.data.types import utcnow
from desktop_app.services import requests
from desktop_app.services.requests import RequestFilter, RequestRow
from desktop_app.ui.formatting import format_datetime, plain_tooltip
from desktop_app.ui.models.keyset_table_model import KeysetTableModel
from desktop_app.ui.state import AppState

# A first page as read in a worker: its rows, and the clock and warning hours they were stated at.
FirstPage = tuple[list[RequestRow], datetime, float]
COLUMNS = ("reference", "received_at", "channel", "type", "citizen", "subject", "agent",
           "status", "deadline", "internal")  # fmt: skip
# The internal target (issue 12) is shown beside the legal deadline; it is not a sort of the
# register (no index serves it), so a click on its header leaves the order as it is.
UNSORTED = frozenset({"internal"})
STATE_COLOURS = {
    "overdue": ("#fde2e1", "#9b1c1c"),
    "due_soon": ("#fff4d6", "#8a5a00"),
    "on_time": ("#e6f4ea", "#1e6b34"),
    "met": ("#eef2f7", "#2f4f6f"),
    "missed": ("#f7e8f2", "#7a2359"),
    "notice_overdue": ("#fde2e1", "#9b1c1c"),
}


class RequestsTableModel(KeysetTableModel[RequestRow]):
    page_size = 200

    def __init__(self, state: AppState, parent: Any = None) -> None:
        super().__init__(parent)
        self.state = state
        self.filter = RequestFilter()
        self.sort_key = "received_at"
        self.descending = True
        self.now: datetime = utcnow()
        self.warning = 12.0
        # Who reloads after a click on a header: the register page reads on the pool (issue
        # 15.3); a bare model (tests, qtmodeltester) reloads at once.
        self.on_sort: Callable[[], None] | None = None

    def headers(self) -> Sequence[str]:
        return (self.tr("Reference"), self.tr("Received"), self.tr("Channel"), self.tr("Type"),
                self.tr("Citizen"), self.tr("Subject"), self.tr("Agent"), self.tr("Status"),
                self.tr("Legal deadline (48 h)"), self.tr("Internal target"))  # fmt: skip

    def fetch_after(self, last: RequestRow | None, limit: int) -> list[RequestRow]:
        return requests.list_page(self.state.db, self.state.actor, self.filter,
                                  sort=self.sort_key, descending=self.descending, after=last,
                                  limit=limit, now=self.now, lang=self.state.lang)  # fmt: skip

    def reload(self) -> None:
        """The first page is read inside the reset: one signal, and no insert during a reset."""
        self.apply_first(self.filter, self.read_first(self.filter, self.sort_key, self.descending))

    def read_first(self, filt: RequestFilter, sort: str, descending: bool) -> FirstPage:
        """The first page for `filt` in the order `sort`, with the clock and warning window it
        was stated at, touching no widget: the half of reload() the register page runs on the
        pool (issue 15.3), so 100 000 requests never stall the window."""
        now = utcnow()
        warning = requests.warning_hours(self.state.db)
        page = requests.list_page(self.state.db, self.state.actor, filt, sort=sort,
                                  descending=descending, after=None, limit=self.page_size,
                                  now=now, lang=self.state.lang)  # fmt: skip
        return page, now, warning

    def apply_first(self, filt: RequestFilter, first: FirstPage) -> None:
        """Show a first page read by read_first(), on the GUI thread; later pages follow it."""
        page, self.now, self.warning = first
        self.filter = filt
        self.beginResetModel()
        self._rows = page
        self._exhausted = len(page) < self.page_size
        self.endResetModel()

    def tick(self, now: datetime | None = None) -> None:
        """The minute tick: time left and state move on for the rows loaded, without a re-read;
        only the deadline column is announced as changed."""
        self.now = now or utcnow()
        self._rows = [requests.restate(r, self.now, self.warning) for r in self._rows]
        if self._rows:
            column = COLUMNS.index("deadline")
            self.dataChanged.emit(
                self.index(0, column),
                self.index(len(self._rows) - 1, column),
                [
                    Qt.ItemDataRole.DisplayRole,
                    Qt.ItemDataRole.BackgroundRole,
                    Qt.ItemDataRole.ForegroundRole,
                    Qt.ItemDataRole.ToolTipRole,
                ],
            )

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS) or COLUMNS[column] in UNSORTED:
            return
        self.sort_key = COLUMNS[column]
        self.descending = order == Qt.SortOrder.DescendingOrder
        if self.on_sort is not None:
            self.hold()  # no page in the old order is fetched on scroll meanwhile
            self.on_sort()
        else:
            self.reload()

    def deadline_text(self, row: RequestRow) -> str:
        if row.state in ("met", "missed", "notice_overdue"):
            return requests.state_text(row)
        hours = (row.deadline_at - self.now).total_seconds() / 3600
        if row.state == "overdue":
            return self.tr("Overdue by {time}").format(time=self.time_span(-hours))
        if row.state == "due_soon":
            return self.tr("Due soon: {time} left").format(time=self.time_span(hours))
        return self.tr("On time: {time} left").format(time=self.time_span(hours))

    def time_span(self, hours: float) -> str:
        if hours >= 48:
            return self.tr("{days} d {hours} h").format(
                days=int(hours // 24), hours=int(hours % 24)
            )
        if hours >= 1:
            return self.tr("{hours} h").format(hours=int(hours))
        return self.tr("{minutes} min").format(minutes=max(int(hours * 60), 0))

    def display(self, row: RequestRow, column: int) -> str:
        key = COLUMNS[column]
        if key == "reference":
            return row.reference
        if key == "received_at":
            return format_datetime(row.received_at)
        if key == "channel":
            return requests.channel_label(row.channel)
        if key == "type":
            return requests.type_label(row.type)
        if key == "citizen":
            return row.citizen if not row.personal_hidden else self.tr("(restricted)")
        if key == "subject":
            return row.subject
        if key == "agent":
            return row.agent_name(self.state.lang)
        if key == "status":
            return requests.status_label(row.status)
        if key == "internal":
            return self.internal_text(row)
        return self.deadline_text(row)

    def internal_text(self, row: RequestRow) -> str:
        """The body's own target beside the legal deadline: its date, and whether the first
        response met it (never instead of the legal state, C2.1)."""
        target = row.internal_deadline_at or row.deadline_at
        when = format_datetime(target)
        if row.first_response_at is None:
            return when
        met = row.first_response_at <= target
        return self.tr("{when} (met)").format(when=when) if met else self.tr(
            "{when} (missed)").format(when=when)  # fmt: skip

    def extra_data(self, row: RequestRow, column: int, role: int) -> Any:
        if COLUMNS[column] != "deadline":
            if role == Qt.ItemDataRole.ToolTipRole and COLUMNS[column] == "subject":
                return plain_tooltip(row.subject)
            return None
        background, foreground = STATE_COLOURS.get(row.state, ("#ffffff", "#000000"))
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(background))
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor(foreground))
        if role == Qt.ItemDataRole.ToolTipRole:
            text = self.tr("Legal deadline (received + 48 h, C2.1): {when}").format(
                when=format_datetime(row.deadline_at)
            )
            if row.notice_answer_by is not None:
                text += "\n" + self.tr("Answer announced for {when}").format(
                    when=format_datetime(row.notice_answer_by)
                )
            return text
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
