"""Business settings with their defaults: body names, deadlines, pickup time, indicator targets."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.config import DEFAULT_DEADLINE_HOURS, DEFAULT_PICKUP_SECONDS
from desktop_app.data.db import Database
from desktop_app.data.models import CitizenRequest, Setting
from desktop_app.data.types import utcnow
from desktop_app.i18n import translate
from desktop_app.services import audit, deadlines
from desktop_app.services.errors import UserError
from desktop_app.services.periods import TUNIS
from desktop_app.services.permissions import Actor, Perm


def _email(value: str) -> None:
    if value and not _EMAIL.match(value):
        raise UserError(
            translate("settings", "“{value}” is not an e-mail address.").format(value=value)
        )


_EMAIL = re.compile(r"^[^@\s<>\"]+@[^@\s<>\"]+\.[A-Za-z]{2,}$")


def _clock_kind(value: str) -> None:
    if value not in ("calendar", "working"):
        raise UserError(
            translate("settings", "The deadline clock is either “calendar” or “working”.")
        )


def _deadline_hours(value: int) -> None:
    """C2.1 «في أجل أقصاه 48 ساعة»: a body may set a shorter internal target, never a longer one."""
    if value > 48:
        raise UserError(
            translate(
                "settings",
                "The answer time cannot exceed 48 hours: circular 2/2020 (C2.1) sets 48 hours as "
                "the maximum; a shorter internal target is allowed.",
            )
        )


def _pickup_seconds(value: int) -> None:
    """C8.2 «في أقل من خمس دقائق»: a body may shorten the pickup time, never lengthen it."""
    if value > 300:
        raise UserError(
            translate(
                "settings",
                "The pickup time cannot exceed 300 seconds: circular 8/2020 (C8.2) asks to pick "
                "up in less than five minutes; a shorter time is allowed.",
            )
        )


LANGUAGES = ("ar", "fr", "en")


def _language(value: str) -> None:
    if value not in LANGUAGES:
        raise UserError(
            translate("settings", "The language is one of ar, fr or en, not “{value}”.").format(
                value=value
            )
        )


@dataclass(frozen=True)
class SettingSpec:
    key: str
    default: Any
    kind: type
    minimum: float | None = None
    maximum: float | None = None
    check: Callable[[Any], None] | None = None


# Targets for the indicators of CONTRACTS.md §3 live under "target.<kpi id>"; areas add theirs.
SPECS: dict[str, SettingSpec] = {
    s.key: s
    for s in (
        SettingSpec("body_name_ar", "", str),
        SettingSpec("body_name_fr", "", str),
        SettingSpec(
            "public_email", "", str, check=_email
        ),  # C2.1: the address published on the website
        SettingSpec("default_language", "ar", str, check=_language),
        # C2.1: the internal target's length; above 48 h it would lengthen the legal deadline.
        SettingSpec("deadline_hours", DEFAULT_DEADLINE_HOURS, int, 1, check=_deadline_hours),
        # C8.2: pick up in less than this; above 300 s it would lengthen «أقل من خمس دقائق».
        SettingSpec("pickup_seconds", DEFAULT_PICKUP_SECONDS, int, 5, check=_pickup_seconds),
        SettingSpec("warning_hours", 12, int, 1, 24 * 7),
        SettingSpec("check_interval_days", 30, int, 1, 365),  # C8.1
        SettingSpec("retention_years", 5, int, 1, 50),  # law 2004-63
        SettingSpec("target.req_on_time_pct", 95.0, float, 0, 100),
        SettingSpec("target.req_email_on_time_pct", 95.0, float, 0, 100),  # C2.1
        SettingSpec("target.mail_addresses_ok_pct", 100.0, float, 0, 100),  # C2.1
        SettingSpec("target.lines_checked_pct", 100.0, float, 0, 100),
        SettingSpec("target.lines_working_pct", 98.0, float, 0, 100),
        SettingSpec("target.lines_on_website_pct", 100.0, float, 0, 100),
        SettingSpec("target.evals_pickup_ok_pct", 95.0, float, 0, 100),
        SettingSpec("target.evals_greeting_pct", 95.0, float, 0, 100),
        SettingSpec("target.evals_named_body_pct", 95.0, float, 0, 100),
        SettingSpec("target.evals_score_avg", 80.0, float, 0, 100),
        SettingSpec("target.cdr_answered_pct", 90.0, float, 0, 100),
        SettingSpec("callback_window_hours", 24, int, 1, 24 * 14),  # C2.4: reach a missed caller
        SettingSpec("target.cdr_missed_reached_pct", 80.0, float, 0, 100),
        SettingSpec("target.cdr_callback_median_min", 120.0, float, 0, 24 * 60 * 14),
        SettingSpec("target.agents_trained_pct", 100.0, float, 0, 100),
        SettingSpec("target.agents_special_categories_pct", 100.0, float, 0, 100),
        # Delays and backlogs, better low (kpi_status.LOWER_IS_BETTER): half the 48 h deadline as
        # the median first response (C2.1), no request overdue and no fault open at the end, a
        # fault repaired within two days (C8.4), a call answered within 20 s of ringing (C8.2).
        SettingSpec("target.req_first_response_median_h", 24.0, float, 0, 24 * 30),
        SettingSpec("target.req_overdue_open_end", 0.0, float, 0, 100000),
        # C2.1: no response entered after the fact, no notice left past its announced date.
        SettingSpec("target.req_backdated", 0.0, float, 0, 100000),
        SettingSpec("target.req_notice_overdue_end", 0.0, float, 0, 100000),
        SettingSpec("target.faults_open_end", 0.0, float, 0, 10000),
        SettingSpec("target.fault_repair_mean_h", 48.0, float, 0, 24 * 30),
        SettingSpec("target.cdr_ring_median_s", 20.0, float, 0, 3600),
        # No target, on purpose: counts over P (req_received, req_assessable, req_on_time,
        # req_notice, req_closed, req_complaints, req_special_category, faults_reported,
        # evals_count, cdr_calls, cdr_missed, training_sessions, training_person_hours) grow
        # with the period's length and the body's size, so one figure would be wrong for a month
        # or a year; lines_active and agents_active describe the body; cdr_peak_hour is an hour
        # of the day, not a performance.
        # requests area (C2.1): 48 calendar hours by default; "working" skips nights, weekends,
        # public holidays and the hours the office is closed (services/deadlines.py).
        SettingSpec("deadline_clock", "calendar", str, check=_clock_kind),
        # online services and the website (C2.2, C2.4, C8.1): services/eservices.py, website.py
        SettingSpec("website_url", "", str),  # the home page
        SettingSpec("website_pages", "", str),  # contact page…, space-separated addresses
        SettingSpec("website_max_pages", 40, int, 1, 500),
        SettingSpec("services_review_days", 365, int, 1, 3650),
        SettingSpec("services_check_hours", 24, int, 1, 24 * 30),
        SettingSpec(
            "services_soft404_phrases",
            "page introuvable;page non trouvée;"
            "n'existe pas;الصفحة غير موجودة;الصفحة المطلوبة غير موجودة",
            str,
        ),
        SettingSpec(
            "services_login_phrases",
            "connectez-vous;mot de passe oublié;تسجيل الدخول;كلمة العبور",
            str,
        ),
        SettingSpec("target.services_links_ok_pct", 100.0, float, 0, 100),
        # mail area (C2.1): a message larger than this is an error for its file, not a crash;
        # the window fetches the mailboxes in the background every so many minutes (0: never).
        SettingSpec("mail_size_limit_mb", 10, int, 1, 100),
        SettingSpec("mail_fetch_minutes", 10, int, 0, 24 * 60),
    )
}


def register(spec: SettingSpec) -> None:
    """Areas declare their own settings at import time (e.g. the working-hours clock)."""
    SPECS[spec.key] = spec


def _coerce(spec: SettingSpec, value: Any) -> Any:
    try:
        coerced = spec.kind(value)
    except (TypeError, ValueError) as exc:
        raise UserError(
            translate("settings", "The value “{value}” is not valid for {key}.").format(
                value=value, key=spec.key
            )
        ) from exc
    if spec.minimum is not None and coerced < spec.minimum:
        raise UserError(
            translate("settings", "{key} must be at least {minimum}.").format(
                key=spec.key, minimum=spec.minimum
            )
        )
    if spec.maximum is not None and coerced > spec.maximum:
        raise UserError(
            translate("settings", "{key} must be at most {maximum}.").format(
                key=spec.key, maximum=spec.maximum
            )
        )
    if spec.check is not None:
        spec.check(coerced)
    return coerced


def check_values(changes: dict[str, Any]) -> dict[str, Any]:
    """Validate without writing (a form checks its page before the unit of work starts)."""
    coerced: dict[str, Any] = {}
    for key, value in changes.items():
        spec = SPECS.get(key)
        if spec is None:
            raise UserError(translate("settings", "Unknown setting {key}.").format(key=key))
        coerced[key] = _coerce(spec, value)
    return coerced


def load_all(session: Session) -> dict[str, Any]:
    """Every setting, defaults filled in; for use inside another service's unit of work."""
    values = {key: spec.default for key, spec in SPECS.items()}
    for row in session.scalars(select(Setting)):
        values[row.key] = json.loads(row.value_json)
    return values


