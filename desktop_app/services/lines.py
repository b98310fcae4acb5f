"""The phone-line inventory and what keeps it working: checks, faults, maintenance, peak plans,
forwarding (C8.1, C8.4, C2.4). Every rule and permission of the area lives here.

Reading needs READ_ALL or CHECK_LINES (agents do verification rounds); recording a check or
reporting a fault needs CHECK_LINES; everything else needs EDIT_LINES (supervisors).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import and_, case, func, insert, literal, or_, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from desktop_app.data.db import Database
from desktop_app.data.models import (
    Agent,
    LineCheck,
    LineFault,
    LineForwarding,
    LineMaintenance,
    PhoneLine,
    ReinforcementPlan,
)
from desktop_app.data.types import UtcDateTime, utcnow
from desktop_app.i18n import translate
from desktop_app.services import audit, phones
from desktop_app.services import settings as settings_service
from desktop_app.services.errors import ConcurrentEdit, UserError
from desktop_app.services.periods import local_date
from desktop_app.services.permissions import Actor, Perm

KINDS = ("switchboard", "green", "short", "call_centre", "fax", "direct", "mobile", "other")
STATUSES = ("in_service", "faulty", "out_of_service", "retired")
RESULTS = ("answered_named", "answered", "no_answer", "busy", "out_of_order", "wrong_destination")
WORKING_RESULTS = frozenset({"answered_named", "answered"})
PUBLICATIONS = ("website", "letters", "posters", "documents")
SOURCES = ("manual", "mystery_call", "import", "round")
CLOCK_SKEW = timedelta(minutes=5)
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


# -- labels ------------------------------------------------------------------------------------
def kind_label(kind: str) -> str:
    return {
        "switchboard": translate("lines", "Switchboard"),
        "green": translate("lines", "Green number"),
        "short": translate("lines", "Short number"),
        "call_centre": translate("lines", "Call centre"),
        "fax": translate("lines", "Fax"),
        "direct": translate("lines", "Direct line"),
        "mobile": translate("lines", "Service mobile"),
        "other": translate("lines", "Other"),
    }.get(kind, kind)


def status_label(status: str) -> str:
    return {
        "in_service": translate("lines", "In service"),
        "faulty": translate("lines", "Faulty"),
        "out_of_service": translate("lines", "Out of service"),
        "retired": translate("lines", "Retired"),
    }.get(status, status)


def source_label(source: str) -> str:
    """How a check came about, in the reader's language: stored as a code, never as prose, because
    Arabic and French readers share one database."""
    return {
        "mystery_call": translate("lines", "Mystery call"),
        "import": translate("lines", "Imported"),
        "round": translate("lines", "Verification round"),
    }.get(source, "")


def check_note(check: CheckRow) -> str:
    """The history's notes column: where the check came from, then what the checker wrote."""
    return " — ".join(part for part in (source_label(check.source), check.notes) if part)


def result_label(result: str | None) -> str:
    if result is None:
        return ""
    return {
        "answered_named": translate("lines", "Answered and named the body"),
        "answered": translate("lines", "Answered"),
        "no_answer": translate("lines", "No answer"),
        "busy": translate("lines", "Busy"),
        "out_of_order": translate("lines", "Out of order"),
        "wrong_destination": translate("lines", "Wrong destination"),
    }.get(result, result)


def publication_label(where: str) -> str:
    return {
        "website": translate("lines", "Website"),
        "letters": translate("lines", "Letters"),
        "posters": translate("lines", "Posters"),
        "documents": translate("lines", "Documents"),
    }.get(where, where)


# -- plain rows the window and the command line get -------------------------------------------
@dataclass(frozen=True)
class LineInput:
    """What the add/edit dialog and the import hand in; `number` as typed."""

    number: str
    kind: str = "other"
    label: str = ""
    department: str = ""
    extension: str = ""
    published: frozenset[str] = frozenset()
    status: str = "in_service"
    notes: str = ""


@dataclass(frozen=True)
class ForwardingRow:
    id: int
    line_id: int
    line_number: str
    line_label: str
    agent_id: int
    agent_name_ar: str
    agent_name_fr: str
    target_number: str
    starts_at: datetime
    ends_at: datetime
    notes: str

    @property
    def target_display(self) -> str:
        return phones.display_number(self.target_number)

    def agent_name(self, lang: str) -> str:
        first, second = (
            (self.agent_name_ar, self.agent_name_fr)
            if lang == "ar"
            else (self.agent_name_fr, self.agent_name_ar)
        )
        return first or second


@dataclass(frozen=True)
class LineRow:
    id: int
    number: str
    extension: str
    kind: str
    label: str
    department: str
    status: str
    published: frozenset[str]
    notes: str
    last_checked_at: datetime | None
    last_check_result: str | None
    version: int
    created_at: datetime
    retired_at: datetime | None
    sort_value: Any = None
    open_faults: int = 0
    forwarding: ForwardingRow | None = None

    @property
    def display(self) -> str:
        return phones.display_number(self.number)

    @property
    def working(self) -> bool | None:
        if self.last_check_result is None:
            return None
        return self.last_check_result in WORKING_RESULTS


@dataclass(frozen=True)
class LineFilter:
    search: str = ""
    kind: str = ""
    status: str = ""  # "" = every status but retired
    include_retired: bool = False
    unchecked_days: int | None = None  # only lines not checked for that many days
    sort: str = "number"
    descending: bool = False
    now: datetime | None = None
    lang: str = "fr"  # whose spelling of an agent's name sorts "answered by now"


