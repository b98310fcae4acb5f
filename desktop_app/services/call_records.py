"""Call records from the PBX (CONTRACTS.md §4, C8.4): which line a call reached, and the import's
plan and commit (services/imports.py's shape).

exchange/cdr.py reads Master.csv into CdrRow (or the RowError of a malformed line); this module
decides what the rows mean. A call is inbound on an inventory line when its dialled number (dst) is
that line's number, with or without the country code or a trunk prefix. The import is
all-or-nothing and never adds a call twice.

A ring group or a queue makes Asterisk write one row per member dialled, all with the caller's
uniqueid (and start, src, dst, channel) — and, in 21-column files, Local-channel legs with their own
uniqueid but the caller's linkedid. Those rows are one call: answered when any of them is (answer
time and time to answer from the answered row), so a NO ANSWER leg before the ANSWERED one does
not turn an answered call into a missed one (C8.2). The call is stored under its linkedid (equal to
the caller leg's uniqueid), else its uniqueid; a later file showing a stored missed call answered
upgrades it, and still adds no call.

plan_call_records_import() reads the database only: the calls it would add, the stored missed
calls it would mark answered, and the preview's figures (the dry run: nothing is written, nothing
rolled back). commit_call_records_plan() writes that plan in one audited transaction.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from sys import intern
from typing import Any, NamedTuple, cast

from sqlalchemy import CursorResult, insert, or_, select, update
from sqlalchemy.orm import Session

from desktop_app.data.db import Database
from desktop_app.data.models import CallRecord, PhoneLine
from desktop_app.data.models.base import table_of
from desktop_app.i18n import translate
from desktop_app.services import audit
from desktop_app.services.callbacks import party_of
from desktop_app.services.errors import ImportResult, RowError, UserError
from desktop_app.services.imports import PlanCounts, invalid_rows
from desktop_app.services.permissions import Actor, Perm, leaves_no_check_pending
from desktop_app.services.phones import SHORT_LENGTHS, match_key
from desktop_app.services.progress import Cancelled, NoProgress, Progress, waiting_of
from desktop_app.services.traffic import natural_key

DISPOSITIONS = ("ANSWERED", "NO ANSWER", "BUSY", "FAILED", "CONGESTION", "CANCEL", "UNKNOWN")
_EXTENSION = re.compile(r"^\d{2,5}$")
MAX_ERRORS = 100
CHUNK = 1000


# -- numbers ------------------------------------------------------------------------------------
def national_number(text: str) -> str:
    """The national significant number, through the inventory's own key (services/phones.py).

    `+216 71 563 500`, `0021671563500`, `21671563500`, `071563500` and `971563500` all give
    `71563500`; a short number such as `1899` stays as it is; a name such as `s` gives "".
    A PBX may also put its trunk prefix before an international number (`900216…`).
    """
    cleaned = re.sub(r"[\s.\-()/\u00a0\u200e\u200f]", "", text.strip())
    if not re.fullmatch(r"\+?\d+", cleaned):
        return ""
    digits = cleaned.lstrip("+")
    if digits[:1] in ("0", "9") and (
        digits[1:].startswith("00216") or (digits[1:].startswith("216") and len(digits) == 12)
    ):
        digits = digits[1:]
    return match_key(digits)


def line_index(session: Session) -> dict[str, int]:
    """National number → line id for every line of the inventory (retired ones included)."""
    index: dict[str, int] = {}
    for line_id, number in session.execute(select(PhoneLine.id, PhoneLine.number)):
        national = national_number(number)
        if national:
            index.setdefault(national, line_id)
    return index


def is_extension(text: str) -> bool:
    return bool(_EXTENSION.match(text.strip()))


# Contexts a call enters from the body's own phones (FreePBX/Issabel from-internal and its
# variants, outbound routes, a plain "internal"). Inbound contexts (from-trunk, from-pstn,
# from-did, ext-did, from-sip-external, ext-group, ext-queues…) are not listed: a ring group or a
# queue is where inbound calls go. "from-sip" is left out: some PBXs use it for trunks.
_INSIDE_CONTEXT = re.compile(
    r"^(?:from-internal(?:-.*)?|internal(?:-.*)?|outbound.*|outgoing.*|outrt-.*|macro-dialout.*)$",
    re.IGNORECASE,
)


def is_inside_context(dcontext: str) -> bool:
    """The dialplan context is one the body's own phones dial from (outgoing or internal)."""
    return bool(_INSIDE_CONTEXT.match(dcontext.strip()))


