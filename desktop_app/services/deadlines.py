"""The legal deadline of C2.1 (received + 48 h, always) and the body's internal target beside it.

C2.1 says «في أجل أقصاه 48 ساعة», 48 hours at most: `legal_deadline()` is received + 48 calendar
hours whatever the settings, and every req_* indicator judges by it. A body may keep a stricter
internal target: fewer hours, or a working-hours clock; `internal_deadline()` gives it, never later
than the legal deadline, and it is shown beside the legal figure, never instead of it.

The working-hours clock counts only the administration's office hours: it skips nights, weekends,
Tunisian public holidays and the hours the office is closed, under dated timetable periods (double
session, summer single session 1 Jul–31 Aug, Ramadan). Holidays and timetables are DATA the
administrator edits: the `holidays` package seeds them (lunar ones flagged estimated until the
Mufti announces them) and Revolution Day is moved to 17 December (decree 2021-223), which the
package still gets wrong. The deadline state is always computed here, never typed by anyone.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, Protocol

from sqlalchemy import bindparam, select, update
from sqlalchemy.orm import Session

from desktop_app.data.db import Database
from desktop_app.data.models import (
    CalendarYear,
    CitizenRequest,
    Holiday,
    OfficeTimetable,
    Setting,
)
from desktop_app.data.models.base import table_of
from desktop_app.i18n import translate
from desktop_app.services import audit
from desktop_app.services.errors import UserError, require_version
from desktop_app.services.periods import TUNIS
from desktop_app.services.permissions import Actor, Perm

# The settings that make the clock; changing them moves every stored deadline.
CLOCK_SETTING_KEYS = ("deadline_hours", "deadline_clock")

CALENDAR = "calendar"
WORKING = "working"
STATES = ("on_time", "due_soon", "overdue", "met", "missed", "notice_overdue")
LEGAL_HOURS = 48  # C2.1 «في أجل أقصاه 48 ساعة»: a maximum no setting lengthens
LEGAL_DELAY = timedelta(hours=LEGAL_HOURS)
BACKDATED_AFTER = timedelta(minutes=15)  # a step recorded this much after its date: after the fact
MAX_DAYS_SEARCHED = 800  # a timetable with no open hour at all must not loop for ever

# Summer single session and Ramadan hours, seeded per year and editable (DESIGN.md, known traps).
SUMMER_SESSIONS: dict[str, list[list[str]]] = {
    **{str(d): [["07:30", "13:30"]] for d in (1, 2, 3, 4)},
    "5": [["07:30", "13:00"]],
}
RAMADAN_SESSIONS: dict[str, list[list[str]]] = {
    **{str(d): [["08:00", "14:30"]] for d in (1, 2, 3, 4)},
    "5": [["08:00", "13:00"]],
}
# The `holidays` package names Tunisia's holidays in Arabic and English only.
_FRENCH = {
    "New Year's Day": "Jour de l'an",
    "Revolution and Youth Day": "Fête de la Révolution et de la Jeunesse",
    "Independence Day": "Fête de l'Indépendance",
    "Martyrs' Day": "Journée des Martyrs",
    "Labor Day": "Fête du Travail",
    "Republic Day": "Fête de la République",
    "Women's Day": "Fête de la Femme",
    "Evacuation Day": "Fête de l'Évacuation",
    "Eid al-Fitr": "Aïd el-Fitr",
    "Eid al-Fitr Holiday": "Congé de l'Aïd el-Fitr",
    "Day of Arafah": "Jour d'Arafat",
    "Eid al-Adha": "Aïd el-Idha",
    "Eid al-Adha Holiday": "Congé de l'Aïd el-Idha",
    "Islamic New Year": "Nouvel an de l'Hégire",
    "Prophet's Birthday": "Mouled, anniversaire du Prophète",
}
REVOLUTION_DAY = (12, 17)  # presidential decree 2021-223
REVOLUTION_NAMES = ("عيد الثورة", "Fête de la Révolution")


class Clock(Protocol):
    # Read-only, so the frozen dataclasses below satisfy it.
    @property
    def kind(self) -> str: ...

    @property
    def hours(self) -> int: ...

    def deadline(self, received_at: datetime) -> datetime: ...


@dataclass(frozen=True)
class CalendarClock:
    """C2.1 as written: the deadline is received_at + N hours, nights and holidays included."""

    hours: int
    kind: str = CALENDAR

    def deadline(self, received_at: datetime) -> datetime:
        return (received_at + timedelta(hours=self.hours)).astimezone(UTC)


@dataclass(frozen=True)
class Timetable:
    valid_from: date | None
    valid_to: date | None
    sessions: Mapping[int, tuple[tuple[time, time], ...]]

    def covers(self, day: date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )

    @property
    def span(self) -> int:
        if self.valid_from is None or self.valid_to is None:
            return 10**9
        return (self.valid_to - self.valid_from).days


def parse_sessions(sessions_json: str) -> dict[int, tuple[tuple[time, time], ...]]:
    raw: dict[str, list[list[str]]] = json.loads(sessions_json)
    return {
        int(day): tuple((time.fromisoformat(a), time.fromisoformat(b)) for a, b in spans)
        for day, spans in raw.items()
    }


@dataclass(frozen=True)
class WorkingClock:
    """N hours counted only while the office is open (local Tunis time)."""

    hours: int
    holidays: frozenset[date]
    timetables: tuple[Timetable, ...]
    kind: str = WORKING
    # Each day's sessions once worked out: a year's report times 100 000 requests on it.
    _days: dict[date, tuple[tuple[time, time], ...]] = field(
        default_factory=dict, compare=False, repr=False
    )

    def sessions_on(self, day: date) -> tuple[tuple[time, time], ...]:
        found = self._days.get(day)
        if found is None:
            found = self._days[day] = self._sessions_on(day)
        return found

    def _sessions_on(self, day: date) -> tuple[tuple[time, time], ...]:
        if day in self.holidays:
            return ()
        covering = [t for t in self.timetables if t.covers(day)]
        if not covering:
            return ()
        chosen = min(covering, key=lambda t: t.span)  # the most specific period wins
        return chosen.sessions.get(day.isoweekday(), ())

    def deadline(self, received_at: datetime) -> datetime:
        remaining = timedelta(hours=self.hours)
        moment = received_at.astimezone(TUNIS)
        day = moment.date()
        for _ in range(MAX_DAYS_SEARCHED):
            for opens, closes in self.sessions_on(day):
                start = datetime.combine(day, opens, TUNIS)
                end = datetime.combine(day, closes, TUNIS)
                if end <= moment:
                    continue
                start = max(start, moment)
                if end - start >= remaining:
                    return (start + remaining).astimezone(UTC)
                remaining -= end - start
            day += timedelta(days=1)
        raise UserError(
            translate(
                "deadlines",
                "The office timetable has no opening hours for two years; correct the timetables.",
            )
        )


def legal_deadline(received_at: datetime) -> datetime:
    """C2.1: received + 48 hours, nights, weekends and holidays included; no setting moves it."""
    return (received_at + LEGAL_DELAY).astimezone(UTC)


def internal_deadline(clock: Clock, received_at: datetime) -> datetime:
    """The body's own target under its clock, capped at the legal deadline: a working-hours
    clock that would end later than received + 48 h does not lengthen what the circular allows."""
    return min(clock.deadline(received_at), legal_deadline(received_at))


def stored_clock_settings(session: Session) -> dict[str, Any]:
    """deadline_hours and deadline_clock as stored (load_clock supplies the defaults). Read here
    rather than through services/settings, which calls this module when they change."""
    rows = session.scalars(select(Setting).where(Setting.key.in_(CLOCK_SETTING_KEYS)))
    return {row.key: json.loads(row.value_json) for row in rows}


def load_clock(session: Session, values: Mapping[str, Any]) -> Clock:
    """The internal target's clock, from the settings and the calendar data (hours ≤ 48)."""
    hours = min(int(values.get("deadline_hours", LEGAL_HOURS)), LEGAL_HOURS)
    if values.get("deadline_clock", CALENDAR) != WORKING:
        return CalendarClock(hours)
    return office_calendar(session, hours)


