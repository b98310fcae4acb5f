"""Times a year's evaluation report (C8.7), over 100 000 requests when a requests table exists.

uv run python benchmarks/report_speed.py [--rows 100000]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import inspect

from desktop_app.config import resolve_database
from desktop_app.i18n import ensure_core_application
from desktop_app.services import auth, report
from desktop_app.services.database import open_database


def fill_requests(db: object, rows: int) -> str:
    """Bulk rows for the requests area's table, if that area is merged; else say so."""
    engine = db.engine  # type: ignore[attr-defined]
    if "requests" not in inspect(engine).get_table_names():
        return "no requests table in this build: the report is timed without requests"
    from sqlalchemy import MetaData, Table

    table = Table("requests", MetaData(), autoload_with=engine)
    required = [c for c in table.columns if not c.nullable and c.default is None
                and not c.primary_key]  # fmt: skip
    start = datetime(2026, 1, 1, 8, tzinfo=UTC)
    sample = {"received_at": start}
    missing = [c.name for c in required if c.name not in sample]
    if missing:
        return f"requests table needs {missing}: fill it with the requests area's demo step"
    with engine.begin() as conn:
        conn.execute(table.insert(), [
            {"received_at": start + timedelta(minutes=5 * i)} for i in range(rows)
        ])  # fmt: skip
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
