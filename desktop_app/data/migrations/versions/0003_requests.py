"""Citizen requests (C2.1, C2.3, C8.6): register, timeline, purge records, holidays, timetables.

Revision ID: 0003_requests
Revises: 0001_foundation
Create Date: 2026-11-24
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

from desktop_app.data.types import UtcDateTime

revision = "0003_requests"
down_revision = "0001_foundation"
branch_labels = None
depends_on = None

# Full-text search over subject, body and citizen, kept in step by triggers (external content).
_SQLITE_FTS = (
    """CREATE VIRTUAL TABLE requests_fts USING fts5(
         subject, body, citizen, content='requests', content_rowid='id',
         tokenize='unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER requests_fts_insert AFTER INSERT ON requests BEGIN
         INSERT INTO requests_fts(rowid, subject, body, citizen)
         VALUES (new.id, new.subject, new.body, new.citizen); END""",
    """CREATE TRIGGER requests_fts_delete AFTER DELETE ON requests BEGIN
         INSERT INTO requests_fts(requests_fts, rowid, subject, body, citizen)
         VALUES ('delete', old.id, old.subject, old.body, old.citizen); END""",
    """CREATE TRIGGER requests_fts_update AFTER UPDATE OF subject, body, citizen ON requests BEGIN
         INSERT INTO requests_fts(requests_fts, rowid, subject, body, citizen)
         VALUES ('delete', old.id, old.subject, old.body, old.citizen);
         INSERT INTO requests_fts(rowid, subject, body, citizen)
         VALUES (new.id, new.subject, new.body, new.citizen); END""",
)

# The Tunisian administration's usual double session (Monday–Thursday), Friday's shorter day;
# summer and Ramadan periods are added per year by services/deadlines.py, all editable.
_NORMAL_SESSIONS = {
    "1": [["08:30", "13:00"], ["15:00", "17:30"]],
    "2": [["08:30", "13:00"], ["15:00", "17:30"]],
    "3": [["08:30", "13:00"], ["15:00", "17:30"]],
    "4": [["08:30", "13:00"], ["15:00", "17:30"]],
    "5": [["08:30", "13:30"]],
}


def upgrade() -> None:
    op.create_table(
        "requests",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("reference", sa.String(32), nullable=False),
        sa.Column("received_at", UtcDateTime(), nullable=False),
        sa.Column("channel", sa.String(16), nullable=False),
        sa.Column("type", sa.String(16), nullable=False),
        sa.Column("citizen", sa.String(200), nullable=False),
        sa.Column("contact", sa.String(200), nullable=False),
        sa.Column("subject", sa.String(500), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("category", sa.String(16), nullable=True),
        sa.Column("agent_id", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("deadline_at", UtcDateTime(), nullable=False),
        sa.Column("first_response_at", UtcDateTime(), nullable=True),
        sa.Column("first_response_kind", sa.String(8), nullable=True),
        sa.Column("closed_at", UtcDateTime(), nullable=True),
        sa.Column("purged_at", UtcDateTime(), nullable=True),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agent_id"], ["agents.id"], name=op.f("fk_requests_agent_id_agents"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_requests")),
        sa.UniqueConstraint("reference", name=op.f("uq_requests_reference")),
    )  # fmt: skip
    for name, cols in (
        ("ix_requests_received_at", ["received_at", "id"]),
        ("ix_requests_deadline_open", ["first_response_at", "deadline_at"]),
        ("ix_requests_deadline_at", ["deadline_at", "id"]),
        ("ix_requests_status", ["status", "received_at"]),
        ("ix_requests_channel", ["channel", "received_at"]),
        ("ix_requests_type", ["type", "received_at"]),
        ("ix_requests_category", ["category", "received_at"]),
        ("ix_requests_agent_id", ["agent_id", "received_at"]),
        ("ix_requests_closed_at", ["closed_at"]),
        ("ix_requests_citizen", ["citizen", "id"]),
        ("ix_requests_subject", ["subject", "id"]),
        ("ix_requests_contact", ["contact"]),
    ):
        op.create_index(name, "requests", cols)
    op.create_table(
        "request_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("request_id", sa.Integer(), nullable=False),
        sa.Column("at", UtcDateTime(), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("username", sa.String(64), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("agent_id", sa.Integer(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("recorded_at", UtcDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["request_id"], ["requests.id"], name=op.f("fk_request_events_request_id_requests"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["agent_id"], ["agents.id"], name=op.f("fk_request_events_agent_id_agents"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_request_events")),
    )  # fmt: skip
    op.create_index("ix_request_events_request", "request_events", ["request_id", "at"])
    op.create_table(
        "request_purges",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", UtcDateTime(), nullable=False),
        sa.Column("username", sa.String(64), nullable=False),
        sa.Column("cutoff", UtcDateTime(), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("references_json", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_request_purges")),
    )
    op.create_table(
        "holidays",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("name_ar", sa.String(200), nullable=False),
        sa.Column("name_fr", sa.String(200), nullable=False),
        sa.Column("estimated", sa.Boolean(), nullable=False),
        sa.Column("source", sa.String(16), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_holidays")),
        sa.UniqueConstraint("day", name=op.f("uq_holidays_day")),
    )
    timetables = op.create_table(
        "office_timetables",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("label", sa.String(200), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=True),
        sa.Column("valid_to", sa.Date(), nullable=True),
        sa.Column("sessions_json", sa.Text(), nullable=False),
        sa.Column("estimated", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_office_timetables")),
    )
    op.create_index("ix_office_timetables_valid_from", "office_timetables", ["valid_from"])
    op.create_table(
        "calendar_years",
        sa.Column("year", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("seeded_at", UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("year", name=op.f("pk_calendar_years")),
    )
    op.bulk_insert(timetables, [{
        "kind": "normal", "label": "Double session", "valid_from": None, "valid_to": None,
        "sessions_json": json.dumps(_NORMAL_SESSIONS), "estimated": False, "version": 1,
    }])  # fmt: skip
    if op.get_bind().dialect.name == "sqlite":
        for statement in _SQLITE_FTS:
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for trigger in ("insert", "delete", "update"):
            op.execute(f"DROP TRIGGER IF EXISTS requests_fts_{trigger}")
        op.execute("DROP TABLE IF EXISTS requests_fts")
    for table in ("calendar_years", "office_timetables", "holidays", "request_purges",
                  "request_events", "requests"):  # fmt: skip
        op.drop_table(table)
