"""The lines sheet of the report and the dashboard's lines to-do lists (C8.1, C8.4, C8.7)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from desktop_app.data.db import Database
from desktop_app.data.models import Agent
from desktop_app.data.types import utcnow
from desktop_app.services import lines, sections
from desktop_app.services.lines import LineInput
from desktop_app.services.periods import TUNIS, parse_period, quarter_of
from desktop_app.services.permissions import Actor


def test_action_lists_name_lines_to_check_faults_and_overdue_maintenance(
    db: Database, admin: Actor
) -> None:
    a = lines.create_line(db, admin, LineInput("71 563 500", "switchboard", "Standard"))
    b = lines.create_line(db, admin, LineInput("71 563 501", "fax", "Fax"))
    lines.record_check(db, admin, a.id, "answered_named")
    lines.report_fault(
        db, admin, b.id, symptom="Pas de tonalité", reported_at=utcnow() - timedelta(days=3)
    )
    lines.add_maintenance(
        db, admin, a.id, task="Contrôle PABX", interval_days=90, next_due=date(2020, 1, 1)
    )
    today = utcnow().astimezone(TUNIS).date()
    found = {a.key: a for a in sections.action_lists(db, admin, quarter_of(today), "en")}
    unchecked = found["lines_unchecked"]
    # Number and label are bidi-isolated so Arabic labels do not scramble a French line.
    expected = "\u206671 563 501\u2069 — \u2068Fax\u2069"
    assert (unchecked.count, unchecked.items, unchecked.page) == (1, [expected], "lines")
    assert unchecked.page_filter == {"due": True}
    faults = found["lines_faults_open"]
    assert faults.count == 1 and "open for 3 d)" in faults.items[0]
    assert found["lines_maintenance_overdue"].count == 1
    assert "01/01/2020" in found["lines_maintenance_overdue"].items[0]


def test_the_report_section_has_indicators_beside_the_previous_period(
    db: Database, admin: Actor
) -> None:
    line = lines.create_line(
        db,
        admin,
        LineInput("71 563 500", "switchboard", "Standard", published=frozenset({"website"})),
    )
    with db.write() as s:
        agent = Agent(name_ar="نور", name_fr="Nour")
        s.add(agent)
        s.flush()
        agent_id = agent.id
    now = utcnow()
    lines.forward_line(
        db,
        admin,
        line.id,
        agent_id=agent_id,
        target_number="98 123 456",
        starts_at=now - timedelta(hours=1),
        ends_at=now + timedelta(hours=2),
    )
    lines.record_check(db, admin, line.id, "answered")
    period = quarter_of(now.astimezone(TUNIS).date())
    with db.read() as s:
        ctx = sections.make_context(s, period, None, "fr")
        section = next(x for x in sections.build_sections(s, ctx) if x.key == "lines")
    assert section.key == "lines"
    indicators, _publication, inventory, checks, _faults, forwardings = section.tables
    assert indicators.rows[0][1:] == [1, 1]  # lines_active: now and before (not retired)
    assert indicators.rows[1][1:] == [100.0, 0.0]  # checked now; active but unchecked before
    assert inventory.rows[-1][1:] == [1, 1, 1]
    assert dict((r[0], r[1]) for r in checks.rows)["Answered"] == 1
    assert forwardings.rows[0][1] == "Nour"
    assert parse_period("2026-Q3").previous().text == "2026-Q2"
    assert isinstance(forwardings.rows[0][3], datetime)


def test_the_dashboard_shows_who_answers_each_forwarded_line_now_c2_4(
    db: Database, admin: Actor
) -> None:
    a = lines.create_line(db, admin, LineInput("71 563 500", "switchboard", "Standard"))
    b = lines.create_line(db, admin, LineInput("71 563 501", "direct", "Bureau d'ordre"))
    with db.write() as s:
        agent = Agent(name_ar="نور", name_fr="Nour Ben Salah")
        s.add(agent)
        s.flush()
        agent_id = agent.id
    now = utcnow()
    until = datetime(2030, 1, 2, 7, 0, tzinfo=TUNIS)
    lines.forward_line(db, admin, a.id, agent_id=agent_id, target_number="98 123 456",
                       starts_at=now - timedelta(minutes=1), ends_at=until)  # fmt: skip
    soon = now + timedelta(days=2)
    lines.forward_line(db, admin, b.id, agent_id=agent_id, target_number="98 123 457",
                       starts_at=soon, ends_at=soon + timedelta(days=1))  # fmt: skip
    today = now.astimezone(TUNIS).date()
    found = {x.key: x for x in sections.action_lists(db, admin, quarter_of(today), "en")}
    forwarded = found["lines_forwarded_now"]
    assert forwarded.count == 1  # the coming forwarding does not answer yet
    assert forwarded.page == "lines" and forwarded.page_filter == {"tab": "forwarding"}
    item = forwarded.items[0]
    for part in ("71 563 500", "Standard", "Nour Ben Salah", "98 123 456", "02/01/2030 07:00"):
        assert part in item
    in_arabic = {x.key: x for x in sections.action_lists(db, admin, quarter_of(today), "ar")}
    assert "نور" in in_arabic["lines_forwarded_now"].items[0]
