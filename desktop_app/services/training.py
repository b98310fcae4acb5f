"""Training sessions, attendances and the training plan (C8.5 train periodically, C8.6).

HR (EDIT_TRAINING) records sessions with their attendees and material and sets the plan's rules;
supervisors and directors read. The plan evaluation lists, for every active agent, each rule they
do not meet and the day it fell due.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import and_, delete, func, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from desktop_app.data.db import Database
from desktop_app.data.models import Agent, TrainingAttendance, TrainingRule, TrainingSession
from desktop_app.i18n import translate
from desktop_app.services import audit, user_categories
from desktop_app.services.agents_common import (
    Attachment,
    active_on,
    add_months,
    check_topic,
    check_version,
    clean,
    message_name,
    require_active_on,
    require_read,
    verified,
)
from desktop_app.services.errors import UserError
from desktop_app.services.permissions import Actor, Perm


@dataclass(frozen=True)
class SessionInput:
    title: str
    topic: str
    held_on: date
    duration_hours: float
    trainer: str = ""
    remote: bool = False
    notes: str = ""
    # C8.6: the particular category of users a session on serving them was about (None: all).
    user_category: str | None = None


@dataclass(frozen=True)
class Attendee:
    agent_id: int
    attended: bool = True
    score: float | None = None


@dataclass(frozen=True)
class SessionRow:
    id: int
    title: str
    topic: str
    held_on: date
    duration_hours: float
    trainer: str
    remote: bool
    notes: str
    material_name: str | None
    material_size: int | None
    invited: int
    attended: int
    version: int
    user_category: str | None = None


@dataclass(frozen=True)
class SessionFilter:
    topic: str = ""
    first_day: date | None = None
    last_day: date | None = None
    agent_id: int | None = None
    search: str = ""


@dataclass(frozen=True)
class AttendeeRow:
    agent_id: int
    name_ar: str
    name_fr: str
    attended: bool
    score: float | None


# -- sessions ------------------------------------------------------------------------------------
def _validate_session(
    s: Session, data: SessionInput, keep_category: str | None = None
) -> dict[str, Any]:
    """`keep_category`: the category the session already names, allowed even if deactivated."""
    title = clean(data.title, 300)
    if not title:
        raise UserError(translate("training", "Give the session a title."))
    check_topic(data.topic)
    # C8.6: only a session on serving particular categories names one, from the body's list.
    category = (
        user_categories.check_new(s, data.user_category, keep=keep_category)
        if data.topic == "special_categories"
        else None
    )
    if not 0 < data.duration_hours <= 200:
        raise UserError(translate("training", "A session lasts more than 0 and at most 200 hours."))
    return {
        "title": title,
        "topic": data.topic,
        "held_on": data.held_on,
        "duration_hours": round(float(data.duration_hours), 2),
        "trainer": clean(data.trainer, 200),
        "remote": bool(data.remote),
        "notes": (data.notes or "").strip(),
        "user_category": category,
    }


def _validate_attendees(s: Session, attendees: list[Attendee], held_on: date) -> list[Attendee]:
    """Each attendee once, existing, and working on the day of the session (C8.5)."""
    seen: set[int] = set()
    for a in attendees:
        if a.agent_id in seen:
            raise UserError(translate("training", "An agent is listed twice among the attendees."))
        seen.add(a.agent_id)
        agent = s.get(Agent, a.agent_id)
        if agent is None:
            raise UserError(translate("training", "One of the attendees no longer exists."))
        require_active_on(
            agent,
            held_on,
            translate(
                "training",
                "{name} was not working on {day} (not started yet or already left), so cannot "
                "have attended this session.",
            ),
        )
        if a.score is not None and not 0 <= a.score <= 100:
            raise UserError(translate("training", "An assessment score is between 0 and 100."))
        if a.score is not None and not a.attended:
            # An absent agent was not assessed: a score would count in the averages (issue 14.13).
            raise UserError(
                translate(
                    "training", "{name} is marked absent, so cannot have an assessment score."
                ).format(name=message_name(agent.name_ar, agent.name_fr))
            )
    return attendees


def _replace_attendees(s: Session, session_id: int, attendees: list[Attendee]) -> None:
    s.execute(delete(TrainingAttendance).where(TrainingAttendance.session_id == session_id))
    for a in attendees:
        s.add(
            TrainingAttendance(
                session_id=session_id, agent_id=a.agent_id, attended=a.attended, score=a.score
            )
        )


def _set_material(row: TrainingSession, file: Attachment | None) -> None:
    if file is None:
        row.material_name = row.material_size = row.material_sha256 = None
        row.material_blob = None
        return
    file.check()
    row.material_name = clean(file.name, 255)
    row.material_size = file.size
    row.material_sha256 = file.sha256
    row.material_blob = file.data


def _attendee_dump(attendees: list[Attendee]) -> list[dict[str, Any]]:
    return [{"agent_id": a.agent_id, "attended": a.attended, "score": a.score} for a in attendees]


def create_session(
    db: Database,
    actor: Actor,
    data: SessionInput,
    attendees: list[Attendee],
    material: Attachment | None = None,
    *,
    copy_material_from: int | None = None,
) -> int:
    """Record a held session in one go; `copy_material_from` reuses another session's file."""
    actor.require(Perm.EDIT_TRAINING)
    with db.write() as s:
        values = _validate_session(s, data)
        _validate_attendees(s, attendees, values["held_on"])
        row = TrainingSession(**values)
        if material is None and copy_material_from is not None:
            source = s.get(TrainingSession, copy_material_from)
            if source is not None:
                material = verified(
                    source.material_name, source.material_blob, source.material_sha256
                )
        _set_material(row, material)
        s.add(row)
        s.flush()
        _replace_attendees(s, row.id, attendees)
        audit.record(
            s,
            actor,
            "create",
            "training_session",
            row.id,
            after={
                **values,
                "material": row.material_name,
                "material_sha256": row.material_sha256,
                "attendees": _attendee_dump(attendees),
            },
        )
        return row.id


