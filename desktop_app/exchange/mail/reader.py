"""Bytes of many messages → the read ones (services' Arrival) and the refused ones, each refusal
one sentence naming its origin (PATH, PATH#N, mailbox:UID); shared by import and fetch."""

from __future__ import annotations

from collections.abc import Iterable

from desktop_app.exchange.mail.parse import MessageError, parse_message
from desktop_app.services.mail import Arrival, Incoming, MailError, error_sentence
from desktop_app.services.progress import Cancelled, NoProgress, Progress


def read_all(
    messages: Iterable[Incoming], limit: int, progress: Progress | None = None
) -> tuple[list[Arrival], list[tuple[Incoming, MailError]]]:
    """received_at: INTERNALDATE when fetched, else the topmost Received:, else Date: (§5)."""
    progress = progress or NoProgress()
    arrivals: list[Arrival] = []
    refused: list[tuple[Incoming, MailError]] = []
    for incoming in messages:
        if progress.cancelled():
            raise Cancelled()
        try:
            parsed = parse_message(incoming.raw, limit)
            received = incoming.internal_date or parsed.received or parsed.date
            if received is None:
                raise MessageError("no_date")
            if not parsed.sender and not parsed.automatic:
                raise MessageError("no_sender")
        except MessageError as exc:
            refused.append((incoming, MailError(incoming.source, error_sentence(exc.code, limit))))
            continue
        arrivals.append(Arrival(incoming, parsed, received))
    return arrivals, refused
