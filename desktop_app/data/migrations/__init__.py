"""Alembic migrations, run programmatically by desktop_app.data.schema."""
