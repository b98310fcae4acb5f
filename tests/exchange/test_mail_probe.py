"""`mail probe` (C2.1): each published address is proven by a probe sent by SMTP and found by IMAP;
the probe never becomes a request; failures are kept; mail_addresses_ok_pct follows."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop_app.cli import main
from desktop_app.data.db import Database
from desktop_app.data.models import CitizenRequest, MailMessage
from desktop_app.data.types import utcnow
from desktop_app.exchange.mail.fetch import fetch_mailbox
from desktop_app.exchange.mail.probe import probe_all
from desktop_app.services.kpis import compute
from desktop_app.services.mail import probes
from desktop_app.services.mail.mailboxes import MailboxConfig, save_mailbox
from desktop_app.services.periods import parse_period
from desktop_app.services.permissions import Actor
from tests.helpers.mail_servers import PASSWORD, Dovecot, SmtpServer
from tests.helpers.memory_keyring import MemoryKeyring


@pytest.fixture
def box(
    db: Database, admin: Actor, dovecot: Dovecot, smtp_server: SmtpServer,
    memory_keyring: MemoryKeyring,
) -> MailboxConfig:  # fmt: skip
    return save_mailbox(db, admin, MailboxConfig(
        address=dovecot.add_user("published"), imap_host="localhost",
        imap_port=dovecot.imaps_port, smtp_host="localhost", smtp_port=smtp_server.port,
        ca_file=str(dovecot.ca_file), published_on=("website", "posters"),
    ), password=PASSWORD)  # fmt: skip


def test_c2_1_a_probe_proves_the_address_and_never_becomes_a_request(
    db: Database, admin: Actor, box: MailboxConfig
) -> None:
    [outcome] = probe_all(db, admin, wait_s=10)
    assert outcome.ok, outcome.sentence
    [proof] = probes.proofs(db, admin)
    assert proof.proven and proof.address == box.address
    assert probes.unproven(db, admin) == []
    result = fetch_mailbox(db, admin, box).result
    assert result.imported == 0
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(CitizenRequest)) == 0
        assert s.scalar(select(MailMessage.kind)) == "probe"
    now = utcnow()
    period = parse_period(f"{now.year}")
    assert compute(db, admin, period, as_of=now)["mail_addresses_ok_pct"] == 100.0
    later = now + timedelta(days=31)
    assert [p.address for p in probes.unproven(db, admin, later)] == [box.address]


def test_a_probe_that_cannot_be_sent_is_kept_as_failing(
    db: Database, admin: Actor, box: MailboxConfig, tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    save_mailbox(db, admin, replace(box, smtp_port=1))
    [outcome] = probe_all(db, admin, wait_s=1)
    assert not outcome.ok and "SMTP" in outcome.sentence
    [proof] = probes.unproven(db, admin)
    assert not proof.ok and "SMTP" in proof.error
    now = utcnow()
    assert (
        compute(db, admin, parse_period(f"{now.year}"), as_of=now)["mail_addresses_ok_pct"] == 0.0
    )
    url = str(db.engine.url.database)
    assert main(["--db", url, "mail", "probe", "--json"]) == 1
    payload = json.loads(capsys.readouterr().out)
    assert payload["probes"][0]["ok"] is False
