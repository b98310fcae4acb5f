"""The printed layout of the evaluation workbook, checked on the renderer itself (C8.7)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from openpyxl import Workbook

from desktop_app.exchange.excel_report import (
    DATETIME_WIDTH,
    MAX_WIDTH,
    KpiRow,
    ReportData,
    build_workbook,
)
from desktop_app.services.periods import parse_period
from desktop_app.services.report_language import report_language
from desktop_app.services.sections import ChartSpec, ReportSection, ReportTable

pytestmark = pytest.mark.usefixtures("qapp")  # the report's translator needs an application
Q3 = parse_period("2026-Q3")
AT = datetime(2026, 8, 1, 9, 30, tzinfo=UTC)


def _book(lang: str, tables: list[ReportTable]) -> Workbook:
    with report_language(lang) as lang:
        data = ReportData(
            lang=lang, body_name="Body", period=Q3, previous=Q3.previous(), clock="48 h",
            generated_by="Director", generated_at=AT,
            kpis=[KpiRow("req_on_time_pct", "On time (%)", 90.0, 95.0, 80.0)],
            sections=[ReportSection("requests", "Requests", tables)],
        )  # fmt: skip
        return build_workbook(data)


def test_date_columns_are_wide_enough_and_long_text_wraps_c8_7() -> None:
    long = "A subject a citizen wrote at great length, far wider than any sensible column. " * 2
    table = ReportTable("Overdue", ["Ref", "Received", "Subject", "First response"],
                        [["R-1", AT, long, AT]])  # fmt: skip
    ws = _book("fr", [table])["Requests"]
    assert ws.column_dimensions["B"].width >= DATETIME_WIDTH >= 17
    assert ws.column_dimensions["D"].width >= 17
    assert ws.column_dimensions["C"].width <= MAX_WIDTH
    subject = ws["C6"]
    assert subject.value == long and subject.alignment.wrap_text
    assert ws.row_dimensions[6].height >= 4 * 15  # room for every wrapped line


def test_table_headings_and_notes_span_the_table_c8_7() -> None:
    table = ReportTable("Requests overdue at the end of the period, with a long title",
                        ["A", "B", "C"], [[1, 2, 3]], note="Overdue (C2.1).")  # fmt: skip
    ws = _book("fr", [table])["Requests"]
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert "A4:C4" in merged and "A5:C5" in merged
    assert ws["A4"].alignment.wrap_text


def test_a_table_that_does_not_fit_starts_on_a_new_page_with_its_heading_c8_7() -> None:
    rows = [[f"row {i}", i] for i in range(20)]
    tables = [ReportTable(f"Table {n}", ["Name", "Count"], rows) for n in range(3)]
    ws = _book("fr", tables)["Requests"]
    breaks = [b.id for b in ws.row_breaks.brk]
    assert breaks, "three tables of 20 rows cannot share one landscape page"
    for brk in breaks:  # the row after each break is a table's heading, not a lonely row
        assert str(ws.cell(row=brk + 1, column=1).value).startswith("Table ")


def test_a_table_running_onto_the_next_page_repeats_its_header_row_c8_7() -> None:
    rows = [[f"row {i}", i] for i in range(60)]
    ws = _book("fr", [ReportTable("Long", ["Name", "Count"], rows)])["Requests"]
    headers = [r for r in range(1, ws.max_row + 1) if ws.cell(row=r, column=1).value == "Name"]
    assert len(headers) >= 2
    assert [b.id + 1 for b in ws.row_breaks.brk] == headers[1:]


def test_a_total_row_is_left_out_of_the_chart_c8_7() -> None:
    rows = [["Fax", 1], ["Switchboard", 3], ["Total", 4]]
    chart = ChartSpec("bar", "Lines by kind", 0, [1], total_row=True)
    ws = _book("fr", [ReportTable("Lines", ["Kind", "Lines"], rows, chart=chart)])["Requests"]
    (plotted,) = ws._charts
    ref = plotted.series[0].val.numRef.f
    total_row = next(r for r in range(1, 20) if ws.cell(row=r, column=1).value == "Total")
    assert ref.endswith(f"${total_row - 1}")


def test_arabic_text_cells_read_right_to_left_c8_7() -> None:
    wb = _book("ar", [ReportTable("T", ["A", "B"], [["نص", 1]])])
    for name in ("Summary" if "Summary" in wb.sheetnames else wb.sheetnames[1], "Requests"):
        ws = wb[name]
        texts = [c for row in ws.iter_rows() for c in row if isinstance(c.value, str) and c.value]
        assert texts and all(c.alignment.readingOrder == 2 for c in texts), name


def test_periods_in_headings_read_as_people_say_them_c8_7() -> None:
    from desktop_app.services.sections import month_label, short_period_label

    with report_language("fr"):
        assert short_period_label(Q3) == "T3 2026"
        assert month_label(2026, 7) == "juillet 2026"
    with report_language("ar"):
        assert (
            short_period_label(Q3) == "الثلاثية الثالثة 2026"
        )  # one name for the quarter (issue 14.11)
        assert month_label(2026, 7) == "جويلية 2026"


def test_cover_has_a_real_date_and_a_range_said_once_c8_7() -> None:
    from desktop_app.exchange.excel_report import period_with_days

    ws = _book("fr", [])["Couverture"]
    generated = ws["C12"]
    assert isinstance(generated.value, datetime) and generated.number_format == "dd/mm/yyyy hh:mm"
    assert generated.value == datetime(2026, 8, 1, 10, 30)  # Tunis time, no zone
    with report_language("fr"):
        assert period_with_days(parse_period("2026-07-01..2026-07-15")).count("2026") == 2


def test_summary_prose_is_grammatical_for_one_c8_7() -> None:
    """ "1 étaient en retard", "1 pannes", "من بين 11 مؤشرات": each figure stands as a label."""
    ones = ["req_received", "req_overdue_open_end", "lines_active", "faults_open_end",
            "evals_count", "cdr_calls", "agents_active", "training_sessions"]  # fmt: skip
    for lang, bad in (("fr", ("1 étaient", "1 pannes", "1 sessions", "1 appels")),
                      ("ar", ("1 دورة", "مؤشرات.", "1 أعطال"))):  # fmt: skip
        with report_language(lang) as lang:
            data = ReportData(
                lang=lang, body_name="B", period=Q3, previous=Q3.previous(), clock="48 h",
                generated_by="D", generated_at=AT,
                kpis=[KpiRow(k, k, 1, None, None) for k in ones],
            )  # fmt: skip
            wb = build_workbook(data)
        text = " ".join(str(c.value) for c in wb.worksheets[1]["A"] if c.value)
        assert "1" in text
        assert not [b for b in bad if b in text], (lang, text)


def test_a_range_period_is_said_once_in_the_summary_c8_7() -> None:
    period = parse_period("2026-07-01..2026-07-15")
    with report_language("fr") as lang:
        data = ReportData(lang=lang, body_name="B", period=period, previous=period.previous(),
                          clock="48 h", generated_by="D", generated_at=AT, kpis=[])  # fmt: skip
        wb = build_workbook(data)
    opening = str(wb.worksheets[1]["A4"].value)
    assert opening.count("01/07/2026") == 1 and "Du 01/07" not in opening


def test_a_score_chart_starts_at_zero_c8_7() -> None:
    """The per-agent score chart's axis started at 75 and made small gaps look large (14.12)."""
    rows = [["Agent A", 78.0], ["Agent B", 91.5]]
    chart = ChartSpec("bar", "Mean score per agent", 0, [1])
    ws = _book("ar", [ReportTable("Scores", ["Agent", "Score"], rows, chart=chart)])["Requests"]
    (plotted,) = ws._charts
    assert plotted.y_axis.scaling.min == 0


def test_a_charted_table_that_fits_a_page_is_not_split_before_its_chart_c8_7() -> None:
    """The Arabic report left 22:00 and 23:00 alone on a page before the hourly chart (14.12)."""
    filler = ReportTable("Before", ["A", "B"], [[f"r{i}", i] for i in range(18)])
    hours = [[f"{h:02d}:00", h] for h in range(24)]
    chart = ChartSpec("col", "Calls per hour", 0, [1])
    ws = _book("ar", [filler, ReportTable("Hourly", ["Hour", "Calls"], hours, chart=chart)])[
        "Requests"
    ]
    first = next(r for r in range(1, 200) if ws.cell(row=r, column=1).value == "00:00")
    last = next(r for r in range(1, 200) if ws.cell(row=r, column=1).value == "23:00")
    before = next(r for r in range(1, 200) if "r17" in str(ws.cell(row=r, column=1).value))
    breaks = [b.id for b in ws.row_breaks.brk]
    # The table moves whole to a new page (a manual break between the two tables), rather than
    # running past the page's foot where the printer would cut it.
    assert any(before <= b < first for b in breaks), (breaks, before, first)
    assert not any(first <= b + 1 <= last for b in breaks), (breaks, first, last)
