"""Issue 16 point 9: text beginning with = + - @ is text and carries Excel's quotePrefix, so that
re-saving the workbook in Excel keeps it inert; other text is left without the prefix."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook, load_workbook

from desktop_app.exchange.xlsx_safe import set_text

PAYLOADS = ['=HYPERLINK("http://x","y")', "+216 71 563 500", "-2+3", "@SUM(A1)", "=1+1"]


def test_issue16_formula_like_text_is_written_with_quote_prefix(tmp_path: Path) -> None:
    path = tmp_path / "out.xlsx"
    values = [*PAYLOADS, "Amel Jaziri", "71 563 500"]
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    for row, v in enumerate(values, start=1):
        set_text(ws.cell(row, 1), v)
    wb.save(path)
    back = load_workbook(path).worksheets[0]
    cells = [back.cell(row, 1) for row in range(1, len(values) + 1)]
    assert [c.value for c in cells] == values
    assert all(c.data_type == "s" for c in cells)
    assert [c.quotePrefix for c in cells] == [True] * len(PAYLOADS) + [False, False]
