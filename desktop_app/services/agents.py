"""Reception agents (C8.2, C8.5): who they are, when they work, which lines and post they hold.

HR (EDIT_AGENTS) creates and edits agents; supervisors and directors read (READ_ALL). Every
change is audited in the same transaction. An agent is never deleted, only given an end date,
so that training history and evaluations keep pointing at a person.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from desktop_app.data.db import Database
from desktop_app.data.models import Agent, AgentLine, PhoneLine, ReceptionPost, User
from desktop_app.i18n import localized_name, translate
from desktop_app.services import audit
from desktop_app.services.agents_common import (
    active_on,
    check_version,
    clean,
    is_active_on,
    require_read,
)
from desktop_app.services.errors import UserError
from desktop_app.services.permissions import Actor, Perm


@dataclass(frozen=True)
class AgentInput:
    """What HR types for an agent."""

    name_ar: str = ""
    name_fr: str = ""
    staff_number: str = ""
    unit: str = ""
    extension: str = ""
    active_from: date | None = None
    active_to: date | None = None
    user_id: int | None = None
    post_id: int | None = None
    notes: str = ""
    line_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class AgentInfo:
    id: int
    name_ar: str
    name_fr: str
    staff_number: str
    unit: str
    extension: str
    active_from: date | None
    active_to: date | None
    user_id: int | None
    post_id: int | None
    post_name: str
    notes: str
    version: int
    line_ids: tuple[int, ...] = field(default_factory=tuple)
    line_numbers: tuple[str, ...] = field(default_factory=tuple)
    user_label: str = ""  # the linked account, "username — full name", for the agent's page

    def name(self, lang: str) -> str:
        return localized_name(self.name_ar, self.name_fr, lang)

    def active_on(self, day: date) -> bool:
        return is_active_on(self.active_from, self.active_to, day)


@dataclass(frozen=True)
class LineChoice:
    id: int
    number: str
    label: str


def _info(s: Session, a: Agent) -> AgentInfo:
    lines = s.execute(
        select(PhoneLine.id, PhoneLine.number)
        .join(AgentLine, AgentLine.line_id == PhoneLine.id)
        .where(AgentLine.agent_id == a.id)
        .order_by(PhoneLine.number)
    ).all()
    post = s.get(ReceptionPost, a.post_id) if a.post_id else None
    user = s.get(User, a.user_id) if a.user_id else None
    return AgentInfo(
        a.id,
        a.name_ar,
        a.name_fr,
        a.staff_number or "",
        a.unit,
        a.extension,
        a.active_from,
        a.active_to,
        a.user_id,
        a.post_id,
        post.name if post else "",
        a.notes,
        a.version,
        tuple(r.id for r in lines),
        tuple(r.number for r in lines),
        " — ".join(x for x in (user.username, user.full_name) if x) if user else "",
    )


def list_agents(
    db: Database, actor: Actor, *, active_day: date | None = None, search: str = ""
) -> list[AgentInfo]:
    """All agents (a body has tens, not thousands), or those working on `active_day`."""
    require_read(actor)
    stmt = select(Agent)
    if active_day is not None:
        stmt = stmt.where(active_on(active_day))
    if search.strip():
        like = f"%{search.strip()}%"
        stmt = stmt.where(
            Agent.name_ar.ilike(like)
            | Agent.name_fr.ilike(like)
            | Agent.staff_number.ilike(like)
            | Agent.unit.ilike(like)
        )
    stmt = stmt.order_by(func.lower(Agent.name_fr), Agent.name_ar, Agent.id)
    with db.read() as s:
        return [_info(s, a) for a in s.scalars(stmt)]


def _load(s: Session, agent_id: int) -> Agent:
    agent = s.get(Agent, agent_id)
    if agent is None:
        raise UserError(translate("agents", "This agent no longer exists."))
    return agent


def list_line_choices(db: Database, actor: Actor) -> list[LineChoice]:
    """The inventory's lines not retired, for the "lines answered" picker."""
    require_read(actor)
    with db.read() as s:
        rows = s.execute(
            select(PhoneLine.id, PhoneLine.number, PhoneLine.label)
            .where(PhoneLine.retired_at.is_(None))
            .order_by(PhoneLine.number)
        ).all()
        return [LineChoice(r.id, r.number, r.label) for r in rows]


