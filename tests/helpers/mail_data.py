"""Messages as bytes, built the way real clients write them (Outlook, Thunderbird, webmail)."""

from __future__ import annotations

from email.header import Header
from email.mime.application import MIMEApplication
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.utils import formataddr


def message(
    *,
    sender: str = "citizen@example.tn",
    name: str = "",
    subject: str = "Demande",
    body: str = "Bonjour",
    charset: str = "utf-8",
    message_id: str | None = "<m1@example.tn>",
    date: str | None = "Tue, 03 Nov 2026 10:15:00 +0100",
    received: str | None = None,
    headers: dict[str, str] | None = None,
    attachments: list[tuple[str, bytes]] | None = None,
) -> bytes:
    text = MIMEText(body, "plain", charset)
    msg: MIMEText | MIMEMultipart = text
    if attachments:
        msg = MIMEMultipart()
        msg.attach(text)
        for filename, data in attachments:
            part = MIMEApplication(data, "pdf")
            part.add_header("Content-Disposition", "attachment", filename=filename)
            msg.attach(part)
    msg["From"] = formataddr((str(Header(name, charset)) if name else "", sender))
    msg["To"] = "bureau@body.tn"
    msg["Subject"] = Header(subject, charset)
    if message_id:
        msg["Message-ID"] = message_id
    if date:
        msg["Date"] = date
    for key, value in (headers or {}).items():
        msg[key] = value
    raw = msg.as_bytes()
    if received:
        raw = f"Received: from mx.example.tn by mail.body.tn; {received}\n".encode() + raw
    return raw


def mbox(*messages: bytes) -> bytes:
    out = b""
    for m in messages:
        body = m.replace(b"\nFrom ", b"\n>From ")
        out += b"From citizen@example.tn Tue Nov  3 10:15:00 2026\n" + body + b"\n\n"
    return out
