"""Sending by the mailbox's SMTP server: implicit TLS or STARTTLS with the certificate verified,
AUTH, and the threading headers (In-Reply-To, References) that put a reply in the citizen's
thread. `send` returns only once the server accepted the message: that moment is what counts."""

from __future__ import annotations

import contextlib
import smtplib
import ssl
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import formataddr, formatdate, make_msgid
from types import TracebackType

from desktop_app.exchange.mail.imap import MailServerError, ServerAccount, resolve, tls_context


@dataclass(frozen=True)
class Outgoing:
    sender: str
    to: str
    subject: str
    body: str
    sender_name: str = ""
    message_id: str = ""  # without <>; made here when empty
    in_reply_to: str = ""
    references: tuple[str, ...] = ()
    headers: dict[str, str] = field(default_factory=dict)


def new_message_id(sender: str) -> str:
    domain = sender.rpartition("@")[2] or "istiqbal.local"
    return make_msgid(domain=domain).strip("<>")


def build(mail: Outgoing) -> EmailMessage:
    msg = EmailMessage(policy=SMTP)
    msg["From"] = formataddr((mail.sender_name, mail.sender)) if mail.sender_name else mail.sender
    msg["To"] = mail.to
    msg["Subject"] = mail.subject
    msg["Date"] = formatdate(localtime=False, usegmt=True)
    msg["Message-ID"] = f"<{mail.message_id or new_message_id(mail.sender)}>"
    if mail.in_reply_to:
        msg["In-Reply-To"] = f"<{mail.in_reply_to}>"
    if mail.references:
        msg["References"] = " ".join(f"<{r}>" for r in mail.references[-20:])
    for key, value in mail.headers.items():
        msg[key] = value
    msg.set_content(mail.body, charset="utf-8")
    return msg


class SmtpSender:
    """One logged-in SMTP session; several messages may go through it."""

    def __init__(self, account: ServerAccount) -> None:
        self.account = account
        self.smtp: smtplib.SMTP | None = None

    def __enter__(self) -> SmtpSender:
        a = self.account
        resolve(a.host, a.port)
        ctx = tls_context(a.ca_file)
        try:
            if a.security == "tls":
                self.smtp = smtplib.SMTP_SSL(a.host, a.port, context=ctx, timeout=a.timeout)
            else:
                self.smtp = smtplib.SMTP(a.host, a.port, timeout=a.timeout)
                self.smtp.starttls(context=ctx)
        except ssl.SSLError as exc:
            self._abandon()
            raise MailServerError("tls", str(exc)) from exc
        except smtplib.SMTPNotSupportedError as exc:
            self._abandon()
            raise MailServerError("tls", str(exc)) from exc
        except (smtplib.SMTPException, OSError) as exc:
            self._abandon()
            raise MailServerError("connect", str(exc) or type(exc).__name__) from exc
        try:
            self.smtp.login(a.username, a.password)
        except smtplib.SMTPAuthenticationError as exc:
            self._abandon()
            raise MailServerError("login", _reply(exc)) from exc
        except (smtplib.SMTPException, OSError) as exc:
            self._abandon()
            raise MailServerError("connect", str(exc) or type(exc).__name__) from exc
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self.smtp is not None:
            try:
                self.smtp.quit()
            except (smtplib.SMTPException, OSError):
                self._abandon()
            self.smtp = None

    def _abandon(self) -> None:
        if self.smtp is not None:
            with contextlib.suppress(OSError):
                self.smtp.close()
            self.smtp = None

    def send(self, message: EmailMessage, recipients: list[str]) -> None:
        assert self.smtp is not None
        try:
            refused = self.smtp.send_message(message, to_addrs=recipients)
        except smtplib.SMTPRecipientsRefused as exc:
            raise MailServerError("refused", str(list(exc.recipients.values())[:1])) from exc
        except smtplib.SMTPResponseException as exc:
            raise MailServerError("refused", _reply(exc)) from exc
        except (smtplib.SMTPException, OSError) as exc:
            raise MailServerError("connect", str(exc) or type(exc).__name__) from exc
        if refused:
            raise MailServerError("refused", str(refused)[:200])


def _reply(exc: smtplib.SMTPResponseException) -> str:
    text = exc.smtp_error.decode("utf-8", "replace") if isinstance(exc.smtp_error, bytes) else ""
    return f"{exc.smtp_code} {text}".strip()
