"""Plain rows the window, the command line and the import exchange with the lines area."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from desktop_app.data.types import utcnow
from desktop_app.i18n import localized_name
from desktop_app.services import phones
from desktop_app.services.lines.values import WORKING_RESULTS


# -- plain rows the window and the command line get -------------------------------------------
@dataclass(frozen=True)
class LineInput:
    """What the add/edit dialog and the import hand in; `number` as typed."""

    number: str
    kind: str = "other"
    label: str = ""
    department: str = ""
    extension: str = ""
    published: frozenset[str] = frozenset()
    status: str = "in_service"
    notes: str = ""


@dataclass(frozen=True)
class ForwardingRow:
    id: int
    line_id: int
    line_number: str
    line_label: str
    agent_id: int
    agent_name_ar: str
    agent_name_fr: str
    target_number: str
    starts_at: datetime
    ends_at: datetime
    notes: str

    @property
    def target_display(self) -> str:
        return phones.display_number(self.target_number)

    def agent_name(self, lang: str) -> str:
        return localized_name(self.agent_name_ar, self.agent_name_fr, lang)


@dataclass(frozen=True)
class LineRow:
    id: int
    number: str
    extension: str
    kind: str
    label: str
    department: str
    status: str
    published: frozenset[str]
    notes: str
    last_checked_at: datetime | None
    last_check_result: str | None
    version: int
    created_at: datetime
    retired_at: datetime | None
    sort_value: Any = None
    open_faults: int = 0
    forwarding: ForwardingRow | None = None

    @property
    def display(self) -> str:
        return phones.display_number(self.number)

    @property
    def working(self) -> bool | None:
        if self.last_check_result is None:
            return None
        return self.last_check_result in WORKING_RESULTS


@dataclass(frozen=True)
class LineFilter:
    search: str = ""
    kind: str = ""
    status: str = ""  # "" = every status but retired
    include_retired: bool = False
    unchecked_days: int | None = None  # only lines not checked for that many days
    sort: str = "number"
    descending: bool = False
    now: datetime | None = None
    lang: str = "fr"  # whose spelling of an agent's name sorts "answered by now"


@dataclass(frozen=True)
class CheckRow:
    id: int
    line_id: int
    at: datetime
    result: str
    working: bool
    notes: str
    source: str
    checked_by: str


@dataclass(frozen=True)
class FaultRow:
    id: int
    line_id: int
    line_number: str
    line_label: str
    reported_at: datetime
    symptom: str
    ticket_ref: str
    reported_by: str
    repaired_at: datetime | None
    repair_notes: str
    version: int

    @property
    def is_open(self) -> bool:
        return self.repaired_at is None

    def age_hours(self, now: datetime | None = None) -> float:
        end = self.repaired_at or now or utcnow()
        return (end - self.reported_at).total_seconds() / 3600


@dataclass(frozen=True)
class MaintenanceRow:
    id: int
    line_id: int
    line_number: str
    line_label: str
    task: str
    interval_days: int
    next_due: date
    last_done: date | None
    version: int
    overdue: bool


@dataclass(frozen=True)
class PlanInput:
    title: str
    starts_on: date
    ends_on: date
    hours: str = ""
    extra_lines: int = 0
    extra_agents: int = 0
    notes: str = ""


@dataclass(frozen=True)
class PlanRow:
    id: int
    title: str
    starts_on: date
    ends_on: date
    hours: str
    extra_lines: int
    extra_agents: int
    notes: str
    version: int


@dataclass(frozen=True)
class AgentChoice:
    id: int
    name_ar: str
    name_fr: str

    def name(self, lang: str) -> str:
        return localized_name(self.name_ar, self.name_fr, lang)


@dataclass
class NewLine:
    """A validated line ready to insert (the import's unit)."""

    number: str
    kind: str
    label: str = ""
    department: str = ""
    extension: str = ""
    published: frozenset[str] = field(default_factory=frozenset)
