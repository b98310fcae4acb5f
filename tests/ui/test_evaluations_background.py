"""The Evaluations page reads its list and writes its dates off the GUI thread (issue 15.3)."""

from __future__ import annotations

import threading
from datetime import UTC, datetime
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from desktop_app.services import evaluations
from desktop_app.services.evaluations import EvaluationInput
from desktop_app.services.scorecards import NA, NO, YES
from desktop_app.ui.models import evaluation_table_model
from desktop_app.ui.pages.evaluations_page import EvaluationsPage
from desktop_app.ui.state import AppState
from tests.helpers.calls_data import SWITCHBOARD, make_lines

pytestmark = pytest.mark.gui
ANSWERS = {"greeting": YES, "named_body": NO, "clear": YES, "correct": YES, "courteous": YES,
           "special_category": NA, "closing": YES}  # fmt: skip


def test_the_evaluations_list_is_read_and_dated_off_the_gui_thread_c8_2(
    qtbot: QtBot, state: AppState, monkeypatch: pytest.MonkeyPatch
) -> None:
    line = make_lines(state.db)[SWITCHBOARD]
    for day, method in ((4, "supervisor"), (5, "citizen_feedback")):
        evaluations.record(state.db, state.actor, EvaluationInput(
            at=datetime(2026, 3, day, 9, 30, tzinfo=UTC), method=method, agent_id=None,
            line_id=line, answered=True, pickup_seconds=12, answers=dict(ANSWERS),
        ))  # fmt: skip
    on_gui: dict[str, list[bool]] = {"read": [], "date": []}
    page_of, format_datetime = evaluations.evaluation_page, evaluation_table_model.format_datetime

    def read(*args: Any, **kwargs: Any) -> Any:
        on_gui["read"].append(threading.current_thread() is threading.main_thread())
        return page_of(*args, **kwargs)

    def dated(dt: datetime | None) -> str:
        on_gui["date"].append(threading.current_thread() is threading.main_thread())
        return format_datetime(dt)

    monkeypatch.setattr(evaluations, "evaluation_page", read)
    monkeypatch.setattr(evaluation_table_model, "format_datetime", dated)
    page = EvaluationsPage(state)
    qtbot.addWidget(page)
    assert page.pending and page.model.rowCount() == 0  # the constructor did not wait for it
    qtbot.waitUntil(lambda: not page.pending, timeout=5000)
    assert page.model.rowCount() == 2
    page.show()
    page.model.data(page.model.index(0, 0))  # the view shows the texts written in the worker
    assert page.model.display(page.model.row_at(1), 0).startswith("04/03/2026")
    assert on_gui == {"read": [False], "date": [False, False]}
    # Choosing a method reads again, in the background too.
    page.method_filter.setCurrentIndex(page.method_filter.findData("citizen_feedback"))
    qtbot.waitUntil(lambda: not page.pending, timeout=5000)
    assert [page.model.row_at(r).method for r in range(page.model.rowCount())] == [
        "citizen_feedback"
    ]
    assert True not in on_gui["read"] and True not in on_gui["date"]


def test_coaching_is_read_when_its_tab_is_shown_not_when_the_page_opens_c8_5(
    qtbot: QtBot, state: AppState, monkeypatch: pytest.MonkeyPatch
) -> None:
    reads: list[bool] = []
    scores = evaluations.agent_scores

    def counted(*args: Any, **kwargs: Any) -> Any:
        reads.append(True)
        return scores(*args, **kwargs)

    monkeypatch.setattr(evaluations, "agent_scores", counted)
    page = EvaluationsPage(state)
    qtbot.addWidget(page)
    page.refresh()  # a change arriving while the list is shown
    assert reads == []
    page.tabs.setCurrentIndex(EvaluationsPage.TABS.index("coaching"))
    assert reads == [True] and page.coach_title.text() == "No agent evaluated yet."
    page.tabs.setCurrentIndex(0)
    page.tabs.setCurrentIndex(EvaluationsPage.TABS.index("coaching"))
    assert reads == [True]  # nothing changed since: not read again
    page.refresh()  # a change arriving while the coaching tab is shown reads it again
    assert reads == [True, True]
    page.apply_filter(tab="coaching", below=80.0)  # the dashboard's jump: one read, filtered
    assert reads == [True, True, True]
