"""Mail to citizens (C2.1, C2.3): what is sent, from which mailbox, in which thread, and when it
counts. A notice or answer counts as the response only at the moment the SMTP server accepted it
(mark_sent); a sending that failed stays visible on the request, is retried, and never counts.
An acknowledgement of receipt is never a first response (CONTRACTS §3)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from email.utils import make_msgid
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from desktop_app.data.db import Database
from desktop_app.data.models import CitizenRequest, Mailbox, MailMessage, MailSending, RequestEvent
from desktop_app.data.types import utcnow
from desktop_app.i18n import translate
from desktop_app.services import audit
from desktop_app.services import requests as requests_service
from desktop_app.services import settings as settings_service
from desktop_app.services.errors import UserError
from desktop_app.services.mail import templates
from desktop_app.services.periods import TUNIS
from desktop_app.services.permissions import Actor, Perm

RETRY_AFTER = (timedelta(minutes=5), timedelta(minutes=30), timedelta(hours=2))


@dataclass(frozen=True)
class Sending:
    id: int
    request_id: int | None
    mailbox_id: int | None
    kind: str
    status: str
    to_address: str
    subject: str
    body: str
    message_id: str
    in_reply_to: str
    references: tuple[str, ...]
    error: str
    attempts: int
    sent_at: datetime | None
    notice_reason: str = ""
    notice_detail: str = ""
    notice_answer_by: date | None = None


def _to_sending(row: MailSending) -> Sending:
    return Sending(row.id, row.request_id, row.mailbox_id, row.kind, row.status, row.to_address,
                   row.subject, row.body, row.message_id, row.in_reply_to,
                   tuple(row.references.split()), row.error, row.attempts,
                   row.sent_at, row.notice_reason, row.notice_detail,
                   row.notice_answer_by)  # fmt: skip


def _local(moment: datetime | date | None) -> str:
    if moment is None:
        return ""
    if isinstance(moment, datetime):
        return moment.astimezone(TUNIS).strftime("%d/%m/%Y %H:%M")
    return moment.strftime("%d/%m/%Y")


def prepare(
    db: Database,
    actor: Actor,
    request_id: int,
    kind: str,
    lang: str,
    *,
    answer: str = "",
    reason: str = "",
    detail: str = "",
    answer_by: date | None = None,
    now: datetime | None = None,
) -> Sending:
    """A pending sending from the template, replying in the citizen's thread, from the mailbox
    that received the request (else the first active one)."""
    actor.require(Perm.EDIT_REQUESTS)
    if kind not in templates.KINDS:
        raise UserError(translate("mail", "Unknown kind of message."))
    if kind == "answer" and not answer.strip():
        raise UserError(translate("requests", "Write the answer given to the citizen."))
    if kind == "notice" and not detail.strip():
        raise UserError(
            translate("requests", "Name the documents needed or the body to coordinate with.")
        )
    now = now or utcnow()
    with db.write() as s:
        req = s.get(CitizenRequest, request_id)
        if req is None:
            raise UserError(translate("requests", "This request no longer exists."))
        if "@" not in req.contact:
            raise UserError(
                translate("mail", "Request {ref} has no e-mail address to answer.").format(
                    ref=req.reference
                )
            )
        thread = list(s.execute(
            select(MailMessage.message_id, MailMessage.references, MailMessage.mailbox_id)
            .where(MailMessage.request_id == request_id, MailMessage.direction == "in",
                   MailMessage.message_id != "")
            .order_by(MailMessage.received_at, MailMessage.id)
        ))  # fmt: skip
        mailbox_id = next((m for _, _, m in reversed(thread) if m is not None), None)
        if mailbox_id is None:
            mailbox_id = s.scalar(select(Mailbox.id).where(Mailbox.active).order_by(Mailbox.id))
        mailbox = s.get(Mailbox, mailbox_id) if mailbox_id is not None else None
        if mailbox is None:
            raise UserError(translate("mail", "No mailbox is configured: add one in Settings."))
        references: list[str] = []
        for mid, refs, _ in thread:
            references += [r for r in refs.split() if r not in references]
            if mid not in references:
                references.append(mid)
        values = settings_service.load_all(s)
        reason_text = templates.REASONS.get(reason, {}).get(lang, reason)
        subject, body = templates.render(values, kind, lang, {
            "reference": req.reference, "received": _local(req.received_at),
            "deadline": _local(req.deadline_at), "reason": reason_text, "detail": detail.strip(),
            "answer_by": _local(answer_by), "answer": answer.strip(),
        })  # fmt: skip
        domain = mailbox.address.rpartition("@")[2]
        row = MailSending(
            request_id=request_id, mailbox_id=mailbox.id, kind=kind, status="pending",
            to_address=req.contact, subject=subject, body=body,
            message_id=make_msgid(domain=domain).strip("<>"),
            in_reply_to=thread[-1][0] if thread else "", references=" ".join(references[-20:]),
            language=lang, username=actor.username, created_at=now,
            notice_reason=reason if kind == "notice" else "",
            notice_detail=detail.strip() if kind == "notice" else "",
            notice_answer_by=answer_by if kind == "notice" else None,
        )  # fmt: skip
        s.add(row)
        s.flush()
        audit.record(s, actor, "create", "mail_sending", row.id,
                     after={"request": req.reference, "kind": kind})  # fmt: skip
        return _to_sending(row)


def due(db: Database, now: datetime | None = None, ids: list[int] | None = None) -> list[Sending]:
    """Pending sendings, and failed ones whose retry time has come (or those named)."""
    now = now or utcnow()
    with db.read() as s:
        query = select(MailSending)
        if ids is not None:
            query = query.where(MailSending.id.in_(ids), MailSending.status != "sent")
        else:
            query = query.where(or_(
                MailSending.status == "pending",
                (MailSending.status == "failed") & (MailSending.next_try_at <= now),
            ))  # fmt: skip
        return [_to_sending(r) for r in s.scalars(query.order_by(MailSending.id))]


def mark_sent(db: Database, actor: Actor, sending: Sending, at: datetime) -> None:
    """The SMTP server accepted the message at `at`: now, and only now, a notice or an answer is
    the request's response (requests.respond); an acknowledgement only joins the timeline.
    A notice carries its reason, what it names and the announced answer date (C2.1)."""
    with db.write() as s:
        row = s.get(MailSending, sending.id)
        if row is None:
            return
        row.status, row.sent_at, row.error = "sent", at, ""
        row.attempts += 1
        if row.request_id is not None:
            s.add(RequestEvent(request_id=row.request_id, at=at, kind="mail_out",
                               username=actor.username, user_id=actor.user_id,
                               text=f"{row.subject}\n\n{row.body}"))  # fmt: skip
    if sending.request_id is not None and sending.kind in ("notice", "answer"):
        notice: dict[str, Any] = {}
        if sending.kind == "notice":
            notice = {"notice_reason": sending.notice_reason,
                      "notice_detail": sending.notice_detail,
                      "notice_answer_by": _end_of(sending.notice_answer_by),
                      "notice_told_via": "email"}  # fmt: skip
        requests_service.respond(db, actor, sending.request_id, sending.kind,
                                 _response_text(sending), at=at, **notice)  # fmt: skip


def _end_of(day: date | None) -> datetime | None:
    """A notice announces an answer date: the request waits on it until that day ends in Tunis."""
    if day is None:
        return None
    return datetime.combine(day, time(23, 59), tzinfo=TUNIS).astimezone(UTC)


def _response_text(sending: Sending) -> str:
    return translate("mail", "Sent by e-mail to {address}: {subject}").format(
        address=sending.to_address, subject=sending.subject
    )


def mark_failed(db: Database, actor: Actor, sending: Sending, error: str, now: datetime) -> None:
    """Visible on the request and retried later; never a response."""
    with db.write() as s:
        row = s.get(MailSending, sending.id)
        if row is None:
            return
        row.status, row.error = "failed", error[:2000]
        row.attempts += 1
        row.next_try_at = now + RETRY_AFTER[min(row.attempts - 1, len(RETRY_AFTER) - 1)]
        if row.request_id is not None:
            s.add(RequestEvent(request_id=row.request_id, at=now, kind="mail_failed",
                               username=actor.username, user_id=actor.user_id,
                               text=error[:2000]))  # fmt: skip


def mark_bounced(
    session: Session, actor: Actor, bounces: list[tuple[str, datetime]], now: datetime
) -> None:
    """Delivery reports naming messages Istiqbal sent, each with the time it arrived: that
    sending failed (CONTRACTS §5). A notice or answer the server had accepted stops counting
    as the request's response (requests.withdraw_response): the citizen never received it, and
    the timeline shows the bounce. Runs in the caller's transaction."""
    arrived: dict[str, datetime] = {}
    for message_id, at in bounces:
        arrived.setdefault(message_id, at)
    if not arrived:
        return
    error = translate("mail", "The message came back undelivered.")
    rows = session.scalars(
        select(MailSending).where(MailSending.message_id.in_(list(arrived)[:500]))
    ).all()
    for row in rows:
        was_sent = row.status == "sent"
        row.status, row.error = "failed", error
        if was_sent and row.request_id is not None and row.sent_at is not None:
            if row.kind in ("notice", "answer"):
                requests_service.withdraw_response(
                    session, actor, row.request_id, row.kind, row.sent_at,
                    f"{error} {row.to_address}: {row.subject}",
                    bounced_at=max(arrived[row.message_id], row.sent_at), now=now,
                )  # fmt: skip
            else:
                session.add(RequestEvent(request_id=row.request_id, kind="mail_bounced",
                                         at=max(arrived[row.message_id], row.sent_at),
                                         username=actor.username, user_id=actor.user_id,
                                         text=f"{error} {row.to_address}: {row.subject}",
                                         recorded_at=now))  # fmt: skip
        audit.record(session, actor, "bounce", "mail_sending", row.id,
                     before={"status": "sent" if was_sent else "failed"},
                     after={"status": "failed"})  # fmt: skip


def failed_sendings(db: Database, actor: Actor) -> list[tuple[str, Sending]]:
    """For the request dialog and the dashboard: (reference, sending) of every failed one."""
    requests_service.require_read(actor)
    with db.read() as s:
        rows = s.execute(
            select(CitizenRequest.reference, MailSending)
            .join(CitizenRequest, CitizenRequest.id == MailSending.request_id)
            .where(MailSending.status == "failed")
            .order_by(MailSending.id)
        ).all()
        return [(ref, _to_sending(row)) for ref, row in rows]


def sendings_of(db: Database, actor: Actor, request_id: int) -> list[Sending]:
    requests_service.require_read(actor)
    with db.read() as s:
        rows = s.scalars(
            select(MailSending).where(MailSending.request_id == request_id).order_by(MailSending.id)
        )
        return [_to_sending(r) for r in rows]
