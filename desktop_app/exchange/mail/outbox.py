"""Sending what services/mail/sending.py prepared, by each mailbox's SMTP server (C2.1).

The time that counts is taken right after the server accepted the message, never before; a
failure is recorded (and retried later by `mail fetch` and the window's background fetch).
"""

from __future__ import annotations

from datetime import date

from desktop_app.data.db import Database
from desktop_app.data.types import utcnow
from desktop_app.exchange.mail.connection import smtp_account
from desktop_app.exchange.mail.imap import MailServerError
from desktop_app.exchange.mail.smtp import Outgoing, SmtpSender, build
from desktop_app.services.errors import UserError
from desktop_app.services.mail import mailboxes as mailbox_service
from desktop_app.services.mail import sending as sending_service
from desktop_app.services.mail.sending import Sending
from desktop_app.services.permissions import Actor, Perm

AUTO_HEADERS = {"Auto-Submitted": "auto-replied"}  # RFC 3834: no auto-reply loops


def send_due(db: Database, actor: Actor, ids: list[int] | None = None) -> list[Sending]:
    """Send pending (or due for retry, or the named) sendings; returns them as they ended."""
    actor.require(Perm.EDIT_REQUESTS)
    ended: list[Sending] = []
    for item in sending_service.due(db, ids=ids):
        ended.append(_send_one(db, actor, item))
    return ended


def _send_one(db: Database, actor: Actor, item: Sending) -> Sending:
    from dataclasses import replace

    with db.read() as s:
        config = mailbox_service.load_mailbox(s, item.mailbox_id) if item.mailbox_id else None
    if config is None:
        error = "no mailbox"
        sending_service.mark_failed(db, actor, item, error, utcnow())
        return replace(item, status="failed", error=error)
    try:
        password = mailbox_service.password_of(config)
        message = build(Outgoing(
            sender=config.address, to=item.to_address, subject=item.subject, body=item.body,
            message_id=item.message_id, in_reply_to=item.in_reply_to,
            references=item.references,
            headers=AUTO_HEADERS if item.kind == "acknowledge" else {},
        ))  # fmt: skip
        with SmtpSender(smtp_account(config, password)) as smtp:
            smtp.send(message, [item.to_address])
        accepted = utcnow()  # the moment that counts: after the server said 250
    except MailServerError as exc:
        error = mailbox_service.server_failure(exc.stage, "SMTP", config.smtp_host,
                                               config.smtp_port, exc.detail)  # fmt: skip
        sending_service.mark_failed(db, actor, item, error, utcnow())
        return replace(item, status="failed", error=error)
    except UserError as exc:
        sending_service.mark_failed(db, actor, item, exc.message, utcnow())
        return replace(item, status="failed", error=exc.message)
    sending_service.mark_sent(db, actor, item, accepted)
    return replace(item, status="sent", sent_at=accepted)


def send_to_citizen(
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
) -> Sending:
    """From the request dialog: acknowledge, send a notice, or send the answer, now."""
    prepared = sending_service.prepare(db, actor, request_id, kind, lang, answer=answer,
                                       reason=reason, detail=detail,
                                       answer_by=answer_by)  # fmt: skip
    return send_due(db, actor, ids=[prepared.id])[0]


def acknowledge_new(db: Database, actor: Actor, request_ids: list[int], lang: str) -> int:
    """Automatic acknowledgement on intake (a mailbox setting): never a first response."""
    sent = 0
    for request_id in request_ids:
        try:
            prepared = sending_service.prepare(db, actor, request_id, "acknowledge", lang)
        except UserError:
            continue
        sent += send_due(db, actor, ids=[prepared.id])[0].status == "sent"
    return sent
