"""Agents and training pages: models pass the tester; recording a session with attendees."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from desktop_app.services import agents, training
from desktop_app.services.agents import AgentInput
from desktop_app.services.permissions import Role
from desktop_app.services.training import Attendee, SessionFilter, SessionInput
from desktop_app.ui.dialogs.training_session_dialog import TrainingSessionDialog
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.models.agents_table_model import AgentsTableModel
from desktop_app.ui.models.training_sessions_table_model import TrainingSessionsTableModel
from desktop_app.ui.state import AppState
from desktop_app.ui.widgets.agents_fields import select_row
from tests.helpers.typing import type_text

pytestmark = pytest.mark.gui


def _agents(state: AppState, n: int) -> list[int]:
    return [
        agents.create_agent(
            state.db,
            state.actor,
            AgentInput(name_fr=f"Agent {i:02d}", name_ar=f"عون {i}", active_from=date(2020, 1, 1)),
        ).id
        for i in range(n)
    ]


def test_models_pass_the_model_tester(qtbot: QtBot, qtmodeltester, state: AppState) -> None:
    ids = _agents(state, 3)
    for i in range(230):  # more than a page of sessions
        training.create_session(
            state.db,
            state.actor,
            SessionInput(f"S{i}", "reception", date(2025, 1, 1 + i % 28), 1.5),
            [Attendee(ids[i % 3])],
        )
    model = TrainingSessionsTableModel(state)
    model.reload()
    qtmodeltester.check(model)
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == 230
    people = AgentsTableModel(state)
    people.reload()
    qtmodeltester.check(people)
    assert people.rowCount() == 3


def test_hr_records_a_session_with_attendees_in_one_dialog_c8_5(
    qtbot: QtBot, state: AppState, actor_of
) -> None:
    ids = _agents(state, 4)
    hr = AppState(state.db, state.location, actor_of(Role.HR), "en")
    dialog = TrainingSessionDialog(hr)
    qtbot.addWidget(dialog)
    type_text(dialog.title, "Accueil des personnes âgées")
    dialog.topic.setCurrentIndex(dialog.topic.findData("special_categories"))
    dialog.hours.setValue(2.5)
    dialog.trainer.setText("Association")
    picker = dialog.picker
    picker.search.setText("Agent 0")
    picker.all_button.click()  # ticks the four shown
    picker.search.setText("")
    # Space on the last row unticks it; the second agent was absent, scored on the third
    dialog.show()
    qtbot.waitExposed(dialog)
    picker.table.setFocus()
    picker.table.setCurrentCell(3, 0)
    qtbot.keyClick(picker.table, Qt.Key.Key_Space)
    picker.table.item(1, 1).setCheckState(Qt.CheckState.Unchecked)
    picker.table.item(2, 2).setText("87,5")
    assert picker.count.text() == "3 selected"
    dialog.save()
    assert dialog.result() == TrainingSessionDialog.DialogCode.Accepted
    [row] = training.sessions_page(state.db, state.actor, SessionFilter())
    assert (row.title, row.topic, row.duration_hours, row.invited, row.attended) == (
        "Accueil des personnes âgées",
        "special_categories",
        2.5,
        3,
        2,
    )
    people = {a.agent_id: a for a in training.session_attendees(state.db, state.actor, row.id)}
    assert set(people) == set(ids[:3])
    assert people[ids[1]].attended is False and people[ids[2]].score == 87.5


def test_pages_open_filtered_and_an_agent_sees_only_the_guides(
    qtbot: QtBot, state: AppState, actor_of
) -> None:
    _agents(state, 2)
    window = MainWindow(state)
    qtbot.addWidget(window)
    assert {"agents", "training"} <= set(window.page_keys())
    page = window.open_filtered("training", tab="equipment", problems=True)
    assert page.tabs.currentWidget() is page.equipment and page.equipment.problems_only.isChecked()
    page = window.open_filtered("training", tab="guides", outdated=True)
    assert page.guides.outdated_only.isChecked()
    agents_page = window.open_filtered("agents", agent_id=2)
    qtbot.waitUntil(lambda: not agents_page.pending, timeout=5000)  # read on the pool (15.3)
    assert agents_page.selected_id() == 2
    agent = AppState(state.db, state.location, actor_of(Role.AGENT), "en")
    other = MainWindow(agent)
    qtbot.addWidget(other)
    assert "agents" not in other.page_keys()
    training_page = other.show_page("training")
    assert training_page.tab_keys == ["guides"]


def test_the_attendee_list_follows_the_sessions_date_c8_5(qtbot: QtBot, state: AppState) -> None:
    """Built for today it offered an agent hired later and hid one who worked then, and saving
    was refused (issue 14.3)."""
    early = agents.create_agent(state.db, state.actor, AgentInput(
        name_fr="Partie", name_ar="غادرت", active_from=date(2020, 1, 1),
        active_to=date(2024, 6, 30)))  # fmt: skip
    late = agents.create_agent(state.db, state.actor, AgentInput(
        name_fr="Nouveau", name_ar="جديد", active_from=date.today()))  # fmt: skip
    both = agents.create_agent(state.db, state.actor, AgentInput(
        name_fr="Toujours", name_ar="دائم", active_from=date(2020, 1, 1)))  # fmt: skip
    dialog = TrainingSessionDialog(state)
    qtbot.addWidget(dialog)
    assert set(dialog.picker.offered_ids()) == {late.id, both.id}
    dialog.picker.select([both.id])
    dialog.picker.table.item(dialog.picker._row_of(both.id), 2).setText("80")
    dialog.held_on.setDate(QDate(2024, 3, 4))
    assert set(dialog.picker.offered_ids()) == {early.id, both.id}
    dialog.picker.select([early.id])
    kept = {a.agent_id: a.score for a in dialog.picker.attendees()}
    assert kept == {both.id: 80.0, early.id: None}  # the tick and score survive the move
    type_text(dialog.title, "Accueil")
    dialog.save()
    assert dialog.result() == TrainingSessionDialog.DialogCode.Accepted
    [row] = training.sessions_page(state.db, state.actor, SessionFilter())
    assert row.held_on == date(2024, 3, 4) and row.invited == 2


def test_an_agent_chosen_while_the_list_is_read_stays_chosen_c8_3(
    qtbot: QtBot, state: AppState
) -> None:
    """A reload after a change takes a moment on the pool: a click meanwhile is what counts."""
    ids = _agents(state, 3)
    window = MainWindow(state)
    qtbot.addWidget(window)
    page = window.open_filtered("agents", agent_id=ids[0])
    qtbot.waitUntil(lambda: not page.pending, timeout=5000)
    assert page.selected_id() == ids[0]
    page.refresh()  # no event is processed before the click: the read is still under way
    assert page.pending
    select_row(page.view, page.model.row_of(ids[2]))
    qtbot.waitUntil(lambda: not page.pending, timeout=5000)
    assert page.selected_id() == ids[2]
    page.refresh()
    qtbot.waitUntil(lambda: not page.pending, timeout=5000)
    assert page.selected_id() == ids[2]
