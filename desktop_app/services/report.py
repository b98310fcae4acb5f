"""Making the periodic evaluation report (C8.7): compute, write it safely, keep a history."""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select

from desktop_app.data.db import Database
from desktop_app.data.models import ReportRun
from desktop_app.data.types import utcnow
from desktop_app.i18n import Translator, translate
from desktop_app.services import audit
from desktop_app.services import settings as settings_service
from desktop_app.services.errors import UserError
from desktop_app.services.kpi_labels import labels
from desktop_app.services.kpi_status import status, target_of
from desktop_app.services.kpis import KPI_IDS, compute_in
from desktop_app.services.periods import Period, parse_period
from desktop_app.services.permissions import Actor, Perm, require_now
from desktop_app.services.progress import Cancelled, NoProgress, Progress
from desktop_app.services.report_language import report_language
from desktop_app.services.sections import ReportSection, build_sections, make_context

Kpis = dict[str, float | int | None]


@dataclass
class KpiRow:
    id: str
    label: str
    value: float | int | None
    target: float | None
    previous: float | int | None

    @property
    def state(self) -> str:
        return status(self.id, self.value, self.target)


@dataclass
class ReportData:
    """Everything the workbook shows, already computed and translated."""

    lang: str
    body_name: str
    period: Period
    previous: Period
    clock: str
    generated_by: str
    generated_at: datetime  # aware UTC
    kpis: list[KpiRow]
    sections: list[ReportSection] = field(default_factory=list)


@dataclass(frozen=True)
class ReportResult:
    out: Path
    period: Period
    kpis: Kpis
    previous_kpis: Kpis
    run_id: int

    def as_json(self) -> dict[str, object]:
        """CONTRACTS.md §1: `{"out", "period": {"from", "to"}, "kpis"}` (both days included)."""
        return {
            "out": str(self.out),
            "period": {"from": self.period.first_day.isoformat(),
                       "to": self.period.last_day.isoformat()},
            "kpis": dict(self.kpis),
        }  # fmt: skip


@dataclass(frozen=True)
class ReportHistoryRow:
    id: int
    created_at: datetime
    who: str
    period_text: str
    period_from: date
    period_to: date
    lang: str
    file_name: str
    kpis: Kpis


def clock_text(values: dict[str, object]) -> str:
    """The deadline clock in force, as the requests area's clock names it (C2.1)."""
    from desktop_app.services.deadlines import clock_description

    return clock_description(values)


def author_name(user_id: int | None, username: str, full_name: str | None) -> str:
    """Who made a report, as the cover and the history say it: the user's name, or for an
    unattended run "command line (root)" rather than the account tag "cli:root"."""
    if user_id is None and username.startswith("cli:"):
        return translate("report", "Command line ({account})").format(
            account=username.removeprefix("cli:")
        )
    return full_name or username


def _check_target(out: Path) -> Path:
    out = Path(out)
    if out.suffix.lower() != ".xlsx":
        raise UserError(
            translate("report", "The report must be an .xlsx file, not “{name}”.").format(
                name=out.name
            )
        )
    if not out.parent.is_dir():
        raise UserError(
            translate("report", "The folder {folder} does not exist.").format(folder=out.parent)
        )
    return out


def _write_atomically(out: Path, write: Callable[[Path], object]) -> None:
    """Write next to the target, then rename: a reader never sees a half-written workbook."""
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=".istiqbal-", suffix=".xlsx", dir=out.parent)
    except OSError as exc:
        # A read-only folder (a CD, a network share, no rights) refuses even the temporary file:
        # one clear sentence, not a traceback.
        raise UserError(
            translate(
                "report", "Cannot write in the folder {folder} ({reason}); choose another folder."
            ).format(folder=out.parent, reason=exc.strerror or exc)
        ) from exc
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        write(tmp)
        os.replace(tmp, out)
    except PermissionError as exc:
        raise UserError(
            translate(
                "report",
                "Cannot write {path}: the file is open in another program (Excel?) or read-only; "
                "close it and try again.",
            ).format(path=out)
        ) from exc
    except OSError as exc:
        raise UserError(
            translate("report", "Cannot write {path}: {reason}.").format(
                path=out, reason=exc.strerror or exc
            )
        ) from exc
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()


