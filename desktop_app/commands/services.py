"""`istiqbal services check`, `website audit`, `directory` (CONTRACTS.md §1; C2.2, C2.4, C8.1)."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop_app.commands.context import CliContext
from desktop_app.i18n import translate


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("services", help="the online-services catalogue (C2.2)")
    services_sub = parser.add_subparsers(
        dest="services_command", metavar="ACTION", required=True, parser_class=type(parser)
    )
    check = services_sub.add_parser("check", help="check every catalogued service's link")
    check.add_argument("--json", action="store_true", help="print one JSON object")
    check.set_defaults(func=run_check)

    web = sub.add_parser("website", help="the body's website against the inventory (C2.4, C8.1)")
    web_sub = web.add_subparsers(
        dest="website_command", metavar="ACTION", required=True, parser_class=type(parser)
    )
    aud = web_sub.add_parser("audit", help="numbers and addresses the website shows")
    aud.add_argument("--url", help="the home page (default: the website_url setting)")
    aud.add_argument("--json", action="store_true", help="print one JSON object")
    aud.set_defaults(func=run_audit)

    dire = sub.add_parser("directory", help="the public directory: poster, web fragment, footer")
    dire.add_argument("--out", type=Path, required=True, metavar="FILE.pdf|FILE.html")
    dire.set_defaults(func=run_directory, needs_gui=True)


def run_check(ctx: CliContext) -> int:
    from desktop_app.services import service_links

    summary = service_links.check_links(ctx.db, ctx.actor)
    if ctx.args.json:
        ctx.json(summary.as_json())
    else:
        for name, sentence in summary.failures:
            ctx.err(f"{name}: {sentence}")
        ctx.out(service_links.summary_sentence(summary))
    return 0


def run_audit(ctx: CliContext) -> int:
    from desktop_app.services import website

    result = website.audit_website(ctx.db, ctx.actor, url=ctx.args.url)
    if ctx.args.json:
        ctx.json(result.as_json())
    else:
        for line in website.report_lines(result):
            ctx.out(line)
    if not result.ok:
        ctx.err(result.error)
        return 1
    return 0


def run_directory(ctx: CliContext) -> int:
    from desktop_app.services import directory

    out: Path = ctx.args.out
    from desktop_app.services import settings

    lang = getattr(ctx.args, "lang", None) or settings.get(ctx.db, "default_language")
    lang = lang if lang in ("ar", "fr") else "fr"
    data = directory.collect(ctx.db, ctx.actor, lang=lang)
    directory.write(data, out)
    ctx.out(translate("cli", "Directory written to {file}. Lines: {n}; left out: {m}.").format(
        file=out, n=len(data.lines), m=len(data.left_out)))  # fmt: skip
    for item in data.left_out:
        ctx.err(f"{item.display} — {item.label}: {item.reason}")
    return 0
