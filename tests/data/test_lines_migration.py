"""0002_lines adds columns to phone_lines: an old inventory survives the upgrade (C8.1)."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from desktop_app.config import resolve_database
from desktop_app.data.models import Base
from desktop_app.services.database import open_database

STORED = Path(__file__).parent.parent / "data" / "rev_0001_foundation.sqlite"
LINE_TABLES = {
    "phone_lines",
    "line_checks",
    "line_faults",
    "line_maintenance",
    "line_reinforcements",
    "line_forwardings",
}


def test_lines_of_a_0001_database_keep_their_values_after_the_upgrade(tmp_path: Path) -> None:
    target = tmp_path / "old.sqlite"
    shutil.copy(STORED, target)
    with sqlite3.connect(target) as conn:
        conn.execute(
            "INSERT INTO phone_lines (number, kind, label, department, status, created_at, "
            "version) VALUES ('+21671563500', 'switchboard', 'Standard', '', 'in_service', "
            "'2026-01-05 08:00:00.000000', 1)"
        )
    db = open_database(resolve_database(str(target)))
    try:
        with sqlite3.connect(target) as conn:
            row = conn.execute(
                "SELECT number, label, extension, on_website, notes, last_checked_at "
                "FROM phone_lines"
            ).fetchone()
        assert row == ("+21671563500", "Standard", "", 0, "", None)
        with db.engine.connect() as conn:
            diffs = compare_metadata(MigrationContext.configure(conn), Base.metadata)

        def table_of(diff: object) -> str:
            item = diff[0] if isinstance(diff, list) else diff
            for part in item[1:]:  # type: ignore[index]
                name = getattr(part, "name", None) if not isinstance(part, str) else part
                table = getattr(part, "table", None)
                if table is not None:
                    return str(table.name)
                if isinstance(name, str) and name in LINE_TABLES:
                    return name
            return ""

        ours = [d for d in diffs if table_of(d) in LINE_TABLES]
        assert ours == [], ours
    finally:
        db.dispose()
