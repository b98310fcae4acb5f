"""Slow reads run off the GUI thread and come back on it (issue 15.3): the query helper drops an
answer a newer read has overtaken, the agent's profile (C8.5) and the requests page's deadline
counts (C2.1) fill in from the background."""

from __future__ import annotations

import threading
from datetime import date

import pytest
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from shiboken6 import Shiboken

from desktop_app.services import agent_profile, agents, training
from desktop_app.services.agents import AgentInput
from desktop_app.services.training import Attendee, SessionInput
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.state import AppState
from desktop_app.ui.workers import drop_queries, query, query_pending

pytestmark = pytest.mark.gui


def test_query_answers_on_the_gui_thread(qtbot: QtBot) -> None:
    owner = QObject()
    seen: list[tuple[int, bool]] = []
    worker: list[bool] = []

    def read() -> int:
        worker.append(threading.current_thread() is threading.main_thread())
        return 7

    query(
        owner,
        read,
        lambda v: seen.append((v, threading.current_thread() is threading.main_thread())),
    )
    assert query_pending(owner)
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert seen == [(7, True)] and worker == [False]  # read in a worker, answered in the GUI
    assert not query_pending(owner)


def test_a_stale_answer_is_dropped_when_a_newer_query_started(qtbot: QtBot) -> None:
    owner = QObject()
    release = threading.Event()
    seen: list[str] = []

    def slow() -> str:
        release.wait(5)
        return "old"

    query(owner, slow, seen.append)
    query(owner, lambda: "new", seen.append)
    qtbot.waitUntil(lambda: seen == ["new"], timeout=5000)
    release.set()
    qtbot.waitUntil(lambda: not query_pending(owner), timeout=5000)
    qtbot.wait(50)  # let the old answer be delivered, if it were going to be
    assert seen == ["new"]


def test_another_key_is_not_stale_and_drop_forgets_reads(qtbot: QtBot) -> None:
    owner = QObject()
    seen: list[str] = []
    query(owner, lambda: "a", seen.append, key="a")
    query(owner, lambda: "b", seen.append, key="b")
    qtbot.waitUntil(lambda: sorted(seen) == ["a", "b"], timeout=5000)
    release = threading.Event()
    query(owner, lambda: release.wait(5) and "late", seen.append)
    drop_queries(owner)
    assert not query_pending(owner)
    release.set()
    qtbot.wait(100)
    assert "late" not in seen


