"""Reception agents (C8.2, C8.5): the core record that training and call evaluations refer to."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.data.models.base import Base
from desktop_app.data.types import UtcDateTime, utcnow


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

    __mapper_args__ = {"version_id_col": version}
