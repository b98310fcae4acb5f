"""Users, argon2id passwords, the first administrator, and logins that slow down after failures.

The slow-down is kept per user name AND per workstation, in the signing-in process: wrong
passwords typed on another PC never delay this one, so no one can lock a colleague out, and an
unknown name is slowed exactly like a real one, so the delay does not tell which names exist.
"""

from __future__ import annotations

import math
import re
import secrets
import socket
import threading
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop_app.data.db import Database
from desktop_app.data.models import User
from desktop_app.data.types import utcnow
from desktop_app.i18n import translate
from desktop_app.services import audit
from desktop_app.services.errors import RightsChanged, UserError, require_version
from desktop_app.services.permissions import Actor, Perm, Role, confirm_rights, forget_pending

# argon2-cffi's defaults are argon2id with RFC 9106's low-memory profile.
_hasher = PasswordHasher()
MIN_PASSWORD_LENGTH = 10
MAX_DELAY_SECONDS = 30
_USERNAME = re.compile(r"^[A-Za-z0-9._-]{2,64}$")


def set_password_hasher(hasher: PasswordHasher) -> PasswordHasher:
    """Replace the hasher and return the previous one. The test suite alone calls it, with
    argon2's cheapest profile (thousands of users made); the product keeps the defaults."""
    global _hasher
    previous, _hasher = _hasher, hasher
    return previous


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def retry_delay(failed_logins: int) -> int:
    """Seconds to wait before the next try: 0, 1, 2, 4 … capped at 30 — slowed, never locked out."""
    if failed_logins <= 0:
        return 0
    delay: int = 2 ** (failed_logins - 1)  # int ** int is typed Any: a negative power is a float
    return min(delay, MAX_DELAY_SECONDS)


def one_time_password() -> str:
    """Readable: no 0/O or 1/l confusion when read out over the phone."""
    alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    return "".join(secrets.choice(alphabet) for _ in range(12))


@dataclass(frozen=True)
class UserInfo:
    id: int
    username: str
    full_name: str
    role: Role
    active: bool
    must_change_password: bool
    last_login_at: datetime | None
    version: int
    rights_version: int = 1

    def actor(self) -> Actor:
        return Actor(self.id, self.username, self.role, self.full_name, self.rights_version)


def _info(u: User) -> UserInfo:
    return UserInfo(u.id, u.username, u.full_name, Role(u.role), u.active,
                    u.must_change_password, u.last_login_at, u.version,
                    u.rights_version or 1)  # fmt: skip


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise UserError(
            translate("auth", "A password needs at least {n} characters.").format(
                n=MIN_PASSWORD_LENGTH
            )
        )


def _check_username(session: Session, username: str) -> None:
    if not _USERNAME.match(username):
        raise UserError(
            translate(
                "auth",
                "The user name “{name}” may only hold Latin letters, digits, dots, dashes and "
                "underscores (2 to 64).",
            ).format(name=username)
        )
    if session.scalar(select(User.id).where(func.lower(User.username) == username.lower())):
        raise UserError(translate("auth", "The user name “{name}” is taken.").format(name=username))


def has_users(db: Database) -> bool:
    with db.read() as s:
        return bool(s.scalar(select(func.count(User.id))))


def create_first_admin(db: Database, username: str, full_name: str, password: str) -> UserInfo:
    """Only possible on an empty user table: there is no default account to guess."""
    _check_password(password)
    forget_pending()
    with db.write() as s:
        return add_first_admin(s, username, full_name, password)


def add_first_admin(s: Session, username: str, full_name: str, password: str) -> UserInfo:
    """create_first_admin inside the caller's unit of work (the first-run wizard's)."""
    _check_password(password)
    if s.scalar(select(func.count(User.id))):
        raise UserError(translate("auth", "An administrator already exists."))
    _check_username(s, username)
    user = User(username=username, full_name=full_name, role=Role.ADMIN,
                password_hash=hash_password(password))  # fmt: skip
    s.add(user)
    s.flush()
    actor = Actor(user.id, user.username, Role.ADMIN, full_name)
    audit.record(s, actor, "create", "user", user.id,
                 after={"username": username, "role": "admin"})  # fmt: skip
    return _info(user)


