"""The body's website held against the inventory (C2.4, C8.1) and the front-page address (C2.1).

The audit reads the pages named in Settings and a few levels of same-site links (bounded by page
count, depth and bytes per page), never runs a script, finds every phone number
(phonenumbers' PhoneNumberMatcher, region TN, Arabic-Indic digits made Latin first) and every
e-mail address, and compares them with the inventory and the published addresses. The result is
dated and kept; from it a supervisor confirms a line's "on website" in one click. It also records
how many clicks from the home page each catalogued online service is (C2.2's "easy to reach").
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from datetime import datetime
from html.parser import HTMLParser
from typing import Any
from urllib.parse import unquote, urldefrag, urljoin, urlsplit

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from desktop_app.data.db import Database
from desktop_app.data.models import OnlineService, PhoneLine, WebsiteAudit
from desktop_app.data.types import utcnow
from desktop_app.i18n import translate
from desktop_app.services import audit, phones, web_fetch
from desktop_app.services import settings as settings_service
from desktop_app.services.errors import UserError
from desktop_app.services.lines import WORKING_RESULTS
from desktop_app.services.permissions import Actor, Perm
from desktop_app.services.progress import Progress

MAX_DEPTH = 3  # the home page is 0; its links are one click away
MAX_PAGE_BYTES = 2 * 1024 * 1024
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}")
_SKIP = {"script", "style", "template", "noscript"}
# Links to documents and media are not pages: never downloaded by the crawl.
_NOT_PAGES = re.compile(r"\.(pdf|docx?|xlsx?|odt|zip|rar|jpe?g|png|gif|svg|mp4|mp3)$", re.I)


def published_addresses(session: Session) -> list[str]:
    """The addresses the body publishes (C2.1): its active published mailboxes, and the address
    given at first start (`public_email`) where no mailbox carries it."""
    from desktop_app.services.mail.probes import published_mailboxes

    found = [m.address.strip().lower() for m in published_mailboxes(session)]
    value = str(settings_service.load_all(session).get("public_email") or "").strip().lower()
    if value and value not in found:
        found.append(value)
    return found


class _Page(HTMLParser):
    """Text, links, tel: and mailto: of one page; scripts and styles are skipped, never run."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.text: list[str] = []
        self.tel: list[str] = []
        self.mail: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self._skip += 1
        href = dict(attrs).get("href") if tag in ("a", "area") else None
        if not href:
            return
        low = href.strip().lower()
        if low.startswith("tel:"):
            self.tel.append(unquote(href.strip()[4:]))
        elif low.startswith("mailto:"):
            self.mail.append(unquote(href.strip()[7:].split("?")[0]))
        else:
            self.links.append(href.strip())

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP and self._skip:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.text.append(data)


@dataclass
class Finding:
    number: str  # as stored in the inventory (E.164 or short)
    display: str
    status: str  # ok, unknown, retired, faulty, missing, unmarked
    line_id: int | None = None
    label: str = ""
    pages: list[str] = field(default_factory=list)
    written: list[str] = field(default_factory=list)  # how the site wrote it


@dataclass
class AuditResult:
    id: int | None
    at: datetime
    url: str
    ok: bool
    error: str = ""
    pages: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (url, sentence)
    findings: list[Finding] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)
    published: list[str] = field(default_factory=list)
    email_on_front_page: bool | None = None  # C2.1; None when nothing is published
    service_clicks: dict[str, int] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        out = asdict(self)
        out["at"] = self.at.isoformat()
        return out

    def by_status(self, status: str) -> list[Finding]:
        return [f for f in self.findings if f.status == status]


def status_label(status: str) -> str:
    return {
        "ok": translate("website", "Shown, in the inventory"),
        "unknown": translate("website", "On the site, not in the inventory"),
        "retired": translate("website", "On the site, but the line is retired"),
        "faulty": translate("website", "On the site, but the line is faulty"),
        "missing": translate("website", "Marked “on website”, not found on the site"),
        "unmarked": translate("website", "Shown on the site, not marked “on website”"),
    }.get(status, status)


