"""Checking the links of the online services (C2.2) and keeping their dated history.

Each link is fetched (web_fetch: timeout, redirects followed and recorded, TLS verified); a page
answering 200 that says "not found" or hides the service behind a login is flagged by phrases the
administrator keeps in Settings (Arabic and French). Links are checked concurrently on a bounded
thread pool: a slow site costs its own timeout, not everyone's. Reading the history needs nothing
(the catalogue is public); running a check is an observation anyone signed in may make, audited.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import func, insert, select, update

from desktop_app.data.db import Database
from desktop_app.data.models import OnlineService, ServiceLinkCheck
from desktop_app.data.types import utcnow
from desktop_app.i18n import translate
from desktop_app.services import audit, web_fetch
from desktop_app.services import settings as settings_service
from desktop_app.services.permissions import Actor
from desktop_app.services.progress import Progress

MAX_WORKERS = 16  # concurrent fetches: enough for 200 links, gentle on one municipal server
_PASSWORD_FIELD = re.compile(r"""<input[^>]+type\s*=\s*["']?password""", re.IGNORECASE)


@dataclass(frozen=True)
class CheckRow:
    id: int
    service_id: int
    at: datetime
    url: str
    ok: bool
    status: int | None
    final_url: str
    redirects: str
    elapsed_ms: int | None
    problem: str
    detail: str


@dataclass
class LinkSummary:
    checked: int = 0
    ok: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)  # (name, sentence)
    cancelled: bool = False

    def as_json(self) -> dict[str, object]:
        return {"checked": self.checked, "ok": self.ok,
                "failures": [{"service": n, "message": m} for n, m in self.failures],
                "cancelled": self.cancelled}  # fmt: skip


def summary_sentence(summary: LinkSummary) -> str:
    return translate("eservices", "Links checked: {n}; working: {ok}; failing: {bad}.").format(
        n=summary.checked, ok=summary.ok, bad=len(summary.failures)
    )


def describe(check: CheckRow) -> str:
    """One line of history: the status and time, or why the link failed."""
    if check.ok:
        text = translate("eservices", "works ({status}, {ms} ms)").format(
            status=check.status, ms=check.elapsed_ms
        )
    else:
        text = web_fetch.problem_sentence(check.problem, check.status)
    if check.final_url and check.final_url != check.url:
        text += " → " + check.final_url
    return text


def phrases(value: str) -> list[str]:
    return [p.strip().lower() for p in str(value or "").split(";") if p.strip()]


def judge(fetched: web_fetch.Fetched, soft404: list[str], login: list[str]) -> tuple[bool, str]:
    """Whether the link works, and the problem code when it does not."""
    if not fetched.ok:
        return False, fetched.problem
    text = fetched.text().lower()
    if any(p in text for p in soft404):
        return False, "soft_404"
    if any(p in text for p in login) or _PASSWORD_FIELD.search(text):
        return False, "login"
    return True, ""


def check_one(
    url: str, soft404: list[str], login: list[str], timeout: float = web_fetch.TIMEOUT_S
) -> tuple[web_fetch.Fetched, bool, str]:
    fetched = web_fetch.fetch(url, timeout=timeout, max_bytes=512 * 1024)
    ok, problem = judge(fetched, soft404, login)
    return fetched, ok, problem


def check_links(db: Database, actor: Actor, progress: Progress | None = None, *,
                service_ids: list[int] | None = None, timeout: float = web_fetch.TIMEOUT_S,
                workers: int = MAX_WORKERS,
                fetch_one: Callable[..., tuple[web_fetch.Fetched, bool, str]] | None = None,
                ) -> LinkSummary:  # fmt: skip
    """Check every catalogued service in use (or those given); history rows and an audit entry.

    The database is touched only before and after the fetches, never during: a slow site does
    not hold a write lock.
    """
    with db.read() as s:
        values = settings_service.load_all(s)
        stmt = select(OnlineService.id, OnlineService.name_fr, OnlineService.name_ar,
                      OnlineService.url).where(OnlineService.withdrawn_at.is_(None))  # fmt: skip
        if service_ids is not None:
            stmt = stmt.where(OnlineService.id.in_(service_ids))
        targets = list(s.execute(stmt.order_by(OnlineService.id)).all())
    soft404 = phrases(values["services_soft404_phrases"])
    login = phrases(values["services_login_phrases"])
    one = fetch_one or check_one
    summary = LinkSummary()
    results: list[dict[str, object]] = []
    total = len(targets)
    if progress is not None:
        progress.report(0, total)
    with ThreadPoolExecutor(max_workers=max(1, min(workers, total or 1))) as pool:
        futures = {pool.submit(one, t.url, soft404, login, timeout): t for t in targets}
        for done, future in enumerate(as_completed(futures), start=1):
            t = futures[future]
            fetched, ok, problem = future.result()
            results.append({
                "service_id": t.id, "at": utcnow(), "url": t.url, "ok": ok,
                "status": fetched.status, "final_url": fetched.final_url,
                "redirects": "\n".join(f"{code} {to}" for code, to in fetched.redirects),
                "elapsed_ms": fetched.elapsed_ms, "problem": problem,
                "detail": "" if ok else web_fetch.problem_sentence(problem, fetched.status),
                "checked_by": actor.username,
            })  # fmt: skip
            summary.checked += 1
            if ok:
                summary.ok += 1
            else:
                summary.failures.append((t.name_fr or t.name_ar, web_fetch.problem_sentence(
                    problem, fetched.status)))  # fmt: skip
            if progress is not None:
                progress.report(done, total)
                if progress.cancelled():
                    summary.cancelled = True
                    for f in futures:
                        f.cancel()
                    break
    _store(db, actor, results, summary)
    return summary


def _store(db: Database, actor: Actor, results: list[dict[str, object]],
           summary: LinkSummary) -> None:  # fmt: skip
    if not results:
        return
    with db.write() as s:
        s.execute(insert(ServiceLinkCheck), results)
        for r in results:  # the latest result on the service, without bumping its version
            s.execute(update(OnlineService).where(OnlineService.id == r["service_id"])
                      .values(last_checked_at=r["at"], last_check_ok=r["ok"])
                      .execution_options(synchronize_session=False))  # fmt: skip
        audit.record(s, actor, "check", "online_service", "",
                     after={"checked": summary.checked, "ok": summary.ok})  # fmt: skip


def checks_due(db: Database, now: datetime | None = None) -> bool:
    """Whether the scheduled run should start: services in use, and no check within
    `services_check_hours` (the newest check of any service counts)."""
    now = now or utcnow()
    with db.read() as s:
        hours = int(settings_service.load_all(s)["services_check_hours"])
        in_use = s.scalar(select(OnlineService.id).where(OnlineService.withdrawn_at.is_(None))
                          .limit(1))  # fmt: skip
        if in_use is None:
            return False
        newest = s.scalar(select(func.max(ServiceLinkCheck.at)))
    return newest is None or newest < now - timedelta(hours=hours)


def history(db: Database, actor: Actor, service_id: int, limit: int = 50) -> list[CheckRow]:
    del actor  # the catalogue and its checks are public information
    with db.read() as s:
        rows = s.scalars(select(ServiceLinkCheck).where(ServiceLinkCheck.service_id == service_id)
                         .order_by(ServiceLinkCheck.at.desc(), ServiceLinkCheck.id.desc())
                         .limit(limit))  # fmt: skip
        return [CheckRow(r.id, r.service_id, r.at, r.url, r.ok, r.status, r.final_url,
                         r.redirects, r.elapsed_ms, r.problem, r.detail) for r in rows]  # fmt: skip