@dataclass(frozen=True)
class CheckRow:
    id: int
    line_id: int
    at: datetime
    result: str
    working: bool
    notes: str
    source: str
    checked_by: str


@dataclass(frozen=True)
class FaultRow:
    id: int
    line_id: int
    line_number: str
    line_label: str
    reported_at: datetime
    symptom: str
    ticket_ref: str
    reported_by: str
    repaired_at: datetime | None
    repair_notes: str
    version: int

    @property
    def is_open(self) -> bool:
        return self.repaired_at is None

    def age_hours(self, now: datetime | None = None) -> float:
        end = self.repaired_at or now or utcnow()
        return (end - self.reported_at).total_seconds() / 3600


@dataclass(frozen=True)
class MaintenanceRow:
    id: int
    line_id: int
    line_number: str
    line_label: str
    task: str
    interval_days: int
    next_due: date
    last_done: date | None
    version: int
    overdue: bool


@dataclass(frozen=True)
class PlanInput:
    title: str
    starts_on: date
    ends_on: date
    hours: str = ""
    extra_lines: int = 0
    extra_agents: int = 0
    notes: str = ""


@dataclass(frozen=True)
class PlanRow:
    id: int
    title: str
    starts_on: date
    ends_on: date
    hours: str
    extra_lines: int
    extra_agents: int
    notes: str
    version: int


@dataclass(frozen=True)
class AgentChoice:
    id: int
    name_ar: str
    name_fr: str

    def name(self, lang: str) -> str:
        first, second = (
            (self.name_ar, self.name_fr) if lang == "ar" else (self.name_fr, self.name_ar)
        )
        return first or second


@dataclass
class NewLine:
    """A validated line ready to insert (the import's unit)."""

    number: str
    kind: str
    label: str = ""
    department: str = ""
    extension: str = ""
    published: frozenset[str] = field(default_factory=frozenset)


# -- permissions ------------------------------------------------------------------------------
def require_read(actor: Actor) -> None:
    """Agents read the inventory to check lines; everyone else reads every register."""
    if not actor.can(Perm.CHECK_LINES):
        actor.require(Perm.READ_ALL)


# -- helpers ----------------------------------------------------------------------------------
def _row(line: PhoneLine, sort_value: Any = None) -> LineRow:
    published = frozenset(
        w
        for w, flag in (
            ("website", line.on_website),
            ("letters", line.on_letters),
            ("posters", line.on_posters),
            ("documents", line.on_documents),
        )
        if flag
    )
    return LineRow(
        line.id,
        line.number,
        line.extension,
        line.kind,
        line.label,
        line.department,
        line.status,
        published,
        line.notes,
        line.last_checked_at,
        line.last_check_result,
        line.version,
        line.created_at,
        line.retired_at,
        sort_value,
    )


def _snapshot(line: PhoneLine) -> dict[str, Any]:
    return {
        "number": line.number,
        "extension": line.extension,
        "kind": line.kind,
        "label": line.label,
        "department": line.department,
        "status": line.status,
        "on_website": line.on_website,
        "on_letters": line.on_letters,
        "on_posters": line.on_posters,
        "on_documents": line.on_documents,
        "notes": line.notes,
    }


def _get_line(session: Session, line_id: int) -> PhoneLine:
    line = session.get(PhoneLine, line_id)
    if line is None:
        raise UserError(translate("lines", "This phone line no longer exists."))
    return line


def _check_version(found: int, expected: int) -> None:
    if found != expected:
        raise ConcurrentEdit(
            translate(
                "lines", "Someone else changed this record meanwhile; reopen it and try again."
            )
        )


def _clean(text: str, limit: int) -> str:
    return " ".join(str(text or "").split())[:limit]


def validate_line(data: LineInput) -> tuple[phones.ParsedNumber, str]:
    """The number as stored and the extension; raises UserError with one sentence."""
    if data.kind not in KINDS:
        raise UserError(translate("lines", "Choose the kind of line."))
    if data.status not in STATUSES:
        raise UserError(translate("lines", "Choose the status of the line."))
    unknown = set(data.published) - set(PUBLICATIONS)
    if unknown:
        raise UserError(
            translate("lines", "“{where}” is not a place where numbers are published.").format(
                where=", ".join(sorted(unknown))
            )
        )
    parsed = phones.normalise(data.number, data.kind)
    extension = _clean(data.extension, 16) or parsed.extension
    if extension and not extension.isdigit():
        raise UserError(
            translate("lines", "The extension “{text}” must be digits only.").format(text=extension)
        )
    return parsed, extension


def _duplicate(session: Session, number: str, exclude_id: int | None = None) -> None:
    stmt = select(PhoneLine).where(PhoneLine.number == number)
    if exclude_id is not None:
        stmt = stmt.where(PhoneLine.id != exclude_id)
    other = session.scalars(stmt).first()
    if other is not None:
        raise UserError(
            translate("lines", "The number {number} is already in the inventory ({label}).").format(
                number=phones.display_number(number), label=other.label or other.kind
            )
        )


