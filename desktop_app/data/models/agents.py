"""Reception agents and what keeps them able to answer well (C8.3, C8.5, C8.6).

The core `Agent` record (other areas refer to it) plus the lines each agent answers, training
sessions and attendances, the training plan's rules, reference guides and their acknowledgements,
legal/procedural updates and who was told, reception posts and their equipment, and awards.
Files (training material, guides) are kept IN the database as blobs with name, size and SHA-256,
so that moving or backing up the database never breaks a link to a file.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, deferred, mapped_column

from desktop_app.data.models.base import Base
from desktop_app.data.types import UtcDateTime, utcnow


class ReceptionPost(Base):
    """A desk or booth where an agent answers the public (C8.3: the equipment they need)."""

    __tablename__ = "reception_posts"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    place: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class Agent(Base):
    __tablename__ = "agents"

    id: Mapped[int] = mapped_column(primary_key=True)
    name_ar: Mapped[str] = mapped_column(String(200), default="")
    name_fr: Mapped[str] = mapped_column(String(200), default="")
    staff_number: Mapped[str | None] = mapped_column(String(32), unique=True, nullable=True)
    unit: Mapped[str] = mapped_column(String(200), default="")
    extension: Mapped[str] = mapped_column(String(16), default="")
    active_from: Mapped[date | None] = mapped_column(Date, nullable=True)
    active_to: Mapped[date | None] = mapped_column(Date, nullable=True)
    user_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), nullable=True
    )
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)
    # Added by 0004_agents: the post where the agent sits, and free notes (HR).
    post_id: Mapped[int | None] = mapped_column(
        ForeignKey("reception_posts.id", ondelete="SET NULL"), nullable=True
    )
    notes: Mapped[str] = mapped_column(Text, default="", server_default="")

    __mapper_args__ = {"version_id_col": version}


class AgentLine(Base):
    """Which phone lines (C8.1 inventory) an agent answers."""

    __tablename__ = "agent_lines"

    agent_id: Mapped[int] = mapped_column(
        ForeignKey("agents.id", ondelete="CASCADE"), primary_key=True
    )
    line_id: Mapped[int] = mapped_column(
        ForeignKey("phone_lines.id", ondelete="CASCADE"), primary_key=True
    )


class TrainingSession(Base):
    """One training held on a day (C8.5, C8.6); topic is one of TRAINING_TOPICS."""

    __tablename__ = "training_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(300))
    topic: Mapped[str] = mapped_column(String(32), index=True)
    # C8.6: the particular category of users (user_categories.code) a session on serving them
    # was about; None when it covered them all or the topic is another one.
    user_category: Mapped[str | None] = mapped_column(String(16), nullable=True)
    held_on: Mapped[date] = mapped_column(Date, index=True)
    duration_hours: Mapped[float] = mapped_column(Float)
    trainer: Mapped[str] = mapped_column(String(200), default="")
    remote: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str] = mapped_column(Text, default="")
    material_name: Mapped[str | None] = mapped_column(String(255), nullable=True)
    material_size: Mapped[int | None] = mapped_column(Integer, nullable=True)
    material_sha256: Mapped[str | None] = mapped_column(String(64), nullable=True)
    material_blob: Mapped[bytes | None] = deferred(mapped_column(LargeBinary, nullable=True))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class TrainingAttendance(Base):
    """An agent invited to a session: attended or not, with an optional assessment (0–100)."""

    __tablename__ = "training_attendances"
    __table_args__ = (UniqueConstraint("session_id", "agent_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("training_sessions.id", ondelete="CASCADE"), index=True
    )
    agent_id: Mapped[int] = mapped_column(ForeignKey("agents.id", ondelete="CASCADE"), index=True)
    attended: Mapped[bool] = mapped_column(Boolean, default=True)
    score: Mapped[float | None] = mapped_column(Float, nullable=True)


class TrainingRule(Base):
    """A rule of the training plan: every active agent trained on `topic` (any when None),
    every `interval_months` (once when None), the first time within `first_within_months` of
    joining or of the rule taking effect."""

    __tablename__ = "training_rules"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    topic: Mapped[str | None] = mapped_column(String(32), nullable=True)
    interval_months: Mapped[int | None] = mapped_column(Integer, nullable=True)
    first_within_months: Mapped[int] = mapped_column(Integer, default=0)
    effective_from: Mapped[date] = mapped_column(Date)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class Guide(Base):
    """A reference guide or procedure manual (C8.3), its current version and file."""

    __tablename__ = "guides"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(16), default="guide")  # guide | manual
    topic: Mapped[str] = mapped_column(String(32), default="reception")
    doc_version: Mapped[str] = mapped_column(String(32))
    reviewed_on: Mapped[date] = mapped_column(Date)
    next_review_on: Mapped[date] = mapped_column(Date, index=True)
    file_name: Mapped[str | None] = mapped_column(String(255), nullable=True)
    file_size: Mapped[int | None] = mapped_column(Integer, nullable=True)
    file_sha256: Mapped[str | None] = mapped_column(String(64), nullable=True)
    file_blob: Mapped[bytes | None] = deferred(mapped_column(LargeBinary, nullable=True))
    retired: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class GuideAcknowledgement(Base):
    """An agent confirmed reading one version of a guide; a new version needs a new one."""

    __tablename__ = "guide_acknowledgements"
    __table_args__ = (UniqueConstraint("guide_id", "agent_id", "doc_version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    guide_id: Mapped[int] = mapped_column(ForeignKey("guides.id", ondelete="CASCADE"), index=True)
    agent_id: Mapped[int] = mapped_column(ForeignKey("agents.id", ondelete="CASCADE"), index=True)
    doc_version: Mapped[str] = mapped_column(String(32))
    acknowledged_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    recorded_by: Mapped[str] = mapped_column(String(64), default="")


class LegalUpdate(Base):
    """A legal or procedural text that changed (C8.5): reference, date, summary."""

    __tablename__ = "legal_updates"

    id: Mapped[int] = mapped_column(primary_key=True)
    reference: Mapped[str] = mapped_column(String(200))
    published_on: Mapped[date] = mapped_column(Date, index=True)
    summary: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class LegalUpdateNotice(Base):
    """An agent was informed of a legal update on a day."""

    __tablename__ = "legal_update_notices"
    __table_args__ = (UniqueConstraint("update_id", "agent_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    update_id: Mapped[int] = mapped_column(
        ForeignKey("legal_updates.id", ondelete="CASCADE"), index=True
    )
    agent_id: Mapped[int] = mapped_column(ForeignKey("agents.id", ondelete="CASCADE"), index=True)
    informed_on: Mapped[date] = mapped_column(Date)


class PostEquipment(Base):
    """One item of a post (headset, phone set, computer, access to the guides) and its state."""

    __tablename__ = "post_equipment"
    __table_args__ = (UniqueConstraint("post_id", "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(
        ForeignKey("reception_posts.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(32))
    condition: Mapped[str] = mapped_column(String(16), default="working")
    note: Mapped[str] = mapped_column(String(300), default="")
    checked_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class Recognition(Base):
    """An award given to an agent for a period, with the reason (C8.5: reward the best)."""

    __tablename__ = "recognitions"

    id: Mapped[int] = mapped_column(primary_key=True)
    agent_id: Mapped[int] = mapped_column(ForeignKey("agents.id", ondelete="CASCADE"), index=True)
    period: Mapped[str] = mapped_column(String(32))  # as parse_period writes it: 2026-Q3 …
    award: Mapped[str] = mapped_column(String(200))
    reason: Mapped[str] = mapped_column(Text, default="")
    awarded_on: Mapped[date] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}
