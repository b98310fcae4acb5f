"""The report's "quality" and "traffic" sheets and their dashboard to-do lists (C8.4, C8.7).

quality: the score per agent and the share of each criterion met, beside the previous period;
traffic: calls offered, answered and lost per line, the peak-hour table with a native chart, and
the time-to-answer distribution. Action lists: agents below the score target, lines losing calls.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ColumnElement, and_, func, select

from desktop_app.data.models import Evaluation, ReinforcementPlan
from desktop_app.i18n import translate
from desktop_app.services import pickup
from desktop_app.services.callbacks import Missed, callers_in, missed_in, yesterday_of
from desktop_app.services.evaluations import MEASURED_METHODS, agent_scores_in, criterion_stats
from desktop_app.services.kpis import pct, shared_fact
from desktop_app.services.numbers import format_number
from desktop_app.services.periods import TUNIS
from desktop_app.services.phones import display_number
from desktop_app.services.scorecards import topic_label
from desktop_app.services.sections import (
    ActionList,
    CellValue,
    ChartSpec,
    ReportSection,
    ReportTable,
    SectionContext,
    action_list,
    report_section,
)
from desktop_app.services.traffic import RING_BUCKETS, TrafficReport, traffic_in


def _measured(start: datetime, end: datetime) -> ColumnElement[bool]:
    return and_(Evaluation.at >= start, Evaluation.at < end,
                Evaluation.method.in_(MEASURED_METHODS))  # fmt: skip


def _pickup_ok_pct(ctx: SectionContext, agent_id: int) -> float | None:
    limit = pickup.limit(ctx.settings)
    base = and_(_measured(ctx.period.start, ctx.period.end), Evaluation.agent_id == agent_id)
    total = ctx.session.scalar(select(func.count(Evaluation.id)).where(base)) or 0
    ok = ctx.session.scalar(select(func.count(Evaluation.id)).where(
        base, Evaluation.answered.is_(True),
        pickup.condition(Evaluation.pickup_seconds, limit))) or 0  # fmt: skip
    return round(100.0 * ok / total, 1) if total else None


@report_section("quality")
def quality_section(ctx: SectionContext) -> ReportSection:
    now = agent_scores_in(ctx.session, ctx.period.start, ctx.period.end, MEASURED_METHODS)
    before = {a.agent_id: a.average for a in agent_scores_in(
        ctx.session, ctx.previous.start, ctx.previous.end, MEASURED_METHODS)}  # fmt: skip
    agent_rows: list[list[CellValue]] = [
        [a.name(ctx.lang), a.count, a.average, before.get(a.agent_id),
         _pickup_ok_pct(ctx, a.agent_id)]
        for a in sorted(now, key=lambda a: a.name(ctx.lang))
    ]  # fmt: skip
    agents = ReportTable(
        title=translate("calls", "Evaluation score per agent"),
        headers=[translate("calls", "Agent"), translate("calls", "Evaluations"),
                 translate("calls", "Mean score"), translate("calls", "Previous period"),
                 translate("calls", "Picked up in time (%)")],
        rows=agent_rows, number_formats={2: "0.0", 3: "0.0", 4: "0.0"},
        chart=ChartSpec("bar", translate("calls", "Mean score per agent"), 0, [2],
                        translate("calls", "Score (0–100)")),
        note=translate("calls", "Supervisor listening and mystery calls (C8.7); score 0–100 on "
                       "the weighted scorecard, criteria not applicable left out."),
    )  # fmt: skip
    current = criterion_stats(ctx.session, _measured(ctx.period.start, ctx.period.end))
    previous = {c.key: c.yes_pct for c in criterion_stats(
        ctx.session, _measured(ctx.previous.start, ctx.previous.end))}  # fmt: skip
    criteria = ReportTable(
        title=translate("calls", "Criteria met"),
        headers=[translate("calls", "Criterion"), translate("calls", "Met (%)"),
                 translate("calls", "Previous period (%)"), translate("calls", "Training topic")],
        rows=[[c.label(ctx.lang), c.yes_pct, previous.get(c.key), topic_label(c.training_topic)]
              for c in current],
        number_formats={1: "0.0", 2: "0.0"},
        note=translate("calls", "Weakest first: the training topic addresses each criterion."),
    )  # fmt: skip
    return ReportSection("quality", translate("calls", "Call quality"), [agents, criteria])


def _line_rows(report: TrafficReport, before: TrafficReport,
               missed: list[Missed]) -> list[list[CellValue]]:  # fmt: skip
    previous = {x.line_id: x for x in before.lines}
    owed: dict[int, list[int]] = {}  # line → [missed from callable numbers, reached in time]
    for m in missed:
        counts = owed.setdefault(m.line_id, [0, 0])
        counts[0] += 1
        counts[1] += m.delay_min is not None
    rows: list[list[CellValue]] = []
    for x in report.lines:
        p = previous.get(x.line_id)
        to_call, reached = owed.get(x.line_id, [0, 0])
        rows.append([display_number(x.number), x.label, x.offered, x.answered, x.busy, x.missed,
                     x.answered_pct, to_call, pct(reached, to_call),
                     x.ring_median, x.outside_hours, p.offered if p else None,
                     p.answered_pct if p else None])  # fmt: skip
    return rows


def bucket_labels(bounds: tuple[int, ...] = RING_BUCKETS) -> list[str]:
    """The buckets' names; the last bound is the pickup limit (C8.2): "N s or more" is late."""
    b = bounds
    labels = [translate("calls", "under {n} s").format(n=b[0])]
    for lo, hi in zip(b, b[1:], strict=False):
        labels.append(translate("calls", "{a}–{b} s").format(a=lo, b=hi))
    labels.append(translate("calls", "{n} s or more").format(n=b[-1]))
    return labels


