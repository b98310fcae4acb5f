"""Line faults (C8.4): reporting, repairing and listing them."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select

from desktop_app.data.db import Database
from desktop_app.data.models import (
    LineFault,
    PhoneLine,
)
from desktop_app.data.types import utcnow
from desktop_app.i18n import translate
from desktop_app.services import audit
from desktop_app.services.errors import UserError
from desktop_app.services.lines.common import _check_version, _clean, _get_line, require_read
from desktop_app.services.lines.rows import FaultRow
from desktop_app.services.lines.values import CLOCK_SKEW
from desktop_app.services.permissions import Actor, Perm


# -- faults (C8.4) ----------------------------------------------------------------------------
def _fault_row(f: LineFault, line: PhoneLine) -> FaultRow:
    return FaultRow(
        f.id,
        f.line_id,
        line.number,
        line.label,
        f.reported_at,
        f.symptom,
        f.ticket_ref,
        f.reported_by,
        f.repaired_at,
        f.repair_notes,
        f.version,
    )


def open_fault(db: Database, actor: Actor, line_id: int) -> FaultRow | None:
    """The latest fault of the line not yet repaired, if any: a failing check names it rather
    than reporting the same fault twice (C8.4)."""
    require_read(actor)
    with db.read() as s:
        found = s.execute(
            select(LineFault, PhoneLine)
            .join(PhoneLine, PhoneLine.id == LineFault.line_id)
            .where(LineFault.line_id == line_id, LineFault.repaired_at.is_(None))
            .order_by(LineFault.reported_at.desc(), LineFault.id.desc())
            .limit(1)
        ).first()
        return _fault_row(found[0], found[1]) if found else None


def report_fault(
    db: Database,
    actor: Actor,
    line_id: int,
    *,
    symptom: str,
    ticket_ref: str = "",
    reported_at: datetime | None = None,
) -> FaultRow:
    """A fault on a line; a line in service becomes faulty until the fault is repaired."""
    actor.require(Perm.CHECK_LINES)
    reported_at = reported_at or utcnow()
    if reported_at > utcnow() + CLOCK_SKEW:
        raise UserError(translate("lines", "A fault cannot be reported in the future."))
    if not str(symptom or "").strip():
        raise UserError(translate("lines", "Describe the fault (what callers hear or see)."))
    with db.write() as s:
        line = _get_line(s, line_id)
        fault = LineFault(
            line_id=line_id,
            reported_at=reported_at,
            symptom=str(symptom).strip(),
            ticket_ref=_clean(ticket_ref, 64),
            reported_by=actor.username,
            repair_notes="",
        )
        s.add(fault)
        if line.status == "in_service":
            line.status = "faulty"
        s.flush()
        audit.record(
            s,
            actor,
            "report_fault",
            "phone_line",
            line_id,
            after={
                "fault_id": fault.id,
                "symptom": fault.symptom,
                "ticket_ref": fault.ticket_ref,
                "reported_at": reported_at,
            },
        )
        return _fault_row(fault, line)


def repair_fault(
    db: Database,
    actor: Actor,
    fault_id: int,
    *,
    expected_version: int,
    repaired_at: datetime | None = None,
    notes: str = "",
) -> FaultRow:
    """The fault is fixed; the line is back in service when no other fault stays open."""
    actor.require(Perm.EDIT_LINES)
    repaired_at = repaired_at or utcnow()
    if repaired_at > utcnow() + CLOCK_SKEW:
        raise UserError(translate("lines", "A repair cannot be recorded in the future."))
    with db.write() as s:
        fault = s.get(LineFault, fault_id)
        if fault is None:
            raise UserError(translate("lines", "This fault no longer exists."))
        _check_version(fault.version, expected_version)
        if fault.repaired_at is not None:
            raise UserError(translate("lines", "This fault is already marked repaired."))
        if repaired_at < fault.reported_at:
            raise UserError(
                translate("lines", "The repair cannot come before the fault was reported.")
            )
        fault.repaired_at = repaired_at
        fault.repair_notes = str(notes or "").strip()
        line = _get_line(s, fault.line_id)
        s.flush()
        still_open = s.scalar(
            select(func.count(LineFault.id)).where(
                LineFault.line_id == line.id, LineFault.repaired_at.is_(None)
            )
        )
        if line.status == "faulty" and not still_open:
            line.status = "in_service"
        audit.record(
            s,
            actor,
            "repair_fault",
            "phone_line",
            line.id,
            after={"fault_id": fault.id, "repaired_at": repaired_at, "notes": fault.repair_notes},
        )
        s.flush()
        return _fault_row(fault, line)


def faults_page(
    db: Database,
    actor: Actor,
    *,
    open_only: bool = False,
    line_id: int | None = None,
    before_id: int | None = None,
    limit: int = 200,
) -> list[FaultRow]:
    """Newest first, keyset-paged on id; open ones only for the repair list."""
    require_read(actor)
    stmt = select(LineFault, PhoneLine).join(PhoneLine, PhoneLine.id == LineFault.line_id)
    if open_only:
        stmt = stmt.where(LineFault.repaired_at.is_(None))
    if line_id is not None:
        stmt = stmt.where(LineFault.line_id == line_id)
    if before_id is not None:
        stmt = stmt.where(LineFault.id < before_id)
    stmt = stmt.order_by(LineFault.id.desc()).limit(limit)
    with db.read() as s:
        return [_fault_row(f, line) for f, line in s.execute(stmt)]