def get_all(db: Database) -> dict[str, Any]:
    """Readable by everyone signed in: deadlines and names are not secrets."""
    with db.read() as s:
        return load_all(s)


def get(db: Database, key: str) -> Any:
    return get_all(db)[key]


def save(session: Session, actor: Actor, changes: dict[str, Any]) -> dict[str, Any]:
    """Validate and write within the caller's session; returns the coerced values."""
    actor.require(Perm.EDIT_SETTINGS)
    current = load_all(session)
    coerced = check_values(changes)
    changed = {k: v for k, v in coerced.items() if current.get(k) != v}
    for key, value in changed.items():
        row = session.get(Setting, key)
        if row is None:
            session.add(Setting(key=key, value_json=json.dumps(value, ensure_ascii=False)))
        else:
            row.value_json = json.dumps(value, ensure_ascii=False)
            row.updated_at = utcnow()
    if changed:
        audit.record(
            session, actor, "update", "settings",
            before={k: current.get(k) for k in changed}, after=changed,
        )  # fmt: skip
    return coerced


# Changing these moves every stored deadline (services/deadlines.py), in the same transaction.
CLOCK_KEYS = frozenset(deadlines.CLOCK_SETTING_KEYS)


def update(db: Database, actor: Actor, changes: dict[str, Any]) -> dict[str, Any]:
    actor.require(Perm.EDIT_SETTINGS)
    current = get_all(db)
    clock_changed = any(
        key in SPECS and _coerce(SPECS[key], changes[key]) != current.get(key)
        for key in CLOCK_KEYS & changes.keys()
    )
    if clock_changed:
        save_clock_settings(db, actor, changes)
        return {key: get_all(db)[key] for key in changes}
    with db.write() as s:
        return save(s, actor, changes)


def save_clock_settings(db: Database, actor: Actor, changes: Mapping[str, Any]) -> int:
    """Change deadline_hours / deadline_clock and move every stored internal target in one
    transaction; returns how many moved (the legal deadline never moves: received + 48 h, C2.1)."""
    with db.write() as s:
        save(s, actor, dict(changes))
        if load_all(s).get("deadline_clock") == deadlines.WORKING:
            first = s.scalar(
                select(CitizenRequest.received_at).order_by(CitizenRequest.received_at).limit(1)
            )
            start = first.astimezone(TUNIS).year if first else datetime.now(TUNIS).year
            deadlines.ensure_years(s, range(start, datetime.now(TUNIS).year + 2))
        return deadlines.recompute_deadlines(s)
