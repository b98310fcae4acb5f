"""The quarterly evaluation workbook (C8.7, CONTRACTS §3): cover, summary, KPIs, areas, action plan.

Every sheet is print-ready (A4 landscape, fit to width, repeated header rows, body and period in the
page header, page N of M in the footer) and right-to-left in Arabic. Text that came from people is
written through xlsx_safe, so nothing a citizen typed can become a formula. The caller makes it in
the report's language (services/report_language.py: a translator of the calling thread only).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from copy import copy
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop_app.exchange.xlsx_print import page_footer
from desktop_app.exchange.xlsx_safe import set_text
from desktop_app.i18n import isolate_latin, translate
from desktop_app.services.kpi_remedies import remedy_for
from desktop_app.services.kpi_status import COLOURS, below_target, status_text
from desktop_app.services.numbers import format_number
from desktop_app.services.periods import TUNIS, period_label, period_with_days
from desktop_app.services.report import KpiRow, ReportData  # noqa: F401 - KpiRow: for callers
from desktop_app.services.sections import ReportSection, ReportTable

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

DATE_FORMAT = "dd/mm/yyyy"
DATETIME_FORMAT = "dd/mm/yyyy hh:mm"
KPI_SHEET = "KPIs"
KPI_HEADERS = ("id", "label", "value", "target", "previous period")
HEADER_FILL = "1F4E79"
# Printed layout. A4 landscape with the margins of new_sheet(): 770 × 487 points of body. Widths are
# in Excel characters (≈ 5.25 pt each + 3.75 pt of padding); heights in points. The paging below is
# an estimate (Excel and LibreOffice measure text slightly differently), so it keeps a margin.
PRINT_WIDTH_PT = 770.0
PRINT_HEIGHT_PT = 487.0 * 0.95
LINE_PT = 15.0
MAX_WIDTH = 30.0
DATETIME_WIDTH = 17.5  # "dd/mm/yyyy hh:mm" with room: never "###"
DATE_WIDTH = 12.0
SUMMARY_WIDTHS = [50.0, 14.0, 14.0, 16.0, 24.0]
AP_WIDTHS = [30.0, 11.0, 11.0, 11.0, 52.0, 40.0, 20.0, 14.0]
SHEET_BUDGET = 175.0  # characters across: printed at ≥ ~80 % of full size
CHART_ROWS = 14  # rows under a table that hold its chart (6.5 cm ≈ 184 pt)
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")


# -- small helpers ---------------------------------------------------------------------------------
def _num(value: float | int | None, lang: str, decimals: int = 1) -> str:
    """A figure inside a sentence, written as the window writes it (services/numbers)."""
    whole = value is not None and float(value).is_integer()
    return format_number(value, lang, 0 if whole else decimals)


def _day(d: date) -> str:
    return d.strftime("%d/%m/%Y")


def kpi_headers() -> tuple[str, ...]:
    """The KPIs sheet's headers in the report's language (English: CONTRACTS §3's names); the
    ids below them and the `kpi_<id>` names stay as they are, for whoever gathers the reports."""
    return (
        translate("excel_report", "id"),
        translate("excel_report", "label"),
        translate("excel_report", "value"),
        translate("excel_report", "target"),
        translate("excel_report", "previous period"),
    )


def _excel_value(value: Any) -> Any:
    """Datetimes become Tunis local time without zone (Excel has none); dates stay dates."""
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(TUNIS)
        return value.replace(tzinfo=None)
    return value


def _safe_sheet_title(title: str, taken: set[str]) -> str:
    base = " ".join(_BAD_SHEET_CHARS.sub(" ", title).split()).strip("'")[:31] or "Sheet"
    name, n = base, 2
    while name.lower() in taken:
        suffix = f" ({n})"
        name, n = base[: 31 - len(suffix)] + suffix, n + 1
    taken.add(name.lower())
    return name


def _as_shown(target: float | None, value: float | int | None) -> float | int | None:
    """A count's target reads as a count ("0", not "0.0")."""
    if target is not None and isinstance(value, int) and float(target).is_integer():
        return int(target)
    return target


def _col(i: int) -> str:
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(i))