def _apply(line: PhoneLine, data: LineInput, number: str, extension: str) -> None:
    line.number = number
    line.extension = extension
    line.kind = data.kind
    line.label = _clean(data.label, 200)
    line.department = _clean(data.department, 200)
    line.notes = str(data.notes or "").strip()
    line.on_website = "website" in data.published
    line.on_letters = "letters" in data.published
    line.on_posters = "posters" in data.published
    line.on_documents = "documents" in data.published
    if data.status == "retired" and line.status != "retired":
        line.retired_at = utcnow()
    elif data.status != "retired":
        line.retired_at = None
    line.status = data.status


# -- the inventory ----------------------------------------------------------------------------
def create_line(db: Database, actor: Actor, data: LineInput) -> LineRow:
    """C8.1: a new public number; a duplicate is refused with the line it duplicates."""
    actor.require(Perm.EDIT_LINES)
    parsed, extension = validate_line(data)
    with db.write() as s:
        _duplicate(s, parsed.number)
        line = PhoneLine()
        _apply(line, data, parsed.number, extension)
        s.add(line)
        s.flush()
        audit.record(s, actor, "create", "phone_line", line.id, after=_snapshot(line))
        return _row(line)


def update_line(
    db: Database, actor: Actor, line_id: int, data: LineInput, *, expected_version: int
) -> LineRow:
    actor.require(Perm.EDIT_LINES)
    parsed, extension = validate_line(data)
    try:
        with db.write() as s:
            line = _get_line(s, line_id)
            _check_version(line.version, expected_version)
            _duplicate(s, parsed.number, exclude_id=line_id)
            before = _snapshot(line)
            _apply(line, data, parsed.number, extension)
            s.flush()
            audit.record(
                s, actor, "update", "phone_line", line.id, before=before, after=_snapshot(line)
            )
            return _row(line)
    except StaleDataError as exc:
        raise ConcurrentEdit(
            translate(
                "lines", "Someone else changed this record meanwhile; reopen it and try again."
            )
        ) from exc


def get_line(db: Database, actor: Actor, line_id: int) -> LineRow:
    require_read(actor)
    with db.read() as s:
        rows = _decorate(s, [_row(_get_line(s, line_id))], utcnow())
        return rows[0]


_SORTS = (
    "number",
    "label",
    "kind",
    "department",
    "published",
    "status",
    "last_checked_at",
    "answered_by",
)


def _agent_name(lang: str) -> Any:
    first, second = (
        (Agent.name_ar, Agent.name_fr) if lang == "ar" else (Agent.name_fr, Agent.name_ar)
    )
    return case((func.coalesce(first, "") != "", first), else_=func.coalesce(second, ""))


def _sort_expr(key: str, now: datetime, lang: str) -> Any:
    if key == "published":
        # The widest published first when descending: website, then letters, posters, documents.
        return (
            case((PhoneLine.on_website, 8), else_=0)
            + case((PhoneLine.on_letters, 4), else_=0)
            + case((PhoneLine.on_posters, 2), else_=0)
            + case((PhoneLine.on_documents, 1), else_=0)
        )
    if key == "answered_by":
        # The agent a current forwarding sends the line to (C2.4); "" when nobody is.
        agent = (
            select(_agent_name(lang))
            .select_from(LineForwarding)
            .join(Agent, Agent.id == LineForwarding.agent_id)
            .where(
                LineForwarding.line_id == PhoneLine.id,
                LineForwarding.starts_at <= now,
                LineForwarding.ends_at > now,
            )
            .order_by(LineForwarding.starts_at.desc(), LineForwarding.id.desc())
            .limit(1)
            .correlate(PhoneLine)
            .scalar_subquery()
        )
        return func.coalesce(agent, "")
    if key == "last_checked_at":
        return func.coalesce(
            PhoneLine.last_checked_at, literal(_EPOCH, UtcDateTime()), type_=UtcDateTime()
        )
    column = {
        "number": PhoneLine.number,
        "label": PhoneLine.label,
        "kind": PhoneLine.kind,
        "department": PhoneLine.department,
        "status": PhoneLine.status,
    }[key]
    return column


def _filtered(flt: LineFilter, now: datetime, interval_days: int) -> Any:
    key = flt.sort if flt.sort in _SORTS else "number"
    expr = _sort_expr(key, now, flt.lang)
    stmt = select(PhoneLine, expr.label("sort_value"))
    if flt.status:
        stmt = stmt.where(PhoneLine.status == flt.status)
    elif not flt.include_retired:
        stmt = stmt.where(PhoneLine.status != "retired")
    if flt.kind:
        stmt = stmt.where(PhoneLine.kind == flt.kind)
    if flt.search.strip():
        text = flt.search.strip()
        like = f"%{text}%"
        conditions = [
            PhoneLine.label.ilike(like),
            PhoneLine.department.ilike(like),
            PhoneLine.number.like(like),
        ]
        digits = phones.match_key(text)
        if digits:
            conditions.append(PhoneLine.number.like(f"%{digits}%"))
        stmt = stmt.where(or_(*conditions))
    if flt.unchecked_days is not None:
        limit = now - timedelta(days=flt.unchecked_days or interval_days)
        stmt = stmt.where(
            or_(PhoneLine.last_checked_at.is_(None), PhoneLine.last_checked_at < limit)
        )
    return stmt, expr


