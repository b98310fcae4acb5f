"""The Evaluations page reads its list and writes its dates off the GUI thread (issue 15.3)."""

from __future__ import annotations

import threading
from datetime import UTC, datetime
from typing import Any

import pytest

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
    qtbot: Any, state: AppState, monkeypatch: pytest.MonkeyPatch
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
