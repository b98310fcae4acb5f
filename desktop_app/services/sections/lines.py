"""The phone lines' sheet of the quarterly report and their dashboard to-do lists (C8.1, C8.4,
C2.4, C8.7): inventory status, checks, faults, forwarding; lines to check, faults, maintenance."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy import func, or_, select

from desktop_app.data.models import (
    Agent,
    LineCheck,
    LineFault,
    LineForwarding,
    LineMaintenance,
    PhoneLine,
)
from desktop_app.i18n import translate
from desktop_app.services import phones
from desktop_app.services.kpi_labels import labels as kpi_labels
from desktop_app.services.kpis import compute_in
from desktop_app.services.lines import (
    KINDS,
    RESULTS,
    WORKING_RESULTS,
    kind_label,
    result_label,
)
from desktop_app.services.periods import TUNIS, local_date
from desktop_app.services.sections import (
    ActionList,
    CellValue,
    ChartSpec,
    ReportSection,
    ReportTable,
    SectionContext,
    action_list,
    isolate,
    report_section,
)

LINE_KPIS = (
    "lines_active",
    "lines_checked_pct",
    "lines_working_pct",
    "lines_on_website_pct",
    "faults_reported",
    "faults_open_end",
    "fault_repair_mean_h",
)
FIRST_ITEMS = 5
MAX_ROWS = 500


def _line_text(number: str, label: str) -> str:
    shown = "\u2066" + phones.display_number(number) + "\u2069"
    return f"{shown} — {isolate(label)}" if label else shown


def _indicators(ctx: SectionContext) -> ReportTable:
    now = compute_in(ctx.session, ctx.period, ctx.as_of, LINE_KPIS)
    before = compute_in(ctx.session, ctx.previous, ctx.as_of, LINE_KPIS)
    names = kpi_labels()
    return ReportTable(
        translate("sections_lines", "Indicators"),
        [
            translate("sections_lines", "Indicator"),
            translate("sections_lines", "This period"),
            translate("sections_lines", "Previous period"),
        ],
        [[names.get(k, k), now[k], before[k]] for k in LINE_KPIS],
        number_formats={1: "0.0", 2: "0.0"},
    )


def _inventory(ctx: SectionContext) -> ReportTable:
    s = ctx.session
    active = or_(PhoneLine.retired_at.is_(None), PhoneLine.retired_at >= ctx.period.end)
    checked = (
        select(LineCheck.id)
        .where(
            LineCheck.line_id == PhoneLine.id,
            LineCheck.at >= ctx.period.start,
            LineCheck.at < ctx.period.end,
        )
        .exists()
    )
    counts = dict(
        s.execute(
            select(PhoneLine.kind, func.count(PhoneLine.id)).where(active).group_by(PhoneLine.kind)
        ).all()
    )
    checked_counts = dict(
        s.execute(
            select(PhoneLine.kind, func.count(PhoneLine.id))
            .where(active, checked)
            .group_by(PhoneLine.kind)
        ).all()
    )
    web = dict(
        s.execute(
            select(PhoneLine.kind, func.count(PhoneLine.id))
            .where(active, PhoneLine.on_website.is_(True))
            .group_by(PhoneLine.kind)
        ).all()
    )
    rows: list[list[CellValue]] = [
        [kind_label(k), counts.get(k, 0), checked_counts.get(k, 0), web.get(k, 0)]
        for k in KINDS
        if counts.get(k)
    ]
    rows.append(
        [
            translate("sections_lines", "Total"),
            sum(counts.values()),
            sum(checked_counts.values()),
            sum(web.values()),
        ]
    )
    return ReportTable(
        translate("sections_lines", "Inventory at the end of the period"),
        [
            translate("sections_lines", "Kind of line"),
            translate("sections_lines", "Lines"),
            translate("sections_lines", "Checked in the period"),
            translate("sections_lines", "Published on the website"),
        ],
        rows,
        chart=ChartSpec(
            "bar", translate("sections_lines", "Lines checked by kind"), 0, [1, 2], total_row=True
        ),  # fmt: skip
    )


def _checks(ctx: SectionContext) -> ReportTable:
    counts = dict(
        ctx.session.execute(
            select(LineCheck.result, func.count(LineCheck.id))
            .where(LineCheck.at >= ctx.period.start, LineCheck.at < ctx.period.end)
            .group_by(LineCheck.result)
        ).all()
    )
    return ReportTable(
        translate("sections_lines", "Test calls in the period, by result"),
        [translate("sections_lines", "Result"), translate("sections_lines", "Checks")],
        [[result_label(r), int(counts.get(r, 0))] for r in RESULTS],
        chart=ChartSpec("pie", translate("sections_lines", "Results of the test calls"), 0, [1]),
    )


def _faults(ctx: SectionContext) -> ReportTable:
    stmt = (
        select(LineFault, PhoneLine)
        .join(PhoneLine, PhoneLine.id == LineFault.line_id)
        .where(
            LineFault.reported_at < ctx.period.end,
            or_(LineFault.repaired_at.is_(None), LineFault.repaired_at >= ctx.period.start),
        )
        .order_by(LineFault.reported_at)
        .limit(MAX_ROWS)
    )
    rows: list[list[CellValue]] = []
    for f, line in ctx.session.execute(stmt):
        end = f.repaired_at if f.repaired_at and f.repaired_at < ctx.period.end else None
        hours = round((end - f.reported_at).total_seconds() / 3600, 1) if end else None
        rows.append(
            [
                _line_text(line.number, line.label),
                f.reported_at,
                f.symptom,
                f.ticket_ref,
                end,
                hours,
            ]
        )
    return ReportTable(
        translate("sections_lines", "Faults reported or still open in the period"),
        [
            translate("sections_lines", "Line"),
            translate("sections_lines", "Reported"),
            translate("sections_lines", "Symptom"),
            translate("sections_lines", "Operator ticket"),
            translate("sections_lines", "Repaired"),
            translate("sections_lines", "Hours to repair"),
        ],
        rows,
        number_formats={1: "dd/mm/yyyy hh:mm", 4: "dd/mm/yyyy hh:mm", 5: "0.0"},
        note=translate(
            "sections_lines",
            "A fault without a repair date was still open at the end of the period.",
        ),
    )


def _forwardings(ctx: SectionContext) -> ReportTable:
    stmt = (
        select(LineForwarding, PhoneLine, Agent)
        .join(PhoneLine, PhoneLine.id == LineForwarding.line_id)
        .join(Agent, Agent.id == LineForwarding.agent_id)
        .where(LineForwarding.starts_at < ctx.period.end, LineForwarding.ends_at > ctx.period.start)
        .order_by(LineForwarding.starts_at)
        .limit(MAX_ROWS)
    )
    rows: list[list[CellValue]] = []
    for f, line, agent in ctx.session.execute(stmt):
        name = (
            (agent.name_ar or agent.name_fr)
            if ctx.lang == "ar"
            else (agent.name_fr or agent.name_ar)
        )
        rows.append(
            [
                _line_text(line.number, line.label),
                name,
                phones.display_number(f.target_number),
                f.starts_at,
                f.ends_at,
            ]
        )
    return ReportTable(
        translate("sections_lines", "Lines forwarded to an agent's phone (C2.4)"),
        [
            translate("sections_lines", "Line"),
            translate("sections_lines", "Agent"),
            translate("sections_lines", "Forwarded to"),
            translate("sections_lines", "From"),
            translate("sections_lines", "Until"),
        ],
        rows,
        number_formats={3: "dd/mm/yyyy hh:mm", 4: "dd/mm/yyyy hh:mm"},
    )


@report_section("lines")
def lines_section(ctx: SectionContext) -> ReportSection:
    return ReportSection(
        "lines",
        translate("sections_lines", "Phone lines"),
        [
            _indicators(ctx),
            _publication(ctx),
            _inventory(ctx),
            _checks(ctx),
            _faults(ctx),
            _forwardings(ctx),
        ],  # fmt: skip
    )


def publication_channels() -> list[tuple[str, Any, str]]:
    """C8.1's means of making numbers known: the website, letters, posters, documents."""
    return [
        ("website", PhoneLine.on_website, translate("sections_lines", "Website")),
        ("letters", PhoneLine.on_letters, translate("sections_lines", "Letters to citizens")),
        ("posters", PhoneLine.on_posters, translate("sections_lines", "Posters")),
        ("documents", PhoneLine.on_documents,
         translate("sections_lines", "Forms and administrative documents")),
    ]  # fmt: skip


