"""Alembic environment: always given a live connection by desktop_app.data.schema."""

from __future__ import annotations

from alembic import context

from desktop_app.data.models import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - only the programmatic path is supported
    raise RuntimeError("run migrations through desktop_app.data.schema.upgrade_database")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things; batch mode copies the table
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
