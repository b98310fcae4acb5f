"""Numbers as each language writes them: one format for window, workbook text and PDF."""

from __future__ import annotations

from PySide6.QtCore import QLocale

from desktop_app.i18n import LOCALE_NAMES, normalise_language


def number_locale(lang: str) -> QLocale:
    """Qt's locale data for the language (ar_TN: 4.633 and 59,0; fr_TN: 4 633 and 59,0), built
    for that language explicitly: a report in French from an Arabic window is French throughout,
    and the window's default locale never leaks in (issue 14.5)."""
    return QLocale(LOCALE_NAMES[normalise_language(lang)])


def format_number(value: float | int | None, lang: str, decimals: int = 0) -> str:
    """A figure with the language's digit groups and decimal mark; "—" for no value. A whole
    number is written without decimals when `decimals` is 0."""
    if value is None:
        return "—"
    locale = number_locale(lang)
    if decimals == 0:
        return locale.toString(round(float(value)))
    return locale.toString(float(value), "f", decimals)
