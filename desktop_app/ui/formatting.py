"""Dates, times and numbers shown in the chosen language, always in Africa/Tunis time."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from datetime import date, datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QDateTime, QLocale, Qt, QTime
from PySide6.QtGui import QGuiApplication

from desktop_app.i18n import isolate, isolate_latin
from desktop_app.services import numbers

# The first letter that decides a text's direction: Latin, or Hebrew/Arabic and beyond.
_FIRST_STRONG = re.compile(r"[A-Za-z\u00C0-\u024F\u0590-\u08FF]")
_ISOLATED = re.compile(r"[\u2066-\u2069]")

TUNIS = ZoneInfo("Africa/Tunis")


def local(dt: datetime) -> datetime:
    return dt.astimezone(TUNIS)


def format_datetime(dt: datetime | None) -> str:
    """dd/MM/yyyy HH:mm in every language: what Tunisian forms write, and no RTL marks inside."""
    if dt is None:
        return ""
    d = local(dt)
    qdt = QDateTime(QDate(d.year, d.month, d.day), QTime(d.hour, d.minute, d.second))
    return QLocale().toString(qdt, "dd/MM/yyyy HH:mm")


def plain_tooltip(text: str) -> str:
    """A citizen's words as a tooltip, literally: Qt guesses rich text in tooltips, so the text
    is escaped inside a paragraph that keeps its line breaks and spaces (issue 4)."""
    if not text:
        return ""
    return f"<p style='white-space:pre-wrap'>{html.escape(text)}</p>"


def format_list(items: Sequence[str]) -> str:
    """A short list as the language writes it ("الموقع والمعلقات", "site web et affiches"):
    Qt's locale data knows each language's separators, where a Latin comma looks wrong in Arabic."""
    return QLocale().createSeparatedList(items)


def format_date(d: date | None) -> str:
    if d is None:
        return ""
    return QLocale().toString(QDate(d.year, d.month, d.day), "dd/MM/yyyy")


def window_language() -> str:
    """The window's language, from the locale install_language set."""
    language = QLocale().language()
    if language == QLocale.Language.Arabic:
        return "ar"
    return "fr" if language == QLocale.Language.French else "en"


def format_number(value: float | int | None, decimals: int = 0) -> str:
    """In the window's language, through the one number format the workbook and PDF use too."""
    return numbers.format_number(value, window_language(), decimals)


def bidi_text(text: str) -> str:
    """Text for the window: in right-to-left, its Latin runs isolated (i18n.isolate_latin); in
    left-to-right, an Arabic text isolated whole, so an Arabic comment in a French table keeps
    its full stop on its own side (issue 14.6)."""
    if QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft:
        return isolate_latin(text)
    first = _FIRST_STRONG.search(text) if text else None
    if first is not None and first.group(0) >= "\u0590" and not _ISOLATED.search(text):
        return isolate(text)
    return text


def ltr(text: str) -> str:
    """Keep a number or a path left-to-right inside Arabic text (+216… would show as …216+)."""
    return f"\u2066{text}\u2069" if text else text


def format_phone(number: str) -> str:
    """An inventory number as people read it (`71 563 500`, `1899`), isolated left-to-right."""
    from desktop_app.services.phones import display_number

    return ltr(display_number(number)) if number else ""
