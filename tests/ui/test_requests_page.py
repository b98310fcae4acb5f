"""The requests page: a supervisor creates and answers a request in the window (C2.1, C2.3)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop_app.data.db import Database
from desktop_app.services import requests
from desktop_app.services.permissions import Actor, Role
from desktop_app.ui.dialogs.request_dialog import NewRequestDialog, RequestDialog
from desktop_app.ui.models.requests_table_model import RequestsTableModel
from desktop_app.ui.pages.requests_page import RequestsPage
from desktop_app.ui.state import AppState
from tests.helpers.typing import type_text

pytestmark = pytest.mark.gui


def seed(db: Database, admin: Actor, n: int = 30) -> None:
    now = datetime.now(UTC)
    for i in range(n):
        requests.create_request(
            db,
            admin,
            channel="email",
            type="complaint",
            subject=f"<b>Sujet {i}</b>",
            citizen="Amel",
            received_at=now - timedelta(hours=i * 5),
        )


def test_model_passes_qtmodeltester_and_sorts_in_sql(
    qtmodeltester, state: AppState, admin: Actor
) -> None:
    seed(state.db, admin, 12)
    model = RequestsTableModel(state)
    model.page_size = 5
    model.sort(0, Qt.SortOrder.AscendingOrder)  # before the tester: it fetches during resets
    assert model.row_at(0).reference.endswith("-000001")
    assert model.rowCount() == 5
    qtmodeltester.check(model)
    texts = {model.data(model.index(r, 8)) for r in range(model.rowCount())}
    assert any(t.startswith("Overdue by") for t in texts)
    assert any("left" in t for t in texts)
    overdue_row = next(
        r for r in range(model.rowCount()) if model.data(model.index(r, 8)).startswith("Overdue")
    )
    assert model.data(model.index(overdue_row, 8), Qt.ItemDataRole.BackgroundRole) is not None


def _filtered(qtbot: QtBot, page: RequestsPage, **page_filter: object) -> None:
    """What the dashboard asks for, once the register read on the pool (issue 15.3) is shown."""
    with qtbot.waitSignal(page.listed, timeout=5000):
        page.apply_filter(**page_filter)


def test_a_supervisor_creates_and_answers_a_request_in_the_window_c2_1(
    qtbot: QtBot, state: AppState
) -> None:
    page = RequestsPage(state)
    qtbot.addWidget(page)
    dialog = NewRequestDialog(state, page)
    qtbot.addWidget(dialog)
    type_text(dialog.subject, "طلب رخصة بناء")
    dialog.citizen.setText("Karim Trabelsi")
    dialog.contact.setText("not a contact")
    assert not dialog.save()
    assert "e-mail" in dialog.error.text()
    dialog.contact.setText("98 123 456")
    dialog.category.setCurrentIndex(dialog.category.findData("elderly"))
    assert dialog.save()
    created = dialog.created
    assert created is not None and created.contact == "+21698123456"
    with qtbot.waitSignals([page.counted, page.listed], timeout=5000):  # from the background
        page.apply()
    assert page.model.rowCount() == 1
    assert "Waiting for a response: 1" in page.open_button.text()

    detail = RequestDialog(state, created.id, page)
    qtbot.addWidget(detail)
    assert not detail.close_button.isEnabled()  # nothing answered yet
    detail.notice_kind.setChecked(True)
    detail.response.setPlainText("Needs the land registry's opinion")
    detail.respond()
    assert detail.detail.row.first_response_kind == "notice"
    detail.answer_kind.setChecked(True)
    detail.response.setPlainText("Permit granted")
    detail.respond()
    detail.close_request()
    assert detail.detail.row.status == "closed" and detail.changed
    steps = [detail.timeline.item(i, 1).text() for i in range(detail.timeline.rowCount())]
    assert steps == ["Received", "Notice to the sender", "Answer", "Closed"]
    _filtered(qtbot, page, state="met")
    assert page.model.rowCount() == 1
    _filtered(qtbot, page, state="overdue")
    assert page.model.rowCount() == 0


def test_citizen_text_is_plain_text_in_the_request_dialog(
    qtbot: QtBot, state: AppState, admin: Actor
) -> None:
    seed(state.db, admin, 1)
    dialog = RequestDialog(state, 1)
    qtbot.addWidget(dialog)
    from PySide6.QtWidgets import QLabel

    labels = [w for w in dialog.findChildren(QLabel) if w.text() == "<b>Sujet 0</b>"]
    assert labels and all(w.textFormat() == Qt.TextFormat.PlainText for w in labels)


def test_dashboard_filter_and_text_search_narrow_the_register(
    qtbot: QtBot, state: AppState, admin: Actor
) -> None:
    seed(state.db, admin, 30)
    page = RequestsPage(state)
    qtbot.addWidget(page)
    _filtered(qtbot, page, state="overdue")
    assert page.state_combo.currentData() == "overdue"
    assert all(page.model.row_at(i).state == "overdue" for i in range(page.model.rowCount()))
    _filtered(qtbot, page, text="Sujet 7")
    assert page.model.rowCount() >= 1
    _filtered(qtbot, page)
    assert page.model.rowCount() == 30


def test_director_sees_the_register_without_editing_or_personal_data(
    qtbot: QtBot, state: AppState, admin: Actor, actor_of
) -> None:
    seed(state.db, admin, 3)
    director = AppState(state.db, state.location, actor_of(Role.DIRECTOR), "en")
    page = RequestsPage(director)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: not page.pending, timeout=5000)  # read on the pool (issue 15.3)
    assert page.model.rowCount() == 3
    assert page.table.isColumnHidden(4)
    assert not page.new_button.isVisibleTo(page) and not page.personal.isVisibleTo(page)
    dialog = RequestDialog(director, 1)
    qtbot.addWidget(dialog)
    assert not dialog.respond_button.isEnabled()


def test_warning_notification_runs_from_sign_in_without_opening_the_register_c2_1(
    qtbot: QtBot, state: AppState, admin: Actor
) -> None:
    """The watcher is the main window's: the register page need never have been built. The
    off-screen platform has no system tray, so the sentence goes to the status bar."""
    from PySide6.QtWidgets import QSystemTrayIcon

    from desktop_app.ui.main_window import MainWindow

    now = datetime.now(UTC)
    row = requests.create_request(
        state.db,
        admin,
        channel="phone",
        type="request",
        subject="x",
        received_at=now - timedelta(hours=36, minutes=1),
    )
    window = MainWindow(state)
    qtbot.addWidget(window)
    assert "requests" not in window._pages  # pages are built lazily; the watcher is not a page's
    watcher = window.deadline_watcher
    assert watcher.timer.isActive()
    assert not QSystemTrayIcon.isSystemTrayAvailable()
    watcher.last_check = now - timedelta(minutes=5)
    assert watcher.check() == [row.reference]
    assert row.reference in window.statusBar().currentMessage()
    assert watcher.check() == []  # told once
    assert "requests" not in window._pages


def test_the_register_reads_on_the_pool_once_per_search_and_per_sort_c2_1(
    qtbot: QtBot, state: AppState, admin: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At 100 000 requests the first page took 0.1–0.2 s: the page opens empty and fills from a
    worker (one read, though enabling sorting sorts), a word typed at speed reads once when
    typing pauses, and a click on a header sorts through the same read (issue 15.3)."""
    import threading

    from PySide6.QtTest import QTest

    seed(state.db, admin, 30)
    reads: list[tuple[str, str, bool]] = []
    real = RequestsTableModel.read_first

    def counted(model, filt, sort, descending):  # noqa: ANN001, ANN202 - the method's own
        reads.append((filt.text, sort, threading.current_thread() is threading.main_thread()))
        return real(model, filt, sort, descending)

    monkeypatch.setattr(RequestsTableModel, "read_first", counted)
    page = RequestsPage(state)
    qtbot.addWidget(page)
    assert page.pending and page.model.rowCount() == 0
    qtbot.waitUntil(lambda: not page.pending, timeout=5000)
    assert page.model.rowCount() == 30 and reads == [("", "received_at", False)]
    reads.clear()
    QTest.keyClicks(page.search, "Sujet 7")
    assert reads == [] and page.model.rowCount() == 30  # no read per keystroke
    qtbot.waitUntil(lambda: bool(reads) and not page.pending, timeout=5000)
    assert reads == [("Sujet 7", "received_at", False)]
    assert [page.model.row_at(i).subject for i in range(page.model.rowCount())] == [
        "<b>Sujet 7</b>"
    ]
    reads.clear()
    with qtbot.waitSignal(page.listed, timeout=5000):
        page.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)  # a click
    assert reads == [("Sujet 7", "reference", False)]


def test_the_minute_tick_counts_the_filter_asked_for_not_the_one_still_shown_c2_1(
    qtbot: QtBot, state: AppState, admin: Actor
) -> None:
    """A tick while a new filter's list is read must not put back the old filter's count."""
    seed(state.db, admin, 12)  # "Sujet 0" … "Sujet 11": "Sujet 1" matches 1, 10 and 11
    page = RequestsPage(state)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: not page.pending, timeout=5000)
    page.search.setText("Sujet 1")
    with qtbot.waitSignals([page.listed, page.counted], timeout=5000):
        page.apply()
        page.tick()  # before the new list is shown: the model still holds the old filter
    qtbot.waitUntil(lambda: not page.pending, timeout=5000)
    assert page.model.rowCount() == 3
    assert page.found.text() == "3 request(s) match."
