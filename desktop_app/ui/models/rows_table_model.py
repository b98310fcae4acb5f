"""A read-only table model over a short list already computed by a service (tens of rows).

For lists that can grow large, use KeysetTableModel instead; this one holds summaries: campaigns,
planned calls of one campaign, criteria, traffic per line, the agents, the callers to call back.
A model with more than text (colours, tooltips, an id for the page) subclasses it and says so in
`extra_data`, as keyset models do, instead of repeating Qt's row and header plumbing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from PySide6.QtCore import Qt

from desktop_app.ui.formatting import bidi_text
from desktop_app.ui.models.list_table_model import Index, ListTableModel

Row = TypeVar("Row")
_DISPLAY = Qt.ItemDataRole.DisplayRole


class RowsTableModel(ListTableModel[Row]):
    def __init__(self, headers: Sequence[str], cells: Callable[[Row], Sequence[str]],
                 parent: Any = None, numeric: Sequence[int] = ()) -> None:  # fmt: skip
        super().__init__(parent)
        self._headers = list(headers)
        self._cells = cells
        self._numeric = set(numeric)
        # Each row's texts, written once: `cells` formats a whole row, and a view fitting its
        # columns asks for every cell of its sampled rows again and again (the Calls page's
        # 2 000 lines made 20 000 calls, 0.3 s of the GUI thread, issue 15.3).
        self._texts: dict[int, Sequence[Any]] = {}

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._texts = {}
        self.endResetModel()

    def headers(self) -> Sequence[str]:
        return self._headers

    def extra_data(self, row: Row, column: int, role: int) -> Any:
        """Colours, alignment, tooltips; None lets Qt decide. Numeric columns align right."""
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self._numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Asked for every role of every sampled cell when a view fits its columns (thousands of
        # calls as a page opens): each Qt call and enum lookup is paid once here (issue 15.3).
        r, c = index.row(), index.column()  # -1 for an invalid index
        if not (0 <= r < len(self._rows) and 0 <= c < len(self._titles())):
            return None
        row = self._rows[r]
        if role == _DISPLAY:
            texts = self._texts.get(r)
            if texts is None:
                texts = self._texts[r] = self._cells(row)
            value = texts[c]
            return bidi_text(value) if isinstance(value, str) else value
        return self.extra_data(row, c, role)
