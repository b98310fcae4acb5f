"""The dashboard (home page) and the Reports page under pytest-qt (C8.7)."""

from __future__ import annotations

from pathlib import Path

import keyring
import pytest
from openpyxl import load_workbook
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from desktop_app.services import report, settings
from desktop_app.services.kpis import KPI_IDS
from desktop_app.services.mail import mailboxes
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.pages.dashboard_page import DashboardPage
from desktop_app.ui.pages.reports_page import ReportsPage, summary_html
from desktop_app.ui.state import AppState
from tests.helpers.memory_keyring import MemoryKeyring
from tests.report_fakes import fake_registries  # noqa: F401

pytestmark = pytest.mark.gui


@pytest.fixture
def fake_current_quarter(monkeypatch: pytest.MonkeyPatch) -> None:
    """The fakes answer for 2026-Q3; make the dashboard's "current quarter" that one."""
    from datetime import date

    from desktop_app.services import dashboard

    real = dashboard.dashboard

    def in_q3(db: object, actor: object, today: object = None, as_of: object = None) -> object:
        return real(db, actor, date(2026, 8, 1))  # type: ignore[arg-type]

    monkeypatch.setattr(dashboard, "dashboard", in_q3)
    import desktop_app.ui.pages.dashboard_page as page

    monkeypatch.setattr(page, "dashboard", dashboard.dashboard)


def test_dashboard_on_an_empty_database_shows_no_data_and_the_first_steps_c8_7(
    qtbot: QtBot, state: AppState
) -> None:
    """An empty body is not a good one: no green "Good" over nothing, no "nothing to do", but a
    checklist that shrinks as each step is done (issue 14.4)."""
    from desktop_app.services import agents, lines
    from desktop_app.services.agents import AgentInput
    from desktop_app.services.lines import LineInput

    page = DashboardPage(state)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.done)
    assert len(page.tiles) == len(KPI_IDS)
    by_id = {t.tile.id: t for t in page.tiles}
    assert by_id["req_on_time_pct"].state_label.text() == "No data"
    assert by_id["req_overdue_open_end"].state_label.text() == "No data"  # was a green "Good"
    assert by_id["faults_open_end"].state_label.text() == "No data"
    assert not any(t.tile.state == "good" for t in page.tiles)
    assert page.first_step_keys == ["lines", "agents", "users", "mailbox", "targets"]
    texts = [w.text() for w in page.findChildren(QLabel)]
    assert "Nothing to do now." not in texts and "Import the phone directory" in texts

    lines.create_line(state.db, state.actor, LineInput("71 563 590", "direct"))
    agents.create_agent(state.db, state.actor, AgentInput(name_fr="Sami", name_ar="سامي"))
    settings.update(state.db, state.actor, {"target.faults_open_end": 1.0})
    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())  # the product accepts only a system store
    try:
        mailboxes.save_mailbox(state.db, state.actor, mailboxes.MailboxConfig(
            "accueil@commune.tn", "mail.commune.tn", "mail.commune.tn"), password="x")  # fmt: skip
    finally:
        keyring.set_keyring(previous)
    page.reload()
    qtbot.waitUntil(lambda: page.done)
    assert page.first_step_keys == ["users"]
    by_id = {t.tile.id: t for t in page.tiles}
    assert by_id["faults_open_end"].state_label.text() == "Good"  # lines, none broken: good
    assert by_id["req_overdue_open_end"].state_label.text() == "No data"


@pytest.mark.usefixtures("fake_registries", "fake_current_quarter")
def test_dashboard_tiles_judge_targets_and_change_c8_7(qtbot: QtBot, state: AppState) -> None:
    settings.update(state.db, state.actor, {"target.req_on_time_pct": 95.0})
    page = DashboardPage(state)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: bool(page.tiles))
    first = page.tiles[0]  # worst first
    assert first.tile.id == "req_on_time_pct"
    assert first.state_label.text() == "Below target"
    first.state_label.ensurePolished()  # the tiles' box's style sheet colours it by state
    ink = first.state_label.palette().color(first.state_label.foregroundRole())
    assert first.state_label.property("state") == "bad" and ink.name().upper() == "#9B1C1C"
    assert "Target 95" in first.detail_label.text()
    assert "▼ −10" in first.detail_label.text()
    by_id = {t.tile.id: t for t in page.tiles}
    assert by_id["req_received"].state_label.text() == "No target"
    assert "▲ +20" in by_id["req_received"].detail_label.text()


