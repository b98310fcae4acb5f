"""The e-mail channel's rules (C2.1, C2.3): intake, mailboxes, fetch state, sending, probes.

Split by concern (model, intake, mailboxes); the names callers use are re-exported here.
"""

from __future__ import annotations

from desktop_app.services.mail import templates  # registers the template settings
from desktop_app.services.mail.intake import ingest
from desktop_app.services.mail.model import (
    Arrival,
    Attachment,
    Incoming,
    MailError,
    MailResult,
    ParsedMessage,
    error_sentence,
    size_limit,
)

__all__ = [
    "Arrival",
    "Attachment",
    "Incoming",
    "MailError",
    "MailResult",
    "ParsedMessage",
    "error_sentence",
    "ingest",
    "size_limit",
    "templates",
]
