"""The demo is what every new user judges the product by: it never contradicts itself (14.13)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop_app.config import resolve_database
from desktop_app.data.db import Database
from desktop_app.data.models import (
    Agent,
    CitizenRequest,
    Evaluation,
    EvaluationAnswer,
    LineFault,
    TrainingAttendance,
    TrainingSession,
)
from desktop_app.services.database import open_database
from desktop_app.services.demo_calls import COMMENTS
from tests.conftest import copy_template


@pytest.fixture(scope="module")
def demo_db(demo_year: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """A copy of the session's demo year: generating one is the slow part."""
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    copy_template(demo_year, path)
    db = open_database(resolve_database(str(path)))
    yield db
    db.dispose()


def test_absent_attendees_have_no_score_c8_5(demo_db: Database) -> None:
    with demo_db.read() as s:
        attended = s.scalars(select(TrainingAttendance.attended)).all()
        wrong = s.scalars(
            select(TrainingAttendance.id).where(
                TrainingAttendance.attended.is_(False), TrainingAttendance.score.is_not(None)
            )
        ).all()
    assert False in attended, "the demo should show some absences"
    assert wrong == []


def test_attendees_were_working_on_the_day_of_the_session_c8_5(demo_db: Database) -> None:
    with demo_db.read() as s:
        rows = s.execute(
            select(TrainingSession.held_on, Agent.active_from, Agent.active_to)
            .join(TrainingAttendance, TrainingAttendance.session_id == TrainingSession.id)
            .join(Agent, Agent.id == TrainingAttendance.agent_id)
        ).all()
    assert rows
    for held_on, since, until in rows:
        assert (since is None or since <= held_on) and (until is None or held_on <= until)


def test_evaluation_comments_agree_with_their_answers_c8_2(demo_db: Database) -> None:
    says = {text: claim for text, claim in COMMENTS if text}
    with demo_db.read() as s:
        evaluations = s.execute(
            select(Evaluation.id, Evaluation.comment, Evaluation.answered).where(
                Evaluation.comment != ""
            )
        ).all()
        answers: dict[int, dict[str, str]] = {}
        for eid, key, value in s.execute(
            select(
                EvaluationAnswer.evaluation_id,
                EvaluationAnswer.criterion_key,
                EvaluationAnswer.value,
            )
        ):
            answers.setdefault(eid, {})[key] = value
    assert evaluations
    named = [e for e in evaluations if e.comment == "N'a pas nommé l'organisme."]
    assert named, "the demo should show the coaching need of naming the body"
    for eid, comment, answered in evaluations:
        assert answered, f"evaluation {eid}: a comment on a call nobody answered"
        for key, value in says.get(comment, {}).items():
            assert answers[eid].get(key) == value, (eid, comment, key, answers[eid].get(key))


def test_unanswered_calls_name_no_agent_and_no_pickup_time_c8_2(demo_db: Database) -> None:
    with demo_db.read() as s:
        wrong = s.scalars(
            select(Evaluation.id).where(
                Evaluation.answered.is_(False),
                (Evaluation.agent_id.is_not(None)) | (Evaluation.pickup_seconds.is_not(None)),
            )
        ).all()
    assert wrong == []


def test_requests_and_faults_are_in_time_order_c2_1(demo_db: Database) -> None:
    with demo_db.read() as s:
        requests = s.execute(
            select(
                CitizenRequest.reference,
                CitizenRequest.received_at,
                CitizenRequest.first_response_at,
                CitizenRequest.closed_at,
            )
        ).all()
        faults = s.execute(select(LineFault.id, LineFault.reported_at, LineFault.repaired_at)).all()
    assert requests and faults
    for ref, received, first, closed in requests:
        assert first is None or first >= received, ref
        assert closed is None or closed >= received, ref
    for fid, reported, repaired in faults:
        assert repaired is None or repaired >= reported, fid


def test_a_demo_quarter_counts_the_catalogue_and_its_link_checks_c2_2(demo_db: Database) -> None:
    """The catalogue is made with the demo, but a demo quarter's report must not say that the
    body had no online services then, nor that no link was ever checked."""
    from datetime import UTC, datetime, timedelta

    from desktop_app.services.kpis import compute_in
    from desktop_app.services.periods import local_date, quarter_of

    this_quarter = quarter_of(local_date(datetime.now(UTC)))
    last_quarter = quarter_of(this_quarter.first_day - timedelta(days=1))
    with demo_db.read() as s:
        values = compute_in(s, last_quarter, None, ("services_count", "services_links_ok_pct"))
    assert values["services_count"] == 6  # the withdrawn one is not counted
    ok = values["services_links_ok_pct"]
    assert ok is not None and 0 < ok < 100  # the dead link was already dead then
