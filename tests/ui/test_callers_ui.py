"""The "Callers to call back" tab (C2.4): the list, its model, and acting on a caller."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from pytestqt.qtbot import QtBot

from desktop_app.data.db import Database
from desktop_app.exchange.cdr import import_cdr
from desktop_app.services import callbacks
from desktop_app.services.permissions import Actor, Role
from desktop_app.ui.state import AppState
from tests.helpers.calls_data import make_lines
from tests.services.test_callbacks import CALLS, local, row


def load(db: Database, admin: Actor, tmp_path: Path) -> None:
    make_lines(db)
    path = tmp_path / "Master.csv"
    path.write_text("\n".join(row(*c, uid=i) for i, c in enumerate(CALLS)) + "\n")
    import_cdr(db, admin, path)


def test_the_model_passes_the_model_tester(qtmodeltester, state: AppState, tmp_path: Path) -> None:
    from desktop_app.ui.models.callers_table_model import CallersTableModel, waited

    load(state.db, state.actor, tmp_path)
    model = CallersTableModel()
    model.set_rows(callbacks.callers(state.db, state.actor), now=local(2026, 1, 13, 14, 30))
    qtmodeltester.check(model)
    # E (its mobile is not in this inventory), F (no call-back recorded here), G, H, I
    assert model.rowCount() == 5
    assert waited(45) == "45 min" and waited(190) == "3 h 10 min" and waited(60 * 52) == "2 d 4 h"


def test_a_supervisor_opens_yesterdays_callers_calls_one_and_records_a_call_back(
    qtbot: QtBot, state: AppState, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop_app.ui.pages.calls_page import CallsPage

    load(state.db, state.actor, tmp_path)
    page = CallsPage(state)
    qtbot.addWidget(page)
    page.apply_filter(tab="callbacks", day="2026-01-12")
    tab = page.callers
    assert page.tabs.currentWidget() is tab and tab.chosen_day() is not None
    assert tab.pending  # read on the pool (issue 15.3), shown when it comes
    qtbot.waitUntil(lambda: not tab.pending, timeout=5000)
    numbers = [tab.model.row_at(r).number for r in range(tab.model.rowCount())]
    assert numbers == ["98 123 456", "24 555 666", "25 777 888", "26 999 000"]
    page.apply_filter(tab="callbacks", day="2026-01-13")  # still read: the paper keeps the 12th
    assert tab.pending
    assert tab.document().toPlainText().splitlines()[0].endswith("— 12/01/2026")
    qtbot.waitUntil(lambda: not tab.pending, timeout=5000)
    page.apply_filter(tab="callbacks", day="2026-01-12")
    qtbot.waitUntil(lambda: not tab.pending, timeout=5000)
    tab.table.selectRow(1)
    tab.copy_number()
    assert QGuiApplication.clipboard().text() == "+21624555666"
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    tab.dial()
    assert [u.toString() for u in opened] == ["tel:+21624555666"]

    from desktop_app.ui.dialogs.callback_dialog import CallbackDialog

    dialog = CallbackDialog(state, tab.current().number)
    qtbot.addWidget(dialog)
    dialog.at.set_value(datetime(2026, 1, 12, 12, tzinfo=UTC))
    dialog.outcome.setCurrentIndex(dialog.outcome.findData("reached"))
    dialog.note.setPlainText("Rappelé depuis le mobile de service")
    dialog.save()
    assert dialog.saved_id is not None
    tab.refresh()
    qtbot.waitUntil(lambda: not tab.pending, timeout=5000)
    assert tab.model.rowCount() == 3
    assert "3" in tab.summary.text()
    document = tab.document()
    assert "25 777 888" in document.toPlainText()


def test_roles_that_do_not_handle_calls_see_no_numbers(
    qtbot: QtBot,
    db: Database,
    location,
    actor_of: Callable[[Role], Actor],
    tmp_path: Path,
    admin: Actor,
) -> None:
    from desktop_app.ui.widgets.callers_tab import CallersTab

    load(db, admin, tmp_path)
    tab = CallersTab(AppState(db, location, actor_of(Role.DIRECTOR), "en"))
    qtbot.addWidget(tab)
    assert not tab.allowed and not hasattr(tab, "model")


def test_in_arabic_the_oldest_caller_is_chosen_so_call_works_at_once(
    qtbot: QtBot, db: Database, location, admin: Actor, tmp_path: Path
) -> None:
    from desktop_app.i18n import install_language
    from desktop_app.ui.main_window import apply_direction
    from desktop_app.ui.widgets.callers_tab import CallersTab

    load(db, admin, tmp_path)
    install_language("ar")
    apply_direction("ar")
    tab = CallersTab(AppState(db, location, admin, "ar"))
    qtbot.addWidget(tab)
    tab.show_day(date(2026, 1, 12))
    qtbot.waitUntil(lambda: not tab.pending, timeout=5000)
    assert tab.current() is not None and tab.dial_button.isEnabled()
    assert tab.current().party == "+21698123456"
