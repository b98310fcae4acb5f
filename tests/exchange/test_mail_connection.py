"""Settings' "Test connection" says exactly what failed for each server (C2.1)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from desktop_app.exchange.mail.connection import test_connection as check_servers
from desktop_app.services.mail.mailboxes import MailboxConfig
from tests.helpers.mail_servers import PASSWORD, Dovecot, SmtpServer


@pytest.fixture
def config(dovecot: Dovecot, smtp_server: SmtpServer) -> MailboxConfig:
    return MailboxConfig(address=dovecot.add_user(), imap_host="localhost",
                         imap_port=dovecot.imaps_port, smtp_host="localhost",
                         smtp_port=smtp_server.port, ca_file=str(dovecot.ca_file))  # fmt: skip


def test_both_servers_sign_in(config: MailboxConfig) -> None:
    checks = check_servers(config, PASSWORD)
    assert [(c.server, c.ok) for c in checks] == [("IMAP", True), ("SMTP", True)]


def test_wrong_password_is_named_for_each_server(config: MailboxConfig) -> None:
    checks = check_servers(config, "wrong")
    assert [c.ok for c in checks] == [False, False]
    assert all("refused the user name or the password" in c.sentence for c in checks)


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ({"imap_host": "127.0.0.1", "smtp_host": "127.0.0.1"}, "certificate"),
        ({"folder": "Nowhere"}, "folder"),
        ({"imap_host": "no-such-host.invalid", "smtp_host": "no-such-host.invalid"}, "DNS"),
        ({"imap_port": 1, "smtp_port": 1}, "does not answer"),
    ],
)
def test_each_failure_says_what_failed(
    config: MailboxConfig, changes: dict[str, object], words: str
) -> None:
    checks = check_servers(replace(config, **changes), PASSWORD)  # type: ignore[arg-type]
    assert not checks[0].ok and words in checks[0].sentence
    if words != "folder":
        assert not checks[1].ok and words in checks[1].sentence
    else:
        assert checks[1].ok
