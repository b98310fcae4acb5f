"""`istiqbal lines import` and `istiqbal lines export` (CONTRACTS.md §1, §2; C8.1)."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop_app.commands.context import CliContext
from desktop_app.i18n import translate


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("lines", help="the phone-line inventory (C8.1)")
    lines_sub = parser.add_subparsers(
        dest="lines_command", metavar="ACTION", required=True, parser_class=type(parser)
    )
    imp = lines_sub.add_parser("import", help="import a phone directory (.csv or .xlsx)")
    imp.add_argument("file", type=Path, metavar="FILE")
    imp.add_argument("--dry-run", action="store_true", help="check the file, write nothing")
    imp.add_argument(
        "--skip-invalid", action="store_true", help="write the valid rows and report the others"
    )
    imp.add_argument("--json", action="store_true", help="print one JSON object")
    imp.set_defaults(func=run_import)
    exp = lines_sub.add_parser("export", help="export the inventory to a printable .xlsx")
    exp.add_argument("file", type=Path, metavar="FILE.xlsx")
    exp.set_defaults(func=run_export)


def run_import(ctx: CliContext) -> int:
    from desktop_app.exchange.lines_file import import_lines

    result = import_lines(
        ctx.db,
        ctx.actor,
        ctx.args.file,
        dry_run=ctx.args.dry_run,
        skip_invalid=ctx.args.skip_invalid,
    )
    code = ctx.import_summary(result, ctx.args.file.name, dry_run=ctx.args.dry_run)
    if code and not ctx.args.json:
        ctx.err(
            translate(
                "cli",
                "Nothing was written (invalid rows: {n}); correct them or use --skip-invalid.",
            ).format(n=len({e.row for e in result.errors}))
        )
    return code


def run_export(ctx: CliContext) -> int:
    from desktop_app.exchange.lines_file import export_lines

    count = export_lines(ctx.db, ctx.actor, ctx.args.file, ctx.lang)
    ctx.out(
        translate("cli", "Phone lines written to {file}: {n}.").format(n=count, file=ctx.args.file)
    )
    return 0
