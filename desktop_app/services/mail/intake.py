"""The e-mail channel's rules (C2.1, C2.3): which message becomes a request, joins a thread, is
automatic or a duplicate; attachments kept with the request; all-or-nothing imports.

One message becomes one request (channel `email`) unless it is a duplicate (same Message-ID, else
same sender, Date and body digest), a reply in a request's thread (In-Reply-To/References naming a
message Istiqbal sent or imported, or the request's reference in the subject) or an automatic
message (auto-reply, delivery report), which is recorded for the mailbox and never a request
(CONTRACTS.md §5). Parsing bytes is exchange/mail/parse.py's job; this module decides.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from desktop_app.data.db import Database
from desktop_app.data.models import (
    CitizenRequest,
    MailAttachment,
    MailMessage,
    MailProbe,
    MailSending,
    RequestEvent,
)
from desktop_app.data.models.base import table_of
from desktop_app.data.types import utcnow
from desktop_app.i18n import translate
from desktop_app.services import audit, deadlines
from desktop_app.services import requests as requests_service
from desktop_app.services import settings as settings_service
from desktop_app.services.mail import sending
from desktop_app.services.mail.model import (
    Arrival,
    Incoming,
    MailError,
    MailResult,
    ParsedMessage,
)
from desktop_app.services.periods import TUNIS
from desktop_app.services.permissions import Actor, Perm, leaves_no_check_pending
from desktop_app.services.progress import NoProgress, Progress

_REFERENCE_IN_SUBJECT = re.compile(r"(?<![\d-])(\d{4}-\d{6})(?![\d-])")
_CHUNK = 500


@dataclass
class _Item:
    incoming: Incoming
    parsed: ParsedMessage
    received_at: datetime
    kind: str = "request"
    request_id: int | None = None
    thread_of: int | None = None  # index of the new request in this batch it replies to
    row: int | None = None  # index into the new request rows


def _existing(session: Session, column: Any, values: Sequence[str]) -> set[str]:
    found: set[str] = set()
    unique = sorted({v for v in values if v})
    for start in range(0, len(unique), _CHUNK):
        chunk = unique[start : start + _CHUNK]
        found |= set(session.scalars(select(column).where(column.in_(chunk))))
    return found


def _thread_targets(session: Session, items: list[_Item]) -> dict[str, int]:
    """Message-IDs (ours or imported) of existing requests' threads → request id."""
    ids = [m for it in items for m in (*it.parsed.in_reply_to, *it.parsed.references)]
    unique = sorted(set(ids))
    out: dict[str, int] = {}
    for start in range(0, len(unique), _CHUNK):
        chunk = unique[start : start + _CHUNK]
        for mid, rid in session.execute(
            select(MailMessage.message_id, MailMessage.request_id).where(
                MailMessage.message_id.in_(chunk), MailMessage.request_id.is_not(None)
            )
        ):
            if rid is not None:
                out[mid] = rid
        for mid, rid in session.execute(
            select(MailSending.message_id, MailSending.request_id).where(
                MailSending.message_id.in_(chunk), MailSending.request_id.is_not(None)
            )
        ):
            if rid is not None:
                out[mid] = rid
    return out


def _references(session: Session, items: list[_Item]) -> dict[str, int]:
    refs = [m.group(1) for it in items if (m := _REFERENCE_IN_SUBJECT.search(it.parsed.subject))]
    out: dict[str, int] = {}
    unique = sorted(set(refs))
    for start in range(0, len(unique), _CHUNK):
        chunk = unique[start : start + _CHUNK]
        for ref, rid in session.execute(
            select(CitizenRequest.reference, CitizenRequest.id).where(
                CitizenRequest.reference.in_(chunk), CitizenRequest.purged_at.is_(None)
            )
        ):
            out[ref] = rid
    return out


