"""Migrations: stored databases of every released revision upgrade; newer ones are refused."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import inspect

from desktop_app.config import resolve_database
from desktop_app.data.schema import current_revision, head_revision
from desktop_app.services.database import open_database
from desktop_app.services.errors import UserError

STORED = sorted((Path(__file__).parent.parent / "data").glob("rev_*.sqlite"))


def test_a_stored_database_exists_for_the_first_revision() -> None:
    assert any(p.name.startswith("rev_0001") for p in STORED)


@pytest.mark.parametrize("stored", STORED, ids=[p.stem for p in STORED])
def test_stored_database_upgrades_to_head_after_a_backup(stored: Path, tmp_path: Path) -> None:
    target = tmp_path / "old.sqlite"
    shutil.copy(stored, target)
    location = resolve_database(str(target))
    db = open_database(location)
    try:
        assert current_revision(db.engine) == head_revision()
        assert "audit_log" in inspect(db.engine).get_table_names()
        with sqlite3.connect(target) as conn:
            assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
            users = conn.execute("SELECT username FROM users").fetchall()
        assert users, "the stored database's rows survive the upgrade"
    finally:
        db.dispose()
    if current_revision_of(stored) != head_revision():
        assert list((tmp_path / "backups").glob("istiqbal-before-upgrade-*.sqlite"))


def current_revision_of(path: Path) -> str:
    with sqlite3.connect(path) as conn:
        return str(conn.execute("SELECT version_num FROM alembic_version").fetchone()[0])


def test_a_database_from_a_newer_version_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite"
    location = resolve_database(str(path))
    open_database(location).dispose()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    before = path.read_bytes()
    with pytest.raises(UserError, match="newer version"):
        open_database(location)
    assert path.read_bytes() == before


def test_audit_log_refuses_update_and_delete(tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite"
    open_database(resolve_database(str(path))).dispose()
    with sqlite3.connect(path) as conn:
        conn.execute("INSERT INTO audit_log (at, username, action, entity, entity_id) "
                     "VALUES ('2026-01-01 00:00:00', 'x', 'create', 'user', '1')")  # fmt: skip
        conn.commit()
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            conn.execute("UPDATE audit_log SET action = 'forged'")
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            conn.execute("DELETE FROM audit_log")


def test_a_damaged_file_gets_one_clear_sentence(tmp_path: Path) -> None:
    path = tmp_path / "broken.sqlite"
    path.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(UserError, match="damaged"):
        open_database(resolve_database(str(path)))


def test_the_fast_revision_reader_agrees_with_alembic() -> None:
    from alembic.script import ScriptDirectory

    from desktop_app.data.schema import alembic_config, known_revisions

    script = ScriptDirectory.from_config(alembic_config())
    assert head_revision() == script.get_current_head()
    assert known_revisions() == {s.revision for s in script.walk_revisions()}
