"""Language is a parameter (DESIGN.md): an Arabic report made in the background leaves the French
window's texts, translators and locale as they were (C8.7)."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QEvent, QLocale, QObject
from PySide6.QtWidgets import QAbstractButton, QApplication, QGroupBox, QLabel, QWidget
from pytestqt.qtbot import QtBot

from desktop_app.i18n import Translator, install_language, translate
from desktop_app.services import report
from desktop_app.ui.main_window import MainWindow, apply_direction
from desktop_app.ui.pages.dashboard_page import DashboardPage
from desktop_app.ui.pages.reports_page import ReportsPage
from desktop_app.ui.state import AppState
from desktop_app.ui.workers import wait_for_background

pytestmark = pytest.mark.gui


def _texts(window: QWidget) -> list[str]:
    """Every text the window shows: its title, labels, buttons and group titles (not those of
    the report's progress dialog, a window of its own)."""

    def own(kind: type[QWidget]) -> list[QWidget]:
        return [w for w in window.findChildren(kind) if w.window() is window]

    found = [window.windowTitle()]
    found += [w.text() for w in own(QLabel) if isinstance(w, QLabel)]
    found += [w.text() for w in own(QAbstractButton) if isinstance(w, QAbstractButton)]
    found += [w.title() for w in own(QGroupBox) if isinstance(w, QGroupBox)]
    return found


class _LanguageChanges(QObject):
    """Counts the LanguageChange events Qt sends when a translator is installed or removed."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LanguageChange:
            self.count += 1
        return False


def test_an_arabic_report_in_a_worker_leaves_the_french_window_as_it_was_c8_7(
    qtbot: QtBot, state: AppState, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    install_language("fr")
    apply_direction("fr")
    window = MainWindow(AppState(state.db, state.location, state.actor, "fr"))
    qtbot.addWidget(window)
    window.show()
    page = window.show_page("reports")
    assert isinstance(page, ReportsPage)
    assert wait_for_background()  # the dashboard filled in first, its tiles a few rows a turn
    dashboard = window.findChild(DashboardPage)
    assert dashboard is not None
    qtbot.waitUntil(lambda: not dashboard.filling, timeout=5000)
    qtbot.wait(50)
    before = _texts(window)
    changes = _LanguageChanges()
    app = QApplication.instance()
    assert app is not None
    app.installEventFilter(changes)

    # Hold the report in its middle (its labels are being made) until the window has been read.
    inside, go_on = threading.Event(), threading.Event()
    seen: dict[str, str] = {}
    real_labels = report.labels

    def labels_held() -> dict[str, str]:
        seen["worker"] = translate("kpi", "Requests received")
        inside.set()
        go_on.wait(30)
        return real_labels()

    monkeypatch.setattr(report, "labels", labels_held)
    page.language.setCurrentIndex(page.language.findData("ar"))
    out = tmp_path / "rapport.xlsx"
    page.out.setText(str(out))
    page.generate()
    try:
        qtbot.waitUntil(inside.is_set, timeout=30_000)
        qtbot.wait(50)  # any LanguageChange the report caused would be delivered by now
        seen["window"] = translate("kpi", "Requests received")
        seen["window_tr"] = page.tr("Reports made")
        locale_meanwhile = QLocale().name()
        texts_meanwhile = _texts(window)
    finally:
        go_on.set()
    qtbot.waitUntil(lambda: page.history.rowCount() == 1, timeout=30_000)
    app.removeEventFilter(changes)

    arabic, french = Translator("ar"), Translator("fr")
    assert seen["worker"] == arabic.translate("kpi", "Requests received") != "Requests received"
    assert seen["window"] == french.translate("kpi", "Requests received")
    assert seen["window_tr"] == french.translate("ReportsPage", "Reports made")
    assert locale_meanwhile == "fr_TN"
    assert texts_meanwhile == before
    assert not any("\u0600" <= ch <= "\u06ff" for text in texts_meanwhile for ch in text)
    assert changes.count == 0
    cells = [str(c.value) for row in load_workbook(out)["KPIs"].iter_rows() for c in row]
    assert arabic.translate("kpi", "Requests received") in cells