def _hour_span(text: str) -> range:
    """The hours a plan's "08:00-17:00" covers; the whole day when unreadable or empty."""
    try:
        start, end = (part.strip() for part in text.replace("–", "-").split("-", 1))
        first, last = int(start.split(":")[0]), int(end.split(":")[0])
        minutes = int(end.split(":")[1]) if ":" in end else 0
    except (ValueError, IndexError):
        return range(24)
    last = last + 1 if minutes else last
    return range(max(first, 0), min(max(last, first + 1), 24))


def reinforcement_by_hour(ctx: SectionContext) -> dict[int, str]:
    """C8.4: the reinforcement plans of the period beside the peak hours they answer, so that a
    reader sees whether the busiest hours had extra lines or agents."""
    plans = ctx.session.execute(
        select(ReinforcementPlan.title, ReinforcementPlan.hours, ReinforcementPlan.extra_lines,
               ReinforcementPlan.extra_agents)
        .where(ReinforcementPlan.starts_on <= ctx.period.last_day,
               ReinforcementPlan.ends_on >= ctx.period.first_day)
        .order_by(ReinforcementPlan.starts_on, ReinforcementPlan.id)
    ).all()  # fmt: skip
    by_hour: dict[int, list[str]] = {}
    for title, hours, lines_, agents in plans:
        text = translate("calls", "{title} (+{lines} lines, +{agents} agents)").format(
            title=title, lines=lines_, agents=agents)  # fmt: skip
        for h in _hour_span(hours or ""):
            by_hour.setdefault(h, []).append(text)
    return {h: "; ".join(texts) for h, texts in by_hour.items()}