def _lines(text: str, width: float) -> int:
    """How many printed lines `text` takes in a wrapped cell `width` characters wide."""
    if not text:
        return 1
    width = max(width, 4.0)
    total = 0
    for part in str(text).split("\n"):
        line, n = 0, 1
        for word in part.split():
            size = len(word) + (1 if line else 0)
            if line and line + size > width:
                n, line = n + 1, len(word)
            else:
                line += size
        total += n + int(line > width)  # a word longer than the cell breaks inside it
    return max(total, 1)


class _Pager:
    """Where the printed page ends, so a table starts on a new page rather than leaving its
    heading alone at the foot of one (manual row breaks; fit to width scales the page)."""

    def __init__(self, ws: Worksheet, widths: list[float], title_rows_pt: float = 45.0) -> None:
        width_pt = sum(w * 5.25 + 3.75 for w in widths)
        scale = min(1.0, PRINT_WIDTH_PT / width_pt) if width_pt else 1.0
        self.ws = ws
        self.capacity = PRINT_HEIGHT_PT / scale - title_rows_pt
        self.used = LINE_PT  # the blank row under the sheet's title

    def add(self, height: float) -> None:
        self.used += height

    def skip(self, rows: int) -> None:
        self.used += rows * LINE_PT

    def need(self, row: int, height: float) -> bool:
        """Break before `row` when `height` more points would not fit; True when it broke."""
        from openpyxl.worksheet.pagebreak import Break

        if self.used > LINE_PT and self.used + height > self.capacity:
            self.ws.row_breaks.append(Break(id=row - 1))
            self.used = 0.0
            return True
        return False


class _Styles:
    """openpyxl style objects, made once per workbook (openpyxl is imported lazily)."""

    def __init__(self, rtl: bool) -> None:
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

        thin = Side(style="thin", color="8C96A0")
        self.border = Border(left=thin, right=thin, top=thin, bottom=thin)
        self.title = Font(size=16, bold=True, color=HEADER_FILL)
        self.big = Font(size=22, bold=True, color=HEADER_FILL)
        self.subtitle = Font(size=12, bold=True, color="3C4650")
        self.bold = Font(bold=True)
        self.muted = Font(italic=True, color="5A6470")
        self.header_font = Font(bold=True, color="FFFFFF")
        self.header_fill = PatternFill("solid", fgColor=HEADER_FILL)
        self.band_fill = PatternFill("solid", fgColor="F2F5F8")
        horizontal = "right" if rtl else "left"
        # readingOrder 2 = right-to-left paragraph: without it LibreOffice lays an Arabic sentence
        # out left-to-right and its full stop and "(%)" land at the wrong end.
        order = 2 if rtl else 0
        self.wrap = Alignment(wrap_text=True, vertical="top", horizontal=horizontal,
                              readingOrder=order)  # fmt: skip
        self.wrap_center = Alignment(wrap_text=True, vertical="center", horizontal="center",
                                     readingOrder=order)  # fmt: skip
        self.number = Alignment(vertical="top", horizontal="center", readingOrder=order)
        self.state_fills = {
            k: (PatternFill("solid", fgColor=bg[1:]), Font(bold=True, color=fg[1:]))
            for k, (bg, fg) in COLOURS.items()
        }


