"""Call traffic from the PBX's records (C8.4): per line and period, and the week × hour heatmap.

Only inbound calls on inventory lines count; outgoing and internal calls are left out. A call is
answered (ANSWERED), busy (BUSY, CONGESTION) or missed (NO ANSWER, CANCEL, FAILED, UNKNOWN); lost
calls are the busy and the missed ones. Days and hours are Tunis local time.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, TypeVar, cast

from sqlalchemy import (
    ColumnElement,
    Integer,
    and_,
    case,
    extract,
    false,
    func,
    literal_column,
    or_,
    select,
    true,
)
from sqlalchemy import cast as cast_
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement

from desktop_app.data.db import Database
from desktop_app.data.models import CallRecord, PhoneLine
from desktop_app.services import office_hours, pickup
from desktop_app.services import settings as settings_service
from desktop_app.services.periods import TUNIS, Period, quarter_of
from desktop_app.services.permissions import Actor, Perm


def natural_key(start: datetime, src: str, dst: str, channel: str) -> str:
    """start (UTC) | src | dst | channel: what identifies a call without uniqueid (CONTRACTS §4);
    the CDR import and the demo calls both key their records by it."""
    return "|".join((start.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S"), src, dst, channel))


BUSY = ("BUSY", "CONGESTION")
_T = TypeVar("_T")
# Time-to-answer buckets, upper bounds in seconds (the last is open); the last bound is the pickup
# limit in force (services/pickup.py, C8.2: strictly less than it is in time), 300 s by default.
RING_BUCKETS = pickup.ring_bounds(pickup.LEGAL_SECONDS)


def ring_bucket(seconds: int, bounds: tuple[int, ...] = RING_BUCKETS) -> int:
    for i, bound in enumerate(bounds):
        if seconds < bound:
            return i
    return len(bounds)


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
    # Seconds to answer → answered calls that waited so long (a distribution, not every call).
    rings: Counter[int] = field(default_factory=Counter, repr=False)

    @property
    def lost(self) -> int:
        return self.offered - self.answered

    @property
    def answered_pct(self) -> float | None:
        return round(100.0 * self.answered / self.offered, 1) if self.offered else None

    @property
    def ring_median(self) -> float | None:
        return median_of_counts(self.rings)


def median_of_counts(counts: Mapping[int, int]) -> float | None:
    """kpis.median over the values a distribution counts, without spelling every value out."""
    n = sum(counts.values())
    if n == 0:
        return None
    wanted = (n // 2,) if n % 2 else (n // 2 - 1, n // 2)
    found: list[float] = []
    seen = 0
    for value in sorted(counts):
        seen += counts[value]
        while len(found) < len(wanted) and wanted[len(found)] < seen:
            found.append(float(value))
    return found[0] if n % 2 else (found[0] + found[1]) / 2


@dataclass
class TrafficReport:
    lines: list[LineTraffic]
    calls: list[list[int]]  # [weekday 0 = Monday][hour]
    missed: list[list[int]]  # lost calls (busy and missed)
    ring_buckets: list[int]  # answered calls per bucket of ring_bounds
    ring_bounds: tuple[int, ...] = RING_BUCKETS

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


@dataclass
class InboundCounts:
    """A period's inbound calls on lines (line_id set), counted once for the traffic sheet and
    the cdr_* indicators: per line, and per Tunis weekday × hour.

    `known` tells the calls whose line is still in the inventory (the traffic sheet's join on
    phone_lines) from the others (the indicators count every call with a line_id); with foreign
    keys on, the two are the same calls.
    """

    # line_id → [offered, answered, busy, missed, outside office hours]
    lines: dict[int, list[int]] = field(default_factory=dict)
    rings: dict[int, Counter[int]] = field(default_factory=dict)  # line_id → seconds → calls
    # (weekday, local hour, answered, known) → calls
    heat: Counter[tuple[int, int, bool, bool]] = field(default_factory=Counter)

    def line(self, line_id: int) -> list[int]:
        counts = self.lines.get(line_id)
        if counts is None:
            counts = self.lines[line_id] = [0, 0, 0, 0, 0]
        return counts

    def add(self, line_id: int, answered: bool, disposition: str, outside: bool,
            n: int = 1) -> None:  # fmt: skip
        counts = self.line(line_id)
        counts[0] += n
        if answered:
            counts[1] += n
        elif disposition in BUSY:
            counts[2] += n
        else:
            counts[3] += n
        if outside:
            counts[4] += n

    # What the cdr_* indicators read.
    @property
    def total(self) -> int:
        return sum(c[0] for c in self.lines.values())

    @property
    def answered(self) -> int:
        return sum(c[1] for c in self.lines.values())

    def ring_median(self) -> float | None:
        merged: Counter[int] = Counter()
        for counts in self.rings.values():
            merged.update(counts)
        return median_of_counts(merged)

    def peak_hour(self) -> int | None:
        """The Tunis hour with the most calls; the earliest wins a tie."""
        hours: Counter[int] = Counter()
        for (_, hour, _, _), n in self.heat.items():
            hours[hour] += n
        hours = Counter({h: n for h, n in hours.items() if n})
        if not hours:
            return None
        return min(hours, key=lambda h: (-hours[h], h))


def _per_call(session: Session, start: datetime, end: datetime, line_id: int | None,
              table: office_hours.OfficeCalendar) -> InboundCounts:  # fmt: skip
    """Call by call, each start moved to Tunis time: exact for any offset (the reference)."""
    out = InboundCounts()
    stmt = (
        select(CallRecord.line_id, PhoneLine.id.is_not(None), CallRecord.start,
               CallRecord.answered, CallRecord.disposition, CallRecord.ring_seconds)
        .outerjoin(PhoneLine, PhoneLine.id == CallRecord.line_id)
        .where(*_inbound(start, end, line_id))
    )  # fmt: skip
    for line, known, at, answered, disposition, ring in session.execute(
        stmt.execution_options(yield_per=5000)
    ):
        lid = cast(int, line)  # the query keeps only calls with a line
        local = at.astimezone(TUNIS)
        out.add(lid, bool(answered), disposition, not office_hours.is_open(table, local))
        out.heat[(local.weekday(), local.hour, bool(answered), bool(known))] += 1
        if answered and ring is not None:
            out.rings.setdefault(lid, Counter())[ring] += 1
    return out


def _inbound(start: datetime, end: datetime, line_id: int | None,
             scan: bool = False) -> list[ColumnElement[bool]]:  # fmt: skip
    at: ColumnElement[datetime] = CallRecord.start.expression
    line: ColumnElement[int | None] = CallRecord.line_id.expression
    if scan:
        at, line = _Unindexed(at), _Unindexed(line)
    where = [CallRecord.direction == "inbound", line.is_not(None), at >= start, at < end]
    if line_id is not None:
        where.append(CallRecord.line_id == line_id)
    return where


class _Unindexed(FunctionElement[_T]):
    """The column itself; on SQLite written `+column`, which keeps it off its indexes."""

    name = "unindexed"
    inherit_cache = True

    def __init__(self, column: ColumnElement[_T]) -> None:
        super().__init__(column)
        self.type = column.type


@compiles(_Unindexed)
def _as_is(element: _Unindexed[Any], compiler: SQLCompiler, **kw: Any) -> str:
    return compiler.process(element.clauses, **kw)


@compiles(_Unindexed, "sqlite")
def _unary_plus(element: _Unindexed[Any], compiler: SQLCompiler, **kw: Any) -> str:
    return "+" + compiler.process(element.clauses, **kw)


def _whole_scan(session: Session, start: datetime, end: datetime) -> bool:
    """SQLite walks the start index and looks every row up: past a quarter of the table, reading
    the table straight through is several times faster (a year of a two-year table: 0.2 s
    instead of 0.6 s). Both counts read an index only."""
    if session.get_bind().dialect.name != "sqlite":
        return False  # PostgreSQL's planner has statistics and chooses for itself
    total = session.scalar(select(func.count()).select_from(CallRecord)) or 0
    inside = session.scalar(select(func.count()).select_from(CallRecord).where(
        CallRecord.start >= start, CallRecord.start < end)) or 0  # fmt: skip
    return inside * 4 > total


HOUR = timedelta(hours=1)
# The open hours are sent as IN lists: longer periods (over ten years) are counted call by call.
_MAX_BUCKET_PARAMS = 20_000


def _hour_parts(dialect: str) -> tuple[ColumnElement[str], ColumnElement[int]] | None:
    """The UTC hour of a call's start as 'YYYY-MM-DD HH' text and its second within that hour."""
    col = CallRecord.start
    if dialect == "sqlite":
        # Naive UTC text 'YYYY-MM-DD HH:MM:SS.ffffff' (data/types.py): cut, not parsed (strftime
        # takes three times as long). A bucket not in this form is caught by _aggregated.
        return (func.substr(col, 1, 13),
                cast_(func.substr(col, 15, 2), Integer) * 60
                + cast_(func.substr(col, 18, 2), Integer))  # fmt: skip
    if dialect == "postgresql":  # timestamptz: read in UTC, whatever the session's zone
        utc = func.timezone("UTC", col)
        return (func.to_char(utc, "YYYY-MM-DD HH24"),
                cast_(extract("minute", utc) * 60 + func.floor(extract("second", utc)),
                      Integer))  # fmt: skip
    return None


