"""The day's callers to call back as a workbook, for an agent on a forwarded line (C2.4).

An internal working list, not a publication: it holds callers' numbers, so only the roles that
handle calls can write it (services/callbacks.py checks). Every cell is text or a plain count:
numbers stay as dialled (no lost leading 0, no scientific notation), nothing becomes a formula.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from desktop_app.data.db import Database
from desktop_app.exchange.xlsx_print import page_footer
from desktop_app.exchange.xlsx_safe import set_text
from desktop_app.i18n import translate
from desktop_app.services import callbacks
from desktop_app.services.errors import UserError
from desktop_app.services.periods import TUNIS
from desktop_app.services.permissions import Actor


def headers() -> list[str]:
    return [translate("callers_file", "Number"), translate("callers_file", "Line rung"),
            translate("callers_file", "Unanswered calls"), translate("callers_file", "First call"),
            translate("callers_file", "Last call"),
            translate("callers_file", "Call-backs without answer"),
            translate("callers_file", "Called back at"), translate("callers_file", "Outcome"),
            translate("callers_file", "Note")]  # fmt: skip


def write_callers(db: Database, actor: Actor, path: Path, day: date | None = None,
                  line_id: int | None = None, rtl: bool = False,
                  since: date | None = None) -> int:  # fmt: skip
    """Write the callers still to call back (of `day`, or all) to `path`; returns how many. The
    last three columns are left empty for the agent to fill in by hand."""
    from openpyxl import Workbook  # lazily: start-up time (DESIGN.md)
    from openpyxl.styles import Font

    waiting = callbacks.callers(db, actor, day=day, line_id=line_id, since=since)
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = translate("callers_file", "To call back")[:31]
    ws.sheet_view.rightToLeft = rtl
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "1:1"
    ws.oddFooter.center.text = page_footer(translate("callers_file", "Page &P of &N"), rtl=rtl)
    for col, (title, width) in enumerate(zip(headers(), (18, 26, 10, 17, 17, 12, 17, 14, 30),
                                             strict=True), start=1):  # fmt: skip
        set_text(ws.cell(row=1, column=col), title).font = Font(bold=True)
        ws.column_dimensions[ws.cell(row=1, column=col).column_letter].width = width
    for row, c in enumerate(waiting, start=2):
        first, last = (t.astimezone(TUNIS).strftime("%d/%m/%Y %H:%M") for t in (c.first, c.last))
        values = [c.number, ", ".join(c.lines), None, first, last, None, "", "", ""]
        for col, value in enumerate(values, start=1):
            if value is not None:
                set_text(ws.cell(row=row, column=col), value)
        ws.cell(row=row, column=3, value=len(c.tries))
        ws.cell(row=row, column=6, value=len(c.attempts))
    try:
        wb.save(path)
    except OSError as exc:
        raise UserError(translate("callers_file", "Cannot write {path}: {reason}").format(
            path=path, reason=exc.strerror or exc)) from exc  # fmt: skip
    return len(waiting)
