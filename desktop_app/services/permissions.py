"""Roles and what each may do; every service call checks here, whatever the window shows."""

from __future__ import annotations

import functools
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, ParamSpec, TypeVar

from sqlalchemy import event, text
from sqlalchemy.orm import Session

from desktop_app.data.db import Database
from desktop_app.i18n import translate
from desktop_app.services.errors import PermissionDenied, RightsChanged


class Role(StrEnum):
    ADMIN = "admin"
    SUPERVISOR = "supervisor"
    HR = "hr"
    DIRECTOR = "director"
    AGENT = "agent"


class Perm(StrEnum):
    MANAGE_USERS = "manage_users"
    VIEW_AUDIT = "view_audit"
    EDIT_SETTINGS = "edit_settings"
    VIEW_SETTINGS = "view_settings"
    BACKUP = "backup"
    READ_ALL = "read_all"  # every register, read-only
    EDIT_LINES = "edit_lines"  # C8.1, C8.4, C2.4
    CHECK_LINES = "check_lines"
    EDIT_REQUESTS = "edit_requests"  # C2.1, C2.3: log and answer (agents: their own or unassigned)
    MANAGE_REQUESTS = "manage_requests"  # import, assign, close or reopen any request
    EXPORT_CITIZEN_DATA = "export_citizen_data"  # right of access (law 2004-63): all of a citizen
    READ_PERSONAL_DATA = "read_personal_data"  # citizens' names and contacts (law 2004-63)
    PURGE_PERSONAL_DATA = "purge_personal_data"
    EDIT_AGENTS = "edit_agents"  # C8.3, C8.5, C8.6
    EDIT_TRAINING = "edit_training"
    ACKNOWLEDGE_GUIDES = "acknowledge_guides"
    EDIT_EVALUATIONS = "edit_evaluations"  # C8.2, C8.7
    EDIT_SCORECARD = "edit_scorecard"
    IMPORT_CALLS = "import_calls"
    MAKE_REPORTS = "make_reports"  # C8.7
    EDIT_SERVICES = "edit_services"  # C2.2: the online-services catalogue


_ALL = frozenset(Perm)
ROLE_PERMISSIONS: dict[Role, frozenset[Perm]] = {
    Role.ADMIN: _ALL,
    Role.SUPERVISOR: frozenset({
        Perm.VIEW_SETTINGS, Perm.READ_ALL, Perm.EDIT_LINES, Perm.CHECK_LINES,
        Perm.EDIT_REQUESTS, Perm.MANAGE_REQUESTS, Perm.READ_PERSONAL_DATA,
        Perm.EXPORT_CITIZEN_DATA, Perm.EDIT_EVALUATIONS,
        Perm.IMPORT_CALLS, Perm.MAKE_REPORTS, Perm.ACKNOWLEDGE_GUIDES, Perm.BACKUP,
        Perm.EDIT_SERVICES,
    }),
    Role.HR: frozenset({
        Perm.VIEW_SETTINGS, Perm.READ_ALL, Perm.EDIT_AGENTS, Perm.EDIT_TRAINING,
        Perm.ACKNOWLEDGE_GUIDES,
    }),
    Role.DIRECTOR: frozenset({Perm.VIEW_SETTINGS, Perm.READ_ALL, Perm.MAKE_REPORTS}),
    Role.AGENT: frozenset({
        Perm.CHECK_LINES, Perm.EDIT_REQUESTS, Perm.READ_PERSONAL_DATA, Perm.ACKNOWLEDGE_GUIDES,
    }),
}  # fmt: skip


def role_label(role: str) -> str:
    labels = {
        Role.ADMIN: translate("roles", "Administrator"),
        Role.SUPERVISOR: translate("roles", "Reception supervisor"),
        Role.HR: translate("roles", "Human resources"),
        Role.DIRECTOR: translate("roles", "Director"),
        Role.AGENT: translate("roles", "Reception agent"),
    }
    return labels.get(Role(role), role) if role in Role._value2member_map_ else role


def rights_changed() -> RightsChanged:
    return RightsChanged(translate("permissions", "Your rights changed; sign in again."))


