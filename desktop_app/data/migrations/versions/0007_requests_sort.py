"""Requests register: every sortable column served by an index matching its ORDER BY.

The register sorts channel, type, status, category and agent by (column, received_at, id) and
pages by keyset, so each of these indexes gains `id`: PostgreSQL needs it to read a page in
order without sorting (SQLite appends the rowid anyway, but the declared shape is the same).

On PostgreSQL only, where the pg_trgm extension can be had, trigram GIN indexes on subject, body
and citizen serve the register's word search (ILIKE '%word%' per word) without reading the
whole table; SQLite has its FTS5 table (0003_requests). Without the extension the search still
works, by a scan.

Revision ID: 0007_requests_sort
Revises: 0004_agents
Create Date: 2026-12-01
"""

from __future__ import annotations

from alembic import op
from sqlalchemy.exc import DBAPIError

revision = "0007_requests_sort"
down_revision = "0004_agents"
branch_labels = None
depends_on = None

_COLUMNS = ("status", "channel", "type", "category", "agent_id")
_SEARCHED = ("subject", "body", "citizen")


def upgrade() -> None:
    for column in _COLUMNS:
        op.drop_index(f"ix_requests_{column}", table_name="requests")
        op.create_index(f"ix_requests_{column}", "requests", [column, "received_at", "id"])
    if op.get_bind().dialect.name == "postgresql":
        _trigram_indexes()


def _trigram_indexes() -> None:
    bind = op.get_bind()
    available = bind.exec_driver_sql(
        "SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'"
    ).scalar()
    if not available:
        return
    try:
        with bind.begin_nested():  # a role that may not create extensions keeps the upgrade
            bind.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    except DBAPIError:
        return
    for column in _SEARCHED:
        op.execute(
            f"CREATE INDEX IF NOT EXISTS ix_requests_{column}_trgm ON requests "
            f"USING gin ({column} gin_trgm_ops)"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for column in _SEARCHED:
            op.execute(f"DROP INDEX IF EXISTS ix_requests_{column}_trgm")
    for column in _COLUMNS:
        op.drop_index(f"ix_requests_{column}", table_name="requests")
        op.create_index(f"ix_requests_{column}", "requests", [column, "received_at"])
