"""A request's life (C2.1, C2.3): create, assign, respond, close, reopen; and bulk writing."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import (
    func,
    insert,
    select,
)
from sqlalchemy.orm import Session

from desktop_app.data.db import Database
from desktop_app.data.models import Agent, CitizenRequest, RequestEvent
from desktop_app.data.models.base import table_of
from desktop_app.data.models.requests import (
    CHANNELS,
    CLOSE_REASONS,
    NOTICE_REASONS,
    TYPES,
)
from desktop_app.data.types import utcnow
from desktop_app.i18n import translate
from desktop_app.services import audit, deadlines, user_categories
from desktop_app.services import settings as settings_service
from desktop_app.services.errors import UserError
from desktop_app.services.periods import TUNIS
from desktop_app.services.permissions import Actor, Perm
from desktop_app.services.references import next_reference
from desktop_app.services.requests.common import (
    _after_the_fact,
    _agent_exists,
    _check_choice,
    _event,
    _load,
    _require_workable,
    _row_query,
    _snapshot,
    _to_row,
    _warning_hours,
    _when,
    normalise_contact,
    require_read,
)
from desktop_app.services.requests.rows import AgentChoice, EventRow, RequestDetail, RequestRow
from desktop_app.services.requests.values import close_reason_label


# -- a request's life ------------------------------------------------------------------------------
def create_request(
    db: Database,
    actor: Actor,
    *,
    channel: str,
    type: str,
    subject: str,
    citizen: str = "",
    contact: str = "",
    body: str = "",
    category: str | None = None,
    agent_id: int | None = None,
    received_at: datetime | None = None,
    now: datetime | None = None,
) -> RequestRow:
    """Register a request from any channel (C2.3); received_at defaults to now."""
    actor.require(Perm.EDIT_REQUESTS)
    now = now or utcnow()
    _check_choice(channel, CHANNELS, translate("requests", "channel"))
    _check_choice(type, TYPES, translate("requests", "type"))
    if not subject.strip():
        raise UserError(translate("requests", "Write the subject of the request."))
    contact = normalise_contact(contact)
    received = _when(received_at, None, now)
    with db.write() as s:
        # C8.6: new requests take an active category of the body's list.
        category = user_categories.check_new(s, category)
        _agent_exists(s, agent_id)
        _require_workable(s, actor, agent_id)
        values = settings_service.load_all(s)
        if values.get("deadline_clock") == deadlines.WORKING:
            deadlines.ensure_years(s, (received.astimezone(TUNIS).year,))
        clock = deadlines.load_clock(s, values)
        req = CitizenRequest(
            reference=next_reference(s, received.astimezone(TUNIS).year),
            received_at=received,
            channel=channel,
            type=type,
            citizen=citizen.strip(),
            contact=contact,
            subject=subject.strip(),
            body=body.strip(),
            category=category or None,
            agent_id=agent_id,
            status="assigned" if agent_id else "new",
            deadline_at=deadlines.legal_deadline(received),
            internal_deadline_at=deadlines.internal_deadline(clock, received),
        )
        s.add(req)
        s.flush()
        _event(s, actor, req, "created", received, recorded_at=now)
        if agent_id:
            _event(s, actor, req, "assigned", received, agent_id=agent_id, recorded_at=now)
        audit.record(
            s,
            actor,
            "create",
            "request",
            req.id,
            after={
                "reference": req.reference,
                "channel": channel,
                "type": type,
                "received_at": received,
                "category": category,
            },
        )
        name = s.get(Agent, agent_id) if agent_id else None
        return _to_row(
            req,
            name.name_ar if name else None,
            name.name_fr if name else None,
            now,
            _warning_hours(values),
            True,
        )


def _finish(
    s: Session,
    actor: Actor,
    req: CitizenRequest,
    before: dict[str, Any],
    action: str,
    now: datetime,
) -> RequestRow:
    s.flush()
    audit.record(s, actor, action, "request", req.id, before=before, after=_snapshot(req))
    agent = s.get(Agent, req.agent_id) if req.agent_id else None
    values = settings_service.load_all(s)
    return _to_row(
        req,
        agent.name_ar if agent else None,
        agent.name_fr if agent else None,
        now,
        _warning_hours(values),
        actor.can(Perm.READ_PERSONAL_DATA),
    )


def assign(
    db: Database,
    actor: Actor,
    request_id: int,
    agent_id: int | None,
    *,
    expected_version: int | None = None,
    now: datetime | None = None,
) -> RequestRow:
    actor.require(Perm.MANAGE_REQUESTS)
    now = now or utcnow()
    with db.write() as s:
        req = _load(s, request_id, expected_version)
        _agent_exists(s, agent_id)
        before = _snapshot(req)
        req.agent_id = agent_id
        if req.status in ("new", "assigned"):
            req.status = "assigned" if agent_id else "new"
        _event(s, actor, req, "assigned", now, agent_id=agent_id, recorded_at=now)
        return _finish(s, actor, req, before, "assign", now)


def respond(
    db: Database,
    actor: Actor,
    request_id: int,
    kind: str,
    text_: str,
    *,
    at: datetime | None = None,
    expected_version: int | None = None,
    now: datetime | None = None,
    notice_reason: str | None = None,
    notice_detail: str = "",
    notice_answer_by: datetime | None = None,
    notice_told_via: str = "",
    late_reason: str = "",
) -> RequestRow:
    """An answer, or a notice telling the sender the answer needs time (C2.1).

    C2.1 allows a notice for two reasons only («الرجوع إلى عدة وثائق» many documents to consult,
    «التنسيق مع هياكل عمومية أخرى» coordination with other public bodies): a notice records which
    (`notice_reason`), names the documents or the bodies (`notice_detail`, else `text_`),
    announces an answer date (`notice_answer_by`), and needs a way to reach the sender: the
    request's contact, or how the sender was told (`notice_told_via`). Either, within the legal
    deadline, is the first response; further answers are added to the timeline. A step dated
    more than 15 minutes before now needs `late_reason`.
    """
    actor.require(Perm.EDIT_REQUESTS)
    _check_choice(kind, ("answer", "notice"), translate("requests", "kind of response"))
    detail = (notice_detail or text_).strip()
    if kind == "notice":
        if notice_reason not in NOTICE_REASONS:
            raise UserError(
                translate(
                    "requests",
                    "Say why the answer needs time: many documents to consult, or coordination "
                    "with other public bodies (C2.1).",
                )
            )
        if not detail:
            raise UserError(
                translate(
                    "requests", "Name the documents to consult or the bodies to coordinate with."
                )
            )
        if notice_answer_by is None:
            raise UserError(translate("requests", "Give the answer date announced to the sender."))
        if notice_answer_by.tzinfo is None:
            raise ValueError("naive datetime")
    elif not text_.strip():
        raise UserError(translate("requests", "Write the answer given to the citizen."))
    now = now or utcnow()
    with db.write() as s:
        req = _load(s, request_id, expected_version)
        _require_workable(s, actor, req.agent_id)
        if req.closed_at is not None:
            raise UserError(
                translate("requests", "Request {ref} is closed; reopen it first.").format(
                    ref=req.reference
                )
            )
        when = _when(at, req, now)
        reason = _after_the_fact(when, now, late_reason)
        before = _snapshot(req)
        if kind == "notice":
            told = notice_told_via.strip()
            if not told and not req.contact:
                raise UserError(
                    translate(
                        "requests",
                        "Request {ref} has no contact: say how the sender was told of the notice.",
                    ).format(ref=req.reference)
                )
            if notice_answer_by is not None and notice_answer_by <= when:
                raise UserError(
                    translate("requests", "The announced answer date must come after the notice.")
                )
            req.notice_reason, req.notice_detail = notice_reason, detail
            req.notice_answer_by, req.notice_told_via = notice_answer_by, told[:200]
        if req.first_response_at is None or when < req.first_response_at:
            req.first_response_at, req.first_response_kind = when, kind
        if kind == "answer":
            req.status = "answered"
            if req.answered_at is None or when < req.answered_at:
                req.answered_at = when
        elif req.status in ("new", "assigned"):
            req.status = "notice_sent"
        _event(s, actor, req, kind, when, detail if kind == "notice" else text_.strip(),
               late_reason=reason, recorded_at=now)  # fmt: skip
        return _finish(s, actor, req, before, kind, now)


# A response whose e-mail came back undelivered keeps its step on the timeline under this kind.
BOUNCED_KINDS = {"answer": "answer_bounced", "notice": "notice_bounced"}


def withdraw_response(
    session: Session,
    actor: Actor,
    request_id: int,
    kind: str,
    at: datetime,
    reason: str,
    *,
    bounced_at: datetime,
    now: datetime,
) -> bool:
    """A notice or answer the citizen never received stops counting (CONTRACTS §5, C2.1).

    When a bounce arrives after the SMTP server accepted the message, the response recorded at
    `at` did not reach the sender: its timeline step is kept (history is never deleted) but
    renamed `<kind>_bounced`, a `mail_bounced` step dated `bounced_at` says why, and the
    request's first response, answer date, notice and status are recomputed from the responses
    that remain. Runs in the caller's transaction, audited there. False when no such response
    is on the timeline (already withdrawn, or never recorded).
    """
    req = session.get(CitizenRequest, request_id)
    if req is None or kind not in BOUNCED_KINDS:
        return False
    event = session.scalars(
        select(RequestEvent)
        .where(RequestEvent.request_id == request_id, RequestEvent.kind == kind,
               RequestEvent.at == at)
        .order_by(RequestEvent.id)
        .limit(1)
    ).first()  # fmt: skip
    if event is None:
        return False
    before = _snapshot(req)
    event.kind = BOUNCED_KINDS[kind]
    _event(session, actor, req, "mail_bounced", bounced_at, reason, recorded_at=now)
    session.flush()
    _recount_responses(session, req)
    session.flush()
    audit.record(session, actor, "withdraw_response", "request", req.id,
                 before={**before, "event_id": event.id, "event_kind": kind},
                 after=_snapshot(req))  # fmt: skip
    return True


def _recount_responses(session: Session, req: CitizenRequest) -> None:
    """First response, answer date, notice and status from the responses left on the timeline.
    The notice's reason and date stay those last recorded while any notice remains."""
    responses = session.execute(
        select(RequestEvent.kind, RequestEvent.at)
        .where(RequestEvent.request_id == req.id, RequestEvent.kind.in_(("answer", "notice")))
        .order_by(RequestEvent.at, RequestEvent.id)
    ).all()
    answers = [when for k, when in responses if k == "answer"]
    noticed = any(k == "notice" for k, _ in responses)
    req.first_response_at = responses[0][1] if responses else None
    req.first_response_kind = responses[0][0] if responses else None
    req.answered_at = answers[0] if answers else None
    if not noticed:
        req.notice_reason, req.notice_detail = None, ""
        req.notice_answer_by, req.notice_told_via = None, ""
    if req.closed_at is None:
        if answers:
            req.status = "answered"
        elif noticed:
            req.status = "notice_sent"
        else:
            req.status = "assigned" if req.agent_id else "new"


