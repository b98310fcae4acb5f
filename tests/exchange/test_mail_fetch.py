"""`mail fetch` against a real Dovecot on loopback (C2.1, CONTRACTS §5): only new messages by
UID, INTERNALDATE as received_at, nothing changed on the server, verified TLS, failures named,
a dropped connection leaves nothing half-imported, one bad message never blocks the mailbox."""

from __future__ import annotations

import imaplib
import json
import ssl
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select, update

from desktop_app.cli import main
from desktop_app.data.db import Database
from desktop_app.data.models import CitizenRequest, MailAttachment, MailFetchState, MailMessage
from desktop_app.exchange.mail.fetch import fetch_all, fetch_mailbox
from desktop_app.services import settings as settings_service
from desktop_app.services.mail.mailboxes import MailboxConfig, save_mailbox
from desktop_app.services.permissions import Actor
from tests.helpers.mail_data import message
from tests.helpers.mail_servers import PASSWORD, Dovecot, DroppingProxy
from tests.helpers.memory_keyring import MemoryKeyring


def configure(db: Database, admin: Actor, dovecot: Dovecot, **changes: object) -> MailboxConfig:
    config = MailboxConfig(address=dovecot.add_user(), imap_host="localhost", smtp_host="localhost",
                           imap_port=dovecot.imaps_port, ca_file=str(dovecot.ca_file))  # fmt: skip
    fields = {**config.__dict__, **changes}
    return save_mailbox(db, admin, MailboxConfig(**fields), password=PASSWORD)


def count_requests(db: Database) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(CitizenRequest)) or 0)


@pytest.fixture
def keyring_ok(memory_keyring: MemoryKeyring) -> MemoryKeyring:
    return memory_keyring


def test_c2_1_three_messages_become_requests_dated_by_internaldate_and_only_new_ones_later(
    db: Database, admin: Actor, dovecot: Dovecot, keyring_ok: MemoryKeyring
) -> None:
    box = configure(db, admin, dovecot)
    old_date = "Mon, 05 Jan 2026 09:00:00 +0100"  # the sender's clock: not when it reached us
    dovecot.deliver(box.address, message(message_id="<ar@x.tn>", name="محمد", subject="طلب",
                                         body="السلام عليكم", charset="windows-1256",
                                         date=old_date))  # fmt: skip
    dovecot.deliver(box.address, message(message_id="<fr@x.tn>", subject="Réclamation",
                                         body="Éclairage", charset="iso-8859-1"))  # fmt: skip
    dovecot.deliver(box.address, message(message_id="<pdf@x.tn>", subject="Pièce",
                                         attachments=[("acte.pdf", b"%PDF-1.4 x")]))  # fmt: skip
    before = datetime.now(UTC) - timedelta(minutes=1)
    outcome = fetch_mailbox(db, admin, box)
    assert outcome.ok, outcome.sentence
    assert outcome.result.imported == 3
    with db.read() as s:
        rows = list(s.execute(select(CitizenRequest.subject, CitizenRequest.received_at)
                              .order_by(CitizenRequest.id)))  # fmt: skip
        assert s.scalar(select(MailAttachment.filename)) == "acte.pdf"
        sources = set(s.scalars(select(MailMessage.source)))
    assert [r[0] for r in rows] == ["طلب", "Réclamation", "Pièce"]
    assert all(r[1] >= before for r in rows)  # INTERNALDATE, not the 2026-01-05 Date:
    assert sources == {f"{box.address}:1", f"{box.address}:2", f"{box.address}:3"}
    again = fetch_mailbox(db, admin, box)
    assert (again.result.imported, again.result.skipped_duplicates) == (0, 0)
    dovecot.deliver(box.address, message(message_id="<later@x.tn>"))
    assert fetch_mailbox(db, admin, box).result.imported == 1
    ctx = ssl.create_default_context(cafile=str(dovecot.ca_file))
    with imaplib.IMAP4_SSL("localhost", dovecot.imaps_port, ssl_context=ctx) as imap:
        imap.login(box.address, PASSWORD)
        imap.select("INBOX", readonly=True)
        assert imap.search(None, "ALL")[1][0].split() == [b"1", b"2", b"3", b"4"]  # none deleted
        assert imap.search(None, "SEEN")[1][0] == b""  # and none marked read


def test_starttls_on_the_plain_port_works_too(
    db: Database, admin: Actor, dovecot: Dovecot, keyring_ok: MemoryKeyring
) -> None:
    box = configure(db, admin, dovecot, imap_port=dovecot.imap_port, imap_security="starttls")
    dovecot.deliver(box.address, message(message_id="<st@x.tn>"))
    outcome = fetch_mailbox(db, admin, box)
    assert outcome.ok and outcome.result.imported == 1


def test_a_wrong_password_is_named_and_recorded(
    db: Database, admin: Actor, dovecot: Dovecot, keyring_ok: MemoryKeyring
) -> None:
    box = configure(db, admin, dovecot)
    outcome = fetch_mailbox(db, admin, box, password="wrong")
    assert not outcome.ok and "refused the user name or the password" in outcome.sentence
    with db.read() as s:
        state = s.scalar(select(MailFetchState))
        assert state is not None and not state.last_ok and state.last_uid == 0


