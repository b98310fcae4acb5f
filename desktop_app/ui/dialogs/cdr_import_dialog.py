"""Importing the PBX's Master.csv from the window: the plan first (the file read once, nothing
written), then the commit of that same plan (C8.4, services/imports.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_app.exchange.cdr import plan_cdr
from desktop_app.services.call_records import CdrImport, CdrPlan, commit_call_records_plan
from desktop_app.services.errors import UserError
from desktop_app.services.progress import Progress
from desktop_app.ui.formatting import format_datetime
from desktop_app.ui.messages import show_error
from desktop_app.ui.state import AppState
from desktop_app.ui.workers import run_with_progress


class CdrImportDialog(QDialog):
    def __init__(self, state: AppState, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.path = path
        self.done_report: CdrImport | None = None
        self.plan: CdrPlan | None = None
        self.plan_utc = False  # what the UTC box said when self.plan was made
        self._task: Any = None
        self._serial = 0  # of the newest preview: an older one answering late is dropped
        self.setWindowTitle(self.tr("Import call records"))
        layout = QVBoxLayout(self)
        title = QLabel(path.name)
        title.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(title)
        self.utc = QCheckBox(self.tr("The PBX writes times in UTC (usegmtime=yes in cdr.conf)"))
        self.utc.toggled.connect(self.preview)
        layout.addWidget(self.utc)
        self.summary = QPlainTextEdit()
        self.summary.setReadOnly(True)
        layout.addWidget(self.summary, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        accept = QDialogButtonBox.ButtonRole.AcceptRole
        self.import_button = self.buttons.addButton(self.tr("Import"), accept)
        self.import_button.setEnabled(False)
        self.buttons.accepted.connect(self.run_import)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(620, 420)

    def preview(self) -> None:
        """Plan the file (again when the UTC box changes what its times mean). Only the newest
        plan is shown: one made for the box's other state, finishing later, would otherwise
        replace it, and Import would write every call an hour off."""
        self._serial += 1
        serial = self._serial
        self.import_button.setEnabled(False)
        self.plan = None
        state, path, utc = self.state, self.path, self.utc.isChecked()

        def work(progress: Progress) -> CdrPlan:
            plan = plan_cdr(state.db, state.actor, path, utc=utc, progress=progress)
            refusal = plan.refusal()
            if refusal is not None:
                raise refusal
            return plan

        def previewed(plan: CdrPlan) -> None:
            if serial == self._serial:
                self._previewed(plan, utc)

        def failed(exc: BaseException) -> None:
            if serial == self._serial:
                self._failed(exc)

        self._task = run_with_progress(
            self, self.tr("Reading the call records…"), work, previewed, failed
        )

    def run_import(self) -> None:
        """Commit the plan the preview showed; the file is not read again. A plan made for the
        other state of the UTC box is not committed: the file is planned again instead."""
        plan = self.plan
        if plan is None:
            return
        if self.plan_utc != self.utc.isChecked():
            self.preview()
            return
        self.import_button.setEnabled(False)
        state = self.state
        self._task = run_with_progress(
            self, self.tr("Reading the call records…"),
            lambda progress: commit_call_records_plan(state.db, state.actor, plan,
                                                      progress=progress),
            self._imported, self._commit_failed,
        )  # fmt: skip

    def describe(self, report: CdrImport) -> str:
        d = report.directions
        lines = [
            self.tr("Calls to import: {n} (already imported: {d}).").format(
                n=report.result.imported, d=report.result.skipped_duplicates),
            self.tr("Inbound on inventory lines: {n}").format(n=d["inbound"]),
            self.tr("Outgoing: {n} · internal: {i} · to numbers missing from the inventory: {u}")
            .format(n=d["outgoing"], i=d["internal"], u=d["unmatched"]),
            self.tr("From {first} to {last}").format(first=format_datetime(report.first),
                                                     last=format_datetime(report.last)),
        ]  # fmt: skip
        if report.upgraded:
            lines.append(self.tr("Calls already imported as missed, now answered: {n}").format(
                n=report.upgraded))  # fmt: skip
        for w in report.result.warnings:
            lines.append(self.tr("Warning: {message}").format(message=w.message))
        return "\n".join(lines)

    def _previewed(self, plan: CdrPlan, utc: bool) -> None:
        self.plan, self.plan_utc = plan, utc
        self.summary.setPlainText(self.describe(plan.report))
        self._update_button()

    def _update_button(self) -> None:
        """Import is offered when the plan changes anything: calls to add, or stored missed
        calls this file shows answered (a file of only those is worth applying too)."""
        plan = self.plan
        self.import_button.setEnabled(plan is not None and bool(plan.rows or plan.upgrades))

    def _imported(self, report: CdrImport) -> None:
        self.done_report = report
        self.accept()

    def _commit_failed(self, exc: BaseException) -> None:
        """The commit wrote nothing (one transaction): the plan may be tried again."""
        self._failed(exc)
        self._update_button()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, UserError):
            details = [exc.message] + [
                self.tr("Line {row}, {column}: {message}").format(
                    row=e.row, column=e.column or "—", message=e.message)
                for e in exc.row_errors[1:20]
            ]  # fmt: skip
            self.summary.setPlainText("\n".join(details))
            return
        show_error(self, exc)
