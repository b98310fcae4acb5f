"""The Lines page (C8.1, C8.4, C2.4): the model passes qtmodeltester, a check takes two clicks,
the dialog validates the number as it is typed, the import previews before writing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMenu
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from desktop_app.services import lines
from desktop_app.services.lines import LineInput
from desktop_app.services.permissions import Actor, Role
from desktop_app.ui.dialogs.line_dialog import LineDialog
from desktop_app.ui.dialogs.lines_import_dialog import LinesImportDialog
from desktop_app.ui.dialogs.verification_round_dialog import VerificationRoundDialog
from desktop_app.ui.models.line_faults_table_model import LineFaultsTableModel
from desktop_app.ui.models.lines_table_model import LinesTableModel
from desktop_app.ui.pages.lines_page import LinesPage
from desktop_app.ui.state import AppState
from tests.helpers.typing import present, type_text

pytestmark = pytest.mark.gui


def _seed(state: AppState, n: int = 3) -> list[lines.LineRow]:
    made = []
    for i in range(n):
        made.append(
            lines.create_line(
                state.db,
                state.actor,
                LineInput(
                    f"71 563 5{i:02d}",
                    "direct",
                    f"Ligne {i}",
                    "Etat civil",
                    published=frozenset({"website"}),
                ),
            )
        )
    return made


def test_the_lines_models_pass_qtmodeltester(state: AppState, qtmodeltester: ModelTester) -> None:
    rows = _seed(state, 5)
    lines.record_check(state.db, state.actor, rows[0].id, "busy")
    lines.report_fault(state.db, state.actor, rows[1].id, symptom="=SUM(A1)")
    model = LinesTableModel(state)
    model.page_size = 2
    model.reload()
    qtmodeltester.check(model)
    by_check = LinesTableModel(state)  # one tester per model: testers clash on a reset
    by_check.page_size = 2
    by_check.sort(6, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(by_check)
    assert present(by_check.row_at(0)).id == rows[0].id
    for column, key in ((4, "published"), (7, "answered_by")):  # every indicator really sorts
        sorted_model = LinesTableModel(state)
        sorted_model.sort(column, Qt.SortOrder.DescendingOrder)
        assert sorted_model.filter.sort == key and sorted_model.rowCount() == 5
    faults = LineFaultsTableModel(state)
    faults.reload()
    qtmodeltester.check(faults)
    assert faults.display(present(faults.row_at(0)), 4) == "open"


def test_a_check_is_recorded_in_two_clicks_c8_1(state: AppState, qtbot: QtBot) -> None:
    row = _seed(state, 1)[0]
    page = LinesPage(state)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: not page.pending, timeout=5000)  # the inventory reads in the background
    page.table.selectRow(0)
    menu = page.check_button.menu()
    assert isinstance(menu, QMenu)
    page.check_actions["answered_named"].trigger()  # click 1 opened the menu, click 2 is this
    assert page.pending  # the page shows the check once its read comes back (issue 15.3)
    qtbot.waitUntil(lambda: not page.pending, timeout=5000)  # the inventory reads in the background
    got = lines.get_line(state.db, state.actor, row.id)
    assert got.last_check_result == "answered_named"
    assert page.model.display(present(page.model.row_at(0)), 6).endswith(
        "Answered and named the body"
    )
    assert page.history.rowCount() == 1
    assert "due: 0" in page.round_button.text()


def test_the_dialog_checks_the_number_as_it_is_typed_c8_1(state: AppState, qtbot: QtBot) -> None:
    _seed(state, 1)
    dialog = LineDialog(state)
    qtbot.addWidget(dialog)
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    type_text(dialog.number, "٧١ ٥٦٣ ٥")
    assert not save.isEnabled()
    assert "Digits in “" in dialog.feedback.text() and "”: 6;" in dialog.feedback.text()
    type_text(dialog.number, "٢٠")
    assert save.isEnabled()
    assert "71 563 520" in dialog.feedback.text()
    dialog.kind.setCurrentIndex(lines.KINDS.index("fax"))
    type_text(dialog.label, "فاكس مكتب الضبط")
    dialog.save()
    assert dialog.saved is not None and dialog.saved.number == "+21671563520"
    again = LineDialog(state)
    qtbot.addWidget(again)
    again.number.setText("71 563 500")  # the seeded line
    assert again.validate()
    assert lines.count_lines(state.db, state.actor) == 2


def test_the_verification_round_records_one_click_per_line(state: AppState, qtbot: QtBot) -> None:
    _seed(state, 2)
    due = lines.lines_due_for_check(state.db, state.actor)
    dialog = VerificationRoundDialog(state, due)
    qtbot.addWidget(dialog)
    dialog.result_buttons["answered"].click()
    dialog.result_buttons["no_answer"].click()
    assert dialog.recorded == 2
    assert lines.lines_due_for_check(state.db, state.actor) == []
    assert "finished" in dialog.progress.text()


def test_the_import_previews_then_commits_only_when_asked(
    state: AppState, qtbot: QtBot, tmp_path: Path
) -> None:
    from desktop_app.exchange.lines_file import plan_lines

    path = tmp_path / "annuaire.csv"
    path.write_text(
        "Numéro;Type;Libellé\n71 563 500;standard;Accueil\n71 5x3;fax;Faux\n", encoding="utf-8"
    )
    plan = plan_lines(state.db, state.actor, path)
    dialog = LinesImportDialog(state, plan)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 2
    assert not dialog.import_button.isEnabled()
    assert "71 5x3" in dialog.table.item(1, 5).text()
    assert dialog.table.item(1, 5).text().startswith("Numéro: ")  # the header as written
    dialog.skip.setChecked(True)
    assert dialog.import_button.isEnabled()
    assert lines.count_lines(state.db, state.actor) == 0
    dialog.commit()  # in the background, behind a progress dialog (issue 16 point 5)
    qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=10_000)
    assert dialog.outcome is not None and dialog.outcome.imported == 1
    assert lines.count_lines(state.db, state.actor) == 1


def test_the_import_runs_in_the_background_from_the_page(
    state: AppState, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "annuaire.csv"
    path.write_text("Numéro\n71 563 500\n", encoding="utf-8")
    page = LinesPage(state)
    qtbot.addWidget(page)
    shown: list[Any] = []
    monkeypatch.setattr(page.inventory_tab, "_show_preview", shown.append)
    page.import_path(path)
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert len(shown[0].rows) == 1


def test_a_director_sees_the_lines_but_cannot_change_them(
    state: AppState, qtbot: QtBot, actor_of: Callable[[Role], Actor]
) -> None:
    _seed(state, 1)
    director: Actor = actor_of(Role.DIRECTOR)
    page = LinesPage(AppState(state.db, state.location, director, "en"))
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: not page.pending, timeout=5000)  # the inventory reads in the background
    page.table.selectRow(0)
    assert page.model.rowCount() == 1
    assert page.add_button.isHidden() and page.edit_button.isHidden()
    assert page.check_button.isHidden() and page.round_button.isHidden()


def test_apply_filter_opens_what_the_dashboard_points_at(state: AppState, qtbot: QtBot) -> None:
    rows = _seed(state, 2)
    lines.record_check(state.db, state.actor, rows[0].id, "answered")
    page = LinesPage(state)
    qtbot.addWidget(page)
    page.apply_filter(due=True)
    qtbot.waitUntil(lambda: not page.pending, timeout=5000)  # the inventory reads in the background
    assert page.model.rowCount() == 1
    assert present(page.model.row_at(0)).id == rows[1].id
    page.apply_filter(tab="faults", open_only=True)
    assert page.tabs.currentIndex() == 1
    page.apply_filter(tab="maintenance", overdue_only=True)
    assert page.tabs.currentIndex() == 2 and page.overdue_only.isChecked()
    page.apply_filter(tab="forwarding")  # the dashboard's "Lines forwarded now" (C2.4)
    assert page.tabs.currentIndex() == page.TABS.index("forwarding")
    # Back to the inventory with no filter: the "due" filter set above is cleared, both lines show.
    page.apply_filter()
    qtbot.waitUntil(lambda: not page.pending, timeout=5000)  # the inventory reads in the background
    assert page.tabs.currentIndex() == 0 and not page.due.isChecked()
    assert page.model.rowCount() == 2


def test_in_arabic_the_checked_line_stays_selected_with_its_history_c8_1(
    state: AppState, qtbot: QtBot
) -> None:
    """Right-to-left, QTableView.selectRow selects nothing: after a quick check the line must
    stay current, its history shown and the buttons enabled."""
    from desktop_app.i18n import install_language
    from desktop_app.ui.main_window import apply_direction

    rows = _seed(state, 3)
    install_language("ar")
    apply_direction("ar")
    page = LinesPage(AppState(state.db, state.location, state.actor, "ar"))
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: not page.pending, timeout=5000)  # the inventory reads in the background
    assert page.table.currentIndex().row() == 0  # the first line is selected on opening
    assert page.check_button.isEnabled()
    page._reselect(rows[1].id)
    assert present(page.selected_line()).id == rows[1].id
    page.check_actions["answered"].trigger()
    qtbot.waitUntil(lambda: not page.pending, timeout=5000)  # the inventory reads in the background
    assert page.selected_line() is not None
    assert present(page.selected_line()).id == rows[1].id
    selected = {i.row() for i in page.table.selectionModel().selectedRows()}
    assert selected == {page.table.currentIndex().row()}
    assert page.history.rowCount() == 1
    assert page.check_button.isEnabled() and page.fault_button.isEnabled()
    assert page.edit_button.isEnabled() and page.forward_button.isEnabled()


def test_the_preview_shows_nothing_an_invalid_row_would_become_c8_1(
    state: AppState, qtbot: QtBot, tmp_path: Path
) -> None:
    """A row refused for its kind or its publication shows neither a number it "becomes" nor a
    kind the program guessed; the remark names the column as the file writes it."""
    from desktop_app.exchange.lines_file import plan_lines

    path = tmp_path / "annuaire.csv"
    path.write_text(
        "Numéro;Type;Libellé;Publié sur\n71 563 510;ligne rouge;Accueil;\n"
        "71 563 511;fax;Fax;radio\n71 563 512;fax;Fax;site web\n",
        encoding="utf-8",
    )
    dialog = LinesImportDialog(state, plan_lines(state.db, state.actor, path))
    qtbot.addWidget(dialog)
    assert dialog.table.item(0, 2).text() == "ligne rouge"  # not "Other"
    assert dialog.table.item(0, 4).text() == ""  # not "Becomes 71 563 510"
    assert dialog.table.item(0, 5).text().startswith("Type: ")
    assert dialog.table.item(1, 4).text() == ""
    assert dialog.table.item(1, 5).text().startswith("Publié sur: ")
    assert "71 563 512" in dialog.table.item(2, 4).text()


def test_numbers_keep_their_digit_groups_in_order_right_to_left_c8_4(
    state: AppState, qtbot: QtBot
) -> None:
    """Faults, maintenance and forwarding show a number isolated left-to-right (`71 563 500`,
    never `500 563 71` in Arabic), as the inventory does."""
    from datetime import timedelta

    from desktop_app.data.models import Agent
    from desktop_app.data.types import utcnow

    row = _seed(state, 1)[0]
    lines.report_fault(state.db, state.actor, row.id, symptom="Pas de tonalité")
    lines.add_maintenance(state.db, state.actor, row.id, task="PABX", interval_days=30,
                          next_due=utcnow().date())  # fmt: skip
    with state.db.write() as s:
        s.add(Agent(name_ar="نور", name_fr="Nour"))
        s.flush()
        agent_id = s.query(Agent.id).scalar()
    now = utcnow()
    lines.forward_line(state.db, state.actor, row.id, agent_id=agent_id,
                       target_number="98 123 456", starts_at=now - timedelta(minutes=1),
                       ends_at=now + timedelta(days=1))  # fmt: skip
    page = LinesPage(AppState(state.db, state.location, state.actor, "ar"))
    qtbot.addWidget(page)
    isolated = "\u206671 563 500\u2069"
    page.apply_filter(tab="faults", open_only=True)
    assert page.faults_model.display(present(page.faults_model.row_at(0)), 0).startswith(isolated)
    page.apply_filter(tab="maintenance")
    assert page.maintenance.item(0, 0).text().startswith(isolated)
    page.apply_filter(tab="forwarding")
    assert page.forwards.item(0, 0).text().startswith(isolated)
    assert page.forwards.item(0, 2).text() == "\u206698 123 456\u2069"


def test_where_a_line_is_published_reads_as_arabic_writes_a_list_c8_1(state: AppState) -> None:
    """No Latin comma between Arabic words: the list is written as the language writes it."""
    from desktop_app.i18n import install_language

    both = frozenset({"website", "posters"})
    lines.create_line(state.db, state.actor, LineInput("71 563 590", "direct", published=both))
    try:
        install_language("ar")
        model = LinesTableModel(state)
        model.reload()
        shown = model.data(model.index(0, 4))
        website, posters = (lines.publication_label(w) for w in ("website", "posters"))
        # In a table whose window speaks another language the Arabic text is isolated (FSI/PDI,
        # issue 14.6); what this test pins is the list form inside it.
        assert shown.strip("\u2068\u2069") == f"{website} و{posters}"
    finally:
        install_language("en")


def test_the_inventory_reads_off_the_gui_thread_in_fixed_rows_c8_1(
    state: AppState, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 15.3: with 2 000 lines, opening the page must not block the window. The first page
    of lines is read on the pool and shown on the GUI thread; rows keep one fixed height (no
    measuring every row's wrapped text), a long label is elided and its tooltip says it whole."""
    import threading

    from PySide6.QtWidgets import QHeaderView

    _seed(state, 2)
    real = lines.lines_page
    readers: list[bool] = []

    def spy(*args: Any, **kwargs: Any) -> Any:
        readers.append(threading.current_thread() is threading.main_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(lines, "lines_page", spy)
    page = LinesPage(state)
    qtbot.addWidget(page)
    assert page.pending and page.model.rowCount() == 0  # nothing read on the GUI thread yet
    qtbot.waitUntil(lambda: not page.pending, timeout=5000)
    assert readers and not any(readers)  # every read of the inventory ran in a worker
    assert page.model.rowCount() == 2 and page.table.currentIndex().row() == 0
    vertical = page.table.verticalHeader()
    assert vertical.sectionResizeMode(0) == QHeaderView.ResizeMode.Fixed
    assert not page.table.wordWrap()
    row = present(page.model.row_at(0))
    tip = page.model.index(0, 2).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == row.label


def test_faults_are_read_when_their_tab_is_shown_not_as_the_page_opens_c8_4(
    state: AppState, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The Faults tab's view fetched its first page on the GUI thread as the Lines page opened,
    a tab nobody was looking at (issue 15.3); it is read when the tab is shown."""
    rows = _seed(state, 2)
    lines.report_fault(state.db, state.actor, rows[0].id, symptom="No tone")
    reads: list[bool] = []
    real = LineFaultsTableModel.fetch_after

    def counted(model: LineFaultsTableModel, last: Any, limit: int) -> list[Any]:
        reads.append(True)
        return real(model, last, limit)

    monkeypatch.setattr(LineFaultsTableModel, "fetch_after", counted)
    page = LinesPage(state)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: not page.pending, timeout=5000)
    assert reads == [] and page.faults_model.rowCount() == 0
    page.apply_filter(tab="faults", open_only=True)
    assert reads and page.faults_model.rowCount() == 1