def test_a_certificate_for_another_name_is_refused_never_ignored(
    db: Database, admin: Actor, dovecot: Dovecot, keyring_ok: MemoryKeyring
) -> None:
    box = configure(db, admin, dovecot, imap_host="127.0.0.1")  # the certificate says localhost
    dovecot.deliver(box.address, message(message_id="<tls@x.tn>"))
    outcome = fetch_mailbox(db, admin, box)
    assert not outcome.ok and "certificate" in outcome.sentence
    assert count_requests(db) == 0
    untrusted = configure(db, admin, dovecot, ca_file="")  # a CA the system does not know
    assert "certificate" in fetch_mailbox(db, admin, untrusted).sentence


def test_a_missing_folder_is_named(
    db: Database, admin: Actor, dovecot: Dovecot, keyring_ok: MemoryKeyring
) -> None:
    box = configure(db, admin, dovecot, folder="Demandes")
    outcome = fetch_mailbox(db, admin, box)
    assert not outcome.ok and "folder" in outcome.sentence


def test_a_new_uidvalidity_rereads_the_folder_without_duplicates(
    db: Database, admin: Actor, dovecot: Dovecot, keyring_ok: MemoryKeyring
) -> None:
    box = configure(db, admin, dovecot)
    for n in range(3):
        dovecot.deliver(box.address, message(message_id=f"<uv{n}@x.tn>"))
    assert fetch_mailbox(db, admin, box).result.imported == 3
    with db.write() as s:
        s.execute(update(MailFetchState).values(uidvalidity=1))  # the server renumbered
    again = fetch_mailbox(db, admin, box)
    assert (again.result.imported, again.result.skipped_duplicates) == (0, 3)
    assert count_requests(db) == 3


def test_a_connection_dropped_mid_fetch_leaves_whole_batches_and_the_next_fetch_resumes(
    db: Database, admin: Actor, dovecot: Dovecot, keyring_ok: MemoryKeyring
) -> None:
    box = configure(db, admin, dovecot)
    padding = "x" * 20_000
    for n in range(6):
        dovecot.deliver(box.address, message(message_id=f"<drop{n}@x.tn>", body=padding))
    proxy = DroppingProxy(dovecot.imaps_port, cut_after=60_000)
    try:
        through = save_mailbox(db, admin, replace(box, imap_port=proxy.port))
        cut = fetch_mailbox(db, admin, through, batch=2)
    finally:
        proxy.stop()
    assert not cut.ok
    first = count_requests(db)
    assert first % 2 == 0 and first < 6  # whole batches only
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(MailMessage)) == first
    direct = save_mailbox(db, admin, replace(through, imap_port=dovecot.imaps_port))
    resumed = fetch_mailbox(db, admin, direct, batch=2)
    assert resumed.ok and resumed.result.imported == 6 - first
    assert resumed.result.skipped_duplicates == 0 and count_requests(db) == 6


def test_one_bad_message_is_kept_aside_with_its_uid_and_the_others_imported(
    db: Database, admin: Actor, dovecot: Dovecot, keyring_ok: MemoryKeyring
) -> None:
    with db.write() as s:
        settings_service.save(s, admin, {"mail_size_limit_mb": 1})
    box = configure(db, admin, dovecot)
    dovecot.deliver(box.address, message(message_id="<ok1@x.tn>"))
    dovecot.deliver(box.address, message(message_id="<big@x.tn>", body="y" * 1_200_000))
    dovecot.deliver(box.address, message(message_id="<ok2@x.tn>"))
    outcome = fetch_mailbox(db, admin, box)
    assert outcome.ok and outcome.result.imported == 2
    assert [e.file for e in outcome.result.failed] == [f"{box.address}:2"]
    with db.read() as s:
        kept = s.execute(select(MailMessage.uid, MailMessage.error)
                         .where(MailMessage.kind == "failed")).all()  # fmt: skip
    assert len(kept) == 1 and kept[0][0] == 2 and "1 MB" in kept[0][1]
    assert fetch_mailbox(db, admin, box).result.imported == 0  # not read again


def test_a_thousand_messages_arrive_whole(
    db: Database, admin: Actor, dovecot: Dovecot, keyring_ok: MemoryKeyring
) -> None:
    box = configure(db, admin, dovecot)
    dovecot.deliver_many(
        box.address, [message(message_id=f"<k{n}@x.tn>", subject=f"S {n}") for n in range(1000)]
    )
    outcome = fetch_mailbox(db, admin, box)
    assert outcome.ok and outcome.result.imported == 1000
    assert count_requests(db) == 1000


def test_cli_fetch_json_and_exit_codes(
    db: Database, admin: Actor, dovecot: Dovecot, keyring_ok: MemoryKeyring, tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    box = configure(db, admin, dovecot)
    dovecot.deliver(box.address, message(message_id="<cli@x.tn>"))
    url = str(db.engine.url.database)
    assert main(["--db", url, "mail", "fetch", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["imported"] == 1
    assert main(["--db", url, "mail", "fetch", "--mailbox", "nobody@body.tn"]) == 1
    assert "nobody@body.tn" in capsys.readouterr().err
    assert fetch_all(db, admin)[0].ok
