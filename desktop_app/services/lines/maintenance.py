"""The lines' maintenance schedule (C8.4)."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select

from desktop_app.data.db import Database
from desktop_app.data.models import (
    LineMaintenance,
    PhoneLine,
)
from desktop_app.i18n import translate
from desktop_app.services import audit
from desktop_app.services.errors import UserError
from desktop_app.services.lines.common import (
    _check_version,
    _clean,
    _get_line,
    _today,
    require_read,
)
from desktop_app.services.lines.rows import MaintenanceRow
from desktop_app.services.permissions import Actor, Perm


def add_maintenance(
    db: Database, actor: Actor, line_id: int, *, task: str, interval_days: int, next_due: date
) -> int:
    actor.require(Perm.EDIT_LINES)
    task = _clean(task, 200)
    if not task:
        raise UserError(translate("lines", "Name the maintenance task."))
    if not 1 <= interval_days <= 3650:
        raise UserError(
            translate("lines", "The maintenance interval must be between 1 and 3650 days.")
        )
    with db.write() as s:
        _get_line(s, line_id)
        item = LineMaintenance(
            line_id=line_id, task=task, interval_days=interval_days, next_due=next_due
        )
        s.add(item)
        s.flush()
        audit.record(
            s,
            actor,
            "add_maintenance",
            "phone_line",
            line_id,
            after={"task": task, "interval_days": interval_days, "next_due": next_due},
        )
        return item.id


def maintenance_done(
    db: Database, actor: Actor, item_id: int, *, expected_version: int, done_on: date | None = None
) -> MaintenanceRow:
    """Done on a day: the next one falls interval_days later."""
    actor.require(Perm.EDIT_LINES)
    done_on = done_on or _today()
    if done_on > _today():
        raise UserError(translate("lines", "Maintenance cannot be marked done in the future."))
    with db.write() as s:
        item = s.get(LineMaintenance, item_id)
        if item is None:
            raise UserError(translate("lines", "This maintenance task no longer exists."))
        _check_version(item.version, expected_version)
        before = {"last_done": item.last_done, "next_due": item.next_due}
        item.last_done = done_on
        item.next_due = done_on + timedelta(days=item.interval_days)
        s.flush()
        audit.record(
            s,
            actor,
            "maintenance_done",
            "phone_line",
            item.line_id,
            before=before,
            after={"last_done": item.last_done, "next_due": item.next_due},
        )
        line = _get_line(s, item.line_id)
        return _maintenance_row(item, line, _today())


def delete_maintenance(db: Database, actor: Actor, item_id: int) -> None:
    actor.require(Perm.EDIT_LINES)
    with db.write() as s:
        item = s.get(LineMaintenance, item_id)
        if item is None:
            return
        audit.record(
            s,
            actor,
            "delete_maintenance",
            "phone_line",
            item.line_id,
            before={"task": item.task, "next_due": item.next_due},
        )
        s.delete(item)


def _maintenance_row(item: LineMaintenance, line: PhoneLine, today: date) -> MaintenanceRow:
    return MaintenanceRow(
        item.id,
        item.line_id,
        line.number,
        line.label,
        item.task,
        item.interval_days,
        item.next_due,
        item.last_done,
        item.version,
        item.next_due < today,
    )


def maintenance_schedule(
    db: Database, actor: Actor, *, overdue_only: bool = False, today: date | None = None
) -> list[MaintenanceRow]:
    """By next due date, overdue first; a few per line, so bounded by the inventory."""
    require_read(actor)
    today = today or _today()
    stmt = (
        select(LineMaintenance, PhoneLine)
        .join(PhoneLine, PhoneLine.id == LineMaintenance.line_id)
        .where(PhoneLine.status != "retired")
    )
    if overdue_only:
        stmt = stmt.where(LineMaintenance.next_due < today)
    stmt = stmt.order_by(LineMaintenance.next_due, LineMaintenance.id)
    with db.read() as s:
        return [_maintenance_row(item, line, today) for item, line in s.execute(stmt)]
