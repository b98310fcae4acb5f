"""Call quality and traffic: scorecard versions, evaluations, mystery-call campaigns, PBX records.

Revision ID: 0005_calls
Revises: 0001_foundation
Create Date: 2026-11-24
"""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

from desktop_app.data.types import UtcDateTime

revision = "0005_calls"
down_revision = "0003_requests"
branch_labels = None
depends_on = None

# The first scorecard (C8.2, C8.3, C8.6): key, Arabic, French, weight, training topic, may be N/A.
# Fixed here, as it stood when this revision was written; later versions are written by the app.
_DEFAULT_CRITERIA = (
    ("pickup", "الرد في الآجال", "Décroché dans le délai", 20, "equipment", False),
    ("greeting", "المبادرة بالتحية", "Salue en premier", 10, "reception", False),
    ("named_body", "ذكر اسم الهيكل", "Nomme l'organisme", 10, "reception", False),
    ("clear", "وضوح المعلومة", "Information claire", 15, "reception", False),
    ("correct", "صحة المعلومة حسب الدليل المرجعي", "Information exacte (guide de référence)",
     20, "legal", False),
    ("courteous", "اللباقة", "Courtoisie", 10, "reception", False),
    ("special_category", "حسن التعامل مع الفئات الخصوصية", "Catégorie particulière bien servie",
     5, "special_categories", True),
    ("closing", "إنهاء المكالمة بشكل لائق", "Clôture correcte", 10, "reception", False),
)  # fmt: skip


