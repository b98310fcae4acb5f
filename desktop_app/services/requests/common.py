"""What every part of the requests area shares: permissions, contacts, row building, checks."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import (
    select,
)
from sqlalchemy.orm import Session

from desktop_app.data.db import Database
from desktop_app.data.models import Agent, CitizenRequest, RequestEvent
from desktop_app.data.types import utcnow
from desktop_app.i18n import translate
from desktop_app.services import deadlines
from desktop_app.services import settings as settings_service
from desktop_app.services.errors import PermissionDenied, UserError, require_version
from desktop_app.services.permissions import Actor, Perm, role_label
from desktop_app.services.requests.rows import RequestRow
from desktop_app.services.requests.values import _EMAIL


# -- helpers ---------------------------------------------------------------------------------------
def require_read(actor: Actor) -> None:
    """Agents work the register without the READ_ALL right; everyone else reads with it."""
    actor.require_any(Perm.EDIT_REQUESTS, Perm.READ_ALL)


def normalise_contact(raw: str) -> str:
    """An e-mail address (lower-cased) or a phone number (E.164 when it is Tunisian or full)."""
    value = raw.strip()
    if not value:
        return ""
    if "@" in value:
        if not _EMAIL.match(value):
            raise UserError(
                translate("requests", "“{text}” is not a valid e-mail address.").format(text=raw)
            )
        return value.lower()
    # The inventory's own reading of numbers (services/phones.py): Arabic-Indic digits,
    # (+216), 00216, dots and spaces all work; a citizen has no short number.
    from desktop_app.services import phones

    try:
        return phones.normalise(value, "mobile").number
    except UserError as exc:
        raise UserError(
            translate(
                "requests", "“{text}” is neither an e-mail address nor a telephone number."
            ).format(text=raw)
        ) from exc


def _check_choice(value: str, allowed: Sequence[str], what: str) -> str:
    if value not in allowed:
        raise UserError(
            translate("requests", "“{value}” is not a valid {what}.").format(value=value, what=what)
        )
    return value


def _warning_hours(values: Mapping[str, Any]) -> float:
    return float(values.get("warning_hours", 12))


def warning_hours(db: Database) -> float:
    """The warning window setting, in hours (due soon when the deadline is that close)."""
    with db.read() as s:
        return _warning_hours(settings_service.load_all(s))


def restate(row: RequestRow, now: datetime, warning: float) -> RequestRow:
    """The row with its deadline state as of `now`: the register's minute tick, no re-read."""
    state = deadlines.deadline_state(
        row.deadline_at, row.first_response_at, row.closed_at, now, warning,
        first_response_kind=row.first_response_kind, answered_at=row.answered_at,
        notice_answer_by=row.notice_answer_by,
    )  # fmt: skip
    return row if state == row.state else replace(row, state=state)


def state_text(row: RequestRow) -> str:
    """The deadline state in words; a first response that was a notice says so (C2.1)."""
    if row.first_response_kind == "notice" and row.state in ("met", "missed"):
        if row.state == "met":
            return translate("requests", "Notice sent in time")
        return translate("requests", "Notice sent late")
    return deadlines.state_label(row.state)


def _row_query() -> Any:
    return select(CitizenRequest, Agent.name_ar, Agent.name_fr).outerjoin(
        Agent, Agent.id == CitizenRequest.agent_id
    )


def _to_row(
    req: CitizenRequest,
    name_ar: str | None,
    name_fr: str | None,
    now: datetime,
    warning: float,
    personal: bool,
) -> RequestRow:
    return RequestRow(
        id=req.id,
        reference=req.reference,
        received_at=req.received_at,
        channel=req.channel,
        type=req.type,
        citizen=req.citizen if personal else "",
        contact=req.contact if personal else "",
        subject=req.subject,
        category=req.category,
        agent_id=req.agent_id,
        agent_name_ar=name_ar or "",
        agent_name_fr=name_fr or "",
        status=req.status,
        deadline_at=req.deadline_at,
        first_response_at=req.first_response_at,
        first_response_kind=req.first_response_kind,
        closed_at=req.closed_at,
        purged=req.purged_at is not None,
        version=req.version,
        state=deadlines.deadline_state(
            req.deadline_at,
            req.first_response_at,
            req.closed_at,
            now,
            warning,
            first_response_kind=req.first_response_kind,
            answered_at=req.answered_at,
            notice_answer_by=req.notice_answer_by,
        ),  # fmt: skip
        personal_hidden=not personal,
        internal_deadline_at=req.internal_deadline_at or req.deadline_at,
        answered_at=req.answered_at,
        notice_reason=req.notice_reason,
        notice_detail=req.notice_detail,
        notice_answer_by=req.notice_answer_by,
        notice_told_via=req.notice_told_via if personal else "",
        close_reason=req.close_reason,
    )