def _seconds(t: time) -> int | None:
    return None if t.microsecond else t.hour * 3600 + t.minute * 60 + t.second


def _open_parts(start: datetime, end: datetime, table: office_hours.OfficeCalendar
                ) -> tuple[dict[str, tuple[int, int]], set[str],
                           dict[tuple[tuple[int, int], ...], list[str]]] | None:  # fmt: skip
    """Each UTC hour of the period: its Tunis (weekday, hour), and whether the office is open in
    it — the whole hour, or some seconds of it (grouped by which). None when an hour is not one
    local hour (an offset of minutes, or a change inside it) or a session bound has a fraction of
    a second: then only the call-by-call count is exact."""
    local_of: dict[str, tuple[int, int]] = {}
    whole: set[str] = set()
    partial: dict[tuple[tuple[int, int], ...], list[str]] = {}
    days: dict[date, list[tuple[int, int]]] = {}
    bucket = start.astimezone(UTC).replace(minute=0, second=0, microsecond=0)
    local = bucket.astimezone(TUNIS)
    while bucket < end:
        offset = local.utcoffset()
        if offset is None or offset % HOUR:
            return None
        following = (bucket + HOUR).astimezone(TUNIS)
        # The offset can only change inside this hour if it differs at the next one.
        if following.utcoffset() != offset and (
            (bucket + HOUR - timedelta(microseconds=1)).astimezone(TUNIS).utcoffset() != offset
        ):
            return None
        key = f"{bucket.year:04d}-{bucket.month:02d}-{bucket.day:02d} {bucket.hour:02d}"
        local_of[key] = (local.weekday(), local.hour)
        day = local.date()
        sessions = days.get(day)
        if sessions is None:
            sessions = []
            for opens, closes in office_hours.sessions_on(table, day):
                a, b = _seconds(opens), _seconds(closes)  # type: ignore[arg-type]
                if a is None or b is None:
                    return None
                sessions.append((a, b))
            days[day] = sessions
        base = local.hour * 3600
        spans = sorted((max(a, base) - base, min(b, base + 3600) - base) for a, b in sessions
                       if max(a, base) < min(b, base + 3600))  # fmt: skip
        merged: list[tuple[int, int]] = []
        for a, b in spans:
            if merged and a <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], b))
            else:
                merged.append((a, b))
        if merged == [(0, 3600)]:
            whole.add(key)
        elif merged:
            partial.setdefault(tuple(merged), []).append(key)
        bucket += HOUR
        local = following
    return local_of, whole, partial


