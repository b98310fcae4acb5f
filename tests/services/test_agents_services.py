"""Agents area services: permissions per role, audit, plan due dates, guides, attachments."""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select

from desktop_app.data.models import AuditEntry
from desktop_app.services import agents, equipment, guides, legal_updates, recognition, training
from desktop_app.services.agents import AgentInput
from desktop_app.services.agents_common import Attachment, add_months
from desktop_app.services.errors import ConcurrentEdit, PermissionDenied, UserError
from desktop_app.services.guides import GuideInput
from desktop_app.services.periods import TUNIS, local_date, parse_period
from desktop_app.services.permissions import Role
from desktop_app.services.training import Attendee, RuleInput, SessionInput


def _agent(db, actor, name: str, active_from: date | None = date(2024, 1, 1), **kw):
    return agents.create_agent(
        db, actor, AgentInput(name_fr=name, name_ar=name + " ع", active_from=active_from, **kw)
    )


def _session(db, actor, held_on: date, topic: str = "reception", who=(), hours: float = 3.0):
    return training.create_session(
        db,
        actor,
        SessionInput("Accueil", topic, held_on, hours, "Formateur"),
        [Attendee(a) for a in who],
    )


def test_hr_edits_supervisor_and_director_read_agent_only_acknowledges_c8_5(db, actor_of) -> None:
    hr, sup, director, agent_role = (
        actor_of(Role.HR),
        actor_of(Role.SUPERVISOR),
        actor_of(Role.DIRECTOR),
        actor_of(Role.AGENT),
    )
    a = _agent(db, hr, "Sami", user_id=agent_role.user_id)
    sid = _session(db, hr, date(2026, 3, 1), who=[a.id])
    gid = guides.create_guide(
        db, hr, GuideInput("Guide", "guide", "reception", "1.0", date(2026, 1, 1), date(2027, 1, 1))
    )
    for reader in (sup, director):
        assert [x.id for x in agents.list_agents(db, reader)] == [a.id]
        assert training.get_session(db, reader, sid).attended == 1
        with pytest.raises(PermissionDenied):
            _agent(db, reader, "X")
        with pytest.raises(PermissionDenied):
            _session(db, reader, date(2026, 3, 2))
        with pytest.raises(PermissionDenied):
            guides.create_guide(
                db,
                reader,
                GuideInput("G", "guide", "legal", "1", date(2026, 1, 1), date(2027, 1, 1)),
            )
        with pytest.raises(PermissionDenied):
            equipment.create_post(db, reader, "Poste")
        with pytest.raises(PermissionDenied):
            recognition.save_award(
                db,
                reader,
                None,
                agent_id=a.id,
                period="2026-Q1",
                award="Prix",
                reason="r",
                awarded_on=date(2026, 3, 31),
            )
    with pytest.raises(PermissionDenied):
        agents.list_agents(db, agent_role)
    with pytest.raises(PermissionDenied):
        _session(db, agent_role, date(2026, 3, 2))
    # the agent reads the library and acknowledges for themself only
    assert [g.id for g in guides.list_guides(db, agent_role, date(2026, 6, 1))] == [gid]
    guides.acknowledge(db, agent_role, gid)
    other = _agent(db, hr, "Other")
    with pytest.raises(PermissionDenied):
        guides.acknowledge(db, agent_role, gid, agent_id=other.id)
    with pytest.raises(PermissionDenied):
        guides.acknowledge(db, director, gid)
    # a supervisor may acknowledge, but has no agent record
    with pytest.raises(UserError, match="not linked"):
        guides.acknowledge(db, sup, gid)


def test_every_change_is_audited(db, actor_of) -> None:
    hr = actor_of(Role.HR)
    a = _agent(db, hr, "Sami")
    _session(db, hr, date(2026, 3, 1), who=[a.id])
    agents.update_agent(db, hr, a.id, a.version, AgentInput(name_fr="Sami B", name_ar="سامي"))
    with db.read() as s:
        entries = s.execute(
            select(AuditEntry.action, AuditEntry.entity, AuditEntry.username).where(
                AuditEntry.entity != "user"
            )
        ).all()
    assert ("create", "agent", "user-hr") in entries
    assert ("update", "agent", "user-hr") in entries
    assert ("create", "training_session", "user-hr") in entries


