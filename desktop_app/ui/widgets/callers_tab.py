"""The "Callers to call back" tab of the Calls page (C2.4, C8.2): act on every missed caller."""

from __future__ import annotations

import html
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication, QTextDocument
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services import callbacks
from desktop_app.ui.formatting import format_date
from desktop_app.ui.messages import attempt, show_info
from desktop_app.ui.models.callers_table_model import CallersTableModel
from desktop_app.ui.state import AppState
from desktop_app.ui.widgets.date_fields import date_edit, from_qdate
from desktop_app.ui.widgets.tables import Resize, table_view
from desktop_app.ui.workers import query, query_pending


class CallersTab(QWidget):
    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shown_day: date | None = None  # the day of the rows shown (None: every day)
        self.state = state
        layout = QVBoxLayout(self)
        self.allowed = state.actor.can(callbacks.HANDLE_CALLS)
        if not self.allowed:  # law 2004-63: the numbers are for the roles that handle calls
            note = QLabel(self.tr(
                "Callers' numbers are personal data: only the roles that handle calls "
                "(reception agents, supervisors) see this list."))  # fmt: skip
            note.setWordWrap(True)
            layout.addWidget(note)
            layout.addStretch(1)
            return
        bar = QHBoxLayout()
        self.line = QComboBox()
        self.line.addItem(self.tr("All lines"), None)
        for line_id, text in attempt(self, lambda: callbacks.line_choices(
                state.db, state.actor)) or []:  # fmt: skip
            self.line.addItem(text, line_id)
        self.line.setMinimumContentsLength(22)
        # Since when: a caller left waiting for months is still listed under "All days", but the
        # morning's work is the last week's callers, oldest first.
        self.span = QComboBox()
        self.span.addItem(self.tr("Last 7 days"), 7)
        self.span.addItem(self.tr("Last 30 days"), 30)
        self.span.addItem(self.tr("All days"), None)
        self.span.addItem(self.tr("One day"), 0)
        # The shared editor: a QDateEdit given its format in right-to-left read 2026/12/05.
        self.day = date_edit(QDate.currentDate().addDays(-1))
        self.day.setEnabled(False)
        self.span.currentIndexChanged.connect(
            lambda _i: self.day.setEnabled(self.span.currentData() == 0)
        )
        self.span.currentIndexChanged.connect(self.refresh)
        self.day.dateChanged.connect(self.refresh)
        self.line.currentIndexChanged.connect(self.refresh)
        line_label = QLabel(self.tr("Line"))
        line_label.setBuddy(self.line)
        bar.addWidget(line_label)
        bar.addWidget(self.line)
        bar.addWidget(self.span)
        bar.addWidget(self.day)
        bar.addStretch(1)
        layout.addLayout(bar)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.model = CallersTableModel(self)
        self.table = table_view(self.model, resize=Resize.ResizeToContents, stretch=1)
        self.table.doubleClicked.connect(lambda _i: self.dial())
        layout.addWidget(self.table, 1)
        actions = QHBoxLayout()
        self.copy_button = QPushButton(self.tr("Copy the number"))
        self.copy_button.clicked.connect(self.copy_number)
        self.dial_button = QPushButton(self.tr("Call"))
        self.dial_button.setToolTip(self.tr("Dial through the computer's phone program "
                                            "(softphone), where one is installed."))  # fmt: skip
        self.dial_button.clicked.connect(self.dial)
        self.record_button = QPushButton(self.tr("Record a call-back…"))
        self.record_button.clicked.connect(self.record)
        self.export_button = QPushButton(self.tr("Export the list…"))
        self.export_button.clicked.connect(self.export)
        self.print_button = QPushButton(self.tr("Print the list…"))
        self.print_button.clicked.connect(self.print_list)
        for b in (self.copy_button, self.dial_button, self.record_button):
            actions.addWidget(b)
        actions.addStretch(1)
        actions.addWidget(self.export_button)
        actions.addWidget(self.print_button)
        layout.addLayout(actions)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._enable())
        self.refresh()

    def chosen_day(self) -> date | None:
        """The one day shown, or None (a span of days, or all)."""
        if self.span.currentData() != 0:
            return None
        return from_qdate(self.day.date())

    def since(self) -> date | None:
        days = self.span.currentData()
        return date.today() - timedelta(days=days) if days else None

    def show_day(self, day: date | None) -> None:
        """For the dashboard: one day's callers (None: every day)."""
        if not self.allowed:
            return
        self.span.blockSignals(True)
        self.span.setCurrentIndex(self.span.findData(0 if day is not None else None))
        self.day.setEnabled(day is not None)
        self.span.blockSignals(False)
        if day is not None:
            self.day.blockSignals(True)
            self.day.setDate(QDate(day.year, day.month, day.day))
            self.day.blockSignals(False)
        self.refresh()

    @property
    def pending(self) -> bool:
        """A read of the callers is under way: tests and the screenshot command wait on it."""
        return self.allowed and query_pending(self, "callers")

    def refresh(self) -> None:
        """Read the callers on the pool and show them when they come (issue 15.3: at 100 000
        call records the read took 0.15–0.3 s of the GUI thread as the Calls page opened); a
        read overtaken by a newer one (another line or day chosen meanwhile) is dropped."""
        if not self.allowed:
            return
        db, actor, day = self.state.db, self.state.actor, self.chosen_day()
        since, line_id = self.since(), self.line.currentData()

        def read() -> list[callbacks.Caller]:
            return callbacks.callers(db, actor, day=day, since=since, line_id=line_id)

        query(self, read, lambda rows: self._show(day, rows), key="callers")

    def _show(self, day: date | None, rows: list[callbacks.Caller]) -> None:
        self.model.set_rows(rows)
        self.shown_day = day  # the paper names the day of the rows shown, not one still read
        if not rows:
            self.summary.setText(self.tr("Nobody to call back: every caller who missed the "
                                         "body has been reached."))  # fmt: skip
        elif day is not None:
            text = self.tr("Callers of {day} not reached yet: %n, oldest first.", None, len(rows))
            self.summary.setText(text.format(day=format_date(day)))
        else:
            self.summary.setText(
                self.tr("Callers not reached yet: %n, oldest first.", None, len(rows))
            )
        if rows:  # setCurrentIndex, not selectRow: in right-to-left selectRow sets no current row
            self.table.setCurrentIndex(self.model.index(0, 0))
        self._enable()

    def _enable(self) -> None:
        chosen = self.current() is not None
        for b in (self.copy_button, self.dial_button):
            b.setEnabled(chosen)

    def current(self) -> callbacks.Caller | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def copy_number(self) -> None:
        caller = self.current()
        if caller is not None:
            QGuiApplication.clipboard().setText(caller.party)

    def dial(self) -> None:
        """tel:+216… through the desktop's handler; without one, say so and copy the number."""
        caller = self.current()
        if caller is None:
            return
        if not QDesktopServices.openUrl(QUrl("tel:" + caller.party)):
            QGuiApplication.clipboard().setText(caller.party)
            show_info(self, self.tr("No phone program on this computer opens tel: links; the "
                                    "number is copied, dial it from your phone."))  # fmt: skip

    def record(self) -> None:
        from desktop_app.ui.dialogs.callback_dialog import CallbackDialog

        caller = self.current()
        dialog = CallbackDialog(self.state, caller.number if caller else "", self)
        if dialog.exec():
            self.refresh()

    def export(self) -> None:
        from desktop_app.exchange.callers_file import write_callers

        day = self.chosen_day()
        name = f"callers-{(day or datetime.now(UTC).date()).isoformat()}.xlsx"
        title = self.tr("Export the callers to call back")
        kind = self.tr("Excel workbook (*.xlsx)")
        chosen, _ = QFileDialog.getSaveFileName(self, title, name, kind)
        if not chosen:
            return
        path = Path(chosen if chosen.lower().endswith(".xlsx") else chosen + ".xlsx")
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        line, since = self.line.currentData(), self.since()
        n = attempt(self, lambda: write_callers(self.state.db, self.state.actor, path, day, line,
                                                rtl, since))  # fmt: skip
        if n is not None:
            self.summary.setText(
                self.tr("Callers written to {path}: %n.", None, n).format(path=path)
            )

    def document(self) -> QTextDocument:
        """The list on paper; columns reversed for Arabic (QTextDocument does not mirror them)."""
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        heads = [self.model.headerData(c, Qt.Orientation.Horizontal, 0)
                 for c in range(self.model.columnCount())] + [self.tr("Outcome")]  # fmt: skip
        rows = [[str(self.model.index(r, c).data() or "") for c in range(len(heads) - 1)] + [""]
                for r in range(self.model.rowCount())]  # fmt: skip
        order = list(reversed(range(len(heads)))) if rtl else list(range(len(heads)))
        align = "right" if rtl else "left"
        cells = "".join(f"<th align='{align}'>{html.escape(str(heads[i]))}</th>" for i in order)
        body = "".join("<tr>" + "".join(f"<td align='{align}'>{html.escape(row[i])}</td>"
                                        for i in order) + "</tr>" for row in rows)  # fmt: skip
        day = self.shown_day
        title = self.tr("Callers to call back") + (f" — {format_date(day)}" if day else "")
        document = QTextDocument(self)
        document.setHtml(f"<h3 align='{align}'>{html.escape(title)}</h3><table border='1' "
                         f"cellspacing='0' cellpadding='4' width='100%'><tr>{cells}</tr>{body}"
                         "</table>")  # fmt: skip
        return document

    def print_list(self) -> None:
        from PySide6.QtGui import QPageLayout
        from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

        document = self.document()
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageOrientation(QPageLayout.Orientation.Landscape)
        dialog = QPrintPreviewDialog(printer, self)
        dialog.setWindowTitle(self.tr("Callers to call back"))
        dialog.paintRequested.connect(document.print_)
        dialog.exec()
