"""The loopback servers the mail tests rely on really deliver and serve mail over verified TLS."""

from __future__ import annotations

import imaplib
import smtplib
import ssl

import pytest

from tests.helpers.mail_data import message
from tests.helpers.mail_servers import PASSWORD, Dovecot, SmtpServer


def test_smtp_hands_mail_to_dovecot_and_imap_serves_it_over_verified_tls(
    dovecot: Dovecot, smtp_server: SmtpServer
) -> None:
    box = dovecot.add_user()
    ctx = ssl.create_default_context(cafile=str(dovecot.ca_file))
    with smtplib.SMTP_SSL("localhost", smtp_server.port, context=ctx) as smtp:
        smtp.login(box, PASSWORD)
        smtp.sendmail("citizen@example.tn", [box], message(message_id="<srv@x.tn>"))
    dovecot.deliver(box, message(message_id="<lmtp@x.tn>"))
    with imaplib.IMAP4_SSL("localhost", dovecot.imaps_port, ssl_context=ctx) as imap:
        imap.login(box, PASSWORD)
        typ, data = imap.select("INBOX", readonly=True)
        assert typ == "OK" and data[0] == b"2"


def test_the_certificate_names_localhost_only(dovecot: Dovecot) -> None:
    ctx = ssl.create_default_context(cafile=str(dovecot.ca_file))
    with pytest.raises(ssl.SSLCertVerificationError):
        imaplib.IMAP4_SSL("127.0.0.1", dovecot.imaps_port, ssl_context=ctx)
