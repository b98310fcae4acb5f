"""0007_requests_sort: a register of the previous release keeps its rows and gains the indexes
that serve every sort of the register (C2.1, C2.3 at scale)."""

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

STORED = Path(__file__).parent.parent / "data" / "rev_0004_agents.sqlite"


def index_columns(conn: sqlite3.Connection, name: str) -> list[str | None]:
    """Key columns of an index (not the implicit rowid SQLite appends)."""
    rows = conn.execute(f"PRAGMA index_xinfo({name})").fetchall()
    return [r[2] for r in rows if r[5]]  # r[5]: key column (not the implicit rowid)


def test_requests_of_a_0004_database_survive_0007_and_get_the_sort_indexes(
    tmp_path: Path,
) -> None:
    target = tmp_path / "old.sqlite"
    shutil.copy(STORED, target)
    with sqlite3.connect(target) as conn:
        before = conn.execute("SELECT id, reference, category, agent_id FROM requests").fetchall()
        assert index_columns(conn, "ix_requests_status") == ["status", "received_at"]
    db = open_database(resolve_database(str(target)))
    try:
        assert current_revision(db.engine) == head_revision()  # 0007 and any later one
        with sqlite3.connect(target) as conn:
            after = conn.execute("SELECT id, reference, category, agent_id FROM requests")
            assert after.fetchall() == before
            for column in ("status", "channel", "type", "category", "agent_id"):
                assert index_columns(conn, f"ix_requests_{column}") == [
                    column,
                    "received_at",
                    "id",
                ]
        with db.engine.connect() as conn:
            diffs = compare_metadata(MigrationContext.configure(conn), Base.metadata)
        ours = [d for d in diffs if "ix_requests" in repr(d)]
        assert ours == [], ours
    finally:
        db.dispose()
