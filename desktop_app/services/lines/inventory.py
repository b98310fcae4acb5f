"""The line inventory (C8.1): adding, editing, the sorted paged list, the import's bulk insert."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, case, func, insert, literal, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from desktop_app.data.db import Database
from desktop_app.data.models import (
    Agent,
    LineFault,
    LineForwarding,
    PhoneLine,
)
from desktop_app.data.types import UtcDateTime, utcnow
from desktop_app.i18n import translate
from desktop_app.services import audit, phones
from desktop_app.services import settings as settings_service
from desktop_app.services.errors import ConcurrentEdit
from desktop_app.services.lines.common import (
    _apply,
    _check_version,
    _clean,
    _duplicate,
    _get_line,
    _row,
    _snapshot,
    require_read,
    validate_line,
)
from desktop_app.services.lines.forwarding import _forwardings_query
from desktop_app.services.lines.rows import LineFilter, LineInput, LineRow, NewLine
from desktop_app.services.lines.values import _EPOCH
from desktop_app.services.permissions import Actor, Perm


# -- the inventory ----------------------------------------------------------------------------
def create_line(db: Database, actor: Actor, data: LineInput) -> LineRow:
    """C8.1: a new public number; a duplicate is refused with the line it duplicates."""
    actor.require(Perm.EDIT_LINES)
    parsed, extension = validate_line(data)
    with db.write() as s:
        _duplicate(s, parsed.number)
        line = PhoneLine()
        _apply(line, data, parsed.number, extension)
        s.add(line)
        s.flush()
        audit.record(s, actor, "create", "phone_line", line.id, after=_snapshot(line))
        return _row(line)


def update_line(
    db: Database, actor: Actor, line_id: int, data: LineInput, *, expected_version: int
) -> LineRow:
    actor.require(Perm.EDIT_LINES)
    parsed, extension = validate_line(data)
    try:
        with db.write() as s:
            line = _get_line(s, line_id)
            _check_version(line.version, expected_version)
            _duplicate(s, parsed.number, exclude_id=line_id)
            before = _snapshot(line)
            _apply(line, data, parsed.number, extension)
            s.flush()
            audit.record(
                s, actor, "update", "phone_line", line.id, before=before, after=_snapshot(line)
            )
            return _row(line)
    except StaleDataError as exc:
        raise ConcurrentEdit(
            translate(
                "lines", "Someone else changed this record meanwhile; reopen it and try again."
            )
        ) from exc


def get_line(db: Database, actor: Actor, line_id: int) -> LineRow:
    require_read(actor)
    with db.read() as s:
        rows = _decorate(s, [_row(_get_line(s, line_id))], utcnow())
        return rows[0]


_SORTS = (
    "number",
    "label",
    "kind",
    "department",
    "published",
    "status",
    "last_checked_at",
    "answered_by",
)


def _agent_name(lang: str) -> Any:
    first, second = (
        (Agent.name_ar, Agent.name_fr) if lang == "ar" else (Agent.name_fr, Agent.name_ar)
    )
    return case((func.coalesce(first, "") != "", first), else_=func.coalesce(second, ""))


def _sort_expr(key: str, now: datetime, lang: str) -> Any:
    if key == "published":
        # The widest published first when descending: website, then letters, posters, documents.
        return (
            case((PhoneLine.on_website, 8), else_=0)
            + case((PhoneLine.on_letters, 4), else_=0)
            + case((PhoneLine.on_posters, 2), else_=0)
            + case((PhoneLine.on_documents, 1), else_=0)
        )
    if key == "answered_by":
        # The agent a current forwarding sends the line to (C2.4); "" when nobody is.
        agent = (
            select(_agent_name(lang))
            .select_from(LineForwarding)
            .join(Agent, Agent.id == LineForwarding.agent_id)
            .where(
                LineForwarding.line_id == PhoneLine.id,
                LineForwarding.starts_at <= now,
                LineForwarding.ends_at > now,
            )
            .order_by(LineForwarding.starts_at.desc(), LineForwarding.id.desc())
            .limit(1)
            .correlate(PhoneLine)
            .scalar_subquery()
        )
        return func.coalesce(agent, "")
    if key == "last_checked_at":
        return func.coalesce(
            PhoneLine.last_checked_at, literal(_EPOCH, UtcDateTime()), type_=UtcDateTime()
        )
    column = {
        "number": PhoneLine.number,
        "label": PhoneLine.label,
        "kind": PhoneLine.kind,
        "department": PhoneLine.department,
        "status": PhoneLine.status,
    }[key]
    return column


def _filtered(flt: LineFilter, now: datetime, interval_days: int) -> Any:
    key = flt.sort if flt.sort in _SORTS else "number"
    expr = _sort_expr(key, now, flt.lang)
    stmt = select(PhoneLine, expr.label("sort_value"))
    if flt.status:
        stmt = stmt.where(PhoneLine.status == flt.status)
    elif not flt.include_retired:
        stmt = stmt.where(PhoneLine.status != "retired")
    if flt.kind:
        stmt = stmt.where(PhoneLine.kind == flt.kind)
    if flt.search.strip():
        text = flt.search.strip()
        like = f"%{text}%"
        conditions = [
            PhoneLine.label.ilike(like),
            PhoneLine.department.ilike(like),
            PhoneLine.number.like(like),
        ]
        digits = phones.match_key(text)
        if digits:
            conditions.append(PhoneLine.number.like(f"%{digits}%"))
        stmt = stmt.where(or_(*conditions))
    if flt.unchecked_days is not None:
        limit = now - timedelta(days=flt.unchecked_days or interval_days)
        stmt = stmt.where(
            or_(PhoneLine.last_checked_at.is_(None), PhoneLine.last_checked_at < limit)
        )
    return stmt, expr


def lines_page(
    db: Database, actor: Actor, flt: LineFilter, *, after: LineRow | None = None, limit: int = 200
) -> list[LineRow]:
    """One keyset page of the inventory, sorted and filtered in SQL, with each line's open
    faults and current forwarding (C2.4: who answers it now)."""
    require_read(actor)
    now = flt.now or utcnow()
    with db.read() as s:
        interval = int(settings_service.load_all(s)["check_interval_days"])
        stmt, expr = _filtered(flt, now, interval)
        if after is not None:
            if flt.descending:
                stmt = stmt.where(
                    or_(
                        expr < after.sort_value,
                        and_(expr == after.sort_value, PhoneLine.id < after.id),
                    )
                )
            else:
                stmt = stmt.where(
                    or_(
                        expr > after.sort_value,
                        and_(expr == after.sort_value, PhoneLine.id > after.id),
                    )
                )
        order = (expr.desc(), PhoneLine.id.desc()) if flt.descending else (expr, PhoneLine.id)
        stmt = stmt.order_by(*order).limit(limit)
        rows = [_row(line, sort_value) for line, sort_value in s.execute(stmt)]
        return _decorate(s, rows, now)


def _decorate(s: Session, rows: list[LineRow], now: datetime) -> list[LineRow]:
    if not rows:
        return rows
    ids = [r.id for r in rows]
    faults = dict(
        s.execute(
            select(LineFault.line_id, func.count(LineFault.id))
            .where(LineFault.line_id.in_(ids), LineFault.repaired_at.is_(None))
            .group_by(LineFault.line_id)
        ).all()
    )
    forwards = {f.line_id: f for f in _forwardings_query(s, now, line_ids=ids)}
    return [
        replace(r, open_faults=int(faults.get(r.id, 0)), forwarding=forwards.get(r.id))
        for r in rows
    ]


def lines_due_for_check(db: Database, actor: Actor, now: datetime | None = None) -> list[LineRow]:
    """The verification round (C8.1): lines in use not checked for check_interval_days, the
    longest unchecked first. Bounded by the size of a body's inventory."""
    require_read(actor)
    now = now or utcnow()
    with db.read() as s:
        days = int(settings_service.load_all(s)["check_interval_days"])
        stmt = (
            select(PhoneLine)
            .where(PhoneLine.status != "retired")
            .where(
                or_(
                    PhoneLine.last_checked_at.is_(None),
                    PhoneLine.last_checked_at < now - timedelta(days=days),
                )
            )
            .order_by(
                PhoneLine.last_checked_at.is_not(None), PhoneLine.last_checked_at, PhoneLine.id
            )
        )
        return _decorate(s, [_row(line) for line in s.scalars(stmt)], now)


