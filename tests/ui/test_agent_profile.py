"""An agent's page gathers everything about them (C8.5): here, their call evaluations (C8.2)."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop_app.i18n import install_language
from desktop_app.services import agents, evaluations
from desktop_app.services.agents import AgentInput
from desktop_app.services.evaluations import EvaluationInput
from desktop_app.services.periods import TUNIS
from desktop_app.services.permissions import Role
from desktop_app.services.scorecards import NO, YES
from desktop_app.ui.dialogs.agent_dialog import AgentDialog
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.pages.agents_page import AgentsPage
from desktop_app.ui.state import AppState
from desktop_app.ui.widgets.agent_evaluations_tab import AgentEvaluationsTab
from desktop_app.ui.workers import query_pending
from tests.helpers.calls_data import GREEN, SWITCHBOARD, make_agents, make_lines

pytestmark = pytest.mark.gui


def _answers(named_body: str) -> dict[str, str]:
    return {"greeting": YES, "named_body": named_body, "clear": YES, "correct": YES,
            "courteous": YES, "special_category": "na", "closing": YES}  # fmt: skip


def _evaluate(state: AppState, agent: int, line: int, day: int, named: str, comment: str) -> None:
    evaluations.record(state.db, state.actor, EvaluationInput(
        at=datetime(2026, 4, day, 10, 0, tzinfo=TUNIS), method="supervisor", agent_id=agent,
        line_id=line, answered=True, pickup_seconds=5, answers=_answers(named),
        comment=comment))  # fmt: skip


def _agents_page(qtbot: QtBot, window: MainWindow, agent_id: int | None = None) -> AgentsPage:
    """The agents page once its list, read on the pool (issue 15.3), is shown."""
    page = (
        window.open_filtered("agents", agent_id=agent_id)
        if agent_id is not None
        else window.show_page("agents")
    )
    assert isinstance(page, AgentsPage)
    qtbot.waitUntil(lambda: not page.pending, timeout=5000)
    return page


def _evaluations_tab(qtbot: QtBot, window: MainWindow, agent_id: int) -> AgentEvaluationsTab:
    page = _agents_page(qtbot, window, agent_id)
    assert page.selected_id() == agent_id
    tabs = page.profile.tabs
    titles = [tabs.tabText(i) for i in range(tabs.count())]
    assert "Call evaluations" in titles
    widget = tabs.widget(titles.index("Call evaluations"))
    assert isinstance(widget, AgentEvaluationsTab)
    qtbot.waitUntil(lambda: not query_pending(widget), timeout=5000)  # read in the background
    return widget


def test_agent_page_lists_the_agents_call_evaluations_c8_2_c8_5(
    qtbot: QtBot, state: AppState
) -> None:
    ids = make_lines(state.db)
    nadia, sami = make_agents(state.db)
    _evaluate(state, nadia, ids[SWITCHBOARD], 6, YES, "Très bon accueil")
    _evaluate(state, nadia, ids[GREEN], 8, NO, "N'a pas nommé l'organisme")
    _evaluate(state, sami, ids[GREEN], 7, YES, "Sami's call")
    window = MainWindow(state)
    qtbot.addWidget(window)
    tab = _evaluations_tab(qtbot, window, nadia)
    table = tab.table
    assert table.rowCount() == 2
    cells = [[table.item(r, c).text() for c in range(5)] for r in range(2)]
    assert cells[0][0] == "08/04/2026 10:00" and cells[1][0] == "06/04/2026 10:00"  # newest first
    assert "80 100 321" in cells[0][1] and "71 563 500" in cells[1][1]
    assert cells[0][2] == "Supervisor listening"
    assert cells[1][3] == "100.0" and float(cells[0][3]) < 100
    assert [row[4] for row in cells] == ["N'a pas nommé l'organisme", "Très bon accueil"]
    assert "Evaluations: 2," in tab.summary.text()
    window.show_page("agents").profile.tabs.setCurrentWidget(tab)
    # another agent: only their own evaluation, and the same tab stays open
    page = _agents_page(qtbot, window, sami)
    assert page.profile.tabs.tabText(page.profile.tabs.currentIndex()) == "Call evaluations"
    tab = _evaluations_tab(qtbot, window, sami)
    assert tab.table.rowCount() == 1 and tab.table.item(0, 4).text() == "Sami's call"


def test_evaluations_tab_says_so_when_the_role_may_not_read_them(
    qtbot: QtBot, state: AppState, actor_of
) -> None:
    (nadia, _sami) = make_agents(state.db)
    agent = AppState(state.db, state.location, actor_of(Role.AGENT), "en")
    tab = AgentEvaluationsTab(agent, nadia)
    qtbot.addWidget(tab)
    assert "does not allow" in tab.summary.text() and tab.table.isHidden()


def test_the_app_wires_the_evaluations_tab_when_it_builds_the_agents_page(
    qtbot: QtBot, state: AppState
) -> None:
    """The registry hands the call-quality tab to the page; a page built without it has none
    (nothing registers itself by being imported)."""
    make_agents(state.db)
    window = MainWindow(state)
    qtbot.addWidget(window)
    tabs = _agents_page(qtbot, window).profile.tabs
    assert "Call evaluations" in [tabs.tabText(i) for i in range(tabs.count())]
    bare = AgentsPage(state)
    qtbot.addWidget(bare)
    qtbot.waitUntil(lambda: not bare.pending, timeout=5000)
    bare_tabs = bare.profile.tabs
    assert "Call evaluations" not in [bare_tabs.tabText(i) for i in range(bare_tabs.count())]


def test_agent_page_shows_the_linked_user_account(qtbot: QtBot, state: AppState, actor_of) -> None:
    account = actor_of(Role.AGENT)
    linked = agents.create_agent(
        state.db, state.actor, AgentInput(name_fr="Nadia", user_id=account.user_id)
    )
    alone = agents.create_agent(state.db, state.actor, AgentInput(name_fr="Sami"))
    window = MainWindow(state)
    qtbot.addWidget(window)
    page = _agents_page(qtbot, window, linked.id)
    assert page.profile.fields["account"].text() == "user-agent — A agent"
    page = _agents_page(qtbot, window, alone.id)
    assert "none" in page.profile.fields["account"].text()


def test_agent_dialog_lists_lines_as_people_read_them_without_a_sideways_scroll(
    qtbot: QtBot, state: AppState
) -> None:
    make_lines(state.db)
    dialog = AgentDialog(state)
    qtbot.addWidget(dialog)
    texts = [dialog.lines.item(i).text() for i in range(dialog.lines.count())]
    assert any("71 563 500" in t and "Standard" in t for t in texts), texts
    assert not any("+216" in t for t in texts)
    policy = dialog.lines.horizontalScrollBarPolicy()
    assert policy == Qt.ScrollBarPolicy.ScrollBarAlwaysOff and dialog.lines.wordWrap()


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_search_hints_are_shown_whole_in_french_and_arabic(
    qtbot: QtBot, state: AppState, lang
) -> None:
    install_language(lang)
    state.lang = lang
    window = MainWindow(state)
    qtbot.addWidget(window)
    fields = [window.show_page("agents").search, window.show_page("training").sessions.search]
    for edit in fields:
        hint = edit.placeholderText()
        assert hint.endswith("…") and hint != "Search name, staff number, unit…"
        assert edit.minimumWidth() >= edit.fontMetrics().horizontalAdvance(hint), hint