def workstation() -> str:
    """This PC's name, the second half of the slow-down's key."""
    try:
        return socket.gethostname() or "?"
    except OSError:
        return "?"


class LoginThrottle:
    """Wrong tries per (user name, workstation): each one doubles the wait before the next."""

    def __init__(self) -> None:
        self._failures: dict[tuple[str, str], tuple[int, datetime]] = {}
        self._lock = threading.Lock()

    @staticmethod
    def _key(username: str, host: str) -> tuple[str, str]:
        return username.strip().lower(), host

    def remaining(self, username: str, host: str, now: datetime) -> float:
        """Seconds still to wait before this name may be tried again from this workstation."""
        with self._lock:
            count, last = self._failures.get(self._key(username, host), (0, now))
        wait = retry_delay(count)
        return (last + timedelta(seconds=wait) - now).total_seconds() if wait else 0.0

    def failed(self, username: str, host: str, now: datetime) -> None:
        with self._lock:
            count, _ = self._failures.get(self._key(username, host), (0, now))
            self._failures[self._key(username, host)] = (count + 1, now)

    def succeeded(self, username: str, host: str) -> None:
        with self._lock:
            self._failures.pop(self._key(username, host), None)

    def clear(self) -> None:
        with self._lock:
            self._failures.clear()


LOGIN_THROTTLE = LoginThrottle()


def login(
    db: Database,
    username: str,
    password: str,
    *,
    now: datetime | None = None,
    host: str | None = None,
    throttle: LoginThrottle | None = None,
) -> UserInfo:
    """One message for an unknown name and a wrong password, so names cannot be probed.

    Failures are slowed per (name, workstation) — see the module's docstring — and a real
    account's failures are audited with the workstation they came from.
    """
    now = now or utcnow()
    host = host or workstation()
    throttle = throttle or LOGIN_THROTTLE
    remaining = throttle.remaining(username, host, now)
    if remaining > 0:
        # Counted: "attendez 1 secondes" was wrong (issue 14.11); French and Arabic spell the unit.
        raise UserError(
            translate(
                "auth", "Too many wrong tries: try again in %n s.", None, math.ceil(remaining)
            )
        )
    wrong = UserError(translate("auth", "Wrong user name or password."))
    forget_pending()  # whoever was signed in before, this call acts for no one yet
    with db.write() as s:
        user = s.scalar(select(User).where(func.lower(User.username) == username.lower()))
        if user is None or not user.active:
            verify_password(_dummy(), password)  # same cost as a real check
            failed = True
        elif not verify_password(user.password_hash, password):
            user.failed_logins += 1  # for the record only: the delay is per workstation
            user.last_failed_at = now
            audit.record(s, Actor(user.id, user.username, Role(user.role)), "login_failed",
                         "user", user.id, after={"workstation": host})  # fmt: skip
            failed = True
        else:
            user.failed_logins = 0
            user.last_failed_at = None
            user.last_login_at = now
            audit.record(s, Actor(user.id, user.username, Role(user.role)), "login", "user",
                         user.id)  # fmt: skip
            if _hasher.check_needs_rehash(user.password_hash):
                user.password_hash = hash_password(password)
            info = _info(user)
            failed = False
    if failed:
        throttle.failed(username, host, now)
        raise wrong
    throttle.succeeded(username, host)
    return info


_dummy_hash: list[str] = []


def _dummy() -> str:
    """A hash to verify against for unknown names; made on first use, not at import."""
    if not _dummy_hash:
        _dummy_hash.append(hash_password("not a password of anyone's"))
    return _dummy_hash[0]


def list_users(db: Database, actor: Actor) -> list[UserInfo]:
    actor.require(Perm.MANAGE_USERS)
    with db.read() as s:
        return [_info(u) for u in s.scalars(select(User).order_by(User.username))]


