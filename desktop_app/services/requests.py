"""Citizen requests (C2.1, C2.3, C8.6): their life, the register's paged query, personal data.

Every step (create, assign, first response as an answer or a notice, further answers, close,
reopen) is timestamped, attributed, written to the request's timeline and to the audit trail in
the same transaction. The deadline state is computed (services/deadlines.py), never typed.
Citizens' names, contacts and texts are personal data (law 2004-63): only roles with
READ_PERSONAL_DATA see them; a retention purge removes them after the legal period, with a
preview first and a record after; a citizen's own data can be exported (right of access).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import (
    ColumnElement,
    and_,
    case,
    func,
    insert,
    literal,
    or_,
    select,
    text,
    tuple_,
)
from sqlalchemy.orm import Session

from desktop_app.data.db import Database
from desktop_app.data.models import Agent, CitizenRequest, RequestEvent, RequestPurge
from desktop_app.data.models.base import table_of
from desktop_app.data.models.requests import (
    CHANNELS,
    CLOSE_REASONS,
    NOTICE_REASONS,
    TYPES,
)
from desktop_app.data.types import utcnow
from desktop_app.i18n import translate
from desktop_app.services import audit, callbacks, deadlines, traces, user_categories
from desktop_app.services import settings as settings_service
from desktop_app.services.errors import ConcurrentEdit, PermissionDenied, UserError
from desktop_app.services.periods import TUNIS
from desktop_app.services.permissions import Actor, Perm, role_label

# Re-exported: the register's import and the demo data take references through this module.
from desktop_app.services.references import ReferenceAllocator as ReferenceAllocator
from desktop_app.services.references import next_reference as next_reference

_EMAIL = re.compile(r"^[^@\s<>\"]+@[^@\s<>\"]+\.[A-Za-z]{2,}$")
SORT_KEYS = (
    "reference",
    "received_at",
    "channel",
    "type",
    "citizen",
    "subject",
    "agent",
    "status",
    "deadline",
    "category",
)
STATE_KEYS = deadlines.STATES
# Steps whose date a user may type: dated back more than 15 minutes they need a reason.
DATED_STEPS = ("answer", "notice", "closed")


# -- value names -----------------------------------------------------------------------------------
def channel_label(value: str) -> str:
    return {
        "email": translate("requests", "E-mail"),
        "phone": translate("requests", "Telephone"),
        "web": translate("requests", "Web portal"),
        "fax": translate("requests", "Fax"),
        "letter": translate("requests", "Letter"),
        "in_person": translate("requests", "In person"),
        "social": translate("requests", "Social networks"),
    }.get(value, value)


def type_label(value: str) -> str:
    return {
        "request": translate("requests", "Request"),
        "complaint": translate("requests", "Complaint"),
        "report": translate("requests", "Report"),
        "inquiry": translate("requests", "Inquiry"),
        "suggestion": translate("requests", "Suggestion"),
    }.get(value, value)


def category_label(value: str | None) -> str:
    """The particular category's name as the body keeps it (C8.6, services/user_categories.py)."""
    return user_categories.label(value)


def status_label(value: str) -> str:
    return {
        "new": translate("requests", "New"),
        "assigned": translate("requests", "Assigned"),
        "notice_sent": translate("requests", "Notice sent"),
        "answered": translate("requests", "Answered"),
        "closed": translate("requests", "Closed"),
    }.get(value, value)


def event_label(kind: str) -> str:
    return {
        "created": translate("requests", "Received"),
        "imported": translate("requests", "Imported from the register"),
        "assigned": translate("requests", "Assigned"),
        "notice": translate("requests", "Notice to the sender"),
        "acknowledged": translate("requests", "Acknowledgement of receipt"),
        "answer": translate("requests", "Answer"),
        "closed": translate("requests", "Closed"),
        "reopened": translate("requests", "Reopened"),
        "purged": translate("requests", "Personal data removed"),
        "mail_in": translate("requests", "E-mail from the citizen"),
        "mail_out": translate("requests", "E-mail sent to the citizen"),
        "mail_failed": translate("requests", "E-mail not sent"),
    }.get(kind, kind)


def notice_reason_label(value: str | None) -> str:
    """C2.1's two reasons for a notice: documents to consult, coordination with other bodies."""
    return {
        "documents": translate("requests", "Many documents to consult"),
        "coordination": translate("requests", "Coordination with other public bodies"),
    }.get(value or "", value or "")


