"""The report's "quality" and "traffic" sheets and their dashboard to-do lists (C8.4, C8.7).

quality: the score per agent and the share of each criterion met, beside the previous period;
traffic: calls offered, answered and lost per line, the peak-hour table with a native chart, and
the time-to-answer distribution. Action lists: agents below the score target, lines losing calls.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ColumnElement, and_, func, select

from desktop_app.data.models import Evaluation
from desktop_app.i18n import translate
from desktop_app.services.evaluations import MEASURED_METHODS, agent_scores_in, criterion_stats
from desktop_app.services.numbers import format_number
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
    limit = int(ctx.settings["pickup_seconds"])
    base = and_(_measured(ctx.period.start, ctx.period.end), Evaluation.agent_id == agent_id)
    total = ctx.session.scalar(select(func.count(Evaluation.id)).where(base)) or 0
    ok = ctx.session.scalar(select(func.count(Evaluation.id)).where(
        base, Evaluation.answered.is_(True), Evaluation.pickup_seconds <= limit)) or 0  # fmt: skip
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


def _line_rows(report: TrafficReport, before: TrafficReport) -> list[list[CellValue]]:
    previous = {x.line_id: x for x in before.lines}
    rows: list[list[CellValue]] = []
    for x in report.lines:
        p = previous.get(x.line_id)
        rows.append([display_number(x.number), x.label, x.offered, x.answered, x.busy, x.missed,
                     x.answered_pct,
                     x.ring_median, x.outside_hours, p.offered if p else None,
                     p.answered_pct if p else None])  # fmt: skip
    return rows


def bucket_labels() -> list[str]:
    b = RING_BUCKETS
    labels = [translate("calls", "under {n} s").format(n=b[0])]
    for lo, hi in zip(b, b[1:], strict=False):
        labels.append(translate("calls", "{a}–{b} s").format(a=lo, b=hi))
    labels.append(translate("calls", "{n} s or more").format(n=b[-1]))
    return labels


@report_section("traffic")
def traffic_section(ctx: SectionContext) -> ReportSection:
    report = traffic_in(ctx.session, ctx.period.start, ctx.period.end, cache=ctx.cache)
    before = traffic_in(ctx.session, ctx.previous.start, ctx.previous.end, cache=ctx.cache)
    lines = ReportTable(
        title=translate("calls", "Inbound calls per line"),
        headers=[translate("calls", "Number"), translate("calls", "Line"),
                 translate("calls", "Offered"), translate("calls", "Answered"),
                 translate("calls", "Busy"), translate("calls", "Missed"),
                 translate("calls", "Answered (%)"), translate("calls", "Median seconds to answer"),
                 translate("calls", "Outside office hours"),
                 translate("calls", "Offered, previous period"),
                 translate("calls", "Answered (%), previous period")],
        rows=_line_rows(report, before),
        number_formats={6: "0.0", 7: "0.0", 10: "0.0"},
        note=translate("calls", "From the PBX's call records; outgoing and internal calls are "
                       "left out. Lines losing the most calls first."),
    )  # fmt: skip
    peak = ReportTable(
        title=translate("calls", "Calls per hour of the day"),
        headers=[translate("calls", "Hour"), translate("calls", "Calls"),
                 translate("calls", "Lost calls")],
        rows=[[f"{h:02d}:00", calls, lost] for h, calls, lost in report.hours()],
        chart=ChartSpec("column", translate("calls", "Peak hours (C8.4)"), 0, [1, 2],
                        translate("calls", "Calls")),
        note=translate("calls", "Reinforce the lines at the hours with the most calls and lost "
                       "calls (C8.4)."),
    )  # fmt: skip
    rings = ReportTable(
        title=translate("calls", "Time to answer"),
        headers=[translate("calls", "Waited"), translate("calls", "Answered calls")],
        rows=[[label, n] for label, n in zip(bucket_labels(), report.ring_buckets, strict=True)],
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
