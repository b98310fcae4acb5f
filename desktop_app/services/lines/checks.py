"""Line checks (C8.1, C2.4): recording one, withdrawing a mistaken one, the checks list."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import and_, or_, select, update
from sqlalchemy.orm import Session

from desktop_app.data.db import Database
from desktop_app.data.models import (
    LineCheck,
    PhoneLine,
)
from desktop_app.data.types import utcnow
from desktop_app.i18n import translate
from desktop_app.services import audit, phones
from desktop_app.services.errors import UserError
from desktop_app.services.lines.common import _get_line, require_read
from desktop_app.services.lines.rows import CheckRow
from desktop_app.services.lines.values import CLOCK_SKEW, RESULTS, SOURCES, WORKING_RESULTS
from desktop_app.services.permissions import Actor, Perm


# -- checks (C8.1, C2.4) ----------------------------------------------------------------------
def add_check(
    session: Session,
    actor: Actor,
    line_id: int,
    result: str,
    at: datetime,
    notes: str = "",
    source: str = "manual",
) -> int:
    """Record one test call inside the caller's unit of work; the call-quality area calls this
    when a mystery call is recorded. Returns the check's id."""
    actor.require(Perm.CHECK_LINES)
    if result not in RESULTS:
        raise UserError(translate("lines", "Choose the result of the check."))
    if source not in SOURCES:
        raise ValueError(f"unknown check source {source!r}")
    if at.tzinfo is None:
        raise ValueError("a check time must be aware")
    if at > utcnow() + CLOCK_SKEW:
        raise UserError(translate("lines", "A check cannot be recorded in the future."))
    line = _get_line(session, line_id)
    if line.status == "retired":
        raise UserError(
            translate("lines", "The line {number} is retired; it cannot be checked.").format(
                number=phones.display_number(line.number)
            )
        )
    check = LineCheck(
        line_id=line_id,
        at=at,
        result=result,
        working=result in WORKING_RESULTS,
        notes=str(notes or "").strip(),
        source=source,
        checked_by=actor.username,
    )
    session.add(check)
    session.flush()
    # The latest check, repeated on the line for sorting; not an edit, so no version bump.
    session.execute(
        update(PhoneLine)
        .where(PhoneLine.id == line_id)
        .where(or_(PhoneLine.last_checked_at.is_(None), PhoneLine.last_checked_at <= at))
        .values(last_checked_at=at, last_check_result=result)
        .execution_options(synchronize_session=False)
    )
    session.expire(line)
    audit.record(
        session,
        actor,
        "check",
        "phone_line",
        line_id,
        after={"result": result, "at": at, "source": source, "notes": check.notes},
    )
    return check.id


def record_check(
    db: Database,
    actor: Actor,
    line_id: int,
    result: str,
    at: datetime | None = None,
    notes: str = "",
    source: str = "manual",
) -> int:
    """Check-in-two-clicks from the window: now, by the signed-in user."""
    actor.require(Perm.CHECK_LINES)
    with db.write() as s:
        return add_check(s, actor, line_id, result, at or utcnow(), notes, source)


WITHDRAW_WITHIN = timedelta(days=1)  # a mistaken check may be withdrawn by its author a day long


def withdrawable_check(
    db: Database, actor: Actor, line_id: int, now: datetime | None = None
) -> CheckRow | None:
    """The actor's latest check of the line recorded less than a day ago, if any (C8.1)."""
    actor.require(Perm.CHECK_LINES)
    since = (now or utcnow()) - WITHDRAW_WITHIN
    with db.read() as s:
        c = s.scalars(
            select(LineCheck)
            .where(LineCheck.line_id == line_id, LineCheck.checked_by == actor.username,
                   LineCheck.created_at > since)
            .order_by(LineCheck.created_at.desc(), LineCheck.id.desc())
            .limit(1)
        ).first()  # fmt: skip
        if c is None:
            return None
        return CheckRow(c.id, c.line_id, c.at, c.result, c.working, c.notes, c.source,
                        c.checked_by)  # fmt: skip


def withdraw_check(
    db: Database, actor: Actor, check_id: int, reason: str, now: datetime | None = None
) -> None:
    """Withdraw a mistaken check (C8.1: the figures say whether lines work, so a wrong click must
    not stand): only by the person who recorded it, within a day of recording it, with a reason;
    the audit trail keeps the check as it was. The line's latest check is worked out again."""
    actor.require(Perm.CHECK_LINES)
    if not reason.strip():
        raise UserError(translate("lines", "Say why the check is withdrawn."))
    now = now or utcnow()
    with db.write() as s:
        check = s.get(LineCheck, check_id)
        if check is None:
            raise UserError(translate("lines", "This check no longer exists."))
        if check.checked_by != actor.username:
            raise UserError(
                translate("lines", "Only the person who recorded a check can withdraw it.")
            )
        if now - check.created_at > WITHDRAW_WITHIN:
            raise UserError(
                translate("lines", "A check can be withdrawn only within a day of recording it.")
            )
        line_id = check.line_id
        before = {"at": check.at, "result": check.result, "notes": check.notes,
                  "source": check.source, "recorded_at": check.created_at}  # fmt: skip
        s.delete(check)
        s.flush()
        latest = s.execute(
            select(LineCheck.at, LineCheck.result)
            .where(LineCheck.line_id == line_id)
            .order_by(LineCheck.at.desc(), LineCheck.id.desc())
            .limit(1)
        ).first()
        s.execute(
            update(PhoneLine)
            .where(PhoneLine.id == line_id)
            .values(last_checked_at=latest[0] if latest else None,
                    last_check_result=latest[1] if latest else None)
            .execution_options(synchronize_session=False)
        )  # fmt: skip
        audit.record(s, actor, "withdraw_check", "phone_line", line_id, before=before,
                     after={"reason": reason.strip()})  # fmt: skip


def checks_page(
    db: Database, actor: Actor, line_id: int, *, after: CheckRow | None = None, limit: int = 200
) -> list[CheckRow]:
    """A line's checks, the latest check time first (a check entered afterwards for an earlier
    time sits where it happened), paged by keyset on (at, id) after the last row of a page."""
    require_read(actor)
    stmt = select(LineCheck).where(LineCheck.line_id == line_id)
    if after is not None:
        stmt = stmt.where(
            or_(LineCheck.at < after.at, and_(LineCheck.at == after.at, LineCheck.id < after.id))
        )
    stmt = stmt.order_by(LineCheck.at.desc(), LineCheck.id.desc()).limit(limit)
    with db.read() as s:
        return [
            CheckRow(c.id, c.line_id, c.at, c.result, c.working, c.notes, c.source, c.checked_by)
            for c in s.scalars(stmt)
        ]