def close_reason_label(value: str | None) -> str:
    return {
        "answered": translate("requests", "Answered"),
        "withdrawn": translate("requests", "Withdrawn by the citizen"),
        "forwarded": translate("requests", "Not competent: forwarded to the competent body"),
    }.get(value or "", value or "")


# -- rows the window and the reports receive -------------------------------------------------------
@dataclass(frozen=True)
class RequestRow:
    id: int
    reference: str
    received_at: datetime
    channel: str
    type: str
    citizen: str  # "" when the actor may not read personal data
    contact: str
    subject: str
    category: str | None
    agent_id: int | None
    agent_name_ar: str
    agent_name_fr: str
    status: str
    deadline_at: datetime
    first_response_at: datetime | None
    first_response_kind: str | None
    closed_at: datetime | None
    purged: bool
    version: int
    state: str  # on_time, due_soon, overdue, met, missed, notice_overdue (computed at query time)
    personal_hidden: bool = False
    internal_deadline_at: datetime | None = None  # the body's own target, beside the legal one
    answered_at: datetime | None = None  # the first answer (a notice is not one)
    notice_reason: str | None = None  # documents | coordination (C2.1)
    notice_detail: str = ""
    notice_answer_by: datetime | None = None  # the answer date the notice announced
    notice_told_via: str = ""
    close_reason: str | None = None

    def agent_name(self, lang: str) -> str:
        return (self.agent_name_ar if lang == "ar" else self.agent_name_fr) or (
            self.agent_name_fr or self.agent_name_ar
        )


@dataclass(frozen=True)
class EventRow:
    at: datetime
    kind: str
    username: str
    text: str
    recorded_at: datetime
    agent_id: int | None = None  # "assigned": to whom (None: the assignment was withdrawn)
    agent_name_ar: str = ""
    agent_name_fr: str = ""
    late_reason: str = ""
    imported: bool = False  # written by a register import: its dates come from the register

    @property
    def after_the_fact(self) -> bool:
        """Entered in Istiqbal more than 15 minutes after the time it is dated (not an import)."""
        return (
            self.kind in DATED_STEPS
            and not self.imported
            and self.recorded_at - self.at > deadlines.BACKDATED_AFTER
        )

    def agent_name(self, lang: str) -> str:
        return (self.agent_name_ar if lang == "ar" else self.agent_name_fr) or (
            self.agent_name_fr or self.agent_name_ar
        )

    def describe(self, lang: str) -> str:
        """The step in words; an assignment names the agent (or says it was withdrawn)."""
        if self.kind != "assigned":
            return event_label(self.kind)
        if self.agent_id is None:
            return translate("requests", "Assignment withdrawn")
        return translate("requests", "Assigned to {agent}").format(agent=self.agent_name(lang))


@dataclass(frozen=True)
class RequestDetail:
    row: RequestRow
    body: str
    events: list[EventRow]


@dataclass(frozen=True)
class RequestFilter:
    status: str = ""
    channel: str = ""
    type: str = ""
    category: str = ""
    agent_id: int | None = None
    state: str = ""  # one of deadlines.STATES, or "open" (not yet responded, not closed)
    # The legal deadline's states judge by received + 48 h (C2.1); notice_overdue: a notice's
    # announced answer date has passed without an answer.
    since: datetime | None = None
    until: datetime | None = None
    text: str = ""


@dataclass(frozen=True)
class AgentChoice:
    id: int
    name_ar: str
    name_fr: str

    def name(self, lang: str) -> str:
        return (self.name_ar if lang == "ar" else self.name_fr) or self.name_fr or self.name_ar


# -- helpers ---------------------------------------------------------------------------------------
def require_read(actor: Actor) -> None:
    """Agents work the register without the READ_ALL right; everyone else reads with it."""
    actor.require_any(Perm.EDIT_REQUESTS, Perm.READ_ALL)


def normalise_contact(raw: str) -> str:
    """An e-mail address (lower-cased) or a phone number (E.164 when it is Tunisian or full)."""
    value = raw.strip()
    if not value:
        return ""
    if "@" in value:
        if not _EMAIL.match(value):
            raise UserError(
                translate("requests", "“{text}” is not a valid e-mail address.").format(text=raw)
            )
        return value.lower()
    # The inventory's own reading of numbers (services/phones.py): Arabic-Indic digits,
    # (+216), 00216, dots and spaces all work; a citizen has no short number.
    from desktop_app.services import phones

    try:
        return phones.normalise(value, "mobile").number
    except UserError as exc:
        raise UserError(
            translate(
                "requests", "“{text}” is neither an e-mail address nor a telephone number."
            ).format(text=raw)
        ) from exc


