"""Citizen requests (C2.1, C2.3, C8.6), their timeline, and the calendar the deadline clock uses.

The deadline state is never stored: only `deadline_at` (the legal deadline, received + 48 h, C2.1)
and `internal_deadline_at` (the body's own target, computed by services/deadlines.py from the clock
in force, never later than the legal one) are, so the register can filter and sort on them in SQL.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.data.models.base import Base
from desktop_app.data.types import UtcDateTime, utcnow

CHANNELS = ("email", "phone", "web", "fax", "letter", "in_person", "social")
TYPES = ("request", "complaint", "report", "inquiry", "suggestion")
# C8.6: the categories the migration seeds (CONTRACTS §2 names them); the list in force is the
# user_categories table, which the body edits (services/user_categories.py).
CATEGORIES = ("disability", "elderly", "other")
RESPONSE_KINDS = ("answer", "notice")
# C2.1 allows a notice for two reasons only: many documents to consult, or coordination with other
# public bodies.
NOTICE_REASONS = ("documents", "coordination")
# How a request ends: answered, or without an answer for a stated reason (a notice is no answer).
CLOSE_REASONS = ("answered", "withdrawn", "forwarded")
STATUSES = ("new", "assigned", "notice_sent", "answered", "closed")


class UserCategory(Base):
    """A particular category of users (C8.6, circular 18/2019 names them): the body keeps the list.

    Requests and training sessions store the `code`; a category in use is deactivated, never
    deleted, so past requests keep their category in the register and the report.
    """

    __tablename__ = "user_categories"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    name_ar: Mapped[str] = mapped_column(String(200))
    name_fr: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class ReferenceCounter(Base):
    """The last number generated for `YYYY-NNNNNN` references of a year, kept apart from the
    references imported registers bring, so that none of those can make generation wrap or
    collide (issue 16 point 3); an imported reference of that pattern moves it forward."""

    __tablename__ = "reference_counters"

    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    last_number: Mapped[int] = mapped_column(Integer)


class CitizenRequest(Base):
    """One request, complaint, report, inquiry or suggestion, from any channel."""

    __tablename__ = "requests"

    id: Mapped[int] = mapped_column(primary_key=True)
    reference: Mapped[str] = mapped_column(String(32), unique=True)
    received_at: Mapped[datetime] = mapped_column(UtcDateTime)
    channel: Mapped[str] = mapped_column(String(16))
    type: Mapped[str] = mapped_column(String(16))
    citizen: Mapped[str] = mapped_column(String(200), default="")
    contact: Mapped[str] = mapped_column(String(200), default="")
    subject: Mapped[str] = mapped_column(String(500), default="")
    body: Mapped[str] = mapped_column(Text, default="")
    category: Mapped[str | None] = mapped_column(String(16), nullable=True)
    agent_id: Mapped[int | None] = mapped_column(
        ForeignKey("agents.id", ondelete="SET NULL"), nullable=True
    )
    status: Mapped[str] = mapped_column(String(16), default="new")
    deadline_at: Mapped[datetime] = mapped_column(UtcDateTime)  # legal: received + 48 h (C2.1)
    internal_deadline_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    first_response_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    first_response_kind: Mapped[str | None] = mapped_column(String(8), nullable=True)
    answered_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    # The notice of C2.1: why (documents | coordination), which documents or bodies, the answer
    # date announced to the sender, and how the sender was told (or the contact it went to).
    notice_reason: Mapped[str | None] = mapped_column(String(16), nullable=True)
    notice_detail: Mapped[str] = mapped_column(Text, default="")
    notice_answer_by: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    notice_told_via: Mapped[str] = mapped_column(String(200), default="")
    closed_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    close_reason: Mapped[str | None] = mapped_column(String(16), nullable=True)
    purged_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (
        Index("ix_requests_received_at", "received_at", "id"),
        Index("ix_requests_deadline_open", "first_response_at", "deadline_at"),
        Index("ix_requests_deadline_at", "deadline_at", "id"),
        # Each register sort is served by an index whose columns are its ORDER BY, so a keyset
        # page is a range read (0007_requests_sort): (column, received_at, id).
        Index("ix_requests_status", "status", "received_at", "id"),
        Index("ix_requests_channel", "channel", "received_at", "id"),
        Index("ix_requests_type", "type", "received_at", "id"),
        Index("ix_requests_category", "category", "received_at", "id"),
        Index("ix_requests_agent_id", "agent_id", "received_at", "id"),
        Index("ix_requests_closed_at", "closed_at"),
        Index("ix_requests_citizen", "citizen", "id"),
        Index("ix_requests_subject", "subject", "id"),
        Index("ix_requests_contact", "contact"),
    )


class RequestEvent(Base):
    """One step of a request's life, timestamped and attributed: the timeline and the proof."""

    __tablename__ = "request_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("requests.id", ondelete="CASCADE"))
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    kind: Mapped[str] = mapped_column(String(16))  # created assigned notice answer closed …
    username: Mapped[str] = mapped_column(String(64), default="")
    user_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    agent_id: Mapped[int | None] = mapped_column(
        ForeignKey("agents.id", ondelete="SET NULL"), nullable=True
    )
    text: Mapped[str] = mapped_column(Text, default="")
    recorded_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    # Why a step was entered more than 15 minutes after the time it is dated (after the fact).
    late_reason: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (Index("ix_request_events_request", "request_id", "at"),)


class RequestPurge(Base):
    """What a retention purge removed (law 2004-63): when, by whom, up to which date, which refs."""

    __tablename__ = "request_purges"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    username: Mapped[str] = mapped_column(String(64))
    cutoff: Mapped[datetime] = mapped_column(UtcDateTime)
    count: Mapped[int] = mapped_column(Integer)
    references_json: Mapped[str] = mapped_column(Text)


class Holiday(Base):
    """A public holiday: seeded from the `holidays` package, corrected by the administrator."""

    __tablename__ = "holidays"

    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[date] = mapped_column(Date, unique=True)
    name_ar: Mapped[str] = mapped_column(String(200), default="")
    name_fr: Mapped[str] = mapped_column(String(200), default="")
    estimated: Mapped[bool] = mapped_column(Boolean, default=False)  # lunar, not yet announced
    source: Mapped[str] = mapped_column(String(16), default="seed")  # seed | admin
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class OfficeTimetable(Base):
    """Dated office hours (normal, summer single session, Ramadan), re-announced every year.

    `sessions_json` maps ISO weekday (1 = Monday) to a list of ["HH:MM", "HH:MM"] sessions; a
    weekday absent or empty is a day off. When periods overlap, the shortest one wins.
    """

    __tablename__ = "office_timetables"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))  # normal | summer | ramadan | other
    label: Mapped[str] = mapped_column(String(200), default="")
    valid_from: Mapped[date | None] = mapped_column(Date, nullable=True)
    valid_to: Mapped[date | None] = mapped_column(Date, nullable=True)  # included
    sessions_json: Mapped[str] = mapped_column(Text)
    estimated: Mapped[bool] = mapped_column(Boolean, default=False)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class CalendarYear(Base):
    """A year whose holidays and timetables were seeded once; never re-seeded over admin edits."""

    __tablename__ = "calendar_years"

    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    seeded_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
