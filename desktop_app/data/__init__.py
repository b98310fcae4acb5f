"""How things are stored: engine, sessions, models and migrations (SQLAlchemy and stdlib only)."""
