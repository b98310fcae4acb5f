"""Asterisk call records (CONTRACTS.md §4): reading cdr_csv's Master.csv and importing it (C8.4).

Master.csv has no header; each line is accountcode, src, dst, dcontext, clid, channel, dstchannel,
lastapp, lastdata, start, answer, end, duration, billsec, disposition, amaflags, then, as cdr.conf
says, uniqueid, userfield, and peeraccount, linkedid, sequence: 16, 17, 18 or 21 columns. A call is
inbound on an inventory line when its dialled number (dst) is that line's number, with or without
the country code or a trunk prefix. The import is all-or-nothing and never adds a call twice.

A ring group or a queue makes Asterisk write one row per member dialled, all with the caller's
uniqueid (and start, src, dst, channel) — and, in 21-column files, Local-channel legs with their own
uniqueid but the caller's linkedid. Those rows are one call: answered when any of them is (answer
time and time to answer from the answered row), so a NO ANSWER leg before the ANSWERED one does
not turn an answered call into a missed one (C8.2). The call is stored under its linkedid (equal to
the caller leg's uniqueid), else its uniqueid; a later file showing a stored missed call answered
upgrades it, and still adds no call.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, cast

from sqlalchemy import CursorResult, insert, or_, select, update
from sqlalchemy.orm import Session

from desktop_app.data.db import Database
from desktop_app.data.models import CallRecord, PhoneLine
from desktop_app.exchange.file_guard import MAX_CDR_BYTES, regular_file
from desktop_app.i18n import translate
from desktop_app.services import audit
from desktop_app.services.callbacks import party_of
from desktop_app.services.errors import ImportResult, RowError, UserError
from desktop_app.services.periods import TUNIS
from desktop_app.services.permissions import Actor, Perm
from desktop_app.services.phones import SHORT_LENGTHS, match_key
from desktop_app.services.progress import Cancelled, NoProgress, Progress, waiting_of
from desktop_app.services.traffic import natural_key

BASE_COLUMNS = (
    "accountcode", "src", "dst", "dcontext", "clid", "channel", "dstchannel", "lastapp",
    "lastdata", "start", "answer", "end", "duration", "billsec", "disposition", "amaflags",
)  # fmt: skip
COLUMN_COUNTS = (16, 17, 18, 21)
DISPOSITIONS = ("ANSWERED", "NO ANSWER", "BUSY", "FAILED", "CONGESTION", "CANCEL", "UNKNOWN")
_TIME_FORMAT = "%Y-%m-%d %H:%M:%S"
# Asterisk's uniqueid: epoch seconds and a sequence, prefixed by the system name when set.
_UNIQUEID = re.compile(r"^(?:[\w.-]+-)?\d{9,}\.\d+$")
_EXTENSION = re.compile(r"^\d{2,5}$")
MAX_ERRORS = 100
# Bounds on what a call record may say (issue 16 point 4): a start in year 1 overflowed the time
# zone conversion, years 1000 and 9998 seeded 8 999 calendar years, and a duration of 10^23
# overflowed SQLite's integers. Asterisk was not written before 2000; a call lasts under a month.
FIRST_YEAR = 2000
MAX_CALL_SECONDS = 31 * 24 * 3600
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


# -- parsing ------------------------------------------------------------------------------------
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


class _RowProblem(Exception):
    def __init__(self, column: str, message: str) -> None:
        super().__init__(message)
        self.column, self.message = column, message


def _time(value: str, column: str, utc: bool, required: bool) -> datetime | None:
    value = value.strip()
    if not value:
        if required:
            raise _RowProblem(column, translate("calls", "the call has no start time."))
        return None
    try:
        naive = datetime.strptime(value, _TIME_FORMAT)
    except ValueError:
        raise _RowProblem(column, translate(
            "calls", "“{text}” is not a time of the form 2026-03-05 09:41:07.").format(
            text=" ".join(value.split()))  # one sentence on one line, whatever the cell held
        ) from None  # fmt: skip
    last_year = datetime.now(UTC).year + 1
    if not FIRST_YEAR <= naive.year <= last_year:
        raise _RowProblem(column, translate(
            "calls", "{text} is not a plausible date for a call (years {first} to {last})."
        ).format(text=value, first=FIRST_YEAR, last=last_year))  # fmt: skip
    return naive.replace(tzinfo=UTC) if utc else naive.replace(tzinfo=TUNIS).astimezone(UTC)


def _seconds(value: str, column: str) -> int:
    message = translate("calls", "“{text}” is not a number of seconds.").format(text=value)
    try:
        number = int(value.strip())
    except ValueError:
        raise _RowProblem(column, message) from None
    if number < 0 or number > MAX_CALL_SECONDS:
        raise _RowProblem(column, message)
    return number


def parse_line(fields: list[str], row: int, utc: bool) -> CdrRow:
    count = len(fields)
    if count not in COLUMN_COUNTS:
        raise _RowProblem("", translate(
            "calls", "columns on the line: %n; Asterisk writes 16, 17, 18 or 21.", None, count)
        )  # fmt: skip
    values = dict(zip(BASE_COLUMNS, fields, strict=False))
    disposition = values["disposition"].strip().upper()
    if disposition not in DISPOSITIONS:
        raise _RowProblem("disposition", translate(
            "calls", "“{text}” is not a call outcome Asterisk writes.").format(
                text=values["disposition"])
        )  # fmt: skip
    uniqueid: str | None = fields[16].strip() if count >= 17 else None
    if count == 17 and uniqueid and not _UNIQUEID.match(uniqueid):
        uniqueid = None  # loguserfield without loguniqueid: the 17th column is the user field
    linkedid = fields[19].strip() if count == 21 else ""
    start = _time(values["start"], "start", utc, True)
    assert start is not None
    return CdrRow(
        row=row, src=values["src"].strip(), dst=values["dst"].strip(),
        dcontext=values["dcontext"].strip(), clid=values["clid"], channel=values["channel"].strip(),
        dstchannel=values["dstchannel"].strip(), start=start,
        answer=_time(values["answer"], "answer", utc, False),
        end=_time(values["end"], "end", utc, False),
        duration=_seconds(values["duration"], "duration"),
        billsec=_seconds(values["billsec"], "billsec"), disposition=disposition,
        uniqueid=uniqueid or None, columns=count, linkedid=linkedid or None,
    )  # fmt: skip


def _read_text(path: Path) -> str:
    regular_file(path, MAX_CDR_BYTES)  # a FIFO would block read_bytes() forever
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise UserError(translate("calls", "The file {file} does not exist.").format(
            file=path)) from None  # fmt: skip
    except OSError as exc:
        raise UserError(translate("calls", "The file {file} cannot be read: {reason}").format(
            file=path, reason=exc.strerror or exc)) from None  # fmt: skip
    if b"\x00" in data[:4096]:
        raise UserError(
            translate("calls", "{file} is not an Asterisk call record file (Master.csv).").format(
                file=path.name
            )
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _is_header(fields: list[str]) -> bool:
    lowered = {f.strip().lower() for f in fields}
    return "src" in lowered and "dst" in lowered


def iter_cdr(path: Path, utc: bool = False) -> Iterator[CdrRow | RowError]:
    """Each call of the file, or the error of a malformed line (column named as in §4)."""
    reader = csv.reader(io.StringIO(_read_text(path), newline=""))
    first_line = 1
    try:
        for fields in reader:
            row, first_line = first_line, reader.line_num + 1
            if not fields or (len(fields) == 1 and not fields[0].strip()):
                continue
            if row == 1 and _is_header(fields):
                continue
            try:
                yield parse_line(fields, row, utc)
            except _RowProblem as problem:
                yield RowError(row, problem.column, problem.message)
    except csv.Error as exc:
        yield RowError(first_line, "", translate("calls", "the line is not valid CSV: {reason}")
                       .format(reason=exc))  # fmt: skip


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


class _DryRun(Exception):
    def __init__(self, report: CdrImport) -> None:
        super().__init__("dry run")
        self.report = report


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


def _write(session: Session, report: CdrImport, batch: list[CdrRow], lines: dict[str, int],
           written: set[str]) -> None:  # fmt: skip
    """Insert the batch's new calls; a call already stored adds nothing, but is upgraded to
    answered when one of its legs in this file says ANSWERED (a ring group's first leg may be
    NO ANSWER). `written` holds the keys and ids of the calls this import inserted."""
    calls = _group(batch)
    by_id, by_key = _existing(session, calls)
    values = []
    for call in calls:
        stored = next((by_id[i] for i in call.ids() if i in by_id), None) or next(
            (by_key[k] for k in call.natural_keys() if k in by_key), None
        )
        answered = call.answered_row
        if stored is not None:
            report.result.skipped_duplicates += len(call.rows)
            if answered is not None and not stored.answered:
                session.execute(update(CallRecord).where(CallRecord.id == stored.id)
                                .values(**_answer_fields(answered, stored.start)))  # fmt: skip
                if f"key:{stored.natural_key}" not in written:
                    report.upgraded += 1
            continue
        r = call.first
        if f"key:{r.natural_key}" in written or f"id:{r.call_id}" in written:
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
        row = {
            "uniqueid": r.call_id, "natural_key": r.natural_key, "start": r.start,
            "answer": None, "end": max(ends) if ends else None,
            "duration": max(x.duration + int((x.start - r.start).total_seconds())
                            for x in call.rows),
            "billsec": 0, "disposition": call.disposition(), "src": r.src[:80], "dst": r.dst[:80],
            "dst_national": national_number(r.dst)[:32], "dcontext": r.dcontext[:80],
            "channel": r.channel[:120], "dstchannel": r.dstchannel[:120], "direction": direction,
            "line_id": line_id, "answered": False, "ring_seconds": None,
            "party": party_of(direction, r.src, r.dst),
        }  # fmt: skip
        if answered is not None:
            row.update(_answer_fields(answered, r.start))
        values.append(row)
        written.update((f"key:{r.natural_key}", f"id:{r.call_id}"))
    if values:
        session.execute(insert(CallRecord), values)
        report.result.imported += len(values)


def import_cdr(
    db: Database, actor: Actor, path: Path, *, utc: bool = False, dry_run: bool = False,
    progress: Progress | None = None,
) -> CdrImport:  # fmt: skip
    """Import Master.csv; one malformed line and nothing is written (UserError naming it)."""
    actor.require(Perm.IMPORT_CALLS)
    progress = progress or NoProgress()
    path = Path(path)
    total_bytes = max(regular_file(path, MAX_CDR_BYTES), 1)
    report = CdrImport(file=path.name, dry_run=dry_run)
    try:
        # A long task holding the database is waited for, said through progress (issue 16.5).
        with db.write(wait=db.long_write_wait, waiting=waiting_of(progress)) as s:
            lines = line_index(s)
            rematched = rematch_in(s, lines)
            errors: list[RowError] = []
            written: set[str] = set()
            batch: list[CdrRow] = []
            for n, item in enumerate(iter_cdr(path, utc)):
                if isinstance(item, RowError):
                    errors.append(item)
                    if len(errors) >= MAX_ERRORS:
                        break
                    continue
                report.columns.add(item.columns)
                report.unanswered += not item.answered
                report.first = min(report.first or item.start, item.start)
                report.last = max(report.last or item.start, item.start)
                if errors:
                    continue  # keep reading only to report every bad line
                batch.append(item)
                if len(batch) >= CHUNK:
                    _write(s, report, batch, lines, written)
                    batch = []
                    if progress.cancelled():
                        raise Cancelled()
                    progress.report(min(n * 150, total_bytes), total_bytes)
            if errors:
                first = errors[0]
                raise UserError(_error_sentence(path.name, first, len(errors)), row_errors=errors)
            _write(s, report, batch, lines, written)
            report.result.warnings = _warnings(report)
            if dry_run:
                raise _DryRun(report)
            if report.first is not None and report.last is not None:
                # The office calendar (holidays, Ramadan, summer) must know these years for the
                # "outside office hours" figures of the traffic analysis.
                from desktop_app.services.deadlines import ensure_years

                ensure_years(s, range(report.first.year, report.last.year + 1))
            audit.record(s, actor, "import", "call_records", path.name, after={
                "imported": report.result.imported,
                "skipped_duplicates": report.result.skipped_duplicates,
                "directions": dict(report.directions), "rematched": rematched,
            })  # fmt: skip
    except _DryRun as done:
        return done.report
    progress.report(total_bytes, total_bytes)
    return report


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
