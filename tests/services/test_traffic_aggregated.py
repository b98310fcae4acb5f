"""Call traffic counted in SQL equals the call-by-call count it replaced (C8.4, C8.7, issue 7).

The traffic sheet and the cdr_* indicators now group the period's calls by UTC hour in SQL and
move each hour to Tunis time in Python. The reference below is the previous per-call code, kept
here word for word, run on hand-made calls: at the period's edges (23:30 UTC on the last day is
the next local day), on session bounds to the second, at night, and in 2008 when Tunis kept
summer time (UTC+2), across the October 2008 change back to UTC+1.
"""

from __future__ import annotations

import random
from collections import Counter
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from desktop_app.data.db import Database
from desktop_app.data.models import CallRecord, PhoneLine
from desktop_app.services import kpis, office_hours, traffic
from desktop_app.services.kpis import median
from desktop_app.services.periods import TUNIS, Period, parse_period
from desktop_app.services.permissions import Actor
from tests.helpers.calls_data import GREEN, SHORT, SWITCHBOARD, make_lines

CDR_IDS = ("cdr_calls", "cdr_answered_pct", "cdr_ring_median_s", "cdr_peak_hour")
PERIODS = ("2026-03", "2026-04", "2026-Q1", "2008-07", "2008-10", "2008")


def local(*args: int) -> datetime:
    return datetime(*args, tzinfo=TUNIS).astimezone(UTC)  # type: ignore[misc]


# --- the previous code, per call --------------------------------------------------------------


def reference_traffic(session: Session, start: datetime, end: datetime) -> dict[str, Any]:
    table = office_hours.load(session)
    lines: dict[int, dict[str, Any]] = {}
    calls = [[0] * 24 for _ in range(7)]
    missed = [[0] * 24 for _ in range(7)]
    buckets = [0] * (len(traffic.RING_BUCKETS) + 1)
    stmt = (
        select(CallRecord.line_id, PhoneLine.number, PhoneLine.label, CallRecord.start,
               CallRecord.answered, CallRecord.disposition, CallRecord.ring_seconds)
        .join(PhoneLine, PhoneLine.id == CallRecord.line_id)
        .where(CallRecord.direction == "inbound", CallRecord.start >= start,
               CallRecord.start < end)
    )  # fmt: skip
    for lid, number, label, at, answered, disposition, ring in session.execute(stmt):
        t = lines.setdefault(lid, {"number": number, "label": label, "offered": 0,
                                   "answered": 0, "busy": 0, "missed": 0, "outside": 0,
                                   "rings": []})  # fmt: skip
        here = at.astimezone(TUNIS)
        t["offered"] += 1
        calls[here.weekday()][here.hour] += 1
        if not office_hours.is_open(table, here):
            t["outside"] += 1
        if answered:
            t["answered"] += 1
            if ring is not None:
                t["rings"].append(ring)
                buckets[traffic.ring_bucket(ring)] += 1
        else:
            missed[here.weekday()][here.hour] += 1
            if disposition in traffic.BUSY:
                t["busy"] += 1
            else:
                t["missed"] += 1
    rows = sorted(
        ((t["number"], t["label"], t["offered"], t["answered"], t["busy"], t["missed"],
          t["outside"], median([float(r) for r in t["rings"]])) for t in lines.values()),
        key=lambda r: (-(r[2] - r[3]), r[0]),
    )  # fmt: skip
    return {"lines": rows, "calls": calls, "missed": missed, "buckets": buckets}


def reference_cdr(session: Session, start: datetime, end: datetime) -> dict[str, Any]:
    inbound = [CallRecord.direction == "inbound", CallRecord.line_id.is_not(None),
               CallRecord.start >= start, CallRecord.start < end]  # fmt: skip
    total = int(session.scalar(select(func.count(CallRecord.id)).where(*inbound)) or 0)
    answered = int(session.scalar(select(func.count(CallRecord.id)).where(
        *inbound, CallRecord.answered.is_(True))) or 0)  # fmt: skip
    rings = session.scalars(select(CallRecord.ring_seconds).where(
        *inbound, CallRecord.answered.is_(True), CallRecord.ring_seconds.is_not(None)))  # fmt: skip
    hours: Counter[int] = Counter()
    for at in session.scalars(select(CallRecord.start).where(*inbound)):
        hours[at.astimezone(TUNIS).hour] += 1
    return {
        "cdr_calls": total,
        "cdr_answered_pct": kpis.pct(answered, total),
        "cdr_ring_median_s": median([float(v) for v in rings if v is not None]),
        "cdr_peak_hour": min(hours, key=lambda h: (-hours[h], h)) if hours else None,
    }


def new_traffic(session: Session, period: Period) -> dict[str, Any]:
    report = traffic.traffic_in(session, period.start, period.end)
    rows = [(x.number, x.label, x.offered, x.answered, x.busy, x.missed, x.outside_hours,
             x.ring_median) for x in report.lines]  # fmt: skip
    return {"lines": rows, "calls": report.calls, "missed": report.missed,
            "buckets": report.ring_buckets}  # fmt: skip


# --- hand-made calls --------------------------------------------------------------------------


