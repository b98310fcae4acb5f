"""The one way to read back a QTableWidget cell that the widget itself filled."""

from __future__ import annotations

from PySide6.QtWidgets import QTableWidget, QTableWidgetItem


def cell(table: QTableWidget, row: int, column: int) -> QTableWidgetItem:
    """The item at (row, column), for tables that fill every cell they show: Qt answers None for an
    empty cell, which there would be a bug, so it fails here by name rather than later on None."""
    item = table.item(row, column)
    if item is None:
        raise LookupError(f"no item at row {row}, column {column} of {table.objectName()!r}")
    return item
