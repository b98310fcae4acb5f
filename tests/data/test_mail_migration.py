"""0008_i11: a database of the previous release gains the e-mail channel's tables (C2.1) and keeps
its requests, whose full-text search still works."""

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
TABLES = {"mailboxes", "mail_messages", "mail_attachments", "mail_fetch_states", "mail_sendings",
          "mail_probes"}  # fmt: skip


def test_a_0007_database_upgrades_with_the_mail_tables_and_keeps_its_requests(
    tmp_path: Path,
) -> None:
    target = tmp_path / "old.sqlite"
    shutil.copy(STORED, target)
    with sqlite3.connect(target) as conn:
        before = conn.execute("SELECT id, reference FROM requests ORDER BY id").fetchall()
    db = open_database(resolve_database(str(target)))
    try:
        assert current_revision(db.engine) == head_revision()
        with db.engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": True})
            diffs = compare_metadata(context, Base.metadata)
        assert [d for d in diffs if "mail" in repr(d)] == []  # the models match 0008_i11
    finally:
        db.dispose()
    with sqlite3.connect(target) as conn:
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert names >= TABLES
        assert {"requests_fts_config", "requests_fts_idx", "requests_fts_docsize"} <= names
        assert conn.execute("SELECT id, reference FROM requests ORDER BY id").fetchall() == before
        conn.execute("SELECT count(*) FROM requests_fts WHERE requests_fts MATCH 'x'").fetchall()
        columns = {r[1] for r in conn.execute("PRAGMA table_info(mail_fetch_states)")}
        assert {"uidvalidity", "last_uid", "folder", "mailbox_id"} <= columns
