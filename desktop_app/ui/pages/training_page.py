"""Training (C8.3, C8.5, C8.6): sessions, the plan, the guides library, legal updates, equipment
and recognition, one tab each. An agent sees only the guides, to acknowledge them."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from desktop_app.services.permissions import Perm
from desktop_app.ui.state import AppState
from desktop_app.ui.widgets.equipment_tab import EquipmentTab
from desktop_app.ui.widgets.guides_tab import GuidesTab
from desktop_app.ui.widgets.legal_updates_tab import LegalUpdatesTab
from desktop_app.ui.widgets.page_header import PageHeader
from desktop_app.ui.widgets.recognition_tab import RecognitionTab
from desktop_app.ui.widgets.training_plan_tab import TrainingPlanTab
from desktop_app.ui.widgets.training_sessions_tab import TrainingSessionsTab


class TrainingPage(QWidget):
    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        layout = QVBoxLayout(self)
        layout.addWidget(
            PageHeader(
                self.tr("Training and guides"),
                self.tr(
                    "Train agents periodically, keep them informed of legal changes, give them "
                    "current guides and working equipment, and reward the best (C8.3, C8.5, "
                    "C8.6)."
                ),
            )
        )
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)
        self.tab_keys: list[str] = []
        self.guides = GuidesTab(state)
        if state.actor.can(Perm.READ_ALL):
            self.sessions = TrainingSessionsTab(state)
            self.plan = TrainingPlanTab(state)
            self.updates = LegalUpdatesTab(state)
            self.equipment = EquipmentTab(state)
            self.recognition = RecognitionTab(state)
            self._add("sessions", self.sessions, self.tr("Sessions"))
            self._add("plan", self.plan, self.tr("Training plan"))
            self._add("guides", self.guides, self.tr("Guides and manuals"))
            self._add("updates", self.updates, self.tr("Legal updates"))
            self._add("equipment", self.equipment, self.tr("Equipment"))
            self._add("recognition", self.recognition, self.tr("Recognition"))
        else:
            self._add("guides", self.guides, self.tr("Guides and manuals"))

    def _add(self, key: str, widget: QWidget, title: str) -> None:
        self.tab_keys.append(key)
        self.tabs.addTab(widget, title)

    def show_tab(self, key: str) -> QWidget | None:
        if key not in self.tab_keys:
            return None
        index = self.tab_keys.index(key)
        self.tabs.setCurrentIndex(index)
        return self.tabs.widget(index)

    def apply_filter(self, tab: str = "sessions", **page_filter: Any) -> None:
        """What the dashboard's action lists open: {"tab": "plan"}, {"tab": "guides",
        "outdated": True}, {"tab": "guides", "unread": True}, {"tab": "equipment",
        "problems": True}, {"tab": "sessions", "agent_id": 3}."""
        widget = self.show_tab(tab)
        apply = getattr(widget, "apply_filter", None)
        if callable(apply):
            apply(**page_filter)
        elif widget is not None and hasattr(widget, "refresh"):
            widget.refresh()