def line_for(national: str, lines: dict[str, int]) -> int | None:
    """The inventory line a dialled number reaches. A short line (`1899`) dialled with a trunk
    prefix (`01899`, `91899`) is that line too; nothing else loses a digit, so an extension
    such as `9201` never matches a line `201` unless that short line exists."""
    line_id = lines.get(national)
    if line_id is None and len(national) - 1 in SHORT_LENGTHS and national[:1] in ("0", "9"):
        line_id = lines.get(national[1:])
    return line_id


def classify(
    src: str, dst: str, lines: dict[str, int], dcontext: str = ""
) -> tuple[str, int | None]:
    """inbound (on an inventory line), outgoing, internal, or unmatched (inbound elsewhere).

    A call is from inside when its caller is an extension, one of the body's own inventory
    lines (the switchboard's number as caller ID), or it entered an outgoing/internal context;
    such a call to an inventory line or an extension is internal, otherwise outgoing.
    """
    line_id = line_for(national_number(dst), lines)
    own_number = national_number(src)
    from_inside = (
        is_extension(src)
        or (bool(own_number) and line_for(own_number, lines) is not None)
        or is_inside_context(dcontext)
    )
    if not from_inside:
        return ("inbound", line_id) if line_id is not None else ("unmatched", None)
    return ("internal", None) if is_extension(dst) or line_id is not None else ("outgoing", None)


# -- the rows exchange reads ---------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class CdrRow:
    row: int  # 1 = the file's first line
    src: str
    dst: str
    dcontext: str
    clid: str
    channel: str
    dstchannel: str
    start: datetime
    answer: datetime | None
    end: datetime | None
    duration: int
    billsec: int
    disposition: str
    uniqueid: str | None
    columns: int
    linkedid: str | None = None  # 21 columns (newcdrcolumns): the call every leg belongs to

    @property
    def call_id(self) -> str | None:
        """The call's identifier: linkedid when the PBX writes it, else uniqueid.

        Asterisk sets linkedid to the uniqueid of the call's first channel, so for the caller's
        own leg both agree; the other legs of a ring group or queue carry the same linkedid.
        """
        return self.linkedid or self.uniqueid

    @property
    def answered(self) -> bool:
        return self.disposition == "ANSWERED"

    @property
    def ring_seconds(self) -> int | None:
        """Time to answer = answer − start, else duration − billsec (CONTRACTS.md §4)."""
        if not self.answered:
            return None
        if self.answer is not None:
            return max(0, int((self.answer - self.start).total_seconds()))
        return max(0, self.duration - self.billsec)

    @property
    def natural_key(self) -> str:
        return natural_key(self.start, self.src, self.dst, self.channel)


# -- importing ----------------------------------------------------------------------------------
@dataclass
class CdrImport:
    """What an import did or would do; `result` is the --json shape of CONTRACTS §1."""

    file: str
    result: ImportResult = field(default_factory=ImportResult)
    columns: set[int] = field(default_factory=set)
    directions: Counter[str] = field(default_factory=Counter)
    unanswered: int = 0
    first: datetime | None = None
    last: datetime | None = None
    unmatched_numbers: Counter[str] = field(default_factory=Counter)
    dry_run: bool = False
    upgraded: int = 0  # calls stored as unanswered that a leg of this file shows answered

    def inbound_count(self) -> int:
        return self.directions["inbound"]


@dataclass
class _Call:
    """The rows of one call: a ring group or a queue writes one row per member dialled."""

    rows: list[CdrRow]

    @property
    def first(self) -> CdrRow:
        """The caller's own leg: the earliest start, the file's first row on a tie."""
        return min(self.rows, key=lambda r: r.start)

    @property
    def answered_row(self) -> CdrRow | None:
        answered = [r for r in self.rows if r.answered]
        return min(answered, key=lambda r: r.start + _ring_delta(r)) if answered else None

    def ids(self) -> set[str]:
        return {i for r in self.rows for i in (r.uniqueid, r.call_id) if i}

    def natural_keys(self) -> set[str]:
        return {r.natural_key for r in self.rows}

    def disposition(self) -> str:
        """ANSWERED when any member answered, else the outcome the caller met (NO ANSWER first)."""
        return min((r.disposition for r in self.rows), key=DISPOSITIONS.index)


def _ring_delta(row: CdrRow) -> timedelta:
    return timedelta(seconds=row.ring_seconds or 0)


