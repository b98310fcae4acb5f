"""Translating a report into a language other than the window's, for the time of its making.

Labels, sections and sentences call translate() like everything else; here a translator for the
report's language is installed on top (Qt asks the most recent translator first) and removed after.
English gets an identity translator so that the window's Arabic or French does not answer instead.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

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


@contextmanager
def report_language(lang: str) -> Iterator[str]:
    lang = normalise_language(lang)
    app = QCoreApplication.instance()
    if app is None:
        yield lang
        return
    translator: QTranslator = _SourceText()
    if lang != "en":
        translator = QTranslator()
        if not translator.load(str(resource_path("i18n", f"istiqbal_{lang}.qm"))):
            translator = _SourceText()
    app.installTranslator(translator)
    try:
        yield lang
    finally:
        app.removeTranslator(translator)
