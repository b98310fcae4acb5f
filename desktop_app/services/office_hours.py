"""Whether the office is open at a given moment, for mystery calls and call traffic (C8.2, C8.4).

It reads the one calendar the administrator keeps for the deadline clock (services/deadlines.py:
public holidays, double session, Friday hours, summer and Ramadan timetables), so a mystery call
is never planned on Eid or at 16:00 in August.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from sqlalchemy.orm import Session

from desktop_app.services.deadlines import WorkingClock, ensure_years, office_calendar

OfficeCalendar = WorkingClock


def load(session: Session) -> OfficeCalendar:
    return office_calendar(session)


def load_for(session: Session, years: Iterable[int]) -> OfficeCalendar:
    """In a writing unit of work: seed the holidays of these years first if nobody has yet."""
    ensure_years(session, years)
    return office_calendar(session)


def is_open(calendar: OfficeCalendar, local: datetime) -> bool:
    """`local` is a Tunis-local datetime."""
    moment = local.time()
    return any(start <= moment < end for start, end in calendar.sessions_on(local.date()))


def sessions_on(calendar: OfficeCalendar, day: date) -> tuple[tuple[object, object], ...]:
    return calendar.sessions_on(day)