def _answer_fields(answered: CdrRow, start: datetime) -> dict[str, Any]:
    """What the answered leg says, with the time to answer counted from the call's start."""
    ring = int((answered.start - start).total_seconds()) + (answered.ring_seconds or 0)
    return {
        "answered": True, "disposition": "ANSWERED", "answer": answered.answer,
        "ring_seconds": max(0, ring), "billsec": answered.billsec,
        "dstchannel": answered.dstchannel[:120],
    }  # fmt: skip


def _group(batch: list[CdrRow]) -> list[_Call]:
    """Rows sharing linkedid, uniqueid, or start, src, dst and channel are one call (§4)."""
    calls: list[_Call] = []
    index: dict[str, _Call] = {}
    for r in batch:
        names = [f"id:{i}" for i in (r.call_id, r.uniqueid) if i] + [f"key:{r.natural_key}"]
        call = next((index[n] for n in names if n in index), None)
        if call is None:
            call = _Call([])
            calls.append(call)
        call.rows.append(r)
        for n in names:
            index.setdefault(n, call)
    return calls


@dataclass(frozen=True)
class _Stored:
    id: int
    uniqueid: str | None
    natural_key: str
    start: datetime
    answered: bool


def _existing(
    session: Session, calls: list[_Call]
) -> tuple[dict[str, _Stored], dict[str, _Stored]]:
    ids = {i for c in calls for i in c.ids()}
    keys = {k for c in calls for k in c.natural_keys()}
    columns = (CallRecord.id, CallRecord.uniqueid, CallRecord.natural_key, CallRecord.start,
               CallRecord.answered)  # fmt: skip
    found = [_Stored(*row) for row in session.execute(select(*columns).where(
        or_(CallRecord.uniqueid.in_(ids), CallRecord.natural_key.in_(keys))))]  # fmt: skip
    by_id = {f.uniqueid: f for f in found if f.uniqueid}
    by_key = {f.natural_key: f for f in found}
    return by_id, by_key


def rematch_in(session: Session, lines: dict[str, int]) -> int:
    """Give calls to numbers that were missing from the inventory the line added since."""
    moved = 0
    for national, line_id in lines.items():
        spellings = [national]
        if len(national) in SHORT_LENGTHS:  # a short line dialled with a trunk prefix (line_for)
            spellings += ["0" + national, "9" + national]
        # An UPDATE's result is a CursorResult; Session.execute is typed as returning any Result.
        result = cast(
            CursorResult[Any],
            session.execute(
                update(CallRecord)
                .where(CallRecord.direction == "unmatched",
                       CallRecord.dst_national.in_(spellings))
                .values(direction="inbound", line_id=line_id)
            ),
        )  # fmt: skip
        moved += result.rowcount
    return moved


def _warnings(report: CdrImport) -> list[RowError]:
    out: list[RowError] = []
    total = sum(report.directions.values()) + report.result.skipped_duplicates
    if total and report.unanswered == 0:
        out.append(
            RowError(
                0,
                "disposition",
                translate(
                    "calls",
                    "The file holds no unanswered call at all: the PBX probably does not log "
                    "them (set unanswered=yes in cdr.conf), so the missed-call figures would be "
                    "wrong.",
                ),
            )
        )
    if report.unmatched_numbers:
        numbers = ", ".join(n for n, _ in report.unmatched_numbers.most_common(5))
        out.append(
            RowError(
                0,
                "dst",
                translate(
                    "calls",
                    "Calls to numbers missing from the inventory ({numbers}): %n; add those "
                    "lines to count them.",
                    None,
                    sum(report.unmatched_numbers.values()),
                ).format(numbers=numbers),
            )
        )
    return out  # fmt: skip


class PlannedCall(NamedTuple):
    """A call the commit inserts; a tuple, as a year's Master.csv plans 250 000 of them (about
    0.8 KB each; the few dialled numbers, contexts and outcomes are interned, shared by all)."""

    uniqueid: str | None
    natural_key: str
    start: datetime
    answer: datetime | None
    end: datetime | None
    duration: int
    billsec: int
    disposition: str
    src: str
    dst: str
    dst_national: str
    dcontext: str
    channel: str
    dstchannel: str
    direction: str
    line_id: int | None
    answered: bool
    ring_seconds: int | None
    party: str
    legs: int  # the file's rows it stands for (not stored)

    def values(self) -> dict[str, Any]:
        values = self._asdict()
        del values["legs"]
        return values


