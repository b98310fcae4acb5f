"""0009_i12b (C8.6): an existing database gains the list of particular categories of users."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from desktop_app.config import resolve_database
from desktop_app.data.models import Base
from desktop_app.data.schema import current_revision, head_revision
from desktop_app.services.database import open_database

STORED = Path(__file__).parent / "rev_0007_requests.sqlite"


def test_c8_6_upgrade_seeds_disability_elderly_and_keeps_other_for_past_data(
    tmp_path: Path,
) -> None:
    target = tmp_path / "old.sqlite"
    shutil.copy(STORED, target)
    with sqlite3.connect(target) as conn:
        conn.execute(
            "UPDATE requests SET category = 'other' WHERE id = (SELECT min(id) FROM requests)"
        )
    db = open_database(resolve_database(str(target)))
    try:
        assert current_revision(db.engine) == head_revision()
        with db.engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
        assert [d for d in diff if "user_categor" in repr(d)] == []
    finally:
        db.dispose()
    with sqlite3.connect(target) as conn:
        rows = conn.execute(
            "SELECT code, active, version FROM user_categories ORDER BY sort_order"
        ).fetchall()
        assert rows == [("disability", 1, 1), ("elderly", 1, 1), ("other", 0, 1)]
        assert conn.execute("SELECT count(*) FROM requests WHERE category = 'other'").fetchone()[0]
        columns = {r[1] for r in conn.execute("PRAGMA table_info(training_sessions)")}
        assert "user_category" in columns
