"""Reception posts and their equipment (C8.3: the equipment switchboard staff need).

Each post has one line per kind of equipment (headset, phone set, computer, access to the guides)
with its condition; anything missing or broken is listed for action. HR (EDIT_AGENTS) edits;
supervisors and directors read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.data.db import Database
from desktop_app.data.models import Agent, PostEquipment, ReceptionPost
from desktop_app.i18n import translate
from desktop_app.services import audit
from desktop_app.services.agents_common import active_on, check_version, clean, require_read
from desktop_app.services.errors import UserError
from desktop_app.services.permissions import Actor, Perm

EQUIPMENT_KINDS = ("headset", "phone_set", "computer", "guides_access")
CONDITIONS = ("working", "broken", "missing")


def kind_label(kind: str) -> str:
    return {
        "headset": translate("equipment", "Headset"),
        "phone_set": translate("equipment", "Phone set"),
        "computer": translate("equipment", "Computer"),
        "guides_access": translate("equipment", "Access to the guides"),
    }.get(kind, kind)


def condition_label(condition: str) -> str:
    return {
        "working": translate("equipment", "Working"),
        "broken": translate("equipment", "Broken"),
        "missing": translate("equipment", "Missing"),
    }.get(condition, condition)


@dataclass(frozen=True)
class ItemRow:
    id: int
    kind: str
    condition: str
    note: str
    checked_on: date | None
    version: int


@dataclass(frozen=True)
class PostRow:
    id: int
    name: str
    place: str
    version: int
    items: dict[str, ItemRow] = field(default_factory=dict)
    agents: tuple[str, ...] = ()  # French names (Arabic when no French) of agents at the post
    agents_ar: tuple[str, ...] = ()

    @property
    def problems(self) -> list[ItemRow]:
        return [i for i in self.items.values() if i.condition != "working"]


@dataclass(frozen=True)
class ProblemRow:
    post_id: int
    post_name: str
    kind: str
    condition: str
    note: str
    checked_on: date | None


def create_post(
    db: Database, actor: Actor, name: str, place: str = "", conditions: dict[str, str] | None = None
) -> int:
    """A new post starts with every kind of equipment, as given or else "missing"."""
    actor.require(Perm.EDIT_AGENTS)
    label = clean(name, 200)
    if not label:
        raise UserError(translate("equipment", "Give the reception post a name."))
    conditions = conditions or {}
    with db.write() as s:
        if s.scalar(select(ReceptionPost.id).where(ReceptionPost.name == label)) is not None:
            raise UserError(
                translate("equipment", "A post named {name} already exists.").format(name=label)
            )
        post = ReceptionPost(name=label, place=clean(place, 200))
        s.add(post)
        s.flush()
        for kind in EQUIPMENT_KINDS:
            condition = conditions.get(kind, "missing")
            _check_condition(condition)
            s.add(PostEquipment(post_id=post.id, kind=kind, condition=condition))
        audit.record(
            s,
            actor,
            "create",
            "reception_post",
            post.id,
            after={"name": label, "place": place, "conditions": conditions},
        )
        return post.id


def _check_condition(condition: str) -> None:
    if condition not in CONDITIONS:
        raise UserError(
            translate("equipment", "“{value}” is not a condition.").format(value=condition)
        )


def set_item(
    db: Database,
    actor: Actor,
    item_id: int,
    expected_version: int,
    *,
    condition: str,
    note: str = "",
    checked_on: date | None = None,
) -> None:
    actor.require(Perm.EDIT_AGENTS)
    _check_condition(condition)
    with db.write() as s:
        item = s.get(PostEquipment, item_id)
        if item is None:
            raise UserError(translate("equipment", "This equipment no longer exists."))
        check_version(item.version, expected_version)
        before = {"condition": item.condition, "note": item.note, "checked_on": item.checked_on}
        item.condition, item.note, item.checked_on = condition, clean(note, 300), checked_on
        s.flush()
        audit.record(
            s,
            actor,
            "update",
            "post_equipment",
            item.id,
            before=before,
            after={
                "post_id": item.post_id,
                "kind": item.kind,
                "condition": condition,
                "note": item.note,
                "checked_on": checked_on,
            },
        )


def posts_in(s: Session, today: date) -> list[PostRow]:
    items: dict[int, dict[str, ItemRow]] = {}
    for e in s.scalars(select(PostEquipment)):
        items.setdefault(e.post_id, {})[e.kind] = ItemRow(
            e.id, e.kind, e.condition, e.note, e.checked_on, e.version
        )
    people: dict[int, list[tuple[str, str]]] = {}
    for a in s.execute(
        select(Agent.post_id, Agent.name_fr, Agent.name_ar)
        .where(Agent.post_id.is_not(None), active_on(today))
        .order_by(Agent.name_fr)
    ):
        if a[0] is not None:
            people.setdefault(a[0], []).append((a[1] or a[2], a[2] or a[1]))
    return [
        PostRow(
            p.id,
            p.name,
            p.place,
            p.version,
            items.get(p.id, {}),
            tuple(n[0] for n in people.get(p.id, [])),
            tuple(n[1] for n in people.get(p.id, [])),
        )
        for p in s.scalars(select(ReceptionPost).order_by(ReceptionPost.name))
    ]


def list_posts(db: Database, actor: Actor, today: date) -> list[PostRow]:
    require_read(actor)
    with db.read() as s:
        return posts_in(s, today)


def problems_in(s: Session) -> list[ProblemRow]:
    rows = s.execute(
        select(
            ReceptionPost.id,
            ReceptionPost.name,
            PostEquipment.kind,
            PostEquipment.condition,
            PostEquipment.note,
            PostEquipment.checked_on,
        )
        .join(PostEquipment, PostEquipment.post_id == ReceptionPost.id)
        .where(PostEquipment.condition != "working")
        .order_by(ReceptionPost.name, PostEquipment.kind)
    ).all()
    return [ProblemRow(*r) for r in rows]


def problems(db: Database, actor: Actor) -> list[ProblemRow]:
    """Missing or broken equipment, post by post."""
    require_read(actor)
    with db.read() as s:
        return problems_in(s)


def post_choices(db: Database, actor: Actor) -> list[tuple[int, str]]:
    require_read(actor)
    with db.read() as s:
        return [
            (p.id, p.name) for p in s.scalars(select(ReceptionPost).order_by(ReceptionPost.name))
        ]