# Writes the workbook of the computed report at a path: exchange/excel_report.write_workbook.
ReportWriter = Callable[[Path, "ReportData"], object]


def generate(
    db: Database, actor: Actor, period: Period | str, out: Path, lang: str | Translator = "ar",
    as_of: datetime | None = None, progress: Progress | None = None, *, write: ReportWriter,
) -> ReportResult:  # fmt: skip
    """The quarterly (or any period's) workbook of CONTRACTS.md §3, recorded in the history.

    `lang` (a code or a ready Translator) is the workbook's language, whatever the window's: its
    texts come from a translator of this thread alone (services/report_language.py). `write`
    (exchange/excel_report.write_workbook) turns the computed ReportData into the file: services
    compute, exchange formats, and services never import exchange. The user's current rights
    are confirmed before the report's language is taken up, so a refusal reads in theirs."""
    require_now(db, actor, Perm.MAKE_REPORTS)
    progress = progress or NoProgress()
    if isinstance(period, str):
        period = parse_period(period)
    out = _check_target(Path(out))
    as_of = as_of or utcnow()
    if as_of.tzinfo is None:
        raise UserError(translate("report", "The report time must include its time zone."))
    steps = 5

    def step(done: int) -> None:
        if progress.cancelled():
            raise Cancelled()
        progress.report(done, steps)

    with report_language(lang) as code:
        step(0)
        with db.read() as s:
            values = settings_service.load_all(s)
            shared: dict[Any, Any] = {}  # facts the indicators and the sheets read once
            kpis = compute_in(s, period, as_of, cache=shared)
            step(1)
            previous = compute_in(s, period.previous(), as_of, cache=shared)
            step(2)
            sections = build_sections(s, make_context(s, period, as_of, code, shared))
            step(3)
        names = labels()
        body = str(values.get("body_name_ar" if code == "ar" else "body_name_fr") or "")
        data = ReportData(
            lang=code, body_name=body, period=period, previous=period.previous(),
            clock=clock_text(values),
            generated_by=author_name(actor.user_id, actor.username, actor.full_name),
            generated_at=utcnow(),
            kpis=[KpiRow(k, names.get(k, k), kpis.get(k), target_of(values, k), previous.get(k))
                  for k in KPI_IDS],
            sections=sections,
        )  # fmt: skip
        _write_atomically(out, lambda tmp: write(tmp, data))
        step(4)
    with db.write() as s:
        run = ReportRun(
            user_id=actor.user_id, username=actor.username, full_name=actor.full_name,
            period_text=period.text, period_from=period.first_day, period_to=period.last_day,
            lang=code, file_name=str(out.resolve()),
            kpis_json=json.dumps(kpis, ensure_ascii=False),
        )  # fmt: skip
        s.add(run)
        s.flush()
        after = {"period": period.text, "lang": code, "file": run.file_name}
        audit.record(s, actor, "create", "report", run.id, after=after)
        run_id = run.id
    progress.report(steps, steps)
    return ReportResult(out, period, kpis, previous, run_id)


def history(db: Database, actor: Actor, limit: int = 200) -> list[ReportHistoryRow]:
    """The reports made, newest first: who and when, for the Reports page."""
    actor.require(Perm.READ_ALL)
    with db.read() as s:
        runs = s.scalars(
            select(ReportRun).order_by(ReportRun.created_at.desc(), ReportRun.id.desc())
            .limit(limit)
        ).all()  # fmt: skip
        return [
            ReportHistoryRow(r.id, r.created_at, author_name(r.user_id, r.username, r.full_name),
                             r.period_text,
                             r.period_from, r.period_to, r.lang, r.file_name,
                             json.loads(r.kpis_json))
            for r in runs
        ]  # fmt: skip
