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
from desktop_app.data.models.calls import (
    CallBack,
    CallRecord,
    CampaignCall,
    Evaluation,
    EvaluationAnswer,
    MysteryCampaign,
    Scorecard,
    ScorecardCriterion,
)
from desktop_app.data.models.lines import (
    LineCheck,
    LineFault,
    LineForwarding,
    LineMaintenance,
    PhoneLine,
    ReinforcementPlan,
)
from desktop_app.data.models.mail import (
    MailAttachment,
    Mailbox,
    MailFetchState,
    MailMessage,
    MailProbe,
    MailSending,
)
from desktop_app.data.models.reports import ReportRun
from desktop_app.data.models.requests import (
    CalendarYear,
    CitizenRequest,
    Holiday,
    OfficeTimetable,
    ReferenceCounter,
    RequestEvent,
    RequestPurge,
    UserCategory,
)
from desktop_app.data.models.secrets import LocalSecret
from desktop_app.data.models.services_catalogue import OnlineService, ServiceLinkCheck, WebsiteAudit
from desktop_app.data.models.settings import Setting
from desktop_app.data.models.users import User

__all__ = [
    "LocalSecret",
    "Agent",
    "AgentLine",
    "AuditEntry",
    "Base",
    "CalendarYear",
    "CallBack",
    "CallRecord",
    "CampaignCall",
    "CitizenRequest",
    "Evaluation",
    "EvaluationAnswer",
    "Guide",
    "GuideAcknowledgement",
    "Holiday",
    "LegalUpdate",
    "LegalUpdateNotice",
    "LineCheck",
    "LineFault",
    "LineForwarding",
    "LineMaintenance",
    "MailAttachment",
    "MailFetchState",
    "MailMessage",
    "MailProbe",
    "MailSending",
    "Mailbox",
    "MysteryCampaign",
    "OnlineService",
    "OfficeTimetable",
    "PhoneLine",
    "PostEquipment",
    "ReceptionPost",
    "Recognition",
    "ReferenceCounter",
    "ReinforcementPlan",
    "ReportRun",
    "RequestEvent",
    "RequestPurge",
    "UserCategory",
    "Scorecard",
    "ScorecardCriterion",
    "ServiceLinkCheck",
    "Setting",
    "TrainingAttendance",
    "TrainingRule",
    "TrainingSession",
    "User",
    "WebsiteAudit",
]