def create_user(
    db: Database, actor: Actor, username: str, full_name: str, role: Role,
    password: str | None = None,
) -> tuple[UserInfo, str]:  # fmt: skip
    """Returns the user and the one-time password to hand over; they change it at first login."""
    actor.require(Perm.MANAGE_USERS)
    initial = password or one_time_password()
    _check_password(initial)
    with db.write() as s:
        _check_username(s, username)
        user = User(
            username=username,
            full_name=full_name,
            role=Role(role),
            password_hash=hash_password(initial),
            must_change_password=password is None,
        )
        s.add(user)
        s.flush()
        audit.record(
            s,
            actor,
            "create",
            "user",
            user.id,
            after={"username": username, "full_name": full_name, "role": str(role)},
        )
        return _info(user), initial  # fmt: skip


def update_user(
    db: Database, actor: Actor, user_id: int, *, expected_version: int,
    full_name: str | None = None, role: Role | None = None, active: bool | None = None,
) -> UserInfo:  # fmt: skip
    actor.require(Perm.MANAGE_USERS)
    with db.write() as s:
        user = s.get(User, user_id)
        if user is None:
            raise UserError(translate("auth", "This user no longer exists."))
        require_version(
            user.version,
            expected_version,
            lambda: translate(
                "auth", "This user was changed by someone else meanwhile; reopen it."
            ),
        )
        before = {"full_name": user.full_name, "role": user.role, "active": user.active}
        if user.id == actor.user_id and (
            (role is not None and role != Role.ADMIN) or active is False
        ):
            raise UserError(translate("auth", "You cannot remove your own administrator rights."))
        if full_name is not None:
            user.full_name = full_name
        if role is not None:
            user.role = Role(role)
        if active is not None:
            user.active = active
        if user.role != before["role"] or user.active != before["active"]:
            user.rights_version = (user.rights_version or 1) + 1  # open sessions sign in again
        if user.role != Role.ADMIN or not user.active:
            _keep_an_admin(s, user.id)
        after = {"full_name": user.full_name, "role": user.role, "active": user.active}
        audit.record(s, actor, "update", "user", user.id, before=before, after=after)
        s.flush()
        return _info(user)


def _keep_an_admin(s: Session, changing_id: int) -> None:
    others = s.scalar(
        select(func.count(User.id)).where(
            User.role == Role.ADMIN, User.active.is_(True), User.id != changing_id
        )
    )
    if not others:
        raise UserError(translate("auth", "There must always be one active administrator."))


def reset_password(db: Database, actor: Actor, user_id: int) -> str:
    """A new one-time password; also clears the slowed-login state."""
    actor.require(Perm.MANAGE_USERS)
    new = one_time_password()
    with db.write() as s:
        user = s.get(User, user_id)
        if user is None:
            raise UserError(translate("auth", "This user no longer exists."))
        user.password_hash = hash_password(new)
        user.must_change_password = True
        user.failed_logins = 0
        user.last_failed_at = None
        user.rights_version = (user.rights_version or 1) + 1  # its open session signs in again
        audit.record(s, actor, "reset_password", "user", user.id)
    return new


def session_still_valid(db: Database, actor: Actor) -> bool:
    """The window's periodic check: False once the user was deactivated, changed role or had
    their password reset since signing in (issue 16 point 2). The command line is always valid."""
    if actor.user_id is None:
        return True
    forget_pending()
    with db.read() as s:
        try:
            confirm_rights(s.connection(), actor)
        except RightsChanged:
            return False
    return True


def change_own_password(db: Database, actor: Actor, old: str, new: str) -> None:
    _check_password(new)
    with db.write() as s:
        user = s.get(User, actor.user_id) if actor.user_id is not None else None
        if user is None or not verify_password(user.password_hash, old):
            raise UserError(translate("auth", "The current password is wrong."))
        if old == new:
            raise UserError(translate("auth", "The new password must differ from the old one."))
        user.password_hash = hash_password(new)
        user.must_change_password = False
        audit.record(s, actor, "change_password", "user", user.id)
