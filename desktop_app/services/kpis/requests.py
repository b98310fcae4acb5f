"""The req_* indicators of CONTRACTS.md §3 (C2.1, C2.3, C8.6), to the letter of the definitions.

A request's deadline is received_at + the deadline setting under the clock in force (48 calendar
hours by default); its first response is the earlier of a first answer or a notice. Only facts
dated at or before `as_of` count, so a report made on a given day can be made again identically.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any, NamedTuple

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from desktop_app.data.models import CitizenRequest
from desktop_app.services import deadlines
from desktop_app.services.kpis import KpiContext, indicator, median, pct, shared_fact
from desktop_app.services.periods import Period


class RequestFact(NamedTuple):
    """One request as the indicators read it (a tuple: 100 000 are made per year's report)."""

    received_at: datetime
    deadline: datetime
    first_at: datetime | None  # None when there was none by as_of
    first_kind: str | None
    closed_at: datetime | None
    type: str
    category: str | None
    channel: str = ""  # email, phone, ... (req_email_* of CONTRACTS §3, the per-channel table)


def _received_in_period(ctx: KpiContext) -> list[RequestFact]:
    return received_in(ctx.session, ctx.period, ctx.as_of, ctx.settings, ctx.cache)


def received_in(session: Session, period: Period, as_of: datetime, values: Mapping[str, Any],
                cache: dict[Any, Any]) -> list[RequestFact]:  # fmt: skip
    """The period's requests with their deadline under the clock in force, read and timed once
    per cache: the req_* indicators and the report's "by month" table share them."""
    facts: list[RequestFact] = shared_fact(
        cache, "requests.received", period, as_of,
        lambda: _load_received(session, period, as_of, values))  # fmt: skip
    return facts


def _load_received(session: Session, period: Period, as_of: datetime,
                   values: Mapping[str, Any]) -> list[RequestFact]:  # fmt: skip
    r = CitizenRequest
    clock = deadlines.load_clock(session, values)
    rows = session.execute(
        select(r.received_at, r.first_response_at, r.first_response_kind, r.closed_at, r.type,
               r.category, r.channel)
        .where(r.received_at >= period.start, r.received_at < period.end)
    )  # fmt: skip
    facts = []
    for received, first, kind, closed, type_, category, channel in rows:
        known = first is not None and first <= as_of
        facts.append(RequestFact(received, clock.deadline(received), first if known else None,
                                 kind if known else None, closed, type_, category,
                                 channel))  # fmt: skip
    return facts


def _assessable(ctx: KpiContext) -> list[RequestFact]:
    return [
        f for f in _received_in_period(ctx) if f.first_at is not None or f.deadline <= ctx.as_of
    ]


def _on_time(ctx: KpiContext) -> int:
    return sum(1 for f in _assessable(ctx) if f.first_at is not None and f.first_at <= f.deadline)


@indicator("req_received")
def req_received(ctx: KpiContext) -> int:
    return len(_received_in_period(ctx))


@indicator("req_assessable")
def req_assessable(ctx: KpiContext) -> int:
    return len(_assessable(ctx))


@indicator("req_on_time")
def req_on_time(ctx: KpiContext) -> int:
    return _on_time(ctx)


@indicator("req_on_time_pct")
def req_on_time_pct(ctx: KpiContext) -> float | None:
    return pct(_on_time(ctx), len(_assessable(ctx)))


@indicator("req_notice")
def req_notice(ctx: KpiContext) -> int:
    return sum(1 for f in _received_in_period(ctx) if f.first_kind == "notice")


@indicator("req_first_response_median_h")
def req_first_response_median_h(ctx: KpiContext) -> float | None:
    hours = [(f.first_at - f.received_at).total_seconds() / 3600
             for f in _received_in_period(ctx) if f.first_at is not None]  # fmt: skip
    value = median(hours)
    return None if value is None else round(value, 1)


@indicator("req_overdue_open_end")
def req_overdue_open_end(ctx: KpiContext) -> int:
    """Received before end, deadline before end, and no first response before end — where
    "end" is min(end, as_of) (ctx.at_end) while P is still running."""
    r = CitizenRequest
    clock = deadlines.load_clock(ctx.session, ctx.settings)
    end = ctx.at_end
    received = ctx.session.scalars(
        select(r.received_at).where(
            r.received_at < end,
            or_(r.first_response_at.is_(None), r.first_response_at >= end),
        )
    )
    return sum(1 for at in received if clock.deadline(at) < end)


@indicator("req_closed")
def req_closed(ctx: KpiContext) -> int:
    return sum(1 for f in _received_in_period(ctx)
               if f.closed_at is not None and f.closed_at <= ctx.as_of)  # fmt: skip


@indicator("req_complaints")
def req_complaints(ctx: KpiContext) -> int:
    return sum(1 for f in _received_in_period(ctx) if f.type == "complaint")


@indicator("req_special_category")
def req_special_category(ctx: KpiContext) -> int:
    return sum(1 for f in _received_in_period(ctx) if f.category)
