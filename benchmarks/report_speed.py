"""Times a year's evaluation report (C8.7) over a large body: every section has data to read.

The demo fills a body's year in every area (lines, checks, faults, agents, training, guides,
evaluations with their scorecard answers, call records); on top go, by Core bulk inserts, 100 000
requests, 200 more lines checked weekly with their faults, 150 more agents and their training,
eight times the demo's call evaluations and 250 000 inbound call records.

uv run python benchmarks/report_speed.py [--rows 100000] [--calls 250000] [--reuse PATH]

`--reuse PATH` keeps the filled database at PATH: the first run builds it there, later runs
time the reports over it without refilling (delete the file to rebuild).
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from desktop_app.config import resolve_database
from desktop_app.data.db import Database
from desktop_app.exchange.excel_report import write_workbook
from desktop_app.i18n import ensure_core_application
from desktop_app.services import report
from desktop_app.services.database import open_database
from desktop_app.services.demo import fill_demo
from desktop_app.services.permissions import system_actor

YEAR_START = datetime(2025, 12, 31, 23, tzinfo=UTC)  # 1 January 2026, local midnight


def fill_requests(db: Database, rows: int) -> str:
    """`rows` requests spread over 2026 through Core bulk inserts (the requests area's table),
    a realistic mix of channels, types, answers, notices, late answers and open ones."""
    from desktop_app.data.models import CitizenRequest

    rng = random.Random(2026)
    table = CitizenRequest.__table__
    start = YEAR_START
    step = timedelta(days=330) / rows  # up to the end of November: the demo's "now" is later
    channels = ("email", "phone", "web", "fax", "letter", "in_person", "social")
    types = ("request", "complaint", "report", "inquiry", "suggestion")
    batch = []
    with db.engine.begin() as conn:
        for i in range(rows):
            received = start + step * i
            answered = rng.random() < 0.93
            delay = timedelta(hours=rng.choice((2, 6, 20, 30, 47, 60, 90)))
            first = received + delay if answered else None
            batch.append({
                "reference": f"B2026-{i + 1:06d}", "received_at": received,
                "channel": rng.choice(channels), "type": rng.choice(types),
                "citizen": "", "contact": "", "subject": f"Demande {i}", "body": "",
                "category": rng.choice((None, None, None, "elderly", "disability")),
                "status": "closed" if first else "open",
                "deadline_at": received + timedelta(hours=48),
                "first_response_at": first,
                "first_response_kind": ("notice" if rng.random() < 0.1 else "answer")
                if first else None,
                "closed_at": first + timedelta(days=2) if first else None,
                "created_at": received, "version": 1,
            })  # fmt: skip
            if len(batch) == 10_000:
                conn.execute(table.insert(), batch)
                batch = []
        if batch:
            conn.execute(table.insert(), batch)
    return f"{rows} requests inserted"


def _insert(conn: object, table: object, rows: list[dict[str, object]]) -> None:
    for i in range(0, len(rows), 10_000):
        conn.execute(table.insert(), rows[i : i + 10_000])  # type: ignore[attr-defined]


def fill_lines(db: Database, lines: int = 200) -> str:
    """`lines` more lines, each checked weekly through the year, with a fault every ~4 months."""
    from desktop_app.data.models import LineCheck, LineFault, PhoneLine

    rng = random.Random(7)
    with db.engine.begin() as conn:
        _insert(conn, PhoneLine.__table__, [
            {"number": f"+2167199{i:04d}", "kind": rng.choice(("direct", "mobile", "fax")),
             "label": f"Bureau {i}", "department": f"Service {i % 12}", "status": "in_service",
             "on_website": rng.random() < 0.8, "created_at": YEAR_START - timedelta(days=400),
             "version": 1}
            for i in range(lines)
        ])  # fmt: skip
        ids = [r[0] for r in conn.execute(
            PhoneLine.__table__.select().with_only_columns(PhoneLine.__table__.c.id)
            .where(PhoneLine.__table__.c.number.like("+2167199%")))]  # fmt: skip
        checks, faults = [], []
        for line_id in ids:
            for week in range(47):
                working = rng.random() < 0.95
                at = YEAR_START + timedelta(days=7 * week, hours=9 + rng.random() * 6)
                result = "answered" if working else "no_answer"
                checks.append({"line_id": line_id, "at": at, "working": working,
                               "result": result, "notes": "", "source": "manual",
                               "checked_by": "bench", "created_at": at})  # fmt: skip
            for month in (2, 6, 10):
                at = YEAR_START + timedelta(days=30 * month + rng.random() * 20)
                faults.append({"line_id": line_id, "reported_at": at, "symptom": "Pas de tonalité",
                               "ticket_ref": "", "reported_by": "bench", "repair_notes": "",
                               "repaired_at": at + timedelta(hours=rng.choice((4, 20, 50, 120))),
                               "version": 1})  # fmt: skip
        _insert(conn, LineCheck.__table__, checks)
        _insert(conn, LineFault.__table__, faults)
    return f"{lines} lines, {len(checks)} checks, {len(faults)} faults inserted"


def fill_agents(db: Database, agents: int = 150, sessions: int = 60) -> str:
    """`agents` more agents and `sessions` training sessions, each attended by ~20 of them."""
    from desktop_app.data.models import Agent, TrainingAttendance, TrainingSession

    rng = random.Random(8)
    topics = ("reception", "legal", "special_categories", "equipment", "other")
    with db.engine.begin() as conn:
        _insert(conn, Agent.__table__, [
            {"name_fr": f"Agent {i}", "name_ar": f"عون {i}", "staff_number": f"BN-{i:04d}",
             "unit": "Accueil", "extension": "", "active_from": date(2020, 1, 1),
             "notes": "", "version": 1, "created_at": YEAR_START}
            for i in range(agents)
        ])  # fmt: skip
        ids = [r[0] for r in conn.execute(
            Agent.__table__.select().with_only_columns(Agent.__table__.c.id)
            .where(Agent.__table__.c.staff_number.like("BN-%")))]  # fmt: skip
        _insert(conn, TrainingSession.__table__, [
            {"title": f"Session {i}", "topic": topics[i % len(topics)],
             "held_on": date(2026, 1, 10) + timedelta(days=5 * i), "duration_hours": 3.0,
             "trainer": "Formateur", "remote": False, "notes": "", "version": 1,
             "created_at": YEAR_START}
            for i in range(sessions)
        ])  # fmt: skip
        session_ids = [r[0] for r in conn.execute(
            TrainingSession.__table__.select().with_only_columns(TrainingSession.__table__.c.id)
            .where(TrainingSession.__table__.c.title.like("Session %")))]  # fmt: skip
        attendances = [{"session_id": s, "agent_id": a, "attended": rng.random() < 0.9}
                       for s in session_ids for a in rng.sample(ids, 20)]  # fmt: skip
        _insert(conn, TrainingAttendance.__table__, attendances)
    return f"{agents} agents, {sessions} sessions, {len(attendances)} attendances inserted"


def fill_evaluations(db: Database, copies: int = 8) -> str:
    """The demo's 2026 evaluations copied `copies` times (minutes later each), with answers."""
    from desktop_app.data.models import Evaluation, EvaluationAnswer

    ev, ans = Evaluation.__table__, EvaluationAnswer.__table__
    with db.engine.begin() as conn:
        rows = [dict(r._mapping) for r in conn.execute(ev.select().where(ev.c.at >= YEAR_START))]
        answers: dict[int, list[dict[str, object]]] = {}
        for r in conn.execute(ans.select()):
            answers.setdefault(r.evaluation_id, []).append(dict(r._mapping))
        next_id = int(conn.execute(ev.select().with_only_columns(ev.c.id).order_by(
            ev.c.id.desc()).limit(1)).scalar() or 0) + 1  # fmt: skip
        new_evals, new_answers = [], []
        for k in range(1, copies + 1):
            for r in rows:
                copy = {**r, "id": next_id, "at": r["at"] + timedelta(minutes=7 * k)}
                new_evals.append(copy)
                for a in answers.get(r["id"], []):
                    new_answers.append({**{c: v for c, v in a.items() if c != "id"},
                                        "evaluation_id": next_id})  # fmt: skip
                next_id += 1
        _insert(conn, ev, new_evals)
        _insert(conn, ans, new_answers)
    return f"{len(new_evals)} evaluations ({len(new_answers)} answers) inserted"


def fill_calls(db: Database, calls: int) -> str:
    """`calls` inbound call records over the year on the inventory's lines, office hours mostly."""
    from desktop_app.data.models import CallRecord, PhoneLine

    rng = random.Random(9)
    with db.engine.begin() as conn:
        lines = [(r.id, r.number) for r in conn.execute(PhoneLine.__table__.select())]
        rows = []
        for i in range(calls):
            line_id, number = rng.choice(lines)
            day = YEAR_START + timedelta(days=rng.randrange(330))
            start = day + timedelta(hours=rng.choice((8, 9, 9, 10, 10, 11, 12, 14, 15)),
                                    seconds=rng.randrange(3600))  # fmt: skip
            answered = rng.random() < 0.7
            ring = rng.randrange(2, 40)
            rows.append({
                "uniqueid": f"bench-{i}", "natural_key": f"bench|{i}", "start": start,
                "answer": start + timedelta(seconds=ring) if answered else None,
                "end": start + timedelta(seconds=ring + 90), "duration": ring + 90,
                "billsec": 90 if answered else 0,
                "disposition": "ANSWERED" if answered else "NO ANSWER",
                "src": f"2{i % 10**7:07d}", "dst": number, "dst_national": number[-8:],
                "dcontext": "from-trunk", "channel": "", "dstchannel": "",
                "direction": "inbound", "line_id": line_id, "answered": answered,
                "ring_seconds": ring if answered else None, "imported_at": start,
            })  # fmt: skip
        _insert(conn, CallRecord.__table__, rows)
    return f"{calls} call records inserted"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--calls", type=int, default=250_000)
    parser.add_argument(
        "--reuse", type=Path, default=None, help="database kept between runs (built by the first)"
    )
    args = parser.parse_args()
    ensure_core_application()
    with tempfile.TemporaryDirectory() as tmp:
        path = args.reuse if args.reuse is not None else Path(tmp) / "bench.sqlite"
        built = path.exists()
        db = open_database(resolve_database(str(path)))
        admin = system_actor("cli:bench")
        if built:
            print(f"reusing {path}")
        else:
            began = time.perf_counter()
            fill_demo(db, years=1)
            print(f"demo year filled in {time.perf_counter() - began:.1f} s")
            print(fill_requests(db, args.rows))
            print(fill_lines(db))
            print(fill_agents(db))
            print(fill_evaluations(db))
            print(fill_calls(db, args.calls))
            print(f"body filled in {time.perf_counter() - began:.1f} s")
        for lang in ("ar", "fr"):
            began = time.perf_counter()
            report.generate(
                db, admin, "2026", Path(tmp) / f"year-{lang}.xlsx", lang, write=write_workbook
            )
            print(f"year report ({lang}): {time.perf_counter() - began:.2f} s")
        db.dispose()


if __name__ == "__main__":
    main()
