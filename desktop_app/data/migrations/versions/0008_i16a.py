"""Reference counters kept apart from imported references, and the audit trail's hash chain.

`reference_counters` holds, per year, the last number handed out for a generated reference
`YYYY-NNNNNN`: an imported `2026-999999` no longer makes every later request collide (issue 16
point 3); the counters start past the highest reference of that pattern already stored.

`audit_log.row_hash` chains every audit row to the one before (data/audit_chain.py), so a row
inserted by hand is found by `check` (issue 16 point 9); existing rows are chained here, which
needs the append-only trigger lifted for the length of this one transaction.

Revision ID: 0008_i16a
Revises: 0007_requests_sort
Create Date: 2026-12-06
"""

from __future__ import annotations

import re

import sqlalchemy as sa
from alembic import op

from desktop_app.data.audit_chain import SELECT_CHAIN, row_hash

revision = "0008_i16a"
down_revision = "0008_i13"
branch_labels = None
depends_on = None

_GENERATED = re.compile(r"^(\d{4})-(\d{6,9})$")
_SQLITE_NO_UPDATE = """CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
       BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END"""
_POSTGRES_NO_CHANGE = """CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
       FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()"""


def upgrade() -> None:
    bind = op.get_bind()
    op.create_table(
        "reference_counters",
        sa.Column("year", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("last_number", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("year", name=op.f("pk_reference_counters")),
    )
    highest: dict[int, int] = {}
    for (reference,) in bind.exec_driver_sql("SELECT reference FROM requests"):
        found = _GENERATED.match(reference or "")
        if found:
            year, number = int(found[1]), int(found[2])
            highest[year] = max(highest.get(year, 0), number)
    if highest:
        bind.execute(
            sa.text("INSERT INTO reference_counters (year, last_number) VALUES (:y, :n)"),
            [{"y": y, "n": n} for y, n in sorted(highest.items())],
        )

    with op.batch_alter_table("audit_log") as batch:  # ALTER TABLE ADD COLUMN: triggers stay
        batch.add_column(sa.Column("row_hash", sa.String(length=64), nullable=True))
    dialect = bind.dialect.name
    if dialect == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS audit_log_no_update")
    elif dialect == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS audit_log_no_change ON audit_log")
    previous: str | None = None
    updates: list[dict[str, object]] = []
    for row in bind.exec_driver_sql(SELECT_CHAIN).fetchall():
        previous = row_hash(previous, tuple(row[1:-1]))
        updates.append({"h": previous, "i": row[0]})
    for start in range(0, len(updates), 1000):
        bind.execute(
            sa.text("UPDATE audit_log SET row_hash = :h WHERE id = :i"),
            updates[start : start + 1000],
        )
    if dialect == "sqlite":
        op.execute(_SQLITE_NO_UPDATE)
    elif dialect == "postgresql":
        op.execute(_POSTGRES_NO_CHANGE)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS audit_log_no_update")
    elif dialect == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS audit_log_no_change ON audit_log")
    with op.batch_alter_table("audit_log") as batch:
        batch.drop_column("row_hash")
    if dialect == "sqlite":
        op.execute(_SQLITE_NO_UPDATE)
    elif dialect == "postgresql":
        op.execute(_POSTGRES_NO_CHANGE)
    op.drop_table("reference_counters")
