"""0008_i16b: users of a 0007 database gain rights_version = 1, so sessions opened after the upgrade
are valid and the first change of rights invalidates them (issue 16 point 2)."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from desktop_app.config import resolve_database
from desktop_app.data.schema import current_revision, head_revision
from desktop_app.services import auth, dashboard
from desktop_app.services.database import open_database
from desktop_app.services.permissions import system_actor

STORED = Path(__file__).parent / "rev_0007_requests.sqlite"


def test_issue16_2_users_of_a_0007_database_get_rights_version_1(tmp_path: Path) -> None:
    target = tmp_path / "old.sqlite"
    shutil.copy(STORED, target)
    with sqlite3.connect(target) as conn:
        users = conn.execute("SELECT id, username, role FROM users ORDER BY id").fetchall()
    assert users
    db = open_database(resolve_database(str(target)))
    try:
        assert current_revision(db.engine) == head_revision()
        with sqlite3.connect(target) as conn:
            rows = conn.execute("SELECT id, username, role, rights_version FROM users ORDER BY id")
            assert [r[:3] for r in rows] == users
            assert {r[0] for r in conn.execute("SELECT rights_version FROM users")} == {1}
        admin = next(u for u in auth.list_users(db, system_actor()) if u.role == "admin")
        dashboard.dashboard(db, admin.actor())  # valid right after the upgrade
    finally:
        db.dispose()
