"""Training (C8.3, C8.5, C8.6): sessions, the plan, the guides library, legal updates, equipment
and recognition, one tab each. An agent sees only the guides, to acknowledge them.

A tab is built the first time it is shown (issue 15.3): each reads its list when built, and
building the six at once kept the window still for 0.3–0.4 s at the first opening of the page.
Until then the tab bar holds an empty placeholder in its place; `sessions`, `plan`, … build the
tab they name when code (the dashboard's action lists, a test) asks for it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from desktop_app.services.permissions import Perm
from desktop_app.ui.state import AppState
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
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)
        self.tab_keys: list[str] = []
        self._factories: dict[str, Callable[[AppState], QWidget]] = {}
        self._built: dict[str, QWidget] = {}
        if state.actor.can(Perm.READ_ALL):
            self._add("sessions", _sessions, self.tr("Sessions"))
            self._add("plan", _plan, self.tr("Training plan"))
            self._add("guides", _guides, self.tr("Guides and manuals"))
            self._add("updates", _updates, self.tr("Legal updates"))
            self._add("equipment", _equipment, self.tr("Equipment"))
            self._add("recognition", _recognition, self.tr("Recognition"))
        else:
            self._add("guides", _guides, self.tr("Guides and manuals"))
        self.tabs.currentChanged.connect(self._shown)
        self._shown(self.tabs.currentIndex())

    def _add(self, key: str, factory: Callable[[AppState], QWidget], title: str) -> None:
        self.tab_keys.append(key)
        self._factories[key] = factory
        self.tabs.addTab(QWidget(), title)  # a placeholder until the tab is first shown

    def _shown(self, index: int) -> None:
        if 0 <= index < len(self.tab_keys):
            self.tab(self.tab_keys[index])

    def tab(self, key: str) -> QWidget:
        """The tab `key`, built now if it has not been shown yet (it takes its placeholder's
        place, at the same index, without changing the tab shown)."""
        built = self._built.get(key)
        if built is not None:
            return built
        index = self.tab_keys.index(key)
        widget = self._factories[key](self.state)
        self._built[key] = widget
        current = self.tabs.currentIndex()
        self.tabs.blockSignals(True)  # the swap is not the person choosing another tab
        try:
            placeholder = self.tabs.widget(index)
            title = self.tabs.tabText(index)
            self.tabs.removeTab(index)
            self.tabs.insertTab(index, widget, title)
            self.tabs.setCurrentIndex(current)
        finally:
            self.tabs.blockSignals(False)
        if placeholder is not None:
            placeholder.deleteLater()
        return widget

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
        if key not in self.tab_keys:
            return None
        self.tabs.setCurrentIndex(self.tab_keys.index(key))
        return self.tab(key)

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
