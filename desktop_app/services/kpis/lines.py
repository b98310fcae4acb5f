"""The phone-line indicators of CONTRACTS.md §3 (C8.1, C8.4): lines_* and faults_*."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, or_, select

from desktop_app.data.models import LineCheck, LineFault, PhoneLine
from desktop_app.services.kpis import KpiContext, indicator, pct


def _active(ctx: KpiContext) -> Any:
    """Lines in the inventory not retired at end (the contract's only time condition); "end" is
    min(end, as_of) while P is still running (ctx.at_end)."""
    return or_(PhoneLine.retired_at.is_(None), PhoneLine.retired_at >= ctx.at_end)


def _count_active(ctx: KpiContext, *where: Any) -> int:
    stmt = select(func.count(PhoneLine.id)).where(_active(ctx), *where)
    return int(ctx.session.scalar(stmt) or 0)


@indicator("lines_active")
def lines_active(ctx: KpiContext) -> int:
    return _count_active(ctx)


@indicator("lines_checked_pct")
def lines_checked_pct(ctx: KpiContext) -> float | None:
    checked = select(LineCheck.id).where(
        LineCheck.line_id == PhoneLine.id, LineCheck.at >= ctx.start, LineCheck.at < ctx.end
    )
    return pct(_count_active(ctx, checked.exists()), _count_active(ctx))


@indicator("lines_working_pct")
def lines_working_pct(ctx: KpiContext) -> float | None:
    """The latest check before end (any time before, not only in P) found the line working."""
    return pct(_latest_working(ctx), _count_active(ctx))


def _latest_working(ctx: KpiContext) -> int:
    """Count lines whose latest check before end was working; ties broken by the highest id."""
    latest_id = (
        select(LineCheck.id)
        .where(LineCheck.line_id == PhoneLine.id, LineCheck.at < ctx.at_end)
        .order_by(LineCheck.at.desc(), LineCheck.id.desc())
        .limit(1)
        .correlate(PhoneLine)
        .scalar_subquery()
    )
    stmt = (
        select(func.count(PhoneLine.id))
        .join(LineCheck, LineCheck.id == latest_id)
        .where(_active(ctx), LineCheck.working.is_(True))
    )
    return int(ctx.session.scalar(stmt) or 0)


@indicator("lines_on_website_pct")
def lines_on_website_pct(ctx: KpiContext) -> float | None:
    return pct(_count_active(ctx, PhoneLine.on_website.is_(True)), _count_active(ctx))


@indicator("faults_reported")
def faults_reported(ctx: KpiContext) -> int:
    stmt = select(func.count(LineFault.id)).where(
        LineFault.reported_at >= ctx.start, LineFault.reported_at < ctx.end
    )
    return int(ctx.session.scalar(stmt) or 0)


@indicator("faults_open_end")
def faults_open_end(ctx: KpiContext) -> int:
    stmt = select(func.count(LineFault.id)).where(
        LineFault.reported_at < ctx.at_end,
        or_(LineFault.repaired_at.is_(None), LineFault.repaired_at >= ctx.at_end),
    )
    return int(ctx.session.scalar(stmt) or 0)


@indicator("fault_repair_mean_h")
def fault_repair_mean_h(ctx: KpiContext) -> float | None:
    """Mean hours from report to repair over faults repaired in P; None when none was."""
    stmt = select(LineFault.reported_at, LineFault.repaired_at).where(
        LineFault.repaired_at >= ctx.start, LineFault.repaired_at < ctx.end
    )
    hours = [(r - f).total_seconds() / 3600 for f, r in ctx.session.execute(stmt) if r is not None]
    if not hours:
        return None
    return round(sum(hours) / len(hours), 1)
