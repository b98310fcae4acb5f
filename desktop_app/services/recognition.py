"""Recognition of the best agents (C8.5: reward the outstanding ones): awards and a ranking.

Awards are recorded per period with a reason (HR, EDIT_AGENTS). The ranking suggests candidates
for a period from training (hours attended, mean assessment score) and from the score sources
of SCORE_SOURCES (the mean call evaluation score, C8.2), each {agent_id: 0..100}.

Each component is brought to 0–100 (training hours relative to the best in the period); an
agent's composite is the mean of the components they have, so no-one is penalised for a source
that has nothing on them: an agent who attended no session in the period has no training part
(not a 0 averaged in), one never evaluated no evaluation part. `Candidate.counted` names the
parts that made the composite. Every agent who worked at some point of the period is ranked.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from desktop_app.data.db import Database
from desktop_app.data.models import Agent, Recognition, TrainingAttendance, TrainingSession
from desktop_app.i18n import translate
from desktop_app.services import audit
from desktop_app.services.agents_common import check_version, clean, require_read
from desktop_app.services.errors import UserError
from desktop_app.services.periods import Period, parse_period
from desktop_app.services.permissions import Actor, Perm

HOURS, ASSESSMENT = "hours", "assessment"  # the training parts of the composite
ScoreFn = Callable[[Session, Period, list[int]], dict[int, float]]


@dataclass(frozen=True)
class ScoreSource:
    key: str
    label: Callable[[], str]  # translated when shown
    fn: ScoreFn


def _call_evaluations(session: Session, period: Period, agent_ids: list[int]) -> dict[int, float]:
    from desktop_app.services.evaluations import average_scores  # call quality (C8.2)

    return average_scores(session, period, agent_ids)


SCORE_SOURCES: dict[str, ScoreSource] = {
    "evaluations": ScoreSource(
        "evaluations", lambda: translate("recognition", "Call evaluations"), _call_evaluations
    ),
}


@dataclass(frozen=True)
class Candidate:
    agent_id: int
    name_ar: str
    name_fr: str
    sessions: int
    hours: float
    assessment: float | None  # mean assessment score in the period
    sources: dict[str, float] = field(default_factory=dict)
    composite: float = 0.0
    awards: int = 0  # awards already given for this period
    counted: tuple[str, ...] = ()  # the parts averaged into the composite: HOURS, ASSESSMENT, …


@dataclass(frozen=True)
class AwardRow:
    id: int
    agent_id: int
    name_ar: str
    name_fr: str
    period: str
    award: str
    reason: str
    awarded_on: date
    version: int


def _period_text(text: str) -> str:
    return parse_period(text).text


def save_award(
    db: Database,
    actor: Actor,
    award_id: int | None,
    *,
    agent_id: int,
    period: str,
    award: str,
    reason: str,
    awarded_on: date,
    expected_version: int | None = None,
) -> int:
    actor.require(Perm.EDIT_AGENTS)
    if award_id is not None and expected_version is None:
        raise ValueError("editing an award needs the expected_version it was read at")
    title = clean(award, 200)
    if not title:
        raise UserError(translate("recognition", "Name the award, e.g. Agent of the quarter."))
    if not (reason or "").strip():
        raise UserError(translate("recognition", "Say why the agent is recognised."))
    values = {
        "agent_id": agent_id,
        "period": _period_text(period),
        "award": title,
        "reason": reason.strip(),
        "awarded_on": awarded_on,
    }
    with db.write() as s:
        if s.get(Agent, agent_id) is None:
            raise UserError(translate("recognition", "This agent no longer exists."))
        if award_id is None:
            row = Recognition(**values)
            s.add(row)
            s.flush()
            audit.record(s, actor, "create", "recognition", row.id, after=values)
            return row.id
        found = s.get(Recognition, award_id)
        if found is None:
            raise UserError(translate("recognition", "This award no longer exists."))
        check_version(found.version, expected_version or 0)
        before = {k: getattr(found, k) for k in values}
        for key, value in values.items():
            setattr(found, key, value)
        s.flush()
        audit.record(s, actor, "update", "recognition", found.id, before=before, after=values)
        return found.id


def list_awards(db: Database, actor: Actor, *, agent_id: int | None = None) -> list[AwardRow]:
    require_read(actor)
    stmt = select(
        Recognition.id,
        Recognition.agent_id,
        Agent.name_ar,
        Agent.name_fr,
        Recognition.period,
        Recognition.award,
        Recognition.reason,
        Recognition.awarded_on,
        Recognition.version,
    ).join(Agent, Agent.id == Recognition.agent_id)
    if agent_id is not None:
        stmt = stmt.where(Recognition.agent_id == agent_id)
    stmt = stmt.order_by(Recognition.awarded_on.desc(), Recognition.id.desc())
    with db.read() as s:
        return [AwardRow(*r) for r in s.execute(stmt)]


def ranking_in(s: Session, period: Period) -> list[Candidate]:
    """Agents active at some point of the period, best candidates first."""
    worked_in_period = and_(
        or_(Agent.active_from.is_(None), Agent.active_from <= period.last_day),
        or_(Agent.active_to.is_(None), Agent.active_to >= period.first_day),
    )
    agents = s.execute(
        select(Agent.id, Agent.name_ar, Agent.name_fr).where(worked_in_period).order_by(Agent.id)
    ).all()
    ids = [a.id for a in agents]
    training = {
        r[0]: (r[1], r[2] or 0.0, r[3])
        for r in s.execute(
            select(
                TrainingAttendance.agent_id,
                func.count(TrainingAttendance.id),
                func.sum(TrainingSession.duration_hours),
                func.avg(TrainingAttendance.score),
            )
            .join(TrainingSession, TrainingSession.id == TrainingAttendance.session_id)
            .where(
                TrainingAttendance.attended.is_(True),
                TrainingSession.held_on >= period.first_day,
                TrainingSession.held_on <= period.last_day,
            )
            .group_by(TrainingAttendance.agent_id)
        )
    }
    awards = dict(
        s.execute(
            select(Recognition.agent_id, func.count(Recognition.id))
            .where(Recognition.period == period.text)
            .group_by(Recognition.agent_id)
        ).all()
    )
    external = {key: src.fn(s, period, ids) for key, src in SCORE_SOURCES.items()}
    best_hours = max((t[1] for t in training.values()), default=0.0)
    out = []
    for a in agents:
        sessions, hours, assessment = training.get(a.id, (0, 0.0, None))
        sources = {k: float(v[a.id]) for k, v in external.items() if a.id in v}
        parts: dict[str, float] = {}
        if sessions and best_hours > 0:
            parts[HOURS] = 100.0 * hours / best_hours
        if assessment is not None:
            parts[ASSESSMENT] = float(assessment)
        parts.update(sources)
        composite = round(sum(parts.values()) / len(parts), 1) if parts else 0.0
        out.append(
            Candidate(
                a.id,
                a.name_ar,
                a.name_fr,
                int(sessions),
                round(float(hours), 1),
                None if assessment is None else round(float(assessment), 1),
                sources,
                composite,
                int(awards.get(a.id, 0)),
                tuple(parts),
            )
        )
    out.sort(key=lambda c: (-c.composite, -c.hours, c.name_fr, c.agent_id))
    return out


def ranking(db: Database, actor: Actor, period: Period) -> list[Candidate]:
    require_read(actor)
    with db.read() as s:
        return ranking_in(s, period)


def source_labels(keys: Iterable[str]) -> list[str]:
    return [SCORE_SOURCES[k].label() for k in keys if k in SCORE_SOURCES]


def part_labels(keys: Iterable[str]) -> list[str]:
    """What a candidate's composite was made of, for the reader (training and score sources)."""
    own = {
        HOURS: translate("recognition", "Training hours"),
        ASSESSMENT: translate("recognition", "Training assessment"),
    }
    return [own[k] if k in own else SCORE_SOURCES[k].label() for k in keys
            if k in own or k in SCORE_SOURCES]  # fmt: skip