def lines_page(
    db: Database, actor: Actor, flt: LineFilter, *, after: LineRow | None = None, limit: int = 200
) -> list[LineRow]:
    """One keyset page of the inventory, sorted and filtered in SQL, with each line's open
    faults and current forwarding (C2.4: who answers it now)."""
    require_read(actor)
    now = flt.now or utcnow()
    with db.read() as s:
        interval = int(settings_service.load_all(s)["check_interval_days"])
        stmt, expr = _filtered(flt, now, interval)
        if after is not None:
            if flt.descending:
                stmt = stmt.where(
                    or_(
                        expr < after.sort_value,
                        and_(expr == after.sort_value, PhoneLine.id < after.id),
                    )
                )
            else:
                stmt = stmt.where(
                    or_(
                        expr > after.sort_value,
                        and_(expr == after.sort_value, PhoneLine.id > after.id),
                    )
                )
        order = (expr.desc(), PhoneLine.id.desc()) if flt.descending else (expr, PhoneLine.id)
        stmt = stmt.order_by(*order).limit(limit)
        rows = [_row(line, sort_value) for line, sort_value in s.execute(stmt)]
        return _decorate(s, rows, now)


def _decorate(s: Session, rows: list[LineRow], now: datetime) -> list[LineRow]:
    if not rows:
        return rows
    ids = [r.id for r in rows]
    faults = dict(
        s.execute(
            select(LineFault.line_id, func.count(LineFault.id))
            .where(LineFault.line_id.in_(ids), LineFault.repaired_at.is_(None))
            .group_by(LineFault.line_id)
        ).all()
    )
    forwards = {f.line_id: f for f in _forwardings_query(s, now, line_ids=ids)}
    return [
        replace(r, open_faults=int(faults.get(r.id, 0)), forwarding=forwards.get(r.id))
        for r in rows
    ]


def lines_due_for_check(db: Database, actor: Actor, now: datetime | None = None) -> list[LineRow]:
    """The verification round (C8.1): lines in use not checked for check_interval_days, the
    longest unchecked first. Bounded by the size of a body's inventory."""
    require_read(actor)
    now = now or utcnow()
    with db.read() as s:
        days = int(settings_service.load_all(s)["check_interval_days"])
        stmt = (
            select(PhoneLine)
            .where(PhoneLine.status != "retired")
            .where(
                or_(
                    PhoneLine.last_checked_at.is_(None),
                    PhoneLine.last_checked_at < now - timedelta(days=days),
                )
            )
            .order_by(
                PhoneLine.last_checked_at.is_not(None), PhoneLine.last_checked_at, PhoneLine.id
            )
        )
        return _decorate(s, [_row(line) for line in s.scalars(stmt)], now)


def count_lines(db: Database, actor: Actor) -> int:
    require_read(actor)
    with db.read() as s:
        return int(s.scalar(select(func.count(PhoneLine.id))) or 0)


# -- checks (C8.1, C2.4) ----------------------------------------------------------------------
def add_check(
    session: Session,
    actor: Actor,
    line_id: int,
    result: str,
    at: datetime,
    notes: str = "",
    source: str = "manual",
) -> int:
    """Record one test call inside the caller's unit of work; the call-quality area calls this
    when a mystery call is recorded. Returns the check's id."""
    actor.require(Perm.CHECK_LINES)
    if result not in RESULTS:
        raise UserError(translate("lines", "Choose the result of the check."))
    if source not in SOURCES:
        raise ValueError(f"unknown check source {source!r}")
    if at.tzinfo is None:
        raise ValueError("a check time must be aware")
    if at > utcnow() + CLOCK_SKEW:
        raise UserError(translate("lines", "A check cannot be recorded in the future."))
    line = _get_line(session, line_id)
    if line.status == "retired":
        raise UserError(
            translate("lines", "The line {number} is retired; it cannot be checked.").format(
                number=phones.display_number(line.number)
            )
        )
    check = LineCheck(
        line_id=line_id,
        at=at,
        result=result,
        working=result in WORKING_RESULTS,
        notes=str(notes or "").strip(),
        source=source,
        checked_by=actor.username,
    )
    session.add(check)
    session.flush()
    # The latest check, repeated on the line for sorting; not an edit, so no version bump.
    session.execute(
        update(PhoneLine)
        .where(PhoneLine.id == line_id)
        .where(or_(PhoneLine.last_checked_at.is_(None), PhoneLine.last_checked_at <= at))
        .values(last_checked_at=at, last_check_result=result)
        .execution_options(synchronize_session=False)
    )
    session.expire(line)
    audit.record(
        session,
        actor,
        "check",
        "phone_line",
        line_id,
        after={"result": result, "at": at, "source": source, "notes": check.notes},
    )
    return check.id


def record_check(
    db: Database,
    actor: Actor,
    line_id: int,
    result: str,
    at: datetime | None = None,
    notes: str = "",
    source: str = "manual",
) -> int:
    """Check-in-two-clicks from the window: now, by the signed-in user."""
    actor.require(Perm.CHECK_LINES)
    with db.write() as s:
        return add_check(s, actor, line_id, result, at or utcnow(), notes, source)


WITHDRAW_WITHIN = timedelta(days=1)  # a mistaken check may be withdrawn by its author a day long