def _publication(ctx: SectionContext) -> ReportTable:
    """C8.1 «التعريف بها بكل الوسائل»: letters, posters and documents measured like the website,
    as a share of the active lines at the end of the period."""
    end = min(ctx.period.end, ctx.as_of)
    active = (
        PhoneLine.created_at < end,
        or_(PhoneLine.retired_at.is_(None), PhoneLine.retired_at >= end),
    )
    total = int(ctx.session.scalar(select(func.count(PhoneLine.id)).where(*active)) or 0)
    rows: list[list[CellValue]] = []
    for _key, column, label in publication_channels():
        n = int(ctx.session.scalar(
            select(func.count(PhoneLine.id)).where(*active, column.is_(True))) or 0)  # fmt: skip
        rows.append([label, n, round(100.0 * n / total, 1) if total else None])
    return ReportTable(
        translate("sections_lines", "Numbers published, by channel (C8.1)"),
        [
            translate("sections_lines", "Channel"),
            translate("sections_lines", "Active lines published"),
            translate("sections_lines", "Share of active lines (%)"),
        ],
        rows,
        number_formats={2: "0.0"},
    )


@action_list("lines_stale_publication")
def lines_stale_publication(ctx: SectionContext) -> ActionList:
    """C8.1 «العمل على تحيينها»: a retired or out-of-service line still marked as published on
    the website, letters, posters or documents, listed until the publication is withdrawn."""
    published = or_(*(column.is_(True) for _k, column, _l in publication_channels()))
    where = (PhoneLine.status.in_(("retired", "out_of_service")), published)
    count = int(ctx.session.scalar(select(func.count(PhoneLine.id)).where(*where)) or 0)
    first = ctx.session.execute(
        select(PhoneLine.number, PhoneLine.label).where(*where).order_by(PhoneLine.id)
        .limit(FIRST_ITEMS)
    ).all()  # fmt: skip
    return ActionList(
        "lines_stale_publication",
        translate("sections_lines", "Retired lines still published"),
        count,
        [_line_text(n, label) for n, label in first],
        "lines",
        {"status": "retired"},
    )


