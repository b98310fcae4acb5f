"""The one table factory (issue 15.4): every list selects whole rows, edits nothing in place."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget
from pytestqt.qtbot import QtBot

from desktop_app.ui.models.rows_table_model import RowsTableModel
from desktop_app.ui.widgets.tables import (
    WIDTH_SAMPLE_ROWS,
    Resize,
    Selection,
    read_only_table,
    sample_column_widths,
    table_view,
    table_widget,
)

pytestmark = pytest.mark.gui


def test_a_view_selects_one_whole_row_and_stretches_the_column_it_names(qtbot: QtBot) -> None:
    model: RowsTableModel[tuple[str, str]] = RowsTableModel(["A", "B"], lambda r: r)
    view = table_view(model, resize=Resize.ResizeToContents, stretch=1)
    qtbot.addWidget(view)
    assert view.model() is model
    assert view.selectionBehavior() == QAbstractItemView.SelectionBehavior.SelectRows
    assert view.selectionMode() == QAbstractItemView.SelectionMode.SingleSelection
    assert view.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
    assert view.verticalHeader().isHidden()
    assert not view.alternatingRowColors()
    header = view.horizontalHeader()
    assert header.sectionResizeMode(0) == QHeaderView.ResizeMode.ResizeToContents
    assert header.sectionResizeMode(1) == QHeaderView.ResizeMode.Stretch
    assert not header.stretchLastSection()


def test_a_view_may_allow_several_rows(qtbot: QtBot) -> None:
    model: RowsTableModel[tuple[str]] = RowsTableModel(["A"], lambda r: r)
    view = table_view(model, selection=Selection.ExtendedSelection, stretch_last=True)
    qtbot.addWidget(view)
    assert view.selectionMode() == QAbstractItemView.SelectionMode.ExtendedSelection
    assert view.horizontalHeader().stretchLastSection()


def test_a_widget_table_has_its_headers_and_cannot_be_edited(qtbot: QtBot) -> None:
    table = table_widget(["When", "Who"], stretch_last=True, alternate=True)
    qtbot.addWidget(table)
    model = table.model()
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["When", "Who"]
    assert table.rowCount() == 0
    assert table.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
    assert table.alternatingRowColors()
    assert table.horizontalHeader().stretchLastSection()


def test_the_agents_area_lists_alternate_and_stretch_the_first_column(qtbot: QtBot) -> None:
    table = read_only_table(["Name", "Unit", "Status"])
    qtbot.addWidget(table)
    assert table.alternatingRowColors()
    assert table.horizontalHeader().sectionResizeMode(0) == QHeaderView.ResizeMode.Stretch
    assert table.horizontalHeader().sectionResizeMode(1) == QHeaderView.ResizeMode.Interactive


def test_column_widths_are_sampled_on_every_table_of_a_page(qtbot: QtBot) -> None:
    page = QWidget()
    qtbot.addWidget(page)
    inner = QTableView(page)
    table_widget(["A"]).setParent(page)
    sample_column_widths(page)
    for view in page.findChildren(QTableView):
        assert view.horizontalHeader().resizeContentsPrecision() == WIDTH_SAMPLE_ROWS
    assert inner.verticalHeader().resizeContentsPrecision() == WIDTH_SAMPLE_ROWS


class _CountingTitles(RowsTableModel[tuple[str, str]]):
    """Counts how often its column titles are made (translated, in the real models)."""

    asked = 0

    def headers(self) -> tuple[str, str]:
        type(self).asked += 1
        return ("A", "B")


def test_a_model_makes_its_column_titles_once_however_many_cells_are_asked(
    qtbot: QtBot,
) -> None:
    model = _CountingTitles((), lambda r: r)
    model.set_rows([(str(i), "x" * i) for i in range(50)])
    view = table_view(model, resize=Resize.ResizeToContents)
    qtbot.addWidget(view)
    view.resizeColumnsToContents()  # asks every role of every sampled cell
    assert model.headerData(1, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) == "B"
    assert model.data(model.index(3, 0)) == "3" and model.columnCount() == 2
    assert model.data(model.index(3, 5)) is None and model.data(model.index(99, 0)) is None
    assert _CountingTitles.asked == 1