@dataclass
class CdrPlan:
    """What committing the file would do (services/imports.py's shape); nothing is written yet.

    `rows` are the calls to add, `upgrades` the stored missed calls (by id) a leg of this file
    shows answered, `report` the figures the preview and `--dry-run` show."""

    file: str
    report: CdrImport
    rows: list[PlannedCall] = field(default_factory=list)
    upgrades: dict[int, dict[str, Any]] = field(default_factory=dict)
    errors: list[RowError] = field(default_factory=list)

    @property
    def warnings(self) -> list[RowError]:
        return self.report.result.warnings

    @property
    def counts(self) -> PlanCounts:
        return PlanCounts(
            new=len(self.rows),
            duplicates=self.report.result.skipped_duplicates,
            invalid=invalid_rows(self.errors),
            updated=len(self.upgrades),
        )

    def result(self, skip_invalid: bool = False) -> ImportResult:
        """The --json shape (a call record file has no skip_invalid: a bad line refuses it)."""
        r = self.report.result
        return ImportResult(r.imported, r.skipped_duplicates, list(self.errors), list(r.warnings))

    def refusal(self) -> UserError | None:
        """The one sentence naming the first bad line, with every bad line attached."""
        if not self.errors:
            return None
        return UserError(
            _error_sentence(self.file, self.errors[0], len(self.errors)), row_errors=self.errors
        )


def _plan_batch(session: Session, plan: CdrPlan, batch: list[CdrRow], lines: dict[str, int],
                planned: dict[str, tuple[int, int]], batch_no: int) -> None:  # fmt: skip
    """Plan the batch's new calls; a call already stored adds nothing, but is upgraded to
    answered when one of its legs in this file says ANSWERED (a ring group's first leg may be
    NO ANSWER). `planned` maps the `id:`/`key:` names of the calls planned so far to their place
    in plan.rows and their batch: a call planned by an earlier batch counts as stored, as it did
    when each batch was written before the next was read."""
    report = plan.report
    calls = _group(batch)
    by_id, by_key = _existing(session, calls)
    for call in calls:
        stored = next((by_id[i] for i in call.ids() if i in by_id), None) or next(
            (by_key[k] for k in call.natural_keys() if k in by_key), None
        )
        answered = call.answered_row
        if stored is not None:
            report.result.skipped_duplicates += len(call.rows)
            if answered is not None and not stored.answered and stored.id not in plan.upgrades:
                plan.upgrades[stored.id] = _answer_fields(answered, stored.start)
                report.upgraded += 1
            continue
        names = [f"id:{i}" for i in call.ids()] + [f"key:{k}" for k in call.natural_keys()]
        earlier = next((planned[n] for n in names if n in planned and
                        planned[n][1] < batch_no), None)  # fmt: skip
        if earlier is not None:
            report.result.skipped_duplicates += len(call.rows)
            place = earlier[0]
            kept = plan.rows[place]
            if answered is not None and not kept.answered:
                plan.rows[place] = kept._replace(**_answer_fields(answered, kept.start))
            continue
        r = call.first
        own = [f"key:{r.natural_key}"] + ([f"id:{r.call_id}"] if r.call_id else [])
        if any(n in planned for n in own):
            report.result.skipped_duplicates += len(call.rows)  # a tangle of legs: kept once
            continue
        report.result.skipped_duplicates += len(call.rows) - 1
        direction, line_id = classify(r.src, r.dst, lines, r.dcontext)
        if r.channel.lower().startswith("local/"):
            # A Local channel is the PBX ringing a queue or ring-group member: a leg inside the
            # body, never a caller (without linkedid it cannot be joined to its call).
            direction, line_id = "internal", None
        report.directions[direction] += 1
        if direction == "unmatched" and national_number(r.dst):
            report.unmatched_numbers[national_number(r.dst)] += 1
        ends = [x.end for x in call.rows if x.end is not None]
        row = PlannedCall(
            uniqueid=r.call_id, natural_key=r.natural_key, start=r.start, answer=None,
            end=max(ends) if ends else None,
            duration=max(x.duration + int((x.start - r.start).total_seconds())
                         for x in call.rows),
            billsec=0, disposition=intern(call.disposition()), src=r.src[:80],
            dst=intern(r.dst[:80]), dst_national=intern(national_number(r.dst)[:32]),
            dcontext=intern(r.dcontext[:80]),
            channel=r.channel[:120], dstchannel=r.dstchannel[:120], direction=direction,
            line_id=line_id, answered=False, ring_seconds=None,
            party=party_of(direction, r.src, r.dst), legs=len(call.rows),
        )  # fmt: skip
        if answered is not None:
            row = row._replace(**_answer_fields(answered, r.start))
        for n in own:
            planned[n] = (len(plan.rows), batch_no)
        plan.rows.append(row)
        report.result.imported += 1


