"""Online services (C2.2): the catalogue, its quality checklist, the link checks, the directory.

Everyone reads the page; supervisors and administrators edit (the service checks it). Link checks
run in the background (ui/workers.py): by the button here, and on schedule by the main window's
ServicesWatcher (ui/services_watcher.py).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services import eservices
from desktop_app.services.eservices import ServiceRow
from desktop_app.services.permissions import Perm
from desktop_app.ui.formatting import format_date, format_datetime
from desktop_app.ui.messages import attempt
from desktop_app.ui.state import AppState
from desktop_app.ui.widgets.agents_fields import fill_table
from desktop_app.ui.widgets.page_header import PageHeader
from desktop_app.ui.widgets.table_cells import cell
from desktop_app.ui.widgets.tables import read_only_table

_BAD = QColor("#fde2e1")
_GOOD = QColor("#e3f4e1")


class ServicesPage(QWidget):
    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.can_edit = state.actor.can(Perm.EDIT_SERVICES)
        self._rows: list[ServiceRow] = []
        self._failing: list[ServiceRow] = []
        layout = QVBoxLayout(self)
        layout.addWidget(PageHeader(
            self.tr("Online services"),
            self.tr("Keep the list of the body's e-services, with a clear description of each and "
                    "what is needed to use it, links that work and are easy to reach (C2.2)."),
        ))  # fmt: skip
        bar = QHBoxLayout()
        self.new_button = QPushButton(self.tr("New service…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.review_button = QPushButton(self.tr("Mark reviewed today"))
        self.check_button = QPushButton(self.tr("Check the links"))
        self.directory_button = QPushButton(self.tr("Public directory…"))
        for b in (self.new_button, self.edit_button, self.review_button):
            b.setEnabled(self.can_edit)
            bar.addWidget(b)
        bar.addWidget(self.check_button)
        bar.addWidget(self.directory_button)
        bar.addStretch(1)
        self.show_withdrawn = QCheckBox(self.tr("Show withdrawn services"))
        bar.addWidget(self.show_withdrawn)
        layout.addLayout(bar)

        self.tabs = QTabWidget()
        self.tab_keys = ["catalogue", "failing"]
        self.table = read_only_table([
            self.tr("Service"), self.tr("Responsible unit"), self.tr("Link"), self.tr("Website"),
            self.tr("National portal"), self.tr("Latest check"), self.tr("Reviewed"),
            self.tr("Checklist"),
        ], stretch=0)  # fmt: skip
        self.failing = read_only_table([self.tr("Service"), self.tr("What fails")], stretch=1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.tabs.addTab(splitter, self.tr("Catalogue"))
        self.tabs.addTab(self.failing, self.tr("Failing the checklist"))
        layout.addWidget(self.tabs, 1)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)

        self.new_button.clicked.connect(self.new_service)
        self.edit_button.clicked.connect(self.edit_service)
        self.review_button.clicked.connect(self.mark_reviewed)
        self.check_button.clicked.connect(self.check_links)
        self.directory_button.clicked.connect(self.open_directory)
        self.table.itemSelectionChanged.connect(self.show_details)
        self.table.cellDoubleClicked.connect(lambda *_: self.edit_service())
        self.show_withdrawn.toggled.connect(self.refresh)
        self.refresh()

    # -- reading -----------------------------------------------------------------------------
    def refresh(self) -> None:
        db, actor = self.state.db, self.state.actor
        withdrawn = self.show_withdrawn.isChecked()
        self._rows = attempt(self, lambda: eservices.list_services(
            db, actor, include_withdrawn=withdrawn)) or []  # fmt: skip
        self._failing = [r for r in self._rows if r.problems]
        lang = self.state.lang
        yes, no = self.tr("Yes"), self.tr("No")
        cells = []
        for r in self._rows:
            if r.last_check_ok is None:
                check = self.tr("never")
            else:
                check = (
                    (self.tr("works") if r.last_check_ok else self.tr("fails"))
                    + " · "
                    + (format_datetime(r.last_checked_at))
                )
            if r.withdrawn:
                checklist = self.tr("withdrawn {date}").format(date=format_datetime(r.withdrawn_at))
            else:
                checklist = self.tr(
                    "%n of {n} points", None, sum(r.passes(c) for c in eservices.CHECKS)
                ).format(n=len(eservices.CHECKS))
            cells.append([r.name(lang), r.unit, r.url, yes if r.on_website else no,
                          yes if r.on_portal else no, check, format_date(r.reviewed_on),
                          checklist])  # fmt: skip
        fill_table(self.table, cells, stretch=0, data=[r.id for r in self._rows])
        for i, r in enumerate(self._rows):
            colour = None if r.withdrawn else (_BAD if r.problems else _GOOD)
            if colour is not None:
                cell(self.table, i, 7).setBackground(QBrush(colour))
            if r.last_check_ok is False:
                cell(self.table, i, 5).setBackground(QBrush(_BAD))
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(0, min(self.table.columnWidth(0), 320))
        self.table.setColumnWidth(2, min(self.table.columnWidth(2), 260))
        fill_table(self.failing, [
            [r.name(lang), " ".join(eservices.problem_label(p) for p in r.problems)]
            for r in self._failing
        ], stretch=1)  # fmt: skip
        self.tabs.setTabText(1, self.tr("Failing the checklist ({n})").format(n=len(self._failing)))
        if self._rows and self.table.currentRow() < 0:
            self.table.selectRow(0)
        self.show_details()

    def selected(self) -> ServiceRow | None:
        index = self.table.currentRow()
        return self._rows[index] if 0 <= index < len(self._rows) else None

    def show_details(self) -> None:
        r = self.selected()
        self.edit_button.setEnabled(self.can_edit and r is not None)
        self.review_button.setEnabled(self.can_edit and r is not None and not (r and r.withdrawn))
        if r is None:
            self.details.setPlainText(self.tr("Select a service to see its details."))
            return
        lines = [
            f"{r.name_ar}\n{r.name_fr}", "",
            self.tr("Description: {text}").format(text=r.description or "—"),
            self.tr("Who may use it: {text}").format(text=r.audience or "—"),
            self.tr("Documents and prerequisites: {text}").format(text=r.requirements or "—"),
            self.tr("Accessibility notes: {text}").format(text=r.accessibility or "—"),
            self.tr("Reviewed on {date} by {name}").format(
                date=format_date(r.reviewed_on) or "—", name=r.reviewed_by or "—"), "",
            self.tr("Checklist:"),
        ]  # fmt: skip
        for code in eservices.CHECKS:
            mark = "✓" if r.passes(code) else "✗"
            lines.append(f"  {mark} {eservices.check_label(code)}")
        lines.extend(self._history_lines(r))
        self.details.setPlainText("\n".join(lines))

    def _history_lines(self, r: ServiceRow) -> list[str]:
        from desktop_app.services import service_links

        history = attempt(self, lambda: service_links.history(
            self.state.db, self.state.actor, r.id, limit=10)) or []  # fmt: skip
        if not history:
            return []
        out = ["", self.tr("Link checks:")]
        for h in history:
            out.append(f"  {format_datetime(h.at)} · {service_links.describe(h)}")
        return out

    # -- editing ------------------------------------------------------------------------------
    def new_service(self) -> None:
        from desktop_app.ui.dialogs.service_dialog import ServiceDialog

        if ServiceDialog(self.state, parent=self).exec():
            self.refresh()

    def edit_service(self) -> None:
        from desktop_app.ui.dialogs.service_dialog import ServiceDialog

        r = self.selected()
        if r is not None and self.can_edit and ServiceDialog(self.state, r, parent=self).exec():
            self.refresh()

    def mark_reviewed(self) -> None:
        r = self.selected()
        if r is None:
            return
        if attempt(self, lambda: eservices.mark_reviewed(
                self.state.db, self.state.actor, r.id, expected_version=r.version)):  # fmt: skip
            self.refresh()

    # -- link checks (background) ---------------------------------------------------------------
    def check_links(self) -> None:
        from desktop_app.services import service_links
        from desktop_app.ui.messages import show_error
        from desktop_app.ui.workers import run_with_progress

        db, actor = self.state.db, self.state.actor
        self.check_button.setEnabled(False)

        def done(summary: Any) -> None:
            self.check_button.setEnabled(True)
            self.status.setText(service_links.summary_sentence(summary))
            self.refresh()

        def failed(exc: BaseException) -> None:
            self.check_button.setEnabled(True)
            show_error(self, exc)

        run_with_progress(self, self.tr("Checking the links of the online services…"),
                          lambda progress: service_links.check_links(db, actor, progress),
                          done, failed)  # fmt: skip

    def open_directory(self) -> None:
        from desktop_app.ui.dialogs.directory_dialog import DirectoryDialog

        DirectoryDialog(self.state, self).exec()

    def apply_filter(self, tab: str = "catalogue", **_: Any) -> None:
        if tab in self.tab_keys:
            self.tabs.setCurrentIndex(self.tab_keys.index(tab))
        self.refresh()

    def show_tab(self, key: str) -> QWidget | None:
        if key not in self.tab_keys:
            return None
        self.tabs.setCurrentIndex(self.tab_keys.index(key))
        return self.tabs.currentWidget()