def test_agent_validation_and_concurrent_edit(db, admin) -> None:
    with pytest.raises(UserError, match="name"):
        agents.create_agent(db, admin, AgentInput())
    a = _agent(db, admin, "Sami", staff_number="M-1")
    with pytest.raises(UserError, match="M-1"):
        _agent(db, admin, "Other", staff_number="M-1")
    with pytest.raises(UserError, match="end date"):
        _agent(db, admin, "Late", active_from=date(2026, 2, 1), active_to=date(2026, 1, 1))
    agents.update_agent(db, admin, a.id, a.version, AgentInput(name_fr="Sami 2"))
    with pytest.raises(ConcurrentEdit):
        agents.update_agent(db, admin, a.id, a.version, AgentInput(name_fr="Sami 3"))


def test_attachment_round_trip_bytes_in_equal_bytes_out_c8_3(db, admin, tmp_path) -> None:
    payload = bytes(range(256)) * 1000 + "دليل الاستقبال".encode()
    path = tmp_path / "support été.pdf"
    path.write_bytes(payload)
    sid = training.create_session(
        db, admin, SessionInput("T", "legal", date(2026, 1, 5), 2), [], Attachment.from_path(path)
    )
    got = training.get_material(db, admin, sid)
    assert got is not None and got.data == payload and got.name == "support été.pdf"
    row = training.get_session(db, admin, sid)
    assert row.material_size == len(payload)
    copy = training.create_session(
        db, admin, SessionInput("T2", "legal", date(2026, 2, 5), 2), [], copy_material_from=sid
    )
    assert training.get_material(db, admin, copy).data == payload  # type: ignore[union-attr]
    gid = guides.create_guide(
        db,
        admin,
        GuideInput("G", "manual", "legal", "1", date(2026, 1, 1), date(2027, 1, 1)),
        Attachment("g.docx", payload),
    )
    out = guides.get_guide_file(db, admin, gid)
    assert (
        out is not None
        and hashlib.sha256(out.data).hexdigest() == hashlib.sha256(payload).hexdigest()
    )
    training.attach_material(db, admin, sid, None)
    assert training.get_material(db, admin, sid) is None


def test_add_months_clamps_to_the_month_end() -> None:
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert add_months(date(2026, 11, 15), 14) == date(2028, 1, 15)


def test_plan_rule_due_dates_and_the_due_day_itself_c8_5(db, admin) -> None:
    yearly = training.create_rule(db, admin, RuleInput("Yearly", None, 12, 3, date(2025, 1, 1)))
    a = _agent(db, admin, "Trained", active_from=date(2020, 1, 1))
    b = _agent(db, admin, "Newcomer", active_from=date(2026, 2, 10))
    _session(db, admin, date(2025, 3, 10), who=[a.id])
    gaps = training.plan_gaps(db, admin, date(2026, 3, 9))
    assert gaps == []  # a: due 10/03/2026; b: due 10/05/2026
    gaps = training.plan_gaps(db, admin, date(2026, 3, 10))
    assert [(g.agent_id, g.rule_id, g.due_on, g.last_on) for g in gaps] == [
        (a.id, yearly, date(2026, 3, 10), date(2025, 3, 10))
    ]
    ahead = training.plan_gaps(db, admin, date(2026, 3, 10), look_ahead_days=61)
    assert [(g.agent_id, g.overdue) for g in ahead] == [(a.id, True), (b.id, False)]
    _session(db, admin, date(2026, 3, 12), who=[a.id, b.id])
    assert training.plan_gaps(db, admin, date(2026, 6, 1)) == []


def test_plan_once_rule_on_special_categories_and_absence_c8_6(db, admin) -> None:
    rule = training.create_rule(
        db, admin, RuleInput("Categories", "special_categories", None, 0, date(2026, 1, 1))
    )
    a = _agent(db, admin, "A", active_from=date(2019, 5, 1))
    left = _agent(db, admin, "Left", active_from=date(2019, 5, 1), active_to=date(2025, 12, 31))
    # invited but absent does not count; another topic does not count
    training.create_session(
        db,
        admin,
        SessionInput("C", "special_categories", date(2026, 2, 1), 2),
        [Attendee(a.id, attended=False)],
    )
    _session(db, admin, date(2026, 2, 2), topic="reception", who=[a.id])
    gaps = training.plan_gaps(db, admin, date(2026, 3, 1))
    assert [(g.agent_id, g.rule_id, g.due_on) for g in gaps] == [(a.id, rule, date(2026, 1, 1))]
    assert left.id not in {g.agent_id for g in gaps}
    _session(db, admin, date(2026, 3, 2), topic="special_categories", who=[a.id])
    assert training.plan_gaps(db, admin, date(2036, 1, 1)) == []  # once is enough, for good


