"""Callers to call back (C2.4, C8.2): unanswered inbound calls from callable numbers, by caller.

A missed call is an inbound call on an inventory line, not answered, from a number that can be
called back: not anonymous, not an extension, not one of the body's own numbers (the inventory's
lines, service mobiles included), Tunisian or foreign. Numbers are compared in E.164, so
`0021650987654`, `+216 50 987 654` and an outbound call to `50 987 654` are one caller.

A caller leaves the list once reached: an answered outbound call to the number, an answered
inbound call from it (the caller got through by calling again), or a call-back made outside the
PBX and recorded here as reached — or as a wrong number, since there is nobody left to call. A
call-back recorded as "no answer" keeps the caller on the list, with the attempt shown. The
indicators (CONTRACTS.md §3 cdr_missed*) count only reaches within the reach window setting.

Callers' numbers are personal data (law 2004-63): only the roles that handle calls (those that
may read citizens' contacts, Perm.READ_PERSONAL_DATA) see them; they follow the requests'
retention period (purge_numbers_in, called by the requests' purge) and never reach the report.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any, cast

from sqlalchemy import and_, bindparam, exists, false, select, update
from sqlalchemy.orm import Session

from desktop_app.data.db import Database
from desktop_app.data.models import CallBack, CallRecord, PhoneLine
from desktop_app.data.models.base import table_of
from desktop_app.data.types import utcnow
from desktop_app.i18n import translate
from desktop_app.services import audit
from desktop_app.services.errors import UserError
from desktop_app.services.periods import local_date, local_midnight
from desktop_app.services.permissions import Actor, Perm
from desktop_app.services.phones import COUNTRY_CODE, NATIONAL_LENGTH, display_number

# The roles that handle calls are those that may read citizens' contacts (admin, supervisor,
# agent): a caller's number is a contact like any other (law 2004-63).
HANDLE_CALLS = Perm.READ_PERSONAL_DATA
OUTCOMES = ("reached", "no_answer", "wrong_number")
# Outcomes after which nobody needs to call the number again.
CLOSING_OUTCOMES = ("reached", "wrong_number")
# A later answered call in either of these directions reaches the caller (§3).
REACHING = ("inbound", "outgoing")
PSEUDONYM = "~"  # a purged number: still one caller for past statistics, no longer callable
WINDOW_KEY = "callback_window_hours"
TARGET_KEY = "target.cdr_missed_reached_pct"


_NOISE = re.compile(r"[\s.\-()/\u00a0\u200e\u200f\u202a-\u202e]")
_DIGITS = re.compile(r"\+?\d+")


def callable_number(text: str | None) -> str:
    """The E.164 form of a number as a PBX or a person writes it, or "" when it cannot be called
    back: anonymous, a name, an extension or a short number, an impossible length.

    `50 987 654`, `050987654` (trunk prefix), `21650987654`, `0021650987654` and `+216 50 987 654`
    all give `+21650987654`; `0033612345678` gives `+33612345678`.
    """
    cleaned = _NOISE.sub("", (text or "").strip())
    if not _DIGITS.fullmatch(cleaned):
        return ""
    international = cleaned.startswith("+")
    digits = cleaned.lstrip("+")
    if not international and digits[:1] in ("0", "9") and digits[1:3] == "00":
        digits = digits[1:]  # a trunk prefix before an international call: 9 00 33…
    if digits.startswith("00"):
        digits, international = digits[2:], True
    if not international:
        # A trunk prefix (0 or 9) before a national number or one with its country code.
        n = len(digits)
        trunk = n == NATIONAL_LENGTH + 1 or (n == NATIONAL_LENGTH + 4 and digits[1:4] == "216")
        if digits[0] in "09" and trunk:
            digits = digits[1:]
        if len(digits) == NATIONAL_LENGTH + 3 and digits.startswith(COUNTRY_CODE):
            digits = digits[3:]
        if len(digits) != NATIONAL_LENGTH or digits[0] in "01":
            return ""
        return f"+{COUNTRY_CODE}{digits}"
    if digits.startswith(COUNTRY_CODE):
        national = digits[len(COUNTRY_CODE) :]
        return f"+{digits}" if len(national) == NATIONAL_LENGTH and national[0] != "0" else ""
    return f"+{digits}" if 7 <= len(digits) <= 15 and digits[0] != "0" else ""


def party_of(direction: str, src: str, dst: str) -> str:
    """The citizen's number on a call record: the caller of an inbound call, the callee of an
    outgoing one; none for an internal call."""
    if direction in ("inbound", "unmatched"):
        return callable_number(src)
    if direction == "outgoing":
        return callable_number(dst)
    return ""


def fill_parties(session: Session) -> int:
    """Compute `party` where it is still NULL (records from before 0008 or written by another
    path than the importer); one pass, then nothing to do until the next such rows."""
    table = table_of(CallRecord)
    rows = session.execute(
        select(CallRecord.id, CallRecord.direction, CallRecord.src, CallRecord.dst).where(
            CallRecord.party.is_(None)
        )
    ).all()
    if not rows:
        return 0
    seen: dict[tuple[str, str, str], str] = {}
    values = []
    for id_, direction, src, dst in rows:
        key = (direction, src, dst)
        if key not in seen:
            seen[key] = party_of(direction, src, dst)
        values.append({"_id": id_, "_party": seen[key]})
    stmt = update(table).where(table.c.id == bindparam("_id")).values(party=bindparam("_party"))
    for i in range(0, len(values), 5000):
        session.connection().execute(stmt, values[i : i + 5000])
    return len(values)


def _ensure_parties(db: Database) -> None:
    with db.read() as s:
        missing = s.scalar(select(exists().where(CallRecord.party.is_(None))))
    if missing:
        with db.write() as s:
            fill_parties(s)


def own_numbers(session: Session) -> set[str]:
    """The body's own numbers in E.164: every inventory line, service mobiles included."""
    return {n for n in map(callable_number, session.scalars(select(PhoneLine.number))) if n}


