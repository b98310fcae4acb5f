"""A request's life (C2.1, C2.3, C8.6), the register's query, permissions and personal data."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from desktop_app.data.db import Database
from desktop_app.data.models import Agent, AuditEntry, CitizenRequest, RequestPurge
from desktop_app.services import requests, settings
from desktop_app.services.errors import ConcurrentEdit, PermissionDenied, UserError
from desktop_app.services.permissions import Actor, Role
from desktop_app.services.requests import RequestFilter

T0 = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


def make_agent(db: Database, name: str = "Nour Haddad") -> int:
    with db.write() as s:
        agent = Agent(name_ar="نور الحداد", name_fr=name)
        s.add(agent)
        s.flush()
        return agent.id


def new(db: Database, actor: Actor, **kw: object) -> requests.RequestRow:
    values: dict[str, object] = {
        "channel": "email",
        "type": "complaint",
        "subject": "Éclairage",
        "citizen": "Mohamed Ben Salah",
        "contact": "m.bensalah@gnet.tn",
        "received_at": T0,
        "now": T0,
    }
    values.update(kw)
    return requests.create_request(db, actor, **values)  # type: ignore[arg-type]


def test_create_numbers_by_year_and_sets_the_48h_deadline_c2_1(db: Database, admin: Actor) -> None:
    first = new(db, admin)
    second = new(db, admin, contact="+216 71 563 500")
    assert first.reference == "2026-000001" and second.reference == "2026-000002"
    assert first.deadline_at == T0 + timedelta(hours=48)
    assert second.contact == "+21671563500"
    assert first.state == "on_time" and first.status == "new"


@pytest.mark.parametrize("contact", ["not-an-address@", "71 56", "abc"])
def test_contact_must_be_an_email_or_a_phone(db: Database, admin: Actor, contact: str) -> None:
    with pytest.raises(UserError, match="e-mail"):
        new(db, admin, contact=contact)
    with db.read() as s:
        assert s.scalar(select(func.count(CitizenRequest.id))) == 0


def test_notice_counts_as_first_response_and_the_timeline_proves_it_c2_1(
    db: Database, admin: Actor
) -> None:
    agent = make_agent(db)
    row = new(db, admin, category="elderly")
    row = requests.assign(db, admin, row.id, agent, expected_version=row.version, now=T0)
    assert row.status == "assigned" and row.agent_name("fr") == "Nour Haddad"
    with pytest.raises(UserError, match="documents"):
        requests.respond(db, admin, row.id, "notice", "  ", now=T0)
    at = T0 + timedelta(hours=47)
    row = requests.respond(
        db,
        admin,
        row.id,
        "notice",
        "Needs the land registry's opinion",
        at=at,
        now=T0 + timedelta(hours=50),
        notice_reason="coordination",
        notice_answer_by=T0 + timedelta(days=9),
        notice_told_via="Phoned the citizen",
        late_reason="Told by phone; entered on return",  # dated 3 h back (issue 12)
    )
    assert row.first_response_kind == "notice" and row.state == "met"
    assert row.status == "notice_sent"
    row = requests.respond(db, admin, row.id, "answer", "Lamp replaced", now=T0 + timedelta(days=9))
    assert row.first_response_at == at and row.status == "answered"
    row = requests.close(db, admin, row.id, now=T0 + timedelta(days=10))
    with pytest.raises(UserError, match="closed"):
        requests.respond(db, admin, row.id, "answer", "again", now=T0 + timedelta(days=10))
    row = requests.reopen(db, admin, row.id, "Lamp out again", now=T0 + timedelta(days=11))
    assert row.status == "answered" and row.closed_at is None
    detail = requests.get_request(db, admin, row.id, now=T0 + timedelta(days=11))
    kinds = [e.kind for e in detail.events]
    assert kinds == ["created", "assigned", "notice", "answer", "closed", "reopened"]
    assert all(e.username == "admin" for e in detail.events)
    with db.read() as s:
        actions = set(s.scalars(select(AuditEntry.action).where(AuditEntry.entity == "request")))
    assert {"create", "assign", "notice", "answer", "close", "reopen"} <= actions


def test_closing_without_any_answer_is_refused_c2_1(db: Database, admin: Actor) -> None:
    row = new(db, admin)
    with pytest.raises(UserError, match="Record the answer"):
        requests.close(db, admin, row.id, now=T0)


def test_a_stale_version_is_a_concurrent_edit(db: Database, admin: Actor) -> None:
    row = new(db, admin)
    requests.respond(db, admin, row.id, "answer", "ok", now=T0)
    with pytest.raises(ConcurrentEdit):
        requests.respond(db, admin, row.id, "answer", "ok", expected_version=row.version, now=T0)


def test_director_reads_but_cannot_edit_and_sees_no_personal_data(
    db: Database, admin: Actor, actor_of
) -> None:
    row = new(db, admin)
    director = actor_of(Role.DIRECTOR)
    with pytest.raises(PermissionDenied):
        new(db, director)
    with pytest.raises(PermissionDenied):
        requests.respond(db, director, row.id, "answer", "x", now=T0)
    [seen] = requests.list_page(db, director, RequestFilter(), now=T0)
    assert seen.citizen == "" and seen.contact == "" and seen.personal_hidden
    assert requests.get_request(db, director, row.id, now=T0).body == ""
    # Searching a citizen's name is searching personal data: not for this role.
    assert requests.list_page(db, director, RequestFilter(text="Salah"), now=T0) == []
    assert len(requests.list_page(db, director, RequestFilter(text="eclairage"), now=T0)) == 1
    with pytest.raises(PermissionDenied):
        requests.citizen_data(db, director, "Mohamed Ben Salah")


def test_agent_works_requests_without_read_all(db: Database, admin: Actor, actor_of) -> None:
    agent = actor_of(Role.AGENT)
    row = new(db, agent)
    assert requests.list_page(db, agent, RequestFilter(), now=T0)[0].citizen == "Mohamed Ben Salah"
    requests.respond(db, agent, row.id, "answer", "Fait", now=T0)
    with pytest.raises(PermissionDenied):
        requests.purge_preview(db, agent)


def test_full_text_search_over_subject_body_and_citizen_in_arabic_and_french(
    db: Database, admin: Actor
) -> None:
    new(db, admin, subject="Coupure d'eau", body="Depuis trois jours", citizen="Amel Jaziri")
    new(
        db,
        admin,
        subject="طلب رخصة بناء",
        body="الرجاء الإسراع",
        citizen="كريم الطرابلسي",
        contact="",
    )
    new(db, admin, subject="Bruit nocturne", citizen="Hichem")

    def found(text: str) -> list[str]:
        rows = requests.list_page(db, admin, RequestFilter(text=text), now=T0)
        return sorted(r.subject for r in rows)

    assert found("coupure") == ["Coupure d'eau"]
    assert found("trois jours") == ["Coupure d'eau"]
    assert found("jaziri") == ["Coupure d'eau"]
    assert found("رخصة") == ["طلب رخصة بناء"]
    assert found("الطرابلسي") == ["طلب رخصة بناء"]
    assert found('"bruit*') == ["Bruit nocturne"]  # quotes and stars cannot break the query
    assert found("bruit OR coupure") == []  # words, never FTS operators
    assert requests.count_matching(db, admin, RequestFilter(text="nocturne"), now=T0) == 1


def test_keyset_pages_follow_any_sort_without_gaps_or_repeats(db: Database, admin: Actor) -> None:
    for i in range(23):
        new(
            db,
            admin,
            subject=f"S{i % 5}",
            received_at=T0 + timedelta(minutes=i),
            now=T0 + timedelta(hours=1),
        )
    for sort in requests.SORT_KEYS:
        for descending in (True, False):
            seen: list[int] = []
            after = None
            while True:
                page = requests.list_page(
                    db,
                    admin,
                    RequestFilter(),
                    sort=sort,
                    descending=descending,
                    after=after,
                    limit=4,
                    now=T0,
                )
                seen += [r.id for r in page]
                if len(page) < 4:
                    break
                after = page[-1]
            assert sorted(seen) == list(range(1, 24)), (sort, descending)
            # The pages, end to end, are in the order of one unpaged query …
            whole = requests.list_page(
                db, admin, RequestFilter(), sort=sort, descending=descending, limit=100, now=T0
            )
            assert seen == [r.id for r in whole], (sort, descending)
            if sort in ("agent", "category"):
                continue  # grouped sorts: ranked by displayed name / key, checked elsewhere
            # … and that order is the sort's: its values, then id, each way.
            keys = [(requests.sort_values(r, sort), r.id) for r in whole]
            assert keys == sorted(keys, reverse=descending), (sort, descending)
    by_subject = requests.list_page(db, admin, RequestFilter(), sort="subject", descending=False,
                                    limit=5, now=T0)  # fmt: skip
    assert [r.subject for r in by_subject] == ["S0"] * 5
    assert [r.id for r in by_subject] == [1, 6, 11, 16, 21]


def test_filters_by_deadline_state_and_dashboard_counts_c2_1(db: Database, admin: Actor) -> None:
    now = T0 + timedelta(hours=40)
    overdue = new(db, admin, received_at=T0 - timedelta(hours=10))
    soon = new(db, admin, received_at=T0)  # deadline T0+48: 8 h left at `now`
    on_time = new(db, admin, received_at=now, now=now)
    answered = new(db, admin, received_at=T0)
    requests.respond(db, admin, answered.id, "answer", "ok", at=T0 + timedelta(hours=1), now=now,
                     late_reason="Answered at the counter")  # fmt: skip

    def ids(state: str) -> list[int]:
        return [r.id for r in requests.list_page(db, admin, RequestFilter(state=state), now=now)]

    assert ids("overdue") == [overdue.id]
    assert ids("due_soon") == [soon.id]
    assert ids("on_time") == [on_time.id]
    assert ids("met") == [answered.id]
    assert requests.state_counts(db, admin, now=now) == {
        "open": 3,
        "overdue": 1,
        "due_soon": 1,
        "on_time": 1,
        "notice_overdue": 0,
    }
    entered = requests.entering_warning(db, admin, since=now - timedelta(hours=1), now=now)
    assert entered == []
    later = T0 + timedelta(hours=36, minutes=30)  # soon's window opened at T0+36 h
    assert [
        r.id for r in requests.entering_warning(db, admin, T0 + timedelta(hours=35), later)
    ] == [soon.id]


def test_purge_shows_what_it_will_remove_then_records_what_it_removed(
    db: Database, admin: Actor
) -> None:
    now = datetime(2026, 3, 2, 10, tzinfo=UTC)
    old = new(db, admin, received_at=now - timedelta(days=6 * 365), now=now)
    requests.respond(
        db,
        admin,
        old.id,
        "answer",
        "Réponse à M. Ben Salah",
        now=now,
        at=old.received_at + timedelta(hours=2),
        late_reason="From the paper register",
    )
    requests.close(db, admin, old.id, at=old.received_at + timedelta(days=3), now=now,
                   late_reason="From the paper register")  # fmt: skip
    recent = new(db, admin, received_at=now - timedelta(days=30), now=now)
    preview = requests.purge_preview(db, admin, now=now)
    assert preview.count == 1 and preview.references == [old.reference]
    with db.read() as s:
        assert s.get(CitizenRequest, old.id).citizen == "Mohamed Ben Salah"  # preview wrote nothing
    done = requests.purge(db, admin, now=now)
    assert done.count == 1
    detail = requests.get_request(db, admin, old.id, now=now)
    assert detail.row.citizen == "" and detail.row.contact == "" and detail.row.purged
    assert all(e.text == "" for e in detail.events)
    assert detail.row.reference == old.reference and detail.row.state == "met"  # statistics stay
    assert requests.get_request(db, admin, recent.id, now=now).row.citizen
    [record] = requests.purge_history(db, admin)
    assert record.count == 1 and record.references == [old.reference]
    assert requests.purge_preview(db, admin, now=now).count == 0
    with db.read() as s:
        assert s.scalar(select(func.count(RequestPurge.id))) == 1


def test_retention_setting_moves_the_purge_cutoff(db: Database, admin: Actor) -> None:
    now = datetime(2026, 3, 2, 10, tzinfo=UTC)
    row = new(db, admin, received_at=now - timedelta(days=400), now=now)
    requests.respond(db, admin, row.id, "answer", "ok", now=now)
    requests.close(db, admin, row.id, at=now - timedelta(days=390), now=now,
                   late_reason="From the paper register")  # fmt: skip
    assert requests.purge_preview(db, admin, now=now).count == 0
    settings.update(db, admin, {"retention_years": 1})
    assert requests.purge_preview(db, admin, now=now).count == 1


def test_citizen_data_gathers_every_request_of_one_person(db: Database, admin: Actor) -> None:
    new(db, admin, contact="0021671563500", citizen="A")
    new(db, admin, contact="+216 71 563 500", citizen="B")
    new(db, admin, contact="x@y.tn", citizen="Mohamed Ben Salah")
    assert len(requests.citizen_data(db, admin, "71 563 500").requests) == 2
    assert len(requests.citizen_data(db, admin, "mohamed ben salah").requests) == 1


def test_a_withdrawn_response_falls_back_to_an_earlier_one_and_keeps_its_step_c2_1(
    db: Database, admin: Actor
) -> None:
    """CONTRACTS §5: a response whose e-mail bounced stops counting; an earlier answer given
    another way stays the first response, a closed request stays closed, history stays."""
    req = new(db, admin)
    by_phone = T0 + timedelta(hours=30)
    by_mail = T0 + timedelta(hours=20)
    requests.respond(db, admin, req.id, "answer", "Par courriel", at=by_mail, now=by_mail)
    requests.respond(db, admin, req.id, "answer", "Par téléphone", at=by_phone, now=by_phone)
    requests.close(db, admin, req.id, at=by_phone, now=by_phone)
    later = T0 + timedelta(hours=60)
    with db.write() as s:
        assert requests.withdraw_response(s, admin, req.id, "answer", by_mail, "Retour",
                                          bounced_at=later, now=later)  # fmt: skip
        assert not requests.withdraw_response(s, admin, req.id, "answer", by_mail, "Retour",
                                              bounced_at=later, now=later)  # fmt: skip
    detail = requests.get_request(db, admin, req.id, now=later)
    assert detail.row.first_response_at == by_phone and detail.row.status == "closed"
    assert detail.row.state == "met"
    kinds = [e.kind for e in detail.events]
    assert kinds.count("answer") == 1 and kinds.count("answer_bounced") == 1
    assert "mail_bounced" in kinds
    assert requests.event_label("answer_bounced") != "answer_bounced"
    with db.read() as s:
        assert s.scalar(select(CitizenRequest.answered_at)) == by_phone
        assert s.scalar(select(func.count()).where(
            AuditEntry.action == "withdraw_response")) == 1  # fmt: skip
