"""Users gain rights_version: a session opened before a change of role, a deactivation or a
password reset is refused at its next service call (issue 16 point 2). local_secrets holds the
per-database key of the right-of-access audit's HMAC (issue 16 point 6), never exported.

Revision ID: 0008_i16b
Revises: 0007_requests_sort
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from desktop_app.data.types import UtcDateTime

revision = "0008_i16b"
down_revision = "0008_i16a"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.add_column(
            sa.Column("rights_version", sa.Integer(), nullable=False, server_default="1")
        )
    op.create_table(
        "local_secrets",
        sa.Column("name", sa.String(64), primary_key=True),
        sa.Column("value", sa.String(128), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("local_secrets")
    with op.batch_alter_table("users") as batch:
        batch.drop_column("rights_version")
