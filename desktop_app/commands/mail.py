"""`mail import|fetch|probe` (CONTRACTS.md §1, §5; C2.1, C2.3): the e-mail channel unattended."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop_app.commands.context import CliContext


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    mail = sub.add_parser("mail", help="the e-mail channel (C2.1, C2.3)")
    actions = mail.add_subparsers(dest="mail_command", required=True)
    imp = actions.add_parser("import", help="import saved messages (.eml, mbox, or a folder)")
    imp.add_argument("file", type=Path)
    imp.add_argument("--dry-run", action="store_true", help="check the messages, write nothing")
    imp.add_argument("--skip-invalid", action="store_true",
                     help="import the readable messages and report the others")  # fmt: skip
    imp.add_argument("--json", action="store_true", help="print one JSON object")
    imp.set_defaults(func=run_import)
    fetch = actions.add_parser("fetch", help="read new messages of the configured mailboxes")
    fetch.add_argument("--mailbox", metavar="ADDRESS", help="only this mailbox")
    fetch.add_argument("--json", action="store_true", help="print one JSON object")
    fetch.set_defaults(func=run_fetch)
    probe = actions.add_parser("probe", help="prove each published address receives mail (C2.1)")
    probe.add_argument("--json", action="store_true", help="print one JSON object")
    probe.set_defaults(func=run_probe)


def _summary(ctx: CliContext, result: object, dry_run: bool = False) -> None:
    from desktop_app.i18n import translate
    from desktop_app.services.mail import MailResult

    assert isinstance(result, MailResult)
    if getattr(ctx.args, "json", False):
        ctx.json(result.as_json())
        return
    for e in result.errors + result.failed:
        ctx.err(translate("cli", "{file}: {message}").format(file=e.file, message=e.message))
    # Counts after colons: "Imported 1 new requests" / «3 مطالب جديدة و0 ردود» needed a plural
    # form per number in each language.
    template = (
        translate("mail", "Checked (nothing written): new requests: %n; replies to a "
                  "request: {r}; automatic messages: {a}; already present: {d}.", None,
                  result.imported)
        if dry_run
        else translate("mail", "New requests imported: %n; replies to a request: {r}; "
                       "automatic messages: {a}; skipped as already present: {d}.", None,
                       result.imported)
    )  # fmt: skip
    ctx.out(template.format(r=result.replies, a=result.automatic, d=result.skipped_duplicates))


def _refused_json(ctx: CliContext, file: str, message: str) -> None:
    ctx.json({"imported": 0, "skipped_duplicates": 0,
              "errors": [{"file": file, "column": None, "message": message}]})  # fmt: skip


def run_import(ctx: CliContext) -> int:
    from desktop_app.exchange.mail.files import import_messages
    from desktop_app.services.errors import UserError

    try:
        result = import_messages(ctx.db, ctx.actor, ctx.args.file, dry_run=ctx.args.dry_run,
                                 skip_invalid=ctx.args.skip_invalid)  # fmt: skip
    except UserError as exc:
        if ctx.args.json:
            _refused_json(ctx, str(ctx.args.file), exc.message)
            ctx.err(exc.message)
            return 1
        raise
    _summary(ctx, result, dry_run=ctx.args.dry_run)
    return 1 if result.errors and not ctx.args.skip_invalid else 0


def run_fetch(ctx: CliContext) -> int:
    """For Windows Task Scheduler or cron: exit 1 when a mailbox could not be read."""
    from desktop_app.exchange.mail.fetch import fetch_all, outcome_errors
    from desktop_app.i18n import translate
    from desktop_app.services.errors import UserError
    from desktop_app.services.mail import MailResult

    try:
        outcomes = fetch_all(ctx.db, ctx.actor, address=ctx.args.mailbox)
    except UserError as exc:
        if ctx.args.json:
            _refused_json(ctx, ctx.args.mailbox or "", exc.message)
            ctx.err(exc.message)
            return 1
        raise
    total = MailResult()
    for o in outcomes:
        total.imported += o.result.imported
        total.skipped_duplicates += o.result.skipped_duplicates
        total.replies += o.result.replies
        total.automatic += o.result.automatic
    total.errors = outcome_errors(outcomes)
    if ctx.args.json:
        ctx.json(total.as_json())
    else:
        for o in outcomes:
            line = translate("mail", "{address}: {outcome}").format(
                address=o.address, outcome=o.sentence
            )
            (ctx.out if o.ok else ctx.err)(line)
        for e in total.errors:
            if any(e.file == o.address for o in outcomes):
                continue
            ctx.err(translate("cli", "{file}: {message}").format(file=e.file, message=e.message))
    return 0 if all(o.ok for o in outcomes) else 1


def run_probe(ctx: CliContext) -> int:
    """Exit 1 when a published address could not be proven."""
    from desktop_app.exchange.mail.probe import probe_all

    outcomes = probe_all(ctx.db, ctx.actor)
    if ctx.args.json:
        ctx.json({"probes": [{"address": o.address, "ok": o.ok, "message": o.sentence}
                             for o in outcomes]})  # fmt: skip
    else:
        for o in outcomes:
            (ctx.out if o.ok else ctx.err)(o.sentence)
    return 0 if all(o.ok for o in outcomes) else 1
