"""The public directory from verified data only (C8.1, C2.4, C2.1, C2.2): an A4 poster (PDF), an
HTML fragment for the website's front page, and the text of letter footers.

Only active lines whose latest check (within 30 days) found them working, the proven published
address, and catalogued services whose latest link check worked go out; every line left out is
listed with why. The poster is laid out by Qt's own text engine (QtGui only: QTextDocument and
QPdfWriter), which shapes Arabic and lays it right to left; the QR code comes from segno.
The poster's words are in the language asked for (`lang`), whatever the window's language.
"""

from __future__ import annotations

import html
import io
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import select

from desktop_app.data.db import Database
from desktop_app.data.models import OnlineService, PhoneLine
from desktop_app.data.types import utcnow
from desktop_app.i18n import translate
from desktop_app.services import office_hours, phones, website
from desktop_app.services import settings as settings_service
from desktop_app.services.errors import UserError
from desktop_app.services.lines import WORKING_RESULTS
from desktop_app.services.periods import local_date
from desktop_app.services.permissions import Actor

FRESH_DAYS = 30
_ARABIC = re.compile(r"[\u0600-\u06ff]")
_WORDS = {
    "ar": {"title": "دليل الاتصال", "numbers": "أرقام الهاتف", "green": "الرقم الأخضر (مجاني)",
           "email": "البريد الإلكتروني", "services": "الخدمات عن بعد", "hours": "أوقات العمل",
           "website": "الموقع الإلكتروني", "other": "أرقام أخرى", "fax": "فاكس",
           "checked": "أرقام تم التثبت منها في"},
    "fr": {"title": "Annuaire", "numbers": "Numéros de téléphone", "green": "Numéro vert (gratuit)",
           "email": "Courrier électronique", "services": "Services en ligne",
           "hours": "Horaires d'ouverture", "website": "Site web", "other": "Autres numéros",
           "fax": "Fax", "checked": "Numéros vérifiés le"},
}  # fmt: skip


@dataclass(frozen=True)
class DirLine:
    display: str
    label: str
    department: str
    kind: str


@dataclass(frozen=True)
class LeftOut:
    display: str
    label: str
    reason: str


@dataclass
class DirectoryData:
    lang: str
    body_name: str
    made_on: datetime
    website: str = ""
    emails: list[str] = field(default_factory=list)
    hours: str = ""
    green: list[DirLine] = field(default_factory=list)
    lines: list[DirLine] = field(default_factory=list)
    services: list[tuple[str, str]] = field(default_factory=list)  # (name, url)
    left_out: list[LeftOut] = field(default_factory=list)


def proven_addresses(db: Database) -> list[str]:
    """Published addresses a probe proved in the last 30 days (C2.1): the poster shows only
    those. A body with no mailbox configured yet keeps its published `public_email`."""
    from desktop_app.services.mail.probes import proven_addresses as proven
    from desktop_app.services.mail.probes import published_mailboxes

    with db.read() as s:
        if published_mailboxes(s):
            return proven(s, utcnow())
        return website.published_addresses(s)


def _label(label: str, lang: str) -> str:
    """Demo and imported labels are often "Français / عربي": keep the reader's half."""
    parts = [p.strip() for p in label.split(" / ") if p.strip()]
    if len(parts) < 2:
        return label
    arabic = [p for p in parts if _ARABIC.search(p)]
    latin = [p for p in parts if not _ARABIC.search(p)]
    return (arabic or latin)[0] if lang == "ar" else (latin or arabic)[0]


def left_out_reason(status: str, checked_at: datetime | None, result: str | None,
                    now: datetime) -> str:  # fmt: skip
    if status == "retired":
        return translate("directory", "retired")
    if status in ("faulty", "out_of_service") or (result is not None
                                                  and result not in WORKING_RESULTS):  # fmt: skip
        return translate("directory", "faulty at its latest check")
    if checked_at is None or checked_at < now - timedelta(days=FRESH_DAYS):
        return translate("directory", "not checked in 30 days")
    return ""


