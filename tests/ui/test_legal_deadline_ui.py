"""Issue 12 in the window: the legal deadline beside the internal target (C2.1, C8.2)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtWidgets import QComboBox, QLabel
from pytestqt.qtbot import QtBot

from desktop_app.services import requests, settings
from desktop_app.services.permissions import Actor
from desktop_app.ui.models.requests_table_model import COLUMNS, RequestsTableModel
from desktop_app.ui.state import AppState

pytestmark = pytest.mark.gui


def test_c2_1_settings_say_only_what_the_circular_says(qtbot: QtBot, state: AppState) -> None:
    """The clock choice claimed "as the circular says" of calendar hours used as a setting; the
    circular fixes 48 hours at most and says nothing of a clock the body chooses."""
    from desktop_app.ui.pages.settings_page import SettingsPage

    page = SettingsPage(state)
    qtbot.addWidget(page)
    clock = page._fields["deadline_clock"]
    assert isinstance(clock, QComboBox)
    items = [clock.itemText(i) for i in range(clock.count())]
    assert not any("circular" in t for t in items)
    labels = [w.text() for w in page.findChildren(QLabel)]
    assert any(t.startswith("Legal deadline: 48 hours after receipt, always") for t in labels)
    assert page._fields["deadline_hours"].maximum() == 48  # type: ignore[attr-defined]
    assert page._fields["pickup_seconds"].maximum() == 300  # type: ignore[attr-defined]


def test_c2_1_register_shows_the_internal_target_beside_the_legal_deadline(
    qtbot: QtBot, state: AppState, admin: Actor
) -> None:
    settings.update(state.db, admin, {"deadline_hours": 24})
    received = datetime.now(UTC) - timedelta(hours=30)
    row = requests.create_request(state.db, admin, channel="email", type="request",
                                  subject="Permis", received_at=received)  # fmt: skip
    requests.respond(state.db, admin, row.id, "answer", "ok")
    model = RequestsTableModel(state)
    model.reload()
    assert model.headerData(COLUMNS.index("deadline"), _h()) == "Legal deadline (48 h)"
    assert model.headerData(COLUMNS.index("internal"), _h()) == "Internal target"
    assert model.data(model.index(0, COLUMNS.index("deadline"))) == "Answered in time"
    assert model.data(model.index(0, COLUMNS.index("internal"))).endswith("(missed)")
    model.sort(COLUMNS.index("internal"))  # not a sort of the register: nothing breaks
    assert model.rowCount() == 1


def _h() -> object:
    from PySide6.QtCore import Qt

    return Qt.Orientation.Horizontal


def test_c8_1_a_check_from_the_dialog_keeps_its_seconds(
    qtbot: QtBot, state: AppState, admin: Actor
) -> None:
    """The check dialog stored the minute it opened, seconds cut; left as opened it now stamps
    the moment of saving, seconds kept."""
    from desktop_app.services import lines
    from desktop_app.services.lines import LineInput
    from desktop_app.ui.dialogs.line_check_dialog import LineCheckDialog

    line = lines.create_line(state.db, admin, LineInput(number="71 563 500", kind="switchboard"))
    dialog = LineCheckDialog(state, line)
    qtbot.addWidget(dialog)
    before = datetime.now(UTC)
    dialog.save()
    [check] = lines.checks_page(state.db, admin, line.id)
    assert check.at >= before - timedelta(seconds=1)


def test_c8_4_a_failing_check_opens_a_fault_or_names_the_open_one(
    qtbot: QtBot, state: AppState, admin: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop_app.services import lines
    from desktop_app.services.lines import LineInput
    from desktop_app.ui.pages.lines_page import LinesPage
    from desktop_app.ui.widgets import lines_inventory_tab as page_module

    line = lines.create_line(state.db, admin, LineInput(number="71 563 500", kind="switchboard"))
    page = LinesPage(state)
    qtbot.addWidget(page)
    page.refresh_inventory()
    qtbot.waitUntil(lambda: not page.pending, timeout=5000)  # read in the background (15.3)
    page.table.selectRow(0)
    asked: list[bool] = []
    monkeypatch.setattr(page.inventory_tab, "ask_report_fault", lambda: asked.append(True) or True)
    told: list[str] = []
    monkeypatch.setattr(page_module, "show_info", lambda _parent, text: told.append(text))
    page.quick_check("out_of_order")
    assert asked == [True]
    found = lines.open_fault(state.db, admin, line.id)
    assert found is not None and found.symptom == "Out of order"
    qtbot.waitUntil(lambda: not page.pending, timeout=5000)
    page.table.selectRow(0)
    page.quick_check("no_answer")  # the same fault is not reported twice: it is named
    assert asked == [True] and told and "Out of order" in told[0]


def test_c2_1_the_clock_choice_is_read_whole_in_french_at_1366x768(
    qtbot: QtBot, state: AppState
) -> None:
    """Beside its label the box showed "Heures calendaires, nuits…": the choice was cut."""
    from desktop_app.i18n import install_language
    from desktop_app.ui.main_window import MainWindow, apply_direction

    install_language("fr")
    apply_direction("fr")
    try:
        window = MainWindow(state)
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        page = window.show_page("settings")
        qtbot.waitExposed(window)
        clock = page._fields["deadline_clock"]  # type: ignore[union-attr]
        assert isinstance(clock, QComboBox)
        widest = max(clock.fontMetrics().horizontalAdvance(clock.itemText(i))
                     for i in range(clock.count()))  # fmt: skip
        assert clock.width() > widest + 30  # the text, the frame and the arrow
    finally:
        install_language("en")
        apply_direction("en")