def office_calendar(session: Session, hours: int = 0) -> WorkingClock:
    """When the office is open: the holidays and dated timetables an administrator keeps.

    The same calendar serves the working-hours deadline clock (C2.1), the planning of mystery
    calls and the "outside office hours" traffic figures (C8.4), so summer, Ramadan and holidays
    are entered once.
    """
    days = frozenset(session.scalars(select(Holiday.day)))
    tables = tuple(
        Timetable(t.valid_from, t.valid_to, parse_sessions(t.sessions_json))
        for t in session.scalars(select(OfficeTimetable))
    )
    return WorkingClock(hours, days, tables)


def clock_description(values: Mapping[str, Any]) -> str:
    """Two sentences, printed on the report and the register: the legal deadline (C2.1), then
    the body's internal target under its clock."""
    hours = min(int(values.get("deadline_hours", LEGAL_HOURS)), LEGAL_HOURS)
    legal = translate(
        "deadlines",
        "Legal deadline: 48 hours after receipt, nights and holidays included (circular 2/2020, "
        "C2.1: «at most 48 hours»).",
    )
    if values.get("deadline_clock", CALENDAR) == WORKING:
        internal = translate(
            "deadlines",
            "Internal target of the body: an answer within %n h of receipt, counted in working "
            "hours only, and never later than the legal deadline.",
            None,
            int(hours),
        )
    else:
        internal = translate(
            "deadlines", "Internal target of the body: an answer within %n h of receipt.", None,
            int(hours),
        )  # fmt: skip
    return f"{legal} {internal}"