# -- crawling -------------------------------------------------------------------------------------
def _same_site(url: str, host: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and (parts.hostname or "") == host


def _crawl(home: str, extra: list[str], max_pages: int, progress: Progress | None,
           result: AuditResult) -> tuple[dict[str, _Page], dict[str, int]]:  # fmt: skip
    host = urlsplit(home).hostname or ""
    queue: list[tuple[str, int]] = [(home, 0)] + [(u, 1) for u in extra]
    depth: dict[str, int] = {}
    pages: dict[str, _Page] = {}
    link_depth: dict[str, int] = {}  # every link seen → the fewest clicks from home
    while queue and len(pages) < max_pages:
        url, d = queue.pop(0)
        url = urldefrag(url)[0]
        if url in depth:
            continue
        depth[url] = d
        got = web_fetch.fetch(url, max_bytes=MAX_PAGE_BYTES)
        if progress is not None:
            progress.report(len(pages), max_pages)
            if progress.cancelled():
                break
        if not got.ok or got.problem == "too_large":
            result.skipped.append((url, got.sentence))
            if url == home:
                return pages, link_depth
            continue
        if got.content_type and "html" not in got.content_type and "text" not in got.content_type:
            continue
        page = _Page()
        try:
            page.feed(got.text())
            page.close()
        except Exception:  # noqa: BLE001 - html.parser may choke on a broken page: skip it, go on
            result.skipped.append(
                (url, translate("website", "The page could not be read as HTML."))
            )
            continue
        pages[url] = page
        result.pages.append(url)
        for href in page.links:
            target = urldefrag(urljoin(got.final_url or url, href))[0]
            link_depth[target] = min(link_depth.get(target, 99), d + 1)
            if (d + 1 <= MAX_DEPTH and _same_site(target, host) and target not in depth
                    and not _NOT_PAGES.search(urlsplit(target).path)):  # fmt: skip
                queue.append((target, d + 1))
    return pages, link_depth


def _numbers(page: _Page) -> dict[str, str]:
    """E.164 → how the page wrote it; tel: links included."""
    import phonenumbers

    text = " ".join(page.text).translate(_DIGITS)
    found: dict[str, str] = {}
    for match in phonenumbers.PhoneNumberMatcher(text, "TN"):
        e164 = phonenumbers.format_number(match.number, phonenumbers.PhoneNumberFormat.E164)
        found.setdefault(e164, match.raw_string)
    for tel in page.tel:
        try:
            found.setdefault(phones.normalise(tel.translate(_DIGITS)).number, tel)
        except UserError:
            continue
    return found


# -- the audit ------------------------------------------------------------------------------------
def audit_website(db: Database, actor: Actor, progress: Progress | None = None, *,
                  url: str | None = None) -> AuditResult:  # fmt: skip
    """Read the site, compare, keep the dated result; a site that is down is one sentence."""
    with db.read() as s:
        values = settings_service.load_all(s)
        published = published_addresses(s)
        lines = list(s.execute(select(PhoneLine.id, PhoneLine.number, PhoneLine.label,
                                      PhoneLine.status, PhoneLine.on_website,
                                      PhoneLine.last_check_result)).all())  # fmt: skip
        services = list(s.execute(select(OnlineService.id, OnlineService.url)
                                  .where(OnlineService.withdrawn_at.is_(None))).all())  # fmt: skip
    home = (url or values["website_url"] or "").strip()
    if not home:
        raise UserError(translate("website", "Give the website's address in Settings first."))
    result = AuditResult(None, utcnow(), home, ok=True, published=published)
    parts = urlsplit(home)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        result.ok = False
        result.error = translate("website", "“{url}” is not a web address (http:// or https://).")\
            .format(url=home[:200])  # fmt: skip
    else:
        extra = [u for u in str(values["website_pages"]).split() if u]
        pages, link_depth = _crawl(home, extra, int(values["website_max_pages"]), progress, result)
        if home not in pages and urldefrag(home)[0] not in pages:
            result.ok = False
            reason = result.skipped[0][1] if result.skipped else ""
            result.error = translate("website", "The website {url} cannot be read: {reason}")\
                .format(url=home, reason=reason)  # fmt: skip
        else:
            _compare(result, pages, lines, published, home)
            for sid, surl in services:
                clicks = link_depth.get(urldefrag(surl)[0])
                if clicks is not None:
                    result.service_clicks[str(sid)] = clicks
    _store(db, actor, result, [sid for sid, _ in services])
    return result


def _compare(result: AuditResult, pages: dict[str, _Page], lines: list[Any],
             published: list[str], home: str) -> None:  # fmt: skip
    seen: dict[str, Finding] = {}
    emails: set[str] = set()
    for page_url, page in pages.items():
        text = " ".join(page.text)
        for number, written in _numbers(page).items():
            f = seen.setdefault(number, Finding(number, phones.display_number(number), "unknown"))
            f.pages.append(page_url)
            if written not in f.written:
                f.written.append(written)
        for line in lines:  # short numbers (1899) are not found by the matcher: look for them
            if not line.number.startswith("+") and re.search(
                rf"(?<!\d){re.escape(line.number)}(?!\d)", text.translate(_DIGITS)
            ):
                f = seen.setdefault(line.number, Finding(line.number, line.number, "unknown"))
                f.pages.append(page_url)
        found = {e.lower().strip(".") for e in _EMAIL.findall(text) + page.mail}
        emails |= found
        if page_url == urldefrag(home)[0]:
            result.email_on_front_page = all(p in found for p in published) if published else None
    by_number = {line.number: line for line in lines}
    for number, f in seen.items():
        line = by_number.get(number)
        if line is None:
            continue
        f.line_id, f.label = line.id, line.label
        if line.status == "retired":
            f.status = "retired"
        elif line.status in ("faulty", "out_of_service") or (
            line.last_check_result is not None and line.last_check_result not in WORKING_RESULTS
        ):
            f.status = "faulty"
        elif not line.on_website:
            f.status = "unmarked"
        else:
            f.status = "ok"
    missing = [
        Finding(line.number, phones.display_number(line.number), "missing", line.id, line.label)
        for line in lines
        if line.on_website and line.status != "retired" and line.number not in seen
    ]
    order = {"unknown": 0, "retired": 1, "faulty": 2, "missing": 3, "unmarked": 4, "ok": 5}
    result.findings = sorted([*seen.values(), *missing], key=lambda f: (order[f.status], f.number))
    result.emails = sorted(emails)


def _store(db: Database, actor: Actor, result: AuditResult, service_ids: list[int]) -> None:
    with db.write() as s:
        row = WebsiteAudit(
            at=result.at, url=result.url, ok=result.ok, pages=len(result.pages),
            error=result.error, audited_by=actor.username,
            result_json=json.dumps(result.as_json(), ensure_ascii=False),
        )  # fmt: skip
        s.add(row)
        s.flush()
        result.id = row.id
        if result.ok:  # reachability, repeated on each service without bumping its version
            for sid in service_ids:
                s.execute(update(OnlineService).where(OnlineService.id == sid)
                          .values(clicks_from_home=result.service_clicks.get(str(sid)))
                          .execution_options(synchronize_session=False))  # fmt: skip
        summary = {"url": result.url, "ok": result.ok, "pages": len(result.pages)}
        audit.record(s, actor, "check", "website", row.id, after=summary)


def _load(row: WebsiteAudit) -> AuditResult:
    data = json.loads(row.result_json or "{}")
    findings = [Finding(**f) for f in data.get("findings", [])]
    return AuditResult(
        row.id, row.at, row.url, row.ok, row.error, data.get("pages", []),
        [tuple(x) for x in data.get("skipped", [])], findings, data.get("emails", []),
        data.get("published", []), data.get("email_on_front_page"),
        data.get("service_clicks", {}),
    )  # fmt: skip


def latest_audit(db: Database, actor: Actor) -> AuditResult | None:
    del actor  # what the public website shows is public
    with db.read() as s:
        newest = WebsiteAudit.at.desc(), WebsiteAudit.id.desc()
        row = s.scalars(select(WebsiteAudit).order_by(*newest).limit(1)).first()
        return _load(row) if row is not None else None


def confirm_on_website(db: Database, actor: Actor, audit_id: int, line_id: int) -> None:
    """One click (C8.1): the audit showed the line on the site, so mark it published there."""
    actor.require(Perm.EDIT_LINES)
    with db.write() as s:
        row = s.get(WebsiteAudit, audit_id)
        line = s.get(PhoneLine, line_id)
        if row is None or line is None:
            raise UserError(translate("website", "This audit or line no longer exists."))
        shown = {f.line_id for f in _load(row).findings if f.status != "missing"}
        if line_id not in shown:
            raise UserError(translate("website", "That audit did not find this line on the site."))
        if not line.on_website:
            line.on_website = True
            s.flush()
            audit.record(s, actor, "update", "phone_line", line.id, before={"on_website": False},
                         after={"on_website": True, "website_audit": audit_id})  # fmt: skip


def report_lines(result: AuditResult) -> list[str]:
    """The human summary the command line prints."""
    if not result.ok:
        return []
    out = [translate("website", "Pages read: {n}.").format(n=len(result.pages))]
    for f in result.findings:
        if f.status != "ok":
            label = f" ({f.label})" if f.label else ""
            out.append(f"{f.display}{label}: {status_label(f.status)}")
    if result.email_on_front_page is True:
        out.append(translate("website", "The published e-mail address is on the front page."))
    elif result.email_on_front_page is False:
        out.append(translate("website", "The published e-mail address is NOT on the front page "
                                        "(C2.1)."))  # fmt: skip
    for u, sentence in result.skipped:
        out.append(f"{u}: {sentence}")
    return out
