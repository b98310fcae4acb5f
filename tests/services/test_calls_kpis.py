"""evals_* and cdr_* indicators on hand-made data, period edges included (C8.2, C8.4, C8.7)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import insert

from desktop_app.data.db import Database
from desktop_app.data.models import CallRecord
from desktop_app.services import evaluations, kpis
from desktop_app.services.evaluations import EvaluationInput
from desktop_app.services.periods import TUNIS, parse_period
from desktop_app.services.permissions import Actor
from desktop_app.services.scorecards import NA, NO, YES
from tests.helpers.calls_data import GREEN, SWITCHBOARD, make_agents, make_lines

Q1 = parse_period("2026-Q1")
IDS = (
    "evals_count",
    "evals_pickup_ok_pct",
    "evals_greeting_pct",
    "evals_named_body_pct",
    "evals_score_avg",
    "cdr_calls",
    "cdr_answered_pct",
    "cdr_ring_median_s",
    "cdr_peak_hour",
)


def local(*args: int) -> datetime:
    return datetime(*args, tzinfo=TUNIS).astimezone(UTC)  # type: ignore[misc]


def answers(greeting: str = YES, named: str = YES) -> dict[str, str]:
    return {"greeting": greeting, "named_body": named, "clear": YES, "correct": YES,
            "courteous": YES, "special_category": NA, "closing": YES}  # fmt: skip


def test_no_data_gives_zero_counts_and_empty_ratios(db: Database, admin: Actor) -> None:
    values = kpis.compute(db, admin, Q1, only=IDS)
    assert values["evals_count"] == 0 and values["cdr_calls"] == 0
    assert all(values[k] is None for k in IDS if k not in ("evals_count", "cdr_calls"))


def test_evals_indicators_on_hand_made_evaluations_c8_2_c8_7(db: Database, admin: Actor) -> None:
    ids = make_lines(db)
    agent, _ = make_agents(db)
    line = ids[SWITCHBOARD]

    def ev(at: datetime, method: str = "supervisor", answered: bool = True, secs: int | None = 20,
           **kw: str) -> None:  # fmt: skip
        evaluations.record(db, admin, EvaluationInput(
            at=at, method=method, agent_id=agent, line_id=line, answered=answered,
            pickup_seconds=secs, answers=answers(**kw)))  # fmt: skip

    ev(local(2026, 1, 1, 0, 0))  # first instant of Q1: in; 100
    ev(local(2026, 3, 31, 23, 59), method="mystery", secs=299, greeting=NO)  # in (< 300); 89.5
    ev(local(2026, 2, 2, 10), method="mystery", secs=300, named=NO)  # 300 s is late: 68.4
    ev(local(2026, 2, 3, 10), method="mystery", answered=False, secs=None)  # unanswered: 0
    ev(local(2026, 2, 4, 10), method="citizen_feedback", greeting=NO)  # not a measurement
    ev(local(2026, 4, 1, 0, 0))  # first instant of Q2: out
    ev(local(2025, 12, 31, 23, 59))  # out
    values = kpis.compute(db, admin, Q1, only=IDS)
    assert values["evals_count"] == 4
    # 2 of 4: 300 s (not less than five minutes) and unanswered are not ok
    assert values["evals_pickup_ok_pct"] == 50.0
    assert values["evals_greeting_pct"] == 66.7  # 2 of 3 answered
    assert values["evals_named_body_pct"] == 66.7
    assert values["evals_score_avg"] == round((100 + 89.5 + 68.4 + 0) / 4, 1)


def cdr(line_id: int | None, start: datetime, answered: bool, ring: int | None = None,
        direction: str = "inbound", disposition: str = "") -> dict[str, object]:  # fmt: skip
    key = f"{start.isoformat()}|{line_id}|{direction}|{ring}"
    return {"natural_key": key, "start": start, "disposition": disposition or (
        "ANSWERED" if answered else "NO ANSWER"), "direction": direction, "line_id": line_id,
        "answered": answered, "ring_seconds": ring}  # fmt: skip


def test_cdr_indicators_on_hand_made_records_c8_4(db: Database, admin: Actor) -> None:
    ids = make_lines(db)
    sw, green = ids[SWITCHBOARD], ids[GREEN]
    rows = [
        cdr(sw, local(2026, 1, 1, 0, 0), True, 4),  # first instant: in
        cdr(sw, local(2026, 2, 2, 9, 10), True, 10),
        cdr(sw, local(2026, 2, 2, 9, 50), False),
        cdr(green, local(2026, 2, 3, 10, 5), True, 30),
        cdr(green, local(2026, 3, 31, 23, 59), True, 2),  # last minute: in
        cdr(green, local(2026, 3, 5, 10, 1), False, disposition="BUSY"),
        cdr(None, local(2026, 2, 2, 9, 15), True, 1, direction="outgoing"),  # left out
        cdr(None, local(2026, 2, 2, 9, 16), True, 1, direction="internal"),  # left out
        cdr(None, local(2026, 2, 2, 9, 17), False, direction="unmatched"),  # not in inventory
        cdr(sw, local(2026, 4, 1, 0, 0), True, 99),  # Q2: out
    ]
    with db.write() as s:
        s.execute(insert(CallRecord), rows)
    values = kpis.compute(db, admin, Q1, only=IDS)
    assert values["cdr_calls"] == 6
    assert values["cdr_answered_pct"] == 66.7
    assert values["cdr_ring_median_s"] == 7.0  # 2, 4, 10, 30 → (4 + 10) / 2
    assert values["cdr_peak_hour"] == 9  # 9h: 2 calls; 10h: 2 calls → the earliest


def test_peak_hour_is_local_time(db: Database, admin: Actor) -> None:
    ids = make_lines(db)
    with db.write() as s:
        s.execute(insert(CallRecord), [cdr(ids[GREEN], datetime(2026, 2, 2, 7, 30, tzinfo=UTC),
                                           True, 3)])  # fmt: skip
    assert kpis.compute(db, admin, Q1, only=("cdr_peak_hour",))["cdr_peak_hour"] == 8


@pytest.mark.parametrize("kpi", IDS)
def test_every_calls_indicator_is_registered(kpi: str) -> None:
    kpis._load_areas()
    assert kpi in kpis.INDICATORS


def test_imported_sample_gives_the_expected_figures(db: Database, admin: Actor) -> None:
    from desktop_app.exchange.cdr import import_cdr

    make_lines(db)
    import_cdr(db, admin, Path(__file__).parents[1] / "exchange" / "data" / "Master.csv")
    values = kpis.compute(db, admin, parse_period("2026-03"), only=IDS)
    assert values["cdr_calls"] == 9
    assert values["cdr_answered_pct"] == 44.4  # 4 of 9
    assert values["cdr_ring_median_s"] == 8.5  # 6, 8, 9, 42
    assert values["cdr_peak_hour"] == 9  # 09:02, 09:05 on the 2nd