def deadline_state(
    deadline_at: datetime,
    first_response_at: datetime | None,
    closed_at: datetime | None,
    now: datetime,
    warning_hours: float,
    *,
    first_response_kind: str | None = None,
    answered_at: datetime | None = None,
    notice_answer_by: datetime | None = None,
) -> str:
    """on_time, due_soon, overdue (no first response yet), met or missed (responded, or closed),
    or notice_overdue: the first response was a notice, the answer date it announced has passed,
    no answer has come and the request is still open (C2.1)."""
    if (
        first_response_kind == "notice"
        and answered_at is None
        and closed_at is None
        and notice_answer_by is not None
        and notice_answer_by < now
    ):
        return "notice_overdue"
    if first_response_at is not None:
        return "met" if first_response_at <= deadline_at else "missed"
    if closed_at is not None:
        return "missed"  # closed without any answer or notice: the obligation was not met
    if deadline_at < now:
        return "overdue"
    if deadline_at <= now + timedelta(hours=warning_hours):
        return "due_soon"
    return "on_time"


def state_label(state: str) -> str:
    labels = {
        "on_time": translate("deadlines", "On time"),
        "due_soon": translate("deadlines", "Due soon"),
        "overdue": translate("deadlines", "Overdue"),
        "met": translate("deadlines", "Answered in time"),
        "missed": translate("deadlines", "Answered late"),
        "notice_overdue": translate("deadlines", "Overdue after notice"),
    }
    return labels.get(state, state)


# -- the calendar: holidays and timetables as data ----------------------------------------------
def _split_names(text: str) -> list[str]:
    return [part.strip() for part in text.split(";") if part.strip()]


def seed_year(session: Session, year: int) -> bool:
    """Seed one year's holidays, summer and Ramadan periods, once; False when already seeded."""
    if session.get(CalendarYear, year) is not None:
        return False
    import holidays  # lazily: start-up time

    arabic = holidays.country_holidays("TN", years=year, language="ar")
    english = holidays.country_holidays("TN", years=year, language="en_US")
    existing = set(
        session.scalars(
            select(Holiday.day).where(
                Holiday.day >= date(year, 1, 1), Holiday.day <= date(year, 12, 31)
            )
        )
    )
    eid_al_fitr: date | None = None
    rows: dict[date, Holiday] = {}
    for day, name_en in sorted(english.items()):
        parts = _split_names(name_en)
        estimated = any("(estimated)" in p for p in parts)
        clean = [p.replace("(estimated)", "").strip() for p in parts]
        if "Eid al-Fitr" in clean:
            eid_al_fitr = day
        if year >= 2022 and "Revolution and Youth Day" in clean:
            continue  # moved to 17 December by decree 2021-223
        rows[day] = Holiday(
            day=day,
            name_ar=arabic.get(day, "").replace("(تقديري)", "").replace(" ;", ";").strip(),
            name_fr="; ".join(_FRENCH.get(p, p) for p in clean),
            estimated=estimated,
            source="seed",
        )
    if year >= 2021:
        revolution = date(year, *REVOLUTION_DAY)
        rows[revolution] = Holiday(
            day=revolution,
            name_ar=REVOLUTION_NAMES[0],
            name_fr=REVOLUTION_NAMES[1],
            estimated=False,
            source="seed",
        )
    session.add_all(h for d, h in rows.items() if d not in existing)
    session.add(
        OfficeTimetable(
            kind="summer",
            label=f"Summer {year}",
            valid_from=date(year, 7, 1),
            valid_to=date(year, 8, 31),
            sessions_json=json.dumps(SUMMER_SESSIONS),
            estimated=False,
        )
    )
    if eid_al_fitr is not None:
        session.add(
            OfficeTimetable(
                kind="ramadan",
                label=f"Ramadan {year}",
                valid_from=eid_al_fitr - timedelta(days=30),
                valid_to=eid_al_fitr - timedelta(days=1),
                sessions_json=json.dumps(RAMADAN_SESSIONS),
                estimated=True,
            )
        )
    session.add(CalendarYear(year=year))
    session.flush()
    return True


