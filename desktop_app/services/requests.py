"""Citizen requests (C2.1, C2.3, C8.6): their life, the register's paged query, personal data.

Every step (create, assign, first response as an answer or a notice, further answers, close,
reopen) is timestamped, attributed, written to the request's timeline and to the audit trail in
the same transaction. The deadline state is computed (services/deadlines.py), never typed.
Citizens' names, contacts and texts are personal data (law 2004-63): only roles with
READ_PERSONAL_DATA see them; a retention purge removes them after the legal period, with a
preview first and a record after; a citizen's own data can be exported (right of access).
"""

from __future__ import annotations

import hashlib
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
from desktop_app.data.models.requests import CATEGORIES, CHANNELS, TYPES
from desktop_app.data.types import utcnow
from desktop_app.i18n import translate
from desktop_app.services import audit, deadlines
from desktop_app.services import settings as settings_service
from desktop_app.services.errors import ConcurrentEdit, UserError
from desktop_app.services.periods import TUNIS
from desktop_app.services.permissions import Actor, Perm

_EMAIL = re.compile(r"^[^@\s<>\"]+@[^@\s<>\"]+\.[A-Za-z]{2,}$")
_REFERENCE = re.compile(r"^\d{4}-\d{6}$")
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
    if not value:
        return ""
    return {
        "disability": translate("requests", "Person with a disability"),
        "elderly": translate("requests", "Elderly person"),
        "other": translate("requests", "Other particular category"),
    }.get(value, value)


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
        "answer": translate("requests", "Answer"),
        "closed": translate("requests", "Closed"),
        "reopened": translate("requests", "Reopened"),
        "purged": translate("requests", "Personal data removed"),
        "mail_in": translate("requests", "E-mail from the citizen"),
        "mail_out": translate("requests", "E-mail sent to the citizen"),
        "mail_failed": translate("requests", "E-mail not sent"),
    }.get(kind, kind)


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
    state: str  # on_time, due_soon, overdue, met, missed (computed at query time)
    personal_hidden: bool = False

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
    if not actor.can(Perm.EDIT_REQUESTS):
        actor.require(Perm.READ_ALL)


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


def next_reference(session: Session, year: int) -> str:
    """YYYY-NNNNNN: the year of receipt and the next free number of that year."""
    prefix = f"{year:04d}-"
    last = session.scalar(
        select(func.max(CitizenRequest.reference)).where(
            CitizenRequest.reference.like(prefix + "______"),
            func.length(CitizenRequest.reference) == 11,
        )
    )
    number = int(last[5:]) + 1 if last and last[5:].isdigit() else 1
    return f"{prefix}{number:06d}"


class ReferenceAllocator:
    """Hands out consecutive references per year within one transaction (imports, demo data)."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.next: dict[int, int] = {}

    def take(self, received_at: datetime) -> str:
        year = received_at.astimezone(TUNIS).year
        if year not in self.next:
            self.next[year] = int(next_reference(self.session, year)[5:])
        number = self.next[year]
        self.next[year] = number + 1
        return f"{year:04d}-{number:06d}"

    def observe(self, reference: str) -> None:
        """A reference given in a file: generated ones continue after it, never under it."""
        if _REFERENCE.match(reference):
            year, number = int(reference[:4]), int(reference[5:])
            if year not in self.next:
                self.next[year] = int(next_reference(self.session, year)[5:])
            self.next[year] = max(self.next[year], number + 1)


def _warning_hours(values: Mapping[str, Any]) -> float:
    return float(values.get("warning_hours", 12))


def warning_hours(db: Database) -> float:
    """The warning window setting, in hours (due soon when the deadline is that close)."""
    with db.read() as s:
        return _warning_hours(settings_service.load_all(s))


def restate(row: RequestRow, now: datetime, warning: float) -> RequestRow:
    """The row with its deadline state as of `now`: the register's minute tick, no re-read."""
    state = deadlines.deadline_state(
        row.deadline_at, row.first_response_at, row.closed_at, now, warning
    )
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
            req.deadline_at, req.first_response_at, req.closed_at, now, warning
        ),
        personal_hidden=not personal,
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
        )
    )


