"""What every part of the lines area shares: the read permission, row building, validation."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.data.models import (
    PhoneLine,
)
from desktop_app.data.types import utcnow
from desktop_app.i18n import translate
from desktop_app.services import phones
from desktop_app.services.errors import UserError, require_version
from desktop_app.services.lines.rows import LineInput, LineRow
from desktop_app.services.lines.values import KINDS, PUBLICATIONS, STATUSES
from desktop_app.services.periods import local_date
from desktop_app.services.permissions import Actor, Perm


# -- permissions ------------------------------------------------------------------------------
def require_read(actor: Actor) -> None:
    """Agents read the inventory to check lines; everyone else reads every register."""
    if not actor.can(Perm.CHECK_LINES):
        actor.require(Perm.READ_ALL)


# -- helpers ----------------------------------------------------------------------------------
def _row(line: PhoneLine, sort_value: Any = None) -> LineRow:
    published = frozenset(
        w
        for w, flag in (
            ("website", line.on_website),
            ("letters", line.on_letters),
            ("posters", line.on_posters),
            ("documents", line.on_documents),
        )
        if flag
    )
    return LineRow(
        line.id,
        line.number,
        line.extension,
        line.kind,
        line.label,
        line.department,
        line.status,
        published,
        line.notes,
        line.last_checked_at,
        line.last_check_result,
        line.version,
        line.created_at,
        line.retired_at,
        sort_value,
    )


def _snapshot(line: PhoneLine) -> dict[str, Any]:
    return {
        "number": line.number,
        "extension": line.extension,
        "kind": line.kind,
        "label": line.label,
        "department": line.department,
        "status": line.status,
        "on_website": line.on_website,
        "on_letters": line.on_letters,
        "on_posters": line.on_posters,
        "on_documents": line.on_documents,
        "notes": line.notes,
    }


def _get_line(session: Session, line_id: int) -> PhoneLine:
    line = session.get(PhoneLine, line_id)
    if line is None:
        raise UserError(translate("lines", "This phone line no longer exists."))
    return line


def _check_version(found: int, expected: int) -> None:
    require_version(
        found,
        expected,
        lambda: translate(
            "lines", "Someone else changed this record meanwhile; reopen it and try again."
        ),
    )


def _clean(text: str, limit: int) -> str:
    return " ".join(str(text or "").split())[:limit]


def validate_line(data: LineInput) -> tuple[phones.ParsedNumber, str]:
    """The number as stored and the extension; raises UserError with one sentence."""
    if data.kind not in KINDS:
        raise UserError(translate("lines", "Choose the kind of line."))
    if data.status not in STATUSES:
        raise UserError(translate("lines", "Choose the status of the line."))
    unknown = set(data.published) - set(PUBLICATIONS)
    if unknown:
        raise UserError(
            translate("lines", "“{where}” is not a place where numbers are published.").format(
                where=", ".join(sorted(unknown))
            )
        )
    parsed = phones.normalise(data.number, data.kind)
    extension = _clean(data.extension, 16) or parsed.extension
    if extension and not extension.isdigit():
        raise UserError(
            translate("lines", "The extension “{text}” must be digits only.").format(text=extension)
        )
    return parsed, extension


def _duplicate(session: Session, number: str, exclude_id: int | None = None) -> None:
    stmt = select(PhoneLine).where(PhoneLine.number == number)
    if exclude_id is not None:
        stmt = stmt.where(PhoneLine.id != exclude_id)
    other = session.scalars(stmt).first()
    if other is not None:
        raise UserError(
            translate("lines", "The number {number} is already in the inventory ({label}).").format(
                number=phones.display_number(number), label=other.label or other.kind
            )
        )


def _apply(line: PhoneLine, data: LineInput, number: str, extension: str) -> None:
    line.number = number
    line.extension = extension
    line.kind = data.kind
    line.label = _clean(data.label, 200)
    line.department = _clean(data.department, 200)
    line.notes = str(data.notes or "").strip()
    line.on_website = "website" in data.published
    line.on_letters = "letters" in data.published
    line.on_posters = "posters" in data.published
    line.on_documents = "documents" in data.published
    if data.status == "retired" and line.status != "retired":
        line.retired_at = utcnow()
    elif data.status != "retired":
        line.retired_at = None
    line.status = data.status


def _today() -> date:
    return local_date(utcnow())
