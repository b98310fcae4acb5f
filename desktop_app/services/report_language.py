"""Translating a report into a language other than the window's, for the time of its making.

Labels, sections and sentences call translate() like everything else; here a translator for the
report's language is installed on top (Qt asks the most recent translator first) and removed after.
English gets an identity translator so that the window's Arabic or French does not answer instead.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from PySide6.QtCore import QCoreApplication, QTranslator

from desktop_app.i18n import normalise_language
from desktop_app.resources import resource_path


class _SourceText(QTranslator):
    """Answers every lookup with the English source text."""

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str:  # fmt: skip
        return source

    def isEmpty(self) -> bool:  # noqa: N802 - Qt's name
        return False


# The language of the report this thread is making: names the body keeps in Arabic and French
# (C8.6 categories, services/user_categories.py) follow the report, not the window.
_making: ContextVar[str | None] = ContextVar("report_language", default=None)


def active() -> str | None:
    """The language of the report being made, or None outside one."""
    return _making.get()


@contextmanager
def report_language(lang: str) -> Iterator[str]:
    lang = normalise_language(lang)
    token = _making.set(lang)
    try:
        with _installed(lang):
            yield lang
    finally:
        _making.reset(token)


@contextmanager
def _installed(lang: str) -> Iterator[None]:
    app = QCoreApplication.instance()
    if app is None:
        yield
        return
    translator: QTranslator = _SourceText()
    if lang != "en":
        translator = QTranslator()
        if not translator.load(str(resource_path("i18n", f"istiqbal_{lang}.qm"))):
            translator = _SourceText()
    app.installTranslator(translator)
    try:
        yield
    finally:
        app.removeTranslator(translator)