def update_session(
    db: Database,
    actor: Actor,
    session_id: int,
    expected_version: int,
    data: SessionInput,
    attendees: list[Attendee],
) -> None:
    actor.require(Perm.EDIT_TRAINING)
    with db.write() as s:
        row = _load_session(s, session_id)
        check_version(row.version, expected_version)
        before = {
            "title": row.title,
            "topic": row.topic,
            "held_on": row.held_on,
            "duration_hours": row.duration_hours,
            "trainer": row.trainer,
            "remote": row.remote,
            "notes": row.notes,
            "user_category": row.user_category,
            "attendees": _attendee_dump(_attendees_of(s, session_id)),
        }
        values = _validate_session(s, data, row.user_category)
        _validate_attendees(s, attendees, values["held_on"])
        for key, value in values.items():
            setattr(row, key, value)
        _replace_attendees(s, row.id, attendees)
        flag_modified(row, "title")  # attendees alone changed: the version still moves on
        s.flush()
        audit.record(
            s,
            actor,
            "update",
            "training_session",
            row.id,
            before=before,
            after={**values, "attendees": _attendee_dump(attendees)},
        )


def delete_session(db: Database, actor: Actor, session_id: int, expected_version: int) -> None:
    actor.require(Perm.EDIT_TRAINING)
    with db.write() as s:
        row = _load_session(s, session_id)
        check_version(row.version, expected_version)
        before = {
            "title": row.title,
            "topic": row.topic,
            "held_on": row.held_on,
            "attendees": _attendee_dump(_attendees_of(s, session_id)),
        }
        s.delete(row)
        audit.record(s, actor, "delete", "training_session", session_id, before=before)


