"""Settings' "Test connection" (C2.1): log in to both servers of a mailbox and say exactly what
failed (DNS, connection, TLS, login, folder), without reading or sending anything."""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.exchange.mail.imap import ImapReader, MailServerError, ServerAccount
from desktop_app.exchange.mail.smtp import SmtpSender
from desktop_app.i18n import translate
from desktop_app.services.mail.mailboxes import MailboxConfig, check, server_failure


@dataclass(frozen=True)
class ServerCheck:
    server: str  # IMAP | SMTP
    ok: bool
    sentence: str


def smtp_account(config: MailboxConfig, password: str) -> ServerAccount:
    return ServerAccount(config.smtp_host, config.smtp_port, config.smtp_security, config.login,
                         password, config.ca_file, timeout=20)  # fmt: skip


def test_connection(config: MailboxConfig, password: str) -> list[ServerCheck]:
    """Both servers, each with its own verdict: one failing does not hide the other's."""
    c = check(config)
    out: list[ServerCheck] = []
    imap = ServerAccount(c.imap_host, c.imap_port, c.imap_security, c.login, password, c.ca_file,
                         timeout=20)  # fmt: skip
    try:
        with ImapReader(imap, c.folder):
            pass
        out.append(ServerCheck("IMAP", True, translate(
            "mail", "IMAP: signed in to {host}, folder {folder} found.").format(
                host=f"{c.imap_host}:{c.imap_port}", folder=c.folder)))  # fmt: skip
    except MailServerError as exc:
        out.append(ServerCheck("IMAP", False,
                               server_failure(exc.stage, "IMAP", c.imap_host, c.imap_port,
                                              exc.detail)))  # fmt: skip
    try:
        with SmtpSender(smtp_account(c, password)):
            pass
        out.append(ServerCheck("SMTP", True, translate("mail", "SMTP: signed in to {host}.")
                               .format(host=f"{c.smtp_host}:{c.smtp_port}")))  # fmt: skip
    except MailServerError as exc:
        out.append(ServerCheck("SMTP", False,
                               server_failure(exc.stage, "SMTP", c.smtp_host, c.smtp_port,
                                              exc.detail)))  # fmt: skip
    return out
