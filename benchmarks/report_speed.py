"""Times a year's evaluation report (C8.7), over 100 000 requests when a requests table exists.

uv run python benchmarks/report_speed.py [--rows 100000]
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from desktop_app.config import resolve_database
from desktop_app.data.db import Database
from desktop_app.i18n import ensure_core_application
from desktop_app.services import auth, report
from desktop_app.services.database import open_database


def fill_requests(db: Database, rows: int) -> str:
    """`rows` requests spread over 2026 through Core bulk inserts (the requests area's table),
    a realistic mix of channels, types, answers, notices, late answers and open ones."""
    from desktop_app.data.models import CitizenRequest

    rng = random.Random(2026)
    table = CitizenRequest.__table__
    start = datetime(2025, 12, 31, 23, tzinfo=UTC)  # 1 January, local midnight
    step = timedelta(days=365) / rows
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
                "reference": f"2026-{i + 1:06d}", "received_at": received,
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


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    args = parser.parse_args()
    ensure_core_application()
    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(resolve_database(str(Path(tmp) / "bench.sqlite")))
        admin = auth.create_first_admin(db, "admin", "Bench", "correct horse battery").actor()
        print(fill_requests(db, args.rows))
        for lang in ("ar", "fr"):
            began = time.perf_counter()
            report.generate(db, admin, "2026", Path(tmp) / f"year-{lang}.xlsx", lang)
            print(f"year report ({lang}): {time.perf_counter() - began:.2f} s")
        db.dispose()


if __name__ == "__main__":
    main()