def _snapshot(req: CitizenRequest) -> dict[str, Any]:
    return {
        "status": req.status,
        "agent_id": req.agent_id,
        "first_response_at": req.first_response_at,
        "first_response_kind": req.first_response_kind,
        "closed_at": req.closed_at,
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


def _agent_exists(session: Session, agent_id: int | None) -> None:
    if agent_id is not None and session.get(Agent, agent_id) is None:
        raise UserError(translate("requests", "This agent no longer exists."))


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
    if category:
        _check_choice(category, CATEGORIES, translate("requests", "category"))
    if not subject.strip():
        raise UserError(translate("requests", "Write the subject of the request."))
    contact = normalise_contact(contact)
    received = _when(received_at, None, now)
    with db.write() as s:
        _agent_exists(s, agent_id)
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
            deadline_at=clock.deadline(received),
        )
        s.add(req)
        s.flush()
        _event(s, actor, req, "created", received)
        if agent_id:
            _event(s, actor, req, "assigned", received, agent_id=agent_id)
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
    actor.require(Perm.EDIT_REQUESTS)
    now = now or utcnow()
    with db.write() as s:
        req = _load(s, request_id, expected_version)
        _agent_exists(s, agent_id)
        before = _snapshot(req)
        req.agent_id = agent_id
        if req.status in ("new", "assigned"):
            req.status = "assigned" if agent_id else "new"
        _event(s, actor, req, "assigned", now, agent_id=agent_id)
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
) -> RequestRow:
    """An answer, or a notice telling the sender the answer needs documents or coordination.

    C2.1: either, within the deadline, is the first response. A notice must name the documents
    or the body to coordinate with; further answers are added to the timeline.
    """
    actor.require(Perm.EDIT_REQUESTS)
    _check_choice(kind, ("answer", "notice"), translate("requests", "kind of response"))
    if not text_.strip():
        raise UserError(
            translate("requests", "Name the documents needed or the body to coordinate with.")
            if kind == "notice"
            else translate("requests", "Write the answer given to the citizen.")
        )
    now = now or utcnow()
    with db.write() as s:
        req = _load(s, request_id, expected_version)
        if req.closed_at is not None:
            raise UserError(
                translate("requests", "Request {ref} is closed; reopen it first.").format(
                    ref=req.reference
                )
            )
        when = _when(at, req, now)
        before = _snapshot(req)
        if req.first_response_at is None or when < req.first_response_at:
            req.first_response_at, req.first_response_kind = when, kind
        if kind == "answer":
            req.status = "answered"
        elif req.status in ("new", "assigned"):
            req.status = "notice_sent"
        _event(s, actor, req, kind, when, text_.strip())
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
) -> RequestRow:
    actor.require(Perm.EDIT_REQUESTS)
    now = now or utcnow()
    with db.write() as s:
        req = _load(s, request_id, expected_version)
        if req.closed_at is not None:
            raise UserError(
                translate("requests", "Request {ref} is already closed.").format(ref=req.reference)
            )
        if req.first_response_at is None:
            raise UserError(
                translate(
                    "requests", "Record the answer given before closing request {ref}."
                ).format(ref=req.reference)
            )
        when = _when(at, req, now)
        before = _snapshot(req)
        req.closed_at, req.status = when, "closed"
        _event(s, actor, req, "closed", when, note.strip())
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
    actor.require(Perm.EDIT_REQUESTS)
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
        req.closed_at = None
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
        _event(s, actor, req, "reopened", now, reason.strip())
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


def state_condition(state: str, now: datetime, warning_hours: float) -> ColumnElement[bool]:
    """The SQL twin of deadlines.deadline_state(), on indexed columns."""
    r = CitizenRequest
    waiting = and_(r.first_response_at.is_(None), r.closed_at.is_(None))
    soon = now + timedelta(hours=warning_hours)
    conditions: dict[str, ColumnElement[bool]] = {
        "open": waiting,
        "overdue": and_(waiting, r.deadline_at < now),
        "due_soon": and_(waiting, r.deadline_at >= now, r.deadline_at <= soon),
        "on_time": and_(waiting, r.deadline_at > soon),
        "met": and_(r.first_response_at.is_not(None), r.first_response_at <= r.deadline_at),
        "missed": or_(
            and_(r.first_response_at.is_not(None), r.first_response_at > r.deadline_at),
            and_(r.first_response_at.is_(None), r.closed_at.is_not(None)),
        ),
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
        base = _filtered(_row_query(), flt, now, warning, db.is_sqlite, personal)
        if sort in ("agent", "category"):
            column: Any
            groups: list[Any]
            at: Any
            if sort == "agent":
                column, groups = CitizenRequest.agent_id, agent_rank(s, lang)
                at = after.agent_id if after is not None else None
            else:
                column, groups = CitizenRequest.category, [None, *sorted(CATEGORIES)]
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
    return {
        "open": row[0],
        "overdue": row[1],
        "due_soon": row[2],
        "on_time": row[0] - row[1] - row[2],
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
        audit.record(s, actor, "purge", "request", "", after={"cutoff": cutoff, "count": len(ids)})
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


def query_fingerprint(query: str) -> str:
    """What the audit trail keeps of a right-of-access query: a hash, never the name/contact."""
    return hashlib.sha256(fold_name(query).encode("utf-8")).hexdigest()[:16]


def citizen_data(
    db: Database, actor: Actor, query: str, now: datetime | None = None
) -> CitizenData:
    """Requests whose contact equals the given e-mail/phone, or whose citizen name equals it
    (ignoring case, accents and extra spaces). The audit trail records that an export was made,
    by whom, how many requests, and a fingerprint of the query — not the personal data."""
    actor.require(Perm.READ_PERSONAL_DATA)
    require_read(actor)
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
                "query_sha256": query_fingerprint(wanted),
                "by": "contact" if contact else "name",
                "requests": len(ids),
            },
        )
    return CitizenData(wanted, details)
