"""The same schema and rules on PostgreSQL, for PCs sharing one server (skipped without one)."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import DBAPIError

from desktop_app.config import resolve_database
from desktop_app.data.db import Database
from desktop_app.data.schema import current_revision, head_revision
from desktop_app.services import auth, settings
from desktop_app.services.database import open_database

URL = os.environ.get("ISTIQBAL_TEST_POSTGRES_URL", "")
pytestmark = [
    pytest.mark.postgresql,
    pytest.mark.skipif(not URL, reason="set ISTIQBAL_TEST_POSTGRES_URL to a scratch database"),
]


@pytest.fixture
def pg() -> Iterator[Database]:
    scratch = create_engine(URL)
    with scratch.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    scratch.dispose()
    db = open_database(resolve_database(URL))
    yield db
    db.dispose()


def test_schema_migrates_to_head_on_postgresql(pg: Database) -> None:
    assert current_revision(pg.engine) == head_revision()


def test_users_settings_and_audit_work_on_postgresql(pg: Database) -> None:
    admin = auth.create_first_admin(pg, "admin", "Admin", "correct horse battery").actor()
    settings.update(pg, admin, {"deadline_hours": 24})
    assert settings.get(pg, "deadline_hours") == 24
    assert auth.login(pg, "admin", "correct horse battery").username == "admin"


def test_audit_log_is_append_only_on_postgresql(pg: Database) -> None:
    admin = auth.create_first_admin(pg, "admin", "Admin", "correct horse battery").actor()
    settings.update(pg, admin, {"deadline_hours": 24})
    with pytest.raises(DBAPIError, match="append-only"), pg.engine.begin() as conn:
        conn.execute(text("UPDATE audit_log SET action = 'forged'"))
    with pytest.raises(DBAPIError, match="append-only"), pg.engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_log"))
