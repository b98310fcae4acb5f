"""What the request dialog shows of the mail behind a request (C2.3): each message as plain text
(headers, body, attachments) in the order of its thread; personal data for those allowed only."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from desktop_app.data.db import Database
from desktop_app.data.models import MailAttachment, MailMessage
from desktop_app.i18n import translate
from desktop_app.services import requests as requests_service
from desktop_app.services.errors import UserError
from desktop_app.services.permissions import Actor, Perm


@dataclass(frozen=True)
class AttachmentInfo:
    id: int
    filename: str
    content_type: str
    size: int


@dataclass(frozen=True)
class MessageView:
    received_at: datetime | None
    direction: str
    headers_text: str
    body_text: str
    attachments: tuple[AttachmentInfo, ...]


def thread_of(db: Database, actor: Actor, request_id: int) -> list[MessageView]:
    requests_service.require_read(actor)
    actor.require(Perm.READ_PERSONAL_DATA)
    with db.read() as s:
        messages = list(s.scalars(
            select(MailMessage).where(MailMessage.request_id == request_id)
            .order_by(MailMessage.received_at, MailMessage.id)
        ))  # fmt: skip
        files: dict[int, list[AttachmentInfo]] = {}
        for a in s.execute(
            select(MailAttachment.id, MailAttachment.message_id, MailAttachment.filename,
                   MailAttachment.content_type, MailAttachment.size)
            .where(MailAttachment.message_id.in_([m.id for m in messages]))
            .order_by(MailAttachment.id)
        ):  # fmt: skip
            files.setdefault(a.message_id, []).append(
                AttachmentInfo(a.id, a.filename, a.content_type, a.size)
            )
        return [MessageView(m.received_at, m.direction, m.headers_text, m.body_text,
                            tuple(files.get(m.id, ()))) for m in messages]  # fmt: skip


def attachment_data(db: Database, actor: Actor, attachment_id: int) -> tuple[str, bytes]:
    """(sanitised name, bytes) of one attachment, for the dialog to save and open on request."""
    requests_service.require_read(actor)
    actor.require(Perm.READ_PERSONAL_DATA)
    with db.read() as s:
        row = s.get(MailAttachment, attachment_id)
        if row is None:
            raise UserError(translate("mail", "This attachment no longer exists."))
        return row.filename, bytes(row.data)