def _classify(session: Session, items: list[_Item], result: MailResult) -> list[_Item]:
    """Drop duplicates; mark probes, automatic messages and replies; the rest are requests."""
    existing = _existing(session, MailMessage.identity, [it.parsed.identity for it in items])
    seen: set[str] = set()
    fresh: list[_Item] = []
    for it in items:
        identity = it.parsed.identity
        if identity in existing or identity in seen:
            result.skipped_duplicates += 1
            continue
        seen.add(identity)
        fresh.append(it)
    threads = _thread_targets(session, fresh)
    by_reference = _references(session, fresh)
    batch_ids: dict[str, int] = {}  # Message-ID of a new request in this batch → its item index
    for index, it in enumerate(fresh):
        p = it.parsed
        if p.probe_token:
            it.kind = "probe"
            continue
        if p.automatic:
            it.kind = "automatic"
            continue
        linked = [m for m in (*p.in_reply_to, *reversed(p.references)) if m in threads]
        in_batch = [m for m in (*p.in_reply_to, *p.references) if m in batch_ids]
        match = _REFERENCE_IN_SUBJECT.search(p.subject)
        if linked:
            it.kind, it.request_id = "reply", threads[linked[0]]
        elif in_batch:
            it.kind, it.thread_of = "reply", batch_ids[in_batch[0]]
        elif match and match.group(1) in by_reference:
            it.kind, it.request_id = "reply", by_reference[match.group(1)]
        elif p.message_id:
            batch_ids[p.message_id] = index
    return fresh


def _subject(p: ParsedMessage) -> str:
    if p.subject.strip():
        return p.subject.strip()[:500]
    first = next((line.strip() for line in p.text.splitlines() if line.strip()), "")
    return first[:120] or translate("mail", "(no subject)")


def _message_row(it: _Item, kind: str, request_id: int | None, now: datetime) -> dict[str, Any]:
    p, inc = it.parsed, it.incoming
    return {
        "identity": p.identity,
        "message_id": p.message_id[:1000],
        "mailbox_id": inc.mailbox_id,
        "request_id": request_id,
        "direction": "in",
        "kind": kind,
        "source": inc.source[:500],
        "folder": inc.folder[:200],
        "uid": inc.uid,
        "sender": p.sender,
        "recipients": p.to,
        "subject": p.subject,
        "sent_date": p.date,
        "received_at": it.received_at,
        "in_reply_to": " ".join(p.in_reply_to),
        "references": " ".join(p.references),
        "headers_text": p.headers_text,
        "body_text": p.text,
        "automatic": p.automatic,
        "error": "",
        "size": p.size,
        "raw": inc.raw,
        "created_at": now,
    }


def failed_row(incoming: Incoming, sentence: str, now: datetime) -> dict[str, Any]:
    """A message kept aside (fetch): its UID is shown to the supervisor; never a request. Its
    identity is its bytes, so reading it again (a new UIDVALIDITY) adds no second row."""
    key = "failed:" + hashlib.sha256(incoming.raw).hexdigest()
    return {
        "identity": hashlib.sha256(key.encode()).hexdigest(),
        "message_id": "",
        "mailbox_id": incoming.mailbox_id,
        "request_id": None,
        "direction": "in",
        "kind": "failed",
        "source": incoming.source[:500],
        "folder": incoming.folder[:200],
        "uid": incoming.uid,
        "sender": "",
        "recipients": "",
        "subject": "",
        "sent_date": None,
        "received_at": incoming.internal_date,
        "in_reply_to": "",
        "references": "",
        "headers_text": "",
        "body_text": "",
        "automatic": "",
        "error": sentence,
        "size": len(incoming.raw),
        "raw": incoming.raw if len(incoming.raw) <= 50 * 1024 * 1024 else None,
        "created_at": now,
    }


def _count(result: MailResult, fresh: list[_Item]) -> None:
    result.imported = sum(1 for it in fresh if it.kind == "request")
    result.replies = sum(1 for it in fresh if it.kind == "reply")
    result.automatic = sum(1 for it in fresh if it.kind == "automatic")


