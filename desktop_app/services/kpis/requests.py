"""The req_* indicators of CONTRACTS.md §3 (C2.1, C2.3, C8.6), to the letter of the definitions.

A request's deadline is received_at + 48 hours, always (C2.1 «في أجل أقصاه 48 ساعة»): no setting
moves it; the body's internal target (services/deadlines.py) is reported beside it, never instead.
Its first response is the earlier of a first answer or a notice (an acknowledgement of receipt is
neither). Only facts dated at or before `as_of` count, so a report made on a given day can be made
again identically.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any, NamedTuple

from sqlalchemy import and_, exists, or_, select
from sqlalchemy.orm import Session, aliased

from desktop_app.data.models import CitizenRequest, RequestEvent
from desktop_app.services import deadlines
from desktop_app.services.kpis import KpiContext, indicator, median, pct, shared_fact
from desktop_app.services.periods import Period


class RequestFact(NamedTuple):
    """One request as the indicators read it (a tuple: 100 000 are made per year's report)."""

    received_at: datetime
    deadline: datetime  # legal: received + 48 h
    first_at: datetime | None  # None when there was none by as_of
    first_kind: str | None
    closed_at: datetime | None
    type: str
    category: str | None
    internal: datetime  # the body's internal target, never later than the legal deadline
    channel: str = ""  # email, phone, ... (req_email_* of CONTRACTS §3, the per-channel table)


def _received_in_period(ctx: KpiContext) -> list[RequestFact]:
    return received_in(ctx.session, ctx.period, ctx.as_of, ctx.settings, ctx.cache)


def received_in(session: Session, period: Period, as_of: datetime, values: Mapping[str, Any],
                cache: dict[Any, Any]) -> list[RequestFact]:  # fmt: skip
    """The period's requests with their legal deadline and internal target, read once per cache:
    the req_* indicators and the report's "by month" table share them."""
    facts: list[RequestFact] = shared_fact(
        cache, "requests.received", period, as_of,
        lambda: _load_received(session, period, as_of, values))  # fmt: skip
    return facts


def _load_received(session: Session, period: Period, as_of: datetime,
                   values: Mapping[str, Any]) -> list[RequestFact]:  # fmt: skip
    r = CitizenRequest
    rows = session.execute(
        select(r.received_at, r.first_response_at, r.first_response_kind, r.closed_at, r.type,
               r.category, r.internal_deadline_at, r.channel)
        .where(r.received_at >= period.start, r.received_at < period.end)
    )  # fmt: skip
    facts = []
    for received, first, kind, closed, type_, category, internal, channel in rows:
        known = first is not None and first <= as_of
        legal = deadlines.legal_deadline(received)
        facts.append(RequestFact(received, legal, first if known else None,
                                 kind if known else None, closed, type_, category,
                                 internal if internal is not None else legal,
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
    end = ctx.at_end
    received = ctx.session.scalars(
        select(r.received_at).where(
            r.received_at < end,
            r.received_at < end - deadlines.LEGAL_DELAY,
            or_(r.first_response_at.is_(None), r.first_response_at >= end),
        )
    )
    return sum(1 for at in received if deadlines.legal_deadline(at) < end)


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


def internal_on_time_pct(facts: list[RequestFact], as_of: datetime) -> float | None:
    """The legal on-time rate's twin under the body's internal target (shown beside it in the
    report, never instead): assessable = a first response, or the internal target ≤ as_of."""
    judged = [f for f in facts if f.first_at is not None or f.internal <= as_of]
    on_time = sum(1 for f in judged if f.first_at is not None and f.first_at <= f.internal)
    return pct(on_time, len(judged))


def backdated_in(session: Session, start: datetime, end: datetime,
                 as_of: datetime) -> list[Any]:  # fmt: skip
    """First responses dated in [start, end) and entered by hand in Istiqbal more than 15 minutes
    after that date (req_backdated): the event that set the request's first response, recorded
    late, and not written by a register import (recorded with the request's "imported" event).
    Rows: (reference, received_at, kind, at, recorded_at, username, late_reason)."""
    r, e = CitizenRequest, RequestEvent
    imported = aliased(RequestEvent)
    rows = session.execute(
        select(r.reference, r.received_at, e.kind, e.at, e.recorded_at, e.username,
               e.late_reason)
        .join(e, and_(e.request_id == r.id, e.at == r.first_response_at,
                      e.kind == r.first_response_kind))
        .where(
            r.first_response_at >= start, r.first_response_at < end,
            r.first_response_at <= as_of,
            e.recorded_at > e.at,
            ~exists().where(imported.request_id == r.id, imported.kind == "imported",
                            imported.recorded_at == e.recorded_at),
        )
        .order_by(e.at, r.reference)
    ).all()  # fmt: skip
    # the 15 minutes are compared here: date arithmetic differs between SQLite and PostgreSQL
    seen: set[str] = set()
    late = []
    for row in rows:
        if row[4] - row[3] > deadlines.BACKDATED_AFTER and row[0] not in seen:
            seen.add(row[0])
            late.append(row)
    return late


@indicator("req_backdated")
def req_backdated(ctx: KpiContext) -> int:
    """C2.1: a response dated earlier than it was entered can make a late answer look on time;
    counted, so that the figure an auditor reads shows how many were."""
    return len(
        ctx.shared(
            "requests.backdated", lambda: backdated_in(ctx.session, ctx.start, ctx.end, ctx.as_of)
        )
    )


def notice_overdue_query(end: datetime) -> Any:
    """Requests whose first response was a notice, whose announced answer date is before `end`,
    and that have no answer before `end` (req_notice_overdue_end)."""
    r = CitizenRequest
    return (
        select(r.reference, r.received_at, r.first_response_at, r.notice_reason,
               r.notice_answer_by, r.subject)
        .where(
            r.first_response_kind == "notice",
            r.first_response_at < end,
            r.notice_answer_by.is_not(None), r.notice_answer_by < end,
            or_(r.answered_at.is_(None), r.answered_at >= end),
            or_(r.closed_at.is_(None), r.closed_at >= end),  # withdrawn or forwarded: ended
        )
        .order_by(r.notice_answer_by)
    )  # fmt: skip


@indicator("req_notice_overdue_end")
def req_notice_overdue_end(ctx: KpiContext) -> int:
    return len(ctx.session.execute(notice_overdue_query(ctx.at_end)).all())
