"""Realistic demo data for an empty database; each area appends its own step to DEMO_STEPS."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, select

from desktop_app.data.db import Database
from desktop_app.data.models import User
from desktop_app.data.types import utcnow
from desktop_app.i18n import translate
from desktop_app.services import auth, settings
from desktop_app.services.errors import UserError
from desktop_app.services.permissions import Actor, Role


@dataclass
class DemoContext:
    """What every step gets: the database, an admin actor, a seeded RNG and the time span."""

    db: Database
    actor: Actor
    rng: random.Random
    years: int
    now: datetime
    summary: dict[str, int] = field(default_factory=dict)


DemoStep = Callable[[DemoContext], None]
DEMO_USERS: tuple[tuple[str, str, Role], ...] = (
    ("admin", "Salma Ben Ali / سلمى بن علي", Role.ADMIN),
    ("supervisor", "Karim Trabelsi / كريم الطرابلسي", Role.SUPERVISOR),
    ("hr", "Amel Jaziri / أمل الجزيري", Role.HR),
    ("director", "Hichem Mansouri / هشام المنصوري", Role.DIRECTOR),
    ("agent", "Nour Haddad / نور الحداد", Role.AGENT),
)


def _settings_step(ctx: DemoContext) -> None:
    settings.update(ctx.db, ctx.actor, {
        "body_name_ar": "بلدية المرسى",
        "body_name_fr": "Municipalité de La Marsa",
        "public_email": "contact@commune-lamarsa.gov.tn",
        "default_language": "ar",
    })  # fmt: skip


# Areas register here, in the order their data depends on each other (lines before checks …).
DEMO_STEPS: list[DemoStep] = [_settings_step]


def _agents_step(ctx: DemoContext) -> None:
    from desktop_app.services.demo_agents import agents_step  # the agents area (C8.3, C8.5)

    agents_step(ctx)


DEMO_STEPS.append(_agents_step)


def fill_demo(db: Database, years: int = 2, seed: int = 2020) -> dict[str, str]:
    """Returns the one-time password of every demo user; refuses a database already in use."""
    if years < 1 or years > 10:
        raise UserError(translate("demo", "--years must be between 1 and 10."))
    with db.read() as s:
        if s.scalar(select(func.count(User.id))):
            raise UserError(
                translate("demo", "Demo data goes only into an empty database; this one has users.")
            )
    passwords: dict[str, str] = {}
    admin_password = auth.one_time_password()
    admin = auth.create_first_admin(db, DEMO_USERS[0][0], DEMO_USERS[0][1], admin_password)
    passwords[admin.username] = admin_password
    actor = admin.actor()
    for username, full_name, role in DEMO_USERS[1:]:
        user, password = auth.create_user(db, actor, username, full_name, role)
        passwords[user.username] = password
    ctx = DemoContext(db, actor, random.Random(seed), years, utcnow())
    for step in DEMO_STEPS:
        step(ctx)
    return passwords
