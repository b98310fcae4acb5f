"""Interface languages: translators (QtCore only), locales, and which ones run right-to-left.

Services and the command line translate through `translate()` (lupdate reads its calls like
QCoreApplication.translate's); widgets use `self.tr()`. Language is a parameter: work made for
another language than the window's (a report in Arabic from the French window) holds its own
`Translator` and runs under `speaking(translator)`, which answers `translate()` in that thread
only; nothing swaps the application's translators or its default locale while the window runs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desktop_app.resources import resource_path

LANGUAGES: tuple[str, ...] = ("ar", "fr", "en")
# ar_TN, not ar: Latin digits and the Maghreb month names Tunisian administrations write
# (plain "ar" is Egypt, with Arabic-Indic digits). DESIGN.md, known traps.
LOCALE_NAMES = {"ar": "ar_TN", "fr": "fr_TN", "en": "en_GB"}
RIGHT_TO_LEFT = frozenset({"ar"})
DEFAULT_LANGUAGE = "ar"

_installed: list[QTranslator] = []
_installed_language: list[str] = []  # the language install_language() gave the application


class Translator:
    """The texts of one language, held apart from the application: a QTranslator of its own,
    loaded and never installed, so making something in this language changes no one else's.

    Needs no QCoreApplication (services and exchange are tested without one). English, or a
    language whose catalogue is missing, answers with the source text.
    """

    def __init__(self, lang: str) -> None:
        self.lang = normalise_language(lang)
        self._qt: QTranslator | None = None
        if self.lang != "en":
            qt = QTranslator()
            if qt.load(str(resource_path("i18n", f"istiqbal_{self.lang}.qm"))):
                self._qt = qt

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        text = (
            source
            if self._qt is None
            else (self._qt.translate(context, source, disambiguation, n) or source)
        )
        # QTranslator, unlike QCoreApplication.translate, leaves "%n" to its caller.
        if n < 0:
            return text
        return text.replace("%Ln", locale_for(self.lang).toString(n)).replace("%n", str(n))

    def __repr__(self) -> str:
        return f"Translator({self.lang!r})"


# The translator the current thread (or task) works in; unset: the application's language.
_speaking: ContextVar[Translator | None] = ContextVar("istiqbal_translator", default=None)


@contextmanager
def speaking(translator: Translator) -> Iterator[Translator]:
    """Within the block, `translate()` and `current_language()` in this thread answer in the
    translator's language. A worker thread's setting is invisible to the GUI thread."""
    token = _speaking.set(translator)
    try:
        yield translator
    finally:
        _speaking.reset(token)


def translate(context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:
    """`source` in the language of the work under way: the thread's `speaking()` translator,
    else the application's installed language (QCoreApplication.translate)."""
    active = _speaking.get()
    if active is not None:
        return active.translate(context, source, disambiguation, n)
    return QCoreApplication.translate(context, source, disambiguation, n)


def current_language() -> str:
    """The language `translate()` answers in here: the thread's translator's, else the one
    installed for the application, else the default locale's."""
    active = _speaking.get()
    if active is not None:
        return active.lang
    if _installed_language:
        return _installed_language[-1]
    language = QLocale().language()
    if language == QLocale.Language.Arabic:
        return "ar"
    return "fr" if language == QLocale.Language.French else "en"


def normalise_language(lang: str | None) -> str:
    if lang and lang[:2].lower() in LANGUAGES:
        return lang[:2].lower()
    return DEFAULT_LANGUAGE


def is_rtl(lang: str) -> bool:
    return normalise_language(lang) in RIGHT_TO_LEFT


def locale_for(lang: str) -> QLocale:
    return QLocale(LOCALE_NAMES[normalise_language(lang)])


def language_name(lang: str) -> str:
    """Each language named in itself, so a user who cannot read the current one finds theirs."""
    return {"ar": "العربية", "fr": "Français", "en": "English"}[normalise_language(lang)]


