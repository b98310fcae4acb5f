"""Reports: the history of generated periodic evaluation workbooks (C8.7).

Revision ID: 0006_reports
Revises: 0001_foundation
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from desktop_app.data.types import UtcDateTime

revision = "0006_reports"
down_revision = "0005_calls"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "report_runs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("username", sa.String(64), nullable=False),
        sa.Column("full_name", sa.String(200), nullable=False),
        sa.Column("period_text", sa.String(32), nullable=False),
        sa.Column("period_from", sa.Date(), nullable=False),
        sa.Column("period_to", sa.Date(), nullable=False),
        sa.Column("lang", sa.String(2), nullable=False),
        sa.Column("file_name", sa.String(1000), nullable=False),
        sa.Column("kpis_json", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_report_runs")),
    )
    op.create_index("ix_report_runs_created_at", "report_runs", ["created_at"])


def downgrade() -> None:
    op.drop_index("ix_report_runs_created_at", table_name="report_runs")
    op.drop_table("report_runs")
