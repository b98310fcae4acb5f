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
    demo.set_defaults(func=run_demo, creates_database=True)

    check = sub.add_parser("check", help="integrity check; exit 1 when damaged")
    check.set_defaults(func=run_check)

    backup = sub.add_parser("backup", help="an online backup of the SQLite database")
    backup.add_argument("--out", type=Path)
    backup.add_argument(
        "--force", action="store_true", help="replace --out even when it is not an Istiqbal backup"
    )
    backup.set_defaults(func=run_backup)

    shot = sub.add_parser("screenshot", help="render one page of the window off-screen to PNG")
    shot.add_argument("--page", required=True)
    shot.add_argument("--out", type=Path, required=True)
    shot.add_argument("--size", default=(1366, 768), type=_size, help="WIDTHxHEIGHT, e.g. 1366x768")
    shot.add_argument("--tab", type=int, default=1, help="which tab of the page, counting from 1")
    shot.set_defaults(func=run_screenshot, needs_widgets=True)


def _size(text: str) -> tuple[int, int]:
    """--size 1366x768; anything else is a wrong command line (exit 2, CONTRACTS.md §1)."""
    try:
        width, height = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"must look like 1366x768, not {text!r}") from None
    if not (100 <= width <= 10000 and 100 <= height <= 10000):
        raise argparse.ArgumentTypeError(f"must be between 100x100 and 10000x10000, not {text!r}")
    return width, height


def run_demo(ctx: CliContext) -> int:
    from desktop_app.services.demo import fill_demo

    passwords = fill_demo(ctx.db, years=ctx.args.years, seed=ctx.args.seed)
    ctx.out(translate("cli", "Demo data written to {where}.").format(where=ctx.location.display()))
    ctx.out(translate("cli", "One-time passwords (each user changes it at first sign-in):"))
    for username, password in passwords.items():
        ctx.out(f"  {username:<12} {password}")
    return 0


def run_check(ctx: CliContext) -> int:
    """Integrity and schema state, read-only: `check` never creates, migrates or changes a file."""
    from desktop_app.services.database import (
        check_database,
        database_schema_state,
        require_existing,
    )

    where = ctx.location.display()
    require_existing(ctx.location)  # missing or a folder: one sentence, exit 1
    problems = check_database(ctx.location)
    if problems:
        ctx.err(
            translate("cli", "The database {where} is damaged: {problem}").format(
                where=where, problem=problems[0]
            )
        )
        return 1
    state = database_schema_state(ctx.location)  # a newer or foreign schema: UserError, exit 1
    if state == "needs_upgrade":
        ctx.out(
            translate(
                "cli",
                "The database {where} is sound; it needs an upgrade, which Istiqbal makes "
                "(after a backup) the next time it opens it.",
            ).format(where=where)
        )
    elif state == "empty":
        ctx.out(translate("cli", "The database {where} is sound and empty.").format(where=where))
    else:
        ctx.out(translate("cli", "The database {where} is sound.").format(where=where))
    return 0


def run_backup(ctx: CliContext) -> int:
    from desktop_app.services.database import backup_database

    path = backup_database(ctx.db, ctx.actor, ctx.location, ctx.args.out, force=ctx.args.force)
    ctx.out(translate("cli", "Backup written to {path}.").format(path=path))
    return 0


def run_screenshot(ctx: CliContext) -> int:
    from desktop_app.ui.screenshot import render_page

    render_page(ctx.db, ctx.location, ctx.args.page, ctx.args.out, ctx.lang, ctx.args.size,
                tab=ctx.args.tab)  # fmt: skip
    ctx.out(str(ctx.args.out))
    return 0