@pytest.mark.usefixtures("fake_registries", "fake_current_quarter")
def test_action_list_opens_the_filtered_page_c8_7(
    qtbot: QtBot, state: AppState, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = MainWindow(state)
    qtbot.addWidget(window)
    page = window.show_page("dashboard")
    assert isinstance(page, DashboardPage)
    qtbot.waitUntil(lambda: bool(page.action_boxes))
    (box,) = page.action_boxes
    assert box.title() == "Requests overdue (3)"
    opened: list[tuple[str, dict[str, object]]] = []
    monkeypatch.setattr(window, "open_filtered", lambda key, **f: opened.append((key, f)))
    box.open_button.click()
    assert opened == [("requests", {"overdue": True})]


def test_reports_page_generates_in_background_and_lists_history_c8_7(
    qtbot: QtBot, state: AppState, tmp_path: Path
) -> None:
    page = ReportsPage(state)
    qtbot.addWidget(page)
    page.kind.setCurrentIndex(page.kind.findData("month"))
    page.year.setValue(2026)
    page.month.setCurrentIndex(6)
    page.language.setCurrentIndex(page.language.findData("ar"))
    out = tmp_path / "july.xlsx"
    page.out.setText(str(out))
    page.generate()
    qtbot.waitUntil(lambda: page.history.rowCount() == 1, timeout=20000)
    assert out.exists() and load_workbook(out)["KPIs"].sheet_view.rightToLeft
    (row,) = report.history(state.db, state.actor)
    assert row.period_text == "2026-07" and row.lang == "ar"
    assert page.history.item(0, 1).text() == "Admin Istrateur"
    assert page.selected_file() == out.resolve()
    assert page.generate_button.isEnabled()


def test_reports_page_period_choices_c8_7(qtbot: QtBot, state: AppState) -> None:
    page = ReportsPage(state)
    qtbot.addWidget(page)
    page.kind.setCurrentIndex(page.kind.findData("year"))
    page.year.setValue(2025)
    assert page.period().text == "2025"
    assert page.quarter.isHidden() and not page.year.isHidden()
    page.kind.setCurrentIndex(page.kind.findData("range"))
    assert page.first.isVisible() or not page.isVisible()
    assert page.period().kind == "range"


def test_summary_printout_reverses_columns_for_arabic_c8_7(qtbot: QtBot, state: AppState) -> None:
    from desktop_app.services.dashboard import compare
    from desktop_app.services.periods import parse_period

    data = compare(state.db, state.actor, parse_period("2026-Q3"))
    texts = {k: k.upper() for k in ("indicator", "value", "target", "previous", "state",
                                    "title", "period")}  # fmt: skip
    ltr = summary_html(data, "<b>Body</b>", False, texts)
    rtl = summary_html(data, "<b>Body</b>", True, texts)
    assert ltr.index("INDICATOR") < ltr.index("STATE")
    assert rtl.index("STATE") < rtl.index("INDICATOR")
    assert "&lt;b&gt;Body" in rtl and 'dir="rtl"' in rtl
    page = ReportsPage(state)
    qtbot.addWidget(page)
    assert "Requests received" in page.summary_document().toPlainText()


def test_summary_in_the_report_language_and_saved_as_pdf_c8_7(
    qtbot: QtBot, state: AppState, tmp_path: Path
) -> None:
    """A director without Excel or a printer: the summary, in the language chosen on the page
    (French here, the window in English), saved as a PDF file."""
    page = ReportsPage(state)
    qtbot.addWidget(page)
    page.language.setCurrentIndex(page.language.findData("fr"))
    text = page.summary_document().toPlainText()
    assert "Indicateur" in text and "Indicator" not in text
    assert page.pdf_button.isEnabled()
    pdf = page.save_pdf(tmp_path / "summary.pdf")
    assert pdf.read_bytes()[:5] == b"%PDF-"
    assert page.tr("Indicator") == "Indicator"  # the window's language is left as it was


@pytest.mark.usefixtures("fake_registries", "fake_current_quarter")
def test_to_do_lists_are_seen_first_beside_the_tiles_c8_7(qtbot: QtBot, state: AppState) -> None:
    """On a 1366×768 screen the director sees the to-do lists without scrolling: in a column on
    the reading side, level with the first indicators (not below 31 tiles)."""
    window = MainWindow(state)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    page = window.show_page("dashboard")
    assert isinstance(page, DashboardPage)
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: page.done and bool(page.action_boxes))
    (box,) = page.action_boxes
    # A new installation's first steps head the same column (issue 14.4); the column, whichever
    # box leads it, is level with the first row of tiles.
    lead = page.first_steps_box or box
    qtbot.waitUntil(lambda: lead.isVisible() and box.isVisible())
    first_tile = page.tiles[0]
    box_at = box.mapTo(page, box.rect().topLeft())
    lead_at = lead.mapTo(page, lead.rect().topLeft())
    tile_at = first_tile.mapTo(page, first_tile.rect().topLeft())
    assert box_at.y() + box.height() < page.height()  # fully visible, no scrolling
    assert abs(lead_at.y() - tile_at.y()) < 80  # level with the first row of tiles
    assert box_at.x() < tile_at.x()  # on the leading side (left, in English)


def test_settings_page_shows_each_target_with_its_direction_and_range_c8_7(
    qtbot: QtBot, state: AppState
) -> None:
    from desktop_app.ui.pages.settings_page import SettingsPage

    page = SettingsPage(state)
    qtbot.addWidget(page)
    overdue = page._fields["target.req_overdue_open_end"]
    repair = page._fields["target.fault_repair_mean_h"]
    on_time = page._fields["target.req_on_time_pct"]
    assert overdue.prefix() == "max. " and on_time.prefix() == "min. "  # type: ignore[attr-defined]
    assert repair.maximum() > 100  # hours, not a percentage  # type: ignore[attr-defined]
    assert repair.value() == 48.0  # type: ignore[attr-defined]