def test_guide_acknowledgement_counts_for_the_current_version_only_c8_3(db, actor_of) -> None:
    hr, agent_role = actor_of(Role.HR), actor_of(Role.AGENT)
    me = _agent(db, hr, "Me", user_id=agent_role.user_id)
    other = _agent(db, hr, "Other")
    data = GuideInput(
        "Guide d'accueil", "guide", "reception", "1.0", date(2025, 1, 1), date(2026, 1, 1)
    )
    gid = guides.create_guide(db, hr, data)
    guides.acknowledge(db, agent_role, gid, doc_version="1.0")
    guides.acknowledge(db, agent_role, gid)  # twice is once
    today = date(2025, 6, 1)
    [row] = guides.list_guides(db, hr, today)
    assert (row.acknowledged, row.active_agents) == (1, 2)
    readers = guides.readers(db, hr, gid, today)
    assert [(r.agent_id, r.acknowledged_at is not None) for r in readers] == [
        (other.id, False),
        (me.id, True),
    ]
    guides.update_guide(
        db,
        hr,
        gid,
        row.version,
        GuideInput(data.title, "guide", "reception", "2.0", date(2025, 6, 1), date(2026, 6, 1)),
        Attachment("guide-2.0.pdf", b"version 2"),
    )
    [row] = guides.list_guides(db, hr, today)
    assert row.acknowledged == 0  # the new version needs reading again
    with pytest.raises(UserError, match="1.0"):
        guides.acknowledge(db, agent_role, gid, doc_version="1.0")
    with db.read() as s:
        assert {(u.agent_id, u.doc_version) for u in guides.unread_in(s, today)} == {
            (me.id, "2.0"),
            (other.id, "2.0"),
        }
    assert guides.acknowledge_many(db, hr, gid, [me.id, other.id, me.id]) == 2
    [row] = guides.list_guides(db, hr, today)
    assert row.acknowledged == 2
    history = guides.acknowledged_by_agent(db, hr, me.id)
    assert history[0]["current"] and history[0]["acknowledged_version"] == "2.0"


def test_guide_is_outdated_the_day_after_its_next_review_c8_3(db, admin) -> None:
    guides.create_guide(
        db, admin, GuideInput("G", "guide", "legal", "1", date(2025, 1, 1), date(2026, 1, 1))
    )
    assert not guides.list_guides(db, admin, date(2026, 1, 1))[0].outdated
    assert guides.list_guides(db, admin, date(2026, 1, 2))[0].outdated


def test_legal_update_records_who_was_informed_when_c8_5(db, admin) -> None:
    a, b = _agent(db, admin, "A"), _agent(db, admin, "B")
    uid = legal_updates.save_update(
        db,
        admin,
        None,
        reference="Décret 2026-12",
        published_on=date(2026, 2, 1),
        summary="Nouveaux délais",
        informed={a.id: date(2026, 2, 3)},
    )
    [row] = legal_updates.list_updates(db, admin, date(2026, 3, 1))
    assert (row.informed, row.active_agents) == (1, 2)
    told = {
        n.agent_id: n.informed_on for n in legal_updates.notices(db, admin, uid, date(2026, 3, 1))
    }
    assert told == {a.id: date(2026, 2, 3), b.id: None}
    legal_updates.save_update(
        db,
        admin,
        uid,
        reference="Décret 2026-12",
        published_on=date(2026, 2, 1),
        summary="x",
        informed={a.id: date(2026, 2, 3), b.id: date(2026, 2, 4)},
        expected_version=row.version,
    )
    assert legal_updates.list_updates(db, admin, date(2026, 3, 1))[0].informed == 2
    with pytest.raises(UserError):
        legal_updates.save_update(
            db, admin, None, reference=" ", published_on=date(2026, 1, 1), summary="", informed={}
        )


