"""Writing text that came from people into a workbook as text, never as a formula.

openpyxl stores any string starting with "=" as a live formula (measured, DESIGN.md), so text from
citizens, agents or imports goes through these helpers.
"""

from __future__ import annotations

from typing import Any

from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import Cell
from openpyxl.worksheet.worksheet import Worksheet


def set_text(cell: Cell, value: object) -> Cell:
    """Assign user text to a normal-mode cell and force its type to string."""
    cell.value = "" if value is None else str(value)
    cell.data_type = "s"
    return cell


def text_cell(ws: Worksheet, value: object, **style: Any) -> WriteOnlyCell:
    """A write-only-mode cell holding user text as a string."""
    cell = WriteOnlyCell(ws, value="" if value is None else str(value))
    cell.data_type = "s"
    for name, v in style.items():
        setattr(cell, name, v)
    return cell
