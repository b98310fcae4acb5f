"""The Lines page (C8.1, C8.4, C2.4): the inventory with its checks, faults, maintenance schedule,
peak-period reinforcement plans and forwardings — who answers each public number now."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
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
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services import lines
from desktop_app.services.lines import LineFilter, LineRow
from desktop_app.services.permissions import Perm
from desktop_app.ui.debounce import debounced
from desktop_app.ui.formatting import format_date, format_datetime, format_phone
from desktop_app.ui.messages import attempt, show_error, show_info
from desktop_app.ui.models.line_faults_table_model import LineFaultsTableModel
from desktop_app.ui.models.lines_table_model import LinesTableModel
from desktop_app.ui.state import AppState
from desktop_app.ui.widgets.agents_fields import select_row
from desktop_app.ui.widgets.menu_button import menu_button
from desktop_app.ui.widgets.page_header import PageHeader

OVERDUE_BG = QColor("#fdecea")
OVERDUE_FG = QColor("#b3261e")


def _table_widget(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.horizontalHeader().setStretchLastSection(True)
    return table


class LinesPage(QWidget):
    TABS = ("inventory", "faults", "maintenance", "peaks", "forwarding")

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.can_edit = state.actor.can(Perm.EDIT_LINES)
        self.can_check = state.actor.can(Perm.CHECK_LINES)
        layout = QVBoxLayout(self)
        layout.addWidget(
            PageHeader(
                self.tr("Phone lines"),
                self.tr(
                    "Every number the public can call: is it working, who answers it, where is "
                    "it published, and what is broken (circulars 8/2020 and 2/2020)."
                ),
            )
        )
        self.tabs = QTabWidget()
        self.tabs.addTab(self._inventory_tab(), self.tr("Inventory"))
        self.tabs.addTab(self._faults_tab(), self.tr("Faults"))
        self.tabs.addTab(self._maintenance_tab(), self.tr("Maintenance"))
        self.tabs.addTab(self._peaks_tab(), self.tr("Peak periods"))
        self.tabs.addTab(self._forwarding_tab(), self.tr("Forwarding"))
        self.tabs.currentChanged.connect(self._tab_changed)
        layout.addWidget(self.tabs, 1)
        self.refresh_inventory()

    # -- inventory -----------------------------------------------------------------------------
    def _inventory_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
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
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        # Wrapped, not cut: the label, the last check and who answers now are phrases, too long
        # for one line in French at 1366×768 (issue 14.10); an inventory is tens of lines.
        self.table.setWordWrap(True)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for col, width in enumerate((100, 95, 215, 115, 110, 90, 190)):
            self.table.setColumnWidth(col, width)
        self.table.doubleClicked.connect(self.edit_line)
        self.table.selectionModel().currentRowChanged.connect(self._selection_changed)
        self.history = _table_widget(
            [self.tr("When"), self.tr("Result"), self.tr("By"), self.tr("Notes")]
        )
        self.history.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for col, width in enumerate((130, 220, 110)):
            self.history.setColumnWidth(col, width)
        splitter.addWidget(self.table)
        splitter.addWidget(self.history)
        splitter.setSizes([420, 120])
        layout.addWidget(splitter, 1)
        return tab

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

    def refresh_inventory(self) -> None:
        self.model.filter = self.current_filter()
        attempt(self, self.model.reload)
        if self.model.rowCount() and self.table.currentIndex().row() < 0:
            select_row(self.table, 0)
        due = attempt(self, lambda: lines.lines_due_for_check(self.state.db, self.state.actor))
        self._due = due or []
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
        done = attempt(
            self,
            lambda: lines.withdraw_check(self.state.db, self.state.actor, found.id, reason) or True,
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
            self.refresh_maintenance()

    def import_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import a phone directory"), "", self.tr("Registers (*.csv *.xlsx)")
        )
        if path:
            self.import_path(Path(path))

    def import_path(self, path: Path) -> None:
        """Read and check the file in the background, then show the preview."""
        from desktop_app.exchange.lines_file import plan_import
        from desktop_app.ui.workers import run_with_progress

        db, actor = self.state.db, self.state.actor
        self._import_task = run_with_progress(
            self,
            self.tr("Reading {file}…").format(file=path.name),
            lambda progress: plan_import(db, actor, path, progress),
            self._show_preview,
            lambda exc: show_error(self, exc),
        )

    def _show_preview(self, plan: Any) -> None:
        from desktop_app.ui.dialogs.lines_import_dialog import LinesImportDialog

        self.preview = LinesImportDialog(self.state, plan, self)
        if self.preview.exec() and self.preview.result is not None:
            r = self.preview.result
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

    # -- faults --------------------------------------------------------------------------------
    def _faults_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        bar = QHBoxLayout()
        self.open_only = QCheckBox(self.tr("Only faults not yet repaired"))
        self.open_only.setChecked(True)
        self.repair_button = QPushButton(self.tr("Mark repaired…"))
        self.repair_button.setEnabled(False)
        self.repair_button.setVisible(self.can_edit)
        bar.addWidget(self.open_only)
        bar.addStretch(1)
        bar.addWidget(self.repair_button)
        layout.addLayout(bar)
        self.faults_model = LineFaultsTableModel(self.state, self)
        self.faults_table = QTableView()
        self.faults_table.setModel(self.faults_model)
        self.faults_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.faults_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.faults_table.verticalHeader().hide()
        self.faults_table.horizontalHeader().setStretchLastSection(True)
        for col, width in enumerate((240, 130, 300, 130, 130)):
            self.faults_table.setColumnWidth(col, width)
        layout.addWidget(self.faults_table, 1)
        self.open_only.toggled.connect(self.refresh_faults)
        self.repair_button.clicked.connect(self.repair)
        self.faults_table.selectionModel().currentRowChanged.connect(self._fault_selected)
        return tab

    def refresh_faults(self) -> None:
        self.faults_model.open_only = self.open_only.isChecked()
        attempt(self, self.faults_model.reload)
        self._fault_selected()

    def _fault_selected(self) -> None:
        fault = self.faults_model.row_at(self.faults_table.currentIndex().row())
        self.repair_button.setEnabled(fault is not None and fault.is_open and self.can_edit)

    def repair(self) -> None:
        from desktop_app.ui.dialogs.line_fault_dialog import LineRepairDialog

        fault = self.faults_model.row_at(self.faults_table.currentIndex().row())
        if fault is not None and LineRepairDialog(self.state, fault, self).exec():
            self.refresh_faults()
            self.refresh_inventory()

    # -- maintenance ---------------------------------------------------------------------------
    def _maintenance_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        bar = QHBoxLayout()
        self.overdue_only = QCheckBox(self.tr("Only overdue maintenance"))
        self.done_button = QPushButton(self.tr("Done today"))
        self.delete_maintenance_button = QPushButton(self.tr("Remove from the schedule"))
        bar.addWidget(self.overdue_only)
        bar.addStretch(1)
        bar.addWidget(self.done_button)
        bar.addWidget(self.delete_maintenance_button)
        layout.addLayout(bar)
        self.maintenance = _table_widget(
            [
                self.tr("Line"),
                self.tr("Task"),
                self.tr("Every"),
                self.tr("Last done"),
                self.tr("Next due"),
            ]
        )
        layout.addWidget(self.maintenance, 1)
        self.overdue_only.toggled.connect(self.refresh_maintenance)
        self.done_button.clicked.connect(self.maintenance_done)
        self.delete_maintenance_button.clicked.connect(self.delete_maintenance)
        self.done_button.setVisible(self.can_edit)
        self.delete_maintenance_button.setVisible(self.can_edit)
        self._maintenance_rows: list[lines.MaintenanceRow] = []
        return tab

    def refresh_maintenance(self) -> None:
        rows = (
            attempt(
                self,
                lambda: lines.maintenance_schedule(
                    self.state.db, self.state.actor, overdue_only=self.overdue_only.isChecked()
                ),
            )
            or []
        )
        self._maintenance_rows = rows
        self.maintenance.setRowCount(len(rows))
        for i, m in enumerate(rows):
            line = format_phone(m.line_number)
            due = format_date(m.next_due)
            if m.overdue:
                due = self.tr("{date} — overdue").format(date=due)
            values = (
                f"{line} — {m.line_label}" if m.line_label else line,
                m.task,
                self.tr("%n d", None, m.interval_days),
                format_date(m.last_done),
                due,
            )
            for col, text in enumerate(values):
                item = QTableWidgetItem(text)
                if m.overdue:
                    item.setBackground(QBrush(OVERDUE_BG))
                    item.setForeground(QBrush(OVERDUE_FG))
                self.maintenance.setItem(i, col, item)
        self.maintenance.resizeColumnsToContents()

    def _selected_maintenance(self) -> lines.MaintenanceRow | None:
        row = self.maintenance.currentRow()
        return self._maintenance_rows[row] if 0 <= row < len(self._maintenance_rows) else None

    def maintenance_done(self) -> None:
        item = self._selected_maintenance()
        if item is None:
            return
        if (
            attempt(
                self,
                lambda: lines.maintenance_done(
                    self.state.db, self.state.actor, item.id, expected_version=item.version
                ),
            )
            is not None
        ):
            self.refresh_maintenance()

    def delete_maintenance(self) -> None:
        item = self._selected_maintenance()
        if item is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Remove from the schedule"),
            self.tr("Remove “{task}” from the schedule?").format(task=item.task),
        )
        if answer == QMessageBox.StandardButton.Yes:
            attempt(
                self, lambda: lines.delete_maintenance(self.state.db, self.state.actor, item.id)
            )
            self.refresh_maintenance()

    # -- peak periods --------------------------------------------------------------------------
    def _peaks_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        bar = QHBoxLayout()
        self.add_plan_button = QPushButton(self.tr("Plan a peak period…"))
        self.edit_plan_button = QPushButton(self.tr("Edit…"))
        self.delete_plan_button = QPushButton(self.tr("Delete"))
        for b in (self.add_plan_button, self.edit_plan_button, self.delete_plan_button):
            b.setVisible(self.can_edit)
            bar.addWidget(b)
        bar.addStretch(1)
        layout.addLayout(bar)
        self.plans = _table_widget(
            [
                self.tr("Peak period"),
                self.tr("From"),
                self.tr("Until"),
                self.tr("Hours"),
                self.tr("Extra lines"),
                self.tr("Extra agents"),
                self.tr("Notes"),
            ]
        )
        layout.addWidget(self.plans, 1)
        self.add_plan_button.clicked.connect(lambda: self.edit_plan(new=True))
        self.edit_plan_button.clicked.connect(lambda: self.edit_plan(new=False))
        self.plans.doubleClicked.connect(lambda: self.edit_plan(new=False))
        self.delete_plan_button.clicked.connect(self.delete_plan)
        self._plans: list[lines.PlanRow] = []
        return tab

    def refresh_plans(self) -> None:
        self._plans = (
            attempt(self, lambda: lines.reinforcement_plans(self.state.db, self.state.actor)) or []
        )
        self.plans.setRowCount(len(self._plans))
        for i, p in enumerate(self._plans):
            for col, text in enumerate(
                (
                    p.title,
                    format_date(p.starts_on),
                    format_date(p.ends_on),
                    p.hours,
                    str(p.extra_lines),
                    str(p.extra_agents),
                    p.notes,
                )
            ):
                self.plans.setItem(i, col, QTableWidgetItem(text))
        self.plans.resizeColumnsToContents()

    def edit_plan(self, new: bool) -> None:
        from desktop_app.ui.dialogs.reinforcement_plan_dialog import ReinforcementPlanDialog

        if not self.can_edit:
            return
        row = self.plans.currentRow()
        plan = None if new else (self._plans[row] if 0 <= row < len(self._plans) else None)
        if not new and plan is None:
            return
        if ReinforcementPlanDialog(self.state, plan, self).exec():
            self.refresh_plans()

    def delete_plan(self) -> None:
        row = self.plans.currentRow()
        if not 0 <= row < len(self._plans):
            return
        plan = self._plans[row]
        answer = QMessageBox.question(
            self, self.tr("Delete"), self.tr("Delete the plan “{title}”?").format(title=plan.title)
        )
        if answer == QMessageBox.StandardButton.Yes:
            attempt(self, lambda: lines.delete_plan(self.state.db, self.state.actor, plan.id))
            self.refresh_plans()

    # -- forwarding ----------------------------------------------------------------------------
    def _forwarding_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        bar = QHBoxLayout()
        self.end_forward_button = QPushButton(self.tr("End the forwarding now"))
        self.end_forward_button.setVisible(self.can_edit)
        bar.addStretch(1)
        bar.addWidget(self.end_forward_button)
        layout.addLayout(bar)
        self.forwards = _table_widget(
            [
                self.tr("Line"),
                self.tr("Agent who answers"),
                self.tr("Forwarded to"),
                self.tr("From"),
                self.tr("Until"),
                self.tr("Notes"),
            ]
        )
        layout.addWidget(self.forwards, 1)
        self.end_forward_button.clicked.connect(self.end_forwarding)
        self._forwards: list[lines.ForwardingRow] = []
        return tab

    def refresh_forwardings(self) -> None:
        self._forwards = (
            attempt(self, lambda: lines.forwardings(self.state.db, self.state.actor)) or []
        )
        now = datetime.now(UTC)
        self.forwards.setRowCount(len(self._forwards))
        for i, f in enumerate(self._forwards):
            line = format_phone(f.line_number)
            values = (
                f"{line} — {f.line_label}" if f.line_label else line,
                f.agent_name(self.state.lang),
                format_phone(f.target_number),
                format_datetime(f.starts_at),
                format_datetime(f.ends_at),
                f.notes,
            )
            for col, text in enumerate(values):
                item = QTableWidgetItem(text)
                if f.starts_at <= now < f.ends_at:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.forwards.setItem(i, col, item)
        self.forwards.resizeColumnsToContents()

    def end_forwarding(self) -> None:
        row = self.forwards.currentRow()
        if not 0 <= row < len(self._forwards):
            return
        fwd = self._forwards[row]
        attempt(self, lambda: lines.end_forwarding(self.state.db, self.state.actor, fwd.id))
        self.refresh_forwardings()
        self.refresh_inventory()

    # -- navigation ----------------------------------------------------------------------------
    def _tab_changed(self, index: int) -> None:
        key = self.TABS[index] if 0 <= index < len(self.TABS) else ""
        refresh = {
            "inventory": self.refresh_inventory,
            "faults": self.refresh_faults,
            "maintenance": self.refresh_maintenance,
            "peaks": self.refresh_plans,
            "forwarding": self.refresh_forwardings,
        }.get(key)
        if refresh is not None:
            refresh()

    def apply_filter(
        self,
        tab: str = "inventory",
        due: bool = False,
        open_only: bool = True,
        overdue_only: bool = False,
        status: str = "",
        **_: object,
    ) -> None:
        """What the dashboard's action lists open: lines due, open faults, overdue upkeep, the
        lines forwarded now."""
        if tab == "forwarding":
            pass  # the tab lists current and coming forwardings, the current ones in bold
        elif tab == "faults":
            self.open_only.setChecked(open_only)
        elif tab == "maintenance":
            self.overdue_only.setChecked(overdue_only)
        else:
            self.search.clear()
            self.kind.setCurrentIndex(0)
            self.status.setCurrentIndex(max(self.status.findData(status), 0))
            self.due.setChecked(due)
        index = self.TABS.index(tab) if tab in self.TABS else 0
        if self.tabs.currentIndex() != index:
            self.tabs.setCurrentIndex(index)
        else:
            self._tab_changed(index)
