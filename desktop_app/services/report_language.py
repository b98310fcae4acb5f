"""Making something in a language other than the window's: its own translator, for this thread.

Labels, sections and sentences call translate(); within `report_language(lang)` the calls made in
this thread answer from a `Translator` of that language (desktop_app/i18n.py) which is never
installed on the application, so a report made in Arabic in the background leaves the French
window's texts, translators and default locale as they were.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from desktop_app.i18n import Translator, speaking


@contextmanager
def report_language(lang: str | Translator) -> Iterator[str]:
    """Yields the normalised language code; `lang` may be a ready Translator."""
    translator = lang if isinstance(lang, Translator) else Translator(lang)
    with speaking(translator):
        yield translator.lang