def ensure_years(session: Session, years: Iterable[int]) -> None:
    for year in sorted(set(years)):
        seed_year(session, year)


@dataclass(frozen=True)
class HolidayRow:
    id: int
    day: date
    name_ar: str
    name_fr: str
    estimated: bool
    source: str
    version: int


def list_holidays(db: Database, actor: Actor, year: int) -> list[HolidayRow]:
    actor.require(Perm.VIEW_SETTINGS)
    with db.read() as s:
        rows = s.scalars(
            select(Holiday)
            .where(Holiday.day >= date(year, 1, 1), Holiday.day <= date(year, 12, 31))
            .order_by(Holiday.day)
        )
        return [
            HolidayRow(h.id, h.day, h.name_ar, h.name_fr, h.estimated, h.source, h.version)
            for h in rows
        ]


def seed_calendar(db: Database, actor: Actor, year: int) -> bool:
    """The administrator asks for a year's calendar (holidays, summer, Ramadan) to be seeded."""
    actor.require(Perm.EDIT_SETTINGS)
    with db.write() as s:
        done = seed_year(s, year)
        if done:
            audit.record(s, actor, "seed", "calendar", year)
            recompute_deadlines(s, since=datetime(year - 1, 12, 1, tzinfo=UTC))
        return done


def save_holiday(
    db: Database,
    actor: Actor,
    day: date,
    name_ar: str,
    name_fr: str,
    *,
    estimated: bool = False,
    holiday_id: int | None = None,
    expected_version: int | None = None,
) -> None:
    """Add a holiday, or move/rename one (the Mufti's announcement confirms a lunar date)."""
    actor.require(Perm.EDIT_SETTINGS)
    if not (name_ar.strip() or name_fr.strip()):
        raise UserError(translate("deadlines", "Give the holiday a name."))
    with db.write() as s:
        clash = s.scalar(select(Holiday).where(Holiday.day == day))
        if clash is not None and clash.id != holiday_id:
            raise UserError(
                translate("deadlines", "{day} is already a holiday ({name}).").format(
                    day=day.strftime("%d/%m/%Y"), name=clash.name_fr or clash.name_ar
                )
            )
        before: dict[str, object] | None = None
        if holiday_id is None:
            row = Holiday(day=day, name_ar="", name_fr="", source="admin")
            s.add(row)
        else:
            found = s.get(Holiday, holiday_id)
            require_version(
                None if found is None else found.version,
                expected_version,
                lambda: translate(
                    "deadlines", "This holiday was changed meanwhile; reopen the list."
                ),
            )
            assert found is not None  # require_version raised otherwise
            row = found
            before = {"day": row.day, "name_ar": row.name_ar, "name_fr": row.name_fr}
        oldest = min(day, row.day) if before else day
        row.day, row.name_ar, row.name_fr = day, name_ar.strip(), name_fr.strip()
        row.estimated, row.source = estimated, "admin"
        s.flush()
        after = {"day": day, "name_ar": row.name_ar, "name_fr": row.name_fr, "estimated": estimated}
        action = "update" if before else "create"
        audit.record(s, actor, action, "holiday", row.id, before=before, after=after)
        _recompute_around(s, oldest)


def delete_holiday(db: Database, actor: Actor, holiday_id: int) -> None:
    actor.require(Perm.EDIT_SETTINGS)
    with db.write() as s:
        row = s.get(Holiday, holiday_id)
        if row is None:
            return
        audit.record(
            s,
            actor,
            "delete",
            "holiday",
            row.id,
            before={"day": row.day, "name_ar": row.name_ar, "name_fr": row.name_fr},
        )
        day = row.day
        s.delete(row)
        s.flush()
        _recompute_around(s, day)


@dataclass(frozen=True)
class TimetableRow:
    id: int
    kind: str
    label: str
    valid_from: date | None
    valid_to: date | None
    sessions: dict[int, tuple[tuple[time, time], ...]]
    estimated: bool
    version: int


