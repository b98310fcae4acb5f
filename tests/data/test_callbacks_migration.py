"""0008_i17: a 0007 database keeps its call records, each gaining the caller's number in E.164,
and gets the call-backs table (C2.4)."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from desktop_app.config import resolve_database
from desktop_app.data.models import Base
from desktop_app.services.database import open_database

STORED = Path(__file__).parent.parent / "data" / "rev_0007_requests.sqlite"


def test_call_records_of_a_0007_database_get_their_party(tmp_path: Path) -> None:
    target = tmp_path / "old.sqlite"
    shutil.copy(STORED, target)
    with sqlite3.connect(target) as conn:
        for i, (src, dst, direction) in enumerate(
            (
                ("0021650987654", "71563500", "inbound"),
                ("201", "050987654", "outgoing"),
                ("anonymous", "71563500", "inbound"),
            )
        ):
            conn.execute(
                "INSERT INTO call_records (natural_key, start, duration, billsec, disposition,"
                " src, dst, dst_national, dcontext, channel, dstchannel, direction, answered,"
                " imported_at) VALUES (?, '2026-01-12 09:00:00.000000', 0, 0, 'NO ANSWER', ?, ?,"
                " '', '', '', '', ?, 0, '2026-01-12 09:00:00.000000')",
                (f"k{i}", src, dst, direction),
            )
    db = open_database(resolve_database(str(target)))
    try:
        with sqlite3.connect(target) as conn:
            parties = [r[0] for r in conn.execute("SELECT party FROM call_records ORDER BY id")]
            assert parties[-3:] == ["+21650987654", "+21650987654", ""]
            assert conn.execute("SELECT count(*) FROM call_backs").fetchone() == (0,)
        with db.engine.connect() as conn:
            diffs = compare_metadata(MigrationContext.configure(conn), Base.metadata)
        ours = [d for d in diffs if "call_back" in repr(d) or "party" in repr(d)]
        assert ours == [], ours
    finally:
        db.dispose()
