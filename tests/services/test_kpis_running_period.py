"""The "at end" indicators of a period still running look at as_of, not at a day to come (C8.7).

The dashboard shows the current quarter: on 10 August 2026, a request whose deadline is 5 September
is not "overdue at the end" yet, whatever the quarter's end (1 October) will bring. Past periods
(end ≤ as_of) are unchanged.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from desktop_app.data.db import Database
from desktop_app.data.models import CitizenRequest, LineFault, PhoneLine
from desktop_app.services import agents, kpis
from desktop_app.services.agents import AgentInput
from desktop_app.services.periods import TUNIS, parse_period
from desktop_app.services.permissions import Actor

Q3 = parse_period("2026-Q3")  # [1 Jul, 1 Oct 2026) Tunis
AS_OF = datetime(2026, 8, 10, 12, 0, tzinfo=TUNIS).astimezone(UTC)  # inside Q3
AFTER = datetime(2026, 10, 20, tzinfo=UTC)  # Q3 is over
AT_END = ("req_overdue_open_end", "faults_open_end", "lines_active", "agents_active")


def local(*args: int) -> datetime:
    return datetime(*args, tzinfo=TUNIS).astimezone(UTC)  # type: ignore[misc]


def _request(db: Database, n: int, received: datetime, first: datetime | None = None) -> None:
    with db.write() as s:
        s.add(CitizenRequest(
            reference=f"R-{n}", received_at=received, channel="email", type="request",
            citizen="", contact="", subject="s", body="", status="new",
            deadline_at=received + timedelta(hours=48), first_response_at=first,
            first_response_kind="answer" if first else None,
        ))  # fmt: skip


def _fill(db: Database, admin: Actor) -> None:
    # Requests: 1 overdue before as_of; 2 due after as_of (still in time on 10 August);
    # 3 answered late but after as_of (overdue on 10 August); 4 received after as_of.
    _request(db, 1, local(2026, 7, 20, 9, 0))
    _request(db, 2, local(2026, 8, 9, 15, 0))
    _request(db, 3, local(2026, 8, 1, 9, 0), first=local(2026, 8, 20, 9, 0))
    _request(db, 4, local(2026, 9, 2, 9, 0))
    with db.write() as s:
        line = PhoneLine(number="+21671563500", kind="switchboard")
        retired_later = PhoneLine(number="+21671563520", kind="fax", status="retired",
                                  retired_at=local(2026, 9, 1, 0, 0))  # fmt: skip
        s.add_all([line, retired_later])
        s.flush()
        # One fault open on 10 August (repaired on 1 September), one reported after as_of.
        s.add_all([
            LineFault(line_id=line.id, reported_at=local(2026, 8, 5, 10, 0),
                      repaired_at=local(2026, 9, 1, 10, 0), symptom="x", ticket_ref="",
                      reported_by="t", repair_notes=""),
            LineFault(line_id=line.id, reported_at=local(2026, 9, 15, 10, 0),
                      symptom="y", ticket_ref="", reported_by="t", repair_notes=""),
        ])  # fmt: skip
    agents.create_agent(db, admin, AgentInput(name_fr="Leaves in September",
                                              active_from=date(2020, 1, 1),
                                              active_to=date(2026, 9, 10)))  # fmt: skip
    agents.create_agent(db, admin, AgentInput(name_fr="Stays", active_from=date(2020, 1, 1)))


def test_at_end_indicators_of_the_running_quarter_stop_at_as_of_c8_7(
    db: Database, admin: Actor
) -> None:
    _fill(db, admin)
    values = kpis.compute(db, admin, Q3, AS_OF, only=AT_END)
    # Hand-computed on 10 August 12:00: requests 1 (deadline 22 Jul) and 3 (deadline 3 Aug,
    # answered only on 20 Aug) are overdue; 2 is due on 11 Aug; 4 does not exist yet.
    assert values["req_overdue_open_end"] == 2
    assert values["faults_open_end"] == 1  # the 5 August fault; the 15 September one is to come
    assert values["lines_active"] == 2  # the fax is retired only on 1 September
    assert values["agents_active"] == 2  # the leaver still works on 10 August


def test_a_past_quarter_keeps_its_values_at_its_end_c8_7(db: Database, admin: Actor) -> None:
    _fill(db, admin)
    values = kpis.compute(db, admin, Q3, AFTER, only=AT_END)
    # At 1 October: 1, 2 and 4 have no answer and their deadlines passed; 3 was answered.
    assert values["req_overdue_open_end"] == 3
    assert values["faults_open_end"] == 1  # the 15 September one; the other was repaired
    assert values["lines_active"] == 1
    assert values["agents_active"] == 1