def _aggregated(session: Session, start: datetime, end: datetime, line_id: int | None,
                table: office_hours.OfficeCalendar) -> InboundCounts | None:  # fmt: skip
    """Two GROUP BY reads: per UTC hour (moved to Tunis time here: exact, the offsets being whole
    hours), and per line, office open or not, and seconds to answer."""
    parts = _hour_parts(session.get_bind().dialect.name)
    hours = _open_parts(start, end, table)
    if parts is None or hours is None:
        return None
    hour, second = parts
    local_of, whole, partial = hours
    if len(whole) + sum(len(k) for k in partial.values()) > _MAX_BUCKET_PARAMS:
        return None
    whens: list[tuple[ColumnElement[bool], ColumnElement[bool]]] = []
    if whole:
        whens.append((hour.in_(sorted(whole)), true()))
    for spans, keys in partial.items():
        inside = or_(*(and_(second >= a, second < b) for a, b in spans))
        whens.append((hour.in_(keys), inside))
    is_open = (case(*whens, else_=false()) if whens else false()).label("is_open")
    scan = _whole_scan(session, start, end)
    where = _inbound(start, end, line_id, scan)
    # Grouped by the bare line_id, SQLite would walk the (line_id, start) index instead.
    per_line = (_Unindexed(CallRecord.line_id.expression) if scan else CallRecord.line_id
                ).label("line")  # fmt: skip
    out = InboundCounts()
    bucket = hour.label("bucket")
    known = PhoneLine.id.is_not(None).label("known")
    for key, answered, is_known, n in session.execute(
        select(bucket, CallRecord.answered, known, func.count())
        .select_from(CallRecord)
        .outerjoin(PhoneLine, PhoneLine.id == CallRecord.line_id)
        .where(*where)
        .group_by(literal_column("bucket"), CallRecord.answered, literal_column("known"))
    ):  # fmt: skip
        if key not in local_of:
            return None  # a start stored otherwise than the type writes it: count call by call
        weekday, local_hour = local_of[key]
        out.heat[(weekday, local_hour, bool(answered), bool(is_known))] += int(n)
    for line, answered, disposition, open_, ring, n in session.execute(
        select(per_line, CallRecord.answered, CallRecord.disposition, is_open,
               CallRecord.ring_seconds, func.count())
        .where(*where)
        .group_by(literal_column("line"), CallRecord.answered, CallRecord.disposition,
                  literal_column("is_open"), CallRecord.ring_seconds)
    ):  # fmt: skip
        lid = cast(int, line)
        out.add(lid, bool(answered), disposition, not open_, int(n))
        if answered and ring is not None:
            out.rings.setdefault(lid, Counter())[int(ring)] += int(n)
    return out


