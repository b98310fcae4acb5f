"""The Lines page (C8.1, C8.4, C2.4): the inventory with its checks, faults, maintenance schedule,
peak-period reinforcement plans and forwardings — who answers each public number now.

Each tab is its own widget (ui/widgets/lines_*_tab.py); this page composes them, keeps them in
step (a repair or an ended forwarding reloads the inventory) and opens the tab a link asks for.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from desktop_app.services.lines import LineRow
from desktop_app.ui.state import AppState
from desktop_app.ui.widgets.lines_faults_tab import LineFaultsTab
from desktop_app.ui.widgets.lines_forwarding_tab import LineForwardingTab
from desktop_app.ui.widgets.lines_inventory_tab import LinesInventoryTab
from desktop_app.ui.widgets.lines_maintenance_tab import LineMaintenanceTab
from desktop_app.ui.widgets.lines_peaks_tab import LinePeaksTab
from desktop_app.ui.widgets.page_header import PageHeader


class LinesPage(QWidget):
    TABS = ("inventory", "faults", "maintenance", "peaks", "forwarding")

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
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
        self.inventory_tab = LinesInventoryTab(state)
        self.faults_tab = LineFaultsTab(state)
        self.maintenance_tab = LineMaintenanceTab(state)
        self.peaks_tab = LinePeaksTab(state)
        self.forwarding_tab = LineForwardingTab(state)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.inventory_tab, self.tr("Inventory"))
        self.tabs.addTab(self.faults_tab, self.tr("Faults"))
        self.tabs.addTab(self.maintenance_tab, self.tr("Maintenance"))
        self.tabs.addTab(self.peaks_tab, self.tr("Peak periods"))
        self.tabs.addTab(self.forwarding_tab, self.tr("Forwarding"))
        self.inventory_tab.maintenance_scheduled.connect(self.maintenance_tab.refresh_maintenance)
        self.faults_tab.lines_changed.connect(self.inventory_tab.refresh_inventory)
        self.forwarding_tab.lines_changed.connect(self.inventory_tab.refresh_inventory)
        self.tabs.currentChanged.connect(self._tab_changed)
        layout.addWidget(self.tabs, 1)
        # The widgets the dashboard's links, the change signal and the tests reach through the
        # page, as they did when the page built every tab itself.
        inv = self.inventory_tab
        self.search, self.kind, self.status, self.due = inv.search, inv.kind, inv.status, inv.due
        self.model, self.table, self.history = inv.model, inv.table, inv.history
        self.add_button, self.edit_button = inv.add_button, inv.edit_button
        self.check_button, self.check_actions = inv.check_button, inv.check_actions
        self.round_button, self.fault_button = inv.round_button, inv.fault_button
        self.forward_button = inv.forward_button
        self.faults_model, self.open_only = self.faults_tab.faults_model, self.faults_tab.open_only
        self.maintenance = self.maintenance_tab.maintenance
        self.overdue_only = self.maintenance_tab.overdue_only
        self.plans, self.forwards = self.peaks_tab.plans, self.forwarding_tab.forwards
        self.refresh_inventory()

    # -- the inventory, as callers knew it ----------------------------------------------------
    def refresh_inventory(self) -> None:
        self.inventory_tab.refresh_inventory()

    @property
    def pending(self) -> bool:
        """The inventory's read is under way (issue 15.3): tests wait for it, never sleep."""
        return self.inventory_tab.pending

    def selected_line(self) -> LineRow | None:
        return self.inventory_tab.selected_line()

    def quick_check(self, result: str) -> None:
        self.inventory_tab.quick_check(result)

    def import_path(self, path: Path) -> None:
        self.inventory_tab.import_path(path)

    def _reselect(self, line_id: int) -> None:
        self.inventory_tab._reselect(line_id)

    # -- navigation ----------------------------------------------------------------------------
    def _tab_changed(self, index: int) -> None:
        key = self.TABS[index] if 0 <= index < len(self.TABS) else ""
        refresh = {
            "inventory": self.inventory_tab.refresh_inventory,
            "faults": self.faults_tab.refresh_faults,
            "maintenance": self.maintenance_tab.refresh_maintenance,
            "peaks": self.peaks_tab.refresh_plans,
            "forwarding": self.forwarding_tab.refresh_forwardings,
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
