"""Editing the call scorecard (C8.2, C8.7): criteria, weights, topics; saving writes a new version.

The dialog edits a copy of the version in use. Saving calls `scorecards.save_new_version`, which
checks the permission and the rules again; past evaluations keep the version they were scored
against, so their scores never change.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services import scorecards
from desktop_app.services.errors import UserError
from desktop_app.services.scorecards import Criterion, ScorecardInfo
from desktop_app.ui.formatting import format_number
from desktop_app.ui.messages import show_error
from desktop_app.ui.state import AppState
from desktop_app.ui.widgets.table_cells import cell

# The indicators of CONTRACTS.md §3 read these criteria by key: the dialog does not remove them.
PROTECTED = (scorecards.PICKUP, scorecards.GREETING, scorecards.NAMED_BODY)
AR, FR, WEIGHT, TOPIC, NA = range(5)


def slug(text: str) -> str:
    """A stable ASCII key from a French name: "Écoute active" → "ecoute_active"."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "_", plain.lower()).strip("_")[:40].strip("_")


def unique_key(label_fr: str, taken: set[str]) -> str:
    base = slug(label_fr) or "criterion"
    key, n = base, 2
    while key in taken:
        key, n = f"{base}_{n}", n + 1
    return key


@dataclass
class _Row:
    key: str | None  # None until saved: a new criterion gets its key from its French name
    label_ar: str
    label_fr: str
    weight: int
    topic: str
    may_be_na: bool


