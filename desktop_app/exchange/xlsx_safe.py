"""Writing text that came from people into a workbook as text, never as a formula.

openpyxl stores any string starting with "=" as a live formula (measured, DESIGN.md), so text from
citizens, agents or imports goes through these helpers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # openpyxl loads with the file being written, not with this module
    from openpyxl.cell.cell import Cell


def set_text(cell: Cell, value: object) -> Cell:
    """Assign user text to a normal-mode cell and force its type to string."""
    cell.value = "" if value is None else str(value)
    cell.data_type = "s"
    return cell
