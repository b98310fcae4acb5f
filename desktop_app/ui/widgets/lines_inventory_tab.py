"""The Lines page's Inventory tab (C8.1, C2.4): the searchable list of lines, their checks, and
the actions on one line (check, fault, forward, import, export)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services import lines
from desktop_app.services.lines import LineFilter, LineRow
from desktop_app.services.permissions import Perm
from desktop_app.ui.debounce import debounced
from desktop_app.ui.formatting import format_datetime
from desktop_app.ui.messages import attempt, attempt_done, show_error, show_info
from desktop_app.ui.models.lines_table_model import LinesTableModel
from desktop_app.ui.state import AppState
from desktop_app.ui.widgets.agents_fields import select_row
from desktop_app.ui.widgets.lines_tables import OVERDUE_FG
from desktop_app.ui.widgets.menu_button import menu_button
from desktop_app.ui.widgets.tables import table_view, table_widget
from desktop_app.ui.workers import query, query_pending


class LinesInventoryTab(QWidget):
    """Every public number, its last check and who answers it; the checks of the line selected."""

    maintenance_scheduled = Signal()  # the Maintenance tab lists the new item at once

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.can_edit = state.actor.can(Perm.EDIT_LINES)
        self.can_check = state.actor.can(Perm.CHECK_LINES)
        self._due: list[LineRow] = []
        self._reselect_id: int | None = None  # the line to select once the pending read is shown
        layout = QVBoxLayout(self)
        filters = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search a number, label or department"))
        self.search.setClearButtonEnabled(True)
        self.kind = QComboBox()
        self.kind.addItem(self.tr("All kinds"), "")
        for k in lines.KINDS:
            self.kind.addItem(lines.kind_label(k), k)
        self.status = QComboBox()
        self.status.addItem(self.tr("In use (not retired)"), "")
        for st in lines.STATUSES:
            self.status.addItem(lines.status_label(st), st)
        self.due = QCheckBox(self.tr("Only lines due for a check"))
        filters.addWidget(self.search, 2)
        filters.addWidget(self.kind)
        filters.addWidget(self.status)
        filters.addWidget(self.due)
        filters.addStretch(1)
        layout.addLayout(filters)
        # One query when typing pauses, not one per keystroke.
        self.search.textChanged.connect(debounced(self, self.refresh_inventory))
        self.kind.currentIndexChanged.connect(self.refresh_inventory)
        self.status.currentIndexChanged.connect(self.refresh_inventory)
        self.due.toggled.connect(self.refresh_inventory)

        actions = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add line…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.check_button = menu_button(self.tr("Record check"))
        self.check_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.check_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        check_menu = QMenu(self.check_button)
        self.check_actions: dict[str, QAction] = {}
        for r in lines.RESULTS:
            action = check_menu.addAction(lines.result_label(r))
            action.triggered.connect(lambda _=False, result=r: self.quick_check(result))
            self.check_actions[r] = action
        check_menu.addSeparator()
        check_menu.addAction(self.tr("With notes or another time…")).triggered.connect(
            self.check_with_notes
        )
        check_menu.addAction(self.tr("Withdraw my last check (within a day)…")).triggered.connect(
            self.withdraw_check
        )
        self.check_button.setMenu(check_menu)
        self.round_button = QPushButton(self.tr("Verification round"))
        self.fault_button = QPushButton(self.tr("Report fault…"))
        self.forward_button = QPushButton(self.tr("Forward…"))
        self.website_button = QPushButton(self.tr("Website audit…"))  # C2.4, C8.1
        more = menu_button(self.tr("More"))
        more_menu = QMenu(more)
        self.maintenance_action = more_menu.addAction(self.tr("Schedule maintenance…"))
        self.import_action = more_menu.addAction(self.tr("Import a directory (.csv, .xlsx)…"))
        self.export_action = more_menu.addAction(self.tr("Export to Excel…"))
        more.setMenu(more_menu)
        for w in (
            self.add_button,
            self.edit_button,
            self.check_button,
            self.round_button,
            self.fault_button,
            self.forward_button,
            self.website_button,
            more,
        ):
            actions.addWidget(w)
        actions.addStretch(1)
        layout.addLayout(actions)
        self.add_button.clicked.connect(self.add_line)
        self.edit_button.clicked.connect(self.edit_line)
        self.round_button.clicked.connect(self.verification_round)
        self.fault_button.clicked.connect(self.report_fault)
        self.forward_button.clicked.connect(self.forward)
        self.website_button.clicked.connect(self.website_audit)
        self.maintenance_action.triggered.connect(self.schedule_maintenance)
        self.import_action.triggered.connect(self.import_file)
        self.export_action.triggered.connect(self.export_file)
        # What a role can never do is not shown at all (a director reads, an agent checks).
        for w in (self.add_button, self.edit_button, self.forward_button):
            w.setVisible(self.can_edit)
        for w in (self.check_button, self.round_button, self.fault_button):
            w.setVisible(self.can_check)
        self.maintenance_action.setVisible(self.can_edit)
        self.import_action.setVisible(self.can_edit)

        splitter = QSplitter(Qt.Orientation.Vertical)
        self.model = LinesTableModel(self.state, self)
        self.model.hold()
        self.table = table_view(self.model, alternate=True, stretch_last=True)
        # Setting the indicator sorts: no read here, the page's first refresh reads (issue 15.3).
        self.model.on_sort = lambda: None
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.model.on_sort = self.refresh_inventory
        # One line per row, of a fixed height: fitting each row to wrapped text measured every
        # row of 2 000 lines on the GUI thread (issue 15.3). A long label, last check or "answered
        # by" is elided, and its tooltip gives the full text (issue 14.10).
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        for col, width in enumerate((100, 95, 215, 115, 110, 90, 190)):
            self.table.setColumnWidth(col, width)
        self.table.doubleClicked.connect(self.edit_line)
        self.table.selectionModel().currentRowChanged.connect(self._selection_changed)
        self.history = table_widget(
            [self.tr("When"), self.tr("Result"), self.tr("By"), self.tr("Notes")], stretch_last=True
        )
        self.history.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for col, width in enumerate((130, 220, 110)):
            self.history.setColumnWidth(col, width)
        splitter.addWidget(self.table)
        splitter.addWidget(self.history)
        splitter.setSizes([420, 120])
        layout.addWidget(splitter, 1)

    def current_filter(self) -> LineFilter:
        sort = self.model.filter.sort
        desc = self.model.filter.descending
        return LineFilter(
            search=self.search.text(),
            kind=self.kind.currentData() or "",
            status=self.status.currentData() or "",
            unchecked_days=0 if self.due.isChecked() else None,
            sort=sort,
            descending=desc,
            lang=self.state.lang,
        )

    @property
    def pending(self) -> bool:
        """A read of the inventory is under way: tests and the screenshot command wait on it."""
        return query_pending(self, "inventory")

    def refresh_inventory(self) -> None:
        """Read the first page of lines and the lines due on the pool, show them when they come
        (issue 15.3: opening the page with 2 000 lines must not block the window). A read
        overtaken by a newer one (a filter changed meanwhile) is dropped; a failed read leaves
        the old rows showing, with the usual message."""
        filt = self.current_filter()
        db, actor, read_first = self.state.db, self.state.actor, self.model.read_first

        def read() -> tuple[list[LineRow], list[LineRow]]:
            return read_first(filt), lines.lines_due_for_check(db, actor)

        query(self, read, lambda found: self._show_inventory(filt, *found), key="inventory")

    def _show_inventory(self, filt: LineFilter, page: list[LineRow], due: list[LineRow]) -> None:
        self.model.apply_first(filt, page)
        wanted, self._reselect_id = self._reselect_id, None
        if wanted is not None:
            self._select_line(wanted)
        if self.model.rowCount() and self.table.currentIndex().row() < 0:
            select_row(self.table, 0)
        self._due = due
        self.round_button.setText(self.tr("Verification round (due: {n})").format(n=len(self._due)))
        self._selection_changed()

    def selected_line(self) -> LineRow | None:
        return self.model.row_at(self.table.currentIndex().row())

    def _selection_changed(self) -> None:
        line = self.selected_line()
        has = line is not None
        self.edit_button.setEnabled(has and self.can_edit)
        for w in (self.check_button, self.fault_button):
            w.setEnabled(has and self.can_check)
        self.forward_button.setEnabled(has and self.can_edit)
        self.maintenance_action.setEnabled(has and self.can_edit)
        self.history.setRowCount(0)
        if line is None:
            return
        checks = (
            attempt(
                self, lambda: lines.checks_page(self.state.db, self.state.actor, line.id, limit=50)
            )
            or []
        )
        self.history.setRowCount(len(checks))
        for i, c in enumerate(checks):
            for col, text in enumerate(
                (
                    format_datetime(c.at),
                    lines.result_label(c.result),
                    c.checked_by,
                    lines.check_note(c),
                )
            ):
                item = QTableWidgetItem(text)
                if col == 1:
                    item.setForeground(QBrush(QColor("#1e6b32") if c.working else OVERDUE_FG))
                self.history.setItem(i, col, item)

    def _reselect(self, line_id: int) -> None:
        """Select the line after a refresh: at once, or when the read under way is shown."""
        if self.pending:
            self._reselect_id = line_id
        else:
            self._select_line(line_id)

    def _select_line(self, line_id: int) -> None:
        for row in range(self.model.rowCount()):
            found = self.model.row_at(row)
            if found is not None and found.id == line_id:
                select_row(self.table, row)
                return

    def add_line(self) -> None:
        from desktop_app.ui.dialogs.line_dialog import LineDialog

        dialog = LineDialog(self.state, parent=self)
        if dialog.exec() and dialog.saved is not None:
            self.refresh_inventory()
            self._reselect(dialog.saved.id)

    def edit_line(self) -> None:
        from desktop_app.ui.dialogs.line_dialog import LineDialog

        line = self.selected_line()
        if line is None or not self.can_edit:
            return
        dialog = LineDialog(self.state, line, parent=self)
        if dialog.exec():
            self.refresh_inventory()
            self._reselect(line.id)

    def quick_check(self, result: str) -> None:
        """Check in two clicks: Record check, then the result. Now, by the signed-in user."""
        line = self.selected_line()
        if line is None:
            return
        done = attempt(
            self, lambda: lines.record_check(self.state.db, self.state.actor, line.id, result)
        )
        if done is not None:
            if result not in lines.WORKING_RESULTS:
                self.offer_fault(line, result)
            self.refresh_inventory()
            self._reselect(line.id)

    def offer_fault(self, line: LineRow, result: str) -> None:
        """C8.4: a check that finds the line not working opens a fault, once asked, or names
        the fault already open on it."""
        found = attempt(self, lambda: lines.open_fault(self.state.db, self.state.actor, line.id))
        if found is not None:
            show_info(
                self,
                self.tr("A fault is already open on this line since {when}: {symptom}").format(
                    when=format_datetime(found.reported_at), symptom=found.symptom
                ),
            )
            return
        if not self.ask_report_fault():
            return
        attempt(
            self,
            lambda: lines.report_fault(
                self.state.db, self.state.actor, line.id, symptom=lines.result_label(result)
            ),
        )

    def ask_report_fault(self) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Report a fault"),
            self.tr("The check found the line not working. Report a fault now (C8.4)?"),
        )
        return answer == QMessageBox.StandardButton.Yes

    def withdraw_check(self) -> None:
        """A mistaken check is withdrawn by its author within a day, with a reason (audited)."""
        line = self.selected_line()
        if line is None:
            return
        found = attempt(
            self, lambda: lines.withdrawable_check(self.state.db, self.state.actor, line.id)
        )
        if found is None:
            show_info(self, self.tr("You recorded no check of this line in the last day."))
            return
        reason, ok = QInputDialog.getText(
            self,
            self.tr("Withdraw a check"),
            self.tr("Withdraw your check of {when} ({result})? Say why:").format(
                when=format_datetime(found.at), result=lines.result_label(found.result)
            ),
        )
        if not ok:
            return
        done = attempt_done(
            self, lambda: lines.withdraw_check(self.state.db, self.state.actor, found.id, reason)
        )
        if done is not None:
            self.refresh_inventory()
            self._reselect(line.id)

    def check_with_notes(self) -> None:
        from desktop_app.ui.dialogs.line_check_dialog import LineCheckDialog

        line = self.selected_line()
        if line is not None and LineCheckDialog(self.state, line, self).exec():
            self.refresh_inventory()
            self._reselect(line.id)

    def verification_round(self) -> None:
        from desktop_app.ui.dialogs.verification_round_dialog import VerificationRoundDialog

        if not self._due:
            show_info(self, self.tr("Every line has been checked recently."))
            return
        VerificationRoundDialog(self.state, self._due, self).exec()
        self.refresh_inventory()

    def report_fault(self) -> None:
        from desktop_app.ui.dialogs.line_fault_dialog import LineFaultDialog

        line = self.selected_line()
        if line is not None and LineFaultDialog(self.state, line, self).exec():
            self.refresh_inventory()
            self._reselect(line.id)

    def forward(self) -> None:
        from desktop_app.ui.dialogs.line_forward_dialog import LineForwardDialog

        line = self.selected_line()
        if line is not None and LineForwardDialog(self.state, line, self).exec():
            self.refresh_inventory()
            self._reselect(line.id)

    def website_audit(self) -> None:
        from desktop_app.ui.dialogs.website_audit_dialog import WebsiteAuditDialog

        WebsiteAuditDialog(self.state, self).exec()
        self.refresh_inventory()

    def schedule_maintenance(self) -> None:
        from desktop_app.ui.dialogs.line_maintenance_dialog import LineMaintenanceDialog

        line = self.selected_line()
        if line is not None and LineMaintenanceDialog(self.state, line, self).exec():
            self.maintenance_scheduled.emit()

    def import_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import a phone directory"), "", self.tr("Registers (*.csv *.xlsx)")
        )
        if path:
            self.import_path(Path(path))

    def import_path(self, path: Path) -> None:
        """Read and check the file in the background, then show the preview."""
        from desktop_app.exchange.lines_file import plan_lines
        from desktop_app.ui.workers import run_with_progress

        db, actor = self.state.db, self.state.actor
        self._import_task = run_with_progress(
            self,
            self.tr("Reading {file}…").format(file=path.name),
            lambda progress: plan_lines(db, actor, path, progress),
            self._show_preview,
            lambda exc: show_error(self, exc),
        )

    def _show_preview(self, plan: Any) -> None:
        from desktop_app.ui.dialogs.lines_import_dialog import LinesImportDialog

        self.preview = LinesImportDialog(self.state, plan, self)
        if self.preview.exec() and self.preview.outcome is not None:
            r = self.preview.outcome
            show_info(
                self,
                self.tr("Lines imported: {n}; already in the inventory: {d}.").format(
                    n=r.imported, d=r.skipped_duplicates
                ),
            )
            self.refresh_inventory()

    def export_file(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export the inventory"),
            "lignes-telephoniques.xlsx",
            self.tr("Excel workbook (*.xlsx)"),
        )
        if not path:
            return
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        from desktop_app.exchange.lines_file import export_lines
        from desktop_app.ui.workers import run_with_progress

        db, actor, lang = self.state.db, self.state.actor, self.state.lang
        self._export_task = run_with_progress(
            self,
            self.tr("Writing {file}…").format(file=Path(path).name),
            lambda progress: export_lines(db, actor, Path(path), lang, progress),
            lambda n: show_info(
                self, self.tr("Lines written to {file}: {n}.").format(n=n, file=path)
            ),
            lambda exc: show_error(self, exc),
        )