def withdrawable_check(
    db: Database, actor: Actor, line_id: int, now: datetime | None = None
) -> CheckRow | None:
    """The actor's latest check of the line recorded less than a day ago, if any (C8.1)."""
    actor.require(Perm.CHECK_LINES)
    since = (now or utcnow()) - WITHDRAW_WITHIN
    with db.read() as s:
        c = s.scalars(
            select(LineCheck)
            .where(LineCheck.line_id == line_id, LineCheck.checked_by == actor.username,
                   LineCheck.created_at > since)
            .order_by(LineCheck.created_at.desc(), LineCheck.id.desc())
            .limit(1)
        ).first()  # fmt: skip
        if c is None:
            return None
        return CheckRow(c.id, c.line_id, c.at, c.result, c.working, c.notes, c.source,
                        c.checked_by)  # fmt: skip


def withdraw_check(
    db: Database, actor: Actor, check_id: int, reason: str, now: datetime | None = None
) -> None:
    """Withdraw a mistaken check (C8.1: the figures say whether lines work, so a wrong click must
    not stand): only by the person who recorded it, within a day of recording it, with a reason;
    the audit trail keeps the check as it was. The line's latest check is worked out again."""
    actor.require(Perm.CHECK_LINES)
    if not reason.strip():
        raise UserError(translate("lines", "Say why the check is withdrawn."))
    now = now or utcnow()
    with db.write() as s:
        check = s.get(LineCheck, check_id)
        if check is None:
            raise UserError(translate("lines", "This check no longer exists."))
        if check.checked_by != actor.username:
            raise UserError(
                translate("lines", "Only the person who recorded a check can withdraw it.")
            )
        if now - check.created_at > WITHDRAW_WITHIN:
            raise UserError(
                translate("lines", "A check can be withdrawn only within a day of recording it.")
            )
        line_id = check.line_id
        before = {"at": check.at, "result": check.result, "notes": check.notes,
                  "source": check.source, "recorded_at": check.created_at}  # fmt: skip
        s.delete(check)
        s.flush()
        latest = s.execute(
            select(LineCheck.at, LineCheck.result)
            .where(LineCheck.line_id == line_id)
            .order_by(LineCheck.at.desc(), LineCheck.id.desc())
            .limit(1)
        ).first()
        s.execute(
            update(PhoneLine)
            .where(PhoneLine.id == line_id)
            .values(last_checked_at=latest[0] if latest else None,
                    last_check_result=latest[1] if latest else None)
            .execution_options(synchronize_session=False)
        )  # fmt: skip
        audit.record(s, actor, "withdraw_check", "phone_line", line_id, before=before,
                     after={"reason": reason.strip()})  # fmt: skip


def checks_page(
    db: Database, actor: Actor, line_id: int, *, after: CheckRow | None = None, limit: int = 200
) -> list[CheckRow]:
    """A line's checks, the latest check time first (a check entered afterwards for an earlier
    time sits where it happened), paged by keyset on (at, id) after the last row of a page."""
    require_read(actor)
    stmt = select(LineCheck).where(LineCheck.line_id == line_id)
    if after is not None:
        stmt = stmt.where(
            or_(LineCheck.at < after.at, and_(LineCheck.at == after.at, LineCheck.id < after.id))
        )
    stmt = stmt.order_by(LineCheck.at.desc(), LineCheck.id.desc()).limit(limit)
    with db.read() as s:
        return [
            CheckRow(c.id, c.line_id, c.at, c.result, c.working, c.notes, c.source, c.checked_by)
            for c in s.scalars(stmt)
        ]


# -- faults (C8.4) ----------------------------------------------------------------------------
def _fault_row(f: LineFault, line: PhoneLine) -> FaultRow:
    return FaultRow(
        f.id,
        f.line_id,
        line.number,
        line.label,
        f.reported_at,
        f.symptom,
        f.ticket_ref,
        f.reported_by,
        f.repaired_at,
        f.repair_notes,
        f.version,
    )


def open_fault(db: Database, actor: Actor, line_id: int) -> FaultRow | None:
    """The latest fault of the line not yet repaired, if any: a failing check names it rather
    than reporting the same fault twice (C8.4)."""
    require_read(actor)
    with db.read() as s:
        found = s.execute(
            select(LineFault, PhoneLine)
            .join(PhoneLine, PhoneLine.id == LineFault.line_id)
            .where(LineFault.line_id == line_id, LineFault.repaired_at.is_(None))
            .order_by(LineFault.reported_at.desc(), LineFault.id.desc())
            .limit(1)
        ).first()
        return _fault_row(found[0], found[1]) if found else None


def report_fault(
    db: Database,
    actor: Actor,
    line_id: int,
    *,
    symptom: str,
    ticket_ref: str = "",
    reported_at: datetime | None = None,
) -> FaultRow:
    """A fault on a line; a line in service becomes faulty until the fault is repaired."""
    actor.require(Perm.CHECK_LINES)
    reported_at = reported_at or utcnow()
    if reported_at > utcnow() + CLOCK_SKEW:
        raise UserError(translate("lines", "A fault cannot be reported in the future."))
    if not str(symptom or "").strip():
        raise UserError(translate("lines", "Describe the fault (what callers hear or see)."))
    with db.write() as s:
        line = _get_line(s, line_id)
        fault = LineFault(
            line_id=line_id,
            reported_at=reported_at,
            symptom=str(symptom).strip(),
            ticket_ref=_clean(ticket_ref, 64),
            reported_by=actor.username,
            repair_notes="",
        )
        s.add(fault)
        if line.status == "in_service":
            line.status = "faulty"
        s.flush()
        audit.record(
            s,
            actor,
            "report_fault",
            "phone_line",
            line_id,
            after={
                "fault_id": fault.id,
                "symptom": fault.symptom,
                "ticket_ref": fault.ticket_ref,
                "reported_at": reported_at,
            },
        )
        return _fault_row(fault, line)


