"""Issue 12, C8.5 and C8.4 in the report: legal updates passed on to every active agent, awards
and ranking beside each other, reinforcement plans beside the peak hours they answer."""

from __future__ import annotations

from datetime import date, datetime

from desktop_app.data.db import Database
from desktop_app.services import agents, legal_updates, lines, recognition, sections
from desktop_app.services.agents import AgentInput
from desktop_app.services.lines import PlanInput
from desktop_app.services.periods import TUNIS, parse_period
from desktop_app.services.permissions import Actor

Q1 = parse_period("2026-Q1")
AS_OF = datetime(2026, 4, 2, 10, tzinfo=TUNIS)


def _agent(db: Database, admin: Actor, name: str) -> int:
    return agents.create_agent(db, admin, AgentInput(name_fr=name, active_from=date(2020, 1, 1))).id


def _section(db: Database, key: str) -> sections.ReportSection:
    with db.read() as s:
        ctx = sections.make_context(s, Q1, AS_OF, "en")
        [found] = [x for x in sections.build_sections(s, ctx) if x.key == key]
        return found


def test_c8_5_a_legal_update_lists_the_active_agents_not_yet_informed(
    db: Database, admin: Actor
) -> None:
    told, missed = _agent(db, admin, "Amel Jaziri"), _agent(db, admin, "Karim Trabelsi")
    update = legal_updates.save_update(
        db, admin, None, reference="Décret 2026-12", published_on=date(2026, 2, 1),
        summary="Nouvelles pièces", informed={told: date(2026, 2, 2)},
    )  # fmt: skip
    [row] = legal_updates.not_informed(db, admin, update, date(2026, 3, 1))
    assert row.agent_id == missed
    table = next(t for t in _section(db, "training").tables
                 if t.title == "Legal and procedural updates")  # fmt: skip
    assert table.rows[0][-1] == "Karim Trabelsi"
    found = {a.key: a for a in sections.action_lists(db, admin, Q1, "en", AS_OF)}
    pending = found["legal_updates_uninformed"]
    assert pending.count == 1 and "Karim Trabelsi" in pending.items[0]


def test_c8_5_awards_and_ranking_appear_in_the_report(db: Database, admin: Actor) -> None:
    best = _agent(db, admin, "Amel Jaziri")
    _agent(db, admin, "Karim Trabelsi")
    recognition.save_award(db, admin, None, agent_id=best, period="2026-Q1",
                           award="Agent du trimestre", reason="Accueil exemplaire",
                           awarded_on=date(2026, 3, 30))  # fmt: skip
    tables = {t.title: t for t in _section(db, "training").tables}
    awards = tables["Awards to outstanding agents (C8.5)"]
    assert awards.rows == [["Amel Jaziri", "Agent du trimestre", "Accueil exemplaire",
                            date(2026, 3, 30)]]  # fmt: skip
    ranking = tables["Ranking of the agents (C8.5)"]
    assert [r[0] for r in ranking.rows] == [1, 2]
    assert {r[1] for r in ranking.rows} == {"Amel Jaziri", "Karim Trabelsi"}


def test_c8_4_reinforcement_plans_appear_beside_the_peak_hours(db: Database, admin: Actor) -> None:
    lines.save_plan(
        db,
        admin,
        PlanInput(
            "Résultats du bac",
            date(2026, 3, 1),
            date(2026, 3, 5),
            hours="08:00-10:30",
            extra_lines=2,
            extra_agents=1,
        ),
    )
    peak = next(t for t in _section(db, "traffic").tables if t.title == "Calls per hour of the day")
    assert peak.headers[-1] == "Reinforcement planned (C8.4)"
    by_hour = {r[0]: r[-1] for r in peak.rows}
    assert by_hour["08:00"].startswith("Résultats du bac (+2 lines, +1 agents)")
    assert by_hour["10:00"] and by_hour["11:00"] == "" and by_hour["07:00"] == ""
