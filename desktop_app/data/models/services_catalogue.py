"""The body's online services (C2.2), their link checks, and audits of its website (C2.4, C8.1).

OnlineService is the editable record; ServiceLinkCheck is the dated history of fetching its link;
WebsiteAudit keeps each audit of the website as a dated JSON result (what the site showed then).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.data.models.base import Base
from desktop_app.data.types import UtcDateTime, utcnow


class OnlineService(Base):
    """One e-service. `last_*` and `clicks_from_home` repeat the latest check and website audit so
    the catalogue sorts and filters on them; they are written without bumping `version`."""

    __tablename__ = "online_services"

    id: Mapped[int] = mapped_column(primary_key=True)
    name_ar: Mapped[str] = mapped_column(String(300), default="")
    name_fr: Mapped[str] = mapped_column(String(300), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    audience: Mapped[str] = mapped_column(Text, default="")  # who may use it
    requirements: Mapped[str] = mapped_column(Text, default="")  # documents, prerequisites
    url: Mapped[str] = mapped_column(String(2000), default="")
    unit: Mapped[str] = mapped_column(String(200), default="")  # responsible unit
    on_website: Mapped[bool] = mapped_column(Boolean, default=False)
    on_portal: Mapped[bool] = mapped_column(Boolean, default=False)  # the national portal
    accessibility: Mapped[str] = mapped_column(Text, default="")
    reviewed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    reviewed_by: Mapped[str] = mapped_column(String(200), default="")
    withdrawn_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    last_checked_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    last_check_ok: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    clicks_from_home: Mapped[int | None] = mapped_column(Integer, nullable=True)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class ServiceLinkCheck(Base):
    """One fetch of a service's link: status, final address, redirects, time, or why it failed."""

    __tablename__ = "service_link_checks"
    __table_args__ = (Index("ix_service_link_checks_service_id_at", "service_id", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    service_id: Mapped[int] = mapped_column(ForeignKey("online_services.id", ondelete="CASCADE"))
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    url: Mapped[str] = mapped_column(String(2000), default="")
    ok: Mapped[bool] = mapped_column(Boolean)
    status: Mapped[int | None] = mapped_column(Integer, nullable=True)
    final_url: Mapped[str] = mapped_column(String(2000), default="")
    redirects: Mapped[str] = mapped_column(Text, default="")  # one "status url" per line
    elapsed_ms: Mapped[int | None] = mapped_column(Integer, nullable=True)
    problem: Mapped[str] = mapped_column(String(32), default="")  # a code: timeout, soft_404 …
    detail: Mapped[str] = mapped_column(Text, default="")
    checked_by: Mapped[str] = mapped_column(String(64), default="")


class WebsiteAudit(Base):
    """One audit of the body's website; `result_json` holds the findings as they were that day."""

    __tablename__ = "website_audits"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    url: Mapped[str] = mapped_column(String(2000), default="")
    ok: Mapped[bool] = mapped_column(Boolean)
    pages: Mapped[int] = mapped_column(Integer, default=0)
    error: Mapped[str] = mapped_column(Text, default="")
    result_json: Mapped[str] = mapped_column(Text, default="{}")
    audited_by: Mapped[str] = mapped_column(String(64), default="")
