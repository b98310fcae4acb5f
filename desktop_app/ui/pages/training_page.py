"""Training (C8.3, C8.5, C8.6): sessions, the plan, the guides library, legal updates, equipment
and recognition, one tab each. An agent sees only the guides, to acknowledge them.

A tab is built the first time it is shown (issue 15.3, ui/widgets/lazy_tabs.py): each reads its
list when built; `sessions`, `plan`, … build the tab they name when code (the dashboard's action
lists, a test) asks for it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from PySide6.QtWidgets import QVBoxLayout, QWidget

from desktop_app.services.permissions import Perm
from desktop_app.ui.state import AppState
from desktop_app.ui.widgets.lazy_tabs import LazyTabs
from desktop_app.ui.widgets.page_header import PageHeader

if TYPE_CHECKING:  # imported with the tab they build, when it is first shown
    from desktop_app.ui.widgets.equipment_tab import EquipmentTab
    from desktop_app.ui.widgets.guides_tab import GuidesTab
    from desktop_app.ui.widgets.legal_updates_tab import LegalUpdatesTab
    from desktop_app.ui.widgets.recognition_tab import RecognitionTab
    from desktop_app.ui.widgets.training_plan_tab import TrainingPlanTab
    from desktop_app.ui.widgets.training_sessions_tab import TrainingSessionsTab


def _sessions(state: AppState) -> QWidget:
    from desktop_app.ui.widgets.training_sessions_tab import TrainingSessionsTab

    return TrainingSessionsTab(state)


def _plan(state: AppState) -> QWidget:
    from desktop_app.ui.widgets.training_plan_tab import TrainingPlanTab

    return TrainingPlanTab(state)


def _guides(state: AppState) -> QWidget:
    from desktop_app.ui.widgets.guides_tab import GuidesTab

    return GuidesTab(state)


def _updates(state: AppState) -> QWidget:
    from desktop_app.ui.widgets.legal_updates_tab import LegalUpdatesTab

    return LegalUpdatesTab(state)


def _equipment(state: AppState) -> QWidget:
    from desktop_app.ui.widgets.equipment_tab import EquipmentTab

    return EquipmentTab(state)


def _recognition(state: AppState) -> QWidget:
    from desktop_app.ui.widgets.recognition_tab import RecognitionTab

    return RecognitionTab(state)


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
        self.tabs = LazyTabs()
        layout.addWidget(self.tabs, 1)
        add = self.tabs.add_lazy
        if state.actor.can(Perm.READ_ALL):
            add("sessions", lambda: _sessions(state), self.tr("Sessions"))
            add("plan", lambda: _plan(state), self.tr("Training plan"))
            add("guides", lambda: _guides(state), self.tr("Guides and manuals"))
            add("updates", lambda: _updates(state), self.tr("Legal updates"))
            add("equipment", lambda: _equipment(state), self.tr("Equipment"))
            add("recognition", lambda: _recognition(state), self.tr("Recognition"))
        else:
            add("guides", lambda: _guides(state), self.tr("Guides and manuals"))
        self.tabs.build_current()

    @property
    def tab_keys(self) -> list[str]:
        return self.tabs.tab_keys

    def tab(self, key: str) -> QWidget:
        """The tab `key`, built now if it has not been shown yet."""
        return self.tabs.tab(key)

    # The tabs by name, built on first use (READ_ALL roles; an agent's page has only `guides`).
    @property
    def sessions(self) -> TrainingSessionsTab:
        return cast("TrainingSessionsTab", self.tab("sessions"))

    @property
    def plan(self) -> TrainingPlanTab:
        return cast("TrainingPlanTab", self.tab("plan"))

    @property
    def guides(self) -> GuidesTab:
        return cast("GuidesTab", self.tab("guides"))

    @property
    def updates(self) -> LegalUpdatesTab:
        return cast("LegalUpdatesTab", self.tab("updates"))

    @property
    def equipment(self) -> EquipmentTab:
        return cast("EquipmentTab", self.tab("equipment"))

    @property
    def recognition(self) -> RecognitionTab:
        return cast("RecognitionTab", self.tab("recognition"))

    def show_tab(self, key: str) -> QWidget | None:
        return self.tabs.show_tab(key)

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