def test_no_answer_reaches_a_deleted_owner(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QWidget

    owner = QWidget()
    release = threading.Event()
    seen: list[str] = []
    query(owner, lambda: release.wait(5) and "late", seen.append)
    owner.deleteLater()
    qtbot.waitUntil(lambda: not Shiboken.isValid(owner), timeout=5000)
    release.set()
    qtbot.wait(100)  # the answer arrives and finds nobody; no crash, nothing shown
    assert seen == []


def test_an_error_reaches_on_error(qtbot: QtBot) -> None:
    owner = QObject()
    errors: list[BaseException] = []

    def boom() -> None:
        raise ValueError("broken read")

    query(owner, boom, lambda _v: None, errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert str(errors[0]) == "broken read"


def _trained_agent(state: AppState) -> int:
    nadia = agents.create_agent(state.db, state.actor, AgentInput(name_fr="Nadia Gharbi")).id
    training.create_session(
        state.db, state.actor,
        SessionInput(title="Accueil des personnes âgées", topic="special_categories",
                     held_on=date(2026, 3, 2), duration_hours=3.0),
        [Attendee(nadia, attended=True, score=85.0)],
    )  # fmt: skip
    return nadia


def test_profile_gathers_the_agents_tabs_in_one_call_c8_5(state: AppState) -> None:
    nadia = _trained_agent(state)
    found = agent_profile.profile(state.db, state.actor, nadia, None, date(2026, 4, 1))
    assert found.agent_id == nadia
    assert [t.title for t in found.training] == ["Accueil des personnes âgées"]
    assert found.training[0].score == 85.0
    assert found.equipment == []  # no post
    assert found.awards == [] and found.notices == []


def test_agent_profile_fills_from_the_background_c8_5(qtbot: QtBot, state: AppState) -> None:
    nadia = _trained_agent(state)
    window = MainWindow(state)
    qtbot.addWidget(window)
    page = window.show_page("agents")
    with qtbot.waitSignal(page.profile.filled, timeout=5000) as blocker:
        window.open_filtered("agents", agent_id=nadia)
    assert blocker.args == [nadia]
    table = page.profile.training
    assert table.rowCount() == 1
    assert table.item(0, 1).text() == "Accueil des personnes âgées"
    assert table.item(0, 4).text() == "Yes"


def test_requests_counts_fill_from_the_background_c2_1(qtbot: QtBot, state: AppState) -> None:
    from desktop_app.services import requests

    window = MainWindow(state)
    qtbot.addWidget(window)
    page = window.show_page("requests")
    qtbot.waitUntil(lambda: not query_pending(page, "counts"), timeout=5000)
    assert "Waiting for a response: 0" in page.open_button.text()
    requests.create_request(
        state.db, state.actor, channel="email", type="request", subject="Permis de bâtir"
    )
    with qtbot.waitSignal(page.counted, timeout=5000):
        page.refresh_counts()
    assert "Waiting for a response: 1" in page.open_button.text()
    assert "1 request" in page.found.text()


def test_training_search_runs_once_typing_pauses(qtbot: QtBot, state: AppState) -> None:
    """No Enter needed, and no query per keystroke: the list follows once typing pauses."""
    from PySide6.QtTest import QTest

    _trained_agent(state)
    training.create_session(
        state.db, state.actor,
        SessionInput(title="Droit d'accès", topic="legal", held_on=date(2026, 3, 9),
                     duration_hours=2.0),
        [],
    )  # fmt: skip
    window = MainWindow(state)
    qtbot.addWidget(window)
    sessions = window.show_page("training").sessions
    assert sessions.pending  # the first page is read on the pool (issue 15.3)
    qtbot.waitUntil(lambda: not sessions.pending, timeout=5000)
    assert sessions.model.rowCount() == 2
    QTest.keyClicks(sessions.search, "Accueil")  # ASCII: QTest types only that
    assert sessions.model.rowCount() == 2 and not sessions.pending  # not on each keystroke
    qtbot.waitUntil(lambda: sessions.model.rowCount() == 1, timeout=5000)


def test_agents_list_fills_from_the_background_and_a_fast_search_reads_once_c8_3(
    qtbot: QtBot, state: AppState, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The agents list is read on the pool (it took 0.3 s of the GUI thread at 150 agents), and
    a word typed at speed reads the list once, when typing pauses; the chosen agent is kept."""
    from PySide6.QtTest import QTest

    from desktop_app.ui.models.agents_table_model import AgentsTableModel

    nadia = _trained_agent(state)
    agents.create_agent(state.db, state.actor, AgentInput(name_fr="Sami Ben Ali"))
    reads: list[tuple[str, bool]] = []
    real_read = AgentsTableModel.read

    def counted(model: AgentsTableModel, search: str, only_active: bool) -> list:
        reads.append((search, threading.current_thread() is threading.main_thread()))
        return real_read(model, search, only_active)

    monkeypatch.setattr(AgentsTableModel, "read", counted)
    window = MainWindow(state)
    qtbot.addWidget(window)
    page = window.show_page("agents")
    assert page.pending and page.model.rowCount() == 0  # built at once, filled when read
    qtbot.waitUntil(lambda: not page.pending, timeout=5000)
    assert page.model.rowCount() == 2 and reads == [("", False)]  # read in a worker
    page.apply_filter(agent_id=nadia)
    qtbot.waitUntil(lambda: not page.pending, timeout=5000)
    assert page.selected_id() == nadia
    reads.clear()
    QTest.keyClicks(page.search, "Nadia")  # ASCII: QTest types only that
    assert reads == []  # no read per keystroke
    qtbot.waitUntil(lambda: bool(reads) and not page.pending, timeout=5000)
    assert reads == [("Nadia", False)]
    assert page.model.rowCount() == 1 and page.selected_id() == nadia


def test_training_tabs_are_built_when_first_shown_c8_5(qtbot: QtBot, state: AppState) -> None:
    """Opening the training page builds (and reads) only the tab shown; another tab is built,
    in its place and under its title, when it is chosen."""
    from desktop_app.ui.pages.training_page import TrainingPage
    from desktop_app.ui.widgets.equipment_tab import EquipmentTab

    window = MainWindow(state)
    qtbot.addWidget(window)
    page = window.show_page("training")
    assert isinstance(page, TrainingPage)
    assert [k for k in page.tab_keys if page.tabs.is_built(k)] == ["sessions"]
    index = page.tab_keys.index("equipment")
    assert type(page.tabs.widget(index)) is QWidget  # a placeholder until shown
    page.tabs.setCurrentIndex(index)
    assert isinstance(page.tabs.currentWidget(), EquipmentTab)
    assert page.tabs.currentIndex() == index and page.tabs.tabText(index) == "Equipment"
    assert page.equipment is page.tabs.currentWidget()
    assert [k for k in page.tab_keys if page.tabs.is_built(k)] == ["sessions", "equipment"]


def test_the_callers_tab_is_built_when_first_shown_c2_4(qtbot: QtBot, state: AppState) -> None:
    """Opening the Calls page reads only the traffic; the callers to call back (their line list,
    their read) are built when their tab is chosen, or when the dashboard points at them."""
    from desktop_app.ui.pages.calls_page import CallsPage
    from desktop_app.ui.widgets.callers_tab import CallersTab

    window = MainWindow(state)
    qtbot.addWidget(window)
    page = window.show_page("calls")
    assert isinstance(page, CallsPage)
    assert page.tabs.tab_keys == ["traffic", "callers"]
    assert page.tabs.is_built("traffic") and not page.tabs.is_built("callers")
    assert not page.findChildren(CallersTab)
    assert page.tabs.tabText(1) == "Callers to call back"
    page.apply_filter(tab="callbacks", day="2026-01-13")
    assert page.tabs.is_built("callers")
    assert page.tabs.currentWidget() is page.callers and isinstance(page.callers, CallersTab)
    assert page.callers.span.currentData() == 0  # the one day the dashboard pointed at
    qtbot.waitUntil(lambda: not page.callers.pending, timeout=5000)


def test_settings_page_says_whether_passwords_are_safe_once_the_keyring_is_probed(
    qtbot: QtBot, state: AppState
) -> None:
    """Importing keyring probes every back end (0.2 s): done on the pool, the page fills in."""
    from desktop_app.services.credentials import keyring_status
    from desktop_app.ui.pages.settings_page import SettingsPage

    page = SettingsPage(state)
    qtbot.addWidget(page)
    assert page.keyring_store.text() == "Checking…"
    qtbot.waitUntil(lambda: not query_pending(page, "keyring"), timeout=5000)
    status = keyring_status()
    assert page.keyring_store.toolTip() == status.name
    assert page.keyring_verdict.text().startswith("Secure" if status.secure else "Not secure")
