"""Writing and reading the audit trail; every service that changes data calls record()."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from desktop_app.data.audit_chain import row_hash
from desktop_app.data.db import CHANGED, Database
from desktop_app.data.models import AuditEntry
from desktop_app.data.types import utcnow
from desktop_app.i18n import translate
from desktop_app.services.permissions import Actor, Perm


def _default(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value)


def _dump(data: Mapping[str, Any] | None) -> str | None:
    if data is None:
        return None
    return json.dumps(dict(data), ensure_ascii=False, sort_keys=True, default=_default)


# What the audit page shows for the codes services record; an unknown code is shown as it is.
def _actions() -> dict[str, str]:
    return {
        "acknowledge": translate("audit", "Acknowledged"),
        "add_maintenance": translate("audit", "Maintenance added"),
        "answer": translate("audit", "Answered"),
        "assign": translate("audit", "Assigned"),
        "attach": translate("audit", "File attached"),
        "cancel_forward": translate("audit", "Forwarding cancelled"),
        "change_password": translate("audit", "Password changed"),
        "check": translate("audit", "Checked"),
        "withdraw_check": translate("audit", "Check withdrawn"),
        "close": translate("audit", "Closed"),
        "create": translate("audit", "Created"),
        "delete": translate("audit", "Deleted"),
        "delete_maintenance": translate("audit", "Maintenance deleted"),
        "demo": translate("audit", "Demo data"),
        "end_forward": translate("audit", "Forwarding ended"),
        "export": translate("audit", "Exported"),
        "forward": translate("audit", "Forwarded"),
        "import": translate("audit", "Imported"),
        "login": translate("audit", "Signed in"),
        "login_failed": translate("audit", "Sign-in refused"),
        "maintenance_done": translate("audit", "Maintenance done"),
        "new_version": translate("audit", "New version"),
        "bounce": translate("audit", "Came back undelivered"),
        "notice": translate("audit", "Waiting notice sent"),
        "purge": translate("audit", "Purged"),
        "reopen": translate("audit", "Reopened"),
        "repair_fault": translate("audit", "Fault repaired"),
        "report_fault": translate("audit", "Fault reported"),
        "reset_password": translate("audit", "Password reset"),
        "review": translate("audit", "Reviewed"),
        "save": translate("audit", "Saved"),
        "seed": translate("audit", "Initial data"),
        "update": translate("audit", "Changed"),
        "withdraw_response": translate("audit", "Response withdrawn (undelivered)"),
    }


def _entities() -> dict[str, str]:
    return {
        "agent": translate("audit", "Reception agent"),
        "calendar": translate("audit", "Calendar"),
        "call_back": translate("audit", "Call-back to a caller"),
        "call_evaluation": translate("audit", "Call evaluation"),
        "call_records": translate("audit", "Call records"),
        "citizen_data": translate("audit", "Citizens' personal data"),
        "guide": translate("audit", "Reception guide"),
        "holiday": translate("audit", "Public holiday"),
        "legal_update": translate("audit", "Legal update"),
        "mystery_campaign": translate("audit", "Mystery-call campaign"),
        "online_service": translate("audit", "Online service"),
        "phone_line": translate("audit", "Phone line"),
        "website": translate("audit", "Website"),
        "post_equipment": translate("audit", "Reception post equipment"),
        "reception_post": translate("audit", "Reception post"),
        "recognition": translate("audit", "Recognition"),
        "reinforcement_plan": translate("audit", "Reinforcement plan"),
        "report": translate("audit", "Report"),
        "mail": translate("audit", "E-mail"),
        "mail_probe": translate("audit", "E-mail address probe"),
        "mail_sending": translate("audit", "E-mail to a citizen"),
        "mailbox": translate("audit", "Mailbox"),
        "request": translate("audit", "Citizen's request"),
        "scorecard": translate("audit", "Evaluation scorecard"),
        "settings": translate("audit", "Settings"),
        "timetable": translate("audit", "Office hours"),
        "training_rule": translate("audit", "Training rule"),
        "training_session": translate("audit", "Training session"),
        "user_category": translate("audit", "Particular category of users"),
        "user": translate("audit", "User"),
    }


def action_label(code: str) -> str:
    """The action as people read it ("Created"), in the interface's language."""
    return _actions().get(code, code)