def _check_choice(value: str, allowed: Sequence[str], what: str) -> str:
    if value not in allowed:
        raise UserError(
            translate("requests", "“{value}” is not a valid {what}.").format(value=value, what=what)
        )
    return value


def _warning_hours(values: Mapping[str, Any]) -> float:
    return float(values.get("warning_hours", 12))


def warning_hours(db: Database) -> float:
    """The warning window setting, in hours (due soon when the deadline is that close)."""
    with db.read() as s:
        return _warning_hours(settings_service.load_all(s))


def restate(row: RequestRow, now: datetime, warning: float) -> RequestRow:
    """The row with its deadline state as of `now`: the register's minute tick, no re-read."""
    state = deadlines.deadline_state(
        row.deadline_at, row.first_response_at, row.closed_at, now, warning,
        first_response_kind=row.first_response_kind, answered_at=row.answered_at,
        notice_answer_by=row.notice_answer_by,
    )  # fmt: skip
    return row if state == row.state else replace(row, state=state)


def state_text(row: RequestRow) -> str:
    """The deadline state in words; a first response that was a notice says so (C2.1)."""
    if row.first_response_kind == "notice" and row.state in ("met", "missed"):
        if row.state == "met":
            return translate("requests", "Notice sent in time")
        return translate("requests", "Notice sent late")
    return deadlines.state_label(row.state)


def _row_query() -> Any:
    return select(CitizenRequest, Agent.name_ar, Agent.name_fr).outerjoin(
        Agent, Agent.id == CitizenRequest.agent_id
    )


def _to_row(
    req: CitizenRequest,
    name_ar: str | None,
    name_fr: str | None,
    now: datetime,
    warning: float,
    personal: bool,
) -> RequestRow:
    return RequestRow(
        id=req.id,
        reference=req.reference,
        received_at=req.received_at,
        channel=req.channel,
        type=req.type,
        citizen=req.citizen if personal else "",
        contact=req.contact if personal else "",
        subject=req.subject,
        category=req.category,
        agent_id=req.agent_id,
        agent_name_ar=name_ar or "",
        agent_name_fr=name_fr or "",
        status=req.status,
        deadline_at=req.deadline_at,
        first_response_at=req.first_response_at,
        first_response_kind=req.first_response_kind,
        closed_at=req.closed_at,
        purged=req.purged_at is not None,
        version=req.version,
        state=deadlines.deadline_state(
            req.deadline_at,
            req.first_response_at,
            req.closed_at,
            now,
            warning,
            first_response_kind=req.first_response_kind,
            answered_at=req.answered_at,
            notice_answer_by=req.notice_answer_by,
        ),  # fmt: skip
        personal_hidden=not personal,
        internal_deadline_at=req.internal_deadline_at or req.deadline_at,
        answered_at=req.answered_at,
        notice_reason=req.notice_reason,
        notice_detail=req.notice_detail,
        notice_answer_by=req.notice_answer_by,
        notice_told_via=req.notice_told_via if personal else "",
        close_reason=req.close_reason,
    )


def _load(session: Session, request_id: int, expected_version: int | None) -> CitizenRequest:
    req = session.get(CitizenRequest, request_id)
    if req is None:
        raise UserError(translate("requests", "This request no longer exists."))
    if expected_version is not None and req.version != expected_version:
        raise ConcurrentEdit(
            translate(
                "requests", "Request {ref} was changed by someone else meanwhile; reopen it."
            ).format(ref=req.reference)
        )
    return req


def _event(
    session: Session,
    actor: Actor,
    req: CitizenRequest,
    kind: str,
    at: datetime,
    text_: str = "",
    agent_id: int | None = None,
    late_reason: str = "",
    recorded_at: datetime | None = None,
) -> None:
    session.add(
        RequestEvent(
            request_id=req.id,
            at=at,
            kind=kind,
            username=actor.username,
            user_id=actor.user_id,
            agent_id=agent_id,
            text=text_,
            late_reason=late_reason,
            recorded_at=recorded_at or utcnow(),
        )
    )


def _snapshot(req: CitizenRequest) -> dict[str, Any]:
    return {
        "status": req.status,
        "agent_id": req.agent_id,
        "first_response_at": req.first_response_at,
        "first_response_kind": req.first_response_kind,
        "closed_at": req.closed_at,
        "close_reason": req.close_reason,
        "notice_reason": req.notice_reason,
        "notice_answer_by": req.notice_answer_by,
    }


