"""The requests register: filtered, sorted, keyset-paged in SQL; state counts (C8.6)."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import (
    ColumnElement,
    and_,
    case,
    func,
    literal,
    or_,
    select,
    text,
    tuple_,
)
from sqlalchemy.orm import Session

from desktop_app.data.db import Database
from desktop_app.data.models import Agent, CitizenRequest
from desktop_app.data.types import utcnow
from desktop_app.services import settings as settings_service
from desktop_app.services import user_categories
from desktop_app.services.permissions import Actor, Perm
from desktop_app.services.requests.common import (
    _row_query,
    _to_row,
    _warning_hours,
    require_read,
)
from desktop_app.services.requests.rows import AgentChoice, RequestFilter, RequestRow

# -- the register: filtered, sorted, keyset-paged in SQL -------------------------------------------
# Every sort is served by an index whose columns are its ORDER BY (0007_requests_sort), so a
# keyset page is an index range read however large the register: a column with few values is
# ordered (column, received_at, id). Agent and category are read one value at a time (see
# _grouped_sorted), so a NULL category or agent never meets a keyset comparison.


# Sort key → the attributes the keyset compares (id excluded), named alike on the ORM class and on
# RequestRow. Grouped columns add received_at, as their (column, received_at, id) indexes do (0007).
_SORT_ATTRIBUTES: dict[str, tuple[str, ...]] = {
    "reference": ("reference",),
    "received_at": ("received_at",),
    "citizen": ("citizen",),
    "subject": ("subject",),
    "deadline": ("deadline_at",),
    "channel": ("channel", "received_at"),
    "type": ("type", "received_at"),
    "status": ("status", "received_at"),
}


def _sort_columns(key: str) -> list[Any]:
    if key not in _SORT_ATTRIBUTES:
        raise ValueError(f"unknown sort key {key}")
    return [getattr(CitizenRequest, name) for name in _SORT_ATTRIBUTES[key]]


def sort_values(row: RequestRow, key: str) -> list[Any]:
    """The values of `row` the keyset of sort `key` compares (id excluded)."""
    return [getattr(row, name) for name in _SORT_ATTRIBUTES[key]]


def _keyset_after(columns: list[Any], values: list[Any], last_id: int, descending: bool) -> Any:
    cols = [*columns, CitizenRequest.id]
    vals = [literal(v, type_=c.type) for c, v in zip(cols, [*values, last_id], strict=True)]
    pair, last = tuple_(*cols), tuple_(*vals)
    return pair < last if descending else pair > last


def like_pattern(word: str) -> str:
    """`%word%` for LIKE with the backslash as escape: a typed % or _ matches only itself."""
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _fts_query(text_: str, subject_only: bool) -> str:
    tokens = [t for t in re.split(r"[\s\"'()*:^+\-]+", text_) if t]
    column = "subject : " if subject_only else ""
    return " AND ".join(f'{column}"{t}"*' for t in tokens)


def notice_overdue_condition(now: datetime) -> ColumnElement[bool]:
    """Overdue after notice (C2.1): the first response was a notice, the answer date it announced
    is past, no answer came and the request is open. Never NULL, so it can be negated."""
    r = CitizenRequest
    return and_(
        func.coalesce(r.first_response_kind, "") == "notice",
        r.answered_at.is_(None),
        r.closed_at.is_(None),
        r.notice_answer_by.is_not(None),
        r.notice_answer_by < now,
    )


def state_condition(state: str, now: datetime, warning_hours: float) -> ColumnElement[bool]:
    """The SQL twin of deadlines.deadline_state(), on indexed columns."""
    r = CitizenRequest
    waiting = and_(r.first_response_at.is_(None), r.closed_at.is_(None))
    soon = now + timedelta(hours=warning_hours)
    after_notice = notice_overdue_condition(now)
    conditions: dict[str, ColumnElement[bool]] = {
        "open": waiting,
        "overdue": and_(waiting, r.deadline_at < now),
        "due_soon": and_(waiting, r.deadline_at >= now, r.deadline_at <= soon),
        "on_time": and_(waiting, r.deadline_at > soon),
        "met": and_(
            r.first_response_at.is_not(None), r.first_response_at <= r.deadline_at, ~after_notice
        ),
        "missed": and_(
            or_(
                and_(r.first_response_at.is_not(None), r.first_response_at > r.deadline_at),
                and_(r.first_response_at.is_(None), r.closed_at.is_not(None)),
            ),
            ~after_notice,
        ),
        "notice_overdue": after_notice,
    }
    if state not in conditions:
        raise ValueError(f"unknown deadline state {state}")
    return conditions[state]


def _filtered(
    stmt: Any, flt: RequestFilter, now: datetime, warning: float, sqlite: bool, personal: bool
) -> Any:
    r = CitizenRequest
    for column, value in (
        (r.status, flt.status),
        (r.channel, flt.channel),
        (r.type, flt.type),
        (r.category, flt.category),
    ):
        if value:
            stmt = stmt.where(column == value)
    if flt.agent_id is not None:
        stmt = (
            stmt.where(r.agent_id == flt.agent_id)
            if flt.agent_id
            else stmt.where(r.agent_id.is_(None))
        )
    if flt.state:
        stmt = stmt.where(state_condition(flt.state, now, warning))
    if flt.since is not None:
        stmt = stmt.where(r.received_at >= flt.since)
    if flt.until is not None:
        stmt = stmt.where(r.received_at < flt.until)
    if flt.text.strip():
        if sqlite:
            query = _fts_query(flt.text, subject_only=not personal)
            if query:
                stmt = stmt.where(
                    r.id.in_(
                        select(text("rowid"))
                        .select_from(text("requests_fts"))
                        .where(text("requests_fts MATCH :fts"))
                        .params(fts=query)
                    )
                )
        else:  # PostgreSQL: an ILIKE on each word, same columns; % and _ are literal
            columns = [r.subject] if not personal else [r.subject, r.body, r.citizen]
            for token in flt.text.split():
                pattern = like_pattern(token)
                stmt = stmt.where(or_(*(c.ilike(pattern, escape="\\") for c in columns)))
    return stmt


def list_page(
    db: Database,
    actor: Actor,
    flt: RequestFilter,
    *,
    sort: str = "received_at",
    descending: bool = True,
    after: RequestRow | None = None,
    limit: int = 200,
    now: datetime | None = None,
    lang: str = "fr",
) -> list[RequestRow]:
    """One page of the register after `after`, ordered by the sort's index columns, then id.

    `agent` sorts by the agent's name as shown in `lang` (unassigned first when ascending), then
    received_at; `category` by its key (none first), then received_at.
    """
    require_read(actor)
    now = now or utcnow()
    personal = actor.can(Perm.READ_PERSONAL_DATA)
    with db.read() as s:
        warning = _warning_hours(settings_service.load_all(s))
        categories = user_categories.codes(s)  # also the names the rows' labels show (C8.6)
        base = _filtered(_row_query(), flt, now, warning, db.is_sqlite, personal)
        if sort in ("agent", "category"):
            column: Any
            groups: list[Any]
            at: Any
            if sort == "agent":
                column, groups = CitizenRequest.agent_id, agent_rank(s, lang)
                at = after.agent_id if after is not None else None
            else:
                column, groups = CitizenRequest.category, [None, *sorted(categories)]
                at = after.category if after is not None else None
            found = _grouped_sorted(s, base, flt, now, warning, db.is_sqlite, personal, column,
                                    groups, at, descending, after, limit)  # fmt: skip
        else:
            columns = _sort_columns(sort)
            stmt = base
            if after is not None:
                stmt = stmt.where(
                    _keyset_after(columns, sort_values(after, sort), after.id, descending)
                )
            order = [*columns, CitizenRequest.id]
            stmt = stmt.order_by(*(c.desc() if descending else c for c in order)).limit(limit)
            found = list(s.execute(stmt))
        return [_to_row(req, a, f, now, warning, personal) for req, a, f in found]


def agent_rank(session: Session, lang: str) -> list[int | None]:
    """Agent ids in the order of their displayed names in `lang`; None (unassigned) first."""
    agents = [AgentChoice(i, a or "", f or "") for i, a, f in
              session.execute(select(Agent.id, Agent.name_ar, Agent.name_fr))]  # fmt: skip
    agents.sort(key=lambda a: (a.name(lang).casefold(), a.id))
    return [None, *(a.id for a in agents)]


_FEW_MATCHES = 5_000  # below this many matches, one sorted query beats a walk over the groups


def _grouped_sorted(
    s: Session,
    base: Any,
    flt: RequestFilter,
    now: datetime,
    warning: float,
    sqlite: bool,
    personal: bool,
    column: Any,
    groups: list[Any],
    after_group: Any,
    descending: bool,
    after: RequestRow | None,
    limit: int,
) -> list[Any]:
    """A sort by a column of few values, in the order `groups` gives them: each group's requests
    are read on the index (column, received_at, id) — an equality then a range, a seek however
    deep the page — until the page is full. With a filter, one query first counts the matches
    of each group: empty groups are skipped, and when few requests match at all (a deadline
    state, a rare word) they are read by the filter's own index and sorted by the groups' rank
    in one query. Serves the agent (ranked by the name shown) and the category."""
    r = CitizenRequest
    rank_of = {g: i for i, g in enumerate(groups)}
    if flt != RequestFilter():
        counted = dict(
            s.execute(
                _filtered(
                    select(column, func.count()), flt, now, warning, sqlite, personal
                ).group_by(column)
            ).all()
        )
        groups = [g for g in groups if counted.get(g)]
        if sum(counted.values()) <= _FEW_MATCHES:
            rank = case(
                *((column.is_(None) if g is None else column == g, rank_of[g]) for g in groups),
                else_=len(rank_of),
            )
            stmt = base
            if after is not None:
                last = [rank_of.get(after_group, len(rank_of)), after.received_at]
                keyset = _keyset_after([rank, r.received_at], last, after.id, descending)
                stmt = stmt.where(keyset)
            ranked: tuple[Any, ...] = (rank, r.received_at, r.id)
            stmt = stmt.order_by(*(c.desc() if descending else c for c in ranked))
            return list(s.execute(stmt.limit(limit)).all())
    if descending:
        groups = groups[::-1]
    start = groups.index(after_group) if after is not None and after_group in groups else 0
    rows: list[Any] = []
    for position in range(start, len(groups)):
        group = groups[position]
        stmt = base.where(column.is_(None) if group is None else column == group)
        if after is not None and position == start and after_group == group:
            stmt = stmt.where(_keyset_after([r.received_at], [after.received_at], after.id,
                                            descending))  # fmt: skip
        order = (r.received_at, r.id)
        stmt = stmt.order_by(*(c.desc() if descending else c for c in order))
        rows += s.execute(stmt.limit(limit - len(rows))).all()
        if len(rows) >= limit:
            break
    return rows


def count_matching(
    db: Database, actor: Actor, flt: RequestFilter, now: datetime | None = None
) -> int:
    require_read(actor)
    now = now or utcnow()
    with db.read() as s:
        warning = _warning_hours(settings_service.load_all(s))
        stmt = _filtered(
            select(func.count(CitizenRequest.id)),
            flt,
            now,
            warning,
            db.is_sqlite,
            actor.can(Perm.READ_PERSONAL_DATA),
        )
        return int(s.scalar(stmt) or 0)


def state_counts_in(session: Session, now: datetime, warning: float) -> dict[str, int]:
    r = CitizenRequest
    waiting = and_(r.first_response_at.is_(None), r.closed_at.is_(None))
    soon = now + timedelta(hours=warning)
    row = session.execute(
        select(
            func.count(r.id),
            func.count(r.id).filter(r.deadline_at < now),
            func.count(r.id).filter(r.deadline_at >= now, r.deadline_at <= soon),
        ).where(waiting)
    ).one()
    after_notice = session.scalar(select(func.count(r.id)).where(notice_overdue_condition(now)))
    return {
        "open": row[0],
        "overdue": row[1],
        "due_soon": row[2],
        "on_time": row[0] - row[1] - row[2],
        "notice_overdue": int(after_notice or 0),
    }


def state_counts(db: Database, actor: Actor, now: datetime | None = None) -> dict[str, int]:
    """Waiting requests by deadline state, for the dashboard (overdue, due soon, on time)."""
    require_read(actor)
    with db.read() as s:
        return state_counts_in(s, now or utcnow(), _warning_hours(settings_service.load_all(s)))


def entering_warning(
    db: Database, actor: Actor, since: datetime, now: datetime | None = None
) -> list[RequestRow]:
    """Waiting requests whose warning window opened in (since, now]: the desktop notification."""
    require_read(actor)
    now = now or utcnow()
    personal = actor.can(Perm.READ_PERSONAL_DATA)
    with db.read() as s:
        warning = _warning_hours(settings_service.load_all(s))
        r = CitizenRequest
        stmt = (
            _row_query()
            .where(
                r.first_response_at.is_(None),
                r.closed_at.is_(None),
                r.deadline_at > since + timedelta(hours=warning),
                r.deadline_at <= now + timedelta(hours=warning),
            )
            .order_by(r.deadline_at)
            .limit(50)
        )
        return [_to_row(req, a, f, now, warning, personal) for req, a, f in s.execute(stmt)]