def _load(session: Session, request_id: int, expected_version: int | None) -> CitizenRequest:
    req = session.get(CitizenRequest, request_id)
    if req is None:
        raise UserError(translate("requests", "This request no longer exists."))
    require_version(
        req.version,
        expected_version,
        lambda: translate(
            "requests", "Request {ref} was changed by someone else meanwhile; reopen it."
        ).format(ref=req.reference),
    )
    return req


def _event(
    session: Session,
    actor: Actor,
    req: CitizenRequest,
    kind: str,
    at: datetime,
    text_: str = "",
    agent_id: int | None = None,
    late_reason: str = "",
    recorded_at: datetime | None = None,
) -> None:
    session.add(
        RequestEvent(
            request_id=req.id,
            at=at,
            kind=kind,
            username=actor.username,
            user_id=actor.user_id,
            agent_id=agent_id,
            text=text_,
            late_reason=late_reason,
            recorded_at=recorded_at or utcnow(),
        )
    )


def _snapshot(req: CitizenRequest) -> dict[str, Any]:
    return {
        "status": req.status,
        "agent_id": req.agent_id,
        "first_response_at": req.first_response_at,
        "first_response_kind": req.first_response_kind,
        "closed_at": req.closed_at,
        "close_reason": req.close_reason,
        "notice_reason": req.notice_reason,
        "notice_answer_by": req.notice_answer_by,
    }


def _when(at: datetime | None, req: CitizenRequest | None, now: datetime) -> datetime:
    """A step may be dated in the past (an answer posted yesterday), never in the future."""
    if at is None:
        return now
    if at.tzinfo is None:
        raise ValueError("naive datetime")
    if at > now + timedelta(minutes=5):
        raise UserError(translate("requests", "A step cannot be dated in the future."))
    if req is not None and at < req.received_at:
        raise UserError(translate("requests", "A step cannot be dated before the request arrived."))
    return at


def _after_the_fact(when: datetime, now: datetime, late_reason: str) -> str:
    """A step dated more than 15 minutes before it is recorded needs a reason: a dialog left open
    for hours or a date typed by hand must not quietly turn a late answer into an on-time one
    (C2.1); the step shows "entered after the fact" and counts in req_backdated."""
    if now - when <= deadlines.BACKDATED_AFTER:
        return ""
    reason = late_reason.strip()
    if not reason:
        raise UserError(
            translate(
                "requests",
                "This step is dated more than 15 minutes before now: say why it is entered after "
                "the fact.",
            )
        )
    return reason


def _agent_exists(session: Session, agent_id: int | None) -> None:
    if agent_id is not None and session.get(Agent, agent_id) is None:
        raise UserError(translate("requests", "This agent no longer exists."))


def _own_agent_ids(session: Session, actor: Actor) -> set[int]:
    """The agent records linked to the signed-in user (an agent works as themselves)."""
    if actor.user_id is None:
        return set()
    return set(session.scalars(select(Agent.id).where(Agent.user_id == actor.user_id)))


def _require_workable(
    session: Session, actor: Actor, agent_id: int | None, *, unassigned_ok: bool = True
) -> None:
    """README: an agent logs and answers requests assigned to them or unassigned, nothing else;
    roles with MANAGE_REQUESTS work on every request (issue 16 point 2)."""
    if actor.can(Perm.MANAGE_REQUESTS):
        return
    if agent_id is None and unassigned_ok:
        return
    if agent_id is not None and agent_id in _own_agent_ids(session, actor):
        return
    raise PermissionDenied(
        translate("requests", "A reception agent works only on requests assigned to them.")
        if agent_id is not None or not unassigned_ok
        else translate("permissions", "Your role ({role}) does not allow this action.").format(
            role=role_label(actor.role)
        )
    )
