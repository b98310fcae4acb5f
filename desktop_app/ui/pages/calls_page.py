"""Call traffic (C8.4): import the PBX's records, see per line and per hour where calls are lost."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import cast

from PySide6.QtCore import QDate, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services import traffic
from desktop_app.services.periods import Period, parse_period, period_label, quarter_of
from desktop_app.services.permissions import Perm
from desktop_app.services.sections.calls import bucket_labels
from desktop_app.ui.formatting import format_number, format_phone
from desktop_app.ui.messages import attempt, show_info
from desktop_app.ui.models.rows_table_model import RowsTableModel
from desktop_app.ui.state import AppState
from desktop_app.ui.widgets.bar_chart import BarChart
from desktop_app.ui.widgets.callers_tab import CallersTab
from desktop_app.ui.widgets.date_fields import from_qdate
from desktop_app.ui.widgets.heatmap_widget import HeatmapWidget
from desktop_app.ui.widgets.lazy_tabs import LazyTabs
from desktop_app.ui.widgets.page_header import PageHeader
from desktop_app.ui.widgets.tables import Selection, table_view
from desktop_app.ui.workers import drop_queries, query


def line_choices(lines: list[traffic.LineTraffic]) -> list[tuple[str, int]]:
    """Each line with calls, as the line box lists it (number order): written with the report's
    read on the pool, since 2 000 numbers took 30 ms of the GUI thread to format (issue 15.3)."""
    return [
        (format_phone(x.number) + (f" — {x.label}" if x.label else ""), x.line_id)
        for x in sorted(lines, key=lambda x: x.number)
    ]


class CallsPage(QWidget):
    pictured = Signal()  # the traffic read in the background is shown, pictures and all

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.report: traffic.TrafficReport | None = None
        # What the heatmap and the time-to-answer chart show: the report, or one line's traffic.
        self.pictures: traffic.TrafficReport | None = None
        self.below: float | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(PageHeader(
            self.tr("Call traffic"),
            self.tr("Inbound calls recorded by the phone system on the lines of the inventory: "
                    "which lines and which hours lose calls, to reinforce them (C8.4)."),
        ))  # fmt: skip
        self.tabs = LazyTabs()
        layout.addWidget(self.tabs, 1)
        traffic_tab = QWidget()
        self.tabs.add_built("traffic", traffic_tab, self.tr("Traffic"))
        # C2.4: nobody who called is left without an answer. Built when first shown (issue
        # 15.3): its line list and its read of the callers took 0.2 s of the page's opening.
        self.tabs.add_lazy("callers", lambda: CallersTab(state), self.tr("Callers to call back"))
        layout = QVBoxLayout(traffic_tab)
        layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.period = QComboBox()
        self.period.setEditable(True)
        self.period.setMinimumContentsLength(12)
        latest = attempt(self, lambda: traffic.latest_period(state.db, state.actor))
        self._fill_periods(latest or quarter_of(from_qdate(QDate.currentDate())))
        self.period.activated.connect(self.refresh)
        editor = self.period.lineEdit()
        assert editor is not None  # the period box is editable: a typed period is read too
        editor.returnPressed.connect(self.refresh)
        self.view = QComboBox()
        self.view.addItem(self.tr("Calls"), "calls")
        self.view.addItem(self.tr("Lost calls"), "lost")
        self.view.currentIndexChanged.connect(self._show_heatmap)
        self.line = QComboBox()  # the pictures for all lines or one (C8.4: reinforce which line)
        self.line.setMinimumContentsLength(26)
        self.line.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.line.addItem(self.tr("All lines"), None)
        self.line.currentIndexChanged.connect(self._show_pictures)
        self.import_button = QPushButton(self.tr("Import call records…"))
        self.import_button.clicked.connect(self.import_records)
        self.import_button.setVisible(state.actor.can(Perm.IMPORT_CALLS))
        bar.addWidget(QLabel(self.tr("Period")))
        bar.addWidget(self.period)
        bar.addStretch(1)
        bar.addWidget(self.import_button)
        layout.addLayout(bar)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)

        grid = QGridLayout()
        self.model: RowsTableModel[traffic.LineTraffic] = RowsTableModel(
            [self.tr("Number"), self.tr("Line"), self.tr("Offered"), self.tr("Answered"),
             self.tr("Busy"), self.tr("Missed"), self.tr("Answered (%)"),
             self.tr("Median s to answer"), self.tr("Outside hours")],
            lambda x: (format_phone(x.number), x.label, format_number(x.offered),
                       format_number(x.answered),
                       format_number(x.busy), format_number(x.missed),
                       format_number(x.answered_pct, 1), format_number(x.ring_median, 0),
                       format_number(x.outside_hours)),
            self, numeric=range(2, 9),
        )  # fmt: skip
        # Fitted once per report (_show_report), not by ResizeToContents on every resize and
        # scroll: that asked the model for every role of 100 rows × 9 columns at each pass,
        # 20 000 calls into Python as the page opened (issue 15.3).
        self.table = table_view(self.model, stretch=1,
                                selection=Selection.ExtendedSelection)  # fmt: skip
        self.table.setMinimumHeight(120)
        self.table.selectionModel().currentRowChanged.connect(self._row_chosen)
        heat_bar = QHBoxLayout()
        heat_bar.addWidget(QLabel(self.tr("Week × hour")))
        heat_bar.addWidget(self.view)
        line_label = QLabel(self.tr("Line"))
        line_label.setBuddy(self.line)
        heat_bar.addWidget(line_label)
        heat_bar.addWidget(self.line)
        heat_bar.addStretch(1)
        self.heatmap = HeatmapWidget()
        self.rings = BarChart()
        grid.addWidget(self.table, 0, 0, 1, 2)
        grid.addLayout(heat_bar, 1, 0)
        grid.addWidget(QLabel(self.tr("Time to answer (answered calls)")), 1, 1)
        grid.addWidget(self.heatmap, 2, 0)
        grid.addWidget(self.rings, 2, 1, Qt.AlignmentFlag.AlignTop)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        grid.setRowStretch(0, 2)
        grid.setRowStretch(2, 3)
        layout.addLayout(grid, 1)
        self.refresh()

    @property
    def callers(self) -> CallersTab:
        """The callers to call back, built now if the tab has not been shown yet."""
        return cast(CallersTab, self.tabs.tab("callers"))

    def _fill_periods(self, current: Period) -> None:
        self.period.clear()
        p = current
        # Said as a director says it ("Quarter 4 2026", «الثلاثية 4 2026»), not "2026-Q4";
        # the box stays editable for a period typed in the CLI's way (issue 14.8).
        for _ in range(8):
            self.period.addItem(period_label(p), p.text)
            p = p.previous()
        year = parse_period(str(current.first_day.year))
        self.period.addItem(period_label(year), year.text)
        self.period.setCurrentIndex(0)

    def current_period(self) -> Period | None:
        text = self.period.currentText()
        index = self.period.findText(text)
        code = self.period.itemData(index) if index >= 0 else text
        return attempt(self, lambda: parse_period(code))

    def refresh(self) -> None:
        """The period's traffic is read in the background: at 100 000 call records it takes
        seconds (issue 15.3); `pictured` says when the table and the pictures are shown."""
        period = self.current_period()
        if period is None:
            return
        db, actor = self.state.db, self.state.actor

        def read() -> tuple[traffic.TrafficReport, list[tuple[str, int]]]:
            report = traffic.traffic(db, actor, period)
            return report, line_choices(report.lines)

        query(self, read, lambda found: self._show_report(*found), key="report")

    def _show_report(self, report: traffic.TrafficReport, choices: list[tuple[str, int]]) -> None:
        self.report = report
        lines = report.lines
        if self.below is not None:
            lines = [x for x in lines if x.answered_pct is not None and x.answered_pct < self.below]
        self.model.set_rows(lines)
        self.table.resizeColumnsToContents()
        answered = sum(x.answered for x in report.lines)
        peak = report.peak_hour()
        if report.total:
            self.summary.setText(self.tr(
                "Inbound calls: %Ln, {pct} % answered, {lost} lost. Peak hour: {hour}.", None,
                report.total).format(
                    pct=format_number(100.0 * answered / report.total, 1),
                    lost=format_number(report.total - answered),
                    hour=f"{peak:02d}:00" if peak is not None else "—"))  # fmt: skip
        else:
            self.summary.setText(
                self.tr("No inbound call recorded in this period: import the PBX's Master.csv.")
            )
        self._fill_lines(choices)
        self._show_pictures()

    def _fill_lines(self, choices: list[tuple[str, int]]) -> None:
        """The line choice: all lines, then each line with calls in the period; the line chosen
        before stays chosen when it still has calls."""
        chosen = self.line.currentData()
        self.line.blockSignals(True)
        self.line.clear()
        self.line.addItem(self.tr("All lines"), None)
        for text, line_id in choices:
            self.line.addItem(text, line_id)
        index = self.line.findData(chosen) if chosen is not None else 0
        self.line.setCurrentIndex(max(index, 0))
        self.line.blockSignals(False)

    def choose_line(self, line_id: int | None) -> None:
        """Show the pictures of one line (None: all lines)."""
        index = self.line.findData(line_id) if line_id is not None else 0
        if index >= 0:
            self.line.setCurrentIndex(index)

    def _row_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        chosen = self.model.row_at(current.row()) if current.isValid() else None
        if chosen is not None:
            self.choose_line(chosen.line_id)

    def _show_pictures(self) -> None:
        """The heatmap and the time-to-answer chart, for the line chosen (read in the
        background) or all lines."""
        if self.report is None:
            return
        line_id = self.line.currentData()
        period = self.current_period() if line_id is not None else None
        if line_id is None or period is None:
            drop_queries(self, "line")  # a line chosen before must not paint over all lines
            self._draw(self.report)
            return
        db, actor = self.state.db, self.state.actor
        query(self, lambda: traffic.traffic(db, actor, period, line_id=line_id), self._draw,
              key="line")  # fmt: skip

    def _draw(self, pictures: traffic.TrafficReport) -> None:
        self.pictures = pictures
        self._show_heatmap()
        labels = bucket_labels(pictures.ring_bounds)
        self.rings.set_data(list(zip(labels, pictures.ring_buckets, strict=True)))
        self.pictured.emit()

    def _show_heatmap(self) -> None:
        pictures = self.pictures or self.report
        if pictures is None:
            return
        if self.view.currentData() == "lost":
            self.heatmap.set_data(pictures.missed, "#c0392b")
        else:
            self.heatmap.set_data(pictures.calls, "#1f6fb2")

    def import_records(self) -> None:
        from desktop_app.ui.dialogs.cdr_import_dialog import CdrImportDialog

        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Asterisk call records"), "",
            self.tr("Call records (*.csv);;All files (*)"))  # fmt: skip
        if not name:
            return
        dialog = CdrImportDialog(self.state, Path(name), self)
        dialog.preview()
        if dialog.exec() and dialog.done_report is not None:
            result = dialog.done_report.result
            text = self.tr("Calls imported: %n; already there: {d}.", None, result.imported)
            show_info(self, text.format(d=result.skipped_duplicates))
            latest = traffic.latest_period(self.state.db, self.state.actor)
            if latest is not None:
                self._fill_periods(latest)
            self.refresh()

    def apply_filter(self, period: str | None = None, below: float | None = None,
                     tab: str = "traffic", day: str | None = None,
                     **_: object) -> None:  # fmt: skip
        """For the dashboard: the period's lines answering fewer calls than the target, or
        (`tab="callbacks"`) one day's callers still to call back."""
        if tab == "callbacks":
            self.tabs.show_tab("callers")
            self.callers.show_day(date.fromisoformat(day) if day else None)
            return
        self.tabs.setCurrentIndex(0)
        if period:
            index = self.period.findData(period)
            if index >= 0:
                self.period.setCurrentIndex(index)
            else:
                self.period.setCurrentText(period)
        self.below = below
        self.refresh()
        self.view.setCurrentIndex(1 if below is not None else 0)
