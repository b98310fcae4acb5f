"""Agents area (C8.3, C8.5, C8.6): posts and equipment, lines answered, training, guides, updates.

Adds two columns to the core `agents` table (post_id, notes) and creates the area's tables.

Revision ID: 0004_agents
Revises: 0001_foundation
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from desktop_app.data.types import UtcDateTime

revision = "0004_agents"
down_revision = "0002_lines"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "reception_posts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("place", sa.String(200), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reception_posts")),
        sa.UniqueConstraint("name", name=op.f("uq_reception_posts_name")),
    )
    with op.batch_alter_table("agents") as batch:
        batch.add_column(sa.Column("post_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("notes", sa.Text(), nullable=False, server_default=""))
        batch.create_foreign_key(
            op.f("fk_agents_post_id_reception_posts"),
            "reception_posts",
            ["post_id"],
            ["id"],
            ondelete="SET NULL",
        )
    op.create_table(
        "agent_lines",
        sa.Column("agent_id", sa.Integer(), nullable=False),
        sa.Column("line_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agent_id"],
            ["agents.id"],
            name=op.f("fk_agent_lines_agent_id_agents"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["line_id"],
            ["phone_lines.id"],
            name=op.f("fk_agent_lines_line_id_phone_lines"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("agent_id", "line_id", name=op.f("pk_agent_lines")),
    )
    op.create_table(
        "training_sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(300), nullable=False),
        sa.Column("topic", sa.String(32), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("duration_hours", sa.Float(), nullable=False),
        sa.Column("trainer", sa.String(200), nullable=False),
        sa.Column("remote", sa.Boolean(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("material_name", sa.String(255), nullable=True),
        sa.Column("material_size", sa.Integer(), nullable=True),
        sa.Column("material_sha256", sa.String(64), nullable=True),
        sa.Column("material_blob", sa.LargeBinary(), nullable=True),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_training_sessions")),
    )
    op.create_index(op.f("ix_training_sessions_topic"), "training_sessions", ["topic"])
    op.create_index(op.f("ix_training_sessions_held_on"), "training_sessions", ["held_on"])
    op.create_table(
        "training_attendances",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("agent_id", sa.Integer(), nullable=False),
        sa.Column("attended", sa.Boolean(), nullable=False),
        sa.Column("score", sa.Float(), nullable=True),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["training_sessions.id"],
            name=op.f("fk_training_attendances_session_id_training_sessions"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["agent_id"],
            ["agents.id"],
            name=op.f("fk_training_attendances_agent_id_agents"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_training_attendances")),
        sa.UniqueConstraint(
            "session_id", "agent_id", name=op.f("uq_training_attendances_session_id")
        ),
    )
    op.create_index(
        op.f("ix_training_attendances_session_id"), "training_attendances", ["session_id"]
    )
    op.create_index(op.f("ix_training_attendances_agent_id"), "training_attendances", ["agent_id"])
    op.create_table(
        "training_rules",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("topic", sa.String(32), nullable=True),
        sa.Column("interval_months", sa.Integer(), nullable=True),
        sa.Column("first_within_months", sa.Integer(), nullable=False),
        sa.Column("effective_from", sa.Date(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_training_rules")),
    )
    op.create_table(
        "guides",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(300), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("topic", sa.String(32), nullable=False),
        sa.Column("doc_version", sa.String(32), nullable=False),
        sa.Column("reviewed_on", sa.Date(), nullable=False),
        sa.Column("next_review_on", sa.Date(), nullable=False),
        sa.Column("file_name", sa.String(255), nullable=True),
        sa.Column("file_size", sa.Integer(), nullable=True),
        sa.Column("file_sha256", sa.String(64), nullable=True),
        sa.Column("file_blob", sa.LargeBinary(), nullable=True),
        sa.Column("retired", sa.Boolean(), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_guides")),
    )
    op.create_index(op.f("ix_guides_next_review_on"), "guides", ["next_review_on"])
    op.create_table(
        "guide_acknowledgements",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("guide_id", sa.Integer(), nullable=False),
        sa.Column("agent_id", sa.Integer(), nullable=False),
        sa.Column("doc_version", sa.String(32), nullable=False),
        sa.Column("acknowledged_at", UtcDateTime(), nullable=False),
        sa.Column("recorded_by", sa.String(64), nullable=False),
        sa.ForeignKeyConstraint(
            ["guide_id"],
            ["guides.id"],
            name=op.f("fk_guide_acknowledgements_guide_id_guides"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["agent_id"],
            ["agents.id"],
            name=op.f("fk_guide_acknowledgements_agent_id_agents"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_guide_acknowledgements")),
        sa.UniqueConstraint(
            "guide_id", "agent_id", "doc_version", name=op.f("uq_guide_acknowledgements_guide_id")
        ),
    )
    op.create_index(
        op.f("ix_guide_acknowledgements_guide_id"), "guide_acknowledgements", ["guide_id"]
    )
    op.create_index(
        op.f("ix_guide_acknowledgements_agent_id"), "guide_acknowledgements", ["agent_id"]
    )
    op.create_table(
        "legal_updates",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("reference", sa.String(200), nullable=False),
        sa.Column("published_on", sa.Date(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_legal_updates")),
    )
    op.create_index(op.f("ix_legal_updates_published_on"), "legal_updates", ["published_on"])
    op.create_table(
        "legal_update_notices",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("update_id", sa.Integer(), nullable=False),
        sa.Column("agent_id", sa.Integer(), nullable=False),
        sa.Column("informed_on", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(
            ["update_id"],
            ["legal_updates.id"],
            name=op.f("fk_legal_update_notices_update_id_legal_updates"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["agent_id"],
            ["agents.id"],
            name=op.f("fk_legal_update_notices_agent_id_agents"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_legal_update_notices")),
        sa.UniqueConstraint(
            "update_id", "agent_id", name=op.f("uq_legal_update_notices_update_id")
        ),
    )
    op.create_index(
        op.f("ix_legal_update_notices_update_id"), "legal_update_notices", ["update_id"]
    )
    op.create_index(op.f("ix_legal_update_notices_agent_id"), "legal_update_notices", ["agent_id"])
    op.create_table(
        "post_equipment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("post_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("condition", sa.String(16), nullable=False),
        sa.Column("note", sa.String(300), nullable=False),
        sa.Column("checked_on", sa.Date(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["post_id"],
            ["reception_posts.id"],
            name=op.f("fk_post_equipment_post_id_reception_posts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_post_equipment")),
        sa.UniqueConstraint("post_id", "kind", name=op.f("uq_post_equipment_post_id")),
    )
    op.create_index(op.f("ix_post_equipment_post_id"), "post_equipment", ["post_id"])
    op.create_table(
        "recognitions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agent_id", sa.Integer(), nullable=False),
        sa.Column("period", sa.String(32), nullable=False),
        sa.Column("award", sa.String(200), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("awarded_on", sa.Date(), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agent_id"],
            ["agents.id"],
            name=op.f("fk_recognitions_agent_id_agents"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_recognitions")),
    )
    op.create_index(op.f("ix_recognitions_agent_id"), "recognitions", ["agent_id"])


def downgrade() -> None:
    for table in (
        "recognitions",
        "post_equipment",
        "legal_update_notices",
        "legal_updates",
        "guide_acknowledgements",
        "guides",
        "training_rules",
        "training_attendances",
        "training_sessions",
        "agent_lines",
    ):
        op.drop_table(table)
    with op.batch_alter_table("agents") as batch:
        batch.drop_constraint(op.f("fk_agents_post_id_reception_posts"), type_="foreignkey")
        batch.drop_column("notes")
        batch.drop_column("post_id")
    op.drop_table("reception_posts")
