"""The first-steps checklist of a new installation, and which indicators have nothing under them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop_app.data.db import Database
from desktop_app.data.models import (
    Agent,
    CallRecord,
    CitizenRequest,
    Evaluation,
    Mailbox,
    OnlineService,
    PhoneLine,
    Setting,
    User,
)
from desktop_app.i18n import translate
from desktop_app.services.permissions import Actor, Perm


@dataclass(frozen=True)
class FirstStep:
    key: str  # lines, agents, users, mailbox, targets
    title: str  # translated, an instruction: "Import the phone directory"
    hint: str  # translated: where and why
    page: str  # the page key that does it


def mailbox_configured(s: Session) -> bool:
    """Whether Istiqbal reads a mailbox of the body (Settings → Mailboxes): without one, the
    e-mail channel of C2.1 is typed in by hand and its 48 hours are unproven."""
    return s.scalar(select(Mailbox.id).where(Mailbox.active).limit(1)) is not None


def _count(s: Session, model: type[Any]) -> int:
    return int(s.scalar(select(func.count()).select_from(model)) or 0)


def first_steps(db: Database, actor: Actor) -> list[FirstStep]:
    """What a new installation still lacks, in the order to do it; empty once all is done.

    An empty body is not a good one: without lines, agents, users, a mailbox and targets the
    dashboard's green tiles and "nothing to do" would mislead (issue 14.4)."""
    actor.require(Perm.READ_ALL)
    with db.read() as s:
        has_mailbox = mailbox_configured(s)
        has_lines = _count(s, PhoneLine) > 0
        has_agents = _count(s, Agent) > 0
        has_users = _count(s, User) > 1  # the administrator made at first start is not a team
        has_targets = (
            s.scalar(select(Setting.key).where(Setting.key.like("target.%")).limit(1)) is not None
        )
    steps = [
        (has_lines, FirstStep("lines", translate("first_steps", "Import the phone directory"),
                              translate("first_steps", "Phone lines → Import: the lines the "
                                        "public can call (C8.1)."), "lines")),
        (has_agents, FirstStep("agents", translate("first_steps", "Add the reception agents"),
                               translate("first_steps", "Agents → New agent: who answers the "
                                         "public (C8.3)."), "agents")),
        (has_users, FirstStep("users", translate("first_steps", "Add the users"),
                              translate("first_steps", "Users → New user: supervisors and "
                                        "agents who sign in."), "users")),
        (has_mailbox,
         FirstStep("mailbox", translate("first_steps", "Configure the mailbox"),
                   translate("first_steps", "Settings: the e-mail address published for "
                             "requests (C2.1)."), "settings")),
        (has_targets, FirstStep("targets", translate("first_steps", "Set the targets"),
                                translate("first_steps", "Settings → Targets of the indicators: "
                                          "what counts as good here (C8.7)."), "settings")),
    ]  # fmt: skip
    return [step for done, step in steps if not done]


# Which records an indicator is computed from, by the prefix of its id: with none of them in
# the database, a figure of 0 means "nothing recorded yet", not "good" (issue 14.4).
_BASES: tuple[tuple[tuple[str, ...], type[Any]], ...] = (
    (("req_",), CitizenRequest),
    (("lines_", "faults_", "fault_"), PhoneLine),
    (("evals_",), Evaluation),
    (("cdr_",), CallRecord),
    (("agents_", "training_"), Agent),
    (("mail_",), Mailbox),
    (("services_",), OnlineService),
)


def without_data(s: Session, kpi_ids: list[str]) -> set[str]:
    """The indicators whose underlying records do not exist at all in this database."""
    empty = [prefixes for prefixes, model in _BASES if _count(s, model) == 0]
    return {k for k in kpi_ids if any(k.startswith(p) for prefixes in empty for p in prefixes)}
