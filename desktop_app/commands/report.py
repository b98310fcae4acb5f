"""`istiqbal report`: the periodic evaluation workbook for a scheduled task (C8.7, CONTRACTS §1)."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from pathlib import Path

from desktop_app.commands.context import CliContext
from desktop_app.i18n import translate
from desktop_app.services.errors import UserError


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    cmd = sub.add_parser("report", help="write the periodic evaluation workbook (C8.7)")
    cmd.add_argument("--period", required=True,
                     help="2026-Q3, 2026-07, 2026 or 2026-07-01..2026-09-30")  # fmt: skip
    cmd.add_argument("--out", required=True, type=Path, help="the .xlsx file to write")
    cmd.add_argument("--lang", choices=("ar", "fr", "en"), default=None,
                     help="language of the report (default: the interface language)")  # fmt: skip
    cmd.add_argument("--as-of", dest="as_of", default=None,
                     help="judge deadlines as at this ISO time (default: now)")  # fmt: skip
    cmd.add_argument("--json", action="store_true", help="print one JSON object")
    cmd.set_defaults(func=run_report)


def parse_as_of(text: str | None) -> datetime | None:
    """ISO date or date-time; without a zone it is Tunis local time."""
    if text is None:
        return None
    from desktop_app.services.periods import TUNIS

    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError as exc:
        raise UserError(
            translate("report", "“{text}” is not an ISO time such as 2026-10-01T08:00.").format(
                text=text
            )
        ) from exc
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=TUNIS)
    return moment.astimezone(UTC)


def run_report(ctx: CliContext) -> int:
    from desktop_app.exchange.excel_report import write_workbook
    from desktop_app.services import report

    as_of = parse_as_of(ctx.args.as_of)
    lang = ctx.args.lang or ctx.lang
    result = report.generate(
        ctx.db, ctx.actor, ctx.args.period, ctx.args.out, lang, as_of, write=write_workbook
    )
    if ctx.args.json:
        ctx.json(result.as_json())
    else:
        ctx.out(
            translate("report", "Report for {period} written to {path}.").format(
                period=result.period.text, path=result.out
            )
        )
    return 0
