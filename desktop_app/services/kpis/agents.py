"""The training and agents indicators of CONTRACTS.md §3 (C8.5, C8.6).

Sessions are held on a day, so "in P" means first_day ≤ held_on ≤ last_day (P's local days).
"Active at end": an agent whose active_from (if any) is on or before P's last day and whose
active_to (if any) is on or after it — an agent who worked P's last day counts, one who starts the
next day does not. "Attended" means the attendance is marked attended (an invited absentee does
not count).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from desktop_app.data.models import Agent, TrainingAttendance, TrainingSession
from desktop_app.services.agents_common import active_on
from desktop_app.services.kpis import KpiContext, indicator, pct


def _in_p(ctx: KpiContext) -> tuple[date, date]:
    return ctx.period.first_day, ctx.period.last_day


def _active_ids(ctx: KpiContext) -> set[int]:
    # "At end" is P's last day, or as_of's day while P is still running (ctx.at_end_day).
    return set(ctx.session.scalars(select(Agent.id).where(active_on(ctx.at_end_day))))


@indicator("training_sessions")
def training_sessions(ctx: KpiContext) -> int:
    """Training sessions held in P."""
    first, last = _in_p(ctx)
    stmt = select(func.count(TrainingSession.id)).where(
        TrainingSession.held_on >= first, TrainingSession.held_on <= last
    )
    return int(ctx.session.scalar(stmt) or 0)


@indicator("training_person_hours")
def training_person_hours(ctx: KpiContext) -> float:
    """Sum over attendances in P of the session's duration in hours."""
    first, last = _in_p(ctx)
    stmt = (
        select(func.coalesce(func.sum(TrainingSession.duration_hours), 0.0))
        .join(TrainingAttendance, TrainingAttendance.session_id == TrainingSession.id)
        .where(
            TrainingAttendance.attended.is_(True),
            TrainingSession.held_on >= first,
            TrainingSession.held_on <= last,
        )
    )
    return round(float(ctx.session.scalar(stmt) or 0.0), 1)


@indicator("agents_active")
def agents_active(ctx: KpiContext) -> int:
    """Reception agents active at end."""
    return len(_active_ids(ctx))


def _attended_ids(
    ctx: KpiContext, *, first: date | None, last: date, topic: str | None
) -> set[int]:
    stmt = (
        select(TrainingAttendance.agent_id)
        .join(TrainingSession, TrainingSession.id == TrainingAttendance.session_id)
        .where(TrainingAttendance.attended.is_(True), TrainingSession.held_on <= last)
        .distinct()
    )
    if first is not None:
        stmt = stmt.where(TrainingSession.held_on >= first)
    if topic is not None:
        stmt = stmt.where(TrainingSession.topic == topic)
    return set(ctx.session.scalars(stmt))


@indicator("agents_trained_pct")
def agents_trained_pct(ctx: KpiContext) -> float | None:
    """100 × active agents who attended a session in P / agents_active (C8.5)."""
    active = _active_ids(ctx)
    first, last = _in_p(ctx)
    trained = _attended_ids(ctx, first=first, last=last, topic=None)
    return pct(len(active & trained), len(active))


@indicator("agents_special_categories_pct")
def agents_special_categories_pct(ctx: KpiContext) -> float | None:
    """100 × active agents who attended, before end, a session on particular categories (C8.6)."""
    active = _active_ids(ctx)
    trained = _attended_ids(ctx, first=None, last=ctx.at_end_day, topic="special_categories")
    return pct(len(active & trained), len(active))
