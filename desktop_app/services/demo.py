"""Realistic demo data for an empty database; each area appends its own step to DEMO_STEPS."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from importlib import import_module

from sqlalchemy import select

from desktop_app.data.db import Database
from desktop_app.data.models import User
from desktop_app.data.types import utcnow
from desktop_app.i18n import translate
from desktop_app.services import audit, auth, settings
from desktop_app.services.errors import UserError
from desktop_app.services.permissions import Actor, Role, system_actor


def _must_change_password(db: Database, user_id: int) -> None:
    with db.write() as s:
        user = s.get(User, user_id)
        if user is not None:
            user.must_change_password = True
            audit.record(s, system_actor("demo"), "update", "user", user_id,
                         after={"must_change_password": True})  # fmt: skip


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
        # The body's own targets (the dashboard's first steps ask for them, issue 14.4).
        "target.cdr_answered_pct": 85.0,
        "target.evals_score_avg": 75.0,
    })  # fmt: skip


def _area_step(module: str, function: str) -> DemoStep:
    """Area modules import DemoContext from here, so they are imported when the step runs."""

    def step(ctx: DemoContext) -> None:
        getattr(import_module(f"desktop_app.services.{module}"), function)(ctx)

    step.__name__ = f"{module}.{function}"
    return step


# In the order the data depends on each other: agents are linked to lines, a forwarding goes to
# an agent, requests are assigned to agents, mystery calls ring lines and rate agents.
DEMO_STEPS: list[DemoStep] = [
    _settings_step,
    _area_step("demo_lines", "lines_step"),  # C8.1, C8.4
    _area_step("demo_agents", "agents_step"),  # C8.3, C8.5, C8.6
    _area_step("demo_lines", "forwarding_step"),  # C2.4
    _area_step("demo_requests", "requests_step"),  # C2.1, C2.3
    _area_step("demo_calls", "demo_calls_step"),  # C8.2, C8.7
    _area_step("demo_eservices", "services_step"),  # C2.2, C2.4
    _area_step("demo_callbacks", "callbacks_step"),  # C2.4: after the call records
]


# Reference rows written without anyone using the database: by the migrations (the office
# timetable, the first scorecard, the C8.6 categories) or on demand (each year's public
# holidays). An edit to them is audited, so a database someone used still shows through audit_log.
_SEEDED_BY_MIGRATIONS = frozenset({"alembic_version", "settings", "office_timetables",
                                   "scorecards", "scorecard_criteria", "calendar_years",
                                   "holidays", "user_categories"})  # fmt: skip


def _tables_in_use(db: Database) -> list[str]:
    """Every table of the schema that holds rows, other than what a fresh migration writes."""
    from desktop_app.data.models import Base

    with db.read() as s:
        return [
            table.name
            for table in Base.metadata.sorted_tables
            if table.name not in _SEEDED_BY_MIGRATIONS
            and s.execute(select(table).limit(1)).first() is not None
        ]


def fill_demo(db: Database, years: int = 2, seed: int = 2020) -> dict[str, str]:
    """Returns the one-time password of every demo user; refuses a database already in use."""
    if years < 1 or years > 10:
        raise UserError(translate("demo", "--years must be between 1 and 10."))
    in_use = _tables_in_use(db)
    if in_use:
        raise UserError(
            translate(
                "demo", "Demo data goes only into an empty database; this one holds {tables}."
            ).format(tables=", ".join(in_use))
        )
    passwords: dict[str, str] = {}
    admin_password = auth.one_time_password()
    admin = auth.create_first_admin(db, DEMO_USERS[0][0], DEMO_USERS[0][1], admin_password)
    passwords[admin.username] = admin_password
    actor = admin.actor()
    _must_change_password(db, admin.id)  # like every other demo user (the output says so)
    for username, full_name, role in DEMO_USERS[1:]:
        user, password = auth.create_user(db, actor, username, full_name, role)
        passwords[user.username] = password
    ctx = DemoContext(db, actor, random.Random(seed), years, utcnow())
    for step in DEMO_STEPS:
        step(ctx)
    return passwords
