"""What the e-mail channel's rules work on: a message's bytes and origin, the clean message the
parser makes of them, and what an import or fetch reports (CONTRACTS.md §1, §5)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from desktop_app.i18n import translate


@dataclass(frozen=True)
class Attachment:
    filename: str
    content_type: str
    data: bytes


@dataclass
class ParsedMessage:
    """What the intake rules need from one message; every text already clean."""

    message_id: str  # without <>; "" when the message has none
    in_reply_to: list[str]
    references: list[str]
    sender: str  # the address, lower-cased
    sender_name: str
    to: str
    subject: str
    date: datetime | None  # the Date: header
    received: datetime | None  # the topmost Received: header's date
    text: str
    attachments: list[Attachment] = field(default_factory=list)
    automatic: str = ""  # why it is an automatic message ("auto-submitted", "dsn", ...) or ""
    bounced_ids: list[str] = field(default_factory=list)  # Message-IDs a bounce reports on
    probe_token: str = ""
    headers_text: str = ""  # the decoded headers, for showing the original as plain text
    size: int = 0

    @property
    def digest(self) -> str:
        """Identity without a Message-ID: sender, Date and body (CONTRACTS §5)."""
        stamp = self.date.isoformat() if self.date else ""
        key = "\x1f".join((self.sender, stamp, self.text.strip()))
        return hashlib.sha256(key.encode("utf-8", "replace")).hexdigest()

    @property
    def identity(self) -> str:
        key = f"mid:{self.message_id}" if self.message_id else f"dig:{self.digest}"
        return hashlib.sha256(key.encode("utf-8", "replace")).hexdigest()


@dataclass(frozen=True)
class Incoming:
    """One message's bytes and where it came from (PATH, PATH#N, or mailbox:UID)."""

    raw: bytes
    source: str
    internal_date: datetime | None = None  # IMAP INTERNALDATE: when it reached the body
    mailbox_id: int | None = None
    folder: str = ""
    uid: int | None = None


@dataclass(frozen=True)
class MailError:
    """One message refused; `file` replaces the row of the import shape (CONTRACTS §5)."""

    file: str
    message: str

    def as_dict(self) -> dict[str, object]:
        return {"file": self.file, "column": None, "message": self.message}


@dataclass
class MailResult:
    """What an import or fetch did; as_json is CONTRACTS §1's import shape with `file`."""

    imported: int = 0
    skipped_duplicates: int = 0
    replies: int = 0
    automatic: int = 0
    errors: list[MailError] = field(default_factory=list)
    failed: list[MailError] = field(default_factory=list)  # fetch: kept aside, others imported
    request_ids: list[int] = field(default_factory=list)

    def as_json(self) -> dict[str, object]:
        return {
            "imported": self.imported,
            "skipped_duplicates": self.skipped_duplicates,
            "replies": self.replies,
            "automatic": self.automatic,
            "errors": [e.as_dict() for e in self.errors + self.failed],
        }


def size_limit(values: dict[str, Any]) -> int:
    return int(values.get("mail_size_limit_mb", 10)) * 1024 * 1024


@dataclass(frozen=True)
class Arrival:
    """A message read well enough to be judged: its origin, content and arrival time."""

    incoming: Incoming
    parsed: ParsedMessage
    received_at: datetime


def error_sentence(code: str, limit: int) -> str:
    """The one sentence a supervisor reads for a message that cannot be taken in."""
    if code == "too_large":
        return translate(
            "mail", "The message is larger than the {limit} MB limit set in Settings."
        ).format(limit=limit // (1024 * 1024))
    if code == "no_date":
        return translate(
            "mail",
            "The message has neither a usable Received: nor a usable Date: header, so when it "
            "arrived is unknown.",
        )
    if code == "no_sender":
        return translate("mail", "The message has no sender address to answer.")
    return translate("mail", "The message is damaged or built to be unreadable; it was not read.")
