"""Online services catalogue, its link checks, and website audits (C2.2, C2.4, C8.1, C2.1).

Self-contained: three new tables, nothing else touched.

Revision ID: 0008_i13
Revises: 0007_requests_sort
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from desktop_app.data.types import UtcDateTime

revision = "0008_i13"
down_revision = "0007_requests_sort"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "online_services",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name_ar", sa.String(300), nullable=False),
        sa.Column("name_fr", sa.String(300), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("audience", sa.Text(), nullable=False),
        sa.Column("requirements", sa.Text(), nullable=False),
        sa.Column("url", sa.String(2000), nullable=False),
        sa.Column("unit", sa.String(200), nullable=False),
        sa.Column("on_website", sa.Boolean(), nullable=False),
        sa.Column("on_portal", sa.Boolean(), nullable=False),
        sa.Column("accessibility", sa.Text(), nullable=False),
        sa.Column("reviewed_on", sa.Date(), nullable=True),
        sa.Column("reviewed_by", sa.String(200), nullable=False),
        sa.Column("withdrawn_at", UtcDateTime(), nullable=True),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("last_checked_at", UtcDateTime(), nullable=True),
        sa.Column("last_check_ok", sa.Boolean(), nullable=True),
        sa.Column("clicks_from_home", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_online_services")),
    )
    op.create_table(
        "service_link_checks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("service_id", sa.Integer(), nullable=False),
        sa.Column("at", UtcDateTime(), nullable=False),
        sa.Column("url", sa.String(2000), nullable=False),
        sa.Column("ok", sa.Boolean(), nullable=False),
        sa.Column("status", sa.Integer(), nullable=True),
        sa.Column("final_url", sa.String(2000), nullable=False),
        sa.Column("redirects", sa.Text(), nullable=False),
        sa.Column("elapsed_ms", sa.Integer(), nullable=True),
        sa.Column("problem", sa.String(32), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("checked_by", sa.String(64), nullable=False),
        sa.ForeignKeyConstraint(
            ["service_id"], ["online_services.id"],
            name=op.f("fk_service_link_checks_service_id_online_services"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_service_link_checks")),
    )  # fmt: skip
    op.create_index(
        "ix_service_link_checks_service_id_at", "service_link_checks", ["service_id", "at"]
    )
    op.create_table(
        "website_audits",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", UtcDateTime(), nullable=False),
        sa.Column("url", sa.String(2000), nullable=False),
        sa.Column("ok", sa.Boolean(), nullable=False),
        sa.Column("pages", sa.Integer(), nullable=False),
        sa.Column("error", sa.Text(), nullable=False),
        sa.Column("result_json", sa.Text(), nullable=False),
        sa.Column("audited_by", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_website_audits")),
    )
    op.create_index("ix_website_audits_at", "website_audits", ["at"])


def downgrade() -> None:
    op.drop_index("ix_website_audits_at", table_name="website_audits")
    op.drop_table("website_audits")
    op.drop_index("ix_service_link_checks_service_id_at", table_name="service_link_checks")
    op.drop_table("service_link_checks")
    op.drop_table("online_services")
