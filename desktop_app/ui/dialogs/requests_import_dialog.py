"""Importing a requests register from the window: the plan of every row first (the file read
once), then the commit of that same plan (services/imports.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.exchange.requests_file import plan_register
from desktop_app.services import requests
from desktop_app.services.errors import ImportResult
from desktop_app.services.requests import RegisterPlan, commit_register_plan
from desktop_app.ui.formatting import format_datetime
from desktop_app.ui.messages import show_error
from desktop_app.ui.state import AppState
from desktop_app.ui.workers import run_with_progress

PREVIEW_ROWS = 200


class RequestsImportDialog(QDialog):
    def __init__(self, state: AppState, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.path = path
        self.outcome: ImportResult | None = None
        self.plan: RegisterPlan | None = None
        self.setWindowTitle(self.tr("Import a requests register"))
        self.resize(900, 560)
        layout = QVBoxLayout(self)
        self.summary = QLabel(self.tr("Reading {file}…").format(file=path.name))
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)  # errors quote the register's cells
        layout.addWidget(self.summary)
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Row"),
                self.tr("Received"),
                self.tr("Channel"),
                self.tr("Type"),
                self.tr("Subject"),
                self.tr("Problem"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.skip_invalid = QCheckBox(self.tr("Import the valid rows and leave out the others"))
        layout.addWidget(self.skip_invalid)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.setEnabled(False)
        buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.clicked.connect(self.run_import)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.skip_invalid.toggled.connect(self._update_button)
        self.task = run_with_progress(
            self,
            self.tr("Reading the register…"),
            lambda _p: plan_register(state.db, state.actor, path),
            self.show_preview,
            self._failed,
        )

    def _failed(self, exc: BaseException) -> None:
        show_error(self, exc)
        self.summary.setText(str(exc))

    def show_preview(self, plan: RegisterPlan) -> None:
        self.plan = plan
        problems: dict[int, str] = {}
        for e in plan.errors:
            problems.setdefault(
                e.row,
                self.tr("Column {column}: {message}").format(column=e.column, message=e.message),
            )
        lines: list[tuple[int, list[str]]] = [
            (
                p.row,
                [
                    format_datetime(p.values["received_at"]),
                    requests.channel_label(p.values["channel"]),
                    requests.type_label(p.values["type"]),
                    p.values["subject"],
                    "",
                ],
            )
            for p in plan.rows
        ]
        lines += [(row, ["", "", "", "", text]) for row, text in problems.items()]
        lines.sort(key=lambda item: (not item[1][4], item[0]))  # problems first
        shown = lines[:PREVIEW_ROWS]
        self.table.setRowCount(len(shown))
        for i, (number, values) in enumerate(shown):
            for col, value in enumerate([str(number), *values]):
                self.table.setItem(i, col, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()
        self.summary.setText(
            self.tr(
                "{file}: rows ready to import: %n; rows with a problem: {invalid}; warnings: "
                "{warnings}. Rows already in the register will be skipped.",
                None,
                len(plan.rows),
            ).format(
                file=self.path.name,
                invalid=len(problems),
                warnings=len(plan.warnings),
            )
        )
        self._update_button()

    def _update_button(self) -> None:
        plan = self.plan
        ok = (
            plan is not None
            and bool(plan.rows)
            and (not plan.errors or self.skip_invalid.isChecked())
        )
        self.import_button.setEnabled(ok)

    def run_import(self) -> None:
        skip = self.skip_invalid.isChecked()
        plan = self.plan
        assert plan is not None  # the button is enabled only once the plan is shown
        self.import_button.setEnabled(False)
        self.task = run_with_progress(
            self,
            self.tr("Importing the register…"),
            lambda p: commit_register_plan(
                self.state.db, self.state.actor, plan, skip_invalid=skip, progress=p
            ),
            self._imported,
            self._commit_failed,
        )

    def _commit_failed(self, exc: BaseException) -> None:
        """The commit wrote nothing (one transaction): the same plan may be tried again."""
        self._failed(exc)
        self._update_button()

    def _imported(self, result: Any) -> None:
        self.outcome = result
        self.accept()
