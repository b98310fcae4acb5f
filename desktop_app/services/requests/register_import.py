"""The requests register's rows (CONTRACTS.md §2, C2.1, C8.6): checked, planned, then committed.

exchange/requests_file.py reads the file into cells; this module holds the register's rules: the
value names of the contract's tables, dates as `2026-02-03 14:20`, `03/02/2026 14:20` or Excel date
cells in Tunis local time, an acknowledgement of receipt as a timeline step, duplicates (same
reference, or same receipt time, channel, type, subject and citizen), references and deadlines.
plan_register_import() writes nothing (the window's preview, `--dry-run`); commit_register_plan()
writes a plan in one transaction with Core bulk inserts, audited (services/imports.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select, tuple_
from sqlalchemy.orm import Session

from desktop_app.data.db import Database
from desktop_app.data.models import CitizenRequest
from desktop_app.data.types import utcnow
from desktop_app.i18n import translate
from desktop_app.services import audit, deadlines, user_categories
from desktop_app.services import settings as settings_service
from desktop_app.services.choices import ChoiceMatcher
from desktop_app.services.errors import ImportResult, RowError, UserError
from desktop_app.services.imports import FileRow, PlanCounts, invalid_rows
from desktop_app.services.periods import TUNIS
from desktop_app.services.permissions import Actor, Perm, leaves_no_check_pending
from desktop_app.services.progress import Cancelled, NoProgress, Progress, waiting_of
from desktop_app.services.references import ReferenceAllocator
from desktop_app.services.requests.common import normalise_contact
from desktop_app.services.requests.lifecycle import bulk_insert

ACK = "acknowledged"  # the timeline event an acknowledgement of receipt becomes
CHANNELS = ChoiceMatcher(
    {
        "email": ["e-mail", "courriel", "mail", "بريد إلكتروني"],
        "phone": ["téléphone", "tel", "هاتف"],
        "web": ["portail", "portail web", "site web", "بوابة", "الموقع"],
        "fax": ["فاكس"],
        "letter": ["courrier", "lettre", "مراسلة", "مكتوب"],
        "in_person": ["guichet", "sur place", "accueil", "حضوري", "الشباك"],
        "social": ["réseaux sociaux", "facebook", "شبكات التواصل"],
    }
)
TYPES = ChoiceMatcher(
    {
        "request": ["demande", "طلب"],
        "complaint": ["réclamation", "plainte", "شكاية", "شكوى"],
        "report": ["signalement", "إبلاغ"],
        "inquiry": ["renseignement", "information", "استفسار"],
        "suggestion": ["اقتراح"],
    }
)
RESPONSES = ChoiceMatcher(
    {
        "answer": ["réponse", "رد", "جواب"],
        "notice": ["avis d'attente", "إعلام", "إشعار"],
        # An acknowledgement of receipt is not a notice (CONTRACTS §2, C2.1): it goes on the
        # timeline and the 48-hour clock keeps running.
        ACK: ["ack", "accusé de réception", "accuse de reception", "إشعار بالاستلام"],
    }
)
# C8.6: the CONTRACTS §2 names of the seeded categories; category_matcher() adds the body's list.
CATEGORIES = ChoiceMatcher(dict(user_categories.CONTRACT_NAMES))
FIRST_YEAR = 2000  # no register kept on a computer is older; an earlier year is a typing slip

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$")
_DMY = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})(?:\s+(\d{1,2})[:h](\d{2})(?::(\d{2}))?)?$")
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")


@dataclass
class PlannedRequest:
    """A valid row of the register: the request it becomes, unless it is already there."""

    row: int
    values: dict[str, Any]
    duplicate: bool = False


@dataclass
class RegisterPlan:
    """The checked register (services/imports.py's shape); nothing of it is written yet."""

    file: str
    now: datetime
    rows: list[PlannedRequest] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    warnings: list[RowError] = field(default_factory=list)

    @property
    def counts(self) -> PlanCounts:
        duplicates = sum(r.duplicate for r in self.rows)
        return PlanCounts(
            new=len(self.rows) - duplicates,
            duplicates=duplicates,
            invalid=invalid_rows(self.errors),
        )

    def result(self, skip_invalid: bool) -> ImportResult:
        """What committing would report: nothing at all while a row is invalid (all-or-nothing)."""
        result = ImportResult(errors=list(self.errors), warnings=list(self.warnings))
        if self.errors and not skip_invalid:
            return result
        counts = self.counts
        result.imported, result.skipped_duplicates = counts.new, counts.duplicates
        return result


def require_import(actor: Actor) -> None:
    """Importing a register is a request editor's right, checked before the file is read."""
    actor.require(Perm.MANAGE_REQUESTS)


def category_matcher(db: Database) -> ChoiceMatcher:
    """The categories a register may name (C8.6): CONTRACTS §2 names and, for every category of
    the body's list (inactive ones too: a register holds past requests), its code, Arabic and
    French names."""
    return ChoiceMatcher(user_categories.aliases(db))


class _CellError(Exception):
    def __init__(self, column: str, message: str) -> None:
        super().__init__(message)
        self.column, self.message = column, message


def parse_local_datetime(value: object) -> tuple[datetime, bool] | None:
    """A register date as aware UTC, and whether it carried a time; None for an empty cell."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime):  # an Excel date cell: local time, naive
        return value.replace(tzinfo=TUNIS).astimezone(UTC), True
    text = str(value).strip().translate(_DIGITS).replace("\u200f", "").replace("\u200e", "")
    if m := _ISO.match(text):
        y, mo, d, h, mi, se = m.groups()
    elif m := _DMY.match(text):
        d, mo, y, h, mi, se = m.groups()
    else:
        raise ValueError(text)
    moment = datetime(
        int(y), int(mo), int(d), int(h or 0), int(mi or 0), int(se or 0), tzinfo=TUNIS
    )
    return moment.astimezone(UTC), h is not None


def _date(row: FileRow, key: str, warnings: list[RowError]) -> datetime | None:
    raw = row.values.get(key)
    try:
        parsed = parse_local_datetime(raw)
    except (ValueError, OverflowError) as exc:
        raise _CellError(
            key,
            translate(
                "requests_file",
                "“{text}” is not a date and time; write 2026-02-03 14:20 or 03/02/2026 14:20.",
            ).format(text=row.text(key)),
        ) from exc
    if parsed is None:
        return None
    moment, has_time = parsed
    last_year = datetime.now(TUNIS).year + 1
    if not FIRST_YEAR <= moment.year <= last_year:  # issue 16: no year 1000 or 9998 seeds
        raise _CellError(
            key,
            translate(
                "requests_file", "“{text}” is not a plausible date (years {first} to {last})."
            ).format(text=row.text(key), first=FIRST_YEAR, last=last_year),
        )
    if not has_time:
        warnings.append(
            RowError(
                row.number,
                key,
                translate("requests_file", "“{text}” has no time; counted from midnight.").format(
                    text=row.text(key)
                ),
            )
        )
    return moment


def _choice(row: FileRow, key: str, matcher: ChoiceMatcher, required: bool) -> str | None:
    text = row.text(key)
    if not text:
        if required:
            raise _CellError(key, translate("requests_file", "This cell is empty."))
        return None
    value = matcher.match(text)
    if value is None:
        raise _CellError(
            key,
            translate("requests_file", "“{text}” is not a known value for this column.").format(
                text=text
            ),
        )
    return value


def _check_row(
    row: FileRow, warnings: list[RowError], now: datetime, categories: ChoiceMatcher
) -> dict[str, Any]:
    received = _date(row, "received_at", warnings)
    if received is None:
        raise _CellError("received_at", translate("requests_file", "This cell is empty."))
    if received > now:
        raise _CellError(
            "received_at",
            translate("requests_file", "“{text}” is in the future.").format(
                text=row.text("received_at")
            ),
        )
    subject = row.text("subject")
    if not subject:
        raise _CellError("subject", translate("requests_file", "This cell is empty."))
    reference = row.text("reference")
    first = _date(row, "first_response_at", warnings)
    kind = _choice(row, "first_response_kind", RESPONSES, required=False)
    closed = _date(row, "closed_at", warnings)
    for key, moment in (("first_response_at", first), ("closed_at", closed)):
        if moment is not None and moment < received:
            raise _CellError(
                key,
                translate("requests_file", "“{text}” is before the request was received.").format(
                    text=row.text(key)
                ),
            )
    acknowledged = None
    if kind == ACK:
        acknowledged, first, kind = first, None, None
        if acknowledged is None:
            warnings.append(
                RowError(
                    row.number,
                    "first_response_kind",
                    translate("requests_file", "An acknowledgement without its date was ignored."),
                )
            )
    elif first is not None and kind is None:
        kind = "answer"
    if first is None and kind is not None:
        warnings.append(
            RowError(
                row.number,
                "first_response_kind",
                translate("requests_file", "A kind of response without its date was ignored."),
            )
        )
        kind = None
    contact_text = row.text("contact")
    try:
        contact = normalise_contact(contact_text)
    except UserError as exc:
        raise _CellError("contact", exc.message) from exc
    return {
        "reference": reference,
        "received_at": received,
        "channel": _choice(row, "channel", CHANNELS, required=True),
        "type": _choice(row, "type", TYPES, required=True),
        "citizen": row.text("citizen"),
        "contact": contact,
        "subject": subject,
        "first_response_at": first,
        "first_response_kind": kind,
        "acknowledged_at": acknowledged,
        "closed_at": closed,
        "category": _choice(row, "category", categories, required=False),
    }


def check_rows(
    file: str,
    rows: Iterable[FileRow],
    now: datetime | None = None,
    categories: ChoiceMatcher | None = None,
) -> RegisterPlan:
    """Every row checked by the register's rules alone, without the database (so duplicates
    are not marked yet). `categories` is category_matcher() of the database the rows go to;
    without it, the CONTRACTS §2 names only."""
    now = now or utcnow()
    categories = categories or CATEGORIES
    plan = RegisterPlan(file, now)
    for row in rows:
        try:
            plan.rows.append(
                PlannedRequest(row.number, _check_row(row, plan.warnings, now, categories))
            )
        except _CellError as exc:
            plan.errors.append(RowError(row.number, exc.column, exc.message))
    return plan


def _duplicate_key(values: dict[str, Any]) -> tuple[Any, ...]:
    return (
        values["received_at"],
        values["channel"],
        values["type"],
        values["subject"],
        values["citizen"],
    )


def _mark_duplicates(session: Session, rows: Sequence[PlannedRequest]) -> set[str]:
    """Mark the rows already in the register or earlier in the file; the references kept."""
    r = CitizenRequest
    given = [p.values["reference"] for p in rows if p.values["reference"]]
    existing_refs: set[str] = set()
    for start in range(0, len(given), 500):
        existing_refs |= set(
            session.scalars(select(r.reference).where(r.reference.in_(given[start : start + 500])))
        )
    keys = [_duplicate_key(p.values) for p in rows]
    existing_keys: set[tuple[Any, ...]] = set()
    for start in range(0, len(keys), 300):
        chunk = keys[start : start + 300]
        found = session.execute(
            select(r.received_at, r.channel, r.type, r.subject, r.citizen).where(
                tuple_(r.received_at, r.channel, r.type, r.subject, r.citizen).in_(chunk)
            )
        )
        existing_keys |= {tuple(row) for row in found}
    seen_refs: set[str] = set()
    seen_keys: set[tuple[Any, ...]] = set()
    for p, key in zip(rows, keys, strict=True):
        ref = p.values["reference"]
        p.duplicate = bool(
            (ref and (ref in existing_refs or ref in seen_refs))
            or key in existing_keys
            or key in seen_keys
        )
        if p.duplicate:
            continue
        if ref:
            seen_refs.add(ref)
        seen_keys.add(key)
    return seen_refs


@leaves_no_check_pending
def plan_register_import(
    db: Database,
    actor: Actor,
    file: str,
    rows: Iterable[FileRow],
    *,
    now: datetime | None = None,
) -> RegisterPlan:
    """Check every row and mark the duplicates; nothing is written (preview, `--dry-run`)."""
    require_import(actor)
    plan = check_rows(file, rows, now, category_matcher(db))
    with db.read() as s:
        _mark_duplicates(s, plan.rows)
    return plan


def _status(v: dict[str, Any]) -> str:
    if v["closed_at"]:
        return "closed"
    if v["first_response_kind"] == "answer":
        return "answered"
    return "notice_sent" if v["first_response_kind"] else "new"


def _request_row(v: dict[str, Any], ref: str, clock: Any, now: datetime) -> dict[str, Any]:
    return {
        "reference": ref,
        "received_at": v["received_at"],
        "channel": v["channel"],
        "type": v["type"],
        "citizen": v["citizen"],
        "contact": v["contact"],
        "subject": v["subject"],
        "body": "",
        "category": v["category"],
        "agent_id": None,
        "status": _status(v),
        "deadline_at": deadlines.legal_deadline(v["received_at"]),
        "internal_deadline_at": deadlines.internal_deadline(clock, v["received_at"]),
        "answered_at": v["first_response_at"] if v["first_response_kind"] == "answer" else None,
        "notice_reason": None,
        "notice_detail": "",
        "notice_answer_by": None,
        "notice_told_via": "",
        "close_reason": "answered" if v["closed_at"] else None,
        "first_response_at": v["first_response_at"],
        "first_response_kind": v["first_response_kind"],
        "closed_at": v["closed_at"],
        "purged_at": None,
        "created_at": now,
        "version": 1,
    }


def _events(v: dict[str, Any], base: dict[str, Any], file: str) -> list[dict[str, Any]]:
    """The timeline a register row gives its request (C2.1 proof of each step)."""
    events = [{**base, "at": v["received_at"], "kind": "imported", "text": file}]
    if v["first_response_at"]:
        events.append(
            {**base, "at": v["first_response_at"], "kind": v["first_response_kind"], "text": ""}
        )
    if v["acknowledged_at"]:
        events.append({**base, "at": v["acknowledged_at"], "kind": ACK, "text": ""})
    if v["closed_at"]:
        events.append({**base, "at": v["closed_at"], "kind": "closed", "text": ""})
    return events


@leaves_no_check_pending
def commit_register_plan(
    db: Database,
    actor: Actor,
    plan: RegisterPlan,
    *,
    skip_invalid: bool = False,
    progress: Progress | None = None,
    now: datetime | None = None,
) -> ImportResult:
    """Write the plan's new requests in one transaction (all-or-nothing unless skip_invalid),
    audited. The file is not read again; duplicates are re-checked inside the transaction, in
    case someone added a request since the plan. Another writer holding the database is waited
    for as an import may, said through `progress` (issue 16 point 5)."""
    result = ImportResult(errors=list(plan.errors), warnings=list(plan.warnings))
    if plan.errors and not skip_invalid:
        return result  # nothing to write (the rights are checked where something is)
    require_import(actor)
    progress = progress or NoProgress()
    now = now or utcnow()
    with db.write(wait=db.long_write_wait, waiting=waiting_of(progress)) as s:
        taken = _mark_duplicates(s, plan.rows)
        fresh = [p.values for p in plan.rows if not p.duplicate]
        result.skipped_duplicates = len(plan.rows) - len(fresh)
        values = settings_service.load_all(s)
        if values.get("deadline_clock") == deadlines.WORKING and fresh:
            deadlines.ensure_years(s, {v["received_at"].astimezone(TUNIS).year for v in fresh})
        clock = deadlines.load_clock(s, values)
        allocator = ReferenceAllocator(s)
        for given_ref in sorted(taken):
            allocator.observe(given_ref)
        base = {
            "username": actor.username,
            "user_id": actor.user_id,
            "agent_id": None,
            "recorded_at": now,
        }
        rows: list[dict[str, Any]] = []
        events: list[tuple[int, dict[str, Any]]] = []
        for i, v in enumerate(fresh):
            if progress.cancelled():
                raise Cancelled()
            ref = v["reference"]
            while not ref or (not v["reference"] and ref in taken):
                ref = allocator.take(v["received_at"])
            rows.append(_request_row(v, ref, clock, now))
            events.extend((i, e) for e in _events(v, base, plan.file))
        result.imported = len(rows)
        for start in range(0, len(rows), 2000):
            if progress.cancelled():
                raise Cancelled()
            chunk_events = [(i - start, e) for i, e in events if start <= i < start + 2000]
            bulk_insert(s, rows[start : start + 2000], chunk_events)
            progress.report(min(start + 2000, len(rows)), len(rows))
        audit.record(
            s,
            actor,
            "import",
            "request",
            "",
            after={
                "file": plan.file,
                "imported": result.imported,
                "skipped_duplicates": result.skipped_duplicates,
                "invalid": len(result.errors),
            },
        )
    return result