def upgrade() -> None:
    op.create_table(
        "mystery_campaigns",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("first_day", sa.Date(), nullable=False),
        sa.Column("last_day", sa.Date(), nullable=False),
        sa.Column("calls_per_line", sa.Integer(), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mystery_campaigns")),
    )
    op.create_table(
        "scorecards",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("note", sa.String(length=500), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_scorecards")),
        sa.UniqueConstraint("number", name=op.f("uq_scorecards_number")),
    )
    op.create_table(
        "call_records",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uniqueid", sa.String(length=64), nullable=True),
        sa.Column("natural_key", sa.String(length=400), nullable=False),
        sa.Column("start", UtcDateTime(), nullable=False),
        sa.Column("answer", UtcDateTime(), nullable=True),
        sa.Column("end", UtcDateTime(), nullable=True),
        sa.Column("duration", sa.Integer(), nullable=False),
        sa.Column("billsec", sa.Integer(), nullable=False),
        sa.Column("disposition", sa.String(length=16), nullable=False),
        sa.Column("src", sa.String(length=80), nullable=False),
        sa.Column("dst", sa.String(length=80), nullable=False),
        sa.Column("dst_national", sa.String(length=32), nullable=False),
        sa.Column("dcontext", sa.String(length=80), nullable=False),
        sa.Column("channel", sa.String(length=120), nullable=False),
        sa.Column("dstchannel", sa.String(length=120), nullable=False),
        sa.Column("direction", sa.String(length=12), nullable=False),
        sa.Column("line_id", sa.Integer(), nullable=True),
        sa.Column("answered", sa.Boolean(), nullable=False),
        sa.Column("ring_seconds", sa.Integer(), nullable=True),
        sa.Column("imported_at", UtcDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["line_id"],
            ["phone_lines.id"],
            name=op.f("fk_call_records_line_id_phone_lines"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_call_records")),
        sa.UniqueConstraint("natural_key", name=op.f("uq_call_records_natural_key")),
        sa.UniqueConstraint("uniqueid", name=op.f("uq_call_records_uniqueid")),
    )
    op.create_index(
        op.f("ix_call_records_dst_national"), "call_records", ["dst_national"], unique=False
    )
    op.create_index(
        "ix_call_records_line_id_start", "call_records", ["line_id", "start"], unique=False
    )
    op.create_index("ix_call_records_start", "call_records", ["start"], unique=False)
    op.create_table(
        "scorecard_criteria",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("scorecard_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=32), nullable=False),
        sa.Column("label_ar", sa.String(length=200), nullable=False),
        sa.Column("label_fr", sa.String(length=200), nullable=False),
        sa.Column("weight", sa.Integer(), nullable=False),
        sa.Column("training_topic", sa.String(length=32), nullable=False),
        sa.Column("may_be_na", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["scorecard_id"],
            ["scorecards.id"],
            name=op.f("fk_scorecard_criteria_scorecard_id_scorecards"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_scorecard_criteria")),
        sa.UniqueConstraint("scorecard_id", "key", name=op.f("uq_scorecard_criteria_scorecard_id")),
    )
    op.create_table(
        "call_evaluations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", UtcDateTime(), nullable=False),
        sa.Column("agent_id", sa.Integer(), nullable=True),
        sa.Column("line_id", sa.Integer(), nullable=True),
        sa.Column("method", sa.String(length=20), nullable=False),
        sa.Column("answered", sa.Boolean(), nullable=False),
        sa.Column("pickup_seconds", sa.Integer(), nullable=True),
        sa.Column("scorecard_id", sa.Integer(), nullable=False),
        sa.Column("score", sa.Float(), nullable=True),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("evaluator_id", sa.Integer(), nullable=True),
        sa.Column("evaluator_name", sa.String(length=200), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agent_id"],
            ["agents.id"],
            name=op.f("fk_call_evaluations_agent_id_agents"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["evaluator_id"],
            ["users.id"],
            name=op.f("fk_call_evaluations_evaluator_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["line_id"],
            ["phone_lines.id"],
            name=op.f("fk_call_evaluations_line_id_phone_lines"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["scorecard_id"],
            ["scorecards.id"],
            name=op.f("fk_call_evaluations_scorecard_id_scorecards"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_call_evaluations")),
    )
    op.create_index(
        "ix_call_evaluations_agent_id_at", "call_evaluations", ["agent_id", "at"], unique=False
    )
    op.create_index("ix_call_evaluations_at", "call_evaluations", ["at"], unique=False)
    op.create_table(
        "call_evaluation_answers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("evaluation_id", sa.Integer(), nullable=False),
        sa.Column("criterion_id", sa.Integer(), nullable=False),
        sa.Column("criterion_key", sa.String(length=32), nullable=False),
        sa.Column("value", sa.String(length=3), nullable=False),
        sa.ForeignKeyConstraint(
            ["criterion_id"],
            ["scorecard_criteria.id"],
            name=op.f("fk_call_evaluation_answers_criterion_id_scorecard_criteria"),
        ),
        sa.ForeignKeyConstraint(
            ["evaluation_id"],
            ["call_evaluations.id"],
            name=op.f("fk_call_evaluation_answers_evaluation_id_call_evaluations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_call_evaluation_answers")),
        sa.UniqueConstraint(
            "evaluation_id", "criterion_id", name=op.f("uq_call_evaluation_answers_evaluation_id")
        ),
    )
    op.create_index(
        op.f("ix_call_evaluation_answers_criterion_key"),
        "call_evaluation_answers",
        ["criterion_key"],
        unique=False,
    )
    op.create_index(
        op.f("ix_call_evaluation_answers_evaluation_id"),
        "call_evaluation_answers",
        ["evaluation_id"],
        unique=False,
    )
    op.create_table(
        "campaign_calls",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("campaign_id", sa.Integer(), nullable=False),
        sa.Column("line_id", sa.Integer(), nullable=False),
        sa.Column("planned_at", UtcDateTime(), nullable=False),
        sa.Column("evaluation_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["campaign_id"],
            ["mystery_campaigns.id"],
            name=op.f("fk_campaign_calls_campaign_id_mystery_campaigns"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["evaluation_id"],
            ["call_evaluations.id"],
            name=op.f("fk_campaign_calls_evaluation_id_call_evaluations"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["line_id"],
            ["phone_lines.id"],
            name=op.f("fk_campaign_calls_line_id_phone_lines"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_campaign_calls")),
        sa.UniqueConstraint("evaluation_id", name=op.f("uq_campaign_calls_evaluation_id")),
    )
    op.create_index(
        "ix_campaign_calls_campaign_id_planned_at",
        "campaign_calls",
        ["campaign_id", "planned_at"],
        unique=False,
    )

    scorecards = sa.table(
        "scorecards", sa.column("id", sa.Integer), sa.column("number", sa.Integer),
        sa.column("note", sa.String), sa.column("created_at", UtcDateTime()),
        sa.column("created_by", sa.String),
    )  # fmt: skip
    criteria = sa.table(
        "scorecard_criteria", sa.column("scorecard_id", sa.Integer),
        sa.column("position", sa.Integer), sa.column("key", sa.String),
        sa.column("label_ar", sa.String), sa.column("label_fr", sa.String),
        sa.column("weight", sa.Integer), sa.column("training_topic", sa.String),
        sa.column("may_be_na", sa.Boolean),
    )  # fmt: skip
    op.bulk_insert(scorecards, [{
        "id": 1, "number": 1, "note": "C8.2, C8.3, C8.6", "created_at": datetime.now(UTC),
        "created_by": "istiqbal",
    }])  # fmt: skip
    op.bulk_insert(criteria, [
        {"scorecard_id": 1, "position": i, "key": key, "label_ar": ar, "label_fr": fr,
         "weight": weight, "training_topic": topic, "may_be_na": na}
        for i, (key, ar, fr, weight, topic, na) in enumerate(_DEFAULT_CRITERIA)
    ])  # fmt: skip


def downgrade() -> None:
    for table in (
        "campaign_calls",
        "call_evaluation_answers",
        "call_evaluations",
        "scorecard_criteria",
        "call_records",
        "scorecards",
        "mystery_campaigns",
    ):
        op.drop_table(table)  # fmt: skip
