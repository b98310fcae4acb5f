"""Bring a database to the current schema: back up first, refuse a newer one, check links after."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


class NewerSchemaError(Exception):
    """The database was written by a newer Istiqbal; touching it could lose data."""

    def __init__(self, revision: str) -> None:
        super().__init__(revision)
        self.revision = revision


class ForeignDatabaseError(Exception):
    """The database holds tables but no alembic_version: another program's, not Istiqbal's."""


class ForeignKeyViolation(Exception):
    """A migration left rows pointing at nothing; it was rolled back."""


def alembic_config() -> Config:
    from alembic.config import Config  # lazily: Alembic costs ~0.3 s of start-up

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


_REVISION = re.compile(r"^revision\s*=\s*[\"']([^\"']+)[\"']", re.MULTILINE)
_DOWN = re.compile(r"^down_revision\s*=\s*[\"']([^\"']+)[\"']", re.MULTILINE)


@cache
def _revision_graph() -> dict[str, str | None]:
    """revision → down_revision, read from the files without importing Alembic (start-up time).

    tests/data/test_migrations.py checks this agrees with Alembic's own view.
    """
    graph: dict[str, str | None] = {}
    for path in (MIGRATIONS_DIR / "versions").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        rev = _REVISION.search(source)
        if rev:
            down = _DOWN.search(source)
            graph[rev[1]] = down[1] if down else None
    return graph


def head_revision() -> str:
    graph = _revision_graph()
    heads = set(graph) - {d for d in graph.values() if d}
    if len(heads) != 1:
        raise RuntimeError(f"migrations must form one line, heads: {sorted(heads)}")
    return heads.pop()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if "alembic_version" not in inspect(conn).get_table_names():
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def known_revisions() -> set[str]:
    return set(_revision_graph())


def needs_upgrade(engine: Engine) -> bool:
    current = current_revision(engine)
    if current is not None and current not in known_revisions():
        raise NewerSchemaError(current)
    return current != head_revision()


def has_user_tables(engine: Engine) -> bool:
    return bool(set(inspect(engine).get_table_names()) - {"alembic_version"})


def schema_state(engine: Engine) -> str:
    """ "empty", "current", "needs_upgrade", "newer" or "foreign" — without changing anything."""
    current = current_revision(engine)
    if current is None:
        return "foreign" if has_user_tables(engine) else "empty"
    if current not in known_revisions():
        return "newer"
    return "current" if current == head_revision() else "needs_upgrade"


def upgrade_database(
    engine: Engine,
    *,
    target: str = "head",
    before_upgrade: Callable[[], object] | None = None,
) -> bool:
    """Upgrade to `target`; returns True when something ran. `before_upgrade` takes the backup."""
    if current_revision(engine) is None and has_user_tables(engine):
        raise ForeignDatabaseError(engine.url.render_as_string(hide_password=True))
    if target == "head" and not needs_upgrade(engine):
        return False
    if before_upgrade is not None and has_user_tables(engine):
        before_upgrade()
    from alembic import command

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


# Triggers every current database holds: the audit trail's append-only guards and the requests'
# full-text index upkeep (SQLite; PostgreSQL checks itself).
EXPECTED_SQLITE_TRIGGERS = (
    "audit_log_no_update",
    "audit_log_no_delete",
    "requests_fts_insert",
    "requests_fts_delete",
    "requests_fts_update",
)


def structure_problems(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    """What a current database lacks or holds wrongly, as (kind, name) pairs, read-only.

    Kinds: "trigger", "table", "index" (missing by name, against the models of this revision)
    and "audit_chain" (the id of the first audit row whose hash does not follow, issue 16).
    """
    from desktop_app.data.audit_chain import SELECT_CHAIN, first_broken
    from desktop_app.data.models import Base

    found: dict[str, set[str]] = {"table": set(), "index": set(), "trigger": set()}
    for kind, name in conn.execute("SELECT type, name FROM sqlite_master"):
        found.setdefault(kind, set()).add(name)
    problems: list[tuple[str, str]] = []
    problems += [("trigger", t) for t in EXPECTED_SQLITE_TRIGGERS if t not in found["trigger"]]
    for table in Base.metadata.sorted_tables:
        if table.name not in found["table"]:
            problems.append(("table", table.name))
            continue
        problems += [
            ("index", str(ix.name))
            for ix in sorted(table.indexes, key=lambda i: str(i.name))
            if ix.name and ix.name not in found["index"]
        ]
    if "audit_log" in found["table"]:
        broken = first_broken(conn.execute(SELECT_CHAIN))
        if broken is not None:
            problems.append(("audit_chain", str(broken)))
    return problems
