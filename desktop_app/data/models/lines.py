"""The phone lines a body offers the public (C8.1) and what keeps them working (C8.4, C2.4).

PhoneLine is the core record other areas refer to; checks, faults, the maintenance schedule,
peak-period reinforcement plans and forwardings to an agent's phone hang off it.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.data.models.base import Base
from desktop_app.data.types import UtcDateTime, utcnow


class PhoneLine(Base):
    """`number` is E.164 (+21671563500) for a full number, as dialled (1899) for a short one.

    `last_checked_at` / `last_check_result` repeat the latest LineCheck so that the inventory can
    be sorted and filtered on them in SQL; they are written without bumping `version`, because
    a check is not an edit of the line.
    """

    __tablename__ = "phone_lines"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(32), unique=True)
    kind: Mapped[str] = mapped_column(String(16), default="other")
    label: Mapped[str] = mapped_column(String(200), default="")
    department: Mapped[str] = mapped_column(String(200), default="")
    status: Mapped[str] = mapped_column(String(16), default="in_service")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    retired_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    # 0002_lines
    extension: Mapped[str] = mapped_column(String(16), default="", server_default="")
    on_website: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    on_letters: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    on_posters: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    on_documents: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    notes: Mapped[str] = mapped_column(Text, default="", server_default="")
    last_checked_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    last_check_result: Mapped[str | None] = mapped_column(String(24), nullable=True)

    __mapper_args__ = {"version_id_col": version}


class LineCheck(Base):
    """One test call to a line (C8.1, C2.4): by a person, a mystery call, or an import."""

    __tablename__ = "line_checks"
    __table_args__ = (
        Index("ix_line_checks_line_id_at", "line_id", "at"),
        Index("ix_line_checks_at", "at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    line_id: Mapped[int] = mapped_column(ForeignKey("phone_lines.id", ondelete="CASCADE"))
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    result: Mapped[str] = mapped_column(String(24))
    working: Mapped[bool] = mapped_column(Boolean)
    notes: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(String(16), default="manual")
    checked_by: Mapped[str] = mapped_column(String(64), default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


class LineFault(Base):
    """A fault reported on a line and, once fixed, its repair (C8.4)."""

    __tablename__ = "line_faults"
    __table_args__ = (
        Index("ix_line_faults_reported_at", "reported_at"),
        Index("ix_line_faults_repaired_at", "repaired_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    line_id: Mapped[int] = mapped_column(
        ForeignKey("phone_lines.id", ondelete="CASCADE"), index=True
    )
    reported_at: Mapped[datetime] = mapped_column(UtcDateTime)
    symptom: Mapped[str] = mapped_column(Text, default="")
    ticket_ref: Mapped[str] = mapped_column(String(64), default="")
    reported_by: Mapped[str] = mapped_column(String(64), default="")
    repaired_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    repair_notes: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class LineMaintenance(Base):
    """A periodic maintenance task on a line (C8.4): every N days, next due on a date."""

    __tablename__ = "line_maintenance"

    id: Mapped[int] = mapped_column(primary_key=True)
    line_id: Mapped[int] = mapped_column(
        ForeignKey("phone_lines.id", ondelete="CASCADE"), index=True
    )
    task: Mapped[str] = mapped_column(String(200))
    interval_days: Mapped[int] = mapped_column(Integer)
    next_due: Mapped[date] = mapped_column(Date, index=True)
    last_done: Mapped[date | None] = mapped_column(Date, nullable=True)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class ReinforcementPlan(Base):
    """Extra lines or agents for a peak period (C8.4): exam results, tax deadlines, Ramadan."""

    __tablename__ = "line_reinforcements"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)
    hours: Mapped[str] = mapped_column(String(64), default="")  # "08:00-17:00", as planned
    extra_lines: Mapped[int] = mapped_column(Integer, default=0)
    extra_agents: Mapped[int] = mapped_column(Integer, default=0)
    notes: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class LineForwarding(Base):
    """A line forwarded to an agent's own phone for a period when nobody is on site (C2.4)."""

    __tablename__ = "line_forwardings"
    __table_args__ = (Index("ix_line_forwardings_line_id_starts_at", "line_id", "starts_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    line_id: Mapped[int] = mapped_column(ForeignKey("phone_lines.id", ondelete="CASCADE"))
    agent_id: Mapped[int] = mapped_column(ForeignKey("agents.id", ondelete="RESTRICT"), index=True)
    target_number: Mapped[str] = mapped_column(String(32))
    starts_at: Mapped[datetime] = mapped_column(UtcDateTime)
    ends_at: Mapped[datetime] = mapped_column(UtcDateTime)
    notes: Mapped[str] = mapped_column(Text, default="")
    created_by: Mapped[str] = mapped_column(String(64), default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