@action_list("lines_check_failed")
def lines_check_failed(ctx: SectionContext) -> ActionList:
    """C8.4: lines in use whose latest check found them not working."""
    where = (
        PhoneLine.status != "retired",
        PhoneLine.last_check_result.is_not(None),
        PhoneLine.last_check_result.not_in(sorted(WORKING_RESULTS)),
    )
    count = int(ctx.session.scalar(select(func.count(PhoneLine.id)).where(*where)) or 0)
    first = ctx.session.execute(
        select(PhoneLine.number, PhoneLine.label, PhoneLine.last_check_result).where(*where)
        .order_by(PhoneLine.last_checked_at.desc(), PhoneLine.id).limit(FIRST_ITEMS)
    ).all()  # fmt: skip
    return ActionList(
        "lines_check_failed",
        translate("sections_lines", "Lines whose latest check failed"),
        count,
        [f"{_line_text(n, label)} ({result_label(r or '')})" for n, label, r in first],
        "lines",
        {},
    )


@action_list("lines_unchecked")
def lines_unchecked(ctx: SectionContext) -> ActionList:
    """C8.1: lines not checked within check_interval_days, the longest unchecked first."""
    days = int(ctx.settings["check_interval_days"])
    where = (
        PhoneLine.status != "retired",
        or_(
            PhoneLine.last_checked_at.is_(None),
            PhoneLine.last_checked_at < ctx.as_of - timedelta(days=days),
        ),
    )
    count = int(ctx.session.scalar(select(func.count(PhoneLine.id)).where(*where)) or 0)
    first = ctx.session.execute(
        select(PhoneLine.number, PhoneLine.label)
        .where(*where)
        .order_by(PhoneLine.last_checked_at.is_not(None), PhoneLine.last_checked_at, PhoneLine.id)
        .limit(FIRST_ITEMS)
    ).all()
    return ActionList(
        "lines_unchecked",
        translate("sections_lines", "Lines not checked for %n d", None, days),
        count,
        [_line_text(n, label) for n, label in first],
        "lines",
        {"due": True},
    )