def _when(at: datetime | None, req: CitizenRequest | None, now: datetime) -> datetime:
    """A step may be dated in the past (an answer posted yesterday), never in the future."""
    if at is None:
        return now
    if at.tzinfo is None:
        raise ValueError("naive datetime")
    if at > now + timedelta(minutes=5):
        raise UserError(translate("requests", "A step cannot be dated in the future."))
    if req is not None and at < req.received_at:
        raise UserError(translate("requests", "A step cannot be dated before the request arrived."))
    return at


def _after_the_fact(when: datetime, now: datetime, late_reason: str) -> str:
    """A step dated more than 15 minutes before it is recorded needs a reason: a dialog left open
    for hours or a date typed by hand must not quietly turn a late answer into an on-time one
    (C2.1); the step shows "entered after the fact" and counts in req_backdated."""
    if now - when <= deadlines.BACKDATED_AFTER:
        return ""
    reason = late_reason.strip()
    if not reason:
        raise UserError(
            translate(
                "requests",
                "This step is dated more than 15 minutes before now: say why it is entered after "
                "the fact.",
            )
        )
    return reason


def _agent_exists(session: Session, agent_id: int | None) -> None:
    if agent_id is not None and session.get(Agent, agent_id) is None:
        raise UserError(translate("requests", "This agent no longer exists."))


def _own_agent_ids(session: Session, actor: Actor) -> set[int]:
    """The agent records linked to the signed-in user (an agent works as themselves)."""
    if actor.user_id is None:
        return set()
    return set(session.scalars(select(Agent.id).where(Agent.user_id == actor.user_id)))


def _require_workable(
    session: Session, actor: Actor, agent_id: int | None, *, unassigned_ok: bool = True
) -> None:
    """README: an agent logs and answers requests assigned to them or unassigned, nothing else;
    roles with MANAGE_REQUESTS work on every request (issue 16 point 2)."""
    if actor.can(Perm.MANAGE_REQUESTS):
        return
    if agent_id is None and unassigned_ok:
        return
    if agent_id is not None and agent_id in _own_agent_ids(session, actor):
        return
    raise PermissionDenied(
        translate("requests", "A reception agent works only on requests assigned to them.")
        if agent_id is not None or not unassigned_ok
        else translate("permissions", "Your role ({role}) does not allow this action.").format(
            role=role_label(actor.role)
        )
    )


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


# -- the register: filtered, sorted, keyset-paged in SQL -------------------------------------------
# Every sort is served by an index whose columns are its ORDER BY (0007_requests_sort), so a
# keyset page is an index range read however large the register: a column with few values is
# ordered (column, received_at, id). Agent and category are read one value at a time (see
# _grouped_sorted), so a NULL category or agent never meets a keyset comparison.


# Sort key → the attributes the keyset compares (id excluded), named alike on the ORM class and on
# RequestRow. Grouped columns add received_at, as their (column, received_at, id) indexes do (0007).
_SORT_ATTRIBUTES: dict[str, tuple[str, ...]] = {
    "reference": ("reference",),
    "received_at": ("received_at",),
    "citizen": ("citizen",),
    "subject": ("subject",),
    "deadline": ("deadline_at",),
    "channel": ("channel", "received_at"),
    "type": ("type", "received_at"),
    "status": ("status", "received_at"),
}


def _sort_columns(key: str) -> list[Any]:
    if key not in _SORT_ATTRIBUTES:
        raise ValueError(f"unknown sort key {key}")
    return [getattr(CitizenRequest, name) for name in _SORT_ATTRIBUTES[key]]


def sort_values(row: RequestRow, key: str) -> list[Any]:
    """The values of `row` the keyset of sort `key` compares (id excluded)."""
    return [getattr(row, name) for name in _SORT_ATTRIBUTES[key]]


def _keyset_after(columns: list[Any], values: list[Any], last_id: int, descending: bool) -> Any:
    cols = [*columns, CitizenRequest.id]
    vals = [literal(v, type_=c.type) for c, v in zip(cols, [*values, last_id], strict=True)]
    pair, last = tuple_(*cols), tuple_(*vals)
    return pair < last if descending else pair > last


def like_pattern(word: str) -> str:
    """`%word%` for LIKE with the backslash as escape: a typed % or _ matches only itself."""
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _fts_query(text_: str, subject_only: bool) -> str:
    tokens = [t for t in re.split(r"[\s\"'()*:^+\-]+", text_) if t]
    column = "subject : " if subject_only else ""
    return " AND ".join(f'{column}"{t}"*' for t in tokens)


