"""The Lines page's Faults tab (C8.4): faults reported on lines, and marking one repaired."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services.permissions import Perm
from desktop_app.ui.messages import attempt
from desktop_app.ui.models.line_faults_table_model import LineFaultsTableModel
from desktop_app.ui.state import AppState
from desktop_app.ui.widgets.tables import table_view


class LineFaultsTab(QWidget):
    """The faults, open ones first by default; a supervisor marks one repaired."""

    lines_changed = Signal()  # a repair puts the line back in service on the Inventory tab

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.can_edit = state.actor.can(Perm.EDIT_LINES)
        self.can_check = state.actor.can(Perm.CHECK_LINES)
        layout = QVBoxLayout(self)
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
        # Read when the tab is shown (refresh_faults), not by the view as the Lines page opens
        # (issue 15.3: 6 000 faults, 30-50 ms of the GUI thread for a tab not shown).
        self.faults_model.hold()
        self.faults_table = table_view(self.faults_model, stretch_last=True)
        for col, width in enumerate((240, 130, 300, 130, 130)):
            self.faults_table.setColumnWidth(col, width)
        layout.addWidget(self.faults_table, 1)
        self.open_only.toggled.connect(self.refresh_faults)
        self.repair_button.clicked.connect(self.repair)
        self.faults_table.selectionModel().currentRowChanged.connect(self._fault_selected)

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
            self.lines_changed.emit()
