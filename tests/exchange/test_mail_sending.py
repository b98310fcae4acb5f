"""Notices and answers really reach the citizen, in the thread, and count only once the SMTP
server accepted them (C2.1, C2.3; CONTRACTS §2, §3, §5) — against the loopback Dovecot + SMTP."""

from __future__ import annotations

import email
import email.utils
import imaplib
import ssl
from dataclasses import replace
from datetime import date, timedelta

import pytest
from sqlalchemy import select, update

from desktop_app.data.db import Database
from desktop_app.data.models import AuditEntry, CitizenRequest, MailSending, RequestEvent
from desktop_app.data.types import utcnow
from desktop_app.exchange.mail.fetch import fetch_mailbox
from desktop_app.exchange.mail.outbox import send_due, send_to_citizen
from desktop_app.services import requests as requests_service
from desktop_app.services.mail import sending
from desktop_app.services.mail.mailboxes import MailboxConfig, save_mailbox
from desktop_app.services.permissions import Actor
from tests.helpers.mail_data import message
from tests.helpers.mail_servers import PASSWORD, Dovecot, SmtpServer
from tests.helpers.memory_keyring import MemoryKeyring


@pytest.fixture
def setup(
    db: Database, admin: Actor, dovecot: Dovecot, smtp_server: SmtpServer,
    memory_keyring: MemoryKeyring,
) -> tuple[MailboxConfig, str]:  # fmt: skip
    box = save_mailbox(db, admin, MailboxConfig(
        address=dovecot.add_user("bureau"), imap_host="localhost", imap_port=dovecot.imaps_port,
        smtp_host="localhost", smtp_port=smtp_server.port, ca_file=str(dovecot.ca_file),
    ), password=PASSWORD)  # fmt: skip
    citizen = dovecot.add_user("citizen")
    first = message(sender=citizen, name="Hédi", subject="Extrait", message_id="<orig@citizen.tn>")
    dovecot.deliver(box.address, first, sender=citizen)
    assert fetch_mailbox(db, admin, box).result.imported == 1
    return box, citizen


def inbox_of(dovecot: Dovecot, address: str) -> list[email.message.Message]:
    ctx = ssl.create_default_context(cafile=str(dovecot.ca_file))
    with imaplib.IMAP4_SSL("localhost", dovecot.imaps_port, ssl_context=ctx) as imap:
        imap.login(address, PASSWORD)
        imap.select("INBOX", readonly=True)
        out = []
        for num in imap.search(None, "ALL")[1][0].split():
            data = imap.fetch(num, "(BODY.PEEK[])")[1][0]
            assert isinstance(data, tuple)
            out.append(email.message_from_bytes(data[1]))
        return out


def the_request(db: Database) -> CitizenRequest:
    with db.read() as s:
        req = s.scalars(select(CitizenRequest)).one()
        s.expunge(req)
        return req


def test_c2_1_a_notice_reaches_the_citizen_in_the_thread_and_counts_when_accepted(
    db: Database, admin: Actor, dovecot: Dovecot, setup: tuple[MailboxConfig, str]
) -> None:
    box, citizen = setup
    req = the_request(db)
    before = utcnow()
    sent = send_to_citizen(db, admin, req.id, "notice", "fr", reason="documents",
                           detail="copie de la CIN", answer_by=date(2026, 12, 20))  # fmt: skip
    assert sent.status == "sent" and sent.sent_at is not None and sent.sent_at >= before
    after = the_request(db)
    assert after.first_response_kind == "notice" and after.first_response_at == sent.sent_at
    [received] = inbox_of(dovecot, citizen)
    assert received["In-Reply-To"] == "<orig@citizen.tn>"
    assert "<orig@citizen.tn>" in received["References"]
    assert req.reference in str(email.header.make_header(email.header.decode_header(
        received["Subject"])))  # fmt: skip
    text = received.get_payload(decode=True).decode()
    assert "copie de la CIN" in text and "20/12/2026" in text and req.reference in text
    answer = send_to_citizen(db, admin, req.id, "answer", "ar", answer="تمّ إعداد المضمون.")
    assert answer.status == "sent" and the_request(db).status == "answered"
    assert len(inbox_of(dovecot, citizen)) == 2
    # The citizen answers our notice: it joins the request, never a new one.
    dovecot.deliver(box.address, message(sender=citizen, subject="Re: Information",
                                         message_id="<re@citizen.tn>",
                                         headers={"In-Reply-To": f"<{sent.message_id}>"}),
                    sender=citizen)  # fmt: skip
    result = fetch_mailbox(db, admin, box).result
    assert (result.imported, result.replies) == (0, 1)


def test_a_failed_sending_is_visible_retried_and_never_counts_until_accepted(
    db: Database, admin: Actor, smtp_server: SmtpServer, setup: tuple[MailboxConfig, str]
) -> None:
    box, _ = setup
    save_mailbox(db, admin, replace(box, smtp_port=1))  # the SMTP server is away
    req = the_request(db)
    failed = send_to_citizen(db, admin, req.id, "answer", "fr", answer="Voici l'extrait.")
    assert failed.status == "failed" and "SMTP" in failed.error
    assert the_request(db).first_response_at is None
    assert [ref for ref, _ in sending.failed_sendings(db, admin)] == [req.reference]
    with db.read() as s:
        kinds = list(s.scalars(select(RequestEvent.kind).where(RequestEvent.request_id == req.id)))
    assert "mail_failed" in kinds
    assert send_due(db, admin) == []  # not due yet: retried later
    with db.read() as s:
        attempts = s.scalars(select(MailSending.attempts)).one()
    save_mailbox(db, admin, replace(box, smtp_port=smtp_server.port, version=None))
    with db.write() as s:
        s.execute(update(MailSending).values(next_try_at=utcnow() - timedelta(minutes=1)))
    [retried] = send_due(db, admin)
    assert retried.status == "sent" and attempts == 1
    assert the_request(db).first_response_at == retried.sent_at