def collect(db: Database, actor: Actor, *, lang: str = "fr", now: datetime | None = None
            ) -> DirectoryData:  # fmt: skip
    """Everyone signed in may print the public directory: it holds public facts only."""
    del actor
    if lang not in ("ar", "fr"):
        raise UserError(translate("directory", "The directory is made in Arabic or French."))
    now = now or utcnow()
    with db.read() as s:
        values = settings_service.load_all(s)
        body = values["body_name_ar"] if lang == "ar" else values["body_name_fr"]
        data = DirectoryData(lang, body or values["body_name_fr"] or values["body_name_ar"], now,
                             website=str(values["website_url"] or ""))  # fmt: skip
        calendar = office_hours.load(s)
        day = local_date(now)
        sessions = office_hours.sessions_on(calendar, day)
        for _ in range(7):  # today may be a Sunday or a holiday: show the next working day
            if sessions:
                break
            day += timedelta(days=1)
            sessions = office_hours.sessions_on(calendar, day)
        data.hours = ", ".join(f"{a:%H:%M}–{b:%H:%M}" for a, b in sessions)
        for line in s.scalars(select(PhoneLine).order_by(PhoneLine.department, PhoneLine.number)):
            label = _label(line.label, lang)
            reason = left_out_reason(line.status, line.last_checked_at, line.last_check_result,
                                     now)  # fmt: skip
            display = phones.display_number(line.number)
            if reason:
                data.left_out.append(LeftOut(display, label, reason))
                continue
            item = DirLine(display, label, line.department, line.kind)
            (data.green if line.kind == "green" else data.lines).append(item)
        for svc in s.scalars(select(OnlineService).where(OnlineService.withdrawn_at.is_(None),
                                                         OnlineService.last_check_ok.is_(True))
                             .order_by(OnlineService.name_fr)):  # fmt: skip
            name = (svc.name_ar or svc.name_fr) if lang == "ar" else (svc.name_fr or svc.name_ar)
            data.services.append((name, svc.url))
    data.emails = proven_addresses(db)
    return data


# -- outputs -------------------------------------------------------------------------------------
def footer_text(data: DirectoryData) -> str:
    """One or two lines for the foot of letters and documents (C8.1: every means)."""
    w = _WORDS[data.lang]
    main = [ln.display for ln in data.lines if ln.kind == "switchboard"][:1] or [
        ln.display for ln in data.lines][:1]  # fmt: skip
    rtl = data.lang == "ar"
    parts = [data.body_name]
    parts += [f"☎ {_ltr(main[0], rtl)}"] if main else []
    parts += [f"{w['green']} {_ltr(g.display, rtl)}" for g in data.green[:1]]
    parts += [f"✉ {_ltr(e, rtl)}" for e in data.emails[:1]]
    parts += [_ltr(data.website, rtl)] if data.website else []
    return " — ".join(p for p in parts if p)


def html_fragment(data: DirectoryData) -> str:
    """For the website's front page; every value is escaped, nothing can inject markup."""
    w, e = _WORDS[data.lang], html.escape
    direction = "rtl" if data.lang == "ar" else "ltr"
    out = [f'<section class="istiqbal-directory" dir="{direction}" lang="{data.lang}">',
           f"<h2>{e(data.body_name)} — {e(w['title'])}</h2>"]  # fmt: skip
    if data.hours:
        out.append(f"<p>{e(w['hours'])} : {e(data.hours)}</p>")
    for g in data.green:
        out.append(f'<p><strong>{e(w["green"])} : <a href="tel:{e(_tel(g.display))}">'
                   f'<bdi dir="ltr">{e(g.display)}</bdi></a></strong></p>')  # fmt: skip
    out.append(f"<h3>{e(w['numbers'])}</h3><ul>")
    for ln in data.lines:
        out.append(f'<li>{e(ln.label or ln.department)} : <a href="tel:{e(_tel(ln.display))}">'
                   f'<bdi dir="ltr">{e(ln.display)}</bdi></a></li>')  # fmt: skip
    out.append("</ul>")
    for addr in data.emails:
        out.append(f'<p>{e(w["email"])} : <a href="mailto:{e(addr)}" dir="ltr">{e(addr)}</a></p>')
    if data.services:
        out.append(f"<h3>{e(w['services'])}</h3><ul>")
        for name, url in data.services:
            out.append(f'<li><a href="{e(url)}">{e(name)}</a></li>')
        out.append("</ul>")
    out.append("</section>")
    return "\n".join(out) + "\n"


def _tel(display: str) -> str:
    digits = re.sub(r"[^\d+]", "", display)
    return digits if digits.startswith("+") or len(digits) <= 5 else "+216" + digits


def qr_png(url: str) -> bytes:
    import segno

    buf = io.BytesIO()
    segno.make(url, error="m").save(buf, kind="png", scale=10, border=2)
    return buf.getvalue()


def _ltr(text: str, rtl: bool) -> str:
    """Numbers keep their left-to-right group order inside Arabic text (otherwise the bidi
    algorithm shows 71 563 500 as 500 563 71): a left-to-right embedding around them, then a
    right-to-left mark so the " — " after it stays with the Arabic (without it the footer read
    "☎ http://… — contact@… ✉ — 71 774 500", all values joined into one left-to-right run)."""
    return f"\u202a{text}\u202c\u200f" if rtl else text


