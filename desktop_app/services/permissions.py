"""Roles and what each may do; every service call checks here, whatever the window shows."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from desktop_app.i18n import translate
from desktop_app.services.errors import PermissionDenied


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
    EDIT_REQUESTS = "edit_requests"  # C2.1, C2.3
    READ_PERSONAL_DATA = "read_personal_data"  # citizens' names and contacts (law 2004-63)
    PURGE_PERSONAL_DATA = "purge_personal_data"
    EDIT_AGENTS = "edit_agents"  # C8.3, C8.5, C8.6
    EDIT_TRAINING = "edit_training"
    ACKNOWLEDGE_GUIDES = "acknowledge_guides"
    EDIT_EVALUATIONS = "edit_evaluations"  # C8.2, C8.7
    EDIT_SCORECARD = "edit_scorecard"
    IMPORT_CALLS = "import_calls"
    MAKE_REPORTS = "make_reports"  # C8.7


_ALL = frozenset(Perm)
ROLE_PERMISSIONS: dict[Role, frozenset[Perm]] = {
    Role.ADMIN: _ALL,
    Role.SUPERVISOR: frozenset({
        Perm.VIEW_SETTINGS, Perm.READ_ALL, Perm.EDIT_LINES, Perm.CHECK_LINES,
        Perm.EDIT_REQUESTS, Perm.READ_PERSONAL_DATA, Perm.EDIT_EVALUATIONS,
        Perm.IMPORT_CALLS, Perm.MAKE_REPORTS, Perm.ACKNOWLEDGE_GUIDES, Perm.BACKUP,
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


@dataclass(frozen=True)
class Actor:
    """Who is calling a service: the signed-in user, or the command line acting as a role."""

    user_id: int | None
    username: str
    role: Role
    full_name: str = ""

    def can(self, perm: Perm) -> bool:
        return perm in ROLE_PERMISSIONS[self.role]

    def require(self, perm: Perm) -> None:
        if not self.can(perm):
            raise PermissionDenied(
                translate("permissions", "Your role ({role}) does not allow this action.").format(
                    role=role_label(self.role)
                )
            )


def system_actor(username: str = "istiqbal-cli") -> Actor:
    """The command line runs unattended under the account of whoever runs it, as administrator."""
    return Actor(user_id=None, username=username, role=Role.ADMIN, full_name=username)


def viewer_actor() -> Actor:
    """A read-only actor (director rights), used by `istiqbal screenshot`."""
    # Translated: the status bar of every screenshot shows this name (issue 14.8).
    name = translate("permissions", "Viewer")
    return Actor(user_id=None, username="viewer", role=Role.DIRECTOR, full_name=name)