def test_missing_and_broken_equipment_is_listed_c8_3(db, admin) -> None:
    pid = equipment.create_post(
        db,
        admin,
        "Guichet 1",
        "RDC",
        {"headset": "working", "phone_set": "working", "computer": "broken"},
    )
    problems = equipment.problems(db, admin)
    assert {(p.kind, p.condition) for p in problems} == {
        ("computer", "broken"),
        ("guides_access", "missing"),
    }
    [post] = equipment.list_posts(db, admin, date(2026, 1, 1))
    item = post.items["computer"]
    equipment.set_item(
        db, admin, item.id, item.version, condition="working", checked_on=date(2026, 1, 2)
    )
    assert [p.kind for p in equipment.problems(db, admin)] == ["guides_access"]
    with pytest.raises(UserError):
        equipment.create_post(db, admin, "Guichet 1")
    assert pid


@contextlib.contextmanager
def _only_source(source: recognition.ScoreSource) -> Iterator[None]:
    """The ranking with `source` as its one score source besides training."""
    saved = dict(recognition.SCORE_SOURCES)
    recognition.SCORE_SOURCES.clear()
    recognition.SCORE_SOURCES[source.key] = source
    try:
        yield
    finally:
        recognition.SCORE_SOURCES.clear()
        recognition.SCORE_SOURCES.update(saved)


def test_ranking_uses_training_and_registered_score_sources_c8_5(db, admin) -> None:
    a, b = _agent(db, admin, "A"), _agent(db, admin, "B")
    training.create_session(
        db,
        admin,
        SessionInput("T", "reception", date(2026, 2, 1), 4),
        [Attendee(a.id, True, 90), Attendee(b.id, True, 60)],
    )
    _session(db, admin, date(2026, 2, 2), who=[b.id], hours=1)
    period = parse_period("2026-Q1")
    ranked = recognition.ranking(db, admin, period)
    assert [c.agent_id for c in ranked] == [a.id, b.id]  # a: (80+90)/2, b: (100+60)/2
    assert ranked[1].hours == 5.0 and ranked[0].assessment == 90.0
    source = recognition.ScoreSource("test", lambda: "Calls", lambda s, p, ids: {b.id: 100.0})
    with _only_source(source):
        ranked = recognition.ranking(db, admin, period)
        assert ranked[0].agent_id == b.id and ranked[0].sources == {"test": 100.0}
    recognition.save_award(
        db,
        admin,
        None,
        agent_id=b.id,
        period="2026-q1",
        award="Agent du trimestre",
        reason="Assiduité",
        awarded_on=date(2026, 3, 31),
    )
    assert recognition.list_awards(db, admin)[0].period == "2026-Q1"
    assert [c.awards for c in recognition.ranking(db, admin, period)] == [0, 1]


def test_legal_update_concurrent_edits_of_who_was_informed_clash_c8_5(db, actor_of) -> None:
    """Two HR officers tick different agents on the same update: the second is told, not lost."""
    hr = actor_of(Role.HR)
    a, b = _agent(db, hr, "A"), _agent(db, hr, "B")
    fields = {"reference": "Décret 2026-12", "published_on": date(2026, 2, 1), "summary": "s"}
    uid = legal_updates.save_update(db, hr, None, **fields, informed={})
    [read] = legal_updates.list_updates(db, hr, date(2026, 3, 1))  # both opened this version
    legal_updates.save_update(
        db, hr, uid, **fields, informed={a.id: date(2026, 2, 3)}, expected_version=read.version
    )
    [after] = legal_updates.list_updates(db, hr, date(2026, 3, 1))
    assert after.version > read.version  # only the informed list changed, yet a new version
    with pytest.raises(ConcurrentEdit):
        legal_updates.save_update(
            db, hr, uid, **fields, informed={b.id: date(2026, 2, 4)}, expected_version=read.version
        )
    told = {
        n.agent_id for n in legal_updates.notices(db, hr, uid, date(2026, 3, 1)) if n.informed_on
    }
    assert told == {a.id}
    with pytest.raises(ValueError, match="expected_version"):
        legal_updates.save_update(db, hr, uid, **fields, informed={})