def list_user_choices(db: Database, actor: Actor) -> list[tuple[int, str]]:
    """Accounts an agent may be linked to (so that they acknowledge guides themselves)."""
    require_read(actor)
    with db.read() as s:
        rows = s.execute(
            select(User.id, User.username, User.full_name).order_by(User.username)
        ).all()
        return [(r.id, f"{r.username} — {r.full_name}") for r in rows]


def _validate(s: Session, data: AgentInput, agent_id: int | None) -> dict[str, Any]:
    values = {
        "name_ar": clean(data.name_ar, 200),
        "name_fr": clean(data.name_fr, 200),
        "staff_number": clean(data.staff_number, 32) or None,
        "unit": clean(data.unit, 200),
        "extension": clean(data.extension, 16),
        "active_from": data.active_from,
        "active_to": data.active_to,
        "user_id": data.user_id,
        "post_id": data.post_id,
        "notes": (data.notes or "").strip(),
    }
    if not values["name_ar"] and not values["name_fr"]:
        raise UserError(translate("agents", "Give the agent's name in Arabic or in French."))
    if data.active_from and data.active_to and data.active_to < data.active_from:
        raise UserError(translate("agents", "The end date comes before the start date."))
    if values["staff_number"]:
        other = s.scalar(select(Agent.id).where(Agent.staff_number == values["staff_number"]))
        if other is not None and other != agent_id:
            raise UserError(
                translate(
                    "agents", "The staff number {number} is already given to another agent."
                ).format(number=values["staff_number"])
            )
    if data.user_id is not None:
        if s.get(User, data.user_id) is None:
            raise UserError(translate("agents", "The chosen user account does not exist."))
        other = s.scalar(select(Agent.id).where(Agent.user_id == data.user_id))
        if other is not None and other != agent_id:
            raise UserError(
                translate("agents", "This user account is already linked to another agent.")
            )
    if data.post_id is not None and s.get(ReceptionPost, data.post_id) is None:
        raise UserError(translate("agents", "The chosen reception post does not exist."))
    for line_id in data.line_ids:
        if s.get(PhoneLine, line_id) is None:
            raise UserError(translate("agents", "One of the chosen lines no longer exists."))
    return values


def _set_lines(s: Session, agent_id: int, line_ids: tuple[int, ...]) -> None:
    s.execute(delete(AgentLine).where(AgentLine.agent_id == agent_id))
    for line_id in sorted(set(line_ids)):
        s.add(AgentLine(agent_id=agent_id, line_id=line_id))


def create_agent(db: Database, actor: Actor, data: AgentInput) -> AgentInfo:
    actor.require(Perm.EDIT_AGENTS)
    with db.write() as s:
        values = _validate(s, data, None)
        agent = Agent(**values)
        s.add(agent)
        s.flush()
        _set_lines(s, agent.id, data.line_ids)
        audit.record(
            s, actor, "create", "agent", agent.id, after={**values, "line_ids": list(data.line_ids)}
        )
        s.flush()
        return _info(s, agent)


def update_agent(
    db: Database, actor: Actor, agent_id: int, expected_version: int, data: AgentInput
) -> AgentInfo:
    actor.require(Perm.EDIT_AGENTS)
    with db.write() as s:
        agent = _load(s, agent_id)
        check_version(agent.version, expected_version)
        before = {**_snapshot(agent), "line_ids": list(_info(s, agent).line_ids)}
        values = _validate(s, data, agent_id)
        for key, value in values.items():
            setattr(agent, key, value)
        _set_lines(s, agent.id, data.line_ids)
        s.flush()
        audit.record(
            s,
            actor,
            "update",
            "agent",
            agent.id,
            before=before,
            after={**values, "line_ids": sorted(set(data.line_ids))},
        )
        return _info(s, agent)


def _snapshot(agent: Agent) -> dict[str, Any]:
    keys = (
        "name_ar",
        "name_fr",
        "staff_number",
        "unit",
        "extension",
        "active_from",
        "active_to",
        "user_id",
        "post_id",
        "notes",
    )
    return {k: getattr(agent, k) for k in keys}


def agent_id_for_user(s: Session, user_id: int | None) -> int | None:
    if user_id is None:
        return None
    return s.scalar(select(Agent.id).where(Agent.user_id == user_id))


def my_agent(db: Database, actor: Actor) -> AgentInfo | None:
    """The agent record of the signed-in user, if their account is linked to one."""
    with db.read() as s:
        agent_id = agent_id_for_user(s, actor.user_id)
        return _info(s, _load(s, agent_id)) if agent_id else None


def as_dict(info: AgentInfo) -> dict[str, Any]:
    return asdict(info)
