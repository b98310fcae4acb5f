"""The Online services page, the website audit dialog, the directory dialog (C2.2, C2.4, C8.1)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from desktop_app.data.models import PhoneLine
from desktop_app.services import eservices, settings
from desktop_app.services.permissions import Actor, Role
from desktop_app.ui.dialogs.directory_dialog import DirectoryDialog
from desktop_app.ui.dialogs.service_dialog import ServiceDialog
from desktop_app.ui.dialogs.website_audit_dialog import WebsiteAuditDialog
from desktop_app.ui.pages.services_page import ServicesPage
from desktop_app.ui.state import AppState
from tests.helpers.web_site import running_site

pytestmark = pytest.mark.gui


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    with running_site() as url:
        yield url


def test_a_supervisor_adds_a_service_and_checks_links_without_blocking_the_window_c2_2(
    qtbot: QtBot, state: AppState, site: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = ServicesPage(state)
    qtbot.addWidget(page)
    dialog = ServiceDialog(state, parent=page)
    dialog.name_fr.setText("Extrait de naissance")
    dialog.name_ar.setText("مضمون ولادة")
    dialog.url.setText(site + "/redirect/2")
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    bad = ServiceDialog(state, parent=page)
    bad.name_fr.setText("x")
    bad.url.setText("javascript:alert(1)")
    shown: list[BaseException] = []
    monkeypatch.setattr("desktop_app.ui.messages.show_error", lambda _p, exc: shown.append(exc))
    bad.save()
    assert "not a web address" in str(shown[0])
    page.refresh()
    assert page.table.rowCount() == 1
    page.check_links()
    qtbot.waitUntil(lambda: page.check_button.isEnabled(), timeout=15000)
    assert "working: 1" in page.status.text()
    assert page.table.item(0, 5).text().startswith("works")
    assert "Link checks:" in page.details.toPlainText()


def test_an_agent_reads_the_catalogue_but_cannot_edit_it_c2_2(
    qtbot: QtBot, state: AppState, actor_of: Callable[[Role], Actor], site: str
) -> None:
    eservices.create_service(state.db, state.actor, eservices.ServiceInput("أ", "A", site))
    agent_state = AppState(state.db, state.location, actor_of(Role.AGENT), "en")
    page = ServicesPage(agent_state)
    qtbot.addWidget(page)
    assert page.table.rowCount() == 1
    assert not page.new_button.isEnabled() and not page.edit_button.isEnabled()


def test_website_audit_dialog_confirms_on_website_in_one_click_c8_1(
    qtbot: QtBot, state: AppState, site: str
) -> None:
    settings.update(state.db, state.actor, {"website_url": site + "/numbers"})
    with state.db.write() as s:
        line = PhoneLine(number="+21671563520", status="in_service", on_website=False)
        s.add(line)
        s.flush()
        line_id = line.id
    dialog = WebsiteAuditDialog(state)
    qtbot.addWidget(dialog)
    assert "not been audited" in dialog.summary.text()
    dialog.run_audit()
    qtbot.waitUntil(lambda: dialog.run_button.isEnabled(), timeout=20000)
    texts = [dialog.table.item(r, 2).text() for r in range(dialog.table.rowCount())]
    row = texts.index("Shown on the site, not marked “on website”")
    dialog.table.selectRow(row)
    assert dialog.confirm_button.isEnabled()
    dialog.confirm_button.click()
    with state.db.read() as s:
        assert s.get(PhoneLine, line_id).on_website is True  # type: ignore[union-attr]


def test_directory_dialog_saves_the_poster_c8_1(
    qtbot: QtBot, state: AppState, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings.update(state.db, state.actor, {"body_name_fr": "Commune"})
    out = tmp_path / "poster"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    monkeypatch.setattr("desktop_app.ui.dialogs.directory_dialog.show_info", lambda *a: None)
    dialog = DirectoryDialog(state)
    qtbot.addWidget(dialog)
    dialog.lang.setCurrentIndex(1)
    assert "Commune" in dialog.footer.toPlainText()
    dialog.save("pdf")
    assert out.with_suffix(".pdf").read_bytes().startswith(b"%PDF")


def test_the_scheduled_run_checks_links_when_due_whatever_page_is_open_c2_2(
    qtbot: QtBot, state: AppState, site: str
) -> None:
    from desktop_app.services import service_links
    from desktop_app.ui.main_window import MainWindow

    eservices.create_service(state.db, state.actor, eservices.ServiceInput("أ", "A", site))
    window = MainWindow(state)
    qtbot.addWidget(window)
    watcher = window.services_watcher
    with qtbot.waitSignal(watcher.checked, timeout=15000) as blocker:
        assert watcher.look()
        assert not watcher.look()  # one run at a time
    assert blocker.args[0].ok == 1
    assert not service_links.checks_due(state.db)  # checked within services_check_hours
    assert "working: 1" in window.statusBar().currentMessage()


def test_the_audit_shows_numbers_left_to_right_in_arabic_c8_1(
    qtbot: QtBot, state: AppState
) -> None:
    """In Arabic "71 774 580" read "580 774 71" in the audit's table."""
    from datetime import UTC, datetime

    from desktop_app.i18n import install_language
    from desktop_app.services import website
    from desktop_app.ui.dialogs.website_audit_dialog import WebsiteAuditDialog
    from desktop_app.ui.main_window import apply_direction

    install_language("ar")
    apply_direction("ar")
    try:
        dialog = WebsiteAuditDialog(state)
        qtbot.addWidget(dialog)
        found = website.Finding("+21671774580", "71 774 580", "unknown",
                                written=["(+216) 71 774 580", "71-774-580"])  # fmt: skip
        dialog.show_result(website.AuditResult(None, datetime.now(UTC), "http://x.tn/", True,
                                               findings=[found]))  # fmt: skip
        assert dialog.table.item(0, 0).text() == "\u206671 774 580\u2069"
        assert dialog.table.item(0, 3).text() == (
            "\u2066(+216) 71 774 580\u2069، \u206671-774-580\u2069"
        )
    finally:
        install_language("en")
        apply_direction("en")


def test_directory_dialog_lists_left_out_lines_number_first_in_arabic_c8_1(
    qtbot: QtBot, state: AppState
) -> None:
    """An Arabic line begun by a number read "300 742 71 — …" (groups reversed)."""
    with state.db.write() as s:
        s.add(PhoneLine(number="+21671742300", kind="direct", label="دائرة قمرت",
                        status="retired"))  # fmt: skip
    dialog = DirectoryDialog(state)
    qtbot.addWidget(dialog)
    dialog.lang.setCurrentIndex(dialog.lang.findData("ar"))
    dialog.refresh()
    first = dialog.left_out.toPlainText().splitlines()[0]
    assert first.startswith("\u200f\u206671 742 300\u2069 — دائرة قمرت: ")
