"""The requests register people keep in Excel (CONTRACTS.md §2), imported whole on day one (C2.1).

Reads through exchange/tabular.py (header detection, bilingual headers, encodings, safe XLSX),
matches every value name of the contract's tables, reads dates as `2026-02-03 14:20`,
`03/02/2026 14:20` or Excel date cells in Tunis local time, and writes with Core bulk inserts.
All-or-nothing unless skip_invalid; a re-import adds nothing twice (same reference, or same
receipt time, channel, type, subject and citizen). Also writes a citizen's data export (law
2004-63, right of access), every citizen text as text, never a formula.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select, tuple_

from desktop_app.data.db import Database
from desktop_app.data.models import CitizenRequest
from desktop_app.data.types import utcnow
from desktop_app.exchange.tabular import ChoiceMatcher, FieldSpec, TabularRow, read_table
from desktop_app.i18n import translate
from desktop_app.services import audit, deadlines, user_categories
from desktop_app.services import requests as requests_service
from desktop_app.services import settings as settings_service
from desktop_app.services.errors import ImportResult, RowError, UserError
from desktop_app.services.periods import TUNIS
from desktop_app.services.permissions import Actor, Perm
from desktop_app.services.progress import Cancelled, NoProgress, Progress, waiting_of

FIELDS = (
    FieldSpec("reference", ("reference", "référence", "المرجع")),
    FieldSpec(
        "received_at",
        ("received_at", "reçu le", "date de réception", "تاريخ الورود"),
        required=True,
    ),
    FieldSpec("channel", ("channel", "canal", "القناة"), required=True),
    FieldSpec("type", ("type", "nature", "النوع"), required=True),
    FieldSpec("citizen", ("citizen", "citoyen", "nom", "المواطن")),
    FieldSpec("contact", ("contact", "email", "téléphone", "الاتصال")),
    FieldSpec("subject", ("subject", "objet", "الموضوع"), required=True),
    FieldSpec("first_response_at", ("first_response_at", "première réponse", "تاريخ أول رد")),
    FieldSpec("first_response_kind", ("first_response_kind", "type de réponse", "نوع الرد")),
    FieldSpec("closed_at", ("closed_at", "clôturé le", "تاريخ الغلق")),
    FieldSpec("category", ("category", "catégorie", "الفئة")),
)

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


def category_matcher(db: Database) -> ChoiceMatcher:
    """The categories a register may name (C8.6): CONTRACTS §2 names and, for every category of
    the body's list (inactive ones too: a register holds past requests), its code, Arabic and
    French names."""
    return ChoiceMatcher(user_categories.aliases(db))


_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$")
_DMY = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})(?:\s+(\d{1,2})[:h](\d{2})(?::(\d{2}))?)?$")
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")


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


@dataclass
class ParsedRow:
    number: int
    values: dict[str, Any]


@dataclass
class ParsedRegister:
    file: str
    rows: list[ParsedRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    warnings: list[RowError] = field(default_factory=list)


FIRST_YEAR = 2000  # no register kept on a computer is older; an earlier year is a typing slip


def _date(row: TabularRow, key: str, warnings: list[RowError]) -> datetime | None:
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


def _choice(row: TabularRow, key: str, matcher: ChoiceMatcher, required: bool) -> str | None:
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


def _parse_row(
    row: TabularRow, warnings: list[RowError], now: datetime, categories: ChoiceMatcher
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
        contact = requests_service.normalise_contact(contact_text)
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


def parse_register(
    path: Path, now: datetime | None = None, categories: ChoiceMatcher | None = None
) -> ParsedRegister:
    """Read and check every row; nothing touches the database (the window's preview uses it).

    `categories` is category_matcher() of the database the rows go to; without it, the
    CONTRACTS §2 names only."""
    now = now or utcnow()
    categories = categories or CATEGORIES
    table = read_table(path, FIELDS)
    parsed = ParsedRegister(path.name)
    for row in table.rows:
        try:
            parsed.rows.append(
                ParsedRow(row.number, _parse_row(row, parsed.warnings, now, categories))
            )
        except _CellError as exc:
            parsed.errors.append(RowError(row.number, exc.column, exc.message))
    return parsed


def _duplicate_key(values: dict[str, Any]) -> tuple[Any, ...]:
    return (
        values["received_at"],
        values["channel"],
        values["type"],
        values["subject"],
        values["citizen"],
    )


def import_register(
    db: Database,
    actor: Actor,
    path: Path,
    *,
    dry_run: bool = False,
    skip_invalid: bool = False,
    progress: Progress | None = None,
    now: datetime | None = None,
) -> ImportResult:
    """`requests import`: all-or-nothing unless skip_invalid; dry_run checks and writes nothing."""
    actor.require(Perm.MANAGE_REQUESTS)
    progress = progress or NoProgress()
    now = now or utcnow()
    parsed = parse_register(path, now, category_matcher(db))
    result = ImportResult(errors=list(parsed.errors), warnings=list(parsed.warnings))
    if parsed.errors and not skip_invalid:
        return result
    r = CitizenRequest
    # A long task holding the database is waited for, said through progress (issue 16.5).
    with db.write(wait=db.long_write_wait, waiting=waiting_of(progress)) as s:
        fresh: list[dict[str, Any]] = []
        seen_refs: set[str] = set()
        seen_keys: set[tuple[Any, ...]] = set()
        given = [p.values["reference"] for p in parsed.rows if p.values["reference"]]
        existing_refs: set[str] = set()
        for start in range(0, len(given), 500):
            existing_refs |= set(
                s.scalars(select(r.reference).where(r.reference.in_(given[start : start + 500])))
            )
        keys = [_duplicate_key(p.values) for p in parsed.rows]
        existing_keys: set[tuple[Any, ...]] = set()
        for start in range(0, len(keys), 300):
            chunk = keys[start : start + 300]
            found = s.execute(
                select(r.received_at, r.channel, r.type, r.subject, r.citizen).where(
                    tuple_(r.received_at, r.channel, r.type, r.subject, r.citizen).in_(chunk)
                )
            )
            existing_keys |= {tuple(row) for row in found}
        for p, key in zip(parsed.rows, keys, strict=True):
            ref = p.values["reference"]
            if (
                (ref and (ref in existing_refs or ref in seen_refs))
                or key in existing_keys
                or (key in seen_keys)
            ):
                result.skipped_duplicates += 1
                continue
            if ref:
                seen_refs.add(ref)
            seen_keys.add(key)
            fresh.append(p.values)
        values = settings_service.load_all(s)
        if values.get("deadline_clock") == deadlines.WORKING and fresh:
            deadlines.ensure_years(s, {v["received_at"].astimezone(TUNIS).year for v in fresh})
        clock = deadlines.load_clock(s, values)
        allocator = requests_service.ReferenceAllocator(s)
        taken = seen_refs
        for given_ref in sorted(seen_refs):
            allocator.observe(given_ref)
        rows: list[dict[str, Any]] = []
        events: list[tuple[int, dict[str, Any]]] = []
        for i, v in enumerate(fresh):
            if progress.cancelled():
                raise Cancelled()
            ref = v["reference"]
            while not ref or (not v["reference"] and ref in taken):
                ref = allocator.take(v["received_at"])
            status = (
                "closed"
                if v["closed_at"]
                else "answered"
                if v["first_response_kind"] == "answer"
                else "notice_sent"
                if v["first_response_kind"]
                else "new"
            )
            rows.append(
                {
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
                    "status": status,
                    "deadline_at": deadlines.legal_deadline(v["received_at"]),
                    "internal_deadline_at": deadlines.internal_deadline(clock, v["received_at"]),
                    "answered_at": (
                        v["first_response_at"] if v["first_response_kind"] == "answer" else None
                    ),
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
            )
            base = {
                "username": actor.username,
                "user_id": actor.user_id,
                "agent_id": None,
                "recorded_at": now,
            }
            events.append(
                (i, {**base, "at": v["received_at"], "kind": "imported", "text": path.name})
            )
            if v["first_response_at"]:
                events.append(
                    (
                        i,
                        {
                            **base,
                            "at": v["first_response_at"],
                            "kind": v["first_response_kind"],
                            "text": "",
                        },
                    )
                )
            if v["acknowledged_at"]:
                events.append((i, {**base, "at": v["acknowledged_at"], "kind": ACK, "text": ""}))
            if v["closed_at"]:
                events.append((i, {**base, "at": v["closed_at"], "kind": "closed", "text": ""}))
        result.imported = len(rows)
        if dry_run:
            s.rollback()
            return result
        for start in range(0, len(rows), 2000):
            if progress.cancelled():
                raise Cancelled()
            chunk_events = [(i - start, e) for i, e in events if start <= i < start + 2000]
            requests_service.bulk_insert(s, rows[start : start + 2000], chunk_events)
            progress.report(min(start + 2000, len(rows)), len(rows))
        audit.record(
            s,
            actor,
            "import",
            "request",
            "",
            after={
                "file": path.name,
                "imported": result.imported,
                "skipped_duplicates": result.skipped_duplicates,
                "invalid": len(result.errors),
            },
        )
    return result


# -- a citizen's data (law 2004-63, right of access) ----------------------------------------------
def write_citizen_export(path: Path, data: requests_service.CitizenData, lang: str = "fr") -> Path:
    """Every request and timeline step held about one citizen, as an .xlsx the citizen can read."""
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    from desktop_app.exchange.xlsx_safe import set_text

    wb = Workbook()
    ws = wb.active
    ws.title = translate("requests_file", "Requests")[:31]
    ws.sheet_view.rightToLeft = lang == "ar"
    headers = [
        translate("requests_file", "Reference"),
        translate("requests_file", "Received at"),
        translate("requests_file", "Channel"),
        translate("requests_file", "Type"),
        translate("requests_file", "Citizen"),
        translate("requests_file", "Contact"),
        translate("requests_file", "Subject"),
        translate("requests_file", "Text"),
        translate("requests_file", "Status"),
        translate("requests_file", "Particular category"),
        translate("requests_file", "Deadline"),
        translate("requests_file", "First response at"),
        translate("requests_file", "First response"),
        translate("requests_file", "Closed at"),
        translate("requests_file", "Assigned to"),
    ]
    ws.append(headers)
    steps = wb.create_sheet(translate("requests_file", "Timeline")[:31])
    steps.sheet_view.rightToLeft = lang == "ar"
    steps.append(
        [
            translate("requests_file", "Reference"),
            translate("requests_file", "When"),
            translate("requests_file", "Step"),
            translate("requests_file", "By"),
            translate("requests_file", "Text"),
        ]
    )

    def local(moment: datetime | None) -> datetime | None:
        return moment.astimezone(TUNIS).replace(tzinfo=None) if moment is not None else None

    kinds = {
        "answer": translate("requests_file", "Answer"),
        "notice": translate("requests_file", "Notice to the sender"),
    }
    dates = (2, 11, 12, 14)
    for detail in data.requests:
        row = detail.row
        ws.append(
            [None, local(row.received_at)]
            + [None] * 8
            + [local(row.deadline_at), local(row.first_response_at), None, local(row.closed_at)]
        )
        line = ws.max_row
        for col, value in (
            (1, row.reference),
            (3, requests_service.channel_label(row.channel)),
            (4, requests_service.type_label(row.type)),
            (5, row.citizen),
            (6, row.contact),
            (7, row.subject),
            (8, detail.body),
            (9, requests_service.status_label(row.status)),
            (10, requests_service.category_label(row.category)),
            (13, kinds.get(row.first_response_kind or "", "")),
            (15, row.agent_name(lang) if row.agent_id else ""),
        ):
            set_text(ws.cell(line, col), value)
        for col in dates:
            ws.cell(line, col).number_format = "dd/mm/yyyy hh:mm"
        for event in detail.events:
            steps.append([None, local(event.at)])
            n = steps.max_row
            for col, value in (
                (1, row.reference),
                (3, event.describe(lang)),
                (4, event.username),
                (5, event.text),
            ):
                set_text(steps.cell(n, col), value)
            steps.cell(n, 2).number_format = "dd/mm/yyyy hh:mm"
    for sheet in (ws, steps):
        for index in range(1, sheet.max_column + 1):
            sheet.column_dimensions[get_column_letter(index)].width = 22
    from desktop_app.data.db import private_output

    wb.save(private_output(path))  # a citizen's personal data: owner only (issue 16 point 7)
    return path