class _Writer:
    def __init__(self, data: ReportData) -> None:
        from openpyxl import Workbook

        self.data = data
        self.rtl = data.lang == "ar"
        self.wb: Workbook = Workbook()
        self.st = _Styles(self.rtl)
        self.taken: set[str] = set()
        self._style_arrays: dict[tuple[Any, ...], Any] = {}

    # -- page set-up shared by every sheet ---------------------------------------------------------
    def new_sheet(self, title: str, widths: list[float], header_rows: str | None = None
                  ) -> Worksheet:  # fmt: skip
        from openpyxl.utils import get_column_letter

        if len(self.wb.worksheets) == 1 and self.wb.active is not None and not self.taken:
            ws = self.wb.active
            ws.title = _safe_sheet_title(title, self.taken)
        else:
            ws = self.wb.create_sheet(_safe_sheet_title(title, self.taken))
        ws.sheet_view.rightToLeft = self.rtl
        ws.sheet_view.showGridLines = False
        for i, w in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(i)].width = w
        setup = ws.page_setup
        setup.orientation = "landscape"
        setup.paperSize = ws.PAPERSIZE_A4
        setup.fitToWidth = 1
        setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.print_options.horizontalCentered = True
        ws.page_margins.left = ws.page_margins.right = 0.5
        ws.page_margins.top = ws.page_margins.bottom = 0.75
        ws.page_margins.header = ws.page_margins.footer = 0.3
        # "&" starts a header code: a body called "A & B" must print as written.
        body = self.data.body_name.replace("&", "&&")
        period = period_label(self.data.period).replace("&", "&&")
        ws.oddHeader.left.text = body
        ws.oddHeader.left.size = 9
        ws.oddHeader.right.text = period
        ws.oddHeader.right.size = 9
        footer = translate("excel_report", "Page {page} of {pages}").format(page="&P", pages="&N")
        ws.oddFooter.center.text = page_footer(footer, rtl=self.rtl)
        ws.oddFooter.center.size = 9
        ws.oddFooter.left.text = "&A"
        ws.oddFooter.left.size = 9
        ws.print_title_rows = header_rows or "1:2"
        return ws

    def styled(self, cell: Any, key: tuple[Any, ...], apply: Callable[[Any], None]) -> Any:
        """`apply(cell)` once per kind of cell: later cells of that kind take its style array.

        openpyxl hashes every Font, Alignment and Border on each assignment to find it among the
        workbook's styles (half the time of writing a year's report); the array of indices a
        cell ends with depends only on the one it started with (a date value brings its own
        number format) and on what `apply` sets, so it is worked out once and copied after.
        """
        full = (key, None if cell._style is None else tuple(cell._style))
        found = self._style_arrays.get(full)
        if found is None:
            apply(cell)
            self._style_arrays[full] = copy(cell._style)
        else:
            cell._style = copy(found)
        return cell

    def text(self, ws: Worksheet, row: int, col: int, value: object, font: Any = None,
             align: Any = None, border: bool = False) -> Any:  # fmt: skip
        cell = set_text(ws.cell(row=row, column=col), value)
        alignment = align or self.st.wrap

        def apply(c: Any) -> None:
            if font is not None:
                c.font = font
            c.alignment = alignment
            if border:
                c.border = self.st.border

        # The style objects live as long as the workbook: their ids name them.
        return self.styled(cell, ("text", id(font), id(alignment), border), apply)

    def value(self, ws: Worksheet, row: int, col: int, value: Any, fmt: str | None = None,
              border: bool = True) -> Any:  # fmt: skip
        """A cell of data: strings as text whatever they start with, numbers and dates as such."""
        if isinstance(value, str):
            # Latin runs isolated in Arabic tables: "Gammarth" no longer runs into "دائرة قمرت".
            text = isolate_latin(value) if self.rtl else value
            return self.text(ws, row, col, text, border=border)
        cell = ws.cell(row=row, column=col, value=_excel_value(value))
        number_format: str | None = None
        if isinstance(value, datetime):
            number_format = fmt or DATETIME_FORMAT
        elif isinstance(value, date):
            number_format = fmt or DATE_FORMAT
        elif fmt:
            number_format = fmt
        elif isinstance(value, float):
            number_format = "0.0"

        def apply(c: Any) -> None:
            if number_format is not None:
                c.number_format = number_format
            c.alignment = self.st.number
            if border:
                c.border = self.st.border

        return self.styled(cell, ("value", number_format, border), apply)

    def header_row(self, ws: Worksheet, row: int, headers: list[str] | tuple[str, ...]) -> None:
        for col, h in enumerate(headers, start=1):
            cell = self.text(ws, row, col, h, font=self.st.header_font,
                             align=self.st.wrap_center, border=True)  # fmt: skip
            cell.fill = self.st.header_fill
        ws.row_dimensions[row].height = 32

    def sheet_title(self, ws: Worksheet, title: str, span: int) -> None:
        self.text(ws, 1, 1, title, font=self.st.title)
        self.text(ws, 2, 1, self.period_line(), font=self.st.muted)
        if span > 1:
            ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=span)
            ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=span)
        ws.row_dimensions[1].height = 26

    def period_line(self) -> str:
        return translate("excel_report", "{body} — {period}").format(
            body=self.data.body_name or translate("excel_report", "Public body"),
            period=period_with_days(self.data.period),
        )

    def state_cell(self, ws: Worksheet, row: int, col: int, state: str) -> None:
        cell = self.text(ws, row, col, status_text(state), align=self.st.wrap_center, border=True)
        fill, font = self.st.state_fills[state]
        cell.fill, cell.font = fill, font

    # -- the sheets --------------------------------------------------------------------------------
    def cover(self) -> None:
        d = self.data
        ws = self.new_sheet(translate("excel_report", "Cover"), [4, 34, 70], "1:1")
        ws.row_dimensions[3].height = 40
        self.text(ws, 3, 2, d.body_name or translate("excel_report", "Public body"),
                  font=self.st.big)  # fmt: skip
        ws.merge_cells("B3:C3")
        self.text(ws, 5, 2, translate("excel_report", "Periodic evaluation of citizen reception"),
                  font=self.st.title)  # fmt: skip
        ws.merge_cells("B5:C5")
        ws.row_dimensions[5].height = 26
        ws.row_dimensions[6].height = 30
        self.text(ws, 6, 2, translate(
            "excel_report",
            "Circular no. 8 of 19 March 2020 (phone reception, C8.7) and circular no. 2 of "
            "3 April 2020 (remote services)",
        ), font=self.st.muted)  # fmt: skip
        ws.merge_cells("B6:C6")
        facts: list[tuple[str, Any]] = [
            (translate("excel_report", "Period"), period_with_days(d.period)),
            (translate("excel_report", "Compared with"), period_with_days(d.previous)),
            (translate("excel_report", "Deadline clock in force"), d.clock),
            (translate("excel_report", "Generated by"), d.generated_by),
            # A real Excel date-time (Tunis local time), in the Tunisian dd/mm/yyyy hh:mm.
            (translate("excel_report", "Generated on"), d.generated_at),
        ]  # fmt: skip
        row = 8
        for label, value in facts:
            self.text(ws, row, 2, label, font=self.st.bold, border=True)
            if isinstance(value, datetime):
                cell = self.value(ws, row, 3, value)
                cell.alignment = self.st.wrap
            else:
                self.text(ws, row, 3, value, border=True)
            row += 1
        row += 2
        self.text(ws, row, 2, translate("excel_report", "The director"), font=self.st.subtitle)
        row += 1
        for label in (translate("excel_report", "Name and title"),
                      translate("excel_report", "Date"),
                      translate("excel_report", "Signature and stamp")):  # fmt: skip
            self.text(ws, row, 2, label, font=self.st.bold, border=True)
            self.text(ws, row, 3, "", border=True)
            ws.row_dimensions[row].height = 60 if label == self.signature_label() else 24
            row += 1

    @staticmethod
    def signature_label() -> str:
        return translate("excel_report", "Signature and stamp")

    def summary(self) -> None:
        d = self.data
        ws = self.new_sheet(translate("excel_report", "Summary"), SUMMARY_WIDTHS, "1:2")
        self.sheet_title(ws, translate("excel_report", "Summary of the evaluation"), 5)
        page = _Pager(ws, SUMMARY_WIDTHS)
        row = 4
        for sentence in self.sentences():
            self.text(ws, row, 1, sentence)
            ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=5)
            height = _lines(sentence, sum(SUMMARY_WIDTHS) * 0.95) * LINE_PT + 2
            ws.row_dimensions[row].height = height
            page.add(height)
            row += 1
        row += 1
        page.skip(1)
        headers = [
            translate("excel_report", "Indicator"), translate("excel_report", "Value"),
            translate("excel_report", "Target"), translate("excel_report", "Previous period"),
            translate("excel_report", "State"),
        ]  # fmt: skip
        head_h = self.header_height(headers, SUMMARY_WIDTHS)
        page.need(row, 24 + head_h + 3 * LINE_PT)  # the heading with the table's first rows
        page.add(self.wide_text(ws, row, translate("excel_report", "Indicators with a target"),
                                5, SUMMARY_WIDTHS, self.st.subtitle))  # fmt: skip
        row += 1
        self.header_row(ws, row, headers)
        page.add(head_h)
        for k in d.kpis:
            if k.target is None:
                continue
            row += 1
            height = self.row_height([k.label], SUMMARY_WIDTHS)
            if page.need(row, height):  # the table goes on: its header row again
                self.header_row(ws, row, headers)
                page.add(head_h)
                row += 1
            self.text(ws, row, 1, k.label, border=True)
            self.value(ws, row, 2, k.value)
            self.value(ws, row, 3, _as_shown(k.target, k.value))
            self.value(ws, row, 4, k.previous)
            self.state_cell(ws, row, 5, k.state)
            ws.row_dimensions[row].height = height
            page.add(height)

    def sentences(self) -> list[str]:
        d, lang = self.data, self.data.lang
        v = {k.id: k.value for k in d.kpis}
        t = {k.id: k.target for k in d.kpis}
        opening = translate(
            "excel_report",
            "This report evaluates citizen reception at {body} for {period}, from {first} to "
            "{last}, as circular no. 8 of 19 March 2020 requires (C8.7). Each figure is compared "
            "with its target and with {previous}.",
        )
        if d.period.kind == "range":  # its name is its days: say them once
            opening = translate(
                "excel_report",
                "This report evaluates citizen reception at {body} from {first} to {last}, as "
                "circular no. 8 of 19 March 2020 requires (C8.7). Each figure is compared with "
                "its target and with the period just before.",
            )
        out = [opening.format(body=d.body_name or translate("excel_report", "the body"),
                 period=period_label(d.period), first=_day(d.period.first_day),
                 last=_day(d.period.last_day), previous=period_label(d.previous))]  # fmt: skip
        with_target = [k for k in d.kpis if k.target is not None and k.value is not None]
        counts = {s: sum(1 for k in with_target if k.state == s) for s in ("good", "watch", "bad")}
        measured = sum(1 for k in d.kpis if k.value is not None)
        out.append(translate(
            "excel_report",
            "Indicators measured: {measured} of {total}. Measured indicators with a target: {n} "
            "— meeting it: {good}; close to it: {watch}; short of it: {bad}. The action plan "
            "sheet proposes a remedy for each indicator short of or close to its target.",
        ).format(measured=measured, total=len(d.kpis), n=len(with_target), good=counts["good"],
                 watch=counts["watch"], bad=counts["bad"]))  # fmt: skip

        def n(key: str) -> str:
            return _num(v.get(key), lang)

        if v.get("req_received") is not None:
            out.append(translate(
                "excel_report",
                "Requests — received: {received}; answered within the deadline: {on_time} % of "
                "those that can be judged (target {target} %); overdue and unanswered at the end "
                "of the period: {overdue}.",
            ).format(received=n("req_received"), on_time=n("req_on_time_pct"),
                     target=_num(t.get("req_on_time_pct"), lang),
                     overdue=n("req_overdue_open_end")))  # fmt: skip
        if v.get("lines_active") is not None:
            out.append(translate(
                "excel_report",
                "Phone lines — in service: {active}; checked during the period: {checked} %; "
                "working at their last check: {working} %; faults still open at the end of the "
                "period: {faults}.",
            ).format(active=n("lines_active"), checked=n("lines_checked_pct"),
                     working=n("lines_working_pct"), faults=n("faults_open_end")))  # fmt: skip
        if v.get("evals_count") is not None:
            out.append(translate(
                "excel_report",
                "Call quality — calls evaluated: {count}; mean score: {score} out of 100; picked "
                "up in time: {pickup} %; naming the body: {named} %.",
            ).format(count=n("evals_count"), score=n("evals_score_avg"),
                     pickup=n("evals_pickup_ok_pct"), named=n("evals_named_body_pct")))  # fmt: skip
        if v.get("cdr_calls") is not None:
            out.append(translate(
                "excel_report",
                "Call traffic — inbound calls recorded: {calls}; answered: {answered} %; busiest "
                "hour: from {hour}:00.",
            ).format(calls=n("cdr_calls"), answered=n("cdr_answered_pct"),
                     hour=n("cdr_peak_hour")))  # fmt: skip
        if v.get("agents_active") is not None:
            out.append(translate(
                "excel_report",
                "Staff and training — reception agents active: {agents}; training sessions held: "
                "{sessions}; person-hours of training: {hours}; agents trained during the period: "
                "{trained} %; trained to serve particular categories of users: {special} %.",
            ).format(agents=n("agents_active"), sessions=n("training_sessions"),
                     hours=n("training_person_hours"), trained=n("agents_trained_pct"),
                     special=n("agents_special_categories_pct")))  # fmt: skip
        return out

    def kpi_sheet(self) -> None:
        from openpyxl.workbook.defined_name import DefinedName

        ws = self.new_sheet(KPI_SHEET, [34, 60, 14, 14, 16], "1:1")
        self.header_row(ws, 1, kpi_headers())
        for row, k in enumerate(self.data.kpis, start=2):
            self.text(ws, row, 1, k.id, border=True)
            self.text(ws, row, 2, k.label, border=True)
            self.value(ws, row, 3, k.value)
            self.value(ws, row, 4, k.target)
            self.value(ws, row, 5, k.previous)
            ref = f"'{KPI_SHEET}'!$C${row}"
            self.wb.defined_names[f"kpi_{k.id}"] = DefinedName(f"kpi_{k.id}", attr_text=ref)
        ws.freeze_panes = "A2"

    def section_sheet(self, section: ReportSection) -> None:
        span = max([len(t.headers) for t in section.tables] + [2])
        widths = self.widths(section.tables, span)
        ws = self.new_sheet(section.title, widths, "1:2")
        self.sheet_title(ws, section.title, span)
        page = _Pager(ws, widths)
        row = 4
        for table in section.tables:
            row = self.table(ws, table, row, span, page) + 2
            page.skip(1)
        if not section.tables:
            self.text(ws, row, 1, translate("excel_report", "Nothing recorded for this period."),
                      font=self.st.muted)  # fmt: skip

    @staticmethod
    def widths(tables: list[ReportTable], span: int) -> list[float]:
        """Column widths that print: dates never show "###", long text wraps at MAX_WIDTH."""
        widths = [10.0] * span
        for table in tables:
            for i, h in enumerate(table.headers):
                longest = max((len(w) for w in str(h).split()), default=0)
                widths[i] = max(widths[i], min(max(len(str(h)) / 2, longest) + 3, MAX_WIDTH))
            for r in table.rows[:200]:
                for i, v in enumerate(r[:span]):
                    if isinstance(v, datetime):
                        size = DATETIME_WIDTH
                    elif isinstance(v, date):
                        size = DATE_WIDTH
                    else:
                        size = min(len(str(v if v is not None else "")) + 3, MAX_WIDTH)
                    widths[i] = max(widths[i], size)
        # A wide sheet prints small (fit to width): lower the widest text columns, which wrap,
        # until the sheet is about a page wide — never below a date's width.
        cap = MAX_WIDTH
        while sum(widths) > SHEET_BUDGET and cap > DATETIME_WIDTH:
            cap -= 0.5
            widths = [min(w, cap) for w in widths]
        return widths

    def wide_text(self, ws: Worksheet, row: int, text: str, span: int, widths: list[float],
                  font: Any) -> float:  # fmt: skip
        """A heading or note over the whole table width, wrapped: never cut at column A."""
        self.text(ws, row, 1, text, font=font)
        if span > 1:
            ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=span)
        size = 1.25 if font is self.st.subtitle else 1.0
        height = _lines(text, sum(widths[:span]) / size) * LINE_PT * size + 3
        ws.row_dimensions[row].height = height
        return height

    def table(self, ws: Worksheet, table: ReportTable, row: int, span: int | None = None,
              page: _Pager | None = None) -> int:  # fmt: skip
        widths = [ws.column_dimensions[_col(i)].width or 10.0 for i in range(1, 60)]
        span = max(span or 1, len(table.headers))
        page = page or _Pager(ws, widths)
        title_h = _lines(table.title, sum(widths[:span]) / 1.25) * LINE_PT * 1.25 + 3
        note_h = _lines(table.note, sum(widths[:span])) * LINE_PT + 3 if table.note else 0.0
        head_h = self.header_height(table.headers, widths)
        row_hs = [self.row_height(r, widths) for r in table.rows] or [LINE_PT]
        chart_h = CHART_ROWS * LINE_PT if table.rows and table.chart is not None else 0.0
        whole = title_h + note_h + head_h + sum(row_hs) + chart_h
        # Keep a heading with its table: the whole table (and chart) when it fits on a page,
        # else at least its header and first rows.
        # A charted table that fits without its chart starts on a page that holds all its rows:
        # the hourly table used to leave 22:00 and 23:00 alone on a page before its chart (14.12).
        table_h = title_h + note_h + head_h + sum(row_hs)
        keep = (whole if whole <= page.capacity
                else table_h if chart_h and table_h <= page.capacity
                else title_h + note_h + head_h + sum(row_hs[:3]))  # fmt: skip
        page.need(row, keep)
        page.add(self.wide_text(ws, row, table.title, span, widths, self.st.subtitle))
        row += 1
        if table.note:
            page.add(self.wide_text(ws, row, table.note, span, widths, self.st.muted))
            row += 1
        self.header_row(ws, row, table.headers)
        ws.row_dimensions[row].height = head_h
        page.add(head_h)
        header = row
        for values, height in zip(table.rows, row_hs, strict=False):
            row += 1
            # A charted table's rows stay contiguous (the chart reads them): no repeated header.
            if page.need(row, height) and table.chart is None:
                # A table running onto the next page shows its column headings again there.
                self.header_row(ws, row, table.headers)
                ws.row_dimensions[row].height = head_h
                page.add(head_h)
                row += 1
            for col, v in enumerate(values, start=1):
                self.value(ws, row, col, v, table.number_formats.get(col - 1))
            ws.row_dimensions[row].height = height
            page.add(height)
        if not table.rows:
            row += 1
            self.text(ws, row, 1, translate("excel_report", "Nothing recorded for this period."),
                      font=self.st.muted)  # fmt: skip
            if span > 1:
                ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=min(span, 6))
            page.add(LINE_PT)
        elif table.chart is not None:
            # A chart is not cut by the page's foot: it moves to the next page whole.
            page.need(row + 2, chart_h)
            row = self.chart(ws, table, header, row)
            page.add(chart_h)
        return row

    @staticmethod
    def header_height(headers: list[str] | tuple[str, ...], widths: list[float]) -> float:
        lines = max((_lines(str(h), widths[i] - 1) for i, h in enumerate(headers)), default=1)
        return max(32.0, lines * LINE_PT + 4)

    @staticmethod
    def row_height(values: list[Any], widths: list[float]) -> float:
        lines = 1
        for i, v in enumerate(values):
            if isinstance(v, str) and i < len(widths):
                lines = max(lines, _lines(v, widths[i] - 1))
        return lines * LINE_PT

    def chart(self, ws: Worksheet, table: ReportTable, header: int, last: int) -> int:
        """A native chart under its table, the width of the printed page."""
        from openpyxl.chart import BarChart, LineChart, PieChart, Reference

        spec = table.chart
        assert spec is not None
        chart: Any
        if spec.kind == "pie":
            chart = PieChart()
        elif spec.kind == "line":
            chart = LineChart()
        else:
            chart = BarChart()
            chart.type = "bar" if spec.kind == "bar" else "col"
        chart.title = spec.title
        if spec.y_title and spec.kind != "pie":
            chart.y_axis.title = spec.y_title
        plotted = last - 1 if spec.total_row and last - 1 > header else last
        for col in spec.value_columns:
            data = Reference(ws, min_col=col + 1, min_row=header, max_row=plotted)
            chart.add_data(data, titles_from_data=True)
        cats = Reference(ws, min_col=spec.category_column + 1, min_row=header + 1,
                         max_row=plotted)  # fmt: skip
        chart.set_categories(cats)
        if spec.kind != "pie" and all(
            not isinstance(v, int | float) or v >= 0
            for values in table.rows
            for i, v in enumerate(values)
            if i in spec.value_columns
        ):
            # From 0: an axis starting at 75 made small differences between agents look large.
            chart.y_axis.scaling.min = 0
        chart.height, chart.width = 6.5, 22
        ws.add_chart(chart, f"A{last + 2}")
        for r in range(last + 1, last + CHART_ROWS + 1):
            ws.row_dimensions[r].height = LINE_PT
        return last + CHART_ROWS

    def action_plan(self) -> None:
        ws = self.new_sheet(translate("excel_report", "Action plan"), AP_WIDTHS, "1:4")
        self.sheet_title(ws, translate("excel_report", "Action plan (C8.7)"), 8)
        self.wide_text(ws, 3, translate(
            "excel_report",
            "Every indicator below its target, with a suggested remedy. Write the solutions "
            "decided, who carries them out and by when, then sign the cover.",
        ), 8, AP_WIDTHS, self.st.muted)  # fmt: skip
        self.header_row(ws, 4, [
            translate("excel_report", "Indicator"), translate("excel_report", "Value"),
            translate("excel_report", "Target"), translate("excel_report", "Previous period"),
            translate("excel_report", "Suggested remedy"),
            translate("excel_report", "Solutions decided by the director"),
            translate("excel_report", "Responsible"), translate("excel_report", "Due date"),
        ])  # fmt: skip
        row = 4
        below = [k for k in self.data.kpis if below_target(k.id, k.value, k.target)]
        for k in below:
            row += 1
            self.text(ws, row, 1, k.label, border=True)
            self.value(ws, row, 2, k.value)
            self.value(ws, row, 3, _as_shown(k.target, k.value))
            self.value(ws, row, 4, k.previous)
            self.text(ws, row, 5, remedy_for(k.id), border=True)
            for col in (6, 7, 8):
                self.text(ws, row, col, "", border=True)
            ws.cell(row=row, column=8).number_format = DATE_FORMAT
            ws.row_dimensions[row].height = 75
        if not below:
            row += 1
            self.text(
                ws,
                row,
                1,
                translate("excel_report", "Every measured indicator meets its target."),
                border=True,
            )
            ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=8)
        row += 2
        self.wide_text(ws, row, translate("excel_report", "Other difficulties found and solutions"),
                       8, AP_WIDTHS, self.st.subtitle)  # fmt: skip
        for _ in range(4):
            row += 1
            for col in range(1, 9):
                self.text(ws, row, col, "", border=True)
            ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=5)
            ws.row_dimensions[row].height = 45

    def build(self) -> Workbook:
        self.cover()
        self.summary()
        self.kpi_sheet()
        for section in self.data.sections:
            self.section_sheet(section)
        self.action_plan()
        self.wb.active = 0
        return self.wb


def build_workbook(data: ReportData) -> Workbook:
    return _Writer(data).build()


def write_workbook(path: Path, data: ReportData) -> None:
    """Write the whole workbook at `path` (the service writes a temporary file, then renames)."""
    build_workbook(data).save(path)
