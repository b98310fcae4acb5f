"""The requests sheet of the quarterly report and the dashboard's request to-do lists (C2.1, C8.7).

By month, channel, type and particular category (C8.6) with the previous period beside the current
one, the legal on-time rate (received + 48 h, C2.1) beside the body's internal target, the overdue
list, the notices overdue after their announced answer date, and the responses entered after the
fact; action lists: overdue, due soon, overdue after notice.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import datetime
from typing import Any

from sqlalchemy import and_, func, select
from sqlalchemy.orm import QueryableAttribute

from desktop_app.data.models import CitizenRequest
from desktop_app.data.models.requests import CHANNELS, TYPES
from desktop_app.i18n import translate
from desktop_app.services import deadlines, user_categories
from desktop_app.services import requests as requests_service
from desktop_app.services.kpis import shared_fact
from desktop_app.services.kpis.requests import (
    backdated_in,
    internal_on_time_pct,
    notice_overdue_query,
    received_in,
)
from desktop_app.services.periods import TUNIS, Period
from desktop_app.services.sections import (
    ActionList,
    CellValue,
    ChartSpec,
    ReportSection,
    ReportTable,
    SectionContext,
    action_list,
    isolate,
    month_label,
    report_section,
    short_period_label,
)

OVERDUE_LISTED = 500


def _received(
    ctx: SectionContext, period: Period, column: QueryableAttribute[str | None]
) -> Counter[str]:
    r = CitizenRequest
    rows = ctx.session.execute(
        select(column, func.count(r.id))
        .where(r.received_at >= period.start, r.received_at < period.end)
        .group_by(column)
    )
    return Counter({str(k or ""): int(n) for k, n in rows})


def _by(
    ctx: SectionContext,
    title: str,
    first_header: str,
    column: QueryableAttribute[str | None],
    keys: tuple[str, ...],
    label: Callable[[str], str],
) -> ReportTable:
    now, before = _received(ctx, ctx.period, column), _received(ctx, ctx.previous, column)
    rows: list[list[CellValue]] = [[label(k), now.get(k, 0), before.get(k, 0)] for k in keys]
    return ReportTable(
        title,
        [first_header, short_period_label(ctx.period), short_period_label(ctx.previous)],
        rows,
        chart=ChartSpec("bar", title, 0, [1, 2]),
    )


def _by_month(ctx: SectionContext) -> ReportTable:
    """The requests the req_* indicators read (shared when the report computed them first),
    counted per Tunis month against the legal deadline (C2.1), with the on-time rate under the
    body's internal target beside it, never instead of it."""
    months: dict[tuple[int, int], list[int]] = {}
    by_month: dict[tuple[int, int], list[Any]] = {}
    facts = received_in(ctx.session, ctx.period, ctx.as_of, ctx.settings, ctx.cache)
    for f in facts:
        local = f.received_at.astimezone(TUNIS)
        by_month.setdefault((local.year, local.month), []).append(f)
        counts = months.setdefault((local.year, local.month), [0, 0, 0])
        counts[0] += 1
        # first_at is the first response as far as as_of knows (None when later or none)
        if f.first_at is not None:
            counts[1 if f.first_at <= f.deadline else 2] += 1
        elif f.deadline <= ctx.as_of:
            counts[2] += 1
    table_rows: list[list[CellValue]] = []
    for year, month in sorted(months):
        total, on_time, late = months[(year, month)]
        share = round(100 * on_time / (on_time + late), 1) if on_time + late else None
        internal = internal_on_time_pct(by_month[(year, month)], ctx.as_of)
        table_rows.append([month_label(year, month), total, on_time, late, share, internal])
    all_on_time = sum(m[1] for m in months.values())
    all_judged = all_on_time + sum(m[2] for m in months.values())
    if table_rows:
        table_rows.append([
            translate("requests_report", "Whole period"), len(facts), all_on_time,
            all_judged - all_on_time,
            round(100 * all_on_time / all_judged, 1) if all_judged else None,
            internal_on_time_pct(facts, ctx.as_of),
        ])  # fmt: skip
    return ReportTable(
        translate("requests_report", "Requests by month"),
        [
            translate("requests_report", "Month"),
            translate("requests_report", "Received"),
            translate("requests_report", "Answered in time"),
            translate("requests_report", "Late or unanswered"),
            translate("requests_report", "% in time (legal, 48 h)"),
            translate("requests_report", "% in time (internal target)"),
        ],
        table_rows,
        number_formats={4: "0.0", 5: "0.0"},
        chart=ChartSpec("column", translate("requests_report", "Requests by month"), 0, [2, 3]),
        note=deadlines.clock_description(ctx.settings),
    )