def require_import(actor: Actor) -> None:
    actor.require(Perm.IMPORT_CALLS)


@leaves_no_check_pending
def plan_call_records_import(
    db: Database, actor: Actor, file: str, items: Iterable[CdrRow | RowError], *,
    progress: Progress | None = None, total_bytes: int = 1,
) -> CdrPlan:  # fmt: skip
    """Read the file's rows once and plan their import, reading the database only (the preview
    and the dry run: nothing is written, so nothing is rolled back). Every malformed line (up to
    MAX_ERRORS) is in plan.errors and the plan adds nothing."""
    require_import(actor)
    progress = progress or NoProgress()
    report = CdrImport(file=file, dry_run=True)
    plan = CdrPlan(file, report)
    with db.read() as s:
        lines = line_index(s)
        planned: dict[str, tuple[int, int]] = {}
        batch: list[CdrRow] = []
        batches = 0
        for n, item in enumerate(items):
            if isinstance(item, RowError):
                plan.errors.append(item)
                if len(plan.errors) >= MAX_ERRORS:
                    break
                continue
            report.columns.add(item.columns)
            report.unanswered += not item.answered
            report.first = min(report.first or item.start, item.start)
            report.last = max(report.last or item.start, item.start)
            if plan.errors:
                continue  # keep reading only to report every bad line
            batch.append(item)
            if len(batch) >= CHUNK:
                _plan_batch(s, plan, batch, lines, planned, batches)
                batch, batches = [], batches + 1
                if progress.cancelled():
                    raise Cancelled()
                progress.report(min(n * 150, total_bytes), total_bytes)
        if plan.errors:
            plan.rows, plan.upgrades = [], {}
            report.result = ImportResult()
            report.directions.clear()
            report.unmatched_numbers.clear()
            report.upgraded = 0
            return plan
        _plan_batch(s, plan, batch, lines, planned, batches)
    report.result.warnings = _warnings(report)
    progress.report(total_bytes, total_bytes)
    return plan


@leaves_no_check_pending
def commit_call_records_plan(
    db: Database, actor: Actor, plan: CdrPlan, *, progress: Progress | None = None
) -> CdrImport:
    """Write the plan in one audited transaction: its calls added, its missed calls marked
    answered. A plan with a bad line is refused whole (UserError naming it). Calls someone
    imported since the plan are skipped, as duplicates are (re-checked inside the transaction).
    A long task holding the database is waited for, said through `progress` (issue 16.5)."""
    refusal = plan.refusal()
    if refusal is not None:
        raise refusal
    require_import(actor)  # after: require() leaves the rights to the transaction to confirm
    progress = progress or NoProgress()
    done = plan.report
    report = CdrImport(
        file=done.file, columns=set(done.columns), unanswered=done.unanswered,
        first=done.first, last=done.last, unmatched_numbers=Counter(done.unmatched_numbers),
        directions=Counter(done.directions),
        result=ImportResult(skipped_duplicates=done.result.skipped_duplicates,
                            warnings=list(done.result.warnings)),
    )  # fmt: skip
    with db.write(wait=db.long_write_wait, waiting=waiting_of(progress)) as s:
        lines = line_index(s)
        for stored_id, fields in plan.upgrades.items():
            changed = cast(CursorResult[Any], s.execute(
                update(CallRecord)
                .where(CallRecord.id == stored_id, CallRecord.answered.is_(False))
                .values(**fields)))  # fmt: skip
            report.upgraded += changed.rowcount
        total = len(plan.rows)
        for start in range(0, total, CHUNK):
            if progress.cancelled():
                raise Cancelled()
            chunk = _not_stored_meanwhile(s, plan.rows[start : start + CHUNK], report)
            if chunk:
                # Core, not the ORM's bulk insert: that one splits a chunk wherever the set of
                # None values changes (answered/missed calls alternate), one statement per run.
                s.execute(insert(table_of(CallRecord)), [c.values() for c in chunk])
                report.result.imported += len(chunk)
            progress.report(min(start + CHUNK, total), total)
        # After the inserts: a line added to the inventory since the preview takes these calls
        # too, as the calls stored before it did.
        rematched = rematch_in(s, lines)
        _now_in_inventory(report, lines)
        report.result.warnings = _warnings(report)
        if report.first is not None and report.last is not None:
            # The office calendar (holidays, Ramadan, summer) must know these years for the
            # "outside office hours" figures of the traffic analysis.
            from desktop_app.services.deadlines import ensure_years

            ensure_years(s, range(report.first.year, report.last.year + 1))
        audit.record(s, actor, "import", "call_records", plan.file, after={
            "imported": report.result.imported,
            "skipped_duplicates": report.result.skipped_duplicates,
            "directions": dict(report.directions), "rematched": rematched,
        })  # fmt: skip
    return report


