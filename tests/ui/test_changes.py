"""Pages hear what changed (DESIGN.md): one change signal after each committed write; a page
reloads what it shows, at once when visible, else when next shown (C8.1, C8.2)."""

from __future__ import annotations

import threading
from datetime import datetime

import pytest
from pytestqt.qtbot import QtBot

from desktop_app.services import evaluations, settings
from desktop_app.services.evaluations import EvaluationInput
from desktop_app.services.periods import TUNIS
from desktop_app.services.scorecards import YES
from desktop_app.ui.changes import PAGE_RELOADS, change_signal
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.pages.lines_page import LinesPage
from desktop_app.ui.state import AppState
from tests.helpers.calls_data import SWITCHBOARD, make_agents, make_lines

pytestmark = pytest.mark.gui

ANSWERS = {"greeting": YES, "named_body": YES, "clear": YES, "correct": YES, "courteous": YES,
           "special_category": "na", "closing": YES}  # fmt: skip


def _mystery_call(state: AppState, line_id: int, agent_id: int) -> None:
    """What the Evaluations page's dialog does when a mystery call is saved."""
    evaluations.record(state.db, state.actor, EvaluationInput(
        at=datetime(2026, 4, 6, 10, 0, tzinfo=TUNIS), method="mystery", agent_id=agent_id,
        line_id=line_id, answered=True, pickup_seconds=12, answers=ANSWERS))  # fmt: skip


def _switchboard_result(page: LinesPage) -> str | None:
    for i in range(page.model.rowCount()):
        row = page.model.row_at(i)
        if row is not None and row.number == SWITCHBOARD:
            return row.last_check_result
    raise AssertionError("the switchboard line is not listed")


def test_a_mystery_call_appears_on_the_open_lines_page_without_a_refresh_c8_1(
    qtbot: QtBot, state: AppState
) -> None:
    ids = make_lines(state.db)
    agent, _ = make_agents(state.db)
    window = MainWindow(state)
    qtbot.addWidget(window)
    window.show()
    page = window.show_page("lines")
    assert isinstance(page, LinesPage) and page.isVisible()
    qtbot.waitUntil(lambda: not page.pending, timeout=5000)  # read in the background (15.3)
    assert _switchboard_result(page) is None
    heard: list[str] = []
    change_signal().changed.connect(heard.append)
    try:
        _mystery_call(state, ids[SWITCHBOARD], agent)  # no refresh asked for anywhere
        qtbot.waitUntil(lambda: _switchboard_result(page) == "answered_named", timeout=5_000)
    finally:
        change_signal().changed.disconnect(heard.append)
    assert heard == ["evaluations", "lines"]


def test_a_hidden_page_reloads_when_next_shown_c8_1(qtbot: QtBot, state: AppState) -> None:
    ids = make_lines(state.db)
    agent, _ = make_agents(state.db)
    window = MainWindow(state)
    qtbot.addWidget(window)
    window.show()
    page = window.show_page("lines")
    assert isinstance(page, LinesPage)
    window.show_page("dashboard")
    assert not page.isVisible()
    reloads: list[int] = []
    tab = page.inventory_tab
    real = tab.refresh_inventory
    tab.refresh_inventory = lambda: (reloads.append(1), real())[-1]  # type: ignore[method-assign]
    _mystery_call(state, ids[SWITCHBOARD], agent)
    qtbot.wait(50)
    assert reloads == []  # not shown: nothing read yet
    window.show_page("lines")
    qtbot.waitUntil(lambda: _switchboard_result(page) == "answered_named", timeout=5_000)
    assert len(reloads) == 1


def test_a_failed_write_announces_nothing_and_other_kinds_leave_a_page_alone(
    qtbot: QtBot, state: AppState
) -> None:
    heard: list[str] = []
    change_signal().changed.connect(heard.append)
    try:
        with pytest.raises(ValueError), state.db.write() as s:
            from desktop_app.services import audit

            audit.record(s, state.actor, "update", "phone_line", 1)
            raise ValueError("rolled back")
        qtbot.wait(20)
        assert heard == []
        settings.update(state.db, state.actor, {"pickup_seconds": 20})
        qtbot.waitUntil(lambda: heard == ["settings"], timeout=5_000)
    finally:
        change_signal().changed.disconnect(heard.append)


def test_a_write_in_a_worker_is_heard_on_the_gui_thread(qtbot: QtBot, state: AppState) -> None:
    threads: list[bool] = []

    def slot(kind: str) -> None:
        threads.append(threading.current_thread() is threading.main_thread())

    change_signal().changed.connect(slot)
    try:
        worker = threading.Thread(
            target=lambda: settings.update(state.db, state.actor, {"pickup_seconds": 25})
        )
        worker.start()
        worker.join(10)
        qtbot.waitUntil(lambda: bool(threads), timeout=5_000)
        assert threads == [True]
    finally:
        change_signal().changed.disconnect(slot)


def test_every_page_that_reloads_has_its_reload(qtbot: QtBot, state: AppState) -> None:
    window = MainWindow(state)
    qtbot.addWidget(window)
    for key, (_kinds, reload) in PAGE_RELOADS.items():
        page = window.show_page(key)
        assert page is not None, key
        reload(page)  # raises AttributeError when a page renamed its reload
