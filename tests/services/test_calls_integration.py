"""A mystery call is also a check of the line it rang (C8.1, C8.2): one record, two obligations."""

from __future__ import annotations

from datetime import datetime

from desktop_app.data.db import Database
from desktop_app.services import evaluations, lines
from desktop_app.services.evaluations import EvaluationInput
from desktop_app.services.periods import TUNIS
from desktop_app.services.permissions import Actor
from desktop_app.services.scorecards import NO, YES
from tests.helpers.calls_data import GREEN, SWITCHBOARD, make_agents, make_lines


def answers(named_body: str) -> dict[str, str]:
    """Every criterion answered; only naming the body varies."""
    return {"greeting": YES, "named_body": named_body, "clear": YES, "correct": YES,
            "courteous": YES, "special_category": "na", "closing": YES}  # fmt: skip


def test_mystery_calls_become_line_checks_with_the_right_result_c8_1(
    db: Database, admin: Actor
) -> None:
    ids = make_lines(db)
    agent, _ = make_agents(db)
    at = datetime(2026, 4, 6, 10, 0, tzinfo=TUNIS)
    evaluations.record(db, admin, EvaluationInput(
        at=at, method="mystery", agent_id=agent, line_id=ids[SWITCHBOARD], answered=True,
        pickup_seconds=12, answers=answers(YES)))  # fmt: skip
    evaluations.record(db, admin, EvaluationInput(
        at=at, method="mystery", agent_id=agent, line_id=ids[GREEN], answered=True,
        pickup_seconds=30, answers=answers(NO)))  # fmt: skip
    evaluations.record(db, admin, EvaluationInput(
        at=at, method="mystery", agent_id=None, line_id=ids[GREEN], answered=False,
        pickup_seconds=None))  # fmt: skip
    (named,) = lines.checks_page(db, admin, ids[SWITCHBOARD])
    assert (named.result, named.source, named.working) == ("answered_named", "mystery_call", True)
    results = [c.result for c in lines.checks_page(db, admin, ids[GREEN])]
    assert results == ["no_answer", "answered"]  # newest first


def test_supervisor_listening_is_not_a_line_check(db: Database, admin: Actor) -> None:
    ids = make_lines(db)
    agent, _ = make_agents(db)
    evaluations.record(db, admin, EvaluationInput(
        at=datetime(2026, 4, 6, 10, 0, tzinfo=TUNIS), method="supervisor", agent_id=agent,
        line_id=ids[SWITCHBOARD], answered=True, pickup_seconds=5,
        answers=answers(YES)))  # fmt: skip
    assert lines.checks_page(db, admin, ids[SWITCHBOARD]) == []


def test_evaluation_scores_feed_the_recognition_ranking_c8_5(db: Database, admin: Actor) -> None:
    """C8.5 rewards the best agents: call quality counts beside training."""
    from desktop_app.services import recognition
    from desktop_app.services.periods import parse_period

    ids = make_lines(db)
    good, weak = make_agents(db)
    for agent, named in ((good, YES), (weak, NO)):
        evaluations.record(db, admin, EvaluationInput(
            at=datetime(2026, 4, 6, 10, 0, tzinfo=TUNIS), method="supervisor", agent_id=agent,
            line_id=ids[SWITCHBOARD], answered=True, pickup_seconds=5,
            answers=answers(named)))  # fmt: skip
    ranked = recognition.ranking(db, admin, parse_period("2026-Q2"))
    assert [c.agent_id for c in ranked][:2] == [good, weak]
    assert ranked[0].sources["evaluations"] > ranked[1].sources["evaluations"]


def test_a_mystery_call_check_reads_in_each_readers_language_c8_1(
    db: Database, admin: Actor
) -> None:
    """Arabic and French readers share one database: the check stores a source, not prose."""
    from desktop_app.i18n import ensure_core_application, install_language

    ids = make_lines(db)
    evaluations.record(db, admin, EvaluationInput(
        at=datetime(2026, 4, 6, 10, 0, tzinfo=TUNIS), method="mystery", agent_id=None,
        line_id=ids[SWITCHBOARD], answered=True, pickup_seconds=12,
        answers=answers(YES)))  # fmt: skip
    (check,) = lines.checks_page(db, admin, ids[SWITCHBOARD])
    assert check.notes == ""
    ensure_core_application()
    try:
        install_language("fr")
        assert lines.check_note(check) == "Appel mystère"
        install_language("ar")
        assert lines.check_note(check) == "مكالمة المواطن الرقيب"
    finally:
        install_language("en")
