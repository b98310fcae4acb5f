"""Call traffic from the PBX's records (C8.4): per line and period, and the week × hour heatmap.

Only inbound calls on inventory lines count; outgoing and internal calls are left out. A call is
answered (ANSWERED), busy (BUSY, CONGESTION) or missed (NO ANSWER, CANCEL, FAILED, UNKNOWN); lost
calls are the busy and the missed ones. Days and hours are Tunis local time.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from typing import cast

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop_app.data.db import Database
from desktop_app.data.models import CallRecord, PhoneLine
from desktop_app.services import office_hours
from desktop_app.services.kpis import median
from desktop_app.services.periods import TUNIS, Period, quarter_of
from desktop_app.services.permissions import Actor, Perm

BUSY = ("BUSY", "CONGESTION")
# Time-to-answer buckets, upper bounds in seconds (the last is open); 300 s is C8.2's limit.
RING_BUCKETS = (10, 30, 60, 300)


def ring_bucket(seconds: int) -> int:
    for i, bound in enumerate(RING_BUCKETS):
        if seconds < bound:
            return i
    return len(RING_BUCKETS)


@dataclass
class LineTraffic:
    line_id: int
    number: str
    label: str
    offered: int = 0
    answered: int = 0
    busy: int = 0
    missed: int = 0
    outside_hours: int = 0
    rings: list[int] = field(default_factory=list, repr=False)

    @property
    def lost(self) -> int:
        return self.offered - self.answered

    @property
    def answered_pct(self) -> float | None:
        return round(100.0 * self.answered / self.offered, 1) if self.offered else None

    @property
    def ring_median(self) -> float | None:
        return median([float(r) for r in self.rings])


@dataclass
class TrafficReport:
    lines: list[LineTraffic]
    calls: list[list[int]]  # [weekday 0 = Monday][hour]
    missed: list[list[int]]  # lost calls (busy and missed)
    ring_buckets: list[int]  # answered calls per RING_BUCKETS bucket

    @property
    def total(self) -> int:
        return sum(x.offered for x in self.lines)

    def hours(self) -> list[tuple[int, int, int]]:
        """(hour, calls, lost) over the whole week."""
        return [(h, sum(d[h] for d in self.calls), sum(d[h] for d in self.missed))
                for h in range(24)]  # fmt: skip

    def peak_hour(self) -> int | None:
        hours = self.hours()
        best = max(hours, key=lambda h: (h[1], -h[0]))
        return best[0] if best[1] else None


def traffic_in(session: Session, start: datetime, end: datetime,
               line_id: int | None = None) -> TrafficReport:  # fmt: skip
    """One pass over the period's inbound calls, streamed (never the table whole)."""
    table = office_hours.load(session)
    lines: dict[int, LineTraffic] = {}
    calls = [[0] * 24 for _ in range(7)]
    missed = [[0] * 24 for _ in range(7)]
    buckets = [0] * (len(RING_BUCKETS) + 1)
    stmt = (
        select(CallRecord.line_id, PhoneLine.number, PhoneLine.label, CallRecord.start,
               CallRecord.answered, CallRecord.disposition, CallRecord.ring_seconds)
        .join(PhoneLine, PhoneLine.id == CallRecord.line_id)
        .where(CallRecord.direction == "inbound", CallRecord.start >= start,
               CallRecord.start < end)
    )  # fmt: skip
    if line_id is not None:
        stmt = stmt.where(CallRecord.line_id == line_id)
    for line, number, label, at, answered, disposition, ring in session.execute(
        stmt.execution_options(yield_per=5000)
    ):
        lid = cast(int, line)  # never NULL here: the inner join on PhoneLine drops such calls
        t = lines.get(lid)
        if t is None:
            t = lines[lid] = LineTraffic(lid, number, label)
        local = at.astimezone(TUNIS)
        t.offered += 1
        calls[local.weekday()][local.hour] += 1
        if not office_hours.is_open(table, local):
            t.outside_hours += 1
        if answered:
            t.answered += 1
            if ring is not None:
                t.rings.append(ring)
                buckets[ring_bucket(ring)] += 1
        else:
            missed[local.weekday()][local.hour] += 1
            if disposition in BUSY:
                t.busy += 1
            else:
                t.missed += 1
    ordered = sorted(lines.values(), key=lambda x: (-x.lost, x.number))
    return TrafficReport(ordered, calls, missed, buckets)


def traffic(db: Database, actor: Actor, period: Period, line_id: int | None = None
            ) -> TrafficReport:  # fmt: skip
    actor.require(Perm.READ_ALL)
    with db.read() as s:
        return traffic_in(s, period.start, period.end, line_id)


def latest_period(db: Database, actor: Actor) -> Period | None:
    """The quarter of the newest imported call, to open the page on data rather than nothing."""
    actor.require(Perm.READ_ALL)
    with db.read() as s:
        newest = s.scalar(select(func.max(CallRecord.start)))
    return quarter_of(newest.astimezone(TUNIS).date()) if newest else None


def record_counts(db: Database, actor: Actor) -> dict[str, int]:
    """How many records of each direction are stored (for the import page)."""
    actor.require(Perm.READ_ALL)
    with db.read() as s:
        rows = s.execute(select(CallRecord.direction, func.count()).group_by(CallRecord.direction))
        return defaultdict(int, {d: n for d, n in rows})
