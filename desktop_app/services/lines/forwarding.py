"""Forwarding lines to agents and ending it (C2.4)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from desktop_app.data.db import Database
from desktop_app.data.models import (
    Agent,
    LineForwarding,
    PhoneLine,
)
from desktop_app.data.types import utcnow
from desktop_app.i18n import translate
from desktop_app.services import audit, phones
from desktop_app.services.errors import UserError
from desktop_app.services.lines.common import _get_line, _today, require_read
from desktop_app.services.lines.rows import AgentChoice, ForwardingRow
from desktop_app.services.permissions import Actor, Perm


# -- forwarding (C2.4) ------------------------------------------------------------------------
def forwarding_agents(db: Database, actor: Actor, on: date | None = None) -> list[AgentChoice]:
    """Agents active on a day, for choosing who answers a forwarded line."""
    require_read(actor)
    on = on or _today()
    stmt = (
        select(Agent)
        .where(or_(Agent.active_from.is_(None), Agent.active_from <= on))
        .where(or_(Agent.active_to.is_(None), Agent.active_to >= on))
        .order_by(Agent.name_fr, Agent.id)
    )
    with db.read() as s:
        return [AgentChoice(a.id, a.name_ar, a.name_fr) for a in s.scalars(stmt)]


def _forwardings_query(
    s: Session,
    now: datetime | None,
    *,
    line_ids: Iterable[int] | None = None,
    include_past: bool = False,
) -> list[ForwardingRow]:
    stmt = (
        select(LineForwarding, PhoneLine, Agent)
        .join(PhoneLine, PhoneLine.id == LineForwarding.line_id)
        .join(Agent, Agent.id == LineForwarding.agent_id)
    )
    if now is not None and not include_past:
        stmt = stmt.where(LineForwarding.starts_at <= now, LineForwarding.ends_at > now)
    if line_ids is not None:
        stmt = stmt.where(LineForwarding.line_id.in_(list(line_ids)))
    stmt = stmt.order_by(LineForwarding.starts_at.desc(), LineForwarding.id.desc())
    return [
        ForwardingRow(
            f.id,
            f.line_id,
            line.number,
            line.label,
            a.id,
            a.name_ar,
            a.name_fr,
            f.target_number,
            f.starts_at,
            f.ends_at,
            f.notes,
        )
        for f, line, a in s.execute(stmt)
    ]


def forward_line(
    db: Database,
    actor: Actor,
    line_id: int,
    *,
    agent_id: int,
    target_number: str,
    starts_at: datetime,
    ends_at: datetime,
    notes: str = "",
) -> ForwardingRow:
    """C2.4: nobody on site, so the line rings on an agent's own phone for a period."""
    actor.require(Perm.EDIT_LINES)
    if ends_at <= starts_at:
        raise UserError(translate("lines", "The forwarding must end after it starts."))
    if ends_at <= utcnow():
        raise UserError(translate("lines", "This forwarding would already be over."))
    target = phones.normalise(target_number, "mobile").number
    with db.write() as s:
        line = _get_line(s, line_id)
        if line.status == "retired":
            raise UserError(translate("lines", "A retired line cannot be forwarded."))
        if target == line.number:
            raise UserError(translate("lines", "A line cannot be forwarded to itself."))
        agent = s.get(Agent, agent_id)
        if agent is None:
            raise UserError(translate("lines", "Choose the agent who will answer."))
        overlap = s.scalar(
            select(func.count(LineForwarding.id)).where(
                LineForwarding.line_id == line_id,
                LineForwarding.starts_at < ends_at,
                LineForwarding.ends_at > starts_at,
            )
        )
        if overlap:
            raise UserError(
                translate("lines", "This line is already forwarded during part of that period.")
            )
        fwd = LineForwarding(
            line_id=line_id,
            agent_id=agent_id,
            target_number=target,
            starts_at=starts_at,
            ends_at=ends_at,
            notes=str(notes or "").strip(),
            created_by=actor.username,
        )
        s.add(fwd)
        s.flush()
        audit.record(
            s,
            actor,
            "forward",
            "phone_line",
            line_id,
            after={
                "agent_id": agent_id,
                "target": target,
                "starts_at": starts_at,
                "ends_at": ends_at,
            },
        )
        return ForwardingRow(
            fwd.id,
            line.id,
            line.number,
            line.label,
            agent.id,
            agent.name_ar,
            agent.name_fr,
            target,
            starts_at,
            ends_at,
            fwd.notes,
        )


def end_forwarding(
    db: Database, actor: Actor, forwarding_id: int, at: datetime | None = None
) -> None:
    """Someone is back on site: the forwarding stops now (a future one is cancelled)."""
    actor.require(Perm.EDIT_LINES)
    at = at or utcnow()
    with db.write() as s:
        fwd = s.get(LineForwarding, forwarding_id)
        if fwd is None:
            raise UserError(translate("lines", "This forwarding no longer exists."))
        before = {"ends_at": fwd.ends_at}
        if fwd.starts_at >= at:
            audit.record(s, actor, "cancel_forward", "phone_line", fwd.line_id, before=before)
            s.delete(fwd)
            return
        if fwd.ends_at > at:
            fwd.ends_at = at
            audit.record(
                s,
                actor,
                "end_forward",
                "phone_line",
                fwd.line_id,
                before=before,
                after={"ends_at": at},
            )


def current_forwardings(
    db: Database, actor: Actor, now: datetime | None = None
) -> list[ForwardingRow]:
    """Who answers each forwarded line right now (C2.4) — for the dashboard and the inventory."""
    require_read(actor)
    with db.read() as s:
        return _forwardings_query(s, now or utcnow())


def forwardings(db: Database, actor: Actor, now: datetime | None = None) -> list[ForwardingRow]:
    """Current and coming forwardings, latest start first."""
    require_read(actor)
    now = now or utcnow()
    with db.read() as s:
        rows = _forwardings_query(s, None, include_past=True)
        return [r for r in rows if r.ends_at > now][:500]
