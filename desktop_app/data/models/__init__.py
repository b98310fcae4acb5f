"""The ORM models, one module per aggregate; importing this package registers them all."""

from __future__ import annotations

from desktop_app.data.models.agents import (
    Agent,
    AgentLine,
    Guide,
    GuideAcknowledgement,
    LegalUpdate,
    LegalUpdateNotice,
    PostEquipment,
    ReceptionPost,
    Recognition,
    TrainingAttendance,
    TrainingRule,
    TrainingSession,
)
from desktop_app.data.models.audit import AuditEntry
from desktop_app.data.models.base import Base
from desktop_app.data.models.lines import PhoneLine
from desktop_app.data.models.settings import Setting
from desktop_app.data.models.users import User

__all__ = [
    "Agent", "AgentLine", "AuditEntry", "Base", "Guide", "GuideAcknowledgement", "LegalUpdate",
    "LegalUpdateNotice", "PhoneLine", "PostEquipment", "ReceptionPost", "Recognition", "Setting",
    "TrainingAttendance", "TrainingRule", "TrainingSession", "User",
]  # fmt: skip