def notice_overdue_condition(now: datetime) -> ColumnElement[bool]:
    """Overdue after notice (C2.1): the first response was a notice, the answer date it announced
    is past, no answer came and the request is open. Never NULL, so it can be negated."""
    r = CitizenRequest
    return and_(
        func.coalesce(r.first_response_kind, "") == "notice",
        r.answered_at.is_(None),
        r.closed_at.is_(None),
        r.notice_answer_by.is_not(None),
        r.notice_answer_by < now,
    )


def state_condition(state: str, now: datetime, warning_hours: float) -> ColumnElement[bool]:
    """The SQL twin of deadlines.deadline_state(), on indexed columns."""
    r = CitizenRequest
    waiting = and_(r.first_response_at.is_(None), r.closed_at.is_(None))
    soon = now + timedelta(hours=warning_hours)
    after_notice = notice_overdue_condition(now)
    conditions: dict[str, ColumnElement[bool]] = {
        "open": waiting,
        "overdue": and_(waiting, r.deadline_at < now),
        "due_soon": and_(waiting, r.deadline_at >= now, r.deadline_at <= soon),
        "on_time": and_(waiting, r.deadline_at > soon),
        "met": and_(
            r.first_response_at.is_not(None), r.first_response_at <= r.deadline_at, ~after_notice
        ),
        "missed": and_(
            or_(
                and_(r.first_response_at.is_not(None), r.first_response_at > r.deadline_at),
                and_(r.first_response_at.is_(None), r.closed_at.is_not(None)),
            ),
            ~after_notice,
        ),
        "notice_overdue": after_notice,
    }
    if state not in conditions:
        raise ValueError(f"unknown deadline state {state}")
    return conditions[state]


def _filtered(
    stmt: Any, flt: RequestFilter, now: datetime, warning: float, sqlite: bool, personal: bool
) -> Any:
    r = CitizenRequest
    for column, value in (
        (r.status, flt.status),
        (r.channel, flt.channel),
        (r.type, flt.type),
        (r.category, flt.category),
    ):
        if value:
            stmt = stmt.where(column == value)
    if flt.agent_id is not None:
        stmt = (
            stmt.where(r.agent_id == flt.agent_id)
            if flt.agent_id
            else stmt.where(r.agent_id.is_(None))
        )
    if flt.state:
        stmt = stmt.where(state_condition(flt.state, now, warning))
    if flt.since is not None:
        stmt = stmt.where(r.received_at >= flt.since)
    if flt.until is not None:
        stmt = stmt.where(r.received_at < flt.until)
    if flt.text.strip():
        if sqlite:
            query = _fts_query(flt.text, subject_only=not personal)
            if query:
                stmt = stmt.where(
                    r.id.in_(
                        select(text("rowid"))
                        .select_from(text("requests_fts"))
                        .where(text("requests_fts MATCH :fts"))
                        .params(fts=query)
                    )
                )
        else:  # PostgreSQL: an ILIKE on each word, same columns; % and _ are literal
            columns = [r.subject] if not personal else [r.subject, r.body, r.citizen]
            for token in flt.text.split():
                pattern = like_pattern(token)
                stmt = stmt.where(or_(*(c.ilike(pattern, escape="\\") for c in columns)))
    return stmt


def list_page(
    db: Database,
    actor: Actor,
    flt: RequestFilter,
    *,
    sort: str = "received_at",
    descending: bool = True,
    after: RequestRow | None = None,
    limit: int = 200,
    now: datetime | None = None,
    lang: str = "fr",
) -> list[RequestRow]:
    """One page of the register after `after`, ordered by the sort's index columns, then id.

    `agent` sorts by the agent's name as shown in `lang` (unassigned first when ascending), then
    received_at; `category` by its key (none first), then received_at.
    """
    require_read(actor)
    now = now or utcnow()
    personal = actor.can(Perm.READ_PERSONAL_DATA)
    with db.read() as s:
        warning = _warning_hours(settings_service.load_all(s))
        categories = user_categories.codes(s)  # also the names the rows' labels show (C8.6)
        base = _filtered(_row_query(), flt, now, warning, db.is_sqlite, personal)
        if sort in ("agent", "category"):
            column: Any
            groups: list[Any]
            at: Any
            if sort == "agent":
                column, groups = CitizenRequest.agent_id, agent_rank(s, lang)
                at = after.agent_id if after is not None else None
            else:
                column, groups = CitizenRequest.category, [None, *sorted(categories)]
                at = after.category if after is not None else None
            found = _grouped_sorted(s, base, flt, now, warning, db.is_sqlite, personal, column,
                                    groups, at, descending, after, limit)  # fmt: skip
        else:
            columns = _sort_columns(sort)
            stmt = base
            if after is not None:
                stmt = stmt.where(
                    _keyset_after(columns, sort_values(after, sort), after.id, descending)
                )
            order = [*columns, CitizenRequest.id]
            stmt = stmt.order_by(*(c.desc() if descending else c for c in order)).limit(limit)
            found = list(s.execute(stmt))
        return [_to_row(req, a, f, now, warning, personal) for req, a, f in found]