def repair_fault(
    db: Database,
    actor: Actor,
    fault_id: int,
    *,
    expected_version: int,
    repaired_at: datetime | None = None,
    notes: str = "",
) -> FaultRow:
    """The fault is fixed; the line is back in service when no other fault stays open."""
    actor.require(Perm.EDIT_LINES)
    repaired_at = repaired_at or utcnow()
    if repaired_at > utcnow() + CLOCK_SKEW:
        raise UserError(translate("lines", "A repair cannot be recorded in the future."))
    with db.write() as s:
        fault = s.get(LineFault, fault_id)
        if fault is None:
            raise UserError(translate("lines", "This fault no longer exists."))
        _check_version(fault.version, expected_version)
        if fault.repaired_at is not None:
            raise UserError(translate("lines", "This fault is already marked repaired."))
        if repaired_at < fault.reported_at:
            raise UserError(
                translate("lines", "The repair cannot come before the fault was reported.")
            )
        fault.repaired_at = repaired_at
        fault.repair_notes = str(notes or "").strip()
        line = _get_line(s, fault.line_id)
        s.flush()
        still_open = s.scalar(
            select(func.count(LineFault.id)).where(
                LineFault.line_id == line.id, LineFault.repaired_at.is_(None)
            )
        )
        if line.status == "faulty" and not still_open:
            line.status = "in_service"
        audit.record(
            s,
            actor,
            "repair_fault",
            "phone_line",
            line.id,
            after={"fault_id": fault.id, "repaired_at": repaired_at, "notes": fault.repair_notes},
        )
        s.flush()
        return _fault_row(fault, line)


def faults_page(
    db: Database,
    actor: Actor,
    *,
    open_only: bool = False,
    line_id: int | None = None,
    before_id: int | None = None,
    limit: int = 200,
) -> list[FaultRow]:
    """Newest first, keyset-paged on id; open ones only for the repair list."""
    require_read(actor)
    stmt = select(LineFault, PhoneLine).join(PhoneLine, PhoneLine.id == LineFault.line_id)
    if open_only:
        stmt = stmt.where(LineFault.repaired_at.is_(None))
    if line_id is not None:
        stmt = stmt.where(LineFault.line_id == line_id)
    if before_id is not None:
        stmt = stmt.where(LineFault.id < before_id)
    stmt = stmt.order_by(LineFault.id.desc()).limit(limit)
    with db.read() as s:
        return [_fault_row(f, line) for f, line in s.execute(stmt)]


# -- maintenance schedule (C8.4) --------------------------------------------------------------
def _today() -> date:
    return local_date(utcnow())


def add_maintenance(
    db: Database, actor: Actor, line_id: int, *, task: str, interval_days: int, next_due: date
) -> int:
    actor.require(Perm.EDIT_LINES)
    task = _clean(task, 200)
    if not task:
        raise UserError(translate("lines", "Name the maintenance task."))
    if not 1 <= interval_days <= 3650:
        raise UserError(
            translate("lines", "The maintenance interval must be between 1 and 3650 days.")
        )
    with db.write() as s:
        _get_line(s, line_id)
        item = LineMaintenance(
            line_id=line_id, task=task, interval_days=interval_days, next_due=next_due
        )
        s.add(item)
        s.flush()
        audit.record(
            s,
            actor,
            "add_maintenance",
            "phone_line",
            line_id,
            after={"task": task, "interval_days": interval_days, "next_due": next_due},
        )
        return item.id


def maintenance_done(
    db: Database, actor: Actor, item_id: int, *, expected_version: int, done_on: date | None = None
) -> MaintenanceRow:
    """Done on a day: the next one falls interval_days later."""
    actor.require(Perm.EDIT_LINES)
    done_on = done_on or _today()
    if done_on > _today():
        raise UserError(translate("lines", "Maintenance cannot be marked done in the future."))
    with db.write() as s:
        item = s.get(LineMaintenance, item_id)
        if item is None:
            raise UserError(translate("lines", "This maintenance task no longer exists."))
        _check_version(item.version, expected_version)
        before = {"last_done": item.last_done, "next_due": item.next_due}
        item.last_done = done_on
        item.next_due = done_on + timedelta(days=item.interval_days)
        s.flush()
        audit.record(
            s,
            actor,
            "maintenance_done",
            "phone_line",
            item.line_id,
            before=before,
            after={"last_done": item.last_done, "next_due": item.next_due},
        )
        line = _get_line(s, item.line_id)
        return _maintenance_row(item, line, _today())


def delete_maintenance(db: Database, actor: Actor, item_id: int) -> None:
    actor.require(Perm.EDIT_LINES)
    with db.write() as s:
        item = s.get(LineMaintenance, item_id)
        if item is None:
            return
        audit.record(
            s,
            actor,
            "delete_maintenance",
            "phone_line",
            item.line_id,
            before={"task": item.task, "next_due": item.next_due},
        )
        s.delete(item)


def _maintenance_row(item: LineMaintenance, line: PhoneLine, today: date) -> MaintenanceRow:
    return MaintenanceRow(
        item.id,
        item.line_id,
        line.number,
        line.label,
        item.task,
        item.interval_days,
        item.next_due,
        item.last_done,
        item.version,
        item.next_due < today,
    )