@leaves_no_check_pending
def plan_mail_import(
    db: Database,
    actor: Actor,
    arrivals: Sequence[Arrival],
    refused: Sequence[tuple[Incoming, MailError]] = (),
    *,
    skip_invalid: bool = False,
) -> MailResult:
    """What ingest() would do, reading the database only (`mail import --dry-run`, the shape of
    services/imports.py): nothing is written, so no transaction is opened to be rolled back."""
    actor.require(Perm.EDIT_REQUESTS)
    result = MailResult(errors=[e for _, e in refused])
    if result.errors and not skip_invalid:
        return result
    items = [_Item(a.incoming, a.parsed, a.received_at) for a in arrivals]
    with db.read() as s:
        _count(result, _classify(s, items, result))
    return result


@leaves_no_check_pending
def ingest(
    db: Database,
    actor: Actor,
    arrivals: Sequence[Arrival],
    refused: Sequence[tuple[Incoming, MailError]] = (),
    *,
    dry_run: bool = False,
    skip_invalid: bool = False,
    keep_failed: bool = False,
    what: str = "",
    progress: Progress | None = None,
    now: datetime | None = None,
    session: Session | None = None,
) -> MailResult:
    """Take read messages in; `refused` are those the parser could not read. All-or-nothing
    unless skip_invalid; keep_failed (fetch) records each refused message aside with its source
    (mailbox:UID) and imports the others. With `session`, the caller's transaction is used (fetch
    commits the new last UID in the same one). dry_run is plan_mail_import(): nothing written."""
    actor.require(Perm.EDIT_REQUESTS)
    if dry_run and session is None:
        return plan_mail_import(db, actor, arrivals, refused, skip_invalid=skip_invalid)
    progress = progress or NoProgress()
    now = now or utcnow()
    if session is None:
        with db.write() as s:
            return ingest(db, actor, arrivals, refused, dry_run=dry_run, skip_invalid=skip_invalid,
                          keep_failed=keep_failed, what=what, progress=progress, now=now,
                          session=s)  # fmt: skip
    s = session
    values = settings_service.load_all(s)
    items = [_Item(a.incoming, a.parsed, a.received_at) for a in arrivals]
    errors = [e for _, e in refused]
    failed = [(inc, e.message) for inc, e in refused]
    result = MailResult()
    if keep_failed:
        result.failed = errors
    else:
        result.errors = errors
        if errors and not skip_invalid:
            return result
    fresh = _classify(s, items, result)
    _count(result, fresh)
    if dry_run:  # only in the caller's transaction (the caller then decides what to keep)
        return result
    requests_rows, events, index_of = _request_rows(s, actor, fresh, now, values)
    ids = requests_service.bulk_insert(s, requests_rows, events)
    result.request_ids = ids
    _write_messages(s, actor, fresh, ids, index_of, now)
    if failed and keep_failed:
        rows = {r["identity"]: r for r in (failed_row(inc, why, now) for inc, why in failed)}
        known = _existing(s, MailMessage.identity, list(rows))
        fresh_failed = [r for key, r in rows.items() if key not in known]
        if fresh_failed:
            s.execute(insert(table_of(MailMessage)), fresh_failed)
    progress.report(len(fresh), len(fresh))
    if fresh or failed:
        audit.record(s, actor, "import", "mail", "", after={
            "source": what, "imported": result.imported, "replies": result.replies,
            "automatic": result.automatic, "skipped_duplicates": result.skipped_duplicates,
            "invalid": len(errors),
        })  # fmt: skip
    return result