class ScorecardDialog(QDialog):
    """A table of the criteria, Add/Remove/Move, a live total of weights and a note."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.saved: ScorecardInfo | None = None
        self.card = scorecards.current(state.db, state.actor)
        self.rows = [
            _Row(c.key, c.label_ar, c.label_fr, c.weight, c.training_topic, c.may_be_na)
            for c in self.card.criteria
        ]
        self.setWindowTitle(self.tr("Edit the scorecard"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "Version {n} is in use. Saving writes version {next}; the evaluations already "
            "recorded keep the version they were scored against, and their scores."
        ).format(n=self.card.number, next=self.card.number + 1))  # fmt: skip
        intro.setWordWrap(True)
        layout.addWidget(intro)

        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([
            self.tr("Name in Arabic"), self.tr("Name in French"), self.tr("Weight"),
            self.tr("Training topic"), self.tr("May be not applicable"),
        ])  # fmt: skip
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        rows = self.table.verticalHeader()
        rows.hide()
        # One even height that fits the combo and spin boxes, rather than rows of mixed heights.
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(max(QComboBox().sizeHint().height(), 28) + 6)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(AR, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(FR, QHeaderView.ResizeMode.Stretch)
        for column in (WEIGHT, TOPIC, NA):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        layout.addWidget(self.table, 1)

        bar = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add a criterion"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.up_button = QPushButton(self.tr("Move up"))
        self.down_button = QPushButton(self.tr("Move down"))
        self.add_button.clicked.connect(self.add_row)
        self.remove_button.clicked.connect(self.remove_row)
        self.up_button.clicked.connect(lambda: self.move_row(-1))
        self.down_button.clicked.connect(lambda: self.move_row(1))
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            bar.addWidget(button)
        bar.addStretch(1)
        layout.addLayout(bar)

        self.total = QLabel()
        self.total.setWordWrap(True)
        layout.addWidget(self.total)

        form = QFormLayout()
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("For example: new criterion after the audit"))
        self.note.setMaxLength(500)
        form.addRow(self.tr("Why this version"), self.note)
        layout.addLayout(form)

        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setStyleSheet("color: #b00020; font-weight: bold;")
        self.error.hide()
        layout.addWidget(self.error)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Save as version {next}").format(
            next=self.card.number + 1))  # fmt: skip
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        self._fill()
        self.resize(1100, 600)

    # -- the table ------------------------------------------------------------------------------
    def _fill(self, select: int | None = None) -> None:
        self.table.setRowCount(0)
        self.table.setRowCount(len(self.rows))
        for i, row in enumerate(self.rows):
            for column, text in ((AR, row.label_ar), (FR, row.label_fr)):
                item = QTableWidgetItem(text)
                self.table.setItem(i, column, item)
            weight = QSpinBox()
            weight.setRange(1, 100)  # the service's rule: every weight between 1 and 100
            weight.setValue(row.weight)
            weight.setAlignment(Qt.AlignmentFlag.AlignRight)
            weight.valueChanged.connect(self._update_total)
            self.table.setCellWidget(i, WEIGHT, weight)
            topic = QComboBox()
            for key in scorecards.TOPICS:
                topic.addItem(scorecards.topic_label(key), key)
            topic.setCurrentIndex(max(0, topic.findData(row.topic)))
            self.table.setCellWidget(i, TOPIC, topic)
            na = QCheckBox()
            na.setChecked(row.may_be_na)
            na.setToolTip(self.tr("May be not applicable"))
            holder = QWidget()
            box = QHBoxLayout(holder)
            box.setContentsMargins(0, 0, 0, 0)
            box.addWidget(na, 0, Qt.AlignmentFlag.AlignCenter)
            self.table.setCellWidget(i, NA, holder)
        if select is not None:
            self.select_row(select)
        self._update_total()
        self._update_buttons()

    def select_row(self, i: int) -> None:
        """setCurrentCell, not selectRow: selectRow selects nothing right-to-left before show."""
        if 0 <= i < len(self.rows):
            self.table.setCurrentCell(i, AR)

    def weight_box(self, i: int) -> QSpinBox:
        box = self.table.cellWidget(i, WEIGHT)
        assert isinstance(box, QSpinBox)  # set in every row this dialog fills
        return box

    def topic_box(self, i: int) -> QComboBox:
        box = self.table.cellWidget(i, TOPIC)
        assert isinstance(box, QComboBox)
        return box

    def na_box(self, i: int) -> QCheckBox:
        holder = self.table.cellWidget(i, NA)
        box = holder.findChild(QCheckBox) if holder is not None else None
        assert isinstance(box, QCheckBox)
        return box

    def _harvest(self) -> None:
        """Copy what is on screen back into self.rows (before a move, a removal, a save)."""
        for i, row in enumerate(self.rows):
            row.label_ar = cell(self.table, i, AR).text().strip()
            row.label_fr = cell(self.table, i, FR).text().strip()
            row.weight = self.weight_box(i).value()
            row.topic = self.topic_box(i).currentData()
            row.may_be_na = self.na_box(i).isChecked()

    def current_row(self) -> int:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def add_row(self) -> None:
        self._harvest()
        self.rows.append(_Row(None, "", "", 10, "reception", False))
        self._fill(len(self.rows) - 1)
        self.table.editItem(cell(self.table, len(self.rows) - 1, AR))

    def remove_row(self) -> None:
        i = self.current_row()
        if i < 0 or self.rows[i].key in PROTECTED:
            return
        self._harvest()
        del self.rows[i]
        self._fill(min(i, len(self.rows) - 1))

    def move_row(self, step: int) -> None:
        i = self.current_row()
        j = i + step
        if i < 0 or not 0 <= j < len(self.rows):
            return
        self._harvest()
        self.rows[i], self.rows[j] = self.rows[j], self.rows[i]
        self._fill(j)

    def _update_buttons(self) -> None:
        i = self.current_row()
        protected = i >= 0 and self.rows[i].key in PROTECTED
        self.remove_button.setEnabled(i >= 0 and not protected)
        self.remove_button.setToolTip(
            self.tr("The indicators rely on this criterion: it can be re-weighted, not removed.")
            if protected else ""
        )  # fmt: skip
        self.up_button.setEnabled(i > 0)
        self.down_button.setEnabled(0 <= i < len(self.rows) - 1)

    def total_weight(self) -> int:
        return sum(self.weight_box(i).value() for i in range(self.table.rowCount()))

    def _update_total(self) -> None:
        # scorecards._validate sets no rule on the total: the score divides by the weight of the
        # criteria that apply, so weights are relative and need not add up to 100.
        self.total.setText(self.tr(
            "Total of the weights: {total}. It need not be 100: each criterion counts in "
            "proportion to its weight among those that apply to the call (each weight from 1 "
            "to 100)."
        ).format(total=format_number(self.total_weight())))  # fmt: skip

    # -- saving ---------------------------------------------------------------------------------
    def criteria(self) -> list[Criterion]:
        self._harvest()
        taken = {r.key for r in self.rows if r.key}
        out: list[Criterion] = []
        for row in self.rows:
            key = row.key
            if key is None:
                key = unique_key(row.label_fr or row.label_ar, taken)
                taken.add(key)
            out.append(Criterion(None, key, row.label_ar, row.label_fr, row.weight, row.topic,
                                 row.may_be_na))  # fmt: skip
        return out

    def save(self) -> None:
        try:
            self.saved = scorecards.save_new_version(
                self.state.db, self.state.actor, self.criteria(),
                expected_number=self.card.number, note=self.note.text().strip(),
            )  # fmt: skip
        except UserError as exc:
            self.error.setText(exc.message)
            self.error.show()
            return
        except Exception as exc:  # noqa: BLE001 - a bug is shown with details, the window stays
            show_error(self, exc)
            return
        self.accept()
