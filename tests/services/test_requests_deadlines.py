"""The deadline clock of C2.1: calendar hours; working hours over weekends, holidays, Ramadan."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest

from desktop_app.data.db import Database
from desktop_app.data.models import Holiday, OfficeTimetable
from desktop_app.services import deadlines, settings
from desktop_app.services.deadlines import CalendarClock, Timetable, WorkingClock
from desktop_app.services.errors import PermissionDenied
from desktop_app.services.periods import TUNIS
from desktop_app.services.permissions import Actor, Role

DOUBLE = {d: ((time(8, 30), time(13)), (time(15), time(17, 30))) for d in (1, 2, 3, 4)}
DOUBLE[5] = ((time(8, 30), time(13, 30)),)
NORMAL = Timetable(None, None, DOUBLE)


def tunis(*args: int) -> datetime:
    return datetime(*args, tzinfo=TUNIS)  # type: ignore[misc]


def test_calendar_clock_is_48_hours_nights_and_weekends_included_c2_1() -> None:
    received = tunis(2026, 2, 6, 23, 59)  # a Friday, one minute before midnight
    assert CalendarClock(48).deadline(received) == tunis(2026, 2, 8, 23, 59).astimezone(UTC)


def test_working_clock_skips_the_night_and_the_weekend_c2_1() -> None:
    clock = WorkingClock(8, frozenset(), (NORMAL,))
    # Friday 12:00: 1.5 h left on Friday, then Monday 08:30 → 13:00 (4.5 h), 15:00 → 17:00 (2 h).
    assert clock.deadline(tunis(2026, 2, 6, 12, 0)) == tunis(2026, 2, 9, 17, 0).astimezone(UTC)
    # Received on a Saturday: the clock starts on Monday morning; Monday holds 7 h, so 1 h more
    # on Tuesday from 08:30.
    assert clock.deadline(tunis(2026, 2, 7, 10, 0)) == tunis(2026, 2, 10, 9, 30).astimezone(UTC)


def test_working_clock_skips_a_public_holiday_c2_1() -> None:
    holiday = date(2026, 4, 9)  # Martyrs' Day, a Thursday
    clock = WorkingClock(4, frozenset({holiday}), (NORMAL,))
    received = tunis(2026, 4, 8, 16, 0)  # Wednesday: 1.5 h left that day
    # Thursday is off, Friday 08:30 + 2.5 h = 11:00.
    assert clock.deadline(received) == tunis(2026, 4, 10, 11, 0).astimezone(UTC)


def test_ramadan_and_summer_timetables_win_over_the_normal_one_c2_1() -> None:
    ramadan = Timetable(
        date(2026, 2, 18),
        date(2026, 3, 19),
        {d: ((time(8), time(14, 30)),) for d in (1, 2, 3, 4, 5)},
    )
    summer = Timetable(
        date(2026, 7, 1),
        date(2026, 8, 31),
        {d: ((time(7, 30), time(13, 30)),) for d in (1, 2, 3, 4, 5)},
    )
    clock = WorkingClock(8, frozenset(), (NORMAL, ramadan, summer))
    # Monday 23 Feb 2026 in Ramadan: 08:00–14:30 is 6.5 h, then Tuesday 08:00 + 1.5 h.
    assert clock.deadline(tunis(2026, 2, 23, 7, 0)) == tunis(2026, 2, 24, 9, 30).astimezone(UTC)
    # Wednesday 1 July 2026 (summer single session): 6 h, then Thursday 07:30 + 2 h.
    assert clock.deadline(tunis(2026, 7, 1, 6, 0)) == tunis(2026, 7, 2, 9, 30).astimezone(UTC)


def test_deadline_states_are_computed_at_their_edges_c2_1() -> None:
    deadline = datetime(2026, 3, 3, 12, tzinfo=UTC)
    state = deadlines.deadline_state
    assert state(deadline, deadline, None, deadline, 12) == "met"  # exactly at the deadline
    assert state(deadline, deadline + timedelta(seconds=1), None, deadline, 12) == "missed"
    assert state(deadline, None, None, deadline, 12) == "due_soon"
    assert state(deadline, None, None, deadline + timedelta(seconds=1), 12) == "overdue"
    assert state(deadline, None, None, deadline - timedelta(hours=12), 12) == "due_soon"
    assert state(deadline, None, None, deadline - timedelta(hours=12, seconds=1), 12) == "on_time"
    assert state(deadline, None, deadline, deadline, 12) == "missed"  # closed, never answered


def test_seeded_calendar_moves_revolution_day_and_flags_lunar_holidays(db: Database) -> None:
    with db.write() as s:
        assert deadlines.seed_year(s, 2026)
        assert not deadlines.seed_year(s, 2026)  # never twice over the administrator's edits
        days = {h.day: h for h in s.query(Holiday)}
        ramadan = s.query(OfficeTimetable).filter_by(kind="ramadan").one()
    assert date(2026, 1, 14) not in days  # decree 2021-223
    assert days[date(2026, 12, 17)].name_fr == "Fête de la Révolution"
    assert days[date(2026, 5, 27)].estimated  # Eid al-Adha: lunar, estimated
    assert "Aïd el-Idha" in days[date(2026, 5, 27)].name_fr
    assert days[date(2026, 3, 20)].name_ar  # Arabic names kept
    assert not days[date(2026, 4, 9)].estimated
    assert ramadan.estimated and ramadan.valid_to == date(2026, 3, 19)


def test_an_administrator_moves_a_lunar_holiday_and_open_deadlines_follow(
    db: Database, admin: Actor, actor_of
) -> None:
    from desktop_app.services import requests

    settings.save_clock_settings(db, admin, {"deadline_clock": "working", "deadline_hours": 4})
    received = tunis(2026, 5, 25, 16, 0)  # Monday; Tuesday 26 May is Arafah (estimated)
    row = requests.create_request(
        db,
        admin,
        channel="phone",
        type="request",
        subject="Permis",
        received_at=received,
        now=received + timedelta(hours=1),
    )
    # Issue 12: the legal deadline stays received + 48 h (C2.1); the working-hours clock is the
    # internal target, capped at the legal deadline (Eid 26–29 May would have pushed it to 1 June).
    assert row.deadline_at == received.astimezone(UTC) + timedelta(hours=48)
    assert row.internal_deadline_at == row.deadline_at
    found = [h for h in deadlines.list_holidays(db, admin, 2026) if h.day == date(2026, 5, 26)]
    deadlines.delete_holiday(db, admin, found[0].id)
    moved = requests.get_request(db, admin, row.id, now=received).row
    assert moved.internal_deadline_at == tunis(2026, 5, 26, 11, 0).astimezone(UTC)
    assert moved.deadline_at == row.deadline_at
    with pytest.raises(PermissionDenied):
        deadlines.delete_holiday(db, actor_of(Role.SUPERVISOR), found[0].id)


def test_clock_description_names_the_clock_in_force_for_the_report(db: Database) -> None:
    values = settings.get_all(db)
    assert "Legal deadline: 48 hours" in deadlines.clock_description(values)
    assert "working hours" in deadlines.clock_description({**values, "deadline_clock": "working"})