def _request_rows(
    s: Session, actor: Actor, fresh: list[_Item], now: datetime, values: dict[str, Any]
) -> tuple[list[dict[str, Any]], list[tuple[int, dict[str, Any]]], dict[int, int]]:
    new = [it for it in fresh if it.kind == "request"]
    if values.get("deadline_clock") == deadlines.WORKING and new:
        deadlines.ensure_years(s, {it.received_at.astimezone(TUNIS).year for it in new})
    clock = deadlines.load_clock(s, values)
    allocator = requests_service.ReferenceAllocator(s)
    rows: list[dict[str, Any]] = []
    events: list[tuple[int, dict[str, Any]]] = []
    index_of: dict[int, int] = {}  # item index in fresh → row index
    for index, it in enumerate(fresh):
        if it.kind != "request":
            continue
        p = it.parsed
        index_of[index] = len(rows)
        rows.append({
            "reference": allocator.take(it.received_at), "received_at": it.received_at,
            "channel": "email", "type": "request", "citizen": p.sender_name,
            "contact": p.sender, "subject": _subject(p), "body": p.text, "category": None,
            "agent_id": None, "status": "new", "deadline_at": clock.deadline(it.received_at),
            "first_response_at": None, "first_response_kind": None, "closed_at": None,
            "purged_at": None, "created_at": now, "version": 1,
        })  # fmt: skip
        events.append((len(rows) - 1, {
            "username": actor.username, "user_id": actor.user_id, "agent_id": None,
            "recorded_at": now, "at": it.received_at, "kind": "created",
            "text": _origin(it.incoming.source),
        }))  # fmt: skip
    return rows, events, index_of


def _write_messages(
    s: Session,
    actor: Actor,
    fresh: list[_Item],
    ids: list[int],
    index_of: dict[int, int],
    now: datetime,
) -> None:
    message_rows: list[dict[str, Any]] = []
    reply_events: list[dict[str, Any]] = []
    probe_tokens: list[tuple[str, datetime]] = []
    bounced: list[tuple[str, datetime]] = []
    for index, it in enumerate(fresh):
        request_id = it.request_id
        if it.kind == "request":
            request_id = ids[index_of[index]]
        elif it.thread_of is not None:
            target = fresh[it.thread_of]
            request_id = ids[index_of[it.thread_of]] if target.kind == "request" else None
        if it.kind == "reply" and request_id is not None:
            reply_events.append({
                "request_id": request_id, "at": it.received_at, "kind": "mail_in",
                "username": actor.username, "user_id": actor.user_id, "agent_id": None,
                "text": _reply_text(it.parsed), "recorded_at": now,
            })  # fmt: skip
        if it.kind == "probe":
            probe_tokens.append((it.parsed.probe_token, it.received_at))
        if it.kind == "automatic":
            bounced += [(mid, it.received_at) for mid in it.parsed.bounced_ids]
        message_rows.append(_message_row(it, it.kind, request_id, now))
    table = table_of(MailMessage)
    for start in range(0, len(message_rows), 1000):
        chunk = message_rows[start : start + 1000]
        message_ids = list(
            s.scalars(insert(table).returning(table.c.id, sort_by_parameter_order=True), chunk)
        )
        files = [
            {"message_id": mid, "request_id": row["request_id"], "filename": a.filename,
             "content_type": a.content_type, "size": len(a.data), "data": a.data}
            for mid, row, it in zip(message_ids, chunk, fresh[start : start + 1000], strict=True)
            for a in it.parsed.attachments
        ]  # fmt: skip
        if files:
            s.execute(insert(table_of(MailAttachment)), files)
    if reply_events:
        s.execute(insert(table_of(RequestEvent)), reply_events)
    for token, at in probe_tokens:
        s.execute(
            update(MailProbe)
            .where(MailProbe.token == token, MailProbe.arrived_at.is_(None))
            .values(arrived_at=at, status="arrived")
        )
    if bounced:
        sending.mark_bounced(s, actor, bounced, now)


def _origin(source: str) -> str:
    """The timeline names the file (not the folder it sat in) or the mailbox:UID."""
    return source.replace("\\", "/").rsplit("/", 1)[-1][:200]


def _reply_text(p: ParsedMessage) -> str:
    return f"{p.subject}\n\n{p.text}".strip()[:20_000]
