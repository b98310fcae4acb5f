"""A lazily filled table model over a keyset-paged service query; never loads a table whole.

Subclasses say which columns exist, how a row shows in each, and how to fetch the page after a
given row (the service sorts and filters in SQL). Qt asks for more as the user scrolls.
"""

from __future__ import annotations

from typing import Any, TypeVar

from PySide6.QtCore import QModelIndex, Qt

from desktop_app.ui.formatting import bidi_text
from desktop_app.ui.models.list_table_model import Index, ListTableModel

Row = TypeVar("Row")
_DISPLAY = Qt.ItemDataRole.DisplayRole


class KeysetTableModel(ListTableModel[Row]):
    page_size = 200

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._exhausted = False

    # -- what subclasses provide ---------------------------------------------------------------
    def fetch_after(self, last: Row | None, limit: int) -> list[Row]:
        """The next `limit` rows after `last` (None: from the start), in the model's order."""
        raise NotImplementedError

    def display(self, row: Row, column: int) -> str:
        raise NotImplementedError

    # -- Qt's interface ----------------------------------------------------------------------------
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        r, c = index.row(), index.column()  # -1 for an invalid index; asked thousands of times
        if not (0 <= r < len(self._rows)) or c < 0:
            return None
        row = self._rows[r]
        if role == _DISPLAY:
            return bidi_text(self.display(row, c))
        return self.extra_data(row, c, role)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._exhausted:
            return
        last = self._rows[-1] if self._rows else None
        page = self.fetch_after(last, self.page_size)
        if len(page) < self.page_size:
            self._exhausted = True
        if page:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()

    # -- for pages ---------------------------------------------------------------------------------
    def reload(self) -> None:
        """Start again from the first page (after a filter or sort change, or an edit)."""
        self.beginResetModel()
        self._rows = []
        self._exhausted = False
        self.endResetModel()
        self.fetchMore()

    def hold(self) -> None:
        """Fetch nothing until the page shows a first page (reload(), or the model's
        apply_first() with one read on the pool, issue 15.3): a view would otherwise fetch the
        first page itself, on the GUI thread, the moment it is given the empty model."""
        self._exhausted = True
