"""Preview of a phone directory before importing it (C8.1): every row, what it becomes or why
it cannot, then import or cancel. Nothing is written until the user says so."""

from __future__ import annotations

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services import lines
from desktop_app.services.errors import ImportResult
from desktop_app.services.lines.directory_import import LinesPlan, commit_lines_plan
from desktop_app.services.progress import Cancelled
from desktop_app.ui.formatting import format_phone
from desktop_app.ui.messages import show_error
from desktop_app.ui.state import AppState
from desktop_app.ui.workers import run_with_progress

ERROR = QColor("#b3261e")
WARNING = QColor("#8a5a00")


class LinesImportDialog(QDialog):
    def __init__(self, state: AppState, plan: LinesPlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.plan = plan
        self.outcome: ImportResult | None = None
        self.setWindowTitle(self.tr("Import phone lines — {file}").format(file=plan.file))
        self.resize(980, 560)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.table = QTableWidget(len(plan.rows), 6)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Row"),
                self.tr("Number as written"),
                self.tr("Kind"),
                self.tr("Label"),
                self.tr("Becomes"),
                self.tr("Remarks"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        for i, r in enumerate(plan.rows):
            # An invalid row becomes nothing, and its kind is what the file says, not a guess.
            becomes = "" if r.errors else ", ".join(format_phone(n.number) for n in r.new)
            kind = lines.kind_label(r.kind) if r.kind and not r.errors else r.kind_text
            remarks = [
                self.tr("{column}: {message}").format(column=e.column_name, message=e.message)
                for e in r.errors + r.warnings
            ]
            if r.duplicates and not r.errors:
                remarks.append(
                    self.tr("Already in the inventory or earlier in the file: {n}").format(
                        n=r.duplicates
                    )
                )
            values = (
                str(r.row),
                r.number_text,
                kind,
                r.label,
                becomes,
                "\n".join(remarks),
            )
            for col, text in enumerate(values):
                item = QTableWidgetItem(text)
                if r.errors:
                    item.setForeground(QBrush(ERROR))
                elif r.warnings and col == 5:
                    item.setForeground(QBrush(WARNING))
                self.table.setItem(i, col, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()
        self.skip = QCheckBox(self.tr("Skip the invalid rows and import the others"))
        self.skip.setVisible(bool(plan.errors))
        self.skip.toggled.connect(self.refresh)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(
            self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.accepted.connect(self.commit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.skip)
        layout.addWidget(self.buttons)
        self.refresh()

    def refresh(self) -> None:
        skip = self.skip.isChecked()
        new = len(self.plan.to_insert(skip))
        bad = len({e.row for e in self.plan.errors})
        if bad and not skip:
            text = self.tr(
                "Rows that cannot be imported (in red): {bad}. Nothing will be written "
                "unless you correct the file or choose to skip them."
            ).format(bad=bad)
        else:
            text = self.tr(
                "New lines to add: {new}; numbers already in the inventory: {dup}."
            ).format(new=new, dup=self.plan.duplicates())
        self.summary.setText(text)
        self.import_button.setEnabled(new > 0 and (not bad or skip))

    def commit(self) -> None:
        """Written in the background behind a progress dialog: while another task holds the
        database (a long import) it says it is waiting, and Cancel stops the wait (issue 16.5)."""
        skip = self.skip.isChecked()
        self.import_button.setEnabled(False)
        self.task = run_with_progress(
            self,
            self.tr("Importing the phone lines…"),
            lambda p: commit_lines_plan(
                self.state.db, self.state.actor, self.plan, skip_invalid=skip, progress=p
            ),
            self._committed,
            self._failed,
        )

    def _committed(self, result: ImportResult) -> None:
        self.outcome = result
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        if not isinstance(exc, Cancelled):
            show_error(self, exc)
        self.refresh()  # the import button again
