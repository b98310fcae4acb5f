"""Citizen requests' fixed values (sort keys, states, dated steps) and their names."""

from __future__ import annotations

import re

from desktop_app.i18n import translate
from desktop_app.services import deadlines, user_categories

_EMAIL = re.compile(r"^[^@\s<>\"]+@[^@\s<>\"]+\.[A-Za-z]{2,}$")
SORT_KEYS = (
    "reference",
    "received_at",
    "channel",
    "type",
    "citizen",
    "subject",
    "agent",
    "status",
    "deadline",
    "category",
)
STATE_KEYS = deadlines.STATES
# Steps whose date a user may type: dated back more than 15 minutes they need a reason.
DATED_STEPS = ("answer", "notice", "closed")


# -- value names -----------------------------------------------------------------------------------
def channel_label(value: str) -> str:
    return {
        "email": translate("requests", "E-mail"),
        "phone": translate("requests", "Telephone"),
        "web": translate("requests", "Web portal"),
        "fax": translate("requests", "Fax"),
        "letter": translate("requests", "Letter"),
        "in_person": translate("requests", "In person"),
        "social": translate("requests", "Social networks"),
    }.get(value, value)


def type_label(value: str) -> str:
    return {
        "request": translate("requests", "Request"),
        "complaint": translate("requests", "Complaint"),
        "report": translate("requests", "Report"),
        "inquiry": translate("requests", "Inquiry"),
        "suggestion": translate("requests", "Suggestion"),
    }.get(value, value)


def category_label(value: str | None) -> str:
    """The particular category's name as the body keeps it (C8.6, services/user_categories.py)."""
    return user_categories.label(value)


def status_label(value: str) -> str:
    return {
        "new": translate("requests", "New"),
        "assigned": translate("requests", "Assigned"),
        "notice_sent": translate("requests", "Notice sent"),
        "answered": translate("requests", "Answered"),
        "closed": translate("requests", "Closed"),
    }.get(value, value)


def event_label(kind: str) -> str:
    return {
        "created": translate("requests", "Received"),
        "imported": translate("requests", "Imported from the register"),
        "assigned": translate("requests", "Assigned"),
        "notice": translate("requests", "Notice to the sender"),
        "acknowledged": translate("requests", "Acknowledgement of receipt"),
        "answer": translate("requests", "Answer"),
        "closed": translate("requests", "Closed"),
        "reopened": translate("requests", "Reopened"),
        "purged": translate("requests", "Personal data removed"),
        "mail_in": translate("requests", "E-mail from the citizen"),
        "mail_out": translate("requests", "E-mail sent to the citizen"),
        "mail_failed": translate("requests", "E-mail not sent"),
        "mail_bounced": translate("requests", "E-mail came back undelivered"),
        "answer_bounced": translate("requests", "Answer not delivered (does not count)"),
        "notice_bounced": translate("requests", "Notice not delivered (does not count)"),
    }.get(kind, kind)


def notice_reason_label(value: str | None) -> str:
    """C2.1's two reasons for a notice: documents to consult, coordination with other bodies."""
    return {
        "documents": translate("requests", "Many documents to consult"),
        "coordination": translate("requests", "Coordination with other public bodies"),
    }.get(value or "", value or "")


def close_reason_label(value: str | None) -> str:
    return {
        "answered": translate("requests", "Answered"),
        "withdrawn": translate("requests", "Withdrawn by the citizen"),
        "forwarded": translate("requests", "Not competent: forwarded to the competent body"),
    }.get(value or "", value or "")
