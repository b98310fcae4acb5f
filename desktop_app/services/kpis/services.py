"""The online-services indicators of CONTRACTS.md §3 (C2.2): services_count and
services_links_ok_pct."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, or_, select

from desktop_app.data.models import OnlineService, ServiceLinkCheck
from desktop_app.services.kpis import KpiContext, indicator, pct


def _in_catalogue(ctx: KpiContext) -> Any:
    """In the catalogue at end and not withdrawn then (end = min(end, as_of), ctx.at_end)."""
    return (OnlineService.created_at < ctx.at_end) & or_(
        OnlineService.withdrawn_at.is_(None), OnlineService.withdrawn_at >= ctx.at_end
    )


@indicator("services_count")
def services_count(ctx: KpiContext) -> int:
    return int(ctx.session.scalar(select(func.count(OnlineService.id)).where(_in_catalogue(ctx)))
               or 0)  # fmt: skip


@indicator("services_links_ok_pct")
def services_links_ok_pct(ctx: KpiContext) -> float | None:
    """The latest check before end succeeded; ties broken by the highest id."""
    latest_ok = (
        select(ServiceLinkCheck.ok)
        .where(ServiceLinkCheck.service_id == OnlineService.id, ServiceLinkCheck.at < ctx.at_end)
        .order_by(ServiceLinkCheck.at.desc(), ServiceLinkCheck.id.desc())
        .limit(1)
        .correlate(OnlineService)
        .scalar_subquery()
    )
    ok = ctx.session.scalar(
        select(func.count(OnlineService.id)).where(_in_catalogue(ctx), latest_ok.is_(True))
    )
    return pct(int(ok or 0), services_count(ctx))
