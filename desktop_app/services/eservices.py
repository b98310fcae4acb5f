"""The catalogue of the body's online services and its quality checklist (C2.2).

C2.2 asks the body to keep the list of its e-services, publish their links, keep each one's
information correct and easy to reach, with «وصف واضح لكل خدمة ومتطلبات استعمالها». Everyone
signed in reads the catalogue; supervisors and administrators edit it (EDIT_SERVICES). Withdrawn
services stay, dated, for history. Every write is audited; edits carry an optimistic version.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from desktop_app.data.db import Database
from desktop_app.data.models import OnlineService
from desktop_app.data.types import utcnow
from desktop_app.i18n import translate
from desktop_app.services import audit
from desktop_app.services import settings as settings_service
from desktop_app.services.errors import ConcurrentEdit, UserError, require_version
from desktop_app.services.periods import local_date
from desktop_app.services.permissions import Actor, Perm

# The quality checklist, in the order the catalogue shows it (C2.2).
CHECKS = ("description", "requirements", "link", "reach", "review")
MIN_DESCRIPTION = 40  # characters: below this a description says too little to be "clear"
MAX_CLICKS = 2  # reachable in two clicks from the home page


def check_label(code: str) -> str:
    return {
        "description": translate("eservices", "Clear description"),
        "requirements": translate("eservices", "Requirements stated"),
        "link": translate("eservices", "Link works"),
        "reach": translate("eservices", "Two clicks from the home page"),
        "review": translate("eservices", "Reviewed recently"),
    }.get(code, code)


def problem_label(code: str) -> str:
    """Why a service fails a point of the checklist, one short sentence."""
    return {
        "description": translate("eservices", "The description is missing or too short."),
        "requirements": translate("eservices", "What is needed to use it is not stated."),
        "link": translate("eservices", "The link did not work at its latest check."),
        "link_unchecked": translate("eservices", "The link has never been checked."),
        "reach": translate("eservices", "The website audit did not find it within two clicks."),
        "review": translate("eservices", "Its information has not been reviewed in time."),
    }.get(code, code)


@dataclass(frozen=True)
class ServiceInput:
    """What the dialog (or the demo) hands in."""

    name_ar: str
    name_fr: str
    url: str
    description: str = ""
    audience: str = ""
    requirements: str = ""
    unit: str = ""
    on_website: bool = False
    on_portal: bool = False
    accessibility: str = ""
    withdrawn: bool = False


@dataclass(frozen=True)
class ServiceRow:
    id: int
    name_ar: str
    name_fr: str
    description: str
    audience: str
    requirements: str
    url: str
    unit: str
    on_website: bool
    on_portal: bool
    accessibility: str
    reviewed_on: date | None
    reviewed_by: str
    withdrawn_at: datetime | None
    last_checked_at: datetime | None
    last_check_ok: bool | None
    clicks_from_home: int | None
    version: int
    problems: tuple[str, ...] = ()  # failing checklist codes (problem_label)

    def name(self, lang: str) -> str:
        first, second = (
            (self.name_ar, self.name_fr) if lang == "ar" else (self.name_fr, self.name_ar)
        )
        return first or second

    @property
    def withdrawn(self) -> bool:
        return self.withdrawn_at is not None

    def passes(self, check: str) -> bool:
        return not any(p == check or p.startswith(f"{check}_") for p in self.problems)


# -- validation ---------------------------------------------------------------------------------
def _clean(text: str, limit: int) -> str:
    return " ".join(str(text or "").split())[:limit]


def check_url(url: str) -> str:
    """An absolute http(s) address; anything else (file:, javascript:, a bare name) is refused."""
    url = str(url or "").strip()
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise UserError(
            translate("eservices", "“{url}” is not a web address (http:// or https://).").format(
                url=url[:200]
            )
        )
    return url


def _validate(data: ServiceInput) -> None:
    if not _clean(data.name_ar, 300) and not _clean(data.name_fr, 300):
        raise UserError(translate("eservices", "Give the service a name in Arabic or French."))
    check_url(data.url)


# -- rows and the checklist ----------------------------------------------------------------------
def problems_of(svc: OnlineService, today: date, review_days: int) -> tuple[str, ...]:
    """The checklist (C2.2) for one service: the codes of the points it fails."""
    out: list[str] = []
    if len(svc.description.strip()) < MIN_DESCRIPTION:
        out.append("description")
    if not svc.requirements.strip():
        out.append("requirements")
    if svc.last_check_ok is None:
        out.append("link_unchecked")
    elif not svc.last_check_ok:
        out.append("link")
    if svc.clicks_from_home is None or svc.clicks_from_home > MAX_CLICKS:
        out.append("reach")
    if svc.reviewed_on is None or svc.reviewed_on < today - timedelta(days=review_days):
        out.append("review")
    return tuple(out)


def _row(svc: OnlineService, problems: tuple[str, ...] = ()) -> ServiceRow:
    return ServiceRow(
        svc.id, svc.name_ar, svc.name_fr, svc.description, svc.audience, svc.requirements,
        svc.url, svc.unit, svc.on_website, svc.on_portal, svc.accessibility, svc.reviewed_on,
        svc.reviewed_by, svc.withdrawn_at, svc.last_checked_at, svc.last_check_ok,
        svc.clicks_from_home, svc.version, problems,
    )  # fmt: skip


def _snapshot(svc: OnlineService) -> dict[str, Any]:
    keys = ("name_ar", "name_fr", "description", "audience", "requirements", "url", "unit",
            "on_website", "on_portal", "accessibility", "reviewed_on", "reviewed_by",
            "withdrawn_at")  # fmt: skip
    return {k: getattr(svc, k) for k in keys}


def _apply(svc: OnlineService, data: ServiceInput) -> None:
    svc.name_ar = _clean(data.name_ar, 300)
    svc.name_fr = _clean(data.name_fr, 300)
    svc.url = check_url(data.url)
    svc.description = str(data.description or "").strip()
    svc.audience = str(data.audience or "").strip()
    svc.requirements = str(data.requirements or "").strip()
    svc.unit = _clean(data.unit, 200)
    svc.on_website = bool(data.on_website)
    svc.on_portal = bool(data.on_portal)
    svc.accessibility = str(data.accessibility or "").strip()
    if data.withdrawn and svc.withdrawn_at is None:
        svc.withdrawn_at = utcnow()
    elif not data.withdrawn:
        svc.withdrawn_at = None


def _get(s: Session, service_id: int) -> OnlineService:
    svc = s.get(OnlineService, service_id)
    if svc is None:
        raise UserError(translate("eservices", "This online service no longer exists."))
    return svc


def _stale_message() -> str:
    return translate(
        "eservices", "Someone else changed this service meanwhile; reopen it and try again."
    )


def _stale() -> ConcurrentEdit:
    return ConcurrentEdit(_stale_message())


# -- the catalogue --------------------------------------------------------------------------------
def create_service(db: Database, actor: Actor, data: ServiceInput) -> ServiceRow:
    actor.require(Perm.EDIT_SERVICES)
    _validate(data)
    with db.write() as s:
        svc = OnlineService()
        _apply(svc, data)
        s.add(svc)
        s.flush()
        audit.record(s, actor, "create", "online_service", svc.id, after=_snapshot(svc))
        return _row(svc)


def update_service(db: Database, actor: Actor, service_id: int, data: ServiceInput, *,
                   expected_version: int) -> ServiceRow:  # fmt: skip
    actor.require(Perm.EDIT_SERVICES)
    _validate(data)
    try:
        with db.write() as s:
            svc = _get(s, service_id)
            require_version(svc.version, expected_version, _stale_message)
            before = _snapshot(svc)
            if data.url.strip() != svc.url:  # a new address has not been checked yet
                svc.last_check_ok, svc.last_checked_at = None, None
            _apply(svc, data)
            s.flush()
            audit.record(s, actor, "update", "online_service", svc.id, before=before,
                         after=_snapshot(svc))  # fmt: skip
            return _row(svc)
    except StaleDataError as exc:
        raise _stale() from exc


def mark_reviewed(db: Database, actor: Actor, service_id: int, *, expected_version: int,
                  on: date | None = None) -> ServiceRow:  # fmt: skip
    """Someone read the service's information through and found it correct today (C2.2)."""
    actor.require(Perm.EDIT_SERVICES)
    try:
        with db.write() as s:
            svc = _get(s, service_id)
            require_version(svc.version, expected_version, _stale_message)
            before = _snapshot(svc)
            svc.reviewed_on = on or local_date(utcnow())
            svc.reviewed_by = actor.full_name or actor.username
            s.flush()
            audit.record(s, actor, "review", "online_service", svc.id, before=before,
                         after=_snapshot(svc))  # fmt: skip
            return _row(svc)
    except StaleDataError as exc:
        raise _stale() from exc