def agent_rank(session: Session, lang: str) -> list[int | None]:
    """Agent ids in the order of their displayed names in `lang`; None (unassigned) first."""
    agents = [AgentChoice(i, a or "", f or "") for i, a, f in
              session.execute(select(Agent.id, Agent.name_ar, Agent.name_fr))]  # fmt: skip
    agents.sort(key=lambda a: (a.name(lang).casefold(), a.id))
    return [None, *(a.id for a in agents)]


_FEW_MATCHES = 5_000  # below this many matches, one sorted query beats a walk over the groups


def _grouped_sorted(
    s: Session,
    base: Any,
    flt: RequestFilter,
    now: datetime,
    warning: float,
    sqlite: bool,
    personal: bool,
    column: Any,
    groups: list[Any],
    after_group: Any,
    descending: bool,
    after: RequestRow | None,
    limit: int,
) -> list[Any]:
    """A sort by a column of few values, in the order `groups` gives them: each group's requests
    are read on the index (column, received_at, id) — an equality then a range, a seek however
    deep the page — until the page is full. With a filter, one query first counts the matches
    of each group: empty groups are skipped, and when few requests match at all (a deadline
    state, a rare word) they are read by the filter's own index and sorted by the groups' rank
    in one query. Serves the agent (ranked by the name shown) and the category."""
    r = CitizenRequest
    rank_of = {g: i for i, g in enumerate(groups)}
    if flt != RequestFilter():
        counted = dict(
            s.execute(
                _filtered(
                    select(column, func.count()), flt, now, warning, sqlite, personal
                ).group_by(column)
            ).all()
        )
        groups = [g for g in groups if counted.get(g)]
        if sum(counted.values()) <= _FEW_MATCHES:
            rank = case(
                *((column.is_(None) if g is None else column == g, rank_of[g]) for g in groups),
                else_=len(rank_of),
            )
            stmt = base
            if after is not None:
                last = [rank_of.get(after_group, len(rank_of)), after.received_at]
                keyset = _keyset_after([rank, r.received_at], last, after.id, descending)
                stmt = stmt.where(keyset)
            ranked: tuple[Any, ...] = (rank, r.received_at, r.id)
            stmt = stmt.order_by(*(c.desc() if descending else c for c in ranked))
            return list(s.execute(stmt.limit(limit)).all())
    if descending:
        groups = groups[::-1]
    start = groups.index(after_group) if after is not None and after_group in groups else 0
    rows: list[Any] = []
    for position in range(start, len(groups)):
        group = groups[position]
        stmt = base.where(column.is_(None) if group is None else column == group)
        if after is not None and position == start and after_group == group:
            stmt = stmt.where(_keyset_after([r.received_at], [after.received_at], after.id,
                                            descending))  # fmt: skip
        order = (r.received_at, r.id)
        stmt = stmt.order_by(*(c.desc() if descending else c for c in order))
        rows += s.execute(stmt.limit(limit - len(rows))).all()
        if len(rows) >= limit:
            break
    return rows


def count_matching(
    db: Database, actor: Actor, flt: RequestFilter, now: datetime | None = None
) -> int:
    require_read(actor)
    now = now or utcnow()
    with db.read() as s:
        warning = _warning_hours(settings_service.load_all(s))
        stmt = _filtered(
            select(func.count(CitizenRequest.id)),
            flt,
            now,
            warning,
            db.is_sqlite,
            actor.can(Perm.READ_PERSONAL_DATA),
        )
        return int(s.scalar(stmt) or 0)


