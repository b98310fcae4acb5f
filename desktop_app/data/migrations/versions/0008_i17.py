"""Call-backs (C2.4, C8.2): the citizen's number on each call record, and manual call-backs.

`call_records.party` holds the caller's (inbound) or callee's (outgoing) number in E.164, so the
list of callers to call back finds a later call to or from the same number through an index
instead of normalising every record; existing records get it here (services/callbacks.py's
numbering rules), and any row written without it is filled by the application on first use.
`call_backs` keeps the call-backs made outside the PBX (an agent's mobile).

Revision ID: 0008_i17
Revises: 0007_requests_sort
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from desktop_app.data.types import UtcDateTime

revision = "0008_i17"
down_revision = "0008_i16b"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("call_records") as batch:
        batch.add_column(sa.Column("party", sa.String(length=20), nullable=True))
    # Covering indexes: the list opens in well under 200 ms over a year of 250 000 calls.
    op.create_index("ix_call_records_missed", "call_records",
                    ["direction", "answered", "start", "party", "line_id"])  # fmt: skip
    op.create_index("ix_call_records_party_start", "call_records",
                    ["party", "start", "answered", "direction"])  # fmt: skip
    # Existing rows' `party` is filled by services/database.py right after the upgrade: the
    # rule (services/callbacks.party_of) belongs to the services, which a migration never imports.
    op.create_table(
        "call_backs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("party", sa.String(length=20), nullable=False),
        sa.Column("at", UtcDateTime(), nullable=False),
        sa.Column("outcome", sa.String(length=16), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_call_backs_user_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_call_backs")),
    )
    op.create_index("ix_call_backs_party_at", "call_backs", ["party", "at"])


def downgrade() -> None:
    op.drop_index("ix_call_backs_party_at", table_name="call_backs")
    op.drop_table("call_backs")
    op.drop_index("ix_call_records_party_start", table_name="call_records")
    op.drop_index("ix_call_records_missed", table_name="call_records")
    with op.batch_alter_table("call_records") as batch:
        batch.drop_column("party")