def attach_material(
    db: Database, actor: Actor, session_id: int, material: Attachment | None
) -> None:
    """Attach (or with None remove) the session's material; the bytes live in the database."""
    actor.require(Perm.EDIT_TRAINING)
    with db.write() as s:
        row = _load_session(s, session_id)
        before = {"material": row.material_name, "sha256": row.material_sha256}
        _set_material(row, material)
        audit.record(
            s,
            actor,
            "attach",
            "training_session",
            session_id,
            before=before,
            after={"material": row.material_name, "sha256": row.material_sha256},
        )


def get_material(db: Database, actor: Actor, session_id: int) -> Attachment | None:
    require_read(actor)
    with db.read() as s:
        row = _load_session(s, session_id)
        return verified(row.material_name, row.material_blob, row.material_sha256)


def _load_session(s: Session, session_id: int) -> TrainingSession:
    row = s.get(TrainingSession, session_id)
    if row is None:
        raise UserError(translate("training", "This training session no longer exists."))
    return row


def _attendees_of(s: Session, session_id: int) -> list[Attendee]:
    rows = s.scalars(
        select(TrainingAttendance)
        .where(TrainingAttendance.session_id == session_id)
        .order_by(TrainingAttendance.id)
    )
    return [Attendee(r.agent_id, r.attended, r.score) for r in rows]


def session_attendees(db: Database, actor: Actor, session_id: int) -> list[AttendeeRow]:
    require_read(actor)
    with db.read() as s:
        rows = s.execute(
            select(
                Agent.id,
                Agent.name_ar,
                Agent.name_fr,
                TrainingAttendance.attended,
                TrainingAttendance.score,
            )
            .join(TrainingAttendance, TrainingAttendance.agent_id == Agent.id)
            .where(TrainingAttendance.session_id == session_id)
            .order_by(Agent.name_fr, Agent.id)
        ).all()
        return [AttendeeRow(r[0], r[1], r[2], r[3], r[4]) for r in rows]


def get_session(db: Database, actor: Actor, session_id: int) -> SessionRow:
    require_read(actor)
    with db.read() as s:
        rows = s.execute(_session_rows().where(TrainingSession.id == session_id)).all()
        if not rows:
            raise UserError(translate("training", "This training session no longer exists."))
        return _session_row(rows[0])


def _session_rows() -> Any:
    invited = (
        select(func.count(TrainingAttendance.id))
        .where(TrainingAttendance.session_id == TrainingSession.id)
        .correlate(TrainingSession)
        .scalar_subquery()
    )
    attended = (
        select(func.count(TrainingAttendance.id))
        .where(
            TrainingAttendance.session_id == TrainingSession.id,
            TrainingAttendance.attended.is_(True),
        )
        .correlate(TrainingSession)
        .scalar_subquery()
    )
    return select(
        TrainingSession.id,
        TrainingSession.title,
        TrainingSession.topic,
        TrainingSession.held_on,
        TrainingSession.duration_hours,
        TrainingSession.trainer,
        TrainingSession.remote,
        TrainingSession.notes,
        TrainingSession.material_name,
        TrainingSession.material_size,
        invited,
        attended,
        TrainingSession.version,
        TrainingSession.user_category,
    )


def _session_row(r: Any) -> SessionRow:
    return SessionRow(*r)


