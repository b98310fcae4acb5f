"""C8.6: the particular categories of users become a list the body keeps (user_categories).

The circular names no category (it points to circular 18/2019): the table is seeded with people
with disabilities and the elderly, and "other" is kept, inactive, for the requests that already
carry it. Training sessions may name the category they prepared agents to serve.

Revision ID: 0009_i12b
Revises: 0008_i12
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009_i12b"
down_revision = "0008_i11"
branch_labels = None
depends_on = None

# code, Arabic, French, active, sort order (CONTRACTS §2 codes).
SEED = (
    ("disability", "ذوو الإعاقة", "Personnes handicapées", True, 1),
    ("elderly", "كبار السن", "Personnes âgées", True, 2),
    ("other", "فئة خاصة أخرى", "Autre catégorie particulière", False, 3),
)


def upgrade() -> None:
    table = op.create_table(
        "user_categories",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("code", sa.String(length=16), nullable=False, unique=True),
        sa.Column("name_ar", sa.String(length=200), nullable=False),
        sa.Column("name_fr", sa.String(length=200), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
    )
    op.bulk_insert(
        table,
        [
            {"code": c, "name_ar": ar, "name_fr": fr, "active": on, "sort_order": n, "version": 1}
            for c, ar, fr, on, n in SEED
        ],
    )
    with op.batch_alter_table("training_sessions") as batch:
        batch.add_column(sa.Column("user_category", sa.String(length=16), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("training_sessions") as batch:
        batch.drop_column("user_category")
    op.drop_table("user_categories")