def maintenance_schedule(
    db: Database, actor: Actor, *, overdue_only: bool = False, today: date | None = None
) -> list[MaintenanceRow]:
    """By next due date, overdue first; a few per line, so bounded by the inventory."""
    require_read(actor)
    today = today or _today()
    stmt = (
        select(LineMaintenance, PhoneLine)
        .join(PhoneLine, PhoneLine.id == LineMaintenance.line_id)
        .where(PhoneLine.status != "retired")
    )
    if overdue_only:
        stmt = stmt.where(LineMaintenance.next_due < today)
    stmt = stmt.order_by(LineMaintenance.next_due, LineMaintenance.id)
    with db.read() as s:
        return [_maintenance_row(item, line, today) for item, line in s.execute(stmt)]


# -- peak-period reinforcement (C8.4) ---------------------------------------------------------
def _check_plan(plan: PlanInput) -> None:
    if not _clean(plan.title, 200):
        raise UserError(translate("lines", "Name the peak period (e.g. school enrolment)."))
    if plan.ends_on < plan.starts_on:
        raise UserError(translate("lines", "The peak period ends before it starts."))
    if plan.extra_lines < 0 or plan.extra_agents < 0:
        raise UserError(translate("lines", "Extra lines and agents cannot be negative."))
    if plan.extra_lines == 0 and plan.extra_agents == 0:
        raise UserError(
            translate("lines", "A reinforcement plan adds at least one line or one agent.")
        )


def _plan_row(p: ReinforcementPlan) -> PlanRow:
    return PlanRow(
        p.id,
        p.title,
        p.starts_on,
        p.ends_on,
        p.hours,
        p.extra_lines,
        p.extra_agents,
        p.notes,
        p.version,
    )


def save_plan(
    db: Database,
    actor: Actor,
    plan: PlanInput,
    *,
    plan_id: int | None = None,
    expected_version: int | None = None,
) -> PlanRow:
    actor.require(Perm.EDIT_LINES)
    _check_plan(plan)
    values = {
        "title": _clean(plan.title, 200),
        "starts_on": plan.starts_on,
        "ends_on": plan.ends_on,
        "hours": _clean(plan.hours, 64),
        "extra_lines": plan.extra_lines,
        "extra_agents": plan.extra_agents,
        "notes": str(plan.notes or "").strip(),
    }
    with db.write() as s:
        if plan_id is None:
            row = ReinforcementPlan(**values)
            s.add(row)
            before = None
        else:
            found = s.get(ReinforcementPlan, plan_id)
            if found is None:
                raise UserError(translate("lines", "This plan no longer exists."))
            row = found
            _check_version(row.version, expected_version or 0)
            before = {k: getattr(row, k) for k in values}
            for k, v in values.items():
                setattr(row, k, v)
        s.flush()
        audit.record(s, actor, "save", "reinforcement_plan", row.id, before=before, after=values)
        return _plan_row(row)


def delete_plan(db: Database, actor: Actor, plan_id: int) -> None:
    actor.require(Perm.EDIT_LINES)
    with db.write() as s:
        row = s.get(ReinforcementPlan, plan_id)
        if row is None:
            return
        audit.record(
            s,
            actor,
            "delete",
            "reinforcement_plan",
            plan_id,
            before={"title": row.title, "starts_on": row.starts_on},
        )
        s.delete(row)


def reinforcement_plans(db: Database, actor: Actor) -> list[PlanRow]:
    """Latest first; a few a year."""
    require_read(actor)
    with db.read() as s:
        stmt = select(ReinforcementPlan).order_by(
            ReinforcementPlan.starts_on.desc(), ReinforcementPlan.id.desc()
        )
        return [_plan_row(p) for p in s.scalars(stmt)]


# -- forwarding (C2.4) ------------------------------------------------------------------------
def forwarding_agents(db: Database, actor: Actor, on: date | None = None) -> list[AgentChoice]:
    """Agents active on a day, for choosing who answers a forwarded line."""
    require_read(actor)
    on = on or _today()
    stmt = (
        select(Agent)
        .where(or_(Agent.active_from.is_(None), Agent.active_from <= on))
        .where(or_(Agent.active_to.is_(None), Agent.active_to >= on))
        .order_by(Agent.name_fr, Agent.id)
    )
    with db.read() as s:
        return [AgentChoice(a.id, a.name_ar, a.name_fr) for a in s.scalars(stmt)]


def _forwardings_query(
    s: Session,
    now: datetime | None,
    *,
    line_ids: Iterable[int] | None = None,
    include_past: bool = False,
) -> list[ForwardingRow]:
    stmt = (
        select(LineForwarding, PhoneLine, Agent)
        .join(PhoneLine, PhoneLine.id == LineForwarding.line_id)
        .join(Agent, Agent.id == LineForwarding.agent_id)
    )
    if now is not None and not include_past:
        stmt = stmt.where(LineForwarding.starts_at <= now, LineForwarding.ends_at > now)
    if line_ids is not None:
        stmt = stmt.where(LineForwarding.line_id.in_(list(line_ids)))
    stmt = stmt.order_by(LineForwarding.starts_at.desc(), LineForwarding.id.desc())
    return [
        ForwardingRow(
            f.id,
            f.line_id,
            line.number,
            line.label,
            a.id,
            a.name_ar,
            a.name_fr,
            f.target_number,
            f.starts_at,
            f.ends_at,
            f.notes,
        )
        for f, line, a in s.execute(stmt)
    ]


