"""The report's quality and traffic sheets and the dashboard's to-do lists (C8.4, C8.7)."""

from __future__ import annotations

from pathlib import Path

from desktop_app.data.db import Database
from desktop_app.exchange.cdr import import_cdr
from desktop_app.services import evaluations, sections
from desktop_app.services.evaluations import EvaluationInput
from desktop_app.services.periods import TUNIS, parse_period
from desktop_app.services.permissions import Actor
from desktop_app.services.scorecards import NA, NO, YES
from tests.helpers.calls_data import SWITCHBOARD, make_agents, make_lines

SAMPLE = Path(__file__).parents[1] / "exchange" / "data" / "Master.csv"
MARCH = parse_period("2026-03")


def test_sections_and_action_lists_from_real_records(db: Database, admin: Actor) -> None:
    from datetime import datetime

    ids = make_lines(db)
    weak, strong = make_agents(db)
    import_cdr(db, admin, SAMPLE)
    for agent, value in ((weak, NO), (strong, YES)):
        evaluations.record(db, admin, EvaluationInput(
            at=datetime(2026, 3, 3, 10, tzinfo=TUNIS), method="supervisor", agent_id=agent,
            line_id=ids[SWITCHBOARD], answered=True, pickup_seconds=20,
            answers={"greeting": value, "named_body": value, "clear": value, "correct": value,
                     "courteous": YES, "special_category": NA, "closing": YES}))  # fmt: skip
    with db.read() as s:
        ctx = sections.make_context(s, MARCH, None, "fr")
        built = {sec.key: sec for sec in sections.build_sections(s, ctx)}
    quality, traffic = built["quality"], built["traffic"]
    agents_table, criteria_table = quality.tables
    assert [row[0] for row in agents_table.rows] == ["Nadia Gharbi", "Sami Jaziri"]
    assert criteria_table.rows[0][1] == 50.0  # weakest criterion first, met by one of two
    lines_table, peak, rings = traffic.tables
    first = lines_table.rows[0]
    # Numbers as people read them on paper; offered, answered, busy, missed
    assert first[0] == "71 563 500" and first[2:6] == [6, 2, 1, 3]
    # 2 March 2026 falls in Ramadan (08:00–14:30): the 19:20 call came outside office hours
    assert first[10] == 1
    assert first[7] == 4  # busy and missed calls from numbers that can be called back
    # the reinforcement column follows (issue 12, C8.4)
    assert peak.chart is not None and len(peak.rows) == 24 and peak.rows[9][1:3] == [2, 2]
    assert sum(row[1] for row in rings.rows) == 4
    lists = {a.key: a for a in sections.action_lists(db, admin, MARCH, "fr")}
    assert lists["agents_below_target"].count == 1
    assert "Nadia Gharbi" in lists["agents_below_target"].items[0]
    assert lists["lines_losing_calls"].count == 2  # 1899 answered its one call
    assert lists["lines_losing_calls"].page == "calls"
