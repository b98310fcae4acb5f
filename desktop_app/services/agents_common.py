"""What the agents, training, guides, equipment and recognition services share.

Training topics (the keys shared with the call-quality area), files kept in the database,
the read permission, "active on a day" for agents, and calendar-month arithmetic.
"""

from __future__ import annotations

import calendar
import hashlib
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import and_, or_

from desktop_app.data.models import Agent
from desktop_app.i18n import current_language, localized_name, translate
from desktop_app.services.errors import UserError, require_version
from desktop_app.services.permissions import Actor, Perm

# The shared training topic keys (helper brief): C8.5 reception, C8.5 legal, C8.6 categories.
TOPICS: tuple[str, ...] = ("reception", "legal", "special_categories", "equipment", "other")
MAX_FILE_BYTES = 50 * 1024 * 1024


def topic_label(key: str | None) -> str:
    labels = {
        None: translate("agents", "Any topic"),
        "reception": translate("agents", "Reception and guidance techniques"),
        "legal": translate("agents", "Legal and procedural update"),
        "special_categories": translate("agents", "Particular categories of users"),
        "equipment": translate("agents", "Equipment and tools"),
        "other": translate("agents", "Other"),
    }
    return labels.get(key, key or "")


def check_topic(topic: str) -> str:
    if topic not in TOPICS:
        raise UserError(
            translate("agents", "“{topic}” is not a training topic.").format(topic=topic)
        )
    return topic


def require_read(actor: Actor) -> None:
    """HR, supervisors, directors and administrators read the whole area (READ_ALL)."""
    actor.require(Perm.READ_ALL)


@dataclass(frozen=True)
class Attachment:
    """A file kept in the database: its name, bytes, size and SHA-256 (checked on the way out)."""

    name: str
    data: bytes

    @property
    def size(self) -> int:
        return len(self.data)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()

    @classmethod
    def from_path(cls, path: Path) -> Attachment:
        try:
            size = path.stat().st_size
            if size > MAX_FILE_BYTES:
                raise UserError(
                    translate(
                        "agents", "The file {name} is larger than {limit} MB; attach a smaller one."
                    ).format(name=path.name, limit=MAX_FILE_BYTES // (1024 * 1024))
                )
            return cls(path.name, path.read_bytes())
        except OSError as exc:
            raise UserError(
                translate("agents", "The file {name} cannot be read.").format(name=path.name)
            ) from exc

    def check(self) -> None:
        if not self.name.strip():
            raise UserError(translate("agents", "An attached file needs a name."))
        if self.size > MAX_FILE_BYTES:
            raise UserError(
                translate(
                    "agents", "The file {name} is larger than {limit} MB; attach a smaller one."
                ).format(name=self.name, limit=MAX_FILE_BYTES // (1024 * 1024))
            )


def verified(name: str | None, data: bytes | None, sha256: str | None) -> Attachment | None:
    """The stored file, refusing one whose bytes no longer match their recorded SHA-256."""
    if name is None or data is None:
        return None
    if sha256 and hashlib.sha256(data).hexdigest() != sha256:
        raise UserError(translate("agents", "The stored file {name} is damaged.").format(name=name))
    return Attachment(name, data)


def active_on(day: date) -> Any:
    """SQL condition: the agent works on `day` (active_from and active_to both included)."""
    return and_(
        or_(Agent.active_from.is_(None), Agent.active_from <= day),
        or_(Agent.active_to.is_(None), Agent.active_to >= day),
    )


def is_active_on(active_from: date | None, active_to: date | None, day: date) -> bool:
    return (active_from is None or active_from <= day) and (active_to is None or active_to >= day)


def require_active_on(agent: Agent, day: date, message: str) -> None:
    """Refuse an agent who had not started or had already left on `day`.

    `message` is translated and may use {name} (in the interface's language) and {day}."""
    if not is_active_on(agent.active_from, agent.active_to, day):
        raise UserError(
            message.format(
                name=message_name(agent.name_ar, agent.name_fr), day=day.strftime("%d/%m/%Y")
            )
        )


def message_name(name_ar: str, name_fr: str) -> str:
    """An agent's name for a message, in the language the message is made in."""
    arabic = current_language() == "ar"
    return localized_name(name_ar, name_fr, "ar" if arabic else "fr")


def add_months(day: date, months: int) -> date:
    """Calendar months, clamped to the month's end: 31/01 + 1 month = 28/02 (or 29/02)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def clean(text: str | None, limit: int) -> str:
    return (text or "").strip()[:limit]


def check_version(current: int, expected: int) -> None:
    """A concurrent edit becomes a clear message instead of a silent overwrite."""
    require_version(
        current,
        expected,
        lambda: translate(
            "agents", "Someone else changed this record meanwhile; reopen it and try again."
        ),
    )
