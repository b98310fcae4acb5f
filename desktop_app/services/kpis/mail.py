"""The e-mail channel's indicators of CONTRACTS.md §3 (C2.1): requests received by e-mail, their
on-time rate (the figure circular 2/2020 asks for), and the published addresses proven to work."""

from __future__ import annotations

from desktop_app.services.kpis import KpiContext, indicator, pct
from desktop_app.services.kpis.requests import RequestFact, received_in


def _email(ctx: KpiContext) -> list[RequestFact]:
    facts = received_in(ctx.session, ctx.period, ctx.as_of, ctx.settings, ctx.cache)
    return [f for f in facts if f.channel == "email"]


@indicator("req_email_received")
def req_email_received(ctx: KpiContext) -> int:
    return len(_email(ctx))


@indicator("req_email_on_time_pct")
def req_email_on_time_pct(ctx: KpiContext) -> float | None:
    """req_on_time_pct over e-mail requests only: assessable = a first response, or the
    deadline passed by as_of; on time = the first response at or before the deadline."""
    assessable = [f for f in _email(ctx) if f.first_at is not None or f.deadline <= ctx.as_of]
    on_time = sum(1 for f in assessable if f.first_at is not None and f.first_at <= f.deadline)
    return pct(on_time, len(assessable))


@indicator("mail_addresses_ok_pct")
def mail_addresses_ok_pct(ctx: KpiContext) -> float | None:
    from desktop_app.services.mail.probes import addresses_ok_pct

    ok, published = addresses_ok_pct(ctx.session, ctx.end)
    return pct(ok, published)
