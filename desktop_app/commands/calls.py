"""`calls import-cdr`: the PBX's Asterisk call records into the database (CONTRACTS.md §1, §4)."""

from __future__ import annotations

import argparse
from dataclasses import replace
from pathlib import Path

from desktop_app.commands.context import CliContext
from desktop_app.i18n import translate


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    calls = sub.add_parser("calls", help="call records from the phone system (PBX)")
    actions = calls.add_subparsers(dest="calls_command", metavar="ACTION", required=True,
                                   parser_class=type(calls))  # fmt: skip
    cdr = actions.add_parser("import-cdr", help="import Asterisk cdr_csv records (Master.csv)")
    cdr.add_argument("file", type=Path, metavar="FILE.csv")
    cdr.add_argument("--json", action="store_true", help="print one JSON object")
    cdr.add_argument("--utc", action="store_true",
                     help="the PBX writes UTC times (usegmtime=yes in cdr.conf)")  # fmt: skip
    cdr.add_argument("--dry-run", action="store_true", help="check the file, write nothing")
    cdr.set_defaults(func=run_import_cdr)


def run_import_cdr(ctx: CliContext) -> int:
    from desktop_app.exchange.cdr import import_cdr

    file: Path = ctx.args.file
    report = import_cdr(ctx.db, ctx.actor, file, utc=ctx.args.utc, dry_run=ctx.args.dry_run)
    if ctx.args.json:
        return ctx.import_summary(report.result, file.name, ctx.args.dry_run)
    for warning in report.result.warnings:
        ctx.err(translate("cli", "{file} (warning): {message}").format(
            file=file.name, message=warning.message))  # fmt: skip
    d = report.directions
    ctx.out(translate(
        "cli", "{inbound} inbound calls on inventory lines, {outgoing} outgoing, {internal} "
        "internal, {unmatched} to numbers missing from the inventory.").format(
            inbound=d["inbound"], outgoing=d["outgoing"], internal=d["internal"],
            unmatched=d["unmatched"]))  # fmt: skip
    if report.upgraded:
        ctx.out(translate("cli", "Calls already imported as missed, now answered: %n.", None,
                          report.upgraded))  # fmt: skip
    return ctx.import_summary(replace(report.result, warnings=[]), file.name, ctx.args.dry_run)