def inbound_counts(session: Session, start: datetime, end: datetime,
                   line_id: int | None = None,
                   cache: dict[Any, Any] | None = None) -> InboundCounts:  # fmt: skip
    """The period's inbound calls counted in SQL (GROUP BY), not loaded call by call; `cache`
    (one per unit of work) lets the traffic sheet and the indicators share the read."""
    key = ("traffic.inbound", start, end, line_id)
    if cache is not None and key in cache:
        return cast(InboundCounts, cache[key])
    table = office_hours.load(session)
    counts = _aggregated(session, start, end, line_id, table)
    if counts is None:
        counts = _per_call(session, start, end, line_id, table)
    if cache is not None:
        cache[key] = counts
    return counts


def traffic_from(session: Session, counts: InboundCounts) -> TrafficReport:
    """The traffic report of the calls on lines still in the inventory."""
    names = {
        lid: (number, label)
        for lid, number, label in session.execute(
            select(PhoneLine.id, PhoneLine.number, PhoneLine.label).where(
                PhoneLine.id.in_(list(counts.lines))
            )
        )
    } if counts.lines else {}  # fmt: skip
    lines: list[LineTraffic] = []
    bounds = pickup.ring_bounds(pickup.limit(settings_service.load_all(session)))
    buckets = [0] * (len(bounds) + 1)
    for lid, (offered, answered, busy, missed, outside) in counts.lines.items():
        if lid not in names:
            continue
        rings = counts.rings.get(lid, Counter())
        lines.append(LineTraffic(lid, *names[lid], offered, answered, busy, missed, outside,
                                 Counter(rings)))  # fmt: skip
        for ring, n in rings.items():
            buckets[ring_bucket(ring, bounds)] += n
    calls = [[0] * 24 for _ in range(7)]
    missed_ = [[0] * 24 for _ in range(7)]
    for (weekday, hour, answered_, known), n in counts.heat.items():
        if not known:
            continue
        calls[weekday][hour] += n
        if not answered_:
            missed_[weekday][hour] += n
    ordered = sorted(lines, key=lambda x: (-x.lost, x.number))
    return TrafficReport(ordered, calls, missed_, buckets, bounds)


def traffic_in(session: Session, start: datetime, end: datetime, line_id: int | None = None,
               cache: dict[Any, Any] | None = None) -> TrafficReport:  # fmt: skip
    """Per line and per weekday × hour, from counts made in SQL (never the calls one by one)."""
    return traffic_from(session, inbound_counts(session, start, end, line_id, cache))


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
