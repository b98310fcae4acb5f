"""The log of legal and procedural changes and which agents were informed, when (C8.5).

HR (EDIT_TRAINING) records each changed text (reference, date, summary) and ticks the agents told;
supervisors and directors read it. Audited.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from desktop_app.data.db import Database
from desktop_app.data.models import Agent, LegalUpdate, LegalUpdateNotice
from desktop_app.i18n import translate
from desktop_app.services import audit
from desktop_app.services.agents_common import active_on, check_version, clean, require_read
from desktop_app.services.errors import UserError
from desktop_app.services.permissions import Actor, Perm


@dataclass(frozen=True)
class UpdateRow:
    id: int
    reference: str
    published_on: date
    summary: str
    informed: int
    active_agents: int
    version: int


@dataclass(frozen=True)
class NoticeRow:
    agent_id: int
    name_ar: str
    name_fr: str
    informed_on: date | None


def _validate(reference: str, summary: str) -> tuple[str, str]:
    ref = clean(reference, 200)
    if not ref:
        raise UserError(
            translate("legal_updates", "Give the text's reference, e.g. Decree 2026-123.")
        )
    return ref, (summary or "").strip()


def save_update(
    db: Database,
    actor: Actor,
    update_id: int | None,
    *,
    reference: str,
    published_on: date,
    summary: str,
    informed: dict[int, date],
    expected_version: int | None = None,
) -> int:
    """Create (update_id None) or edit an update together with who was informed and when.

    An edit must say which version it started from (`expected_version`): two HR officers ticking
    different agents at once get a clear message instead of one list silently replacing the other.
    Changing only who was informed still moves the version on.
    """
    actor.require(Perm.EDIT_TRAINING)
    if update_id is not None and expected_version is None:
        raise ValueError("editing a legal update needs the expected_version it was read at")
    ref, text = _validate(reference, summary)
    with db.write() as s:
        for agent_id in informed:
            if s.get(Agent, agent_id) is None:
                raise UserError(translate("legal_updates", "One of the agents no longer exists."))
        before = None
        if update_id is None:
            row = LegalUpdate(reference=ref, published_on=published_on, summary=text)
            s.add(row)
            s.flush()
        else:
            found = s.get(LegalUpdate, update_id)
            if found is None:
                raise UserError(translate("legal_updates", "This update no longer exists."))
            row = found
            check_version(row.version, expected_version or 0)
            before = {
                "reference": row.reference,
                "published_on": row.published_on,
                "summary": row.summary,
                "informed": {
                    str(n.agent_id): n.informed_on
                    for n in s.scalars(
                        select(LegalUpdateNotice).where(LegalUpdateNotice.update_id == row.id)
                    )
                },
            }
            row.reference, row.published_on, row.summary = ref, published_on, text
            s.execute(delete(LegalUpdateNotice).where(LegalUpdateNotice.update_id == row.id))
            flag_modified(row, "reference")  # the informed list alone changed: still a new version
        for agent_id, day in informed.items():
            s.add(LegalUpdateNotice(update_id=row.id, agent_id=agent_id, informed_on=day))
        s.flush()
        audit.record(
            s,
            actor,
            "create" if before is None else "update",
            "legal_update",
            row.id,
            before=before,
            after={
                "reference": ref,
                "published_on": published_on,
                "summary": text,
                "informed": {str(k): v for k, v in informed.items()},
            },
        )
        return row.id


def list_updates(db: Database, actor: Actor, today: date) -> list[UpdateRow]:
    """Newest first; `informed` counts the agents active today who were told."""
    require_read(actor)
    with db.read() as s:
        active = s.scalar(select(func.count(Agent.id)).where(active_on(today))) or 0
        told = dict(
            s.execute(
                select(LegalUpdateNotice.update_id, func.count(LegalUpdateNotice.id))
                .join(Agent, Agent.id == LegalUpdateNotice.agent_id)
                .where(active_on(today))
                .group_by(LegalUpdateNotice.update_id)
            ).all()
        )
        rows = s.scalars(
            select(LegalUpdate).order_by(LegalUpdate.published_on.desc(), LegalUpdate.id.desc())
        )
        return [
            UpdateRow(
                r.id, r.reference, r.published_on, r.summary, told.get(r.id, 0), active, r.version
            )
            for r in rows
        ]


def notices(db: Database, actor: Actor, update_id: int, today: date) -> list[NoticeRow]:
    """Every agent active today, plus anyone informed, with the day they were told (or None)."""
    require_read(actor)
    with db.read() as s:
        told = dict(
            s.execute(
                select(LegalUpdateNotice.agent_id, LegalUpdateNotice.informed_on).where(
                    LegalUpdateNotice.update_id == update_id
                )
            ).all()
        )
        agents = s.execute(
            select(Agent.id, Agent.name_ar, Agent.name_fr)
            .where(active_on(today) | Agent.id.in_(list(told)))
            .order_by(Agent.name_fr, Agent.id)
        ).all()
        return [NoticeRow(a.id, a.name_ar, a.name_fr, told.get(a.id)) for a in agents]


def not_informed_in(session: Session, update_id: int, today: date) -> list[NoticeRow]:
    """C8.5 «إحاطتهم علما بالتغييرات»: the agents active today not yet told of this update."""
    told = select(LegalUpdateNotice.agent_id).where(LegalUpdateNotice.update_id == update_id)
    agents = session.execute(
        select(Agent.id, Agent.name_ar, Agent.name_fr)
        .where(active_on(today), Agent.id.not_in(told))
        .order_by(Agent.name_fr, Agent.id)
    ).all()
    return [NoticeRow(a.id, a.name_ar, a.name_fr, None) for a in agents]


def not_informed(db: Database, actor: Actor, update_id: int, today: date) -> list[NoticeRow]:
    require_read(actor)
    with db.read() as s:
        return not_informed_in(s, update_id, today)


def agent_notices(db: Database, actor: Actor, agent_id: int) -> list[tuple[str, date, date]]:
    """(reference, published_on, informed_on) for an agent's page, newest first."""
    require_read(actor)
    with db.read() as s:
        rows = s.execute(
            select(LegalUpdate.reference, LegalUpdate.published_on, LegalUpdateNotice.informed_on)
            .join(LegalUpdateNotice, LegalUpdateNotice.update_id == LegalUpdate.id)
            .where(LegalUpdateNotice.agent_id == agent_id)
            .order_by(LegalUpdate.published_on.desc())
        ).all()
        return list(rows)