def fill(db: Database) -> None:
    ids = make_lines(db)
    with db.write() as s:
        office_hours.load_for(s, [2008, 2026])  # holidays and timetables of both years
    lines = [ids[SWITCHBOARD], ids[GREEN], ids[SHORT]]
    edges = [
        datetime(2026, 3, 31, 23, 30, tzinfo=UTC),  # 1 April 00:30 in Tunis: April's
        datetime(2026, 2, 28, 23, 30, tzinfo=UTC),  # 1 March 00:30 in Tunis: March's
        datetime(2026, 2, 28, 22, 59, 59, 999999, tzinfo=UTC),  # 28 February 23:59:59
        local(2026, 3, 3, 8, 0),
        local(2026, 3, 3, 7, 59, 59),  # Ramadan opens at 08:00
        local(2026, 3, 3, 14, 29, 59),
        local(2026, 3, 3, 14, 30),  # … closes at 14:30
        local(2026, 3, 6, 12, 59, 59),
        local(2026, 3, 6, 13, 0),  # a Friday in Ramadan
        local(2026, 4, 7, 12, 30),
        local(2026, 4, 7, 12, 29, 59),
        local(2008, 7, 1, 7, 30),
        local(2008, 7, 1, 7, 29, 59),  # summer session, UTC+2
        local(2008, 7, 1, 13, 30),
        local(2008, 7, 1, 13, 29, 59, 500000),
        datetime(2008, 7, 31, 22, 30, tzinfo=UTC),  # 1 August 00:30 in Tunis (UTC+2)
        datetime(2008, 6, 30, 22, 30, tzinfo=UTC),  # 1 July 00:30 in Tunis
        datetime(2008, 10, 26, 0, 30, tzinfo=UTC),  # 02:30 summer time, before the change
        datetime(2008, 10, 26, 1, 30, tzinfo=UTC),  # 02:30 again, winter time
    ]
    rng = random.Random(7)
    starts = list(edges)
    for first, days in ((datetime(2026, 1, 1, tzinfo=UTC), 130),
                        (datetime(2008, 1, 1, tzinfo=UTC), 366)):  # fmt: skip
        starts += [first + timedelta(seconds=rng.randrange(days * 86400),
                                     microseconds=rng.choice((0, 0, 250000)))
                   for _ in range(1500)]  # fmt: skip
    rows: list[dict[str, Any]] = []
    for i, at in enumerate(starts):
        disposition = rng.choice(("ANSWERED", "ANSWERED", "BUSY", "CONGESTION", "NO ANSWER",
                                  "CANCEL", "FAILED"))  # fmt: skip
        answered = disposition == "ANSWERED"
        ring = rng.choice((None, 3, 9, 10, 29, 30, 59, 60, 299, 300, 301)) if answered else None
        direction, line = "inbound", rng.choice(lines)
        if i % 97 == 5:
            direction = "outgoing"
        elif i % 89 == 3:
            line = None  # inbound to a number not in the inventory: counted nowhere
        rows.append({"natural_key": f"t|{i}", "start": at, "disposition": disposition,
                     "direction": direction, "line_id": line, "answered": answered,
                     "ring_seconds": ring})  # fmt: skip
    with db.write() as s:
        s.execute(insert(CallRecord), rows)


@pytest.fixture
def filled(db: Database, admin: Actor) -> Database:
    fill(db)
    return db


@pytest.mark.parametrize("text", PERIODS)
def test_traffic_counted_in_sql_equals_the_per_call_count_c8_4(filled: Database,
                                                                text: str) -> None:  # fmt: skip
    period = parse_period(text)
    with filled.read() as s:
        expected = reference_traffic(s, period.start, period.end)
        assert expected["lines"], "the period has calls"
        assert new_traffic(s, period) == expected


@pytest.mark.parametrize("text", PERIODS)
def test_cdr_indicators_counted_in_sql_equal_the_per_call_ones_c8_4(
    filled: Database, admin: Actor, text: str
) -> None:
    period = parse_period(text)
    with filled.read() as s:
        expected = reference_cdr(s, period.start, period.end)
    assert kpis.compute(filled, admin, period, only=CDR_IDS) == expected


@pytest.mark.parametrize("text", PERIODS)
def test_the_sql_path_is_taken_and_agrees_with_the_call_by_call_path(
    filled: Database, text: str
) -> None:
    period = parse_period(text)
    with filled.read() as s:
        table = office_hours.load(s)
        grouped = traffic._aggregated(s, period.start, period.end, None, table)
        assert grouped is not None  # whole-hour offsets, minute-exact sessions: SQL does it
        assert grouped == traffic._per_call(s, period.start, period.end, None, table)


def test_edges_fall_on_their_local_day_and_summer_time_is_kept(filled: Database) -> None:
    """23:30 UTC on 31 March is April in Tunis; 22:30 UTC on 30 June 2008 is July (UTC+2)."""
    with filled.read() as s:
        april = traffic.traffic_in(s, *_bounds("2026-04"))
        summer = traffic.traffic_in(s, *_bounds("2008-07"))
    assert april.calls[2][0] >= 1  # Wednesday 1 April 2026, 00:xx
    assert summer.calls[1][0] >= 1  # Tuesday 1 July 2008, 00:xx


def test_a_whole_table_scan_is_chosen_for_a_long_period_only(filled: Database) -> None:
    with filled.read() as s:
        assert traffic._whole_scan(s, *_bounds("2008"))
        assert not traffic._whole_scan(s, *_bounds("2026-04"))


def test_one_read_serves_the_indicators_and_the_traffic_sheet(filled: Database) -> None:
    period = parse_period("2026-Q1")
    cache: dict[Any, Any] = {}
    with filled.read() as s:
        first = traffic.inbound_counts(s, period.start, period.end, cache=cache)
        kpis.compute_in(s, period, cache=cache, only=CDR_IDS)
        assert traffic.inbound_counts(s, period.start, period.end, cache=cache) is first
        assert len(cache) == 1


def test_median_of_counts_is_the_contract_median() -> None:
    rng = random.Random(3)
    for n in range(0, 40):
        values = [rng.randrange(6) for _ in range(n)]
        assert traffic.median_of_counts(Counter(values)) == median([float(v) for v in values])


def _bounds(text: str) -> tuple[datetime, datetime]:
    period = parse_period(text)
    return period.start, period.end