def localized_name(name_ar: str, name_fr: str, lang: str) -> str:
    """A name kept in Arabic and French (an agent, a holiday, a service), in the reader's language;
    the other one when it is missing, so nobody is shown nameless. English reads the French."""
    first, second = (name_ar, name_fr) if lang == "ar" else (name_fr, name_ar)
    return first or second


def install_language(lang: str) -> str:
    """Replace the installed translators and default locale; needs a QCoreApplication instance.

    Call before any widget exists (QDateEdit takes its format at construction), and again on a
    switch followed by rebuilding the widgets.
    """
    lang = normalise_language(lang)
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("install_language needs a QCoreApplication")
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    QLocale.setDefault(locale_for(lang))
    _installed_language[:] = [lang]
    if lang != "en":
        ours = QTranslator(app)
        if ours.load(str(resource_path("i18n", f"istiqbal_{lang}.qm"))):
            app.installTranslator(ours)
            _installed.append(ours)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        qtbase = QTranslator(app)
        if qtbase.load(f"qtbase_{lang}", qt_dir):
            app.installTranslator(qtbase)
            _installed.append(qtbase)
    return lang


def ensure_core_application() -> QCoreApplication:
    """The command line needs an application object only so translators can be installed."""
    app = QCoreApplication.instance()
    if app is None:
        app = QCoreApplication(["istiqbal"])
    return app


# A run of Latin text inside an Arabic sentence: words of Latin letters, digits and the marks that
# live inside addresses, paths and periods (m.trabelsi@gmail, /tmp/x.xlsx, 2026-Q3), joined by
# spaces and ending with its own full stop. Quotes and brackets stay outside, with the Arabic.
_LATIN_RUN = re.compile(
    r"(?:[0-9A-Za-z\u00C0-\u024F/\\~]+[0-9A-Za-z\u00C0-\u024F/\\~._@:+'’,;!?&#%=°()-]*)"
    r"(?:[ \t]+[0-9A-Za-z\u00C0-\u024F/\\~(:—–°][0-9A-Za-z\u00C0-\u024F/\\~._@:+'’,;!?&#%=°()-]*)*"
)
_HAS_LATIN = re.compile(r"[A-Za-z\u00C0-\u024F/\\]")
_ARABIC = re.compile(r"[\u0600-\u06FF]")
_ISOLATED = re.compile(r"[\u2066-\u2069]")
FSI, PDI = "\u2068", "\u2069"


def isolate(text: str) -> str:
    """One value (a path, an address, a name) set apart from the sentence around it (FSI…PDI):
    its own direction, whatever the sentence's, and its punctuation stays on its side."""
    return f"{FSI}{text}{PDI}" if text else text


def isolate_latin(text: str) -> str:
    """Every Latin run of an Arabic text isolated, so that «m.trabelsi@gmail» is not shown
    reversed, a path keeps its leading "/", "2026-Q3" is not "Q3-2026", "Gammarth" does not run
    into the Arabic beside it and a French comment keeps its full stop (issue 14.6). Runs of
    digits alone are left to the bidi algorithm, which already shows them right."""
    if not text or _ISOLATED.search(text):
        return text  # already isolated where it needed to be (ltr(), format_phone)

    if not _ARABIC.search(text):
        # All Latin (a French title or comment in an Arabic table): one unit, with its own
        # colons, brackets and full stop in their places.
        return isolate(text) if _HAS_LATIN.search(text) else text
    arabic = True

    def wrap(match: re.Match[str]) -> str:
        run = match.group(0)
        if not _HAS_LATIN.search(run):
            return run
        # In an Arabic sentence the closing mark or a separating "/" is the sentence's own.
        core = run.rstrip(" /.,;:!?-(—") if arabic else run
        while core.endswith(")") and core.count("(") < core.count(")"):
            core = core[:-1].rstrip()  # the Arabic sentence's closing bracket
        return isolate(core) + run[len(core) :] if core else run

    return _LATIN_RUN.sub(wrap, text)