def close(
    db: Database,
    actor: Actor,
    request_id: int,
    note: str = "",
    *,
    at: datetime | None = None,
    expected_version: int | None = None,
    now: datetime | None = None,
    reason: str = "answered",
    forwarded_to: str = "",
    late_reason: str = "",
) -> RequestRow:
    """End a request: answered, or without an answer for a stated reason.

    A notice is not an answer (C2.1): a request whose only response is a notice cannot be closed
    as answered; it may be closed as withdrawn by the citizen, or as not competent and forwarded
    to a named body (`forwarded_to`).
    """
    actor.require(Perm.EDIT_REQUESTS)
    _check_choice(reason, CLOSE_REASONS, translate("requests", "reason for closing"))
    if reason == "forwarded" and not forwarded_to.strip():
        raise UserError(translate("requests", "Name the body the request was forwarded to."))
    now = now or utcnow()
    with db.write() as s:
        req = _load(s, request_id, expected_version)
        _require_workable(s, actor, req.agent_id, unassigned_ok=False)
        if req.closed_at is not None:
            raise UserError(
                translate("requests", "Request {ref} is already closed.").format(ref=req.reference)
            )
        if reason == "answered" and req.first_response_at is None:
            raise UserError(
                translate(
                    "requests", "Record the answer given before closing request {ref}."
                ).format(ref=req.reference)
            )
        if reason == "answered" and req.answered_at is None:
            raise UserError(
                translate(
                    "requests",
                    "Request {ref} had a notice but no answer: record the answer, or close it as "
                    "withdrawn or forwarded.",
                ).format(ref=req.reference)
            )
        when = _when(at, req, now)
        late = _after_the_fact(when, now, late_reason)
        before = _snapshot(req)
        req.closed_at, req.status, req.close_reason = when, "closed", reason
        words = [note.strip()]
        if reason == "forwarded":
            words.insert(0, translate("requests", "Forwarded to {body}").format(
                body=forwarded_to.strip()))  # fmt: skip
        elif reason == "withdrawn":
            words.insert(0, close_reason_label(reason))
        _event(s, actor, req, "closed", when, " — ".join(w for w in words if w),
               late_reason=late, recorded_at=now)  # fmt: skip
        return _finish(s, actor, req, before, "close", now)