def forward_line(
    db: Database,
    actor: Actor,
    line_id: int,
    *,
    agent_id: int,
    target_number: str,
    starts_at: datetime,
    ends_at: datetime,
    notes: str = "",
) -> ForwardingRow:
    """C2.4: nobody on site, so the line rings on an agent's own phone for a period."""
    actor.require(Perm.EDIT_LINES)
    if ends_at <= starts_at:
        raise UserError(translate("lines", "The forwarding must end after it starts."))
    if ends_at <= utcnow():
        raise UserError(translate("lines", "This forwarding would already be over."))
    target = phones.normalise(target_number, "mobile").number
    with db.write() as s:
        line = _get_line(s, line_id)
        if line.status == "retired":
            raise UserError(translate("lines", "A retired line cannot be forwarded."))
        if target == line.number:
            raise UserError(translate("lines", "A line cannot be forwarded to itself."))
        agent = s.get(Agent, agent_id)
        if agent is None:
            raise UserError(translate("lines", "Choose the agent who will answer."))
        overlap = s.scalar(
            select(func.count(LineForwarding.id)).where(
                LineForwarding.line_id == line_id,
                LineForwarding.starts_at < ends_at,
                LineForwarding.ends_at > starts_at,
            )
        )
        if overlap:
            raise UserError(
                translate("lines", "This line is already forwarded during part of that period.")
            )
        fwd = LineForwarding(
            line_id=line_id,
            agent_id=agent_id,
            target_number=target,
            starts_at=starts_at,
            ends_at=ends_at,
            notes=str(notes or "").strip(),
            created_by=actor.username,
        )
        s.add(fwd)
        s.flush()
        audit.record(
            s,
            actor,
            "forward",
            "phone_line",
            line_id,
            after={
                "agent_id": agent_id,
                "target": target,
                "starts_at": starts_at,
                "ends_at": ends_at,
            },
        )
        return ForwardingRow(
            fwd.id,
            line.id,
            line.number,
            line.label,
            agent.id,
            agent.name_ar,
            agent.name_fr,
            target,
            starts_at,
            ends_at,
            fwd.notes,
        )


def end_forwarding(
    db: Database, actor: Actor, forwarding_id: int, at: datetime | None = None
) -> None:
    """Someone is back on site: the forwarding stops now (a future one is cancelled)."""
    actor.require(Perm.EDIT_LINES)
    at = at or utcnow()
    with db.write() as s:
        fwd = s.get(LineForwarding, forwarding_id)
        if fwd is None:
            raise UserError(translate("lines", "This forwarding no longer exists."))
        before = {"ends_at": fwd.ends_at}
        if fwd.starts_at >= at:
            audit.record(s, actor, "cancel_forward", "phone_line", fwd.line_id, before=before)
            s.delete(fwd)
            return
        if fwd.ends_at > at:
            fwd.ends_at = at
            audit.record(
                s,
                actor,
                "end_forward",
                "phone_line",
                fwd.line_id,
                before=before,
                after={"ends_at": at},
            )


def current_forwardings(
    db: Database, actor: Actor, now: datetime | None = None
) -> list[ForwardingRow]:
    """Who answers each forwarded line right now (C2.4) — for the dashboard and the inventory."""
    require_read(actor)
    with db.read() as s:
        return _forwardings_query(s, now or utcnow())


def forwardings(db: Database, actor: Actor, now: datetime | None = None) -> list[ForwardingRow]:
    """Current and coming forwardings, latest start first."""
    require_read(actor)
    now = now or utcnow()
    with db.read() as s:
        rows = _forwardings_query(s, None, include_past=True)
        return [r for r in rows if r.ends_at > now][:500]


# -- for the import (exchange/lines_file.py) --------------------------------------------------
def existing_numbers(session: Session, numbers: Iterable[str]) -> set[str]:
    wanted = list(set(numbers))
    found: set[str] = set()
    for i in range(0, len(wanted), 500):
        found.update(
            session.scalars(
                select(PhoneLine.number).where(PhoneLine.number.in_(wanted[i : i + 500]))
            )
        )
    return found


def insert_lines(session: Session, actor: Actor, new: list[NewLine]) -> int:
    """Bulk insert of validated, not-yet-present lines (Core, one statement)."""
    actor.require(Perm.EDIT_LINES)
    if not new:
        return 0
    now = utcnow()
    session.execute(
        insert(PhoneLine),
        [
            {
                "number": n.number,
                "kind": n.kind,
                "label": _clean(n.label, 200),
                "department": _clean(n.department, 200),
                "status": "in_service",
                "created_at": now,
                "retired_at": None,
                "version": 1,
                "extension": n.extension,
                "on_website": "website" in n.published,
                "on_letters": "letters" in n.published,
                "on_posters": "posters" in n.published,
                "on_documents": "documents" in n.published,
                "notes": "",
                "last_checked_at": None,
                "last_check_result": None,
            }
            for n in new
        ],
    )
    audit.record(
        session,
        actor,
        "import",
        "phone_line",
        "",
        after={"count": len(new), "numbers": [n.number for n in new][:200]},
    )
    return len(new)
