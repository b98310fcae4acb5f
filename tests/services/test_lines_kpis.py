"""lines_* and faults_* of CONTRACTS.md §3 on hand-made data, at the period's edges (C8.1, C8.4)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from desktop_app.data.db import Database
from desktop_app.data.models import LineCheck, LineFault, PhoneLine
from desktop_app.services import kpis
from desktop_app.services.periods import TUNIS, parse_period
from desktop_app.services.permissions import Actor

Q3 = parse_period("2026-Q3")
LAST_MINUTE = datetime(2026, 9, 30, 23, 59, tzinfo=TUNIS)  # inside Q3
NEXT_DAY = datetime(2026, 10, 1, 0, 0, tzinfo=TUNIS)  # Q3's end, outside
FIRST_MINUTE = datetime(2026, 7, 1, 0, 0, tzinfo=TUNIS)  # Q3's start, inside
BEFORE = datetime(2026, 6, 30, 23, 59, tzinfo=TUNIS)
AS_OF = datetime(2026, 11, 1, tzinfo=UTC)
LINE_IDS = (
    "lines_active",
    "lines_checked_pct",
    "lines_working_pct",
    "lines_on_website_pct",
    "faults_reported",
    "faults_open_end",
    "fault_repair_mean_h",
)


def _lines(db: Database) -> list[int]:
    """Five lines: A..D active, E retired inside Q3; A and B on the website."""
    with db.write() as s:
        rows = [
            PhoneLine(number="+21671563500", kind="switchboard", on_website=True),
            PhoneLine(number="+21671563520", kind="fax", on_website=True),
            PhoneLine(number="+21680100321", kind="green"),
            PhoneLine(number="1899", kind="short"),
            PhoneLine(
                number="+21671563599",
                kind="direct",
                status="retired",
                on_website=True,
                retired_at=datetime(2026, 8, 1, tzinfo=TUNIS),
            ),
        ]
        s.add_all(rows)
        s.flush()
        return [r.id for r in rows]


def _check(db: Database, line_id: int, at: datetime, working: bool) -> None:
    with db.write() as s:
        s.add(
            LineCheck(
                line_id=line_id,
                at=at,
                result="answered" if working else "no_answer",
                working=working,
                notes="",
                source="manual",
                checked_by="t",
            )
        )


def _compute(db: Database, admin: Actor) -> dict[str, float | int | None]:
    return kpis.compute(db, admin, Q3, AS_OF, only=LINE_IDS)


def test_no_lines_gives_empty_ratios_not_zero(db: Database, admin: Actor) -> None:
    values = _compute(db, admin)
    assert values["lines_active"] == 0
    assert values["lines_checked_pct"] is None
    assert values["lines_working_pct"] is None
    assert values["lines_on_website_pct"] is None
    assert values["fault_repair_mean_h"] is None
    assert values["faults_reported"] == 0


def test_line_indicators_at_the_period_edges_c8_1(db: Database, admin: Actor) -> None:
    a, b, c, d, e = _lines(db)
    _check(db, a, LAST_MINUTE, working=True)  # in Q3, working
    _check(db, b, FIRST_MINUTE, working=True)  # in Q3 ...
    _check(db, b, LAST_MINUTE, working=False)  # ... but the latest before end fails
    _check(db, c, NEXT_DAY, working=True)  # after Q3: neither checked nor working in Q3
    _check(db, c, BEFORE, working=False)
    _check(db, d, BEFORE, working=True)  # before Q3: working at end, not checked in P
    _check(db, e, LAST_MINUTE, working=True)  # retired: not counted at all
    values = _compute(db, admin)
    assert values["lines_active"] == 4
    assert values["lines_checked_pct"] == 50.0  # A, B of 4
    assert values["lines_working_pct"] == 50.0  # A, D of 4
    assert values["lines_on_website_pct"] == 50.0  # A, B of 4 (E retired)


def test_a_line_retired_exactly_at_end_is_still_active(db: Database, admin: Actor) -> None:
    with db.write() as s:
        s.add(
            PhoneLine(number="+21671000000", kind="direct", status="retired", retired_at=NEXT_DAY)
        )
    assert _compute(db, admin)["lines_active"] == 1


def test_fault_indicators_at_the_period_edges_c8_4(db: Database, admin: Actor) -> None:
    a, b, *_ = _lines(db)

    def fault(reported: datetime, repaired: datetime | None) -> None:
        with db.write() as s:
            s.add(
                LineFault(
                    line_id=a,
                    reported_at=reported,
                    repaired_at=repaired,
                    symptom="x",
                    ticket_ref="",
                    reported_by="t",
                    repair_notes="",
                )
            )

    fault(BEFORE - timedelta(hours=10), FIRST_MINUTE + timedelta(hours=0))  # repaired in P: 10 h
    fault(FIRST_MINUTE, FIRST_MINUTE + timedelta(hours=4))  # reported & repaired in P: 4 h
    fault(LAST_MINUTE, NEXT_DAY)  # reported in P, repaired exactly at end: open at end
    fault(LAST_MINUTE, None)  # open
    fault(NEXT_DAY, None)  # after P: nothing
    values = _compute(db, admin)
    assert values["faults_reported"] == 3
    assert values["faults_open_end"] == 2
    assert values["fault_repair_mean_h"] == pytest.approx(7.0)


def test_the_mean_repair_time_has_one_decimal(db: Database, admin: Actor) -> None:
    a, *_ = _lines(db)
    with db.write() as s:
        for hours in (1, 1, 2):
            start = FIRST_MINUTE + timedelta(days=hours)
            s.add(
                LineFault(
                    line_id=a,
                    reported_at=start,
                    repaired_at=start + timedelta(hours=hours),
                    symptom="x",
                    ticket_ref="",
                    reported_by="t",
                    repair_notes="",
                )
            )
    assert _compute(db, admin)["fault_repair_mean_h"] == 1.3
