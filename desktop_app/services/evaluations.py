"""Call evaluations (C8.2, C8.7): recording a listened, mystery or reported call, and coaching.

An evaluation stores its answers and its score as they were computed with the scorecard version in
use, so later scorecard changes never rewrite it. The "picked up in time" criterion is not typed:
it follows from the seconds to pick up: strictly less than the pickup setting (300 s at most, C8.2).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from desktop_app.data.db import Database
from desktop_app.data.models import (
    Agent,
    CampaignCall,
    Evaluation,
    EvaluationAnswer,
    PhoneLine,
    ScorecardCriterion,
)
from desktop_app.i18n import current_language, localized_name, translate
from desktop_app.services import audit, pickup, scorecards
from desktop_app.services import settings as settings_service
from desktop_app.services.errors import UserError
from desktop_app.services.periods import TUNIS, Period, local_date
from desktop_app.services.permissions import Actor, Perm
from desktop_app.services.scorecards import DIRECTED, NA, NO, PICKUP, VALUES, YES

METHODS = ("supervisor", "mystery", "citizen_feedback")
# The evals_* indicators count people listening (CONTRACTS.md §3: supervisor listening, mystery
# calls); a citizen's report is kept and coached on, but is not a measurement.
MEASURED_METHODS = ("supervisor", "mystery")


def method_label(method: str) -> str:
    labels = {
        "supervisor": translate("calls", "Supervisor listening"),
        "mystery": translate("calls", "Mystery call"),
        "citizen_feedback": translate("calls", "Citizen feedback"),
    }
    return labels.get(method, method)


@dataclass(frozen=True)
class AgentChoice:
    id: int
    name_ar: str
    name_fr: str
    extension: str

    def name(self, lang: str) -> str:
        return localized_name(self.name_ar, self.name_fr, lang)


@dataclass(frozen=True)
class LineChoice:
    id: int
    number: str
    label: str
    kind: str = "other"


def agent_choices(db: Database, actor: Actor) -> list[AgentChoice]:
    """Agents active today, for the evaluation form."""
    actor.require(Perm.READ_ALL)
    today = local_date(datetime.now(TUNIS))
    with db.read() as s:
        rows = s.execute(
            select(Agent.id, Agent.name_ar, Agent.name_fr, Agent.extension)
            .where(or_(Agent.active_to.is_(None), Agent.active_to >= today))
            .order_by(Agent.name_fr, Agent.id)
        )
        return [AgentChoice(*r) for r in rows]


def line_choices(db: Database, actor: Actor) -> list[LineChoice]:
    actor.require(Perm.READ_ALL)
    with db.read() as s:
        rows = s.execute(
            select(PhoneLine.id, PhoneLine.number, PhoneLine.label, PhoneLine.kind)
            .where(PhoneLine.retired_at.is_(None))
            .order_by(PhoneLine.number)
        )
        return [LineChoice(*r) for r in rows]


@dataclass(frozen=True)
class EvaluationInput:
    at: datetime
    method: str
    agent_id: int | None
    line_id: int | None
    answered: bool
    pickup_seconds: int | None
    answers: Mapping[str, str] = field(default_factory=dict)  # criterion key → yes / no / na
    comment: str = ""
    campaign_call_id: int | None = None
    # A citizen-watch volunteer who made a mystery call and has no account (C8.7); kept in
    # evaluator_name, while evaluator_id and the audit keep who entered the result.
    caller_name: str = ""


def full_answers(
    card: scorecards.ScorecardInfo, data: EvaluationInput, pickup_limit: int
) -> dict[str, str]:
    """Every criterion's answer: pickup from the seconds, the rest N/A when nobody answered.

    "Not applicable" is refused on a criterion the scorecard does not allow it on (C8.2: greeting
    first or naming the body always apply to an answered call; evals_greeting_pct counts them).
    """
    out: dict[str, str] = {}
    for c in card.criteria:
        if c.key == PICKUP:
            ok = data.answered and data.pickup_seconds is not None
            out[c.key] = YES if ok and pickup.in_time(data.pickup_seconds, pickup_limit) else NO
        elif not data.answered:
            out[c.key] = NA
        else:
            value = data.answers.get(c.key)
            if value is None and c.may_be_na and c.key == DIRECTED:
                # Added by a later scorecard version (C8.2, issue 12): a caller who needed no
                # directing is not scored on it, as for any "not applicable" answer.
                value = NA
            if value not in VALUES:
                raise UserError(
                    translate("calls", "Answer every criterion: “{name}” has no answer.").format(
                        name=c.label(_lang())
                    )
                )
            if value == NA and not c.may_be_na:
                raise UserError(
                    translate(
                        "calls", "“{name}” always applies to an answered call: answer yes or no."
                    ).format(name=c.label(_lang()))
                )
            out[c.key] = value
    return out


def _lang() -> str:
    """The language messages are made in (the thread's translator's, or the application's)."""
    return current_language()


def _validate(s: Session, data: EvaluationInput) -> None:
    if data.method not in METHODS:
        raise UserError(translate("calls", "Choose how the call was evaluated."))
    if data.at.tzinfo is None:
        raise ValueError("evaluation time must be aware")
    if data.answered and (data.pickup_seconds is None or data.pickup_seconds < 0):
        raise UserError(translate("calls", "Give the seconds it took to pick up."))
    if data.pickup_seconds is not None and data.pickup_seconds > 24 * 3600:
        raise UserError(translate("calls", "The seconds to pick up are not plausible."))
    if data.method == "mystery" and data.line_id is None and data.campaign_call_id is None:
        raise UserError(translate("calls", "A mystery call needs the line that was called."))
    if data.caller_name.strip() and data.method != "mystery":
        raise UserError(translate("calls", "Only a mystery call has a citizen-watch caller."))
    if len(data.caller_name.strip()) > 200:
        raise UserError(translate("calls", "The caller's name is too long (200 characters)."))
    if data.agent_id is not None and s.get(Agent, data.agent_id) is None:
        raise UserError(translate("calls", "This agent no longer exists."))
    if data.line_id is not None and s.get(PhoneLine, data.line_id) is None:
        raise UserError(translate("calls", "This line no longer exists."))


def record_in(s: Session, actor: Actor, data: EvaluationInput) -> int:
    """Within the caller's unit of work (the demo uses it too); returns the evaluation's id.

    The evaluator named is the signed-in user, or for a mystery call the citizen-watch caller
    given in `caller_name` (someone without an account); evaluator_id stays the user who typed it.
    """
    actor.require(Perm.EDIT_EVALUATIONS)
    _validate(s, data)
    card = scorecards.load(s)
    limit = pickup.limit(settings_service.load_all(s))
    answers = full_answers(card, data, limit)
    planned: CampaignCall | None = None
    line_id = data.line_id
    if data.campaign_call_id is not None:
        planned = s.get(CampaignCall, data.campaign_call_id)
        if planned is None:
            raise UserError(translate("calls", "This planned call no longer exists."))
        if planned.evaluation_id is not None:
            raise UserError(translate("calls", "The result of this planned call is already in."))
        line_id = line_id or planned.line_id
    evaluation = Evaluation(
        at=data.at, agent_id=data.agent_id, line_id=line_id, method=data.method,
        answered=data.answered, pickup_seconds=data.pickup_seconds if data.answered else None,
        scorecard_id=card.id, score=scorecards.score(card.criteria, answers),
        comment=data.comment.strip(), evaluator_id=actor.user_id,
        evaluator_name=data.caller_name.strip() or actor.full_name or actor.username,
    )  # fmt: skip
    s.add(evaluation)
    s.flush()
    s.add_all(
        EvaluationAnswer(evaluation_id=evaluation.id, criterion_id=c.id, criterion_key=c.key,
                         value=answers[c.key])
        for c in card.criteria
    )  # fmt: skip
    if planned is not None:
        planned.evaluation_id = evaluation.id
    if data.method == "mystery" and line_id is not None:
        _count_as_line_check(s, actor, line_id, data)
    audit.record(s, actor, "create", "call_evaluation", evaluation.id, after={
        "at": data.at, "method": data.method, "agent_id": data.agent_id, "line_id": line_id,
        "answered": data.answered, "pickup_seconds": data.pickup_seconds,
        "score": evaluation.score, "answers": answers, "scorecard": card.number,
        "evaluator_name": evaluation.evaluator_name,
    })  # fmt: skip
    return evaluation.id


def record(db: Database, actor: Actor, data: EvaluationInput) -> int:
    actor.require(Perm.EDIT_EVALUATIONS)
    with db.write() as s:
        return record_in(s, actor, data)


def _count_as_line_check(s: Session, actor: Actor, line_id: int, data: EvaluationInput) -> None:
    """A mystery call is also a check of the line (C8.1), recorded in the same transaction."""
    from desktop_app.services.lines import add_check

    # No prose in the check: its source says "mystery call" in each reader's language, and the
    # seconds to pick up stay on the evaluation itself.
    if data.answered:
        named = data.answers.get("named_body") == scorecards.YES
        result = "answered_named" if named else "answered"
    else:
        result = "no_answer"
    add_check(s, actor, line_id, result, data.at, "", "mystery_call")


# -- listing -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class EvaluationFilter:
    agent_id: int | None = None
    line_id: int | None = None
    method: str = ""
    since: datetime | None = None
    until: datetime | None = None


@dataclass(frozen=True)
class EvaluationRow:
    id: int
    at: datetime
    agent_ar: str
    agent_fr: str
    line_number: str
    method: str
    answered: bool
    pickup_seconds: int | None
    score: float | None
    evaluator_name: str
    comment: str


def evaluation_page(
    db: Database, actor: Actor, flt: EvaluationFilter, *, after: EvaluationRow | None = None,
    limit: int = 200,
) -> list[EvaluationRow]:  # fmt: skip
    """Newest first, keyset-paged on (at, id)."""
    actor.require(Perm.READ_ALL)
    stmt = (
        select(Evaluation.id, Evaluation.at, func.coalesce(Agent.name_ar, ""),
               func.coalesce(Agent.name_fr, ""), func.coalesce(PhoneLine.number, ""),
               Evaluation.method, Evaluation.answered, Evaluation.pickup_seconds,
               Evaluation.score, Evaluation.evaluator_name, Evaluation.comment)
        .outerjoin(Agent, Agent.id == Evaluation.agent_id)
        .outerjoin(PhoneLine, PhoneLine.id == Evaluation.line_id)
    )  # fmt: skip
    if flt.agent_id is not None:
        stmt = stmt.where(Evaluation.agent_id == flt.agent_id)
    if flt.line_id is not None:
        stmt = stmt.where(Evaluation.line_id == flt.line_id)
    if flt.method:
        stmt = stmt.where(Evaluation.method == flt.method)
    if flt.since is not None:
        stmt = stmt.where(Evaluation.at >= flt.since)
    if flt.until is not None:
        stmt = stmt.where(Evaluation.at < flt.until)
    if after is not None:
        same_time_older = and_(Evaluation.at == after.at, Evaluation.id < after.id)
        stmt = stmt.where(or_(Evaluation.at < after.at, same_time_older))
    stmt = stmt.order_by(Evaluation.at.desc(), Evaluation.id.desc()).limit(limit)
    with db.read() as s:
        return [EvaluationRow(*r) for r in s.execute(stmt)]


# -- coaching (C8.7: improve the performance of the staff in charge) ----------------------------
@dataclass(frozen=True)
class CriterionStat:
    key: str
    label_ar: str
    label_fr: str
    training_topic: str
    yes: int
    no: int

    @property
    def yes_pct(self) -> float | None:
        total = self.yes + self.no
        return round(100.0 * self.yes / total, 1) if total else None

    def label(self, lang: str) -> str:
        return scorecards.Criterion(None, self.key, self.label_ar, self.label_fr, 1,
                                    self.training_topic, False).label(lang)  # fmt: skip


@dataclass(frozen=True)
class TrendPoint:
    month: date  # first day of the month
    average: float
    count: int


@dataclass(frozen=True)
class CommentRow:
    at: datetime
    method: str
    score: float | None
    comment: str
    evaluator_name: str


@dataclass(frozen=True)
class Coaching:
    agent_id: int
    count: int
    average: float | None
    trend: list[TrendPoint]
    criteria: list[CriterionStat]  # weakest first
    comments: list[CommentRow]

    def weakest(self, n: int = 3) -> list[CriterionStat]:
        return [c for c in self.criteria if c.yes_pct is not None and c.yes_pct < 100][:n]

    def topics(self, n: int = 3) -> list[str]:
        """The training topics that address the weakest criteria, in order, without repeats."""
        seen: list[str] = []
        for c in self.weakest(n):
            if c.training_topic not in seen:
                seen.append(c.training_topic)
        return seen


def criterion_stats(s: Session, where: Any) -> list[CriterionStat]:
    """Yes/no counts per criterion key over the evaluations `where` selects; weakest first."""
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    rows = s.execute(
        select(EvaluationAnswer.criterion_key, EvaluationAnswer.value, func.count())
        .join(Evaluation, Evaluation.id == EvaluationAnswer.evaluation_id)
        .where(where, EvaluationAnswer.value.in_((YES, NO)))
        .group_by(EvaluationAnswer.criterion_key, EvaluationAnswer.value)
    )
    for key, value, n in rows:
        counts[key][0 if value == YES else 1] += n
    if not counts:
        return []
    # Names and topics from the newest scorecard version holding each key.
    latest: dict[str, ScorecardCriterion] = {}
    for crit in s.scalars(select(ScorecardCriterion).where(ScorecardCriterion.key.in_(counts))
                          .order_by(ScorecardCriterion.scorecard_id)):  # fmt: skip
        latest[crit.key] = crit
    stats = [
        CriterionStat(key, latest[key].label_ar if key in latest else key,
                      latest[key].label_fr if key in latest else key,
                      latest[key].training_topic if key in latest else "other", yes, no)
        for key, (yes, no) in counts.items()
    ]  # fmt: skip
    return sorted(stats, key=lambda c: (c.yes_pct if c.yes_pct is not None else 101, c.key))


def coaching(db: Database, actor: Actor, agent_id: int, since: datetime | None = None,
             until: datetime | None = None) -> Coaching:  # fmt: skip
    actor.require(Perm.READ_ALL)
    where = Evaluation.agent_id == agent_id
    if since is not None:
        where = and_(where, Evaluation.at >= since)
    if until is not None:
        where = and_(where, Evaluation.at < until)
    with db.read() as s:
        months: dict[date, list[float]] = defaultdict(list)
        comments: list[CommentRow] = []
        for at, score, method, comment, who in s.execute(
            select(Evaluation.at, Evaluation.score, Evaluation.method, Evaluation.comment,
                   Evaluation.evaluator_name).where(where).order_by(Evaluation.at.desc())
        ):  # fmt: skip
            if score is not None:
                day = local_date(at)
                months[day.replace(day=1)].append(score)
            if comment and len(comments) < 50:
                comments.append(CommentRow(at, method, score, comment, who))
        trend = [
            TrendPoint(m, round(sum(v) / len(v), 1), len(v)) for m, v in sorted(months.items())
        ]
        scores = [x for v in months.values() for x in v]
        average = round(sum(scores) / len(scores), 1) if scores else None
        return Coaching(agent_id, len(scores), average, trend, criterion_stats(s, where), comments)


@dataclass(frozen=True)
class AgentScore:
    agent_id: int
    name_ar: str
    name_fr: str
    count: int
    average: float | None

    def name(self, lang: str) -> str:
        return localized_name(self.name_ar, self.name_fr, lang)


def agent_scores_in(s: Session, since: datetime | None, until: datetime | None,
                    methods: tuple[str, ...] = METHODS) -> list[AgentScore]:  # fmt: skip
    """Every agent evaluated in the window, lowest average first."""
    stmt = (
        select(Agent.id, Agent.name_ar, Agent.name_fr, func.count(Evaluation.score),
               func.avg(Evaluation.score))
        .join(Evaluation, Evaluation.agent_id == Agent.id)
        .where(Evaluation.method.in_(methods))
        .group_by(Agent.id, Agent.name_ar, Agent.name_fr)
    )  # fmt: skip
    if since is not None:
        stmt = stmt.where(Evaluation.at >= since)
    if until is not None:
        stmt = stmt.where(Evaluation.at < until)
    rows = [
        AgentScore(i, ar, fr, n, round(avg, 1) if avg is not None else None)
        for i, ar, fr, n, avg in s.execute(stmt)
    ]
    return sorted(rows, key=lambda r: (r.average if r.average is not None else 101, r.agent_id))


def agent_scores(db: Database, actor: Actor, since: datetime | None = None,
                 until: datetime | None = None) -> list[AgentScore]:  # fmt: skip
    actor.require(Perm.READ_ALL)
    with db.read() as s:
        return agent_scores_in(s, since, until)


def average_scores(session: Session, period: Period, agent_ids: list[int]) -> dict[int, float]:
    """Each agent's mean evaluation score in the period (0–100): the recognition ranking's input
    from call quality (C8.5 rewards the best, judged by C8.2's standards)."""
    if not agent_ids:
        return {}
    rows = session.execute(
        select(Evaluation.agent_id, func.avg(Evaluation.score))
        .where(Evaluation.agent_id.in_(agent_ids), Evaluation.score.is_not(None),
               Evaluation.at >= period.start, Evaluation.at < period.end)
        .group_by(Evaluation.agent_id)
    ).all()  # fmt: skip
    return {agent_id: round(float(avg), 1) for agent_id, avg in rows if agent_id is not None}