def state_counts_in(session: Session, now: datetime, warning: float) -> dict[str, int]:
    r = CitizenRequest
    waiting = and_(r.first_response_at.is_(None), r.closed_at.is_(None))
    soon = now + timedelta(hours=warning)
    row = session.execute(
        select(
            func.count(r.id),
            func.count(r.id).filter(r.deadline_at < now),
            func.count(r.id).filter(r.deadline_at >= now, r.deadline_at <= soon),
        ).where(waiting)
    ).one()
    after_notice = session.scalar(select(func.count(r.id)).where(notice_overdue_condition(now)))
    return {
        "open": row[0],
        "overdue": row[1],
        "due_soon": row[2],
        "on_time": row[0] - row[1] - row[2],
        "notice_overdue": int(after_notice or 0),
    }


def state_counts(db: Database, actor: Actor, now: datetime | None = None) -> dict[str, int]:
    """Waiting requests by deadline state, for the dashboard (overdue, due soon, on time)."""
    require_read(actor)
    with db.read() as s:
        return state_counts_in(s, now or utcnow(), _warning_hours(settings_service.load_all(s)))


def entering_warning(
    db: Database, actor: Actor, since: datetime, now: datetime | None = None
) -> list[RequestRow]:
    """Waiting requests whose warning window opened in (since, now]: the desktop notification."""
    require_read(actor)
    now = now or utcnow()
    personal = actor.can(Perm.READ_PERSONAL_DATA)
    with db.read() as s:
        warning = _warning_hours(settings_service.load_all(s))
        r = CitizenRequest
        stmt = (
            _row_query()
            .where(
                r.first_response_at.is_(None),
                r.closed_at.is_(None),
                r.deadline_at > since + timedelta(hours=warning),
                r.deadline_at <= now + timedelta(hours=warning),
            )
            .order_by(r.deadline_at)
            .limit(50)
        )
        return [_to_row(req, a, f, now, warning, personal) for req, a, f in s.execute(stmt)]


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


# -- personal data (law 2004-63) -------------------------------------------------------------------
@dataclass(frozen=True)
class PurgePreview:
    cutoff: datetime
    count: int
    references: list[str] = field(default_factory=list)  # the first ones, to show


def _purge_cutoff(values: Mapping[str, Any], now: datetime) -> datetime:
    years = int(values.get("retention_years", 5))
    local = now.astimezone(TUNIS)
    try:
        cut = local.replace(year=local.year - years)
    except ValueError:  # 29 February
        cut = local.replace(year=local.year - years, day=28)
    return cut.astimezone(UTC)


def _purgeable(cutoff: datetime) -> Any:
    """Closed before the cut-off, or never closed and received before it (law 2004-63: a
    request left open is no reason to keep a citizen's data for ever)."""
    r = CitizenRequest
    return and_(
        r.purged_at.is_(None),
        or_(
            and_(r.closed_at.is_not(None), r.closed_at < cutoff),
            and_(r.closed_at.is_(None), r.received_at < cutoff),
        ),
    )


def _purge_order() -> Any:
    r = CitizenRequest
    return func.coalesce(r.closed_at, r.received_at)


def purge_preview(
    db: Database, actor: Actor, now: datetime | None = None, shown: int = 50
) -> PurgePreview:
    """What a purge would remove now: requests closed longer ago than the retention period,
    and requests never closed received longer ago than it."""
    actor.require(Perm.PURGE_PERSONAL_DATA)
    now = now or utcnow()
    with db.read() as s:
        cutoff = _purge_cutoff(settings_service.load_all(s), now)
        count = s.scalar(select(func.count(CitizenRequest.id)).where(_purgeable(cutoff))) or 0
        refs = list(
            s.scalars(
                select(CitizenRequest.reference)
                .where(_purgeable(cutoff))
                .order_by(_purge_order(), CitizenRequest.id)
                .limit(shown)
            )
        )
        return PurgePreview(cutoff, int(count), refs)


