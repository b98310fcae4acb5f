"""Phone lines (C8.1, C8.4, C2.4): publication, checks, faults, maintenance, peaks, forwarding.

Revision ID: 0002_lines
Revises: 0001_foundation
Create Date: 2026-11-24
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import sqlalchemy as sa
from alembic import op

from desktop_app.data.types import UtcDateTime

revision = "0002_lines"
down_revision = "0006_reports"
branch_labels = None
depends_on = None

# (name, factory): a Column belongs to one table, so each upgrade builds fresh ones.
_NEW_LINE_COLUMNS: tuple[tuple[str, Callable[[], sa.Column[Any]]], ...] = (
    ("extension", lambda: sa.Column("extension", sa.String(16), nullable=False, server_default="")),
    (
        "on_website",
        lambda: sa.Column("on_website", sa.Boolean(), nullable=False, server_default="0"),
    ),
    (
        "on_letters",
        lambda: sa.Column("on_letters", sa.Boolean(), nullable=False, server_default="0"),
    ),
    (
        "on_posters",
        lambda: sa.Column("on_posters", sa.Boolean(), nullable=False, server_default="0"),
    ),
    (
        "on_documents",
        lambda: sa.Column("on_documents", sa.Boolean(), nullable=False, server_default="0"),
    ),
    ("notes", lambda: sa.Column("notes", sa.Text(), nullable=False, server_default="")),
    ("last_checked_at", lambda: sa.Column("last_checked_at", UtcDateTime(), nullable=True)),
    ("last_check_result", lambda: sa.Column("last_check_result", sa.String(24), nullable=True)),
)


def upgrade() -> None:
    with op.batch_alter_table("phone_lines") as batch:
        for _name, make in _NEW_LINE_COLUMNS:
            batch.add_column(make())
    op.create_table(
        "line_checks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("line_id", sa.Integer(), nullable=False),
        sa.Column("at", UtcDateTime(), nullable=False),
        sa.Column("result", sa.String(24), nullable=False),
        sa.Column("working", sa.Boolean(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("source", sa.String(16), nullable=False),
        sa.Column("checked_by", sa.String(64), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["line_id"],
            ["phone_lines.id"],
            name=op.f("fk_line_checks_line_id_phone_lines"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_line_checks")),
    )
    op.create_index("ix_line_checks_line_id_at", "line_checks", ["line_id", "at"])
    op.create_index("ix_line_checks_at", "line_checks", ["at"])
    op.create_table(
        "line_faults",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("line_id", sa.Integer(), nullable=False),
        sa.Column("reported_at", UtcDateTime(), nullable=False),
        sa.Column("symptom", sa.Text(), nullable=False),
        sa.Column("ticket_ref", sa.String(64), nullable=False),
        sa.Column("reported_by", sa.String(64), nullable=False),
        sa.Column("repaired_at", UtcDateTime(), nullable=True),
        sa.Column("repair_notes", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["line_id"],
            ["phone_lines.id"],
            name=op.f("fk_line_faults_line_id_phone_lines"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_line_faults")),
    )
    op.create_index("ix_line_faults_line_id", "line_faults", ["line_id"])
    op.create_index("ix_line_faults_reported_at", "line_faults", ["reported_at"])
    op.create_index("ix_line_faults_repaired_at", "line_faults", ["repaired_at"])
    op.create_table(
        "line_maintenance",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("line_id", sa.Integer(), nullable=False),
        sa.Column("task", sa.String(200), nullable=False),
        sa.Column("interval_days", sa.Integer(), nullable=False),
        sa.Column("next_due", sa.Date(), nullable=False),
        sa.Column("last_done", sa.Date(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["line_id"],
            ["phone_lines.id"],
            name=op.f("fk_line_maintenance_line_id_phone_lines"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_line_maintenance")),
    )
    op.create_index("ix_line_maintenance_line_id", "line_maintenance", ["line_id"])
    op.create_index("ix_line_maintenance_next_due", "line_maintenance", ["next_due"])
    op.create_table(
        "line_reinforcements",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=False),
        sa.Column("hours", sa.String(64), nullable=False),
        sa.Column("extra_lines", sa.Integer(), nullable=False),
        sa.Column("extra_agents", sa.Integer(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_line_reinforcements")),
    )
    op.create_table(
        "line_forwardings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("line_id", sa.Integer(), nullable=False),
        sa.Column("agent_id", sa.Integer(), nullable=False),
        sa.Column("target_number", sa.String(32), nullable=False),
        sa.Column("starts_at", UtcDateTime(), nullable=False),
        sa.Column("ends_at", UtcDateTime(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_by", sa.String(64), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["line_id"],
            ["phone_lines.id"],
            name=op.f("fk_line_forwardings_line_id_phone_lines"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["agent_id"],
            ["agents.id"],
            name=op.f("fk_line_forwardings_agent_id_agents"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_line_forwardings")),
    )
    op.create_index("ix_line_forwardings_agent_id", "line_forwardings", ["agent_id"])
    op.create_index(
        "ix_line_forwardings_line_id_starts_at", "line_forwardings", ["line_id", "starts_at"]
    )


def downgrade() -> None:
    for table in (
        "line_forwardings",
        "line_reinforcements",
        "line_maintenance",
        "line_faults",
        "line_checks",
    ):
        op.drop_table(table)
    with op.batch_alter_table("phone_lines") as batch:
        for name, _make in reversed(_NEW_LINE_COLUMNS):
            batch.drop_column(name)