def _missed_where(own: Iterable[str]) -> list[Any]:
    """Unanswered inbound calls on a line, from a number that can be called back (§3)."""
    r = CallRecord
    # `= 0`, not `IS 0`: the (direction, answered, start…) index serves the equality.
    return [r.direction == "inbound", r.line_id.is_not(None), r.answered == false(),
            r.party.is_not(None), r.party != "", r.party.not_in(sorted(own))]  # fmt: skip


# -- the list --------------------------------------------------------------------------------------
@dataclass(slots=True)
class Caller:
    """A caller still waiting for the body: their unanswered tries since they were last reached."""

    party: str  # E.164
    tries: list[datetime] = field(default_factory=list)  # starts, oldest first
    lines: list[str] = field(default_factory=list)  # the lines rung, as the inventory writes them
    attempts: list[tuple[datetime, str]] = field(default_factory=list)  # call-backs, no answer

    @property
    def number(self) -> str:
        """As people write it: `50 987 654`, `+33 6 12 34 56 78`."""
        return display_number(self.party)

    @property
    def first(self) -> datetime:
        return self.tries[0]

    @property
    def last(self) -> datetime:
        return self.tries[-1]

    def waiting_minutes(self, now: datetime) -> int:
        return max(0, int((now - self.first).total_seconds() // 60))


def callers(db: Database, actor: Actor, day: date | None = None, line_id: int | None = None,
            since: date | None = None) -> list[Caller]:  # fmt: skip
    """Callers not reached since their missed calls, oldest first; `day` keeps one local day's
    tries, `since` the tries from that day on, `line_id` one line's (C2.4)."""
    actor.require(HANDLE_CALLS)
    _ensure_parties(db)
    with db.read() as s:
        return callers_in(s, day, line_id, since)


def callers_in(session: Session, day: date | None = None, line_id: int | None = None,
               since: date | None = None) -> list[Caller]:  # fmt: skip
    m, r, c = CallRecord, table_of(CallRecord).alias("r"), CallBack
    where = _missed_where(own_numbers(session)) + [m.party.not_like(PSEUDONYM + "%")]
    if day is not None:
        where += [m.start >= local_midnight(day), m.start < local_midnight(day + timedelta(1))]
    if since is not None:
        where.append(m.start >= local_midnight(since))
    if line_id is not None:
        where.append(m.line_id == line_id)
    reached = exists().where(r.c.party == m.party, r.c.start > m.start, r.c.answered.is_(True),
                             r.c.direction.in_(REACHING))  # fmt: skip
    called_back = exists().where(c.party == m.party, c.at > m.start,
                                 c.outcome.in_(CLOSING_OUTCOMES))  # fmt: skip
    # Core rows, not ORM ones: thousands of rows, and the ORM's per-row work cost a third.
    rows = session.connection().execute(
        select(m.party, m.start, m.line_id).where(*where, ~reached, ~called_back)
        .order_by(m.start, m.id)
    ).all()  # fmt: skip
    lines = session.execute(select(PhoneLine.id, PhoneLine.number))
    names: dict[int | None, str] = {i: display_number(n) for i, n in lines}
    by_party: dict[str, Caller] = {}  # in order of first try: the list is oldest first
    for party, start, line in rows:
        party = cast(str, party)  # the query keeps only rows with a party
        caller = by_party.get(party)
        shown = names.get(line, "")
        if caller is None:
            by_party[party] = Caller(party, [start], [shown], [])
            continue
        caller.tries.append(start)
        if shown not in caller.lines:
            caller.lines.append(shown)
    if by_party:  # the unanswered call-backs: few, read whole rather than by 10 000 numbers
        for party, at, outcome in session.execute(
            select(c.party, c.at, c.outcome).where(c.outcome.not_in(CLOSING_OUTCOMES))
            .order_by(c.at)
        ):  # fmt: skip
            caller = by_party.get(party)
            if caller is not None and at > caller.first:
                caller.attempts.append((at, outcome))
    return list(by_party.values())


def line_choices(db: Database, actor: Actor) -> list[tuple[int, str]]:
    """The inventory's lines for the list's line filter: (id, number as written — label)."""
    actor.require(HANDLE_CALLS)
    with db.read() as s:
        rows = s.execute(
            select(PhoneLine.id, PhoneLine.number, PhoneLine.label)
            .where(PhoneLine.retired_at.is_(None))
            .order_by(PhoneLine.number)
        )
        return [(i, display_number(n) + (f" — {label}" if label else "")) for i, n, label in rows]


# -- call-backs made outside the PBX ---------------------------------------------------------------
def outcome_label(outcome: str) -> str:
    return {
        "reached": translate("callbacks", "Reached"),
        "no_answer": translate("callbacks", "No answer"),
        "wrong_number": translate("callbacks", "Wrong number"),
    }.get(outcome, outcome)


def record_callback(db: Database, actor: Actor, number: str, at: datetime, outcome: str,
                    note: str = "", now: datetime | None = None) -> int:  # fmt: skip
    """Record a call-back made from a phone outside the PBX (a mobile, a forwarded line: C2.4);
    who recorded it and when goes to the audit trail."""
    actor.require(HANDLE_CALLS)
    party = callable_number(number)
    if not party:
        raise UserError(translate("callbacks", "“{number}” is not a number that can be called "
                                  "back.").format(number=number))  # fmt: skip
    if outcome not in OUTCOMES:
        raise UserError(translate("callbacks", "Choose the outcome of the call-back."))
    if at.tzinfo is None:
        raise UserError(translate("callbacks", "The time of the call-back is missing."))
    if at > (now or utcnow()) + timedelta(minutes=5):
        raise UserError(translate("callbacks", "The call-back cannot be in the future."))
    note = note.strip()
    if len(note) > 1000:
        raise UserError(translate("callbacks", "The note is longer than 1000 characters."))
    with db.write() as s:
        row = CallBack(party=party, at=at, outcome=outcome, note=note, user_id=actor.user_id,
                       username=actor.username)  # fmt: skip
        s.add(row)
        s.flush()
        # The number stays out of the audit trail (it is purged with the call-back's row).
        audit.record(s, actor, "create", "call_back", row.id,
                     after={"at": at, "outcome": outcome})  # fmt: skip
        return row.id


# -- indicators (CONTRACTS.md §3) -----------------------------------------------------------------
@dataclass(frozen=True)
class Missed:
    line_id: int
    delay_min: float | None  # minutes to the call that reached the caller; None: not reached


def missed_in(session: Session, start: datetime, end: datetime,
              settings: dict[str, Any]) -> list[Missed]:  # fmt: skip
    """The missed calls of [start, end) and, for each, how soon the caller was reached within
    the reach window: an answered outbound call to the number, an answered inbound call from
    it, or a call-back recorded as reached — the first of them after the missed call. (Rows
    without `party` yet — none after 0008 and the importer — are left out, not computed: this
    runs in read-only units of work.)"""
    window = timedelta(hours=int(settings.get(WINDOW_KEY, 24)))
    m = CallRecord
    where = [*_missed_where(own_numbers(session)), m.start >= start, m.start < end]
    calls = session.execute(select(m.party, m.start, m.line_id).where(*where)).all()
    if not calls:
        return []
    parties = select(m.party).where(*where).distinct().scalar_subquery()
    r = table_of(CallRecord).alias("r")
    events: dict[str, list[datetime]] = {}
    for party, at in session.execute(
        select(r.c.party, r.c.start).where(
            r.c.party.in_(parties), r.c.answered.is_(True), r.c.direction.in_(REACHING),
            r.c.start > start, r.c.start <= end + window)
    ):  # fmt: skip
        events.setdefault(party, []).append(at)
    for party, at in session.execute(
        select(CallBack.party, CallBack.at).where(
            CallBack.party.in_(parties), CallBack.outcome == "reached",
            CallBack.at > start, CallBack.at <= end + window)
    ):  # fmt: skip
        events.setdefault(party, []).append(at)
    out = []
    for party, at, line in calls:
        times = sorted(events.get(cast(str, party), ()))
        i = bisect_right(times, at)
        delay = None
        if i < len(times) and times[i] - at <= window:
            delay = (times[i] - at).total_seconds() / 60
        out.append(Missed(cast(int, line), delay))
    return out


# -- privacy (law 2004-63) ------------------------------------------------------------------------
def purge_numbers_in(session: Session, cutoff: datetime) -> int:
    """Erase the callers' numbers of calls and call-backs before `cutoff` (the requests'
    retention period), in the purge's unit of work. Each number becomes a keyed pseudonym, the
    key thrown away, so past indicators still count one caller once but nobody can call back or
    recover the number. The importer's natural key (which holds the numbers) is hashed: the
    PBX's uniqueid still keeps a re-imported call from coming back."""
    fill_parties(session)
    key = secrets.token_bytes(32)
    own = own_numbers(session)

    def pseudonym(party: str) -> str:
        if party in own:
            return ""  # the body's own number: never a caller to count, nothing to hide
        digest = hmac.new(key, party.encode(), hashlib.sha256).hexdigest()
        return PSEUDONYM + digest[:19]

    table = table_of(CallRecord)
    rows = session.execute(
        select(CallRecord.id, CallRecord.party, CallRecord.direction, CallRecord.natural_key)
        .where(CallRecord.start < cutoff, CallRecord.party != "",
               CallRecord.party.not_like(PSEUDONYM + "%"))
    ).all()  # fmt: skip
    values = [{
        "_id": id_, "_party": pseudonym(cast(str, party)), "_nk": "purged:" + hashlib.sha256(
            nk.encode()).hexdigest(), "_inbound": direction != "outgoing"}
        for id_, party, direction, nk in rows]  # fmt: skip
    inbound = [v for v in values if v["_inbound"]]
    outgoing = [v for v in values if not v["_inbound"]]
    base = update(table).where(table.c.id == bindparam("_id"))
    conn = session.connection()
    if inbound:
        conn.execute(base.values(party=bindparam("_party"), natural_key=bindparam("_nk"),
                                 src=""), inbound)  # fmt: skip
    if outgoing:
        conn.execute(base.values(party=bindparam("_party"), natural_key=bindparam("_nk"),
                                 dst="", dst_national=""), outgoing)  # fmt: skip
    backs = session.execute(
        select(CallBack.id, CallBack.party).where(
            CallBack.at < cutoff, CallBack.party.not_like(PSEUDONYM + "%"))
    ).all()  # fmt: skip
    if backs:
        ctable = table_of(CallBack)
        conn.execute(
            update(ctable).where(and_(ctable.c.id == bindparam("_id")))
            .values(party=bindparam("_party"), note=""),
            [{"_id": i, "_party": pseudonym(p)} for i, p in backs])  # fmt: skip
    return len(values) + len(backs)


def yesterday_of(now: datetime) -> date:
    return local_date(now) - timedelta(days=1)