def _not_stored_meanwhile(
    session: Session, chunk: list[PlannedCall], report: CdrImport
) -> list[PlannedCall]:
    """The planned calls still absent (another import may have added some since the plan). One
    stored meanwhile as missed that this file shows answered is upgraded, as the plan would have
    upgraded it had it been stored before; a skipped call is no longer counted as to be added."""
    ids = {c.uniqueid for c in chunk if c.uniqueid}
    keys = {c.natural_key for c in chunk}
    found = session.execute(select(
        CallRecord.id, CallRecord.uniqueid, CallRecord.natural_key, CallRecord.answered,
        CallRecord.start,
    ).where(or_(CallRecord.uniqueid.in_(ids), CallRecord.natural_key.in_(keys))))  # fmt: skip
    by_id: dict[str, Any] = {}
    by_key: dict[str, Any] = {}
    for row in found:
        if row.uniqueid:
            by_id.setdefault(row.uniqueid, row)
        by_key.setdefault(row.natural_key, row)
    fresh = []
    for c in chunk:
        stored = (by_id.get(c.uniqueid) if c.uniqueid else None) or by_key.get(c.natural_key)
        if stored is None:
            fresh.append(c)
            continue
        report.result.skipped_duplicates += c.legs
        report.directions[c.direction] -= 1
        if c.direction == "unmatched" and report.unmatched_numbers.get(c.dst_national, 0) > 0:
            report.unmatched_numbers[c.dst_national] -= 1
        if c.answered and not stored.answered:
            report.upgraded += _upgrade_stored(session, stored.id, stored.start, c)
    report.unmatched_numbers = +report.unmatched_numbers  # the numbers left with a call
    return fresh


def _upgrade_stored(session: Session, stored_id: int, stored_start: datetime,
                    answered: PlannedCall) -> int:  # fmt: skip
    """Mark a stored missed call answered as the planned call says (_answer_fields: the time to
    answer counted from the stored call's own start). 1 if it was still missed, else 0."""
    ring = (answered.ring_seconds or 0) + int((answered.start - stored_start).total_seconds())
    changed = cast(CursorResult[Any], session.execute(
        update(CallRecord)
        .where(CallRecord.id == stored_id, CallRecord.answered.is_(False))
        .values(answered=True, disposition="ANSWERED", answer=answered.answer,
                ring_seconds=max(0, ring), billsec=answered.billsec,
                dstchannel=answered.dstchannel)))  # fmt: skip
    return changed.rowcount


def _now_in_inventory(report: CdrImport, lines: dict[str, int]) -> None:
    """The report's calls to numbers missing from the inventory that rematch_in() gave to a line
    added since the preview: counted inbound, and no longer named in the warning."""
    spellings = set(lines)
    spellings |= {p + n for n in lines if len(n) in SHORT_LENGTHS for p in ("0", "9")}
    for number in [n for n in report.unmatched_numbers if n in spellings]:
        moved = report.unmatched_numbers.pop(number)
        report.directions["unmatched"] -= moved
        report.directions["inbound"] += moved


def _error_sentence(file: str, error: RowError, count: int) -> str:
    if error.column:
        text = translate("calls", "{file}, line {row}, column {column}: {message}").format(
            file=file, row=error.row, column=error.column, message=error.message
        )
    else:
        text = translate("calls", "{file}, line {row}: {message}").format(
            file=file, row=error.row, message=error.message
        )
    if count > 1:
        text = translate(
            "calls", "{first} (%n bad lines in all; nothing was imported.)", None, count
        ).format(first=text)
    else:
        text = translate("calls", "{first} (Nothing was imported.)").format(first=text)
    return text
