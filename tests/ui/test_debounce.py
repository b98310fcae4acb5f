"""Searches query once typing pauses (DESIGN.md: searches are debounced)."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from desktop_app.services import lines
from desktop_app.services.lines import LineInput
from desktop_app.ui.pages.lines_page import LinesPage
from desktop_app.ui.state import AppState

pytestmark = pytest.mark.gui


def test_the_lines_search_queries_once_when_typing_pauses_c8_1(
    qtbot: QtBot, state: AppState, monkeypatch: pytest.MonkeyPatch
) -> None:
    for number, label in (("71563500", "Accueil"), ("71563501", "Régie")):
        lines.create_line(state.db, state.actor, LineInput(number=number, kind="direct",
                                                           label=label))  # fmt: skip
    page = LinesPage(state)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: not page.pending, timeout=5000)  # the opening read (15.3)
    queries: list[str] = []
    real = lines.lines_page

    def counted(*args: object, **kwargs: object) -> object:
        queries.append("page")
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(lines, "lines_page", counted)
    for ch in "Accu":
        page.search.setText(page.search.text() + ch)  # four keystrokes
    assert queries == []  # nothing yet: the user is still typing
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5_000)
    qtbot.wait(300)
    assert 1 <= len(queries) <= 2  # one reload (its first page, perhaps one fetchMore), not four