def list_timetables(db: Database, actor: Actor) -> list[TimetableRow]:
    actor.require(Perm.VIEW_SETTINGS)
    with db.read() as s:
        rows = s.scalars(
            select(OfficeTimetable).order_by(
                OfficeTimetable.valid_from.is_not(None), OfficeTimetable.valid_from
            )
        )
        return [
            TimetableRow(
                t.id,
                t.kind,
                t.label,
                t.valid_from,
                t.valid_to,
                parse_sessions(t.sessions_json),
                t.estimated,
                t.version,
            )
            for t in rows
        ]


def save_timetable(
    db: Database,
    actor: Actor,
    *,
    kind: str,
    label: str,
    valid_from: date | None,
    valid_to: date | None,
    sessions: Mapping[int, Iterable[tuple[time, time]]],
    estimated: bool = False,
    timetable_id: int | None = None,
    expected_version: int | None = None,
) -> int:
    """Add or change a dated timetable period (e.g. this year's Ramadan, once announced)."""
    actor.require(Perm.EDIT_SETTINGS)
    if valid_from and valid_to and valid_to < valid_from:
        raise UserError(translate("deadlines", "The period ends before it starts."))
    clean: dict[str, list[list[str]]] = {}
    for weekday, spans in sessions.items():
        listed = []
        for opens, closes in spans:
            if closes <= opens:
                raise UserError(
                    translate("deadlines", "A session closes at {closes}, before it opens.").format(
                        closes=closes.strftime("%H:%M")
                    )
                )
            listed.append([opens.strftime("%H:%M"), closes.strftime("%H:%M")])
        if listed:
            clean[str(int(weekday))] = listed
    with db.write() as s:
        if timetable_id is None:
            row = OfficeTimetable(kind=kind, label="", sessions_json="{}")
            s.add(row)
            before = None
        else:
            found = s.get(OfficeTimetable, timetable_id)
            require_version(
                None if found is None else found.version,
                expected_version,
                lambda: translate(
                    "deadlines", "This timetable was changed meanwhile; reopen the list."
                ),
            )
            assert found is not None  # require_version raised otherwise
            row = found
            before = {
                "valid_from": row.valid_from,
                "valid_to": row.valid_to,
                "sessions": row.sessions_json,
            }
        row.kind, row.label, row.valid_from, row.valid_to = kind, label, valid_from, valid_to
        row.sessions_json, row.estimated = json.dumps(clean, sort_keys=True), estimated
        s.flush()
        after = {
            "kind": kind,
            "label": label,
            "valid_from": valid_from,
            "valid_to": valid_to,
            "sessions": row.sessions_json,
        }
        action = "update" if before else "create"
        audit.record(s, actor, action, "timetable", row.id, before=before, after=after)
        starts = [d for d in (valid_from, before and before["valid_from"]) if isinstance(d, date)]
        _recompute_around(s, min(starts) if starts else None)
        return row.id


def _recompute_around(session: Session, day: date | None) -> None:
    """A calendar edit moves the deadlines of requests received up to a few weeks before it."""
    since = None if day is None else datetime.combine(day - timedelta(days=45), time(0), TUNIS)
    recompute_deadlines(session, since=since)


def recompute_deadlines(session: Session, since: datetime | None = None, chunk: int = 5000) -> int:
    """Store each request's internal target again under the clock in force (and its legal
    deadline, received + 48 h); returns how many changed.

    Call it after the clock's settings change (deadline_hours, deadline_clock) or the calendar.
    """
    clock = load_clock(session, stored_clock_settings(session))
    table = table_of(CitizenRequest)
    stmt = (
        update(table)
        .where(table.c.id == bindparam("rid"))
        .values(deadline_at=bindparam("legal"), internal_deadline_at=bindparam("internal"))
    )
    changed, last_id = 0, 0
    while True:
        query = (
            select(
                table.c.id, table.c.received_at, table.c.deadline_at, table.c.internal_deadline_at
            )
            .where(table.c.id > last_id)
            .order_by(table.c.id)
            .limit(chunk)
        )
        if since is not None:
            query = query.where(table.c.received_at >= since)
        rows = session.execute(query).all()
        if not rows:
            return changed
        updates = []
        for rid, received, legal_now, internal_now in rows:
            legal, internal = legal_deadline(received), internal_deadline(clock, received)
            if (legal, internal) != (legal_now, internal_now):
                updates.append({"rid": rid, "legal": legal, "internal": internal})
        if updates:
            session.execute(stmt, updates)
            changed += len(updates)
        last_id = rows[-1][0]