def sessions_page(
    db: Database,
    actor: Actor,
    flt: SessionFilter,
    *,
    after: tuple[date, int] | None = None,
    limit: int = 200,
) -> list[SessionRow]:
    """Newest first, keyset-paged on (held_on, id), filtered in SQL."""
    require_read(actor)
    stmt = _session_rows()
    if flt.topic:
        stmt = stmt.where(TrainingSession.topic == flt.topic)
    if flt.first_day is not None:
        stmt = stmt.where(TrainingSession.held_on >= flt.first_day)
    if flt.last_day is not None:
        stmt = stmt.where(TrainingSession.held_on <= flt.last_day)
    if flt.agent_id is not None:
        stmt = stmt.where(
            TrainingSession.id.in_(
                select(TrainingAttendance.session_id).where(
                    TrainingAttendance.agent_id == flt.agent_id
                )
            )
        )
    if flt.search.strip():
        like = f"%{flt.search.strip()}%"
        stmt = stmt.where(TrainingSession.title.ilike(like) | TrainingSession.trainer.ilike(like))
    if after is not None:
        day, last_id = after
        stmt = stmt.where(
            or_(
                TrainingSession.held_on < day,
                and_(TrainingSession.held_on == day, TrainingSession.id < last_id),
            )
        )
    stmt = stmt.order_by(TrainingSession.held_on.desc(), TrainingSession.id.desc()).limit(limit)
    with db.read() as s:
        user_categories.refresh(s)  # the names the table shows beside the topic (C8.6)
        return [_session_row(r) for r in s.execute(stmt)]


# -- the training plan ---------------------------------------------------------------------------
@dataclass(frozen=True)
class RuleInput:
    name: str
    topic: str | None
    interval_months: int | None
    first_within_months: int
    effective_from: date
    active: bool = True


@dataclass(frozen=True)
class RuleRow:
    id: int
    name: str
    topic: str | None
    interval_months: int | None
    first_within_months: int
    effective_from: date
    active: bool
    version: int


@dataclass(frozen=True)
class PlanGap:
    """An active agent who does not meet a rule: due since `due_on`, last trained `last_on`."""

    agent_id: int
    name_ar: str
    name_fr: str
    rule_id: int
    rule_name: str
    topic: str | None
    due_on: date
    last_on: date | None
    overdue: bool  # False: falls due within the look-ahead, not yet


def _validate_rule(data: RuleInput) -> dict[str, Any]:
    name = clean(data.name, 200)
    if not name:
        raise UserError(translate("training", "Give the rule a name."))
    if data.topic is not None:
        check_topic(data.topic)
    if data.interval_months is not None and not 1 <= data.interval_months <= 120:
        raise UserError(translate("training", "Repeat every 1 to 120 months, or only once."))
    if not 0 <= data.first_within_months <= 60:
        raise UserError(translate("training", "The first training is due within 0 to 60 months."))
    return {
        "name": name,
        "topic": data.topic,
        "interval_months": data.interval_months,
        "first_within_months": data.first_within_months,
        "effective_from": data.effective_from,
        "active": data.active,
    }


def create_rule(db: Database, actor: Actor, data: RuleInput) -> int:
    actor.require(Perm.EDIT_TRAINING)
    with db.write() as s:
        values = _validate_rule(data)
        rule = TrainingRule(**values)
        s.add(rule)
        s.flush()
        audit.record(s, actor, "create", "training_rule", rule.id, after=values)
        return rule.id


def update_rule(
    db: Database, actor: Actor, rule_id: int, expected_version: int, data: RuleInput
) -> None:
    actor.require(Perm.EDIT_TRAINING)
    with db.write() as s:
        rule = s.get(TrainingRule, rule_id)
        if rule is None:
            raise UserError(translate("training", "This rule no longer exists."))
        check_version(rule.version, expected_version)
        values = _validate_rule(data)
        before = {k: getattr(rule, k) for k in values}
        for key, value in values.items():
            setattr(rule, key, value)
        s.flush()
        audit.record(s, actor, "update", "training_rule", rule.id, before=before, after=values)


def list_rules(db: Database, actor: Actor) -> list[RuleRow]:
    require_read(actor)
    with db.read() as s:
        return [
            RuleRow(
                r.id,
                r.name,
                r.topic,
                r.interval_months,
                r.first_within_months,
                r.effective_from,
                r.active,
                r.version,
            )
            for r in s.scalars(select(TrainingRule).order_by(TrainingRule.id))
        ]


