"""Personal data of citizens (law 2004-63): the purge reaches requests never closed, the right of
access export holds everything, the audit trail records the export without the personal data;
and the register's PostgreSQL search takes % and _ literally."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from openpyxl import load_workbook
from sqlalchemy import select
from sqlalchemy.dialects import postgresql

from desktop_app.data.db import Database
from desktop_app.data.models import Agent, AuditEntry, CitizenRequest
from desktop_app.exchange.requests_file import write_citizen_export
from desktop_app.services import requests
from desktop_app.services.permissions import Actor
from desktop_app.services.requests import RequestFilter, register
from tests.services.test_requests_service import new

NOW = datetime(2026, 3, 2, 10, tzinfo=UTC)


def test_purge_also_removes_requests_never_closed_past_the_retention_period(
    db: Database, admin: Actor
) -> None:
    forgotten = new(db, admin, received_at=NOW - timedelta(days=6 * 365), now=NOW)
    answered = new(db, admin, received_at=NOW - timedelta(days=6 * 365 - 1), now=NOW)
    requests.respond(db, admin, answered.id, "answer", "ok", now=NOW,
                     at=answered.received_at + timedelta(hours=3),
                     late_reason="From the paper register")  # fmt: skip
    young = new(db, admin, received_at=NOW - timedelta(days=30), now=NOW)
    preview = requests.purge_preview(db, admin, now=NOW)
    assert preview.count == 2
    assert preview.references == [forgotten.reference, answered.reference]
    requests.purge(db, admin, now=NOW)
    with db.read() as s:
        assert s.get(CitizenRequest, forgotten.id).citizen == ""
        assert s.get(CitizenRequest, answered.id).citizen == ""
        assert s.get(CitizenRequest, young.id).citizen == "Mohamed Ben Salah"
    [record] = requests.purge_history(db, admin)
    assert record.count == 2


def test_citizen_names_match_whatever_their_case_and_accents(db: Database, admin: Actor) -> None:
    new(db, admin, citizen="Élodie Ben Ammar", contact="")
    new(db, admin, citizen="ÉLODIE  ben ammar", contact="")
    new(db, admin, citizen="Elodie Benammar", contact="")
    found = requests.citizen_data(db, admin, "élodie ben ammar")
    assert len(found.requests) == 2
    assert len(requests.citizen_data(db, admin, "ELODIE BEN AMMAR").requests) == 2


def test_the_audit_trail_records_an_export_without_the_citizens_name_or_contact(
    db: Database, admin: Actor
) -> None:
    new(db, admin, citizen="Mohamed Ben Salah", contact="m.bensalah@gnet.tn")
    requests.citizen_data(db, admin, "Mohamed Ben Salah")
    requests.citizen_data(db, admin, "m.bensalah@gnet.tn")
    with db.read() as s:
        entries = list(
            s.scalars(select(AuditEntry.after_json).where(AuditEntry.action == "export"))
        )
    assert len(entries) == 2
    for entry in entries:
        written = (entry or "").lower()
        assert "salah" not in written and "gnet" not in written and "mohamed" not in written
    with db.write() as s:
        key = requests.fingerprint_key(s)  # a keyed hash since issue 16 point 6
    assert requests.query_fingerprint("Mohamed Ben Salah", key) in (entries[0] or "")
    assert requests.query_fingerprint("mohamed  BEN salah", key) == requests.query_fingerprint(
        "Mohamed Ben Salah", key
    )


def test_right_of_access_export_holds_deadline_responses_agent_and_timeline(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    with db.write() as s:
        agent = Agent(name_fr="Nour Haddad", name_ar="نور الحداد")
        s.add(agent)
        s.flush()
        agent_id = agent.id
    row = new(db, admin, citizen="Amel Gharbi", contact="amel@gnet.tn", category="elderly",
              received_at=NOW - timedelta(hours=30), now=NOW)  # fmt: skip
    requests.assign(db, admin, row.id, agent_id, now=NOW - timedelta(hours=29))
    requests.respond(db, admin, row.id, "notice", "Needs the cadastre", now=NOW,
                     at=NOW - timedelta(hours=20), notice_reason="coordination",
                     notice_answer_by=NOW + timedelta(days=5),
                     late_reason="Sent by post, entered later")  # fmt: skip
    requests.respond(db, admin, row.id, "answer", "Granted", now=NOW)
    requests.close(db, admin, row.id, now=NOW)
    data = requests.citizen_data(db, admin, "amel gharbi", now=NOW)
    out = write_citizen_export(tmp_path / "amel.xlsx", data)
    wb = load_workbook(out)
    ws = wb["Requests"]
    header = [c.value for c in ws[1]]
    values = dict(zip(header, [c.value for c in ws[2]], strict=True))
    assert values["Particular category"] == "Elderly person"
    assert values["Deadline"] == datetime(2026, 3, 3, 5)  # received 1 March 05:00 Tunis, +48 h
    assert values["First response at"] == datetime(2026, 3, 1, 15)  # 14:00 UTC, in Tunis time
    assert values["First response"] == "Notice to the sender"
    assert values["Closed at"] == datetime(2026, 3, 2, 11)
    assert values["Assigned to"] == "Nour Haddad"
    steps = [r[2] for r in wb["Timeline"].iter_rows(min_row=2, values_only=True)]
    assert steps == ["Received", "Assigned to Nour Haddad", "Notice to the sender", "Answer",
                     "Closed"]  # fmt: skip


def test_postgresql_search_takes_percent_and_underscore_literally() -> None:
    assert requests.like_pattern("50%_off\\") == "%50\\%\\_off\\\\%"
    stmt = register._filtered(select(CitizenRequest.id), RequestFilter(text="100%"), NOW, 12.0,
                              False, True)  # fmt: skip
    compiled = stmt.compile(dialect=postgresql.dialect())
    sql = str(compiled)
    assert "ILIKE" in sql.upper() and "ESCAPE" in sql.upper()
    assert "%100\\%%" in compiled.params.values()
