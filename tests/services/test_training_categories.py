"""C8.6: training sessions on serving particular categories name one from the body's list."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from desktop_app.data.db import Database
from desktop_app.services import agents, training, user_categories
from desktop_app.services.agents import AgentInput
from desktop_app.services.errors import UserError
from desktop_app.services.periods import parse_period
from desktop_app.services.permissions import Actor
from desktop_app.services.sections import build_sections, make_context
from desktop_app.services.training import Attendee, SessionFilter, SessionInput


def _agent(db: Database, admin: Actor, name: str) -> int:
    return agents.create_agent(db, admin, AgentInput(name_fr=name, active_from=date(2020, 1, 1))).id


def _session(db: Database, admin: Actor, category: str | None, who: list[int],
             topic: str = "special_categories") -> int:  # fmt: skip
    data = SessionInput("S", topic, date(2026, 2, 10), 2.0, user_category=category)
    return training.create_session(db, admin, data, [Attendee(a) for a in who])


def _version(db: Database, admin: Actor, code: str) -> int:
    return next(c.version for c in user_categories.list_categories(db, admin) if c.code == code)


def test_c8_6_a_session_names_an_active_category_and_keeps_it_once_deactivated(
    db: Database, admin: Actor
) -> None:
    a = _agent(db, admin, "A")
    sid = _session(db, admin, "elderly", [a])
    with pytest.raises(UserError, match="no longer in use"):
        _session(db, admin, "other", [a])
    # another topic names no category
    other_topic = _session(db, admin, "elderly", [a], topic="reception")
    rows = {r.id: r for r in training.sessions_page(db, admin, SessionFilter())}
    assert rows[sid].user_category == "elderly" and rows[other_topic].user_category is None
    user_categories.set_active(db, admin, "elderly", False, version=_version(db, admin, "elderly"))
    row = rows[sid]
    data = SessionInput("S2", row.topic, row.held_on, 2.0, user_category="elderly")
    training.update_session(db, admin, sid, row.version, data, [Attendee(a)])  # kept: past data
    after = {r.id: r for r in training.sessions_page(db, admin, SessionFilter())}[sid]
    assert after.title == "S2" and after.user_category == "elderly"


def test_c8_6_report_counts_agents_trained_per_category_inactive_kept_for_past_data(
    db: Database, admin: Actor
) -> None:
    a, b, c = (_agent(db, admin, n) for n in "ABC")
    _session(db, admin, "elderly", [a])
    _session(db, admin, None, [b])  # all particular categories
    added = user_categories.add(db, admin, name_ar="الأجانب", name_fr="Étrangers")
    _session(db, admin, added, [c])
    user_categories.set_active(db, admin, added, False, version=_version(db, admin, added))
    as_of = datetime(2026, 4, 2, tzinfo=UTC)
    with db.read() as s:
        ctx = make_context(s, parse_period("2026-Q1"), as_of, "fr")
        [section] = [x for x in build_sections(s, ctx) if x.key == "training"]
    table = next(t for t in section.tables if "(C8.6)" in t.title)
    assert {r[0]: r[1:] for r in table.rows} == {
        "Personnes handicapées": [1, 3],
        "Personnes âgées": [2, 3],
        "Étrangers": [2, 3],
    }
