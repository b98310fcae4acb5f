"""Mystery-call campaigns (C8.7, the "citizen watch"): N calls per line at random office times.

Planning draws, for each line, N moments uniformly over the open minutes of the period according
to the office-hours timetable setting; the list of calls still to make shrinks as results are
recorded (an evaluation with method "mystery" linked to the planned call).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import case, func, select

from desktop_app.data.db import Database
from desktop_app.data.models import CampaignCall, Evaluation, MysteryCampaign, PhoneLine
from desktop_app.i18n import translate
from desktop_app.services import audit, office_hours
from desktop_app.services.errors import UserError
from desktop_app.services.periods import TUNIS
from desktop_app.services.permissions import Actor, Perm

MAX_CALLS_PER_LINE = 50
# Kinds nobody answers by voice: left out of a campaign unless the lines are chosen one by one.
NOT_CALLED_KINDS = ("fax",)


def open_minutes(table: office_hours.OfficeCalendar, first: date, last: date
                 ) -> list[tuple[date, int]]:  # fmt: skip
    """(day, minute of day) of every open minute in [first, last], as compact ranges per day."""
    out: list[tuple[date, int]] = []
    day = first
    while day <= last:
        for start, end in table.sessions_on(day):
            a, b = start.hour * 60 + start.minute, end.hour * 60 + end.minute
            out.extend((day, m) for m in range(a, b))
        day += timedelta(days=1)
    return out


def draw_times(table: office_hours.OfficeCalendar, first: date, last: date, n: int,
               rng: random.Random) -> list[datetime]:  # fmt: skip
    """n distinct open moments (aware UTC), in time order."""
    minutes = open_minutes(table, first, last)
    if not minutes:
        return []
    picked = rng.sample(minutes, min(n, len(minutes)))
    moments = [
        datetime.combine(day, time(m // 60, m % 60, rng.randrange(60)), TUNIS).astimezone(UTC)
        for day, m in picked
    ]
    return sorted(moments)


def plan(
    db: Database, actor: Actor, name: str, first_day: date, last_day: date, calls_per_line: int,
    line_ids: list[int] | None = None, *, seed: int | None = None,
) -> int:  # fmt: skip
    """Create the campaign and its planned calls; returns the campaign's id.

    Without `line_ids`, every line in service is called except the fax lines (NOT_CALLED_KINDS).
    """
    actor.require(Perm.EDIT_EVALUATIONS)
    if not name.strip():
        raise UserError(translate("calls", "Give the campaign a name."))
    if last_day < first_day:
        raise UserError(translate("calls", "The campaign ends before it starts."))
    if not 1 <= calls_per_line <= MAX_CALLS_PER_LINE:
        raise UserError(translate("calls", "Plan between 1 and {n} calls per line.").format(
            n=MAX_CALLS_PER_LINE))  # fmt: skip
    rng = random.Random(seed)
    with db.write() as s:
        table = office_hours.load_for(s, range(first_day.year, last_day.year + 1))
        stmt = select(PhoneLine.id).where(PhoneLine.retired_at.is_(None))
        if line_ids is not None:
            stmt = stmt.where(PhoneLine.id.in_(line_ids))
        else:
            stmt = stmt.where(PhoneLine.kind.not_in(NOT_CALLED_KINDS))
        lines = list(s.scalars(stmt.order_by(PhoneLine.number)))
        if not lines:
            raise UserError(translate("calls", "Choose at least one line in service to call."))
        if not open_minutes(table, first_day, last_day):
            raise UserError(translate("calls", "The office is closed for the whole period."))
        campaign = MysteryCampaign(
            name=name.strip(), first_day=first_day, last_day=last_day,
            calls_per_line=calls_per_line, created_by=actor.username,
        )  # fmt: skip
        s.add(campaign)
        s.flush()
        for line_id in lines:
            for moment in draw_times(table, first_day, last_day, calls_per_line, rng):
                s.add(CampaignCall(campaign_id=campaign.id, line_id=line_id, planned_at=moment))
        audit.record(s, actor, "create", "mystery_campaign", campaign.id, after={
            "name": campaign.name, "first_day": first_day, "last_day": last_day,
            "calls_per_line": calls_per_line, "lines": len(lines),
        })  # fmt: skip
        return campaign.id


@dataclass(frozen=True)
class CampaignInfo:
    id: int
    name: str
    first_day: date
    last_day: date
    calls_per_line: int
    planned: int
    done: int
    answered: int
    average: float | None

    @property
    def remaining(self) -> int:
        return self.planned - self.done


def list_campaigns(db: Database, actor: Actor) -> list[CampaignInfo]:
    """Newest first, with how far each has got."""
    actor.require(Perm.READ_ALL)
    stmt = (
        select(MysteryCampaign.id, MysteryCampaign.name, MysteryCampaign.first_day,
               MysteryCampaign.last_day, MysteryCampaign.calls_per_line,
               func.count(CampaignCall.id), func.count(CampaignCall.evaluation_id),
               func.sum(case((Evaluation.answered.is_(True), 1), else_=0)),
               func.avg(Evaluation.score))
        .outerjoin(CampaignCall, CampaignCall.campaign_id == MysteryCampaign.id)
        .outerjoin(Evaluation, Evaluation.id == CampaignCall.evaluation_id)
        .group_by(MysteryCampaign.id)
        .order_by(MysteryCampaign.first_day.desc(), MysteryCampaign.id.desc())
    )  # fmt: skip
    with db.read() as s:
        return [
            CampaignInfo(i, n, f, la, c, p, d, int(a or 0), round(avg, 1) if avg is not None
                         else None)
            for i, n, f, la, c, p, d, a, avg in s.execute(stmt)
        ]  # fmt: skip


@dataclass(frozen=True)
class PlannedCall:
    id: int
    campaign_id: int
    planned_at: datetime
    line_id: int
    line_number: str
    line_label: str
    evaluation_id: int | None
    answered: bool | None
    score: float | None


def campaign_calls(db: Database, actor: Actor, campaign_id: int, *,
                   pending_only: bool = False) -> list[PlannedCall]:  # fmt: skip
    """The calls of one campaign in time order; `pending_only` gives the list still to make."""
    actor.require(Perm.READ_ALL)
    stmt = (
        select(CampaignCall.id, CampaignCall.campaign_id, CampaignCall.planned_at,
               CampaignCall.line_id, PhoneLine.number, PhoneLine.label,
               CampaignCall.evaluation_id, Evaluation.answered, Evaluation.score)
        .join(PhoneLine, PhoneLine.id == CampaignCall.line_id)
        .outerjoin(Evaluation, Evaluation.id == CampaignCall.evaluation_id)
        .where(CampaignCall.campaign_id == campaign_id)
        .order_by(CampaignCall.planned_at, CampaignCall.id)
    )  # fmt: skip
    if pending_only:
        stmt = stmt.where(CampaignCall.evaluation_id.is_(None))
    with db.read() as s:
        return [PlannedCall(*r) for r in s.execute(stmt)]
