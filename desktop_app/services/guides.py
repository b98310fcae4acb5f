"""Reference guides and procedure manuals (C8.3) and who has read their current version.

HR (EDIT_TRAINING) keeps the library: each guide has a current version, a file kept in the
database, a review date and the next review. A guide whose next review has passed is out of date.
An agent acknowledges the CURRENT version only (ACKNOWLEDGE_GUIDES, for their own record); HR may
record an acknowledgement for any agent (a signed sheet). A new version needs new acknowledgements.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop_app.data.db import Database
from desktop_app.data.models import Agent, Guide, GuideAcknowledgement
from desktop_app.data.types import utcnow
from desktop_app.i18n import translate
from desktop_app.services import audit
from desktop_app.services.agents import agent_id_for_user
from desktop_app.services.agents_common import (
    Attachment,
    active_on,
    check_topic,
    check_version,
    clean,
    require_active_on,
    require_read,
    verified,
)
from desktop_app.services.errors import PermissionDenied, UserError
from desktop_app.services.periods import TUNIS, local_date
from desktop_app.services.permissions import Actor, Perm

GUIDE_KINDS = ("guide", "manual")


def kind_label(kind: str) -> str:
    return {
        "guide": translate("guides", "Reference guide"),
        "manual": translate("guides", "Procedure manual"),
    }.get(kind, kind)


@dataclass(frozen=True)
class GuideInput:
    title: str
    kind: str
    topic: str
    doc_version: str
    reviewed_on: date
    next_review_on: date


@dataclass(frozen=True)
class GuideRow:
    id: int
    title: str
    kind: str
    topic: str
    doc_version: str
    reviewed_on: date
    next_review_on: date
    file_name: str | None
    file_size: int | None
    retired: bool
    acknowledged: int  # active agents who acknowledged the current version
    active_agents: int
    outdated: bool
    version: int

    @property
    def not_acknowledged(self) -> int:
        return self.active_agents - self.acknowledged


@dataclass(frozen=True)
class ReaderRow:
    agent_id: int
    name_ar: str
    name_fr: str
    acknowledged_at: datetime | None  # of the current version
    last_version: str | None  # the latest version they acknowledged, if any


def is_outdated(next_review_on: date, today: date) -> bool:
    """Out of date once the next-review day has passed without a review (C8.3: current)."""
    return next_review_on < today


def _validate(data: GuideInput) -> dict[str, Any]:
    title = clean(data.title, 300)
    if not title:
        raise UserError(translate("guides", "Give the guide a title."))
    if data.kind not in GUIDE_KINDS:
        raise UserError(translate("guides", "Choose a reference guide or a procedure manual."))
    check_topic(data.topic)
    version = clean(data.doc_version, 32)
    if not version:
        raise UserError(translate("guides", "Give the guide's version, e.g. 2.0 or 2026-03."))
    if data.next_review_on <= data.reviewed_on:
        raise UserError(translate("guides", "The next review comes after the last review."))
    return {
        "title": title,
        "kind": data.kind,
        "topic": data.topic,
        "doc_version": version,
        "reviewed_on": data.reviewed_on,
        "next_review_on": data.next_review_on,
    }


def _set_file(guide: Guide, file: Attachment | None) -> None:
    if file is None:
        return
    file.check()
    guide.file_name = clean(file.name, 255)
    guide.file_size = file.size
    guide.file_sha256 = file.sha256
    guide.file_blob = file.data


def create_guide(
    db: Database, actor: Actor, data: GuideInput, file: Attachment | None = None
) -> int:
    actor.require(Perm.EDIT_TRAINING)
    with db.write() as s:
        values = _validate(data)
        guide = Guide(**values)
        _set_file(guide, file)
        s.add(guide)
        s.flush()
        audit.record(
            s,
            actor,
            "create",
            "guide",
            guide.id,
            after={**values, "file": guide.file_name, "sha256": guide.file_sha256},
        )
        return guide.id


def update_guide(
    db: Database,
    actor: Actor,
    guide_id: int,
    expected_version: int,
    data: GuideInput,
    file: Attachment | None = None,
    *,
    retired: bool = False,
) -> None:
    """Edit the guide. Changing `doc_version` publishes a new version: it needs its own file
    (the previous version's document must not stay attached to it) and a version number never
    used before, so earlier acknowledgements stay on record but never count as having read the
    current one (C8.3)."""
    actor.require(Perm.EDIT_TRAINING)
    with db.write() as s:
        guide = _load(s, guide_id)
        check_version(guide.version, expected_version)
        values = _validate(data)
        if values["doc_version"] != guide.doc_version:
            _check_new_version(s, guide, values["doc_version"], file)
        before = {
            **{k: getattr(guide, k) for k in values},
            "file": guide.file_name,
            "sha256": guide.file_sha256,
            "retired": guide.retired,
        }
        for key, value in values.items():
            setattr(guide, key, value)
        guide.retired = retired
        _set_file(guide, file)
        s.flush()
        action = "new_version" if before["doc_version"] != values["doc_version"] else "update"
        audit.record(
            s,
            actor,
            action,
            "guide",
            guide.id,
            before=before,
            after={
                **values,
                "file": guide.file_name,
                "sha256": guide.file_sha256,
                "retired": retired,
            },
        )


def _check_new_version(s: Session, guide: Guide, version: str, file: Attachment | None) -> None:
    if file is None or (guide.file_sha256 and file.sha256 == guide.file_sha256):
        raise UserError(
            translate(
                "guides", "Version {new} needs its own file: attach the document of version {new}."
            ).format(new=version)
        )
    read_before = s.scalar(
        select(GuideAcknowledgement.id).where(
            GuideAcknowledgement.guide_id == guide.id, GuideAcknowledgement.doc_version == version
        )
    )
    if read_before is not None:
        raise UserError(
            translate(
                "guides",
                "Version {new} of this guide was published before; give the new version "
                "a number of its own.",
            ).format(new=version)
        )


def _load(s: Session, guide_id: int) -> Guide:
    guide = s.get(Guide, guide_id)
    if guide is None:
        raise UserError(translate("guides", "This guide no longer exists."))
    return guide


def _require_guides_read(actor: Actor) -> None:
    """Agents read the library too, to acknowledge it: READ_ALL or ACKNOWLEDGE_GUIDES."""
    if not actor.can(Perm.ACKNOWLEDGE_GUIDES):
        require_read(actor)


def list_guides(
    db: Database, actor: Actor, today: date, *, include_retired: bool = False
) -> list[GuideRow]:
    _require_guides_read(actor)
    with db.read() as s:
        return guides_in(s, today, include_retired=include_retired)


def guides_in(s: Session, today: date, *, include_retired: bool = False) -> list[GuideRow]:
    active_count = s.scalar(select(func.count(Agent.id)).where(active_on(today))) or 0
    acked = dict(
        s.execute(
            select(Guide.id, func.count(func.distinct(GuideAcknowledgement.agent_id)))
            .join(
                GuideAcknowledgement,
                (GuideAcknowledgement.guide_id == Guide.id)
                & (GuideAcknowledgement.doc_version == Guide.doc_version),
            )
            .join(Agent, Agent.id == GuideAcknowledgement.agent_id)
            .where(active_on(today))
            .group_by(Guide.id)
        ).all()
    )
    stmt = select(
        Guide.id,
        Guide.title,
        Guide.kind,
        Guide.topic,
        Guide.doc_version,
        Guide.reviewed_on,
        Guide.next_review_on,
        Guide.file_name,
        Guide.file_size,
        Guide.retired,
        Guide.version,
    )
    if not include_retired:
        stmt = stmt.where(Guide.retired.is_(False))
    rows = s.execute(stmt.order_by(Guide.title, Guide.id)).all()
    return [
        GuideRow(
            r.id,
            r.title,
            r.kind,
            r.topic,
            r.doc_version,
            r.reviewed_on,
            r.next_review_on,
            r.file_name,
            r.file_size,
            r.retired,
            acked.get(r.id, 0),
            active_count,
            is_outdated(r.next_review_on, today),
            r.version,
        )
        for r in rows
    ]


def get_guide_file(db: Database, actor: Actor, guide_id: int) -> Attachment | None:
    _require_guides_read(actor)
    with db.read() as s:
        g = _load(s, guide_id)
        return verified(g.file_name, g.file_blob, g.file_sha256)


def acknowledge(
    db: Database,
    actor: Actor,
    guide_id: int,
    *,
    agent_id: int | None = None,
    doc_version: str | None = None,
) -> None:
    """Record that an agent has read the guide's CURRENT version (C8.3).

    Without `agent_id`, the signed-in user's own agent record. Only HR (EDIT_TRAINING) records
    it for someone else. `doc_version`, when given, must be the current one: acknowledging a
    version that has since been replaced is refused rather than silently moved forward.
    """
    actor.require(Perm.ACKNOWLEDGE_GUIDES)
    with db.write() as s:
        own = agent_id_for_user(s, actor.user_id)
        if agent_id is None:
            if own is None:
                raise UserError(
                    translate(
                        "guides", "Your account is not linked to an agent; ask HR to link it."
                    )
                )
            agent_id = own
        elif agent_id != own and not actor.can(Perm.EDIT_TRAINING):
            raise PermissionDenied(
                translate("guides", "You may acknowledge guides only for yourself.")
            )
        guide = _load(s, guide_id)
        if guide.retired:
            raise UserError(translate("guides", "This guide has been withdrawn."))
        if doc_version is not None and doc_version != guide.doc_version:
            raise UserError(
                translate(
                    "guides",
                    "Version {old} is no longer current; read version {new} and "
                    "acknowledge that one.",
                ).format(old=doc_version, new=guide.doc_version)
            )
        _acknowledge_in(s, actor, guide, agent_id)


def _acknowledgement_time(acknowledged_on: date | None) -> datetime:
    """Now, or — for a signed sheet dated earlier — noon, Tunis time, on the day it was signed."""
    now = utcnow()
    if acknowledged_on is None or acknowledged_on == local_date(now):
        return now
    if acknowledged_on > local_date(now):
        raise UserError(translate("guides", "A reading cannot be dated in the future."))
    return datetime.combine(acknowledged_on, time(12), TUNIS).astimezone(UTC)


def _acknowledge_in(
    s: Session, actor: Actor, guide: Guide, agent_id: int, at: datetime | None = None
) -> bool:
    """True when a new acknowledgement was written (a repeat is a no-op). `at` is when the
    agent read it (now when None); they must have been working then."""
    at = at or utcnow()
    agent = s.get(Agent, agent_id)
    if agent is None:
        raise UserError(translate("guides", "This agent no longer exists."))
    require_active_on(
        agent,
        local_date(at),
        translate(
            "guides",
            "{name} was not working on {day} (not started yet or already left); their reading "
            "cannot be recorded for that day.",
        ),
    )
    exists = s.scalar(
        select(GuideAcknowledgement.id).where(
            GuideAcknowledgement.guide_id == guide.id,
            GuideAcknowledgement.agent_id == agent_id,
            GuideAcknowledgement.doc_version == guide.doc_version,
        )
    )
    if exists is not None:
        return False
    s.add(
        GuideAcknowledgement(
            guide_id=guide.id,
            agent_id=agent_id,
            doc_version=guide.doc_version,
            acknowledged_at=at,
            recorded_by=actor.username,
        )
    )
    audit.record(
        s,
        actor,
        "acknowledge",
        "guide",
        guide.id,
        after={"agent_id": agent_id, "doc_version": guide.doc_version, "acknowledged_at": at},
    )
    return True


def acknowledge_many(
    db: Database,
    actor: Actor,
    guide_id: int,
    agent_ids: list[int],
    *,
    acknowledged_on: date | None = None,
) -> int:
    """HR records a signed reading sheet for several agents at once, in one transaction;
    returns how many acknowledgements were new. `acknowledged_on` is the day the sheet was
    signed (today when None; never in the future); every agent must have been working then."""
    actor.require(Perm.EDIT_TRAINING)
    at = _acknowledgement_time(acknowledged_on)
    with db.write() as s:
        guide = _load(s, guide_id)
        if guide.retired:
            raise UserError(translate("guides", "This guide has been withdrawn."))
        return sum(_acknowledge_in(s, actor, guide, a, at) for a in dict.fromkeys(agent_ids))


def readers(db: Database, actor: Actor, guide_id: int, today: date) -> list[ReaderRow]:
    """Every active agent and whether they acknowledged the current version (who has not first)."""
    require_read(actor)
    with db.read() as s:
        guide = _load(s, guide_id)
        agents = s.execute(
            select(Agent.id, Agent.name_ar, Agent.name_fr)
            .where(active_on(today))
            .order_by(Agent.name_fr, Agent.id)
        ).all()
        acks = s.execute(
            select(
                GuideAcknowledgement.agent_id,
                GuideAcknowledgement.doc_version,
                GuideAcknowledgement.acknowledged_at,
            )
            .where(GuideAcknowledgement.guide_id == guide_id)
            .order_by(GuideAcknowledgement.acknowledged_at)
        ).all()
        current: dict[int, datetime] = {}
        last: dict[int, str] = {}
        for agent_id, version, at in acks:
            last[agent_id] = version
            if version == guide.doc_version:
                current[agent_id] = at
        rows = [
            ReaderRow(a.id, a.name_ar, a.name_fr, current.get(a.id), last.get(a.id)) for a in agents
        ]
        rows.sort(key=lambda r: (r.acknowledged_at is not None, r.name_fr))
        return rows


@dataclass(frozen=True)
class UnreadRow:
    agent_id: int
    name_ar: str
    name_fr: str
    guide_id: int
    title: str
    doc_version: str


def unread_in(s: Session, today: date) -> list[UnreadRow]:
    """(active agent, guide in force) pairs where the current version is not acknowledged."""
    acked = (
        select(GuideAcknowledgement.id)
        .where(
            GuideAcknowledgement.guide_id == Guide.id,
            GuideAcknowledgement.agent_id == Agent.id,
            GuideAcknowledgement.doc_version == Guide.doc_version,
        )
        .exists()
    )
    rows = s.execute(
        select(Agent.id, Agent.name_ar, Agent.name_fr, Guide.id, Guide.title, Guide.doc_version)
        .join(Guide, Guide.retired.is_(False))
        .where(active_on(today), ~acked)
        .order_by(Guide.title, Agent.name_fr, Agent.id)
    ).all()
    return [UnreadRow(*r) for r in rows]


def acknowledged_by_agent(db: Database, actor: Actor, agent_id: int) -> list[dict[str, Any]]:
    """For an agent's page: each guide in force, its current version, and what they read."""
    _require_guides_read(actor)
    with db.read() as s:
        own = agent_id_for_user(s, actor.user_id)
        if not actor.can(Perm.READ_ALL) and own != agent_id:
            raise PermissionDenied(translate("guides", "You may see only your own record."))
        guides = s.scalars(
            select(Guide).where(Guide.retired.is_(False)).order_by(Guide.title)
        ).all()
        out = []
        for g in guides:
            ack = s.execute(
                select(GuideAcknowledgement.doc_version, GuideAcknowledgement.acknowledged_at)
                .where(
                    GuideAcknowledgement.guide_id == g.id, GuideAcknowledgement.agent_id == agent_id
                )
                .order_by(GuideAcknowledgement.acknowledged_at.desc())
                .limit(1)
            ).first()
            out.append(
                {
                    "guide_id": g.id,
                    "title": g.title,
                    "doc_version": g.doc_version,
                    "acknowledged_version": ack[0] if ack else None,
                    "acknowledged_at": ack[1] if ack else None,
                    "current": bool(ack and ack[0] == g.doc_version),
                }
            )
        return out