@action_list("lines_faults_open")
def lines_faults_open(ctx: SectionContext) -> ActionList:
    """C8.4: faults not yet repaired, the oldest first, with their age in days."""
    where = (LineFault.repaired_at.is_(None),)
    count = int(ctx.session.scalar(select(func.count(LineFault.id)).where(*where)) or 0)
    first = ctx.session.execute(
        select(PhoneLine.number, PhoneLine.label, LineFault.reported_at)
        .join(PhoneLine, PhoneLine.id == LineFault.line_id)
        .where(*where)
        .order_by(LineFault.reported_at)
        .limit(FIRST_ITEMS)
    ).all()
    items = [
        translate(
            "sections_lines", "{line} (open for %n d)", None, max(0, (ctx.as_of - at).days)
        ).format(line=_line_text(n, label))
        for n, label, at in first
    ]
    return ActionList(
        "lines_faults_open",
        translate("sections_lines", "Line faults not repaired"),
        count,
        items,
        "lines",
        {"tab": "faults", "open_only": True},
    )


@action_list("lines_maintenance_overdue")
def lines_maintenance_overdue(ctx: SectionContext) -> ActionList:
    """C8.4: maintenance tasks whose due date has passed."""
    today = local_date(ctx.as_of)
    where = (LineMaintenance.next_due < today, PhoneLine.status != "retired")
    base = select(LineMaintenance.id).join(PhoneLine, PhoneLine.id == LineMaintenance.line_id)
    count = int(
        ctx.session.scalar(select(func.count()).select_from(base.where(*where).subquery())) or 0
    )
    first = ctx.session.execute(
        select(PhoneLine.number, PhoneLine.label, LineMaintenance.task, LineMaintenance.next_due)
        .join(PhoneLine, PhoneLine.id == LineMaintenance.line_id)
        .where(*where)
        .order_by(LineMaintenance.next_due)
        .limit(FIRST_ITEMS)
    ).all()
    items = [
        translate("sections_lines", "{task} — {line}, due {date}").format(
            task=isolate(task), line=_line_text(n, label), date=due.strftime("%d/%m/%Y")
        )
        for n, label, task, due in first
    ]
    return ActionList(
        "lines_maintenance_overdue",
        translate("sections_lines", "Line maintenance overdue"),
        count,
        items,
        "lines",
        {"tab": "maintenance", "overdue_only": True},
    )


@action_list("lines_forwarded_now")
def lines_forwarded_now(ctx: SectionContext) -> ActionList:
    """C2.4: who answers each forwarded line right now — line → agent → number, until when."""
    where = (LineForwarding.starts_at <= ctx.as_of, LineForwarding.ends_at > ctx.as_of)
    count = int(ctx.session.scalar(select(func.count(LineForwarding.id)).where(*where)) or 0)
    first = ctx.session.execute(
        select(PhoneLine.number, PhoneLine.label, Agent, LineForwarding)
        .join(PhoneLine, PhoneLine.id == LineForwarding.line_id)
        .join(Agent, Agent.id == LineForwarding.agent_id)
        .where(*where)
        .order_by(LineForwarding.ends_at, LineForwarding.id)
        .limit(FIRST_ITEMS)
    ).all()
    items = []
    for number, label, agent, f in first:
        name = (
            (agent.name_ar or agent.name_fr)
            if ctx.lang == "ar"
            else (agent.name_fr or agent.name_ar)
        )
        items.append(
            translate("sections_lines", "{line} → {agent}, {target}, until {until}").format(
                line=_line_text(number, label),
                agent=isolate(name),
                target="\u2066" + phones.display_number(f.target_number) + "\u2069",
                until="\u2066" + f.ends_at.astimezone(TUNIS).strftime("%d/%m/%Y %H:%M") + "\u2069",
            )
        )
    return ActionList(
        "lines_forwarded_now",
        translate("sections_lines", "Lines forwarded now"),
        count,
        items,
        "lines",
        {"tab": "forwarding"},
    )
