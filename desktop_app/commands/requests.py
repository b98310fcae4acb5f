"""`requests import FILE [--dry-run] [--skip-invalid] [--json]` (CONTRACTS.md §1, C2.1)."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop_app.commands.context import CliContext


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    requests = sub.add_parser("requests", help="citizen requests (C2.1, C2.3)")
    actions = requests.add_subparsers(dest="requests_command", required=True)
    imp = actions.add_parser("import", help="import a requests register (.csv or .xlsx)")
    imp.add_argument("file", type=Path)
    imp.add_argument("--dry-run", action="store_true", help="check the file, write nothing")
    imp.add_argument("--skip-invalid", action="store_true",
                     help="write the valid rows and report the others")  # fmt: skip
    imp.add_argument("--json", action="store_true", help="print one JSON object")
    imp.set_defaults(func=run_import)


def run_import(ctx: CliContext) -> int:
    from desktop_app.exchange.requests_file import import_register

    result = import_register(ctx.db, ctx.actor, ctx.args.file, dry_run=ctx.args.dry_run,
                             skip_invalid=ctx.args.skip_invalid)  # fmt: skip
    return ctx.import_summary(result, ctx.args.file.name, dry_run=ctx.args.dry_run)