def test_a_new_guide_version_needs_its_own_file_and_old_readings_do_not_count_c8_3(
    db, actor_of
) -> None:
    hr = actor_of(Role.HR)
    me = _agent(db, hr, "Me")
    v1 = GuideInput("Guide", "guide", "reception", "1.0", date(2025, 1, 1), date(2026, 1, 1))
    v2 = GuideInput("Guide", "guide", "reception", "2.0", date(2025, 6, 1), date(2026, 6, 1))
    old_file = Attachment("guide-1.0.pdf", b"version 1")
    gid = guides.create_guide(db, hr, v1, old_file)
    guides.acknowledge_many(db, hr, gid, [me.id])
    [row] = guides.list_guides(db, hr, date(2025, 6, 1))
    with pytest.raises(UserError, match="2.0 needs its own file"):
        guides.update_guide(db, hr, gid, row.version, v2)  # the 1.0 file would stay attached
    with pytest.raises(UserError, match="own file"):
        guides.update_guide(db, hr, gid, row.version, v2, Attachment("same.pdf", b"version 1"))
    # the same version, edited (a typo in the title), keeps its file without a new one
    guides.update_guide(db, hr, gid, row.version, replace(v1, title="Guide d'accueil"))
    [row] = guides.list_guides(db, hr, date(2025, 6, 1))
    assert row.acknowledged == 1 and row.file_name == "guide-1.0.pdf"
    guides.update_guide(db, hr, gid, row.version, v2, Attachment("guide-2.0.pdf", b"version 2"))
    [row] = guides.list_guides(db, hr, date(2025, 6, 1))
    assert (row.file_name, row.acknowledged, row.not_acknowledged) == ("guide-2.0.pdf", 0, 1)
    assert guides.get_guide_file(db, hr, gid).data == b"version 2"  # type: ignore[union-attr]
    [mine] = guides.acknowledged_by_agent(db, hr, me.id)
    assert (mine["acknowledged_version"], mine["current"]) == ("1.0", False)
    with db.read() as s:
        assert [(u.agent_id, u.doc_version) for u in guides.unread_in(s, date(2025, 6, 1))] == [
            (me.id, "2.0")
        ]
    # going "back" to 1.0 would make the old readings count again: refused
    with pytest.raises(UserError, match="published before"):
        guides.update_guide(db, hr, gid, row.version, v1, Attachment("g.pdf", b"version 3"))


def test_signed_reading_sheet_keeps_the_day_it_was_signed_never_in_the_future_c8_3(
    db, actor_of
) -> None:
    hr = actor_of(Role.HR)
    a, b = _agent(db, hr, "A"), _agent(db, hr, "B")
    gid = guides.create_guide(
        db, hr, GuideInput("G", "guide", "reception", "1.0", date(2025, 1, 1), date(2027, 1, 1))
    )
    assert guides.acknowledge_many(db, hr, gid, [a.id], acknowledged_on=date(2025, 3, 10)) == 1
    with pytest.raises(UserError, match="future"):
        guides.acknowledge_many(
            db, hr, gid, [b.id], acknowledged_on=date.today() + timedelta(days=1)
        )
    guides.acknowledge_many(db, hr, gid, [b.id])  # no date: signed today
    read_on = {
        r.agent_id: local_date(r.acknowledged_at)
        for r in guides.readers(db, hr, gid, date.today())
        if r.acknowledged_at
    }
    assert read_on == {a.id: date(2025, 3, 10), b.id: local_date(datetime.now(TUNIS))}


