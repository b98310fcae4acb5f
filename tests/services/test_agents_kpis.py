"""The training_* and agents_* indicators of CONTRACTS.md §3 on hand-made data, at the edges."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from desktop_app.services import agents, kpis, training
from desktop_app.services.agents import AgentInput
from desktop_app.services.periods import parse_period
from desktop_app.services.sections import action_lists, build_sections, make_context
from desktop_app.services.training import Attendee, SessionInput

IDS = (
    "training_sessions",
    "training_person_hours",
    "agents_active",
    "agents_trained_pct",
    "agents_special_categories_pct",
)


def _agent(db, admin, name, active_from=date(2020, 1, 1), active_to=None) -> int:
    return agents.create_agent(
        db, admin, AgentInput(name_fr=name, active_from=active_from, active_to=active_to)
    ).id


def _session(db, admin, day, hours, attendees, topic="reception") -> int:
    return training.create_session(db, admin, SessionInput("S", topic, day, hours), attendees)


def _kpis(db, admin, period="2026-Q1"):
    return kpis.compute(db, admin, parse_period(period), only=IDS)


def test_empty_database_gives_zero_counts_and_empty_ratios_c8_5(db, admin) -> None:
    assert _kpis(db, admin) == {
        "training_sessions": 0,
        "training_person_hours": 0.0,
        "agents_active": 0,
        "agents_trained_pct": None,
        "agents_special_categories_pct": None,
    }


def test_training_indicators_on_hand_made_data_at_the_period_edges_c8_5_c8_6(db, admin) -> None:
    a = _agent(db, admin, "A")
    b = _agent(db, admin, "B")
    c = _agent(db, admin, "C")
    starts_next_day = _agent(db, admin, "Next", active_from=date(2026, 4, 1))
    left_on_last_day = _agent(db, admin, "LastDay", active_to=date(2026, 3, 31))
    left_before = _agent(db, admin, "Gone", active_to=date(2026, 3, 30))
    # outside P on both sides: not counted as sessions or hours
    _session(db, admin, date(2025, 12, 31), 5, [Attendee(c)], topic="special_categories")
    _session(db, admin, date(2026, 4, 1), 7, [Attendee(b)], topic="special_categories")
    # first day and last day of P
    _session(db, admin, date(2026, 1, 1), 2.5, [Attendee(a), Attendee(b, attended=False)])
    _session(
        db,
        admin,
        date(2026, 3, 31),
        1.5,
        [Attendee(a), Attendee(left_on_last_day)],
    )
    # an agent can only attend while working: left_before is trained in P, then leaves
    _session(db, admin, date(2026, 2, 10), 3, [Attendee(left_before)], topic="legal")
    values = _kpis(db, admin)
    assert values["training_sessions"] == 3
    assert values["training_person_hours"] == 2.5 + 1.5 * 2 + 3  # absentee b not counted
    # active at end: a, b, c, left_on_last_day (4); not starts_next_day nor left_before
    assert values["agents_active"] == 4
    # trained in P among them: a and left_on_last_day → 2/4
    assert values["agents_trained_pct"] == 50.0
    # special categories before end: c (Dec 2025); b's is after end → 1/4
    assert values["agents_special_categories_pct"] == 25.0
    assert starts_next_day


def test_special_categories_counts_only_attended_sessions_before_end_c8_6(db, admin) -> None:
    a = _agent(db, admin, "A")
    b = _agent(db, admin, "B")
    c = _agent(db, admin, "C")
    _session(
        db,
        admin,
        date(2026, 3, 31),
        1,
        [Attendee(a), Attendee(b, attended=False)],
        topic="special_categories",
    )
    values = _kpis(db, admin)
    assert values["agents_special_categories_pct"] == pytest.approx(33.3)
    assert c
    assert _kpis(db, admin, "2026-01")["agents_special_categories_pct"] == 0.0


def test_training_section_and_action_lists(db, admin) -> None:
    a = _agent(db, admin, "Amel")
    training.create_rule(db, admin, training.RuleInput("Annual", None, 12, 0, date(2025, 1, 1)))
    _session(db, admin, date(2026, 2, 1), 2, [Attendee(a)])
    _agent(db, admin, "Untrained")
    period = parse_period("2026-Q1")
    as_of = datetime(2026, 4, 2, tzinfo=UTC)
    with db.read() as s:
        ctx = make_context(s, period, as_of, "fr")
        [section] = [x for x in build_sections(s, ctx) if x.key == "training"]
    per_agent = section.tables[0]
    assert [r[0] for r in per_agent.rows] == ["Amel", "Untrained"]
    assert per_agent.rows[0][2] == 2.0  # reception hours
    lists = {x.key: x for x in action_lists(db, admin, period, "fr", as_of + timedelta(0))}
    plan = lists["training_plan"]
    assert plan.count == 1 and plan.page == "training" and "Untrained" in plan.items[0]
    assert lists["guides_outdated"].count == 0 and lists["equipment_missing"].count == 0
