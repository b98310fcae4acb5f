"""The one factory for the window's read-only lists: how a table selects, edits, heads and sizes.

Every page and tab used to repeat the same six calls (whole rows, one at a time, no editing, no row
numbers, which column takes the spare width), each with its own small drift; here they are said
once, and a page names only what differs (the column that stretches, alternating rows). Sorting,
fixed column widths and signals stay with the page: they are about its data, not about lists.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QTableWidget, QWidget

Resize = QHeaderView.ResizeMode
Selection = QAbstractItemView.SelectionMode

WIDTH_SAMPLE_ROWS = 100


def setup_table(
    view: QTableView,
    *,
    stretch: int | None = None,
    stretch_last: bool = False,
    resize: QHeaderView.ResizeMode | None = None,
    alternate: bool = False,
    selection: QAbstractItemView.SelectionMode = Selection.SingleSelection,
) -> None:
    """Whole rows selected (one by default), never edited in place (a dialog edits), no row
    numbers; `resize` for every column, then column `stretch` (or the last) takes the spare room."""
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(selection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.setAlternatingRowColors(alternate)
    header = view.horizontalHeader()
    if resize is not None:
        header.setSectionResizeMode(resize)
    header.setStretchLastSection(stretch_last)
    if stretch is not None:
        header.setSectionResizeMode(stretch, Resize.Stretch)


def table_view(
    model: QAbstractItemModel,
    *,
    stretch: int | None = None,
    stretch_last: bool = False,
    resize: QHeaderView.ResizeMode | None = None,
    alternate: bool = False,
    selection: QAbstractItemView.SelectionMode = Selection.SingleSelection,
) -> QTableView:
    """A list over a model (keyset-paged or a short list of rows), set up as `setup_table` says."""
    view = QTableView()
    view.setModel(model)
    setup_table(view, stretch=stretch, stretch_last=stretch_last, resize=resize,
                alternate=alternate, selection=selection)  # fmt: skip
    return view


def table_widget(
    headers: Sequence[str],
    *,
    stretch: int | None = None,
    stretch_last: bool = False,
    resize: QHeaderView.ResizeMode | None = None,
    alternate: bool = False,
) -> QTableWidget:
    """A list the page fills cell by cell (tens of rows), with these column headers."""
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    setup_table(table, stretch=stretch, stretch_last=stretch_last, resize=resize,
                alternate=alternate)  # fmt: skip
    return table


def read_only_table(headers: Sequence[str], stretch: int = 0) -> QTableWidget:
    """The agents, training and services areas' lists: alternating rows, column `stretch` (the
    name, by default) takes the spare room."""
    return table_widget(headers, stretch=stretch, alternate=True)


def sample_column_widths(page: QWidget) -> None:
    """Column widths fitted to the contents read the first 100 rows, not Qt's default 1 000: at
    2 000 lines or 100 000 requests, fitting a table's columns asked every loaded row for every
    column and blocked the window for a second on each page switch (issue 15.3). Tables a page
    creates later (dialogs) keep Qt's default."""
    for view in page.findChildren(QTableView):
        for header in (view.horizontalHeader(), view.verticalHeader()):
            header.setResizeContentsPrecision(WIDTH_SAMPLE_ROWS)