def count_lines(db: Database, actor: Actor) -> int:
    require_read(actor)
    with db.read() as s:
        return int(s.scalar(select(func.count(PhoneLine.id))) or 0)


# -- for the import (exchange/lines_file.py) --------------------------------------------------
def existing_numbers(session: Session, numbers: Iterable[str]) -> set[str]:
    wanted = list(set(numbers))
    found: set[str] = set()
    for i in range(0, len(wanted), 500):
        found.update(
            session.scalars(
                select(PhoneLine.number).where(PhoneLine.number.in_(wanted[i : i + 500]))
            )
        )
    return found


def insert_lines(session: Session, actor: Actor, new: list[NewLine]) -> int:
    """Bulk insert of validated, not-yet-present lines (Core, one statement)."""
    actor.require(Perm.EDIT_LINES)
    if not new:
        return 0
    now = utcnow()
    session.execute(
        insert(PhoneLine),
        [
            {
                "number": n.number,
                "kind": n.kind,
                "label": _clean(n.label, 200),
                "department": _clean(n.department, 200),
                "status": "in_service",
                "created_at": now,
                "retired_at": None,
                "version": 1,
                "extension": n.extension,
                "on_website": "website" in n.published,
                "on_letters": "letters" in n.published,
                "on_posters": "posters" in n.published,
                "on_documents": "documents" in n.published,
                "notes": "",
                "last_checked_at": None,
                "last_check_result": None,
            }
            for n in new
        ],
    )
    audit.record(
        session,
        actor,
        "import",
        "phone_line",
        "",
        after={"count": len(new), "numbers": [n.number for n in new][:200]},
    )
    return len(new)
