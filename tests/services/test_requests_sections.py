"""The requests sheet of the report and the dashboard's request lists (C2.1, C8.7)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from desktop_app.data.db import Database
from desktop_app.services import requests
from desktop_app.services.periods import parse_period
from desktop_app.services.permissions import Actor
from desktop_app.services.sections import action_lists, build_sections, make_context

T0 = datetime(2026, 2, 2, 9, tzinfo=UTC)


def test_section_and_action_lists_count_overdue_and_due_soon_c2_1(
    db: Database, admin: Actor
) -> None:
    late = requests.create_request(
        db, admin, channel="web", type="complaint", subject="Bruit", received_at=T0, now=T0
    )
    requests.create_request(
        db,
        admin,
        channel="letter",
        type="request",
        subject="Permis",
        category="elderly",
        received_at=T0 + timedelta(hours=10),
        now=T0 + timedelta(hours=10),
    )
    as_of = T0 + timedelta(hours=50)
    period = parse_period("2026-02")
    with db.read() as s:
        [section] = [
            x
            for x in build_sections(s, make_context(s, period, as_of, "en"))
            if x.key == "requests"
        ]
    titles = [t.title for t in section.tables]
    assert titles[0] == "Requests by month" and "48 calendar hours" in section.tables[0].note
    # Months and periods as people say them, not "2026-02" (C8.7).
    assert section.tables[0].rows == [["February 2026", 2, 0, 1, 0.0]]
    assert section.tables[1].headers == ["Channel", "February 2026", "January 2026"]
    assert section.tables[2].headers[0] == "Type"
    by_channel = {row[0]: row[1] for row in section.tables[1].rows}
    assert by_channel["Web portal"] == 1 and by_channel["Letter"] == 1
    assert {row[0]: row[1] for row in section.tables[3].rows}["Elderly person"] == 1
    # Overdue at the end of February: both (the second's deadline is 4 Feb).
    assert [row[0] for row in section.tables[4].rows][0] == late.reference
    lists = {a.key: a for a in action_lists(db, admin, period, "en", as_of=as_of)}
    assert lists["requests_overdue"].count == 1
    assert lists["requests_overdue"].page_filter == {"state": "overdue"}
    assert lists["requests_due_soon"].count == 1
    assert late.reference in lists["requests_overdue"].items[0]