def test_automatic_acknowledgement_goes_out_on_intake_and_is_not_a_response(
    db: Database, admin: Actor, dovecot: Dovecot, setup: tuple[MailboxConfig, str]
) -> None:
    box, citizen = setup
    save_mailbox(db, admin, replace(box, auto_acknowledge=True, version=None))
    second = message(sender=citizen, subject="Deuxième demande", message_id="<second@citizen.tn>")
    dovecot.deliver(box.address, second, sender=citizen)
    assert fetch_mailbox(db, admin, replace(box, auto_acknowledge=True)).result.imported == 1
    [ack] = inbox_of(dovecot, citizen)
    assert ack["Auto-Submitted"] == "auto-replied" and ack["In-Reply-To"] == "<second@citizen.tn>"
    with db.read() as s:
        responded = s.scalars(select(CitizenRequest.first_response_at)).all()
    assert responded == [None, None]


def test_a_notice_keeps_its_reason_detail_and_announced_date_for_the_response(
    db: Database, admin: Actor, setup: tuple[MailboxConfig, str]
) -> None:
    req = the_request(db)
    prepared = sending.prepare(db, admin, req.id, "notice", "ar", reason="coordination",
                               detail="وزارة الداخلية", answer_by=date(2026, 12, 30))  # fmt: skip
    assert (prepared.notice_reason, prepared.notice_detail, prepared.notice_answer_by) == (
        "coordination", "وزارة الداخلية", date(2026, 12, 30))  # fmt: skip
    assert "التنسيق مع هياكل أخرى" in prepared.body and "30/12/2026" in prepared.body


def _dsn(sent_message_id: str, dsn_id: str) -> bytes:
    """A delivery status notification (RFC 3464) naming a message Istiqbal sent."""
    return (
        b"From: MAILER-DAEMON@body.tn\nTo: bureau@body.tn\nSubject: Undelivered Mail\n"
        b"Auto-Submitted: auto-replied\n"
        b"Date: " + email.utils.formatdate().encode() + b"\n"
        b"Message-ID: <" + dsn_id.encode() + b">\n"
        b'Content-Type: multipart/report; report-type=delivery-status; boundary="R"\n\n'
        b"--R\nContent-Type: text/plain\n\nDelivery failed: mailbox unknown.\n"
        b"--R\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; body.tn\n\n"
        b"Final-Recipient: rfc822; citizen@body.tn\nAction: failed\nStatus: 5.1.1\n"
        b"--R\nContent-Type: text/rfc822-headers\n\nMessage-ID: <" + sent_message_id.encode()
        + b">\n--R--\n"
    )  # fmt: skip


def test_c2_1_a_bounce_after_acceptance_withdraws_the_response_it_counted_as(
    db: Database, admin: Actor, dovecot: Dovecot, setup: tuple[MailboxConfig, str]
) -> None:
    """CONTRACTS §5: a bounce of a notice or answer the server had accepted marks that sending
    failed, and that response no longer counts: the first response falls back to what remains,
    the state follows, and the timeline keeps the step, marked undelivered."""
    box, _ = setup
    req = the_request(db)
    notice = send_to_citizen(db, admin, req.id, "notice", "fr", reason="documents",
                             detail="copie de la CIN", answer_by=date(2026, 12, 20))  # fmt: skip
    answer = send_to_citizen(db, admin, req.id, "answer", "fr", answer="Voici l'extrait.")
    assert notice.status == answer.status == "sent"
    answered = the_request(db)
    assert answered.status == "answered" and answered.answered_at == answer.sent_at

    # The answer bounces: the notice, received, stays the first response; no answer remains.
    dovecot.deliver(box.address, _dsn(answer.message_id, "dsn-a@body.tn"))
    result = fetch_mailbox(db, admin, box).result
    assert (result.imported, result.automatic) == (0, 1)
    after = the_request(db)
    assert after.first_response_kind == "notice" and after.first_response_at == notice.sent_at
    assert after.answered_at is None and after.status == "notice_sent"
    assert after.notice_reason == "documents"
    detail = requests_service.get_request(db, admin, req.id)
    kinds = [e.kind for e in detail.events]
    assert "answer" not in kinds and kinds.count("answer_bounced") == 1
    assert kinds.count("notice") == 1 and kinds.count("mail_bounced") == 1
    with db.read() as s:
        statuses = {k: v for k, v in s.execute(select(MailSending.kind, MailSending.status))}
    assert statuses == {"notice": "sent", "answer": "failed"}

    # The notice bounces too: nothing counts any more, the request is open again; its deadline
    # state is computed without a response (not "met").
    dovecot.deliver(box.address, _dsn(notice.message_id, "dsn-n@body.tn"))
    assert fetch_mailbox(db, admin, box).result.automatic == 1
    bare = the_request(db)
    assert bare.first_response_at is None and bare.first_response_kind is None
    assert bare.answered_at is None
    assert bare.status == "new" and bare.notice_reason is None and bare.notice_answer_by is None
    row = requests_service.get_request(db, admin, req.id)
    assert row.row.state not in ("met", "missed")
    assert [e.kind for e in row.events].count("mail_bounced") == 2
    # Each withdrawal is in the audit trail.
    with db.read() as s:
        audited = s.scalars(select(AuditEntry.action).where(
            AuditEntry.action == "withdraw_response")).all()  # fmt: skip
    assert len(audited) == 2
