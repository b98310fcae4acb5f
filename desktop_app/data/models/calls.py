"""Call quality and traffic (C8.2, C8.4, C8.7): scorecards, evaluations, campaigns, PBX records.

A scorecard is versioned: editing it writes a new version, and every evaluation keeps the version it
was scored against, its answers per criterion and its score, so changing the scorecard never
rewrites a past score.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.data.models.base import Base
from desktop_app.data.types import UtcDateTime, utcnow


class Scorecard(Base):
    """One version of the scorecard; the highest `number` is the one in use."""

    __tablename__ = "scorecards"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[int] = mapped_column(Integer, unique=True)
    note: Mapped[str] = mapped_column(String(500), default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    created_by: Mapped[str] = mapped_column(String(64), default="")


class ScorecardCriterion(Base):
    """A weighted yes/no criterion; `training_topic` names the training that addresses it."""

    __tablename__ = "scorecard_criteria"
    __table_args__ = (UniqueConstraint("scorecard_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    scorecard_id: Mapped[int] = mapped_column(ForeignKey("scorecards.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    key: Mapped[str] = mapped_column(String(32))
    label_ar: Mapped[str] = mapped_column(String(200), default="")
    label_fr: Mapped[str] = mapped_column(String(200), default="")
    weight: Mapped[int] = mapped_column(Integer, default=1)
    training_topic: Mapped[str] = mapped_column(String(32), default="reception")
    may_be_na: Mapped[bool] = mapped_column(Boolean, default=False)


class Evaluation(Base):
    """One evaluated call: who answered, on which line, how fast, and the score at the time."""

    __tablename__ = "call_evaluations"
    __table_args__ = (
        Index("ix_call_evaluations_at", "at"),
        Index("ix_call_evaluations_agent_id_at", "agent_id", "at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    agent_id: Mapped[int | None] = mapped_column(
        ForeignKey("agents.id", ondelete="SET NULL"), nullable=True
    )
    line_id: Mapped[int | None] = mapped_column(
        ForeignKey("phone_lines.id", ondelete="SET NULL"), nullable=True
    )
    method: Mapped[str] = mapped_column(String(20))  # supervisor, mystery, citizen_feedback
    answered: Mapped[bool] = mapped_column(Boolean, default=True)
    pickup_seconds: Mapped[int | None] = mapped_column(Integer, nullable=True)
    scorecard_id: Mapped[int] = mapped_column(ForeignKey("scorecards.id"))
    score: Mapped[float | None] = mapped_column(Float, nullable=True)
    comment: Mapped[str] = mapped_column(Text, default="")
    evaluator_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), nullable=True
    )
    evaluator_name: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


class EvaluationAnswer(Base):
    """yes / no / na for one criterion of one evaluation; the key is copied for simple counting."""

    __tablename__ = "call_evaluation_answers"
    __table_args__ = (UniqueConstraint("evaluation_id", "criterion_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    evaluation_id: Mapped[int] = mapped_column(
        ForeignKey("call_evaluations.id", ondelete="CASCADE"), index=True
    )
    criterion_id: Mapped[int] = mapped_column(ForeignKey("scorecard_criteria.id"))
    criterion_key: Mapped[str] = mapped_column(String(32), index=True)
    value: Mapped[str] = mapped_column(String(3))  # yes, no, na


class MysteryCampaign(Base):
    """A planned series of mystery calls (the "citizen watch") over a period."""

    __tablename__ = "mystery_campaigns"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    first_day: Mapped[date] = mapped_column(Date)
    last_day: Mapped[date] = mapped_column(Date)
    calls_per_line: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    created_by: Mapped[str] = mapped_column(String(64), default="")


class CampaignCall(Base):
    """One call to make; `evaluation_id` is set when its result is recorded."""

    __tablename__ = "campaign_calls"
    __table_args__ = (
        Index("ix_campaign_calls_campaign_id_planned_at", "campaign_id", "planned_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("mystery_campaigns.id", ondelete="CASCADE"))
    line_id: Mapped[int] = mapped_column(ForeignKey("phone_lines.id", ondelete="CASCADE"))
    planned_at: Mapped[datetime] = mapped_column(UtcDateTime)
    evaluation_id: Mapped[int | None] = mapped_column(
        ForeignKey("call_evaluations.id", ondelete="SET NULL"), nullable=True, unique=True
    )


class CallRecord(Base):
    """One line of the PBX's Master.csv (CONTRACTS.md §4); `natural_key` = start|src|dst|channel."""

    __tablename__ = "call_records"
    __table_args__ = (
        Index("ix_call_records_start", "start"),
        Index("ix_call_records_line_id_start", "line_id", "start"),
        # The call-back list (services/callbacks.py) reads only these two, never the table: the
        # missed calls in time order, and for each whether a later answered call reached them.
        Index("ix_call_records_missed", "direction", "answered", "start", "party", "line_id"),
        Index("ix_call_records_party_start", "party", "start", "answered", "direction"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    uniqueid: Mapped[str | None] = mapped_column(String(64), unique=True, nullable=True)
    natural_key: Mapped[str] = mapped_column(String(400), unique=True)
    start: Mapped[datetime] = mapped_column(UtcDateTime)
    answer: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    end: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    duration: Mapped[int] = mapped_column(Integer, default=0)
    billsec: Mapped[int] = mapped_column(Integer, default=0)
    disposition: Mapped[str] = mapped_column(String(16))
    src: Mapped[str] = mapped_column(String(80), default="")
    dst: Mapped[str] = mapped_column(String(80), default="")
    dst_national: Mapped[str] = mapped_column(String(32), default="", index=True)
    dcontext: Mapped[str] = mapped_column(String(80), default="")
    channel: Mapped[str] = mapped_column(String(120), default="")
    dstchannel: Mapped[str] = mapped_column(String(120), default="")
    # inbound (to an inventory line), outgoing, internal, or unmatched (inbound to a number
    # missing from the inventory: re-matched when lines are added).
    direction: Mapped[str] = mapped_column(String(12))
    line_id: Mapped[int | None] = mapped_column(
        ForeignKey("phone_lines.id", ondelete="SET NULL"), nullable=True
    )
    answered: Mapped[bool] = mapped_column(Boolean, default=False)
    ring_seconds: Mapped[int | None] = mapped_column(Integer, nullable=True)
    imported_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    # The citizen's number in E.164 (the caller of an inbound call, the callee of an outgoing
    # one) for the call-back list (services/callbacks.py); "" when there is none to call back,
    # NULL until computed (rows written before 0008, or by another path: filled on first use).
    party: Mapped[str | None] = mapped_column(String(20), nullable=True)


class CallBack(Base):
    """A call-back made outside the PBX (an agent's mobile, C2.4), recorded by hand; audited."""

    __tablename__ = "call_backs"
    __table_args__ = (Index("ix_call_backs_party_at", "party", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    party: Mapped[str] = mapped_column(String(20))  # E.164, as call_records.party
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    outcome: Mapped[str] = mapped_column(String(16))  # reached, no_answer, wrong_number
    note: Mapped[str] = mapped_column(Text, default="")
    user_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), nullable=True
    )
    username: Mapped[str] = mapped_column(String(64), default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
