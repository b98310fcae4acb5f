"""`istiqbal`: the window without a sub-command, else the headless commands of CONTRACTS.md §1."""

from __future__ import annotations

import argparse
import locale
import os
import sys
from collections.abc import Sequence
from importlib import import_module

from desktop_app import __version__

# Each area's sub-commands live in desktop_app/commands/<area>.py and expose register(sub).
COMMAND_MODULES: tuple[str, ...] = (
    "system",
    "requests",
    "calls",
    "report",
    "lines",
    "services",
    "mail",
)


class _Parser(argparse.ArgumentParser):
    """argparse already exits 2 on a wrong command line; keep its message to one line."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(2, f"istiqbal: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="istiqbal", description="Istiqbal — citizen reception (C8/2020, C2/2020)")
    parser.add_argument("--db", help="SQLite file path or SQLAlchemy URL (default: ISTIQBAL_DB, "
                        "else the per-user data folder)")  # fmt: skip
    parser.add_argument("--lang", choices=("ar", "fr", "en"), help="interface language")
    parser.add_argument("--version", action="version", version=f"istiqbal {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in COMMAND_MODULES:
        import_module(f"desktop_app.commands.{name}").register(sub)
    for child in sub.choices.values():
        _accept_global_options(child)
    return parser


def _accept_global_options(parser: argparse.ArgumentParser) -> None:
    """`--db` and `--lang` may also follow the sub-command (`screenshot ... --lang ar`)."""
    nested = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    for action in nested:
        for child in action.choices.values():
            _accept_global_options(child)
    if nested:
        return
    existing = {o for a in parser._actions for o in a.option_strings}
    if "--db" not in existing:
        parser.add_argument("--db", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    if "--lang" not in existing:
        parser.add_argument("--lang", choices=("ar", "fr", "en"), default=argparse.SUPPRESS,
                            help="language of messages and output")  # fmt: skip


def _cli_language(requested: str | None) -> str:
    """--lang, else ISTIQBAL_LANG, else the system's language when it is Arabic or French."""
    candidate = requested or os.environ.get("ISTIQBAL_LANG") or (locale.getlocale()[0] or "")
    candidate = candidate[:2].lower()
    return candidate if candidate in ("ar", "fr") else "en"


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "needs_widgets", False) or getattr(args, "needs_gui", False):
        # Headless by contract: no display needed (set before the QApplication exists).
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if args.command is None:
        from desktop_app.ui.app import run_app

        return run_app(db=args.db, lang=args.lang)
    return run_command(args)


# The imports whose --json promises one object on stdout, even when the file itself is refused.
IMPORT_COMMANDS = {"lines": ("import",), "requests": ("import",), "calls": ("import-cdr",)}


def _import_failure_json(args: argparse.Namespace, exc: Exception) -> dict[str, object] | None:
    """With --json, an import refused as a whole (missing file, no header row) still prints the
    contract's object — its rows' errors, or one error with no row and no column — so a script
    reading stdout gets JSON, not nothing (CONTRACTS §1); the sentence goes to stderr too."""
    if not getattr(args, "json", False):
        return None
    row_errors = getattr(exc, "row_errors", [])
    if row_errors:
        errors = [e.as_dict() for e in row_errors]
    elif getattr(args, f"{args.command}_command", None) in IMPORT_COMMANDS.get(args.command, ()):
        errors = [{"row": None, "column": None, "message": getattr(exc, "message", str(exc))}]
    else:
        return None
    return {"imported": 0, "skipped_duplicates": 0, "errors": errors}


def run_command(args: argparse.Namespace) -> int:
    import sqlite3

    from sqlalchemy.exc import SQLAlchemyError

    from desktop_app.commands.context import CliContext
    from desktop_app.config import resolve_database
    from desktop_app.i18n import ensure_core_application, install_language
    from desktop_app.services.database import DatabaseBusyError, busy_sentence
    from desktop_app.services.errors import UserError

    if getattr(args, "needs_widgets", False):
        from desktop_app.ui.app import make_application  # screenshot: a real QApplication

        make_application()
    elif getattr(args, "needs_gui", False):  # directory: fonts and QPdfWriter (QtGui, no widgets)
        from PySide6.QtCore import QCoreApplication
        from PySide6.QtGui import QGuiApplication

        if QCoreApplication.instance() is None:
            QGuiApplication(["istiqbal"])
    else:
        ensure_core_application()
    lang = install_language(_cli_language(args.lang))
    ctx = CliContext(args=args, location=resolve_database(args.db), lang=lang)
    try:
        code: int = args.func(ctx)
        return code
    except UserError as exc:
        payload = _import_failure_json(args, exc)
        if payload is not None:
            ctx.json(payload)
        print(exc.message, file=sys.stderr)
        return 1
    except DatabaseBusyError:
        # A long import elsewhere held the write lock past busy_timeout (issue 16 point 5).
        print(busy_sentence(ctx.location.display()), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except (OSError, sqlite3.Error, SQLAlchemyError) as exc:
        # Issue 16: a database file that cannot be written (mode 0400, a read-only disk), a
        # folder that cannot be read: one sentence naming the database, never a traceback.
        print(_storage_sentence(ctx.location.display(), exc), file=sys.stderr)
        return 1
    finally:
        ctx.close()


def _storage_sentence(where: str, exc: BaseException) -> str:
    from desktop_app.i18n import translate

    cause = getattr(exc, "orig", None) or exc
    reason = getattr(cause, "strerror", None) or str(cause).strip().splitlines()[0:1]
    if isinstance(reason, list):
        reason = reason[0] if reason else type(cause).__name__
    return translate("cli", "Istiqbal cannot use {where}: {reason}").format(
        where=where, reason=reason
    )


if __name__ == "__main__":
    sys.exit(main())
