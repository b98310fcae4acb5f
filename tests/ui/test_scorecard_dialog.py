"""Editing the scorecard in the window: new versions, past scores kept, admin only (C8.2, C8.7)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop_app.i18n import install_language
from desktop_app.services import evaluations, scorecards
from desktop_app.services.errors import PermissionDenied
from desktop_app.services.evaluations import EvaluationFilter, EvaluationInput
from desktop_app.services.permissions import Actor, Role
from desktop_app.services.scorecards import NA, NO, YES
from desktop_app.ui.dialogs.scorecard_dialog import AR, FR, ScorecardDialog, slug, unique_key
from desktop_app.ui.main_window import apply_direction
from desktop_app.ui.pages.evaluations_page import EvaluationsPage
from desktop_app.ui.state import AppState
from tests.helpers.calls_data import SWITCHBOARD, make_lines

pytestmark = pytest.mark.gui
ANSWERS = {"greeting": YES, "named_body": NO, "clear": YES, "correct": YES, "courteous": YES,
           "special_category": NA, "closing": YES}  # fmt: skip


def record_evaluation(state: AppState) -> int:
    ids = make_lines(state.db)
    return evaluations.record(state.db, state.actor, EvaluationInput(
        at=datetime(2026, 3, 4, 9, 30, tzinfo=UTC), method="supervisor", agent_id=None,
        line_id=ids[SWITCHBOARD], answered=True, pickup_seconds=12, answers=dict(ANSWERS),
    ))  # fmt: skip


def row_of(dialog: ScorecardDialog, key: str) -> int:
    return next(i for i, r in enumerate(dialog.rows) if r.key == key)


def test_admin_reweights_and_adds_a_criterion_and_past_scores_stay_c8_2_c8_7(
    qtbot: QtBot, state: AppState
) -> None:
    evaluation_id = record_evaluation(state)
    (before,) = evaluations.evaluation_page(state.db, state.actor, EvaluationFilter())
    assert before.score == 89.5  # named_body (10) missed out of 95
    page = EvaluationsPage(state)
    qtbot.addWidget(page)
    assert page.edit_card_button.isEnabled()
    seen: list[ScorecardDialog] = []

    def edit() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ScorecardDialog)
        seen.append(dialog)
        dialog.weight_box(row_of(dialog, "named_body")).setValue(30)
        total = dialog.total_weight()
        dialog.add_button.click()
        new = len(dialog.rows) - 1
        dialog.table.item(new, AR).setText("الإصغاء الفعّال")
        dialog.table.item(new, FR).setText("Écoute active")
        dialog.weight_box(new).setValue(15)
        dialog.topic_box(new).setCurrentIndex(dialog.topic_box(new).findData("special_categories"))
        dialog.na_box(new).setChecked(True)
        assert dialog.total_weight() == total + 15
        assert str(total + 15) in dialog.total.text()
        dialog.note.setText("Audit 2026")
        dialog.save_button.click()

    QTimer.singleShot(0, edit)
    page.edit_scorecard()
    assert seen and seen[0].result() == ScorecardDialog.DialogCode.Accepted
    card = scorecards.current(state.db, state.actor)
    assert card.number == 3  # version 2 added C8.2's 'directed' (issue 12)
    by_key = card.by_key()
    assert by_key["named_body"].weight == 30
    added = by_key["ecoute_active"]
    assert (added.label_ar, added.label_fr, added.weight) == ("الإصغاء الفعّال", "Écoute active", 15)
    assert (added.training_topic, added.may_be_na) == ("special_categories", True)
    assert card.criteria[-1].key == "ecoute_active"
    # The tab shows the new version and says that past evaluations keep their scores.
    assert page.card_model.rowCount() == len(card.criteria)
    assert "Version 3" in page.card_note.text()  # version 2: C8.2's "directed" (issue 12)
    assert not page.card_saved.isHidden() and "keep their scores" in page.card_saved.text()
    (after,) = evaluations.evaluation_page(state.db, state.actor, EvaluationFilter())
    assert (after.id, after.score) == (evaluation_id, 89.5)


def test_supervisor_sees_the_button_disabled_and_the_service_refuses_c8_7(
    qtbot: QtBot, state: AppState, actor_of: Callable[[Role], Actor]
) -> None:
    supervisor = actor_of(Role.SUPERVISOR)
    page = EvaluationsPage(AppState(state.db, state.location, supervisor, "en"))
    qtbot.addWidget(page)
    assert not page.edit_card_button.isEnabled()
    card = scorecards.current(state.db, supervisor)
    with pytest.raises(PermissionDenied):
        scorecards.save_new_version(state.db, supervisor, card.criteria,
                                    expected_number=card.number)  # fmt: skip
    assert scorecards.current(state.db, state.actor).number == card.number


def test_refused_scorecard_shows_one_sentence_and_saves_nothing_c8_2(
    qtbot: QtBot, state: AppState
) -> None:
    dialog = ScorecardDialog(state)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    # The weights follow the service's rule (1 to 100 each; no rule on the total).
    box = dialog.weight_box(0)
    box.setValue(0)
    assert box.value() == 1
    box.setValue(250)
    assert box.value() == 100
    dialog.add_button.click()  # a criterion without a name
    dialog.save_button.click()
    assert dialog.isVisible() and dialog.saved is None
    assert dialog.error.isVisibleTo(dialog)
    assert dialog.error.text() == "Every criterion needs a name."
    assert scorecards.current(state.db, state.actor).number == 2
    # Someone else saves meanwhile: the dialog says so and still saves nothing.
    dialog.table.item(len(dialog.rows) - 1, FR).setText("Reformulation")
    card = scorecards.current(state.db, state.actor)
    scorecards.save_new_version(state.db, state.actor, card.criteria, expected_number=2)
    dialog.save_button.click()
    assert dialog.isVisible() and "someone else" in dialog.error.text()
    assert scorecards.current(state.db, state.actor).number == 3


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_protected_criteria_cannot_be_removed_and_rows_move(
    qtbot: QtBot, state: AppState, lang: str
) -> None:
    install_language(lang)
    apply_direction(lang)  # right-to-left once broke the selection of a row
    dialog = ScorecardDialog(AppState(state.db, state.location, state.actor, lang))
    qtbot.addWidget(dialog)
    dialog.select_row(row_of(dialog, "pickup"))
    assert dialog.current_row() == row_of(dialog, "pickup")
    assert not dialog.remove_button.isEnabled()
    closing = row_of(dialog, "closing")
    dialog.select_row(closing)
    dialog.up_button.click()
    assert row_of(dialog, "closing") == closing - 1
    assert dialog.table.item(closing - 1, FR).text() == dialog.rows[closing - 1].label_fr
    dialog.remove_button.click()
    assert "closing" not in [r.key for r in dialog.rows]
    assert dialog.table.rowCount() == len(dialog.rows)


def test_new_keys_are_stable_slugs_of_the_french_name() -> None:
    assert slug("Écoute active !") == "ecoute_active"
    assert unique_key("Courtois", {"courtois"}) == "courtois_2"
    assert unique_key("الإصغاء", set()) == "criterion"