def entity_label(code: str) -> str:
    """The kind of record as people read it ("Phone line"), in the interface's language."""
    return _entities().get(code, code)


def record(
    session: Session,
    actor: Actor,
    action: str,
    entity: str,
    entity_id: object = "",
    *,
    before: Mapping[str, Any] | None = None,
    after: Mapping[str, Any] | None = None,
) -> None:
    """Append one entry in the caller's transaction, so change and record commit together.

    The entry's hash chains it to the newest one (issue 16 point 9). Writers hold the write lock
    (BEGIN IMMEDIATE on SQLite, an advisory lock on PostgreSQL), so no two entries follow the
    same one; the query below flushes this session's earlier entries first. The entity is also
    noted on the session: after the commit the window hears what changed.
    """
    session.info.setdefault(CHANGED, set()).add(entity)
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(1600916)"))
    if any(isinstance(o, AuditEntry) for o in session.new):
        session.flush()  # this unit's earlier entries first, whatever its autoflush setting
    previous = session.scalar(select(AuditEntry.row_hash).order_by(AuditEntry.id.desc()).limit(1))
    entry = AuditEntry(
        at=utcnow(),
        user_id=actor.user_id,
        username=actor.username,
        action=action,
        entity=entity,
        entity_id=str(entity_id),
        before_json=_dump(before),
        after_json=_dump(after),
    )
    entry.row_hash = row_hash(
        previous,
        (entry.at, entry.user_id, entry.username, entry.action, entry.entity, entry.entity_id,
         entry.before_json, entry.after_json),
    )  # fmt: skip
    session.add(entry)


@dataclass(frozen=True)
class AuditFilter:
    username: str = ""
    entity: str = ""
    action: str = ""
    since: datetime | None = None
    until: datetime | None = None


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: datetime
    username: str
    action: str
    entity: str
    entity_id: str
    before_json: str | None
    after_json: str | None


def _filtered(flt: AuditFilter) -> Any:
    stmt = select(AuditEntry)
    if flt.username:
        stmt = stmt.where(AuditEntry.username == flt.username)
    if flt.entity:
        stmt = stmt.where(AuditEntry.entity == flt.entity)
    if flt.action:
        stmt = stmt.where(AuditEntry.action == flt.action)
    if flt.since is not None:
        stmt = stmt.where(AuditEntry.at >= flt.since)
    if flt.until is not None:
        stmt = stmt.where(AuditEntry.at < flt.until)
    return stmt


def audit_page(
    db: Database, actor: Actor, flt: AuditFilter, *, before_id: int | None = None, limit: int = 200
) -> list[AuditRow]:
    """Newest first, keyset-paged on id: the trail grows without bound."""
    actor.require(Perm.VIEW_AUDIT)
    stmt = _filtered(flt)
    if before_id is not None:
        stmt = stmt.where(AuditEntry.id < before_id)
    stmt = stmt.order_by(AuditEntry.id.desc()).limit(limit)
    with db.read() as s:
        return [
            AuditRow(e.id, e.at, e.username, e.action, e.entity, e.entity_id, e.before_json,
                     e.after_json)
            for e in s.scalars(stmt)
        ]  # fmt: skip


def audit_facets(db: Database, actor: Actor) -> dict[str, list[str]]:
    """The distinct users, entities and actions, for the filter drop-downs."""
    actor.require(Perm.VIEW_AUDIT)
    with db.read() as s:
        return {
            "username": list(s.scalars(select(AuditEntry.username).distinct().order_by(
                AuditEntry.username))),
            "entity": list(s.scalars(select(AuditEntry.entity).distinct().order_by(
                AuditEntry.entity))),
            "action": list(s.scalars(select(AuditEntry.action).distinct().order_by(
                AuditEntry.action))),
        }  # fmt: skip
