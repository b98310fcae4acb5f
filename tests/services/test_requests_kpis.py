"""The req_* indicators of CONTRACTS.md §3 on hand-made data, at the period's edges (C2.1)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from desktop_app.data.db import Database
from desktop_app.data.models import CitizenRequest
from desktop_app.services.kpis import compute
from desktop_app.services.periods import TUNIS, parse_period
from desktop_app.services.permissions import Actor

H48 = timedelta(hours=48)
Q1 = parse_period("2026-Q1")  # [1 Jan 2026 00:00, 1 Apr 2026 00:00) Tunis time
END = Q1.end


def local(*args: int) -> datetime:
    return datetime(*args, tzinfo=TUNIS).astimezone(UTC)  # type: ignore[misc]


def add(db: Database, received: datetime, first: datetime | None = None, kind: str = "answer",
        closed: datetime | None = None, type_: str = "request",
        category: str | None = None) -> None:  # fmt: skip
    with db.write() as s:
        n = s.query(CitizenRequest).count() + 1
        s.add(CitizenRequest(
            reference=f"T-{n}", received_at=received, channel="email", type=type_, citizen="",
            contact="", subject="s", body="", category=category, status="new",
            deadline_at=received + H48, first_response_at=first,
            first_response_kind=kind if first else None, closed_at=closed,
        ))  # fmt: skip


def kpis(db: Database, admin: Actor, as_of: datetime = END + timedelta(days=30)) -> dict:
    return {k: v for k, v in compute(db, admin, Q1, as_of).items() if k.startswith("req_")}


def test_a_request_received_at_2359_on_the_last_day_belongs_to_the_period_c2_1(
    db: Database, admin: Actor
) -> None:
    add(db, local(2026, 3, 31, 23, 59))
    add(db, local(2026, 4, 1, 0, 0))  # the next period
    add(db, local(2025, 12, 31, 23, 59))  # the previous one
    values = kpis(db, admin, as_of=END)
    assert values["req_received"] == 1
    # At the end of the period its deadline (2 April) has not passed: not yet assessable.
    assert values["req_assessable"] == 0 and values["req_on_time_pct"] is None
    # The 31 Dec one has no answer and its deadline (2 Jan) passed before end.
    assert values["req_overdue_open_end"] == 1


def test_answered_exactly_at_the_deadline_is_on_time_one_second_later_is_not_c2_1(
    db: Database, admin: Actor
) -> None:
    t = local(2026, 2, 3, 14, 20)
    add(db, t, first=t + H48)
    add(db, t, first=t + H48 + timedelta(seconds=1))
    values = kpis(db, admin)
    assert values["req_assessable"] == 2
    assert values["req_on_time"] == 1
    assert values["req_on_time_pct"] == 50.0
    assert values["req_first_response_median_h"] == 48.0


def test_a_notice_counts_as_the_first_response_c2_1(db: Database, admin: Actor) -> None:
    t = local(2026, 1, 10, 9, 0)
    add(db, t, first=t + timedelta(hours=30), kind="notice")
    add(db, t, first=t + timedelta(hours=2))
    add(db, t, first=t + timedelta(hours=3))
    add(db, t, first=t + timedelta(hours=7))
    values = kpis(db, admin)
    assert values["req_notice"] == 1
    assert values["req_on_time"] == 4 and values["req_on_time_pct"] == 100.0
    assert values["req_first_response_median_h"] == 5.0  # (3 + 7) / 2, even count


def test_overdue_open_at_end_counts_responses_only_before_end_c2_1(
    db: Database, admin: Actor
) -> None:
    late = local(2026, 3, 25, 10, 0)
    add(db, late, first=END + timedelta(hours=1))  # answered only after the period
    add(db, late, first=END - timedelta(seconds=1))  # answered just before end
    add(db, local(2026, 3, 30, 10, 0))  # deadline 1 April, after end: not overdue yet
    exactly = END - H48  # deadline == end: "before end" is strict
    add(db, exactly)
    assert kpis(db, admin)["req_overdue_open_end"] == 1


def test_as_of_cuts_responses_and_closings_given_later(db: Database, admin: Actor) -> None:
    t = local(2026, 3, 20, 10, 0)
    add(db, t, first=t + timedelta(hours=5), closed=t + timedelta(days=20))
    add(db, t)  # never answered; deadline 22 March
    add(db, local(2026, 3, 1, 10), type_="complaint", category="disability",
        first=local(2026, 3, 1, 12), closed=local(2026, 3, 2, 9))  # fmt: skip
    as_of = t + timedelta(hours=3)  # before the first one was answered
    values = kpis(db, admin, as_of=as_of)
    assert values["req_received"] == 3
    assert values["req_assessable"] == 1  # only the complaint: answered by as_of
    assert values["req_closed"] == 1
    values = kpis(db, admin, as_of=END)
    assert values["req_assessable"] == 3 and values["req_on_time"] == 2
    assert values["req_on_time_pct"] == 66.7
    assert values["req_closed"] == 1  # the first closes only in April
    assert values["req_complaints"] == 1 and values["req_special_category"] == 1


def test_empty_period_gives_empty_ratios_not_zero(db: Database, admin: Actor) -> None:
    values = kpis(db, admin)
    assert values["req_received"] == 0
    assert values["req_on_time_pct"] is None and values["req_first_response_median_h"] is None
