"""The e-mail channel (C2.1, C2.3): mailboxes, every message in or out, attachments, fetch state,
sendings and the probes that prove a published address receives mail."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, deferred, mapped_column

from desktop_app.data.models.base import Base
from desktop_app.data.types import UtcDateTime, utcnow

SECURITIES = ("tls", "starttls")  # implicit TLS or STARTTLS: never a clear-text login
PUBLISHED_ON = ("website", "letters", "posters")
DIRECTIONS = ("in", "out")
# request: became a request; reply: joined a request's thread; automatic: auto-reply, bounce;
# probe: our own proof message; sent: left by SMTP; failed: could not be read (kept aside)
MESSAGE_KINDS = ("request", "reply", "automatic", "probe", "sent", "failed")
SENDING_KINDS = ("acknowledge", "notice", "answer")
SENDING_STATUSES = ("pending", "sent", "failed")


class Mailbox(Base):
    """One published address with its IMAP and SMTP servers; the password is in the keyring."""

    __tablename__ = "mailboxes"

    id: Mapped[int] = mapped_column(primary_key=True)
    address: Mapped[str] = mapped_column(String(200), unique=True)
    imap_host: Mapped[str] = mapped_column(String(200), default="")
    imap_port: Mapped[int] = mapped_column(Integer, default=993)
    imap_security: Mapped[str] = mapped_column(String(8), default="tls")
    smtp_host: Mapped[str] = mapped_column(String(200), default="")
    smtp_port: Mapped[int] = mapped_column(Integer, default=465)
    smtp_security: Mapped[str] = mapped_column(String(8), default="tls")
    username: Mapped[str] = mapped_column(String(200), default="")
    folder: Mapped[str] = mapped_column(String(200), default="INBOX")
    ca_file: Mapped[str] = mapped_column(String(500), default="")
    published_on: Mapped[str] = mapped_column(String(100), default="")  # comma-separated
    auto_acknowledge: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class MailMessage(Base):
    """One message read or sent; `identity` (Message-ID, else sender + Date + body digest) makes
    a second import of the same message a duplicate."""

    __tablename__ = "mail_messages"

    id: Mapped[int] = mapped_column(primary_key=True)
    identity: Mapped[str] = mapped_column(String(64), unique=True)
    message_id: Mapped[str] = mapped_column(String(1000), default="")
    mailbox_id: Mapped[int | None] = mapped_column(
        ForeignKey("mailboxes.id", ondelete="SET NULL"), nullable=True
    )
    request_id: Mapped[int | None] = mapped_column(
        ForeignKey("requests.id", ondelete="SET NULL"), nullable=True
    )
    direction: Mapped[str] = mapped_column(String(3), default="in")
    kind: Mapped[str] = mapped_column(String(10))
    source: Mapped[str] = mapped_column(String(500), default="")  # PATH, PATH#N, mailbox:UID
    folder: Mapped[str] = mapped_column(String(200), default="")
    uid: Mapped[int | None] = mapped_column(Integer, nullable=True)
    sender: Mapped[str] = mapped_column(String(200), default="")
    recipients: Mapped[str] = mapped_column(String(500), default="")
    subject: Mapped[str] = mapped_column(String(500), default="")
    sent_date: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    received_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    in_reply_to: Mapped[str] = mapped_column(Text, default="")
    references: Mapped[str] = mapped_column(Text, default="")
    headers_text: Mapped[str] = mapped_column(Text, default="")
    body_text: Mapped[str] = mapped_column(Text, default="")
    automatic: Mapped[str] = mapped_column(String(16), default="")
    error: Mapped[str] = mapped_column(Text, default="")
    size: Mapped[int] = mapped_column(Integer, default=0)
    raw: Mapped[bytes | None] = deferred(mapped_column(LargeBinary, nullable=True))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)

    __table_args__ = (
        Index("ix_mail_messages_message_id", "message_id"),
        Index("ix_mail_messages_request", "request_id", "received_at"),
        Index("ix_mail_messages_kind", "kind", "mailbox_id"),
    )


class MailAttachment(Base):
    """A file that came with a message, kept under a sanitised name with its request."""

    __tablename__ = "mail_attachments"

    id: Mapped[int] = mapped_column(primary_key=True)
    message_id: Mapped[int] = mapped_column(ForeignKey("mail_messages.id", ondelete="CASCADE"))
    request_id: Mapped[int | None] = mapped_column(
        ForeignKey("requests.id", ondelete="SET NULL"), nullable=True
    )
    filename: Mapped[str] = mapped_column(String(200))
    content_type: Mapped[str] = mapped_column(String(100), default="")
    size: Mapped[int] = mapped_column(Integer, default=0)
    data: Mapped[bytes] = deferred(mapped_column(LargeBinary, nullable=False))

    __table_args__ = (Index("ix_mail_attachments_message", "message_id"),)


class MailFetchState(Base):
    """Where fetching stopped, per mailbox and folder: UIDVALIDITY and the last UID read."""

    __tablename__ = "mail_fetch_states"

    id: Mapped[int] = mapped_column(primary_key=True)
    mailbox_id: Mapped[int] = mapped_column(ForeignKey("mailboxes.id", ondelete="CASCADE"))
    folder: Mapped[str] = mapped_column(String(200))
    uidvalidity: Mapped[int] = mapped_column(Integer, default=0)
    last_uid: Mapped[int] = mapped_column(Integer, default=0)
    last_fetch_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    last_outcome: Mapped[str] = mapped_column(Text, default="")
    last_ok: Mapped[bool] = mapped_column(Boolean, default=True)

    __table_args__ = (UniqueConstraint("mailbox_id", "folder", name="uq_mail_fetch_state"),)


class MailSending(Base):
    """A message Istiqbal sends to a citizen; it counts as a response only once `sent`."""

    __tablename__ = "mail_sendings"

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int | None] = mapped_column(
        ForeignKey("requests.id", ondelete="CASCADE"), nullable=True
    )
    mailbox_id: Mapped[int | None] = mapped_column(
        ForeignKey("mailboxes.id", ondelete="SET NULL"), nullable=True
    )
    kind: Mapped[str] = mapped_column(String(12))
    status: Mapped[str] = mapped_column(String(8), default="pending")
    to_address: Mapped[str] = mapped_column(String(200))
    subject: Mapped[str] = mapped_column(String(500), default="")
    body: Mapped[str] = mapped_column(Text, default="")
    message_id: Mapped[str] = mapped_column(String(1000), default="")
    in_reply_to: Mapped[str] = mapped_column(Text, default="")
    references: Mapped[str] = mapped_column(Text, default="")
    language: Mapped[str] = mapped_column(String(2), default="ar")
    # A notice's facts, kept so the response recorded when the server accepts it carries them.
    notice_reason: Mapped[str] = mapped_column(String(16), default="")  # documents|coordination
    notice_detail: Mapped[str] = mapped_column(Text, default="")
    notice_answer_by: Mapped[date | None] = mapped_column(Date, nullable=True)
    error: Mapped[str] = mapped_column(Text, default="")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    username: Mapped[str] = mapped_column(String(64), default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    next_try_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)

    __table_args__ = (
        Index("ix_mail_sendings_request", "request_id"),
        Index("ix_mail_sendings_status", "status", "next_try_at"),
        Index("ix_mail_sendings_message_id", "message_id"),
    )


class MailProbe(Base):
    """A probe sent to a published address by SMTP and looked for through IMAP (C2.1)."""

    __tablename__ = "mail_probes"

    id: Mapped[int] = mapped_column(primary_key=True)
    mailbox_id: Mapped[int | None] = mapped_column(
        ForeignKey("mailboxes.id", ondelete="SET NULL"), nullable=True
    )
    address: Mapped[str] = mapped_column(String(200))
    token: Mapped[str] = mapped_column(String(64), unique=True)
    sent_at: Mapped[datetime] = mapped_column(UtcDateTime)
    arrived_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    status: Mapped[str] = mapped_column(String(8), default="sent")  # sent | arrived | failed
    error: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (Index("ix_mail_probes_address", "address", "sent_at"),)