def _poster_html(data: DirectoryData) -> str:
    rtl = data.lang == "ar"
    w = _WORDS[data.lang]

    def e(text: str) -> str:
        return html.escape(text)

    def n(text: str) -> str:
        return html.escape(_ltr(text, rtl))

    align = "right" if rtl else "left"
    made = local_date(data.made_on).strftime("%d/%m/%Y")
    rows = []
    for ln in data.lines:
        cells = [f'<td style="padding:1px 8px"><b>{n(ln.display)}</b></td>',
                 f'<td style="padding:1px 8px">{e(ln.label or ln.department)}</td>']  # fmt: skip
        rows.append("<tr>" + "".join(reversed(cells) if rtl else cells) + "</tr>")
    green = "".join(f'<p align="center" style="font-size:18pt; color:#0a7a2f"><b>{e(w["green"])}'
                    f" : {n(g.display)}</b></p>" for g in data.green)  # fmt: skip
    services = "".join(f"<li>{e(n)}</li>" for n, _ in data.services)
    mails = "".join(f'<p align="center" style="font-size:12pt">{e(w["email"])} : {n(m)}</p>'
                    for m in data.emails)  # fmt: skip
    return (
        f'<html><body dir="{"rtl" if rtl else "ltr"}" style="font-size:10pt">'
        f'<h1 align="center" style="font-size:22pt">{e(data.body_name)}</h1>'
        f'<p align="center" style="font-size:14pt">{e(w["title"])}</p>{green}'
        f'<h2 align="{align}">{e(w["numbers"])}</h2>'
        f'<table align="center" border="0" cellspacing="0" width="100%">{"".join(rows)}</table>'
        f'<p align="{align}">{e(w["hours"])} : {n(data.hours)}</p>{mails}'
        + (f'<h2 align="{align}">{e(w["services"])}</h2><ul>{services}</ul>' if services else "")
        + (f'<p align="center"><img src="qr.png" width="120" height="120"></p>'
           f'<p align="center">{e(w["website"])} : {n(data.website)}</p>' if data.website else "")
        + f'<p align="center" style="font-size:9pt; color:#666">{e(w["checked"])} {n(made)}</p>'
        "</body></html>"
    )  # fmt: skip


def render_pdf(data: DirectoryData, path: Path) -> None:
    """An A4 poster; needs a QGuiApplication (the command line makes one, without widgets)."""
    from PySide6.QtCore import QMarginsF, Qt, QUrl
    from PySide6.QtGui import (
        QImage,
        QPageLayout,
        QPageSize,
        QPdfWriter,
        QTextDocument,
        QTextOption,
    )

    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter)
    writer.setTitle(f"{data.body_name} — {_WORDS[data.lang]['title']}")
    writer.setCreator("Istiqbal")
    doc = QTextDocument()
    option = QTextOption()
    option.setTextDirection(Qt.LayoutDirection.RightToLeft if data.lang == "ar"
                            else Qt.LayoutDirection.LeftToRight)  # fmt: skip
    doc.setDefaultTextOption(option)
    if data.website:
        image = QImage.fromData(qr_png(data.website))
        doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl("qr.png"), image)
    doc.setHtml(_poster_html(data))
    doc.print_(writer)


def write(data: DirectoryData, path: Path) -> str:
    """By the file's extension: .pdf poster, .html fragment, .txt footer text; returns the kind."""
    suffix = path.suffix.lower()
    if suffix in (".pdf", ".html", ".htm", ".txt") and not path.parent.is_dir():
        # Checked first: Qt's PDF writer only printed "QPainter::begin(): Returned false".
        raise UserError(translate(
            "directory", "The folder {folder} does not exist; choose another folder."
        ).format(folder=path.parent))  # fmt: skip
    try:
        if suffix == ".pdf":
            render_pdf(data, path)
            if not path.exists() or path.stat().st_size == 0:
                raise OSError(str(path))
            return "pdf"
        if suffix in (".html", ".htm"):
            path.write_text(html_fragment(data), encoding="utf-8")
            return "html"
        if suffix == ".txt":
            path.write_text(footer_text(data) + "\n", encoding="utf-8")
            return "txt"
    except OSError as exc:
        raise UserError(translate("directory", "Cannot write {file}: {reason}").format(
            file=path, reason=exc.strerror or exc)) from exc  # fmt: skip
    raise UserError(translate("directory", "Write the directory to a .pdf, .html or .txt file."))
