"""The Reports page (C8.7): choose a period and language, make the workbook, open it, print."""

from __future__ import annotations

import html
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QDate, QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QPageLayout, QTextDocument
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.i18n import LANGUAGES, language_name, translate
from desktop_app.services import report
from desktop_app.services.dashboard import Dashboard, compare
from desktop_app.services.errors import UserError
from desktop_app.services.kpi_status import COLOURS, status_text
from desktop_app.services.numbers import format_number as format_number_in
from desktop_app.services.periods import (
    TUNIS,
    Period,
    month_name,
    parse_period,
    period_label,
    quarter_of,
)
from desktop_app.services.permissions import Perm
from desktop_app.services.progress import Cancelled
from desktop_app.services.report_language import report_language
from desktop_app.ui.formatting import format_date, format_datetime, format_number
from desktop_app.ui.messages import attempt, show_error
from desktop_app.ui.state import AppState
from desktop_app.ui.widgets.agents_fields import select_row
from desktop_app.ui.widgets.date_fields import date_edit
from desktop_app.ui.widgets.page_header import PageHeader
from desktop_app.ui.widgets.tables import Resize, table_widget
from desktop_app.ui.workers import BackgroundTask, run_with_progress


def _figure(value: float | int | None) -> str:
    if value is None:
        return "—"
    return format_number(value, 0 if float(value).is_integer() else 1)


# Rows per printed page (A4 landscape, 10 pt): the table is cut into page-sized tables, each with
# its own header row, because QTextDocument split a row across two pages (the label on one, the
# figures on the next) and printed page 2 without column headers (issue 14.7).
FIRST_PAGE_ROWS = 14
PAGE_ROWS = 20


def summary_html(data: Dashboard, body: str, rtl: bool, texts: dict[str, str],
                 lang: str | None = None) -> str:  # fmt: skip
    """The printable summary. QTextDocument does not mirror table columns for right-to-left
    (DESIGN.md, known traps), so for Arabic the columns are reversed here and aligned right.
    Figures are written in the report's language (`lang`; the window's when not given)."""

    def figure(value: float | int | None) -> str:
        if lang is None:
            return _figure(value)
        whole = value is not None and float(value).is_integer()
        return format_number_in(value, lang, 0 if whole else 1)

    align = "right" if rtl else "left"
    headers = [texts["indicator"], texts["value"], texts["target"], texts["previous"],
               texts["state"]]  # fmt: skip
    rows = []
    for t in data.tiles:
        background, ink = COLOURS[t.state]
        cells = [
            f'<td align="{align}">{html.escape(t.label)}</td>',
            f'<td align="center">{figure(t.value)}</td>',
            f'<td align="center">{figure(t.target)}</td>',
            f'<td align="center">{figure(t.previous)}</td>',
            f'<td align="center" bgcolor="{background}" style="color:{ink}">'
            f"<b>{html.escape(status_text(t.state))}</b></td>",
        ]
        rows.append("<tr>" + "".join(reversed(cells) if rtl else cells) + "</tr>")
    head = [f'<th bgcolor="#1F4E79" style="color:white">{html.escape(h)}</th>' for h in headers]
    head_row = "<tr>" + "".join(reversed(head) if rtl else head) + "</tr>"
    direction = ' dir="rtl"' if rtl else ""
    pages = [rows[:FIRST_PAGE_ROWS]] + [
        rows[i : i + PAGE_ROWS] for i in range(FIRST_PAGE_ROWS, len(rows), PAGE_ROWS)
    ]
    tables = []
    for number, page in enumerate(pages):
        brk = ' style="page-break-before: always"' if number else ""
        tables.append(f'<table width="100%" border="1" cellspacing="0" cellpadding="4"{brk}>'
                      f"<thead>{head_row}</thead>{''.join(page)}</table>")  # fmt: skip
    return (
        f'<html><body{direction} style="font-family: sans-serif; font-size: 10pt">'
        f'<h2 align="{align}">{html.escape(body)}</h2>'
        f'<h3 align="{align}">{html.escape(texts["title"])}</h3>'
        f'<p align="{align}">{html.escape(texts["period"])}</p>'
        f"{''.join(tables)}</body></html>"
    )


