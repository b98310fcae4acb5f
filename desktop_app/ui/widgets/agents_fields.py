"""Small form fields the agents and training screens share: dates, topics, read-only tables."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHeaderView,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from desktop_app.services.agents_common import TOPICS, topic_label
from desktop_app.ui.formatting import bidi_text
from desktop_app.ui.widgets.date_fields import date_edit as shared_date_edit


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def to_date(qdate: QDate) -> date:
    return date(qdate.year(), qdate.month(), qdate.day())


def date_edit(day: date | None = None, parent: QWidget | None = None) -> QDateEdit:
    """dd/MM/yyyy with a calendar pop-up (what Tunisian forms write)."""
    return shared_date_edit(day, parent)


def topic_combo(current: str | None = None, *, with_any: bool = False) -> QComboBox:
    combo = QComboBox()
    if with_any:
        combo.addItem(topic_label(None), None)
    for key in TOPICS:
        combo.addItem(topic_label(key), key)
    index = combo.findData(current)
    combo.setCurrentIndex(max(index, 0))
    return combo


def fit_placeholder(edit: QLineEdit, text: str) -> None:
    """Set a search field's hint and make the field wide enough to show all of it, in the
    language in use (the French and Arabic hints are longer than the English)."""
    edit.setPlaceholderText(text)
    margin = 48 if edit.isClearButtonEnabled() else 24  # frame, padding and the clear button
    edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance(text) + margin)


def fill_table(
    table: QTableWidget,
    rows: Sequence[Sequence[str]],
    stretch: int = 0,
    data: Sequence[object] | None = None,
) -> None:
    """Plain-text cells (never rich text); `data` is kept on each row's first cell. Each cell goes
    through bidi_text as the model tables' cells do: in Arabic an elided address kept its
    trailing '-…' on the wrong side (…-http://…/acces)."""
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, text in enumerate(values):
            item = QTableWidgetItem(bidi_text(text))
            if data is not None and c == 0:
                item.setData(Qt.ItemDataRole.UserRole, data[r])
            table.setItem(r, c, item)
    table.resizeColumnsToContents()
    table.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)


def selected_data(table: QTableWidget) -> object | None:
    rows = table.selectionModel().selectedRows()
    if not rows:
        return None
    item = table.item(rows[0].row(), 0)
    return item.data(Qt.ItemDataRole.UserRole) if item else None


def selected_id(table: QTableWidget) -> int | None:
    """The record id the selected row carries in its first cell (tables filled with ids as data)."""
    value: Any = selected_data(table)  # Qt's item data is any Python object; these rows hold ids
    return None if value is None else int(value)


def mark(item_row: int, table: QTableWidget, color: str) -> None:
    """Tint a row's text (red for what needs action)."""
    from PySide6.QtGui import QBrush, QColor

    for c in range(table.columnCount()):
        item = table.item(item_row, c)
        if item is not None:
            item.setForeground(QBrush(QColor(color)))


def select_row(view: QAbstractItemView, row: int) -> None:
    """Select a whole row through the selection model (QTableView.selectRow does nothing in a
    right-to-left view that has not been shown yet)."""
    from PySide6.QtCore import QItemSelectionModel

    model = view.model()
    if model is None or not 0 <= row < model.rowCount():
        return
    flags = (
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    )
    view.selectionModel().setCurrentIndex(model.index(row, 0), flags)