def _overdue(ctx: SectionContext) -> ReportTable:
    r = CitizenRequest
    end = min(ctx.period.end, ctx.as_of)  # as the indicator: not "overdue" on a day still to come
    rows = ctx.session.execute(
        select(r.reference, r.received_at, r.channel, r.type, r.subject, r.first_response_at)
        .where(
            r.received_at < end,
            r.deadline_at < end,
            (r.first_response_at.is_(None)) | (r.first_response_at >= end),
        )
        .order_by(r.received_at)
        .limit(OVERDUE_LISTED)
    )
    return ReportTable(
        translate("requests_report", "Requests overdue at the end of the period"),
        [
            translate("requests_report", "Reference"),
            translate("requests_report", "Received"),
            translate("requests_report", "Channel"),
            translate("requests_report", "Type"),
            translate("requests_report", "Subject"),
            translate("requests_report", "First response"),
        ],
        [
            [
                ref,
                rec,
                requests_service.channel_label(ch),
                requests_service.type_label(ty),
                sub,
                first,
            ]
            for ref, rec, ch, ty, sub, first in rows
        ],
        number_formats={1: "dd/mm/yyyy hh:mm", 5: "dd/mm/yyyy hh:mm"},
        note=translate(
            "requests_report", "No answer and no notice to the sender before the deadline (C2.1)."
        ),
    )


def _notices_overdue(ctx: SectionContext) -> ReportTable:
    """C2.1: a notice announces an answer date; those past it without an answer are listed."""
    end = min(ctx.period.end, ctx.as_of)
    rows = ctx.session.execute(notice_overdue_query(end).limit(OVERDUE_LISTED))
    return ReportTable(
        translate("requests_report", "Notices overdue after their announced answer date"),
        [
            translate("requests_report", "Reference"),
            translate("requests_report", "Received"),
            translate("requests_report", "Notice"),
            translate("requests_report", "Reason"),
            translate("requests_report", "Answer announced for"),
            translate("requests_report", "Subject"),
        ],
        [
            [ref, rec, notice, requests_service.notice_reason_label(reason), by, sub]
            for ref, rec, notice, reason, by, sub in rows
        ],
        number_formats={1: "dd/mm/yyyy hh:mm", 2: "dd/mm/yyyy hh:mm", 4: "dd/mm/yyyy hh:mm"},
        note=translate(
            "requests_report",
            "The sender was told the answer needed documents to consult or coordination with other "
            "bodies, and no answer came by the date announced (C2.1).",
        ),
    )


def _backdated(ctx: SectionContext) -> ReportTable:
    """C2.1: responses entered more than 15 minutes after the time they are dated (req_backdated),
    with who entered them and why, so a late answer cannot quietly look on time."""
    rows = shared_fact(
        ctx.cache, "requests.backdated", ctx.period, ctx.as_of,
        lambda: backdated_in(ctx.session, ctx.period.start, ctx.period.end, ctx.as_of),
    )  # fmt: skip
    return ReportTable(
        translate("requests_report", "Responses entered after the fact"),
        [
            translate("requests_report", "Reference"),
            translate("requests_report", "Received"),
            translate("requests_report", "Response"),
            translate("requests_report", "Dated"),
            translate("requests_report", "Entered on"),
            translate("requests_report", "By"),
            translate("requests_report", "Reason given"),
        ],
        [
            [ref, rec, requests_service.event_label(kind), at, recorded, who, reason]
            for ref, rec, kind, at, recorded, who, reason in rows[:OVERDUE_LISTED]
        ],
        number_formats={1: "dd/mm/yyyy hh:mm", 3: "dd/mm/yyyy hh:mm", 4: "dd/mm/yyyy hh:mm"},
        note=translate(
            "requests_report",
            "First responses entered in Istiqbal more than 15 minutes after the time they are "
            "dated; rows imported from a register are not listed.",
        ),
    )


