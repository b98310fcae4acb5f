"""The history of generated evaluation reports (C8.7): who made which, when, with what figures."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.data.models.base import Base
from desktop_app.data.types import UtcDateTime, utcnow


class ReportRun(Base):
    """One generated workbook; never edited. The KPI values are kept so a report can be re-read."""

    __tablename__ = "report_runs"

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    user_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    username: Mapped[str] = mapped_column(String(64))
    full_name: Mapped[str] = mapped_column(String(200), default="")
    period_text: Mapped[str] = mapped_column(String(32))
    period_from: Mapped[date] = mapped_column(Date)
    period_to: Mapped[date] = mapped_column(Date)
    lang: Mapped[str] = mapped_column(String(2))
    file_name: Mapped[str] = mapped_column(String(1000))
    kpis_json: Mapped[str] = mapped_column(Text)

    __table_args__ = (Index("ix_report_runs_created_at", "created_at"),)
