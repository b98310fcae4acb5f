"""Interface languages: translators (QtCore only), locales, and which ones run right-to-left.

Services and the command line translate through `translate()` (an alias of
QCoreApplication.translate that lupdate recognises); widgets use `self.tr()`.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desktop_app.resources import resource_path

translate = QCoreApplication.translate

LANGUAGES: tuple[str, ...] = ("ar", "fr", "en")
# ar_TN, not ar: Latin digits and the Maghreb month names Tunisian administrations write
# (plain "ar" is Egypt, with Arabic-Indic digits). DESIGN.md, known traps.
LOCALE_NAMES = {"ar": "ar_TN", "fr": "fr_TN", "en": "en_GB"}
RIGHT_TO_LEFT = frozenset({"ar"})
DEFAULT_LANGUAGE = "ar"

_installed: list[QTranslator] = []


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
