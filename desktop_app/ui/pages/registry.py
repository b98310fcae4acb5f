"""The pages the navigation offers; each area appends a PageSpec, shown to the roles allowed."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from desktop_app.services.permissions import Actor, Perm
from desktop_app.ui.state import AppState


@dataclass(frozen=True)
class PageSpec:
    key: str  # the name `istiqbal screenshot --page` takes
    title: Callable[[], str]  # translated when the navigation is built
    factory: Callable[[AppState], QWidget]
    permission: Perm | None = None
    # What `factory` imports, the page's own module first: imported on a worker after sign-in
    # (MainWindow.preload_pages) so the first opening does not import them on the GUI thread.
    modules: tuple[str, ...] = ()

    def allowed(self, actor: Actor) -> bool:
        return self.permission is None or actor.can(self.permission)


def _settings(state: AppState) -> QWidget:
    from desktop_app.ui.pages.settings_page import SettingsPage

    return SettingsPage(state)


def _users(state: AppState) -> QWidget:
    from desktop_app.ui.pages.users_page import UsersPage

    return UsersPage(state)


def _lines(state: AppState) -> QWidget:
    from desktop_app.ui.pages.lines_page import LinesPage

    return LinesPage(state)


def _agents(state: AppState) -> QWidget:
    from desktop_app.ui.pages.agents_page import AgentsPage
    from desktop_app.ui.widgets.agent_evaluations_tab import PROFILE_TAB

    return AgentsPage(state, profile_tabs=[PROFILE_TAB])


def _training(state: AppState) -> QWidget:
    from desktop_app.ui.pages.training_page import TrainingPage

    return TrainingPage(state)


def _audit(state: AppState) -> QWidget:
    from desktop_app.ui.pages.audit_page import AuditPage

    return AuditPage(state)


def _requests(state: AppState) -> QWidget:
    from desktop_app.ui.pages.requests_page import RequestsPage

    return RequestsPage(state)


def _evaluations(state: AppState) -> QWidget:
    from desktop_app.ui.pages.evaluations_page import EvaluationsPage

    return EvaluationsPage(state)


def _calls(state: AppState) -> QWidget:
    from desktop_app.ui.pages.calls_page import CallsPage

    return CallsPage(state)


def _dashboard(state: AppState) -> QWidget:
    from desktop_app.ui.pages.dashboard_page import DashboardPage

    return DashboardPage(state)


def _reports(state: AppState) -> QWidget:
    from desktop_app.ui.pages.reports_page import ReportsPage

    return ReportsPage(state)


def _services(state: AppState) -> QWidget:
    from desktop_app.ui.pages.services_page import ServicesPage

    return ServicesPage(state)


# Areas append their PageSpec; the navigation sorts by PAGE_ORDER, whatever the order here.
# Titles are lambdas around a literal so lupdate can extract them.
PAGES: list[PageSpec] = [
    PageSpec("settings", lambda: QCoreApplication.translate("pages", "Settings"), _settings,
             Perm.VIEW_SETTINGS,
             modules=("desktop_app.ui.pages.settings_page",)),
    PageSpec("users", lambda: QCoreApplication.translate("pages", "Users"), _users,
             Perm.MANAGE_USERS,
             modules=("desktop_app.ui.pages.users_page",)),
    PageSpec("audit", lambda: QCoreApplication.translate("pages", "Audit trail"), _audit,
             Perm.VIEW_AUDIT,
             modules=("desktop_app.ui.pages.audit_page",)),
    # requests area (C2.1, C2.3): agents work it without READ_ALL, see services.requests
    PageSpec("requests", lambda: QCoreApplication.translate("pages", "Requests"), _requests,
             None,
             modules=("desktop_app.ui.pages.requests_page",)),
    # Call quality and traffic (issue 6)
    PageSpec("evaluations", lambda: QCoreApplication.translate("pages", "Call evaluations"),
             _evaluations, Perm.READ_ALL,
             modules=("desktop_app.ui.pages.evaluations_page",)),
    PageSpec("calls", lambda: QCoreApplication.translate("pages", "Call traffic"), _calls,
             Perm.READ_ALL,
             modules=("desktop_app.ui.pages.calls_page",)),
    # The periodic evaluation (C8.7): the home page and the quarterly report.
    PageSpec("dashboard", lambda: QCoreApplication.translate("pages", "Dashboard"), _dashboard,
             Perm.READ_ALL,
             modules=("desktop_app.ui.pages.dashboard_page",)),
    PageSpec("reports", lambda: QCoreApplication.translate("pages", "Reports"), _reports,
             Perm.READ_ALL,
             modules=("desktop_app.ui.pages.reports_page",)),
    # Every role reads the lines (READ_ALL, or CHECK_LINES for agents doing verification
    # rounds); lines.require_read() checks it in the service.
    PageSpec("lines", lambda: QCoreApplication.translate("pages", "Phone lines"), _lines, None,
             modules=("desktop_app.ui.pages.lines_page",)),
    # Agents area (C8.3, C8.5, C8.6). The training page is open to every role: HR, supervisors
    # and directors see all its tabs (READ_ALL); an agent sees the guides, to acknowledge them.
    PageSpec("agents", lambda: QCoreApplication.translate("pages", "Agents"), _agents,
             Perm.READ_ALL,
             modules=("desktop_app.ui.pages.agents_page",
                      "desktop_app.ui.widgets.agent_evaluations_tab")),
    PageSpec("training", lambda: QCoreApplication.translate("pages", "Training"), _training,
             None,
             modules=("desktop_app.ui.pages.training_page",
                      "desktop_app.ui.widgets.training_sessions_tab")),
    # Online services (C2.2): every role reads the catalogue; eservices checks who edits.
    PageSpec("services", lambda: QCoreApplication.translate("pages", "Online services"),
             _services, None,
             modules=("desktop_app.ui.pages.services_page",)),
]  # fmt: skip
PAGE_ORDER = ("dashboard", "requests", "lines", "agents", "training", "evaluations", "calls",
              "services", "reports", "settings", "users", "audit")  # fmt: skip


def ordered_pages(actor: Actor) -> list[PageSpec]:
    rank = {key: i for i, key in enumerate(PAGE_ORDER)}
    allowed = [p for p in PAGES if p.allowed(actor)]
    return sorted(allowed, key=lambda p: rank.get(p.key, len(rank)))


def find_page(key: str) -> PageSpec | None:
    return next((p for p in PAGES if p.key == key), None)
