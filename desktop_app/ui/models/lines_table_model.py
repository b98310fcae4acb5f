"""The phone-line inventory as a table: sorted and filtered in SQL, paged by keyset (C8.1)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from desktop_app.services import lines
from desktop_app.services.lines import LineFilter, LineRow
from desktop_app.ui.formatting import format_date, format_datetime, format_list, local, ltr
from desktop_app.ui.models.keyset_table_model import KeysetTableModel
from desktop_app.ui.state import AppState

# Column → the service's sort key: every column sorts in SQL, so every sort indicator is true.
SORT_KEYS = (
    "number",
    "kind",
    "label",
    "department",
    "published",
    "status",
    "last_checked_at",
    "answered_by",
)

BAD = QColor("#b3261e")


GOOD = QColor("#1e6b32")
WARN_BG = QColor("#fdecea")


class LinesTableModel(KeysetTableModel[LineRow]):
    def __init__(self, state: AppState, parent: Any = None) -> None:
        super().__init__(parent)
        self.state = state
        self.filter = LineFilter()
        # Who reloads after a click on a header: the inventory tab reads on the pool (issue
        # 15.3); a bare model (tests, qtmodeltester) reloads at once.
        self.on_sort: Callable[[], None] | None = None

    def headers(self) -> Sequence[str]:
        return (
            self.tr("Number"),
            self.tr("Kind"),
            self.tr("Label"),
            self.tr("Department"),
            self.tr("Published on"),
            self.tr("Status"),
            self.tr("Last check"),
            self.tr("Answered by now"),
        )

    def fetch_after(self, last: LineRow | None, limit: int) -> list[LineRow]:
        return lines.lines_page(
            self.state.db, self.state.actor, self.filter, after=last, limit=limit
        )

    def display(self, row: LineRow, column: int) -> str:
        if column == 0:
            shown = f"{row.display}  ({row.extension})" if row.extension else row.display
            return ltr(shown)
        if column == 1:
            return lines.kind_label(row.kind)
        if column == 2:
            return row.label
        if column == 3:
            return row.department
        if column == 4:
            return format_list(
                [lines.publication_label(w) for w in lines.PUBLICATIONS if w in row.published]
            )
        if column == 5:
            status = lines.status_label(row.status)
            if row.open_faults:
                return self.tr("{status} (open faults: {n})").format(
                    status=status, n=row.open_faults
                )
            return status
        if column == 6:
            if row.last_checked_at is None:
                return self.tr("never checked")
            return self.tr("{date}: {result}").format(
                date=format_date(local(row.last_checked_at).date()),
                result=lines.result_label(row.last_check_result),
            )
        if column == 7:
            fwd = row.forwarding
            if fwd is None:
                return ""
            return self.tr("{agent} on {number}").format(
                agent=fwd.agent_name(self.state.lang), number=ltr(fwd.target_display)
            )
        return ""

    def extra_data(self, row: LineRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == 6 and row.working is not None:
                return QBrush(GOOD if row.working else BAD)
            if column == 5 and row.status in ("faulty", "out_of_service"):
                return QBrush(BAD)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 0:
            # Digits read left to right even in an Arabic table.
            return int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeading)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 0:
                return row.number
            if column == 6 and row.last_checked_at is not None:
                return format_datetime(row.last_checked_at)
            if column in (2, 3, 4, 5, 7):
                return self.display(row, column)
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None

    def reload(self) -> None:
        """Fetch first, then reset with the first page in place: no row insertion nested in the
        reset (views and qtmodeltester react to modelReset by fetching), and a failing query
        leaves the old rows showing."""
        self.apply_first(self.filter, self.read_first(self.filter))

    def read_first(self, filt: LineFilter) -> list[LineRow]:
        """The first page for `filt`, touching no widget: the half of reload() that the
        inventory runs on the pool (issue 15.3), so 2 000 lines never stall the window."""
        return lines.lines_page(
            self.state.db, self.state.actor, filt, after=None, limit=self.page_size
        )

    def apply_first(self, filt: LineFilter, page: list[LineRow]) -> None:
        """Show a first page read by read_first(), on the GUI thread; later pages follow it."""
        self.filter = filt
        self.beginResetModel()
        self._rows = page
        self._exhausted = len(page) < self.page_size
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = SORT_KEYS[column] if 0 <= column < len(SORT_KEYS) else None
        if key is None:
            return
        self.filter = replace(
            self.filter,
            sort=key,
            descending=order == Qt.SortOrder.DescendingOrder,
            lang=self.state.lang,
        )
        if self.on_sort is not None:
            self.on_sort()
        else:
            self.reload()
