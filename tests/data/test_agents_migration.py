"""0004_agents adds columns to the core agents table: existing agents survive the upgrade."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from desktop_app.data.db import make_engine
from desktop_app.data.schema import current_revision, upgrade_database


def test_agents_rows_survive_0004_and_gain_the_new_columns(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    engine = make_engine(f"sqlite:///{path}", sqlite_path=path)
    upgrade_database(engine, target="0001_foundation")
    engine.dispose()
    with sqlite3.connect(path) as conn:
        conn.execute(
            "INSERT INTO agents (name_ar, name_fr, staff_number, unit, extension, created_at,"
            " version) VALUES ('سامي', 'Sami', 'M-7', 'Accueil', '214', '2025-01-01 08:00:00', 1)"
        )
    engine = make_engine(f"sqlite:///{path}", sqlite_path=path)
    try:
        assert upgrade_database(engine)
        assert current_revision(engine) is not None
    finally:
        engine.dispose()
    with sqlite3.connect(path) as conn:
        row = conn.execute("SELECT name_fr, staff_number, post_id, notes FROM agents").fetchone()
        assert row == ("Sami", "M-7", None, "")
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        fks = conn.execute("PRAGMA foreign_key_list(agents)").fetchall()
        assert {fk[2] for fk in fks} == {"users", "reception_posts"}