def test_agents_not_working_that_day_cannot_attend_nor_acknowledge_c8_3_c8_5(db, actor_of) -> None:
    hr, agent_role = actor_of(Role.HR), actor_of(Role.AGENT)
    left = _agent(db, hr, "Left", active_to=date(2025, 12, 31), user_id=agent_role.user_id)
    newcomer = _agent(db, hr, "Newcomer", active_from=date.today() + timedelta(days=30))
    for who, held in ((left, date(2026, 3, 1)), (newcomer, date.today())):
        with pytest.raises(UserError, match="not working"):
            _session(db, hr, held, who=[who.id])
    sid = _session(db, hr, date(2025, 6, 1), who=[left.id])  # while they still worked: fine
    with pytest.raises(UserError, match="Left was not working on 01/03/2026"):
        training.update_session(
            db, hr, sid, 1, SessionInput("Accueil", "reception", date(2026, 3, 1), 3.0),
            [Attendee(left.id)],
        )  # fmt: skip
    gid = guides.create_guide(
        db, hr, GuideInput("G", "guide", "reception", "1.0", date(2025, 1, 1), date(2027, 1, 1))
    )
    for who in (left, newcomer):
        with pytest.raises(UserError, match="not working"):
            guides.acknowledge_many(db, hr, gid, [who.id])
    with pytest.raises(UserError, match="not working"):
        guides.acknowledge(db, agent_role, gid)  # their own account, after they left
    assert guides.acknowledge_many(db, hr, gid, [left.id], acknowledged_on=date(2025, 6, 2)) == 1


def test_demo_legal_updates_are_dated_on_the_day_of_the_text_they_cite_c8_5() -> None:
    from desktop_app.services.demo_agents import _updates

    months = {"janvier": 1, "mars": 3, "avril": 4, "août": 8, "novembre": 11}
    for today in (date(2026, 12, 1), date(2027, 3, 15)):
        for reference, published, _summary in _updates(today):
            assert published <= today
            if " du " in reference:  # "Circulaire n° 8 du 19 mars 2020"
                day, month, year = reference.split(" du ")[1].split()
                assert published == date(int(year), months[month], int(day)), reference
            else:  # "Note de service n° 14/2026", "Décret présidentiel n° 2021-223"
                assert str(published.year) in reference, reference
    assert any(r.startswith("Décret présidentiel n° 2021-223") for r, _p, _s in _updates(today))


def test_ranking_includes_agents_who_worked_only_mid_period_c8_5(db, admin) -> None:
    mid = _agent(db, admin, "Mid", active_from=date(2026, 2, 10), active_to=date(2026, 3, 5))
    before = _agent(db, admin, "Before", active_from=date(2025, 1, 1), active_to=date(2025, 12, 31))
    after = _agent(db, admin, "After", active_from=date(2026, 4, 1))
    _session(db, admin, date(2026, 2, 20), who=[mid.id])
    ranked = recognition.ranking(db, admin, parse_period("2026-Q1"))
    ids = [c.agent_id for c in ranked]
    assert mid.id in ids and before.id not in ids and after.id not in ids
    assert ranked[0].agent_id == mid.id and ranked[0].hours == 3.0


def test_ranking_averages_only_the_parts_an_agent_has_data_for_c8_5(db, admin) -> None:
    trained, evaluated = _agent(db, admin, "Trained"), _agent(db, admin, "Evaluated")
    nothing = _agent(db, admin, "Nothing")
    training.create_session(
        db, admin, SessionInput("T", "reception", date(2026, 2, 1), 4), [Attendee(trained.id)]
    )
    source = recognition.ScoreSource(
        "test", lambda: "Calls", lambda s, p, ids: {evaluated.id: 97.0}
    )
    with _only_source(source):
        ranked = {c.agent_id: c for c in recognition.ranking(db, admin, parse_period("2026-Q1"))}
    assert ranked[evaluated.id].composite == 97.0  # not (0 hours + 97) / 2 = 48.5
    assert "test" in ranked[evaluated.id].counted
    assert recognition.HOURS not in ranked[evaluated.id].counted
    assert (ranked[trained.id].composite, ranked[trained.id].counted[:1]) == (
        100.0,
        (recognition.HOURS,),
    )
    assert ranked[nothing.id].counted == () and ranked[nothing.id].composite == 0.0
    assert recognition.part_labels(("hours", "assessment")) == [
        "Training hours",
        "Training assessment",
    ]


def test_an_absent_attendee_cannot_have_a_score_c8_5(db, admin) -> None:
    """The window accepted "Absent" with a score of 75, which then counted in averages (14.13)."""
    a = _agent(db, admin, "Absente")
    with pytest.raises(UserError, match="absent"):
        training.create_session(
            db, admin, SessionInput("S", "reception", date(2026, 2, 1), 2),
            [Attendee(a.id, attended=False, score=75)],
        )  # fmt: skip
    assert training.sessions_page(db, admin, training.SessionFilter()) == []
