"""Writing text that came from people into a workbook as text, never as a formula.

openpyxl stores any string starting with "=" as a live formula (measured, DESIGN.md), so text from
citizens, agents or imports goes through these helpers. Text beginning with = + - @ also gets
Excel's quotePrefix style (the leading apostrophe Excel shows), so that a person who edits the
cell and saves it again in Excel keeps it text, not a formula (issue 16 point 9).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # openpyxl loads with the file being written, not with this module
    from openpyxl.cell.cell import Cell

FORMULA_STARTS = ("=", "+", "-", "@")


def _inert(cell: Cell, text: str) -> None:
    cell.data_type = "s"
    if text.startswith(FORMULA_STARTS):
        cell.quotePrefix = True


def set_text(cell: Cell, value: object) -> Cell:
    """Assign user text to a normal-mode cell and force its type to string."""
    text = "" if value is None else str(value)
    cell.value = text
    _inert(cell, text)
    return cell