def rule_due_on(
    rule: RuleRow | TrainingRule, active_from: date | None, last_on: date | None
) -> date | None:
    """The day an agent must have been trained by under `rule`; None when the rule is met for good.

    The first training is due `first_within_months` after the later of joining and the rule's
    start; a repeated rule is then due `interval_months` after the last training attended, and a
    once-only rule is met for good by one attendance.
    """
    start = max(active_from or rule.effective_from, rule.effective_from)
    first_due = add_months(start, rule.first_within_months)
    if last_on is None:
        return first_due
    if rule.interval_months is None:
        return None
    return max(add_months(last_on, rule.interval_months), first_due)


def plan_gaps_in(
    s: Session, today: date, *, agent_id: int | None = None, look_ahead_days: int = 0
) -> list[PlanGap]:
    """Every (active agent, active rule) not met on `today` (due on or before it), or falling due
    within `look_ahead_days`; sorted by due date, oldest first."""
    horizon = today + timedelta(days=look_ahead_days)
    rules = list(
        s.scalars(
            select(TrainingRule).where(TrainingRule.active.is_(True)).order_by(TrainingRule.id)
        )
    )
    if not rules:
        return []
    agents_stmt = select(Agent).where(active_on(today))
    if agent_id is not None:
        agents_stmt = agents_stmt.where(Agent.id == agent_id)
    agents = list(s.scalars(agents_stmt))
    # Last attended session per (agent, topic), up to today: one grouped query.
    last_rows = s.execute(
        select(
            TrainingAttendance.agent_id, TrainingSession.topic, func.max(TrainingSession.held_on)
        )
        .join(TrainingSession, TrainingSession.id == TrainingAttendance.session_id)
        .where(TrainingAttendance.attended.is_(True), TrainingSession.held_on <= today)
        .group_by(TrainingAttendance.agent_id, TrainingSession.topic)
    ).all()
    last: dict[tuple[int, str], date] = {(r[0], r[1]): r[2] for r in last_rows}
    gaps: list[PlanGap] = []
    for agent in agents:
        for rule in rules:
            if rule.topic is None:
                dates = [d for (aid, _t), d in last.items() if aid == agent.id]
                last_on = max(dates) if dates else None
            else:
                last_on = last.get((agent.id, rule.topic))
            due = rule_due_on(rule, agent.active_from, last_on)
            if due is not None and due <= horizon:
                gaps.append(
                    PlanGap(
                        agent.id,
                        agent.name_ar,
                        agent.name_fr,
                        rule.id,
                        rule.name,
                        rule.topic,
                        due,
                        last_on,
                        due <= today,
                    )
                )
    gaps.sort(key=lambda g: (g.due_on, g.name_fr, g.agent_id, g.rule_id))
    return gaps


def plan_gaps(
    db: Database,
    actor: Actor,
    today: date,
    *,
    agent_id: int | None = None,
    look_ahead_days: int = 0,
) -> list[PlanGap]:
    require_read(actor)
    with db.read() as s:
        return plan_gaps_in(s, today, agent_id=agent_id, look_ahead_days=look_ahead_days)


@dataclass(frozen=True)
class AgentTraining:
    session_id: int
    held_on: date
    title: str
    topic: str
    duration_hours: float
    attended: bool
    score: float | None


def agent_history(db: Database, actor: Actor, agent_id: int) -> list[AgentTraining]:
    """An agent's training, newest first (sessions they were invited to, attended or not)."""
    require_read(actor)
    with db.read() as s:
        rows = s.execute(
            select(
                TrainingSession.id,
                TrainingSession.held_on,
                TrainingSession.title,
                TrainingSession.topic,
                TrainingSession.duration_hours,
                TrainingAttendance.attended,
                TrainingAttendance.score,
            )
            .join(TrainingAttendance, TrainingAttendance.session_id == TrainingSession.id)
            .where(TrainingAttendance.agent_id == agent_id)
            .order_by(TrainingSession.held_on.desc(), TrainingSession.id.desc())
        ).all()
        return [AgentTraining(*r) for r in rows]
