"""Requests register: every sortable column served by an index matching its ORDER BY.

The register sorts channel, type, status, category and agent by (column, received_at, id) and
pages by keyset, so each of these indexes gains `id`: PostgreSQL needs it to read a page in
order without sorting (SQLite appends the rowid anyway, but the declared shape is the same).

Revision ID: 0007_requests_sort
Revises: 0004_agents
Create Date: 2026-12-01
"""

from __future__ import annotations

from alembic import op

revision = "0007_requests_sort"
down_revision = "0004_agents"
branch_labels = None
depends_on = None

_COLUMNS = ("status", "channel", "type", "category", "agent_id")


def upgrade() -> None:
    for column in _COLUMNS:
        op.drop_index(f"ix_requests_{column}", table_name="requests")
        op.create_index(f"ix_requests_{column}", "requests", [column, "received_at", "id"])


def downgrade() -> None:
    for column in _COLUMNS:
        op.drop_index(f"ix_requests_{column}", table_name="requests")
        op.create_index(f"ix_requests_{column}", "requests", [column, "received_at"])