def reopen(
    db: Database,
    actor: Actor,
    request_id: int,
    reason: str,
    *,
    expected_version: int | None = None,
    now: datetime | None = None,
) -> RequestRow:
    actor.require(Perm.MANAGE_REQUESTS)
    if not reason.strip():
        raise UserError(translate("requests", "Say why the request is reopened."))
    now = now or utcnow()
    with db.write() as s:
        req = _load(s, request_id, expected_version)
        if req.closed_at is None:
            raise UserError(
                translate("requests", "Request {ref} is not closed.").format(ref=req.reference)
            )
        before = _snapshot(req)
        req.closed_at, req.close_reason = None, None
        answered = s.scalar(
            select(func.count(RequestEvent.id)).where(
                RequestEvent.request_id == req.id, RequestEvent.kind == "answer"
            )
        )
        if answered:
            req.status = "answered"
        elif req.first_response_kind == "notice":
            req.status = "notice_sent"
        else:
            req.status = "assigned" if req.agent_id else "new"
        _event(s, actor, req, "reopened", now, reason.strip(), recorded_at=now)
        return _finish(s, actor, req, before, "reopen", now)


def get_request(
    db: Database, actor: Actor, request_id: int, now: datetime | None = None
) -> RequestDetail:
    require_read(actor)
    now = now or utcnow()
    personal = actor.can(Perm.READ_PERSONAL_DATA)
    with db.read() as s:
        found = s.execute(_row_query().where(CitizenRequest.id == request_id)).first()
        if found is None:
            raise UserError(translate("requests", "This request no longer exists."))
        req, name_ar, name_fr = found
        values = settings_service.load_all(s)
        imported_at = s.scalar(
            select(RequestEvent.recorded_at).where(
                RequestEvent.request_id == request_id, RequestEvent.kind == "imported"
            )
        )
        events = [
            EventRow(
                e.at,
                e.kind,
                e.username,
                e.text if personal else "",
                e.recorded_at,
                e.agent_id,
                a or "",
                f or "",
                e.late_reason,
                imported_at is not None and e.recorded_at == imported_at,
            )  # fmt: skip
            for e, a, f in s.execute(
                select(RequestEvent, Agent.name_ar, Agent.name_fr)
                .outerjoin(Agent, Agent.id == RequestEvent.agent_id)
                .where(RequestEvent.request_id == request_id)
                .order_by(RequestEvent.at, RequestEvent.id)
            )
        ]
        row = _to_row(req, name_ar, name_fr, now, _warning_hours(values), personal)
        return RequestDetail(row, req.body if personal else "", events)


def agent_choices(db: Database, actor: Actor) -> list[AgentChoice]:
    require_read(actor)
    with db.read() as s:
        rows = s.execute(
            select(Agent.id, Agent.name_ar, Agent.name_fr)
            .where(Agent.active_to.is_(None))
            .order_by(Agent.name_fr, Agent.id)
        )
        return [AgentChoice(i, a or "", f or "") for i, a, f in rows]


# -- bulk writing (imports, demo data) -------------------------------------------------------------
def bulk_insert(
    session: Session, rows: list[dict[str, Any]], events: Iterable[tuple[int, dict[str, Any]]]
) -> list[int]:
    """Core inserts of requests and their timeline; `events` index into `rows` (C2.1 proof)."""
    if not rows:
        return []
    table = table_of(CitizenRequest)
    ids = list(
        session.scalars(insert(table).returning(table.c.id, sort_by_parameter_order=True), rows)
    )
    event_rows = [{**e, "request_id": ids[i]} for i, e in events]
    if event_rows:
        session.execute(insert(table_of(RequestEvent)), event_rows)
    return ids
