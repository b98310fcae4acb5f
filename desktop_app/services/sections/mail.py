"""The e-mail channel in the quarterly report and on the dashboard (C2.1, C8.7): the per-channel
table of the requests sheet (received, on time, median first response), the mailboxes' health
(probes, fetches, failed sendings), and the to-do lists of unproven addresses and failed mail."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select

from desktop_app.data.models import Mailbox, MailFetchState, MailProbe, MailSending
from desktop_app.data.models.requests import CHANNELS
from desktop_app.i18n import translate
from desktop_app.services import requests as requests_service
from desktop_app.services.kpis import median, pct
from desktop_app.services.kpis.requests import received_in
from desktop_app.services.mail.probes import PROVEN_FOR
from desktop_app.services.periods import TUNIS
from desktop_app.services.sections import (
    ActionList,
    CellValue,
    ReportSection,
    ReportTable,
    SectionContext,
    action_list,
    isolate,
    report_section,
)


def channel_table(ctx: SectionContext) -> ReportTable:
    """Per channel: received, on time (%) against the 48-hour deadline, median first response."""
    facts = received_in(ctx.session, ctx.period, ctx.as_of, ctx.settings, ctx.cache)
    rows: list[list[CellValue]] = []
    for channel in CHANNELS:
        mine = [f for f in facts if f.channel == channel]
        if not mine:
            continue
        assessable = [f for f in mine if f.first_at is not None or f.deadline <= ctx.as_of]
        on_time = sum(1 for f in assessable if f.first_at is not None and f.first_at <= f.deadline)
        hours = [(f.first_at - f.received_at).total_seconds() / 3600 for f in mine if f.first_at]
        middle = median(hours)
        rows.append([requests_service.channel_label(channel), len(mine),
                     pct(on_time, len(assessable)),
                     round(middle, 1) if middle is not None else None])  # fmt: skip
    return ReportTable(
        translate("mail_report", "Received, on time and first response by channel"),
        [translate("mail_report", "Channel"), translate("mail_report", "Received"),
         translate("mail_report", "On time (%)"),
         translate("mail_report", "Median hours to first response")],
        rows, number_formats={2: "0.0", 3: "0.0"},
    )  # fmt: skip


def _when(moment: object) -> str:

    return (
        moment.astimezone(TUNIS).strftime("%d/%m/%Y %H:%M") if isinstance(moment, datetime) else ""
    )


@report_section("mail")
def mail_section(ctx: SectionContext) -> ReportSection:
    s = ctx.session
    rows: list[list[CellValue]] = []
    for box in s.scalars(select(Mailbox).order_by(Mailbox.address)):
        probe = s.scalar(select(MailProbe).where(MailProbe.address == box.address,
                                                 MailProbe.sent_at < ctx.period.end)
                         .order_by(MailProbe.sent_at.desc()).limit(1))  # fmt: skip
        fetch = s.scalar(select(MailFetchState).where(MailFetchState.mailbox_id == box.id)
                         .order_by(MailFetchState.last_fetch_at.desc()).limit(1))  # fmt: skip
        failed = s.scalar(select(func.count(MailSending.id)).where(
            MailSending.mailbox_id == box.id, MailSending.status == "failed")) or 0  # fmt: skip
        probe_text = (
            translate("mail_report", "arrived")
            if probe is not None and probe.status == "arrived"
            else (probe.error if probe is not None else translate("mail_report", "never probed"))
        )
        rows.append([
            box.address, box.published_on.replace(",", ", "),
            _when(probe.sent_at) if probe else "", probe_text,
            _when(fetch.last_fetch_at) if fetch else "", fetch.last_outcome if fetch else "",
            int(failed),
        ])  # fmt: skip
    table = ReportTable(
        translate("mail_report", "Published mailboxes (C2.1)"),
        [translate("mail_report", "Address"), translate("mail_report", "Published on"),
         translate("mail_report", "Last probe"), translate("mail_report", "Probe result"),
         translate("mail_report", "Last fetch"), translate("mail_report", "Fetch outcome"),
         translate("mail_report", "Failed sendings")],
        rows,
        note=translate("mail_report", "Every published address must be proven to receive mail "
                       "(circular 2/2020); a probe older than 30 days no longer proves it."),
    )  # fmt: skip
    return ReportSection("mail", translate("mail_report", "E-mail channel"), [table])


@action_list("mail_unproven")
def unproven_list(ctx: SectionContext) -> ActionList:
    items: list[str] = []
    for box in ctx.session.scalars(select(Mailbox).where(Mailbox.active)):
        if not box.published_on:
            continue
        probe = ctx.session.scalar(select(MailProbe).where(MailProbe.address == box.address)
                                   .order_by(MailProbe.sent_at.desc()).limit(1))  # fmt: skip
        if probe is None or probe.status != "arrived":
            items.append(translate("mail_report", "{address}: not proven").format(
                address=isolate(box.address)))  # fmt: skip
        elif probe.sent_at < ctx.as_of - PROVEN_FOR:
            items.append(translate("mail_report", "{address}: last proven {when}").format(
                address=isolate(box.address), when=_when(probe.sent_at)))  # fmt: skip
    title = translate("mail_report", "Published addresses not proven in 30 days")
    return ActionList("mail_unproven", title, len(items), items[:5], "settings")


@action_list("mail_failed")
def failed_list(ctx: SectionContext) -> ActionList:
    from desktop_app.data.models import CitizenRequest

    rows = ctx.session.execute(
        select(CitizenRequest.reference, MailSending.to_address, MailSending.error)
        .join(CitizenRequest, CitizenRequest.id == MailSending.request_id)
        .where(MailSending.status == "failed").order_by(MailSending.id)
    ).all()  # fmt: skip
    line = translate("mail_report", "{ref} — to {address}: {error}")
    items = [
        line.format(ref=ref, address=isolate(address), error=isolate(error[:80]))
        for ref, address, error in rows
    ]
    return ActionList("mail_failed", translate("mail_report", "E-mails not sent (retried)"),
                      len(items), items[:5], "requests")  # fmt: skip