def purge(db: Database, actor: Actor, now: datetime | None = None) -> PurgePreview:
    """Remove citizens' names, contacts, texts and timeline notes; keep what the statistics need.

    The reference, dates, channel, type, category, subject line and deadline facts stay, so past
    reports still add up; a RequestPurge row and an audit entry record what was removed.
    """
    actor.require(Perm.PURGE_PERSONAL_DATA)
    now = now or utcnow()
    r = CitizenRequest
    requests_table, events_table = table_of(CitizenRequest), table_of(RequestEvent)
    with db.write() as s:
        traces.scrub_freed_space(s)  # issue 16 point 6: no readable trace in freed pages
        cutoff = _purge_cutoff(settings_service.load_all(s), now)
        targets = s.execute(
            select(r.id, r.reference).where(_purgeable(cutoff)).order_by(_purge_order(), r.id)
        ).all()
        ids = [i for i, _ in targets]
        refs = [ref for _, ref in targets]
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            s.execute(
                requests_table.update()
                .where(requests_table.c.id.in_(chunk))
                .values(
                    citizen="",
                    contact="",
                    body="",
                    purged_at=now,
                    version=requests_table.c.version + 1,
                )
            )
            s.execute(
                events_table.update().where(events_table.c.request_id.in_(chunk)).values(text="")
            )
            s.execute(
                insert(events_table),
                [
                    {
                        "request_id": i,
                        "at": now,
                        "kind": "purged",
                        "username": actor.username,
                        "user_id": actor.user_id,
                        "text": "",
                        "recorded_at": now,
                    }
                    for i in chunk
                ],
            )
        s.add(
            RequestPurge(
                at=now,
                username=actor.username,
                cutoff=cutoff,
                count=len(ids),
                references_json=json.dumps(refs),
            )
        )
        if ids:
            traces.merge_search_index(s)  # the old FTS segments still held the words
        # Callers' numbers in the call records follow the same retention period (law 2004-63).
        numbers = callbacks.purge_numbers_in(s, cutoff)
        after = {"cutoff": cutoff, "count": len(ids), "call_numbers": numbers}
        audit.record(s, actor, "purge", "request", "", after=after)
    if ids or numbers:
        traces.checkpoint(db)  # the WAL's old page images held them too
    return PurgePreview(cutoff, len(ids), refs)


@dataclass(frozen=True)
class PurgeRecord:
    at: datetime
    username: str
    cutoff: datetime
    count: int
    references: list[str]


def purge_history(db: Database, actor: Actor) -> list[PurgeRecord]:
    actor.require(Perm.PURGE_PERSONAL_DATA)
    with db.read() as s:
        return [
            PurgeRecord(p.at, p.username, p.cutoff, p.count, json.loads(p.references_json))
            for p in s.scalars(select(RequestPurge).order_by(RequestPurge.at.desc()))
        ]


@dataclass(frozen=True)
class CitizenData:
    """Everything held about one citizen: the right of access of law 2004-63."""

    query: str
    requests: list[RequestDetail]


def fold_name(name: str) -> str:
    """A name compared case- and accent-insensitively: "Élodie" and "élodie", "ELODIE" match.

    SQLite's lower() folds ASCII only, so names are compared here, in Python."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    kept = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(kept.split())


def query_fingerprint(query: str, key: bytes) -> str:
    """What the audit trail keeps of a right-of-access query: an HMAC under this database's own
    key (services/traces.py), never the name/contact, and no plain hash a dictionary reverses."""
    return traces.keyed_hash(key, fold_name(query))


fingerprint_key = traces.fingerprint_key


def citizen_data(
    db: Database, actor: Actor, query: str, now: datetime | None = None
) -> CitizenData:
    """Requests whose contact equals the given e-mail/phone, or whose citizen name equals it
    (ignoring case, accents and extra spaces). The audit trail records that an export was made,
    by whom, how many requests, and a fingerprint of the query — not the personal data."""
    actor.require(Perm.EXPORT_CITIZEN_DATA)
    wanted = query.strip()
    if not wanted:
        raise UserError(translate("requests", "Give the citizen's name, e-mail or telephone."))
    try:
        contact = normalise_contact(wanted)
    except UserError:
        contact = ""
    r = CitizenRequest
    folded = fold_name(wanted)
    with db.read() as s:
        ids: list[int] = []
        # Names are folded in Python (SQLite's lower() is ASCII only); only ids and names are
        # read, in one pass, and purged requests have no name left to match.
        for id_, citizen, contact_ in s.execute(
            select(r.id, r.citizen, r.contact)
            .where(r.purged_at.is_(None))
            .order_by(r.received_at, r.id)
        ):
            if (contact and contact_ == contact) or (citizen and fold_name(citizen) == folded):
                ids.append(id_)
    details = [get_request(db, actor, i, now) for i in ids]
    with db.write() as s:
        audit.record(
            s,
            actor,
            "export",
            "citizen_data",
            "",
            after={
                "query_hmac": query_fingerprint(wanted, traces.fingerprint_key(s)),
                "by": "contact" if contact else "name",
                "requests": len(ids),
            },
        )
    return CitizenData(wanted, details)
