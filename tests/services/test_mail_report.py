"""The e-mail channel's indicators and report tables (C2.1, C8.7; CONTRACTS §3)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from desktop_app.data.db import Database
from desktop_app.services import requests
from desktop_app.services.kpis import compute
from desktop_app.services.periods import parse_period
from desktop_app.services.permissions import Actor
from desktop_app.services.sections import action_lists, build_sections, make_context

T0 = datetime(2026, 2, 2, 9, 0, tzinfo=UTC)


def test_c2_1_email_indicators_count_only_email_requests_against_48_hours(
    db: Database, admin: Actor
) -> None:
    on_time = requests.create_request(db, admin, channel="email", type="request", subject="A",
                                      contact="a@example.tn", received_at=T0, now=T0)  # fmt: skip
    requests.respond(db, admin, on_time.id, "answer", "ok", at=T0 + timedelta(hours=47),
                     now=T0 + timedelta(hours=47))  # fmt: skip
    late = requests.create_request(db, admin, channel="email", type="request", subject="B",
                                   contact="b@example.tn", received_at=T0, now=T0)  # fmt: skip
    requests.respond(db, admin, late.id, "notice", "CIN", at=T0 + timedelta(hours=49),
                     now=T0 + timedelta(hours=49), notice_reason="documents",
                     notice_answer_by=T0 + timedelta(days=9))  # fmt: skip
    requests.create_request(db, admin, channel="phone", type="request", subject="C",
                            received_at=T0, now=T0)  # fmt: skip
    as_of = T0 + timedelta(days=3)
    values = compute(db, admin, parse_period("2026-02"), as_of=as_of)
    assert values["req_email_received"] == 2
    assert values["req_email_on_time_pct"] == 50.0
    assert values["req_received"] == 3
    assert values["mail_addresses_ok_pct"] is None  # no published address: empty, not 0
    with db.read() as s:
        sections = build_sections(s, make_context(s, parse_period("2026-02"), as_of, "en"))
    [req_section] = [x for x in sections if x.key == "requests"]
    table = req_section.tables[-1]
    assert table.headers[:3] == ["Channel", "Received", "On time (%)"]
    rows = {row[0]: row[1:] for row in table.rows}
    assert rows["E-mail"] == [2, 50.0, 48.0]  # median of 47 h and 49 h
    assert rows["Telephone"][0] == 1
    assert any(x.key == "mail" for x in sections)
    keys = {a.key for a in action_lists(db, admin, parse_period("2026-02"), "en", as_of=as_of)}
    assert {"mail_unproven", "mail_failed"} <= keys
