"""Plain rows the window, the reports and the exchange receive about requests."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from desktop_app.i18n import localized_name, translate
from desktop_app.services import deadlines
from desktop_app.services.requests.values import DATED_STEPS, event_label


# -- rows the window and the reports receive -------------------------------------------------------
@dataclass(frozen=True)
class RequestRow:
    id: int
    reference: str
    received_at: datetime
    channel: str
    type: str
    citizen: str  # "" when the actor may not read personal data
    contact: str
    subject: str
    category: str | None
    agent_id: int | None
    agent_name_ar: str
    agent_name_fr: str
    status: str
    deadline_at: datetime
    first_response_at: datetime | None
    first_response_kind: str | None
    closed_at: datetime | None
    purged: bool
    version: int
    state: str  # on_time, due_soon, overdue, met, missed, notice_overdue (computed at query time)
    personal_hidden: bool = False
    internal_deadline_at: datetime | None = None  # the body's own target, beside the legal one
    answered_at: datetime | None = None  # the first answer (a notice is not one)
    notice_reason: str | None = None  # documents | coordination (C2.1)
    notice_detail: str = ""
    notice_answer_by: datetime | None = None  # the answer date the notice announced
    notice_told_via: str = ""
    close_reason: str | None = None

    def agent_name(self, lang: str) -> str:
        return localized_name(self.agent_name_ar, self.agent_name_fr, lang)


@dataclass(frozen=True)
class EventRow:
    at: datetime
    kind: str
    username: str
    text: str
    recorded_at: datetime
    agent_id: int | None = None  # "assigned": to whom (None: the assignment was withdrawn)
    agent_name_ar: str = ""
    agent_name_fr: str = ""
    late_reason: str = ""
    imported: bool = False  # written by a register import: its dates come from the register

    @property
    def after_the_fact(self) -> bool:
        """Entered in Istiqbal more than 15 minutes after the time it is dated (not an import)."""
        return (
            self.kind in DATED_STEPS
            and not self.imported
            and self.recorded_at - self.at > deadlines.BACKDATED_AFTER
        )

    def agent_name(self, lang: str) -> str:
        return localized_name(self.agent_name_ar, self.agent_name_fr, lang)

    def describe(self, lang: str) -> str:
        """The step in words; an assignment names the agent (or says it was withdrawn)."""
        if self.kind != "assigned":
            return event_label(self.kind)
        if self.agent_id is None:
            return translate("requests", "Assignment withdrawn")
        return translate("requests", "Assigned to {agent}").format(agent=self.agent_name(lang))


@dataclass(frozen=True)
class RequestDetail:
    row: RequestRow
    body: str
    events: list[EventRow]


@dataclass(frozen=True)
class RequestFilter:
    status: str = ""
    channel: str = ""
    type: str = ""
    category: str = ""
    agent_id: int | None = None
    state: str = ""  # one of deadlines.STATES, or "open" (not yet responded, not closed)
    # The legal deadline's states judge by received + 48 h (C2.1); notice_overdue: a notice's
    # announced answer date has passed without an answer.
    since: datetime | None = None
    until: datetime | None = None
    text: str = ""


@dataclass(frozen=True)
class AgentChoice:
    id: int
    name_ar: str
    name_fr: str

    def name(self, lang: str) -> str:
        return localized_name(self.name_ar, self.name_fr, lang)
