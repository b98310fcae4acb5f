"""The inventory's rules and permissions (C8.1, C8.4, C2.4), on a real SQLite file."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from sqlalchemy import delete, func, select

from desktop_app.data.db import Database
from desktop_app.data.models import Agent, AuditEntry, LineCheck, LineForwarding, PhoneLine
from desktop_app.data.types import utcnow
from desktop_app.services import lines
from desktop_app.services.errors import ConcurrentEdit, PermissionDenied, UserError
from desktop_app.services.lines import LineFilter, LineInput, PlanInput
from desktop_app.services.permissions import Actor, Role


def _line(db: Database, admin: Actor, number: str = "71 563 500", **kw: object) -> lines.LineRow:
    data = LineInput(
        number=number,
        kind=str(kw.pop("kind", "switchboard")),
        label=str(kw.pop("label", "Standard")),
        **kw,  # type: ignore[arg-type]
    )
    return lines.create_line(db, admin, data)


def _agent(db: Database) -> int:
    with db.write() as s:
        agent = Agent(name_ar="نور الحداد", name_fr="Nour Haddad")
        s.add(agent)
        s.flush()
        return agent.id


def test_a_line_is_stored_in_e164_and_shown_nationally_c8_1(db: Database, admin: Actor) -> None:
    row = _line(db, admin, "(+216) 71.563.500 poste 214", published=frozenset({"website"}))
    assert row.number == "+21671563500"
    assert row.extension == "214"
    assert row.display == "71 563 500"
    assert row.published == {"website"}
    with db.read() as s:
        assert (
            s.scalar(
                select(func.count(AuditEntry.id)).where(
                    AuditEntry.entity == "phone_line", AuditEntry.action == "create"
                )
            )
            == 1
        )


def test_a_duplicate_number_is_refused_whatever_its_spelling_c8_1(
    db: Database, admin: Actor
) -> None:
    _line(db, admin, "71 563 500", label="Standard")
    with pytest.raises(UserError, match="already in the inventory.*Standard"):
        _line(db, admin, "0021671563500", label="Autre")


def test_a_short_number_is_kept_as_dialled_and_refused_for_a_fax(
    db: Database, admin: Actor
) -> None:
    assert _line(db, admin, "1899", kind="short").number == "1899"
    with pytest.raises(UserError, match="short number"):
        _line(db, admin, "1234", kind="fax")


def test_an_edit_on_a_stale_version_is_refused(db: Database, admin: Actor) -> None:
    row = _line(db, admin)
    data = LineInput(number="71 563 500", kind="switchboard", label="Accueil")
    lines.update_line(db, admin, row.id, data, expected_version=row.version)
    with pytest.raises(ConcurrentEdit):
        lines.update_line(db, admin, row.id, data, expected_version=row.version)


def test_retiring_a_line_dates_it_and_hides_it(db: Database, admin: Actor) -> None:
    row = _line(db, admin)
    data = LineInput(number="71 563 500", kind="switchboard", label="Standard", status="retired")
    retired = lines.update_line(db, admin, row.id, data, expected_version=row.version)
    assert retired.retired_at is not None
    assert lines.lines_page(db, admin, LineFilter()) == []
    assert len(lines.lines_page(db, admin, LineFilter(include_retired=True))) == 1


@pytest.mark.parametrize("role", [Role.AGENT, Role.HR, Role.DIRECTOR])
def test_only_supervisors_edit_lines_c8_1(
    db: Database, admin: Actor, actor_of: Callable[[Role], Actor], role: Role
) -> None:
    row = _line(db, admin)
    actor = actor_of(role)
    with pytest.raises(PermissionDenied):
        lines.create_line(db, actor, LineInput(number="71 563 520", kind="fax"))
    with pytest.raises(PermissionDenied):
        lines.update_line(
            db,
            actor,
            row.id,
            LineInput(number="71 563 500", kind="fax"),
            expected_version=row.version,
        )
    with db.read() as s:
        assert s.scalar(select(func.count(PhoneLine.id))) == 1


def test_an_agent_records_a_check_but_hr_and_director_cannot(
    db: Database, admin: Actor, actor_of: Callable[[Role], Actor]
) -> None:
    row = _line(db, admin)
    lines.record_check(db, actor_of(Role.AGENT), row.id, "answered_named")
    for role in (Role.HR, Role.DIRECTOR):
        with pytest.raises(PermissionDenied):
            lines.record_check(db, actor_of(role), row.id, "busy")
    assert len(lines.lines_page(db, actor_of(Role.DIRECTOR), LineFilter())) == 1


def test_a_check_updates_the_line_only_when_it_is_the_latest_c8_1(
    db: Database, admin: Actor
) -> None:
    row = _line(db, admin)
    now = utcnow()
    lines.record_check(db, admin, row.id, "answered", at=now - timedelta(hours=1))
    lines.record_check(db, admin, row.id, "no_answer", at=now - timedelta(days=3))
    got = lines.get_line(db, admin, row.id)
    assert got.last_check_result == "answered"
    assert got.version == row.version  # a check is not an edit
    # The history reads by check time, latest first, though the older check was entered last.
    assert [c.result for c in lines.checks_page(db, admin, row.id)] == ["answered", "no_answer"]
    with pytest.raises(UserError, match="future"):
        lines.record_check(db, admin, row.id, "answered", at=now + timedelta(hours=1))


def test_add_check_joins_the_callers_unit_of_work(db: Database, admin: Actor) -> None:
    """The call-quality area records a mystery call and its check in one transaction."""
    row = _line(db, admin)
    with pytest.raises(RuntimeError), db.write() as s:
        lines.add_check(s, admin, row.id, "answered_named", utcnow(), "", "mystery_call")
        raise RuntimeError("the evaluation failed")
    with db.read() as s:
        assert s.scalar(select(func.count(LineCheck.id))) == 0


def test_the_verification_round_lists_lines_unchecked_for_the_interval_c8_1(
    db: Database, admin: Actor
) -> None:
    fresh = _line(db, admin, "71 563 500")
    stale = _line(db, admin, "71 563 520", kind="fax")
    never = _line(db, admin, "80 100 321", kind="green")
    now = utcnow()
    lines.record_check(db, admin, fresh.id, "answered", at=now - timedelta(days=29))
    lines.record_check(db, admin, stale.id, "answered", at=now - timedelta(days=31))
    due = lines.lines_due_for_check(db, admin, now)
    assert [r.id for r in due] == [never.id, stale.id]
    page = lines.lines_page(db, admin, LineFilter(unchecked_days=0, now=now))
    assert {r.id for r in page} == {never.id, stale.id}


def test_a_fault_makes_the_line_faulty_until_repaired_c8_4(
    db: Database, admin: Actor, actor_of: Callable[[Role], Actor]
) -> None:
    row = _line(db, admin)
    fault = lines.report_fault(
        db, actor_of(Role.AGENT), row.id, symptom="Tonalité occupée", ticket_ref="TT-2026-118"
    )
    assert lines.get_line(db, admin, row.id).status == "faulty"
    assert lines.get_line(db, admin, row.id).open_faults == 1
    with pytest.raises(PermissionDenied):
        lines.repair_fault(db, actor_of(Role.AGENT), fault.id, expected_version=fault.version)
    repaired = lines.repair_fault(db, admin, fault.id, expected_version=fault.version)
    assert repaired.repaired_at is not None
    assert lines.get_line(db, admin, row.id).status == "in_service"
    assert lines.faults_page(db, admin, open_only=True) == []
    with pytest.raises(UserError):
        lines.repair_fault(db, admin, fault.id, expected_version=repaired.version)


def test_a_repair_before_the_report_is_refused(db: Database, admin: Actor) -> None:
    row = _line(db, admin)
    fault = lines.report_fault(db, admin, row.id, symptom="Pas de tonalité")
    with pytest.raises(UserError, match="before"):
        lines.repair_fault(
            db,
            admin,
            fault.id,
            expected_version=fault.version,
            repaired_at=fault.reported_at - timedelta(hours=1),
        )


def test_maintenance_done_moves_the_next_due_date_and_overdue_shows_c8_4(
    db: Database, admin: Actor
) -> None:
    row = _line(db, admin)
    today = date(2026, 11, 24)
    lines.add_maintenance(
        db, admin, row.id, task="Contrôle du PABX", interval_days=90, next_due=date(2026, 11, 1)
    )
    schedule = lines.maintenance_schedule(db, admin, today=today)
    assert schedule[0].overdue
    done = lines.maintenance_done(
        db, admin, schedule[0].id, expected_version=schedule[0].version, done_on=date(2026, 11, 20)
    )
    assert done.next_due == date(2027, 2, 18)
    assert lines.maintenance_schedule(db, admin, overdue_only=True, today=today) == []


def test_a_reinforcement_plan_needs_a_sensible_period_c8_4(db: Database, admin: Actor) -> None:
    plan = PlanInput(
        "Inscriptions scolaires",
        date(2026, 9, 1),
        date(2026, 9, 15),
        "08:00-17:00",
        extra_lines=2,
        extra_agents=1,
    )
    saved = lines.save_plan(db, admin, plan)
    assert lines.reinforcement_plans(db, admin)[0].title == "Inscriptions scolaires"
    with pytest.raises(UserError, match="ends before"):
        lines.save_plan(
            db, admin, PlanInput("X", date(2026, 9, 15), date(2026, 9, 1), extra_lines=1)
        )
    with pytest.raises(ConcurrentEdit):
        lines.save_plan(db, admin, plan, plan_id=saved.id, expected_version=saved.version + 1)


def test_a_forwarded_line_shows_who_answers_it_now_c2_4(db: Database, admin: Actor) -> None:
    row = _line(db, admin)
    agent_id = _agent(db)
    now = utcnow()
    fwd = lines.forward_line(
        db,
        admin,
        row.id,
        agent_id=agent_id,
        target_number="98 123 456",
        starts_at=now - timedelta(hours=1),
        ends_at=now + timedelta(hours=8),
    )
    assert fwd.target_number == "+21698123456"
    current = lines.current_forwardings(db, admin)
    assert [(f.line_id, f.agent_name("fr")) for f in current] == [(row.id, "Nour Haddad")]
    assert lines.get_line(db, admin, row.id).forwarding is not None
    with pytest.raises(UserError, match="already forwarded"):
        lines.forward_line(
            db,
            admin,
            row.id,
            agent_id=agent_id,
            target_number="98 123 457",
            starts_at=now,
            ends_at=now + timedelta(hours=2),
        )
    lines.end_forwarding(db, admin, fwd.id)
    assert lines.current_forwardings(db, admin) == []


def test_forwarding_needs_a_valid_phone_and_the_supervisor(
    db: Database, admin: Actor, actor_of: Callable[[Role], Actor]
) -> None:
    row = _line(db, admin)
    agent_id = _agent(db)
    now = utcnow()
    with pytest.raises(UserError, match="Digits in .*: 6;"):
        lines.forward_line(
            db,
            admin,
            row.id,
            agent_id=agent_id,
            target_number="98 123 4",
            starts_at=now,
            ends_at=now + timedelta(hours=1),
        )
    with pytest.raises(PermissionDenied):
        lines.forward_line(
            db,
            actor_of(Role.AGENT),
            row.id,
            agent_id=agent_id,
            target_number="98 123 456",
            starts_at=now,
            ends_at=now + timedelta(hours=1),
        )


def test_the_inventory_sorts_and_pages_by_keyset(db: Database, admin: Actor) -> None:
    numbers = [f"71 563 5{i:02d}" for i in range(12)]
    for i, n in enumerate(numbers):
        _line(db, admin, n, label=f"Ligne {11 - i:02d}", kind="direct")
    first = lines.lines_page(db, admin, LineFilter(sort="label"), limit=5)
    rest = lines.lines_page(db, admin, LineFilter(sort="label"), after=first[-1], limit=50)
    labels = [r.label for r in first + rest]
    assert labels == sorted(labels) and len(labels) == 12
    desc = lines.lines_page(db, admin, LineFilter(sort="last_checked_at", descending=True), limit=5)
    more = lines.lines_page(
        db, admin, LineFilter(sort="last_checked_at", descending=True), after=desc[-1], limit=50
    )
    assert len({r.id for r in desc + more}) == 12
    found = lines.lines_page(db, admin, LineFilter(search="563 507"))
    assert [r.number for r in found] == ["+21671563507"]


def test_the_demo_forwarding_is_current_and_the_inventory_has_a_short_number_c2_4(
    db: Database, admin: Actor
) -> None:
    """Made at any hour, the demo's forwarding answers now and for about a day; and the demo
    inventory holds a short number of the kind that has them (C8.1)."""
    import random
    from datetime import datetime

    from desktop_app.services import phones
    from desktop_app.services.demo import DemoContext
    from desktop_app.services.demo_lines import INVENTORY, forwarding_step
    from desktop_app.services.periods import TUNIS

    lines.create_line(db, admin, LineInput("71 774 500", "switchboard", "Standard"))
    with db.write() as s:
        s.add(Agent(name_ar="نور", name_fr="Nour"))
    for hour in (9, 15, 23):  # the old demo began at 14:00 and ended at 08:00: over by morning
        with db.write() as s:
            s.execute(delete(LineForwarding))
        now = datetime(2026, 3, 4, hour, 30, tzinfo=TUNIS)
        forwarding_step(DemoContext(db, admin, random.Random(1), 1, now))
        current = lines.current_forwardings(db, admin, now=now)
        assert len(current) == 1
        assert current[0].ends_at - now > timedelta(hours=20)
        assert now - current[0].starts_at <= timedelta(hours=3)
    short = [n for n, kind, *_ in INVENTORY if kind == "short"]
    assert short and all(phones.parse_one(n, "short").short for n in short)


def test_the_check_history_pages_by_time_then_id_c8_1(db: Database, admin: Actor) -> None:
    row = _line(db, admin)
    now = utcnow().replace(microsecond=0)
    same = now - timedelta(days=2)
    for at, result in (
        (now - timedelta(days=1), "answered"),
        (now - timedelta(days=9), "busy"),
        (same, "no_answer"),
        (same, "out_of_order"),  # same time: the later entry first
        (now - timedelta(days=5), "answered_named"),
    ):
        lines.record_check(db, admin, row.id, result, at=at)
    first = lines.checks_page(db, admin, row.id, limit=2)
    second = lines.checks_page(db, admin, row.id, after=first[-1], limit=2)
    third = lines.checks_page(db, admin, row.id, after=second[-1], limit=2)
    assert [c.result for c in first + second + third] == [
        "answered", "out_of_order", "no_answer", "answered_named", "busy",
    ]  # fmt: skip


def test_the_inventory_sorts_by_publication_and_by_who_answers_now_c2_4(
    db: Database, admin: Actor
) -> None:
    """Every column with a sort indicator sorts, paged by keyset like the others."""
    wide = lines.create_line(
        db,
        admin,
        LineInput(
            "71 563 500", "switchboard", "A", published=frozenset({"website", "letters", "posters"})
        ),  # fmt: skip
    )
    web = lines.create_line(
        db, admin, LineInput("71 563 501", "direct", "B", published=frozenset({"website"}))
    )
    none = lines.create_line(db, admin, LineInput("71 563 502", "direct", "C"))
    posters = lines.create_line(
        db, admin, LineInput("71 563 503", "direct", "D", published=frozenset({"posters"}))
    )

    def order(flt: LineFilter) -> list[int]:
        got, after = [], None
        while page := lines.lines_page(db, admin, flt, after=after, limit=1):
            got += [r.id for r in page]
            after = page[-1]
        return got

    assert order(LineFilter(sort="published", descending=True)) == [
        wide.id, web.id, posters.id, none.id,
    ]  # fmt: skip
    with db.write() as s:
        for ar, fr in (("سامي", "Sami"), ("أمل", "Amel")):
            s.add(Agent(name_ar=ar, name_fr=fr))
        s.flush()
        ids = {n: s.scalar(select(Agent.id).where(Agent.name_fr == n)) for n in ("Sami", "Amel")}
    sami, amel = ids["Sami"], ids["Amel"]
    now = utcnow()
    for line, agent in ((none, sami), (posters, amel)):
        lines.forward_line(db, admin, line.id, agent_id=agent, target_number="98 123 456",
                           starts_at=now - timedelta(minutes=1),
                           ends_at=now + timedelta(days=1))  # fmt: skip
    by_agent = order(LineFilter(sort="answered_by", descending=True, lang="fr"))
    assert by_agent[:2] == [none.id, posters.id]  # Sami, Amel, then the lines nobody answers
    assert set(by_agent[2:]) == {wide.id, web.id}