@report_section("traffic")
def traffic_section(ctx: SectionContext) -> ReportSection:
    report = traffic_in(ctx.session, ctx.period.start, ctx.period.end, cache=ctx.cache)
    before = traffic_in(ctx.session, ctx.previous.start, ctx.previous.end, cache=ctx.cache)
    missed = shared_fact(ctx.cache, "callbacks.missed", ctx.period, ctx.as_of, lambda: missed_in(
        ctx.session, ctx.period.start, ctx.period.end, ctx.settings))  # fmt: skip
    lines = ReportTable(
        title=translate("calls", "Inbound calls per line"),
        headers=[translate("calls", "Number"), translate("calls", "Line"),
                 translate("calls", "Offered"), translate("calls", "Answered"),
                 translate("calls", "Busy"), translate("calls", "Missed"),
                 translate("calls", "Answered (%)"),
                 translate("calls", "Missed, to call back"),
                 translate("calls", "Called back in time (%)"),
                 translate("calls", "Median seconds to answer"),
                 translate("calls", "Outside office hours"),
                 translate("calls", "Offered, previous period"),
                 translate("calls", "Answered (%), previous period")],
        rows=_line_rows(report, before, missed),
        number_formats={6: "0.0", 8: "0.0", 9: "0.0", 12: "0.0"},
        note=translate("calls", "From the PBX's call records; outgoing and internal calls are "
                       "left out. Lines losing the most calls first. Missed calls to call back "
                       "are those from a number that can be called back; called back in time: "
                       "the caller was reached within the reach window (C2.4). Callers' numbers "
                       "are not in the report (law 2004-63)."),
    )  # fmt: skip
    plans = reinforcement_by_hour(ctx)
    peak = ReportTable(
        title=translate("calls", "Calls per hour of the day"),
        headers=[translate("calls", "Hour"), translate("calls", "Calls"),
                 translate("calls", "Lost calls"),
                 translate("calls", "Reinforcement planned (C8.4)")],
        rows=[[f"{h:02d}:00", calls, lost, plans.get(h, "")]
              for h, calls, lost in report.hours()],
        chart=ChartSpec("column", translate("calls", "Peak hours (C8.4)"), 0, [1, 2],
                        translate("calls", "Calls")),
        note=translate("calls", "Reinforce the lines at the hours with the most calls and lost "
                       "calls (C8.4)."),
    )  # fmt: skip
    rings = ReportTable(
        title=translate("calls", "Time to answer"),
        headers=[translate("calls", "Waited"), translate("calls", "Answered calls")],
        rows=[[label, n] for label, n in zip(bucket_labels(report.ring_bounds),
                                              report.ring_buckets, strict=True)],
    )  # fmt: skip
    return ReportSection("traffic", translate("calls", "Call traffic"), [lines, peak, rings])


@action_list("agents_below_target")
def agents_below_target(ctx: SectionContext) -> ActionList:
    target = float(ctx.settings["target.evals_score_avg"])
    below = [a for a in agent_scores_in(ctx.session, ctx.period.start, ctx.period.end,
                                        MEASURED_METHODS)
             if a.average is not None and a.average < target]  # fmt: skip
    return ActionList(
        key="agents_below_target",
        title=translate("calls", "Agents below the score target"),
        count=len(below),
        items=[translate("calls", "{name}: {score} over {n} evaluations").format(
            name=a.name(ctx.lang), score=format_number(a.average, ctx.lang, 1), n=a.count)
            for a in below[:5]],
        page="evaluations",
        page_filter={"tab": "coaching", "below": target},
    )  # fmt: skip


@action_list("lines_losing_calls")
def lines_losing_calls(ctx: SectionContext) -> ActionList:
    target = float(ctx.settings["target.cdr_answered_pct"])
    report = traffic_in(ctx.session, ctx.period.start, ctx.period.end, cache=ctx.cache)
    losing = [x for x in report.lines if x.answered_pct is not None and x.answered_pct < target]
    return ActionList(
        key="lines_losing_calls",
        title=translate("calls", "Lines losing calls"),
        count=len(losing),
        items=[translate("calls", "{number}: {lost} of {offered} calls lost").format(
            number=display_number(x.number), lost=format_number(x.lost, ctx.lang),
            offered=format_number(x.offered, ctx.lang)) for x in losing[:5]],
        page="calls",
        page_filter={"period": ctx.period.text, "below": target},
    )  # fmt: skip


@action_list("callers_to_call_back")
def callers_to_call_back(ctx: SectionContext) -> ActionList:
    """Yesterday's callers not reached yet (C2.4): the supervisor's first job of the morning.
    The dashboard is read by roles that do not handle calls, so it shows when and which line,
    never the caller's number; the Calls page shows numbers to those who may see them."""
    day = yesterday_of(ctx.as_of)
    waiting = callers_in(ctx.session, day=day)
    return ActionList(
        key="callers_to_call_back",
        title=translate("calls", "Yesterday's callers to call back"),
        count=len(waiting),
        # The count after a colon: "1 appels sans réponse" needed a plural form per number.
        items=[translate("calls", "{time}, line {line}, unanswered calls: {n}").format(
            time=c.first.astimezone(TUNIS).strftime("%H:%M"), line=", ".join(c.lines),
            n=len(c.tries)) for c in waiting[:5]],
        page="calls",
        page_filter={"tab": "callbacks", "day": day.isoformat()},
    )  # fmt: skip
