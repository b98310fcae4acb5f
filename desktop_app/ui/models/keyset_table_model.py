"""A lazily filled table model over a keyset-paged service query; never loads a table whole.

Subclasses say which columns exist, how a row shows in each, and how to fetch the page after a
given row (the service sorts and filters in SQL). Qt asks for more as the user scrolls.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from desktop_app.ui.formatting import bidi_text

Row = TypeVar("Row")
Index = QModelIndex | QPersistentModelIndex
_DISPLAY = Qt.ItemDataRole.DisplayRole


class KeysetTableModel(QAbstractTableModel, Generic[Row]):
    page_size = 200

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Row] = []
        self._exhausted = False
        self._titles_cache: tuple[str, ...] | None = None

    # -- what subclasses provide ---------------------------------------------------------------
    def headers(self) -> Sequence[str]:
        raise NotImplementedError

    def fetch_after(self, last: Row | None, limit: int) -> list[Row]:
        """The next `limit` rows after `last` (None: from the start), in the model's order."""
        raise NotImplementedError

    def display(self, row: Row, column: int) -> str:
        raise NotImplementedError

    def extra_data(self, row: Row, column: int, role: int) -> Any:
        """Colours, alignment, tooltips; None lets Qt decide."""
        return None

    # -- Qt's interface ----------------------------------------------------------------------------
    def _titles(self) -> Sequence[str]:
        """`headers()` translated once per model: Qt asks for the column count with every cell,
        and translating the titles each time was 70 ms of the Agents page's first opening
        (issue 15.3). The window is rebuilt on a language switch, models with it."""
        if self._titles_cache is None:
            self._titles_cache = tuple(self.headers())
        return self._titles_cache

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._titles())

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            headers = self._titles()
            return headers[section] if 0 <= section < len(headers) else None
        return section + 1

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

    def row_at(self, row: int) -> Row | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None
