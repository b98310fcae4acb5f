"""Asterisk call records (CONTRACTS.md §4): reading cdr_csv's Master.csv (C8.4).

Master.csv has no header; each line is accountcode, src, dst, dcontext, clid, channel, dstchannel,
lastapp, lastdata, start, answer, end, duration, billsec, disposition, amaflags, then, as cdr.conf
says, uniqueid, userfield, and peeraccount, linkedid, sequence: 16, 17, 18 or 21 columns. This
module turns each line into a CdrRow, or the RowError of a malformed line (the hostile-file guards
first); what the calls mean (the line they reached, ring groups as one call, duplicates) and the
import's plan and commit are services/call_records.py's.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from desktop_app.data.db import Database
from desktop_app.exchange.file_guard import MAX_CDR_BYTES, regular_file
from desktop_app.i18n import translate
from desktop_app.services import call_records
from desktop_app.services.call_records import DISPOSITIONS, CdrImport, CdrPlan, CdrRow
from desktop_app.services.call_records import classify as classify  # re-exported
from desktop_app.services.call_records import national_number as national_number  # re-exported
from desktop_app.services.errors import RowError, UserError
from desktop_app.services.periods import TUNIS
from desktop_app.services.permissions import Actor, leaves_no_check_pending
from desktop_app.services.progress import Progress

BASE_COLUMNS = (
    "accountcode", "src", "dst", "dcontext", "clid", "channel", "dstchannel", "lastapp",
    "lastdata", "start", "answer", "end", "duration", "billsec", "disposition", "amaflags",
)  # fmt: skip
COLUMN_COUNTS = (16, 17, 18, 21)
_TIME_FORMAT = "%Y-%m-%d %H:%M:%S"
# Asterisk's uniqueid: epoch seconds and a sequence, prefixed by the system name when set.
_UNIQUEID = re.compile(r"^(?:[\w.-]+-)?\d{9,}\.\d+$")
# Bounds on what a call record may say (issue 16 point 4): a start in year 1 overflowed the time
# zone conversion, years 1000 and 9998 seeded 8 999 calendar years, and a duration of 10^23
# overflowed SQLite's integers. Asterisk was not written before 2000; a call lasts under a month.
FIRST_YEAR = 2000
MAX_CALL_SECONDS = 31 * 24 * 3600


# -- parsing ------------------------------------------------------------------------------------
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


# -- importing: the plan and its commit are services/call_records.py's ------------------------
@leaves_no_check_pending
def plan_cdr(
    db: Database, actor: Actor, path: Path, *, utc: bool = False, progress: Progress | None = None
) -> CdrPlan:
    """Read Master.csv once and plan its import (the window's preview, `--dry-run`)."""
    call_records.require_import(actor)  # before reading: a refused user learns that first
    path = Path(path)
    total_bytes = max(regular_file(path, MAX_CDR_BYTES), 1)
    return call_records.plan_call_records_import(
        db, actor, path.name, iter_cdr(path, utc), progress=progress, total_bytes=total_bytes
    )


def import_cdr(
    db: Database, actor: Actor, path: Path, *, utc: bool = False, dry_run: bool = False,
    progress: Progress | None = None,
) -> CdrImport:  # fmt: skip
    """Import Master.csv; one malformed line and nothing is written (UserError naming it).
    dry_run plans only: nothing is written and no transaction is opened to be rolled back."""
    plan = plan_cdr(db, actor, path, utc=utc, progress=progress)
    refusal = plan.refusal()
    if refusal is not None:
        raise refusal
    if dry_run:
        return plan.report
    return call_records.commit_call_records_plan(db, actor, plan, progress=progress)
