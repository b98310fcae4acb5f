"""Bring a database to the current schema: back up first, refuse a newer one, check links after."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


class NewerSchemaError(Exception):
    """The database was written by a newer Istiqbal; touching it could lose data."""

    def __init__(self, revision: str) -> None:
        super().__init__(revision)
        self.revision = revision


class ForeignKeyViolation(Exception):
    """A migration left rows pointing at nothing; it was rolled back."""


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def known_revisions() -> set[str]:
    return {s.revision for s in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def needs_upgrade(engine: Engine) -> bool:
    current = current_revision(engine)
    if current is not None and current not in known_revisions():
        raise NewerSchemaError(current)
    return current != head_revision()


def has_user_tables(engine: Engine) -> bool:
    return bool(set(inspect(engine).get_table_names()) - {"alembic_version"})


def upgrade_database(
    engine: Engine,
    *,
    target: str = "head",
    before_upgrade: Callable[[], object] | None = None,
) -> bool:
    """Upgrade to `target`; returns True when something ran. `before_upgrade` takes the backup."""
    if target == "head" and not needs_upgrade(engine):
        return False
    if before_upgrade is not None and has_user_tables(engine):
        before_upgrade()
    cfg = alembic_config()
    sqlite = engine.dialect.name == "sqlite"
    with engine.connect() as conn:
        if sqlite:
            # Foreign keys off for batch table copies; the pragma only works outside a transaction.
            conn.execution_options(istiqbal_begin=None)
            conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
            conn.commit()
            conn.execution_options(istiqbal_begin="IMMEDIATE")
        cfg.attributes["connection"] = conn
        try:
            conn.begin()  # one transaction for every revision: all of them or none
            command.upgrade(cfg, target)
            if sqlite:
                problems = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if problems:
                    conn.rollback()
                    raise ForeignKeyViolation(repr(problems[:5]))
            conn.commit()
        finally:
            if sqlite:
                conn.invalidate()  # never hand a foreign_keys=OFF connection back to the pool
    return True
