"""Qt's row and header plumbing shared by the two list models: rows held in `_rows`, titles
from `headers()` translated once, the rest (`extra_data`) said by each subclass."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Row = TypeVar("Row")
Index = QModelIndex | QPersistentModelIndex


class ListTableModel(QAbstractTableModel, Generic[Row]):
    """The base of KeysetTableModel (paged as you scroll) and RowsTableModel (a short list):
    neither repeats Qt's row count, column count and header answers."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Row] = []
        self._titles_cache: tuple[str, ...] | None = None

    def headers(self) -> Sequence[str]:
        raise NotImplementedError

    def extra_data(self, row: Row, column: int, role: int) -> Any:
        """Colours, alignment, tooltips; None lets Qt decide."""
        return None

    def row_at(self, row: int) -> Row | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

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