def test_dashboard_computes_its_indicators_off_the_window_thread_c8_7(
    qtbot: QtBot, state: AppState, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The dashboard is the home page: computing a quarter's indicators on the window's thread
    would hold the window back at every start (the brief: the app opens in about a second)."""
    import threading

    import desktop_app.ui.pages.dashboard_page as page_module

    real = page_module.dashboard
    threads: list[threading.Thread] = []

    def recording(db: object, actor: object) -> object:
        threads.append(threading.current_thread())
        return real(db, actor)  # type: ignore[arg-type]

    monkeypatch.setattr(page_module, "dashboard", recording)
    page = DashboardPage(state)
    qtbot.addWidget(page)
    assert page.tiles == [] and "Computing" in page.period_label.text()
    qtbot.waitUntil(lambda: page.done)
    assert threads and threads[0] is not threading.main_thread()
    assert len(page.tiles) == len(KPI_IDS)


def test_dashboard_fills_its_worst_tiles_first_and_the_rest_rows_by_rows_c8_7(
    qtbot: QtBot, state: AppState
) -> None:
    """Issue 15.3: the tiles above the fold are made with the answer, the others two rows at
    each turn of the event loop, so no one step keeps the window still; an answer shown again
    meanwhile leaves no tile of the older one behind."""
    from PySide6.QtCore import QCoreApplication

    from desktop_app.services import sections
    from desktop_app.services.dashboard import dashboard
    from desktop_app.services.first_steps import first_steps
    from desktop_app.ui.pages.dashboard_page import FIRST_TILES, MORE_TILES

    page = DashboardPage(state)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.done)
    data = dashboard(state.db, state.actor)
    answer = (data, sections.action_lists(state.db, state.actor, data.period, "en"),
              first_steps(state.db, state.actor))  # fmt: skip
    assert len(data.tiles) > FIRST_TILES
    page._show(answer)
    assert not page.done and page.filling
    assert [t.tile.id for t in page.tiles] == [t.id for t in data.tiles[:FIRST_TILES]]
    QCoreApplication.sendPostedEvents()  # one turn of the event loop: two more rows, no more
    assert len(page.tiles) == min(FIRST_TILES + MORE_TILES, len(data.tiles))
    page._show(answer)  # a change signal's reload answered before the rest were added
    qtbot.waitUntil(lambda: page.done)
    qtbot.wait(20)  # the first answer's rest, had it not been dropped, would be added by now
    assert [t.tile.id for t in page.tiles] == [t.id for t in data.tiles]


@pytest.mark.skipif(__import__("shutil").which("pdftotext") is None,
                    reason="pdftotext (poppler-utils) not installed")  # fmt: skip
def test_the_summary_pdf_keeps_rows_whole_with_headers_on_every_page_c8_7(
    qtbot: QtBot, state: AppState, tmp_path: Path
) -> None:
    """A row was split across pages (label on one, figures on the next) and page 2 had no
    column headers (issue 14.7)."""
    import subprocess

    page = ReportsPage(state)
    qtbot.addWidget(page)
    page.language.setCurrentIndex(page.language.findData("en"))
    pdf = page.save_pdf(tmp_path / "summary.pdf")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout  # fmt: skip
    pages = [p for p in text.split("\f") if p.strip()]
    assert len(pages) >= 2
    for number, content in enumerate(pages, start=1):
        assert "Indicator" in content and "Previous period" in content, number
        for line in content.splitlines():
            # every indicator line carries its state on the same page, the same line
            if line.strip().startswith("Requests received"):
                assert "No data" in line or "No target" in line
    assert sum(p.count("No data") for p in pages) == len(KPI_IDS)  # each row printed once, whole


def test_a_long_to_do_title_does_not_widen_the_column_past_its_edge_c8_7(qtbot: QtBot) -> None:
    """A group box's title never wraps: "Mises à jour juridiques pas encore transmises à tous
    les agents (2)" made the to-do column wider than its 340 px and cut every line of it."""
    from desktop_app.services.sections import ActionList
    from desktop_app.ui.pages.dashboard_page import ACTIONS_WIDTH, ActionListBox

    title = "Mises à jour juridiques pas encore transmises à tous les agents du service"
    box = ActionListBox(ActionList("legal", title, 2, ["une"], "training"))
    qtbot.addWidget(box)
    assert box.minimumSizeHint().width() <= ACTIONS_WIDTH - 40
    assert box.title().endswith("(2)") and "…" in box.title()
    assert box.toolTip() == f"{title} (2)"
    short = ActionListBox(ActionList("overdue", "Requests overdue", 3, ["a"], "requests"))
    qtbot.addWidget(short)
    assert short.title() == "Requests overdue (3)"
