"""The requests sheet of the report and the dashboard's request lists (C2.1, C8.7)."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from desktop_app.data.db import Database
from desktop_app.data.models import CitizenRequest
from desktop_app.services import deadlines, kpis, requests, settings
from desktop_app.services.kpis import requests as kpis_requests
from desktop_app.services.periods import TUNIS, Period, local_date, parse_period
from desktop_app.services.permissions import Actor
from desktop_app.services.sections import action_lists, build_sections, make_context, month_label

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
    assert titles[0] == "Requests by month" and "Legal deadline: 48 hours" in section.tables[0].note
    # Months and periods as people say them, not "2026-02" (C8.7).
    assert section.tables[0].rows[0] == ["February 2026", 2, 0, 1, 0.0, 0.0]
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


def _reference_by_month(s: Session, period: Period, as_of: datetime) -> list[list[object]]:
    """The table as it was computed before issue 7: every request re-read and re-timed."""
    r = CitizenRequest
    clock = deadlines.load_clock(s, settings.load_all(s))
    months: dict[str, list[int]] = {}
    internal: dict[str, list[int]] = {}
    rows = s.execute(select(r.received_at, r.first_response_at).where(
        r.received_at >= period.start, r.received_at < period.end))  # fmt: skip
    for received, first in rows:
        key = received.astimezone(TUNIS).strftime("%Y-%m")
        counts = months.setdefault(key, [0, 0, 0])
        counts[0] += 1
        # Issue 12: the legal deadline is received + 48 h whatever the clock (C2.1); the clock
        # gives the internal target, capped at the legal deadline, in its own column.
        deadline = received + timedelta(hours=48)
        target = min(clock.deadline(received), deadline)
        known = first is not None and first <= as_of
        if known:
            counts[1 if first <= deadline else 2] += 1
        elif deadline <= as_of:
            counts[2] += 1
        judged = internal.setdefault(key, [0, 0])
        if known or target <= as_of:
            judged[1] += 1
            judged[0] += 1 if known and first <= target else 0
    table: list[list[object]] = []
    for key in sorted(months):
        total, on_time, late = months[key]
        share = round(100 * on_time / (on_time + late), 1) if on_time + late else None
        ok, n = internal[key]
        table.append([month_label(int(key[:4]), int(key[5:7])), total, on_time, late, share,
                      round(100 * ok / n, 1) if n else None])  # fmt: skip
    return table


@pytest.mark.parametrize("clock", ["calendar", "working"])
def test_by_month_reuses_the_indicators_requests_and_counts_as_before_c2_1(
    db: Database, admin: Actor, clock: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 7: the table reads the requests the req_* indicators read (one read per report)
    and gives the same figures as the per-request count it replaced, under either clock, at
    month edges (23:30 UTC on 31 January is February in Tunis) and with answers after as_of."""
    rng = random.Random(11)
    start = datetime(2025, 12, 31, 23, tzinfo=UTC)
    rows = []
    for i in range(400):
        received = start + timedelta(minutes=rng.randrange(90 * 24 * 60))
        if i < 4:
            received = datetime(2026, 1, 31, 22 + i % 2, 30 * (i // 2), tzinfo=UTC)
        first = received + timedelta(hours=rng.choice((1, 20, 47, 49, 70, 200)))
        rows.append({"reference": f"T-{i}", "received_at": received, "channel": "web",
                     "type": "request", "citizen": "", "contact": "", "subject": "s",
                     "body": "", "status": "open", "deadline_at": received,
                     "first_response_at": first if rng.random() < 0.8 else None,
                     "first_response_kind": "answer", "created_at": received,
                     "version": 1})  # fmt: skip
    with db.write() as s:
        s.execute(insert(CitizenRequest), rows)
    if clock == "working":
        settings.save_clock_settings(db, admin, {"deadline_clock": "working"})
    period, as_of = parse_period("2026-Q1"), datetime(2026, 3, 20, tzinfo=UTC)
    loads: list[object] = []
    load = kpis_requests._load_received
    monkeypatch.setattr(kpis_requests, "_load_received",
                        lambda *a: loads.append(a) or load(*a))  # fmt: skip
    with db.read() as s:
        cache: dict[Any, Any] = {}
        kpis.compute_in(s, period, as_of, cache=cache)
        assert len(loads) == 1
        [section] = [x for x in build_sections(s, make_context(s, period, as_of, "en", cache))
                     if x.key == "requests"]  # fmt: skip
        assert len(loads) == 1  # the section found the indicators' read and made no other
        expected = _reference_by_month(s, period, as_of)
    assert section.tables[0].rows[:-1] == expected  # the last row sums up the whole period
    assert [row[1] for row in expected] == [
        sum(1 for r in rows if local_date(r["received_at"]).month == m) for m in (1, 2, 3)
    ]
