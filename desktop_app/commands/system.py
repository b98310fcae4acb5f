"""demo, check, backup and screenshot: the sub-commands that are about the installation itself."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop_app.commands.context import CliContext
from desktop_app.i18n import translate


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    demo = sub.add_parser("demo", help="fill an EMPTY database with realistic demo data")
    demo.add_argument("--years", type=int, default=2)
    demo.add_argument("--seed", type=int, default=2020)
    demo.set_defaults(func=run_demo)

    check = sub.add_parser("check", help="integrity check; exit 1 when damaged")
    check.set_defaults(func=run_check)

    backup = sub.add_parser("backup", help="an online backup of the SQLite database")
    backup.add_argument("--out", type=Path)
    backup.set_defaults(func=run_backup)

    shot = sub.add_parser("screenshot", help="render one page of the window off-screen to PNG")
    shot.add_argument("--page", required=True)
    shot.add_argument("--out", type=Path, required=True)
    shot.add_argument("--size", default="1366x768")
    shot.set_defaults(func=run_screenshot, needs_widgets=True)


def run_demo(ctx: CliContext) -> int:
    from desktop_app.services.demo import fill_demo

    passwords = fill_demo(ctx.db, years=ctx.args.years, seed=ctx.args.seed)
    ctx.out(translate("cli", "Demo data written to {where}.").format(where=ctx.location.display()))
    ctx.out(translate("cli", "One-time passwords (each user changes it at first sign-in):"))
    for username, password in passwords.items():
        ctx.out(f"  {username:<12} {password}")
    return 0


def run_check(ctx: CliContext) -> int:
    from desktop_app.services.database import check_database

    problems = check_database(ctx.location)
    if problems:
        ctx.err(
            translate("cli", "The database {where} is damaged: {problem}").format(
                where=ctx.location.display(), problem=problems[0]
            )
        )
        return 1
    ctx.db  # noqa: B018 - opening runs the schema checks (newer version, migrations)
    ctx.out(translate("cli", "The database {where} is sound.").format(where=ctx.location.display()))
    return 0


def run_backup(ctx: CliContext) -> int:
    from desktop_app.services.database import backup_database

    path = backup_database(ctx.db, ctx.actor, ctx.location, ctx.args.out)
    ctx.out(translate("cli", "Backup written to {path}.").format(path=path))
    return 0


def run_screenshot(ctx: CliContext) -> int:
    from desktop_app.services.errors import UserError

    try:
        width, height = (int(v) for v in ctx.args.size.lower().split("x"))
    except ValueError as exc:
        raise UserError(
            translate("cli", "--size must look like 1366x768, not “{size}”.").format(
                size=ctx.args.size
            )
        ) from exc
    from desktop_app.ui.screenshot import render_page

    render_page(ctx.db, ctx.location, ctx.args.page, ctx.args.out, ctx.lang, (width, height))
    ctx.out(str(ctx.args.out))
    return 0
