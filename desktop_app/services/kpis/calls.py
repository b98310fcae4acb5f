"""The evals_* and cdr_* indicators of CONTRACTS.md §3 (C8.2, C8.4, C8.7).

evals_* count evaluations made in P by people listening (supervisor listening and mystery calls;
citizen feedback is kept for coaching but is not a measurement). cdr_* count inbound calls on
inventory lines from the imported PBX records; hours are Tunis local time.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, func, select

from desktop_app.data.models import Evaluation, EvaluationAnswer
from desktop_app.services import pickup
from desktop_app.services.callbacks import Missed, missed_in
from desktop_app.services.evaluations import MEASURED_METHODS
from desktop_app.services.kpis import KpiContext, indicator, median, pct
from desktop_app.services.scorecards import GREETING, NAMED_BODY, YES
from desktop_app.services.traffic import InboundCounts, inbound_counts


def _in_period(ctx: KpiContext) -> list[ColumnElement[bool]]:
    return [Evaluation.at >= ctx.start, Evaluation.at < ctx.end,
            Evaluation.method.in_(MEASURED_METHODS)]  # fmt: skip


@indicator("evals_count")
def evals_count(ctx: KpiContext) -> int:
    """Call evaluations made in P by supervisor listening or mystery calls (CONTRACTS.md §3).

    Citizen feedback is left out on purpose, here and so in every evals_* ratio built on this
    count: the contract names only those two methods, and a citizen's report is not a timed,
    scored listening of the call (it is kept and shown in the agent's coaching instead).
    """
    return int(ctx.session.scalar(select(func.count(Evaluation.id)).where(*_in_period(ctx))) or 0)


@indicator("evals_pickup_ok_pct")
def evals_pickup_ok_pct(ctx: KpiContext) -> float | None:
    limit = pickup.limit(ctx.settings)
    ok = ctx.session.scalar(
        select(func.count(Evaluation.id)).where(
            *_in_period(ctx),
            Evaluation.answered.is_(True),
            pickup.condition(Evaluation.pickup_seconds, limit),
        )
    )
    return pct(int(ok or 0), evals_count(ctx))


def _answered_with_yes(ctx: KpiContext, key: str) -> float | None:
    answered = ctx.session.scalar(
        select(func.count(Evaluation.id)).where(*_in_period(ctx), Evaluation.answered.is_(True))
    )
    yes = ctx.session.scalar(
        select(func.count(Evaluation.id))
        .join(EvaluationAnswer, EvaluationAnswer.evaluation_id == Evaluation.id)
        .where(*_in_period(ctx), Evaluation.answered.is_(True),
               EvaluationAnswer.criterion_key == key, EvaluationAnswer.value == YES)
    )  # fmt: skip
    return pct(int(yes or 0), int(answered or 0))


@indicator("evals_greeting_pct")
def evals_greeting_pct(ctx: KpiContext) -> float | None:
    return _answered_with_yes(ctx, GREETING)


@indicator("evals_named_body_pct")
def evals_named_body_pct(ctx: KpiContext) -> float | None:
    return _answered_with_yes(ctx, NAMED_BODY)


@indicator("evals_score_avg")
def evals_score_avg(ctx: KpiContext) -> float | None:
    value = ctx.session.scalar(
        select(func.avg(Evaluation.score)).where(*_in_period(ctx), Evaluation.score.is_not(None))
    )
    return round(float(value), 1) if value is not None else None


def _inbound(ctx: KpiContext) -> InboundCounts:
    """Inbound calls with a line in P, counted once in SQL (GROUP BY) for the four cdr_*
    indicators and the report's traffic sheet (the cache is the report's when it makes one)."""
    return inbound_counts(ctx.session, ctx.start, ctx.end, cache=ctx.cache)


@indicator("cdr_calls")
def cdr_calls(ctx: KpiContext) -> int:
    return _inbound(ctx).total


@indicator("cdr_answered_pct")
def cdr_answered_pct(ctx: KpiContext) -> float | None:
    return pct(_inbound(ctx).answered, cdr_calls(ctx))


@indicator("cdr_ring_median_s")
def cdr_ring_median_s(ctx: KpiContext) -> float | None:
    """Answered calls whose time to answer is known: the median of their seconds."""
    return _inbound(ctx).ring_median()


@indicator("cdr_peak_hour")
def cdr_peak_hour(ctx: KpiContext) -> int | None:
    """Each start's Tunis local hour (hour buckets moved to Tunis time); the earliest hour wins
    a tie."""
    return _inbound(ctx).peak_hour()


def _missed(ctx: KpiContext) -> list[Missed]:
    """The period's missed calls from callable numbers, each with its reach delay (C2.4)."""
    missed: list[Missed] = ctx.shared(
        "callbacks.missed", lambda: missed_in(ctx.session, ctx.start, ctx.end, ctx.settings)
    )
    return missed


@indicator("cdr_missed")
def cdr_missed(ctx: KpiContext) -> int:
    """Unanswered inbound calls from a number that can be called back (not anonymous, not the
    body's own): the callers the body owes a call (C2.4)."""
    return len(_missed(ctx))


@indicator("cdr_missed_reached_pct")
def cdr_missed_reached_pct(ctx: KpiContext) -> float | None:
    missed = _missed(ctx)
    return pct(sum(m.delay_min is not None for m in missed), len(missed))


@indicator("cdr_callback_median_min")
def cdr_callback_median_min(ctx: KpiContext) -> float | None:
    delays = [m.delay_min for m in _missed(ctx) if m.delay_min is not None]
    value = median(delays)
    return round(value, 1) if value is not None else None