@dataclass(frozen=True)
class Actor:
    """Who is calling a service: the signed-in user, or the command line acting as a role.

    `rights_version` is the user's `users.rights_version` when they signed in; an administrator
    changing their role, deactivating them or resetting their password bumps it, and the next
    service call of the session still open is refused (issue 16 point 2).
    """

    user_id: int | None
    username: str
    role: Role
    full_name: str = ""
    rights_version: int = 1

    def can(self, perm: Perm) -> bool:
        return perm in ROLE_PERMISSIONS[self.role]

    def require(self, perm: Perm) -> None:
        """Refuse at once what the role never allows; then the first transaction the service
        opens re-reads the user's row (see _check_current_rights) before anything else runs."""
        if not self.can(perm):
            raise PermissionDenied(
                translate("permissions", "Your role ({role}) does not allow this action.").format(
                    role=role_label(self.role)
                )
            )
        _pending.set(self if self.user_id is not None else None)

    def require_any(self, *perms: Perm) -> None:
        """require() for a call that any one of several permissions allows."""
        self.require(next((p for p in perms if self.can(p)), perms[0]))


# The actor whose rights the next unit of work must confirm. A context variable, because the
# ~80 service functions check `actor.require(...)` before they open their unit of work, and the
# check must run INSIDE that transaction (one primary-key read) without threading the session
# through every call; each thread (ui/workers.py) has its own context.
_pending: ContextVar[Actor | None] = ContextVar("istiqbal_pending_actor", default=None)


def forget_pending() -> None:
    """A call that acts for no signed-in user (login, first run) checks no one's rights."""
    _pending.set(None)


_P = ParamSpec("_P")
_R = TypeVar("_R")


def leaves_no_check_pending(plan: Callable[_P, _R]) -> Callable[_P, _R]:
    """For an importer's plan and commit: a plan require()s before reading the file, but may
    then return (rows refused) or raise (file unreadable) before any transaction; a commit may
    raise before its transaction begins (the write lock not had in time, the wait cancelled).
    The check left pending would fire in whatever transaction the thread opens next, possibly
    another user's or database's. On the way out, however it leaves, nothing stays pending: a
    transaction that began has confirmed the rights already, and a plan's commit require()s
    again where the write follows."""

    @functools.wraps(plan)
    def planned(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        try:
            return plan(*args, **kwargs)
        finally:
            _pending.set(None)

    return planned


def confirm_rights(connection: Any, actor: Actor) -> None:
    """Refuse an actor whose row no longer matches the session: deactivated, deleted, role
    changed or rights_version bumped (password reset). One primary-key read."""
    row = connection.execute(
        text("SELECT role, active, rights_version FROM users WHERE id = :id"),
        {"id": actor.user_id},
    ).first()
    if (
        row is None
        or not row.active
        or row.role != actor.role
        or int(row.rights_version) != actor.rights_version
    ):
        raise rights_changed()


def require_now(db: Database, actor: Actor, perm: Perm) -> None:
    """require() for a call that does its work outside a unit of work (the SQLite online
    backup): the user's current rights are confirmed in a transaction of their own, first."""
    actor.require(perm)
    with db.read() as s:
        s.execute(text("SELECT 1"))


@event.listens_for(Session, "after_begin")
def _check_current_rights(session: Session, _transaction: Any, connection: Any) -> None:
    actor = _pending.get()
    if actor is None or actor.user_id is None:
        return
    _pending.set(None)
    confirm_rights(connection, actor)


@event.listens_for(Session, "after_transaction_end")
def _forget_inner_requires(_session: Session, _transaction: Any) -> None:
    """A require() made inside a unit of work already confirmed (a helper such as add_check
    checking again) must not linger to be checked at some later, unrelated transaction."""
    _pending.set(None)


def system_actor(username: str = "istiqbal-cli") -> Actor:
    """The command line runs unattended under the account of whoever runs it, as administrator."""
    return Actor(user_id=None, username=username, role=Role.ADMIN, full_name=username)


def viewer_actor() -> Actor:
    """A read-only actor (director rights), used by `istiqbal screenshot`."""
    # Translated: the status bar of every screenshot shows this name (issue 14.8).
    name = translate("permissions", "Viewer")
    return Actor(user_id=None, username="viewer", role=Role.DIRECTOR, full_name=name)