def list_services(
    db: Database,
    actor: Actor,
    *,
    include_withdrawn: bool = False,
    failing_only: bool = False,
    today: date | None = None,
) -> list[ServiceRow]:
    """Every signed-in role reads the catalogue (agents tell citizens about e-services)."""
    del actor  # no permission needed to read: the catalogue is public information
    today = today or local_date(utcnow())
    with db.read() as s:
        review_days = int(settings_service.load_all(s)["services_review_days"])
        stmt = select(OnlineService).order_by(OnlineService.withdrawn_at.is_not(None),
                                              OnlineService.name_fr, OnlineService.id)  # fmt: skip
        if not include_withdrawn:
            stmt = stmt.where(OnlineService.withdrawn_at.is_(None))
        rows = []
        for svc in s.scalars(stmt):
            problems = () if svc.withdrawn_at else problems_of(svc, today, review_days)
            if failing_only and not problems:
                continue
            rows.append(_row(svc, problems))
        return rows


def failing_services(db: Database, actor: Actor, today: date | None = None) -> list[ServiceRow]:
    """The services in use that fail at least one point of the checklist (C2.2)."""
    return list_services(db, actor, failing_only=True, today=today)


def get_service(db: Database, actor: Actor, service_id: int) -> ServiceRow:
    del actor
    with db.read() as s:
        return _row(_get(s, service_id))


def count_services(db: Database) -> int:
    with db.read() as s:
        return len(s.scalars(select(OnlineService.id)).all())
