"""`mail probe` (C2.1): send a probe to each published address by its SMTP server and confirm
through IMAP that it arrived. The probe carries X-Istiqbal-Probe (and Auto-Submitted), so intake
recognises it and it never becomes a request; each result is kept (services/mail/probes.py)."""

from __future__ import annotations

import time
from dataclasses import dataclass

from desktop_app.data.db import Database
from desktop_app.data.types import utcnow
from desktop_app.exchange.mail.connection import smtp_account
from desktop_app.exchange.mail.fetch import imap_account
from desktop_app.exchange.mail.imap import ImapReader, MailServerError
from desktop_app.exchange.mail.parse import PROBE_HEADER
from desktop_app.exchange.mail.smtp import Outgoing, SmtpSender, build
from desktop_app.i18n import translate
from desktop_app.services.errors import UserError
from desktop_app.services.mail import mailboxes as mailbox_service
from desktop_app.services.mail import probes
from desktop_app.services.mail.mailboxes import MailboxConfig
from desktop_app.services.permissions import Actor, Perm


@dataclass(frozen=True)
class ProbeOutcome:
    address: str
    ok: bool
    sentence: str


def probe_all(db: Database, actor: Actor, *, wait_s: float = 60.0) -> list[ProbeOutcome]:
    actor.require(Perm.EDIT_REQUESTS)
    with db.read() as s:
        boxes = [b for b in mailbox_service.active_mailboxes(s) if b.published_on]
    if not boxes:
        raise UserError(translate("mail", "No published mailbox to prove: add one in Settings."))
    return [probe_one(db, actor, b, wait_s=wait_s) for b in boxes]


def probe_one(
    db: Database, actor: Actor, box: MailboxConfig, *, wait_s: float = 60.0
) -> ProbeOutcome:
    assert box.id is not None
    token = probes.new_token()
    probe_id = probes.record_sent(db, actor, box.id, box.address, token, utcnow())
    try:
        password = mailbox_service.password_of(box)
    except UserError as exc:
        probes.record_result(db, probe_id, arrived_at=None, error=exc.message)
        return ProbeOutcome(box.address, False, exc.message)
    message = build(Outgoing(
        sender=box.address, to=box.address,
        subject=translate("mail", "Istiqbal: proof that this address receives mail"),
        body=translate("mail", "Automatic message sent by Istiqbal to prove that the published "
                               "address works (circular 2/2020). It can be deleted."),
        headers={PROBE_HEADER: token, "Auto-Submitted": "auto-generated"},
    ))  # fmt: skip
    try:
        with SmtpSender(smtp_account(box, password)) as smtp:
            smtp.send(message, [box.address])
    except MailServerError as exc:
        sentence = mailbox_service.server_failure(exc.stage, "SMTP", box.smtp_host,
                                                  box.smtp_port, exc.detail)  # fmt: skip
        probes.record_result(db, probe_id, arrived_at=None, error=sentence)
        return ProbeOutcome(box.address, False, sentence)
    deadline = time.monotonic() + wait_s
    try:
        with ImapReader(imap_account(box, password), box.folder) as reader:
            while True:
                if reader.has_header(PROBE_HEADER, token):
                    probes.record_result(db, probe_id, arrived_at=utcnow())
                    return ProbeOutcome(box.address, True, translate(
                        "mail", "The probe arrived: {address} receives mail.").format(
                            address=box.address))  # fmt: skip
                if time.monotonic() >= deadline:
                    break
                time.sleep(1.0)
                reader.refresh()
    except MailServerError as exc:
        sentence = mailbox_service.server_failure(exc.stage, "IMAP", box.imap_host,
                                                  box.imap_port, exc.detail)  # fmt: skip
        probes.record_result(db, probe_id, arrived_at=None, error=sentence)
        return ProbeOutcome(box.address, False, sentence)
    sentence = translate(
        "mail", "The probe sent to {address} did not arrive within %n s.", None, int(wait_s)
    ).format(address=box.address)
    probes.record_result(db, probe_id, arrived_at=None, error=sentence)
    return ProbeOutcome(box.address, False, sentence)
