"""0008_i16a: reference counters start past the stored references; audit rows get their chain."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from desktop_app.config import resolve_database
from desktop_app.data.audit_chain import SELECT_CHAIN, first_broken
from desktop_app.data.models import Base
from desktop_app.data.schema import current_revision, head_revision
from desktop_app.services.database import open_database

STORED = Path(__file__).parent / "rev_0007_requests.sqlite"


def test_issue16_a_0007_database_gets_counters_and_a_sound_audit_chain(tmp_path: Path) -> None:
    target = tmp_path / "old.sqlite"
    shutil.copy(STORED, target)
    with sqlite3.connect(target) as conn:
        conn.execute(
            "INSERT INTO requests (reference, received_at, channel, type, citizen, "
            "contact, subject, body, status, deadline_at, version, created_at) "
            "SELECT '2026-999999', received_at, channel, type, citizen, contact, "
            "'imported', body, status, deadline_at, 1, created_at FROM requests"
        )
        audit_rows = conn.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    db = open_database(resolve_database(str(target)))
    try:
        assert current_revision(db.engine) == head_revision()
        with db.engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
        assert [d for d in diff if "reference_counters" in repr(d) or "row_hash" in repr(d)] == []
    finally:
        db.dispose()
    with sqlite3.connect(target) as conn:
        assert conn.execute("SELECT year, last_number FROM reference_counters").fetchall() == [
            (2026, 999999)
        ]
        chain = conn.execute(SELECT_CHAIN).fetchall()
        assert len(chain) == audit_rows and first_broken(chain) is None
        triggers = {r[0] for r in conn.execute("SELECT name FROM sqlite_master "
                                                "WHERE type = 'trigger'")}  # fmt: skip
        assert {"audit_log_no_update", "audit_log_no_delete"} <= triggers