@report_section("requests")
def requests_section(ctx: SectionContext) -> ReportSection:
    r = CitizenRequest
    return ReportSection(
        "requests",
        translate("requests_report", "Citizen requests"),
        [
            _by_month(ctx),
            _by(
                ctx,
                translate("requests_report", "By channel"),
                translate("requests_report", "Channel"),
                r.channel,
                CHANNELS,
                requests_service.channel_label,
            ),
            _by(
                ctx,
                translate("requests_report", "By type"),
                translate("requests_report", "Type"),
                r.type,
                TYPES,
                requests_service.type_label,
            ),
            _by(
                ctx,
                translate("requests_report", "Particular categories of users (C8.6)"),
                translate("requests_report", "Category"),
                r.category,
                # C8.6: the body's list, inactive categories too (past requests keep counting)
                tuple(user_categories.codes(ctx.session)),
                requests_service.category_label,
            ),
            _overdue(ctx),
            _notices_overdue(ctx),
            _backdated(ctx),
            _channel_table(ctx),
        ],
    )


def _channel_table(ctx: SectionContext) -> ReportTable:
    from desktop_app.services.sections.mail import channel_table  # received, on time, median

    return channel_table(ctx)


def _waiting_list(ctx: SectionContext, state: str, title: str) -> ActionList:
    warning = float(ctx.settings.get("warning_hours", 12))
    now: datetime = ctx.as_of
    r = CitizenRequest
    condition = requests_service.state_condition(state, now, warning)
    count = ctx.session.scalar(select(func.count(r.id)).where(condition)) or 0
    first = ctx.session.execute(
        select(r.reference, r.subject, r.deadline_at)
        .where(and_(condition))
        .order_by(r.deadline_at)
        .limit(5)
    )
    items = [
        translate("requests_report", "{ref} — {subject} (deadline {when})").format(
            ref=ref,
            subject=isolate(subject),
            when=deadline.astimezone(TUNIS).strftime("%d/%m/%Y %H:%M"),
        )
        for ref, subject, deadline in first
    ]
    return ActionList(f"requests_{state}", title, int(count), items, "requests", {"state": state})


@action_list("requests_overdue")
def overdue_list(ctx: SectionContext) -> ActionList:
    return _waiting_list(ctx, "overdue", translate("requests_report", "Requests overdue"))


@action_list("requests_notice_overdue")
def notice_overdue_list(ctx: SectionContext) -> ActionList:
    """C2.1: notices whose announced answer date has passed without an answer."""
    r = CitizenRequest
    condition = requests_service.notice_overdue_condition(ctx.as_of)
    count = ctx.session.scalar(select(func.count(r.id)).where(condition)) or 0
    first = ctx.session.execute(
        select(r.reference, r.subject, r.notice_answer_by)
        .where(condition)
        .order_by(r.notice_answer_by)
        .limit(5)
    )
    items = [
        translate("requests_report", "{ref} — {subject} (answer announced for {when})").format(
            ref=ref,
            subject=isolate(subject),
            when=by.astimezone(TUNIS).strftime("%d/%m/%Y %H:%M") if by else "",
        )
        for ref, subject, by in first
    ]
    return ActionList(
        "requests_notice_overdue",
        translate("requests_report", "Requests overdue after notice"),
        int(count),
        items,
        "requests",
        {"state": "notice_overdue"},
    )


@action_list("requests_due_soon")
def due_soon_list(ctx: SectionContext) -> ActionList:
    return _waiting_list(ctx, "due_soon", translate("requests_report", "Requests due soon"))