class ReportsPage(QWidget):
    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.task: BackgroundTask | None = None
        self.last_result: report.ReportResult | None = None
        outer = QVBoxLayout(self)
        outer.addWidget(PageHeader(
            self.tr("Reports"),
            self.tr("The periodic evaluation of reception (C8.7): an Excel workbook to sign and "
                    "send up, with every indicator, the areas' tables and an action plan."),
        ))  # fmt: skip
        outer.addWidget(self._build_form())
        outer.addWidget(self._build_history(), 1)
        self._kind_changed()
        self.reload_history()

    # -- the form ------------------------------------------------------------------------------
    def _build_form(self) -> QGroupBox:
        box = QGroupBox(self.tr("New report"))
        form = QFormLayout(box)
        today = local_date_now()
        self.kind = QComboBox()
        for key, text in (
            ("quarter", self.tr("Quarter")),
            ("month", self.tr("Month")),
            ("year", self.tr("Year")),
            ("range", self.tr("From … to …")),
        ):
            self.kind.addItem(text, key)  # fmt: skip
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.year = QSpinBox()
        self.year.setRange(2020, 2100)
        self.year.setValue(today.year)
        self.quarter = QComboBox()
        for q in range(1, 5):
            self.quarter.addItem(self.tr("Quarter {q}").format(q=q), q)
        previous = quarter_of(today).previous()
        self.year.setValue(previous.first_day.year)
        self.quarter.setCurrentIndex((previous.first_day.month - 1) // 3)
        self.month = QComboBox()
        for m in range(1, 13):
            self.month.addItem(month_name(m), m)
        self.month.setCurrentIndex(today.month - 1)
        self.first = date_edit(QDate(previous.first_day.year, previous.first_day.month, 1))
        self.last = date_edit(QDate(today.year, today.month, today.day))
        self.when = QHBoxLayout()
        for w in (self.year, self.quarter, self.month, self.first, self.last):
            self.when.addWidget(w)
        self.when.addStretch(1)
        self.language = QComboBox()
        for code in LANGUAGES:
            self.language.addItem(language_name(code), code)
        self.language.setCurrentIndex(LANGUAGES.index(self.state.lang))
        self.out = QLineEdit()
        self.out.setPlaceholderText(self.tr("Where to save the workbook"))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self.choose_file)
        where = QHBoxLayout()
        where.addWidget(self.out, 1)
        where.addWidget(browse)
        self.kind.setMaximumWidth(320)
        self.language.setMaximumWidth(320)
        form.addRow(self.tr("Period"), self.kind)
        form.addRow("", self._wrap(self.when))
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("File"), self._wrap(where))
        buttons = QHBoxLayout()
        self.generate_button = QPushButton(self.tr("Make the report"))
        self.generate_button.setEnabled(self.state.actor.can(Perm.MAKE_REPORTS))
        self.generate_button.clicked.connect(self.generate)
        self.preview_button = QPushButton(self.tr("Print preview of the summary…"))
        self.preview_button.clicked.connect(self.preview)
        self.pdf_button = QPushButton(self.tr("Save the summary as PDF…"))
        self.pdf_button.clicked.connect(self.choose_pdf)
        buttons.addWidget(self.generate_button)
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.pdf_button)
        buttons.addStretch(1)
        form.addRow("", self._wrap(buttons))
        return box

    @staticmethod
    def _wrap(layout: QHBoxLayout) -> QWidget:
        holder = QWidget()
        layout.setContentsMargins(0, 0, 0, 0)
        holder.setLayout(layout)
        return holder

    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        self.quarter.setVisible(kind == "quarter")
        self.month.setVisible(kind == "month")
        self.year.setVisible(kind != "range")
        self.first.setVisible(kind == "range")
        self.last.setVisible(kind == "range")

    def period(self) -> Period:
        kind, year = self.kind.currentData(), self.year.value()
        if kind == "quarter":
            return parse_period(f"{year}-Q{self.quarter.currentData()}")
        if kind == "month":
            return parse_period(f"{year}-{self.month.currentData():02d}")
        if kind == "year":
            return parse_period(str(year))
        first, last = self.first.date(), self.last.date()
        return parse_period(f"{first.toString('yyyy-MM-dd')}..{last.toString('yyyy-MM-dd')}")

    def default_path(self) -> Path:
        folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        ) or str(Path.home())
        name = f"istiqbal-{self.period().text.replace('..', '_')}-{self.language.currentData()}"
        return Path(folder) / f"{name}.xlsx"

    def choose_file(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the report"), str(self.target_path()),
            self.tr("Excel workbook (*.xlsx)"),
        )  # fmt: skip
        if chosen:
            self.out.setText(chosen if chosen.lower().endswith(".xlsx") else chosen + ".xlsx")

    def target_path(self) -> Path:
        text = self.out.text().strip()
        return Path(text) if text else self.default_path()

    # -- actions -------------------------------------------------------------------------------
    def generate(self) -> None:
        try:
            period, out = self.period(), self.target_path()
        except UserError as exc:
            show_error(self, exc)
            return
        from desktop_app.exchange.excel_report import write_workbook  # openpyxl: when used

        lang = self.language.currentData()
        db, actor = self.state.db, self.state.actor
        self.generate_button.setEnabled(False)
        self.task = run_with_progress(
            self, self.tr("Making the report…"),
            lambda progress: report.generate(db, actor, period, out, lang, None, progress,
                                             write=write_workbook),
            self._done, self._failed,
        )  # fmt: skip

    def _done(self, result: report.ReportResult) -> None:
        self.generate_button.setEnabled(True)
        self.last_result = result
        self.status.setText(self.tr("Report written to {path}.").format(path=result.out))
        self.reload_history()

    def _failed(self, exc: BaseException) -> None:
        self.generate_button.setEnabled(True)
        if not isinstance(exc, Cancelled):
            show_error(self, exc)

    def preview(self) -> None:
        from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

        document = attempt(self, self.summary_document)
        if document is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageOrientation(QPageLayout.Orientation.Landscape)
        dialog = QPrintPreviewDialog(printer, self)
        dialog.setWindowTitle(self.tr("Summary of the evaluation"))
        dialog.paintRequested.connect(document.print_)
        dialog.exec()

    def choose_pdf(self) -> None:
        """For directors without Excel or a printer: the summary as a PDF file."""
        suggested = self.target_path().with_suffix(".pdf")
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the summary as PDF"), str(suggested), self.tr("PDF file (*.pdf)"),
        )  # fmt: skip
        if chosen:
            path = Path(chosen if chosen.lower().endswith(".pdf") else chosen + ".pdf")
            if attempt(self, lambda: self.save_pdf(path)) is not None:
                self.status.setText(self.tr("Summary saved as {path}.").format(path=path))

    def save_pdf(self, path: Path) -> Path:
        from PySide6.QtPrintSupport import QPrinter

        document = self.summary_document()
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setPageOrientation(QPageLayout.Orientation.Landscape)
        printer.setOutputFileName(str(path))
        document.print_(printer)
        if not path.exists():
            raise UserError(self.tr("Cannot write {path}.").format(path=path))
        return path

    def summary_document(self) -> QTextDocument:
        """The summary in the report language chosen on the page, not the window's."""
        period = self.period()
        with report_language(self.language.currentData()) as lang:
            data = compare(self.state.db, self.state.actor, period)
            rtl = lang == "ar"
            key = "body_name_ar" if rtl else "body_name_fr"
            # translate(), not self.tr(): the report's language, not the window's.
            texts = {
                "indicator": translate("ReportsPage", "Indicator"),
                "value": translate("ReportsPage", "Value"),
                "target": translate("ReportsPage", "Target"),
                "previous": translate("ReportsPage", "Previous period"),
                "state": translate("ReportsPage", "State"),
                "title": translate("ReportsPage", "Summary of the evaluation"),
                "period": translate("ReportsPage", "{period}, from {first} to {last}").format(
                    period=period_label(period), first=format_date(period.first_day),
                    last=format_date(period.last_day)),
            }  # fmt: skip
            markup = summary_html(data, str(data.settings.get(key) or ""), rtl, texts, lang)
        document = QTextDocument(self)
        if rtl:
            option = document.defaultTextOption()
            option.setTextDirection(Qt.LayoutDirection.RightToLeft)
            document.setDefaultTextOption(option)
        document.setHtml(markup)
        return document

    # -- history -------------------------------------------------------------------------------
    def _build_history(self) -> QGroupBox:
        box = QGroupBox(self.tr("Reports made"))
        layout = QVBoxLayout(box)
        self.history = table_widget([
            self.tr("Made on"), self.tr("By"), self.tr("Period"), self.tr("Language"),
            self.tr("File"),
        ], resize=Resize.ResizeToContents, stretch_last=True)  # fmt: skip
        self.history.doubleClicked.connect(self.open_file)
        layout.addWidget(self.history, 1)
        buttons = QHBoxLayout()
        self.open_button = QPushButton(self.tr("Open the file"))
        self.open_button.clicked.connect(self.open_file)
        self.folder_button = QPushButton(self.tr("Open its folder"))
        self.folder_button.clicked.connect(self.open_folder)
        self.status = QLabel("")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.folder_button)
        buttons.addWidget(self.status, 1)
        layout.addLayout(buttons)
        return box

    def reload_history(self) -> None:
        rows = attempt(self, lambda: report.history(self.state.db, self.state.actor)) or []
        self.history.setRowCount(len(rows))
        for r, row in enumerate(rows):
            period = parse_period(row.period_text)
            values = [
                format_datetime(row.created_at), row.who,
                f"{period_label(period)} ({format_date(row.period_from)} – "
                f"{format_date(row.period_to)})",
                language_name(row.lang), f"\u200e{row.file_name}\u200e",
            ]  # fmt: skip
            for c, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, row.file_name)
                self.history.setItem(r, c, item)
        if rows:
            select_row(self.history, 0)  # selectRow selects nothing right-to-left

    def selected_file(self) -> Path | None:
        item = self.history.item(self.history.currentRow(), 0)
        return Path(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def open_file(self) -> None:
        path = self.selected_file()
        if path is not None:
            self._open(path)

    def open_folder(self) -> None:
        path = self.selected_file()
        if path is not None:
            self._open(path.parent)

    def _open(self, path: Path) -> None:
        if not path.exists():
            show_error(self, UserError(self.tr("{path} no longer exists.").format(path=path)))
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def local_date_now() -> date:
    return datetime.now(TUNIS).date()
