"""Issue 16 point 2: every service checks the actor's CURRENT rights, and the agent role is what
the README says (log and answer requests assigned to them or unassigned, record line checks,
acknowledge guides). One table: service x role, plus a deactivated administrator and a
supervisor demoted to agent while signed in, each allowed or PermissionDenied."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from desktop_app.config import resolve_database
from desktop_app.data.db import Database
from desktop_app.data.types import utcnow
from desktop_app.exchange.cdr import import_cdr
from desktop_app.exchange.excel_report import write_workbook
from desktop_app.exchange.lines_file import import_lines
from desktop_app.exchange.requests_file import import_register
from desktop_app.services import agents, auth, dashboard, guides, lines, report, settings
from desktop_app.services import requests as rq
from desktop_app.services.agents import AgentInput
from desktop_app.services.audit import AuditFilter, audit_page
from desktop_app.services.database import backup_database, open_database
from desktop_app.services.errors import PermissionDenied, RightsChanged, UserError
from desktop_app.services.guides import GuideInput
from desktop_app.services.lines import LineInput
from desktop_app.services.permissions import Actor, Role
from tests.conftest import TEST_PASSWORD

MASTER = Path(__file__).parent.parent / "exchange" / "data" / "Master.csv"
LINES_CSV = "Numéro;Type;Libellé\n71 563 777;standard;Accueil\n"
REQUESTS_CSV = "Reçu le;Canal;Type;Objet\n03/02/2026 14:20;courrier;demande;Acte de naissance\n"


@dataclass
class World:
    db: Database
    location: Any
    tmp: Path
    actors: dict[str, Actor]
    ids: dict[str, int]


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    tmp = tmp_path_factory.mktemp("matrix")
    location = resolve_database(str(tmp / "istiqbal.sqlite"))
    db = open_database(location)
    admin = auth.create_first_admin(db, "admin", "Admin", TEST_PASSWORD).actor()
    actors = {"admin": admin}
    for role in (Role.SUPERVISOR, Role.HR, Role.DIRECTOR, Role.AGENT):
        user, _ = auth.create_user(db, admin, role.value, role.value, role, TEST_PASSWORD)
        actors[role.value] = user.actor()
    gone, _ = auth.create_user(db, admin, "gone", "Gone", Role.ADMIN, TEST_PASSWORD)
    demoted, _ = auth.create_user(db, admin, "demoted", "Demoted", Role.SUPERVISOR, TEST_PASSWORD)
    actors["deactivated admin"], actors["demoted supervisor"] = gone.actor(), demoted.actor()
    # The changes happen while both are signed in: their Actor objects are the open sessions.
    auth.update_user(db, admin, gone.id, expected_version=gone.version, active=False)
    auth.update_user(db, admin, demoted.id, expected_version=demoted.version, role=Role.AGENT)

    mine = agents.create_agent(
        db, admin, AgentInput(name_fr="Mine", user_id=actors["agent"].user_id)
    )
    other = agents.create_agent(db, admin, AgentInput(name_fr="Other"))
    line = lines.create_line(db, admin, LineInput(number="71 563 500", kind="switchboard"))
    guide = guides.create_guide(
        db, admin, GuideInput("Guide", "guide", "reception", "1.0", date(2026, 1, 1),
                              date(2099, 1, 1)),
    )  # fmt: skip
    ids = {"line": line.id, "guide": guide, "mine": mine.id, "other": other.id}

    def request(agent_id: int | None, answered: bool = False, closed: bool = False) -> int:
        r = rq.create_request(db, admin, channel="letter", type="request", subject="Acte",
                              citizen="Hédi Trabelsi", agent_id=agent_id)  # fmt: skip
        if answered or closed:
            rq.respond(db, admin, r.id, "answer", "Fait.")
        if closed:
            rq.close(db, admin, r.id)
        return r.id

    ids["free"] = request(None)
    ids["free_answered"] = request(None, answered=True)
    ids["of_mine"] = request(mine.id, answered=True)
    ids["of_other"] = request(other.id, answered=True)
    ids["closed"] = request(other.id, closed=True)
    (tmp / "lines.csv").write_text(LINES_CSV, encoding="utf-8")
    (tmp / "requests.csv").write_text(REQUESTS_CSV, encoding="utf-8")
    shutil.copy(MASTER, tmp / "Master.csv")
    yield World(db, location, tmp, actors, ids)
    db.dispose()


Op = Callable[[World, Actor], object]
A, S, H, D, G = "admin", "supervisor", "hr", "director", "agent"

OPERATIONS: dict[str, tuple[Op, set[str]]] = {
    "create a user": (
        lambda w, a: auth.create_user(w.db, a, f"u{a.username}", "U", Role.AGENT, TEST_PASSWORD),
        {A},
    ),
    "read the audit trail": (lambda w, a: audit_page(w.db, a, AuditFilter()), {A}),
    "change settings": (
        lambda w, a: settings.update(w.db, a, {"public_email": "accueil@example.tn"}),
        {A},
    ),
    "back up": (lambda w, a: backup_database(w.db, a, w.location), {A, S}),
    "log an unassigned request": (
        lambda w, a: rq.create_request(w.db, a, channel="phone", type="inquiry", subject="Q"),
        {A, S, G},
    ),
    "log a request for another agent": (
        lambda w, a: rq.create_request(
            w.db, a, channel="phone", type="inquiry", subject="Q", agent_id=w.ids["other"]
        ),  # fmt: skip
        {A, S},
    ),
    "answer an unassigned request": (
        lambda w, a: rq.respond(
            w.db,
            a,
            w.ids["free"],
            "notice",
            "Pièces: CIN",
            notice_reason="documents",
            notice_answer_by=utcnow() + timedelta(days=7),
        ),
        {A, S, G},
    ),
    "answer a request assigned to them": (
        lambda w, a: rq.respond(w.db, a, w.ids["of_mine"], "answer", "Encore"),
        {A, S, G},
    ),
    "answer another agent's request": (
        lambda w, a: rq.respond(w.db, a, w.ids["of_other"], "answer", "Encore"),
        {A, S},
    ),
    "assign a request": (lambda w, a: rq.assign(w.db, a, w.ids["free"], None), {A, S}),
    "close a request assigned to them": (
        lambda w, a: rq.close(w.db, a, w.ids["of_mine"]),
        {A, S, G},
    ),
    "close an unassigned request": (lambda w, a: rq.close(w.db, a, w.ids["free_answered"]), {A, S}),
    "close another agent's request": (lambda w, a: rq.close(w.db, a, w.ids["of_other"]), {A, S}),
    "reopen a request": (lambda w, a: rq.reopen(w.db, a, w.ids["closed"], "Erreur"), {A, S}),
    "import a requests register": (
        lambda w, a: import_register(w.db, a, w.tmp / "requests.csv", dry_run=True),
        {A, S},
    ),
    "export a citizen's data": (lambda w, a: rq.citizen_data(w.db, a, "Hédi Trabelsi"), {A, S}),
    "purge personal data": (lambda w, a: rq.purge(w.db, a), {A}),
    "import a lines directory": (lambda w, a: import_lines(w.db, a, w.tmp / "lines.csv"), {A, S}),
    "record a line check": (
        lambda w, a: lines.record_check(w.db, a, w.ids["line"], "answered_named"),
        {A, S, G},
    ),
    "import call records": (
        lambda w, a: import_cdr(w.db, a, w.tmp / "Master.csv", dry_run=True),
        {A, S},
    ),
    "acknowledge a guide": (lambda w, a: guides.acknowledge(w.db, a, w.ids["guide"]), {A, S, H, G}),
    "write a guide": (
        lambda w, a: guides.create_guide(
            w.db, a, GuideInput("G", "guide", "legal", "1", date(2026, 1, 1), date(2099, 1, 1))
        ),
        {A, H},
    ),
    "add an agent": (lambda w, a: agents.create_agent(w.db, a, AgentInput(name_fr="N")), {A, H}),
    "read the dashboard": (lambda w, a: dashboard.dashboard(w.db, a), {A, S, H, D}),
    "produce the evaluation report": (
        lambda w, a: report.generate(
            w.db,
            a,
            f"{(utcnow() - timedelta(days=40)):%Y-%m}",
            w.tmp / f"r-{a.username}.xlsx",
            write=write_workbook,
        ),
        {A, S, D},
    ),
}
COLUMNS = (A, S, H, D, G, "deactivated admin", "demoted supervisor")


@pytest.mark.parametrize("who", COLUMNS)
@pytest.mark.parametrize("operation", list(OPERATIONS))
def test_issue16_2_rights_matrix_service_by_role(world: World, operation: str, who: str) -> None:
    call, allowed = OPERATIONS[operation]
    actor = world.actors[who]
    if who in allowed:
        try:
            call(world, actor)
        except PermissionDenied as exc:  # pragma: no cover - the failure message says which
            pytest.fail(f"{who} was refused “{operation}”: {exc}")
        except UserError:
            pass  # allowed, then refused on the facts (e.g. HR has no agent record to sign for)
        return
    with pytest.raises(PermissionDenied) as refused:
        call(world, actor)
    old_role = {"deactivated admin": A, "demoted supervisor": S}.get(who)
    if old_role in allowed:
        # Rights the session had at sign-in, gone since: refused in the service's transaction.
        assert isinstance(refused.value, RightsChanged)
        assert str(refused.value) == "Your rights changed; sign in again."


def test_issue16_2_a_password_reset_ends_the_open_session(
    db: Database, admin: Actor, actor_of: Callable[[Role], Actor]
) -> None:
    supervisor = actor_of(Role.SUPERVISOR)
    assert auth.session_still_valid(db, supervisor)
    new_password = auth.reset_password(db, admin, supervisor.user_id or 0)
    assert not auth.session_still_valid(db, supervisor)
    with pytest.raises(RightsChanged):
        dashboard.dashboard(db, supervisor)
    again = auth.login(db, "user-supervisor", new_password).actor()
    assert auth.session_still_valid(db, again)
    dashboard.dashboard(db, again)


def test_issue16_2_a_refused_call_leaves_no_check_pending_for_the_next_sign_in(
    db: Database, admin: Actor, actor_of: Callable[[Role], Actor]
) -> None:
    hr = actor_of(Role.HR)
    auth.update_user(db, admin, hr.user_id or 0, expected_version=1, active=False)
    with pytest.raises(UserError):
        agents.create_agent(db, hr, AgentInput())  # refused before any transaction opened
    assert auth.login(db, "admin", TEST_PASSWORD).username == "admin"


def test_issue16_2_a_require_inside_a_unit_of_work_does_not_linger(
    db: Database, admin: Actor
) -> None:
    from desktop_app.services import permissions

    line = lines.create_line(db, admin, LineInput(number="71 563 500", kind="switchboard"))
    lines.record_check(db, admin, line.id, "answered")  # add_check requires again, inside
    assert permissions._pending.get() is None
