"""The guides tab (C8.3): a signed reading sheet keeps its date, a new version needs its file, and
"I have read this version" is offered only to an account that has an agent record."""

from __future__ import annotations

from datetime import date

import pytest
from pytestqt.qtbot import QtBot

from desktop_app.services import agents, guides
from desktop_app.services.agents import AgentInput
from desktop_app.services.agents_common import Attachment
from desktop_app.services.guides import GuideInput
from desktop_app.services.periods import local_date
from desktop_app.services.permissions import Role
from desktop_app.ui.dialogs import guide_dialog
from desktop_app.ui.dialogs.guide_dialog import GuideDialog
from desktop_app.ui.dialogs.reading_sheet_dialog import ReadingSheetDialog
from desktop_app.ui.state import AppState
from desktop_app.ui.widgets.agents_fields import to_qdate
from desktop_app.ui.widgets.guides_tab import GuidesTab

pytestmark = pytest.mark.gui


def _guide(state: AppState) -> int:
    return guides.create_guide(
        state.db,
        state.actor,
        GuideInput("Guide", "guide", "reception", "1.0", date(2025, 1, 1), date(2027, 1, 1)),
        Attachment("guide-1.0.pdf", b"version 1"),
    )


def _agent(state: AppState, name: str, user_id: int | None = None) -> int:
    return agents.create_agent(
        state.db,
        state.actor,
        AgentInput(name_fr=name, active_from=date(2020, 1, 1), user_id=user_id),
    ).id


def test_reading_sheet_records_the_day_it_was_signed_c8_3(qtbot: QtBot, state: AppState) -> None:
    gid = _guide(state)
    a, b = _agent(state, "A"), _agent(state, "B")
    [row] = guides.list_guides(state.db, state.actor, date.today())
    dialog = ReadingSheetDialog(state, row, [a, b])
    qtbot.addWidget(dialog)
    assert dialog.signed_on.maximumDate() == to_qdate(date.today())  # never in the future
    dialog.signed_on.setDate(to_qdate(date(2025, 3, 10)))
    dialog.save()
    assert dialog.result() == ReadingSheetDialog.DialogCode.Accepted and dialog.recorded == 2
    days = {
        r.agent_id: local_date(r.acknowledged_at)
        for r in guides.readers(state.db, state.actor, gid, date.today())
        if r.acknowledged_at
    }
    assert days == {a: date(2025, 3, 10), b: date(2025, 3, 10)}


def test_guide_dialog_asks_for_the_new_versions_file_c8_3(
    qtbot: QtBot, state: AppState, monkeypatch: pytest.MonkeyPatch
) -> None:
    gid = _guide(state)
    told: list[str] = []
    monkeypatch.setattr(guide_dialog, "show_info", lambda _parent, text: told.append(text))
    [row] = guides.list_guides(state.db, state.actor, date.today())
    dialog = GuideDialog(state, row)
    qtbot.addWidget(dialog)
    dialog.doc_version.setText("2.0")
    assert "2.0" in dialog.file_label.text()  # says the new version needs its file
    dialog.save()
    assert told and "2.0" in told[0]
    assert dialog.result() != GuideDialog.DialogCode.Accepted
    assert guides.list_guides(state.db, state.actor, date.today())[0].doc_version == "1.0"
    dialog.file = Attachment("guide-2.0.pdf", b"version 2")
    dialog.save()
    assert dialog.result() == GuideDialog.DialogCode.Accepted
    [row] = guides.list_guides(state.db, state.actor, date.today())
    assert (row.doc_version, row.file_name) == ("2.0", "guide-2.0.pdf")
    assert guides.get_guide_file(state.db, state.actor, gid).data == b"version 2"  # type: ignore[union-attr]


def test_i_have_read_is_offered_only_to_an_account_with_an_agent_record_c8_3(
    qtbot: QtBot, state: AppState, actor_of
) -> None:
    _guide(state)
    linked, unlinked = actor_of(Role.AGENT), actor_of(Role.SUPERVISOR)
    _agent(state, "Linked", user_id=linked.user_id)
    for actor, enabled in ((linked, True), (unlinked, False), (state.actor, False)):
        tab = GuidesTab(AppState(state.db, state.location, actor, "en"))
        qtbot.addWidget(tab)
        assert tab.ack_button.isEnabled() is enabled, actor.role
        if not enabled:
            assert "not linked" in tab.ack_button.toolTip()
