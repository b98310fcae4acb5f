"""Secrets this database keeps for itself (never exported, never shown): the audit's HMAC key."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.data.models.base import Base
from desktop_app.data.types import UtcDateTime, utcnow


class LocalSecret(Base):
    """Added by 0008_i16b. A row per purpose; the value is random hex made on first use."""

    __tablename__ = "local_secrets"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(String(128))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
