"""Call-quality pages: keyboard-only evaluation entry, models, QPainter charts (C8.4, C8.7)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from desktop_app.exchange.cdr import import_cdr
from desktop_app.services import evaluations, traffic
from desktop_app.services.evaluations import EvaluationFilter
from desktop_app.services.periods import parse_period
from desktop_app.ui.formatting import format_phone
from desktop_app.ui.state import AppState
from tests.helpers.calls_data import SWITCHBOARD, make_agents, make_lines
from tests.helpers.typing import type_text

pytestmark = pytest.mark.gui
SAMPLE = Path(__file__).parents[1] / "exchange" / "data" / "Master.csv"


def test_an_evaluation_is_entered_with_the_keyboard_alone_c8_7(
    qtbot: QtBot, state: AppState
) -> None:
    from desktop_app.ui.dialogs.evaluation_dialog import EvaluationDialog

    ids = make_lines(state.db)
    _, sami = make_agents(state.db)
    dialog = EvaluationDialog(state)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: dialog.method.hasFocus())

    def key(k: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        QTest.keyClick(dialog.focusWidget(), k, modifier)

    key(Qt.Key.Key_Tab)  # method: supervisor listening, as proposed
    assert dialog.line.hasFocus()
    key(Qt.Key.Key_Tab)  # line: the first one
    QTest.keyClicks(dialog.focusWidget(), "S")  # agent: type-ahead picks Sami Jaziri
    key(Qt.Key.Key_Tab)  # answered: yes (the time, "now", comes last in the tab order)
    key(Qt.Key.Key_Tab)
    QTest.keyClicks(dialog.focusWidget(), "42")  # seconds to pick up
    key(Qt.Key.Key_Tab)
    for digit in (Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_1, Qt.Key.Key_1, Qt.Key.Key_1,
                  Qt.Key.Key_3, Qt.Key.Key_1, Qt.Key.Key_3):  # fmt: skip
        key(digit)  # each answer moves the focus on; the last: "directed", N/A (issue 12, C8.2)
    assert dialog.comment.hasFocus()
    type_text(dialog.comment, "لم يذكر اسم البلدية")
    key(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.saved_id is not None
    (row,) = evaluations.evaluation_page(state.db, state.actor, EvaluationFilter())
    assert (row.agent_fr, row.pickup_seconds, row.method) == ("Sami Jaziri", 42, "supervisor")
    assert row.line_number in ids and row.comment == "لم يذكر اسم البلدية"
    assert row.score == 89.5  # named_body (10) missed out of 95
    assert sami


def test_answer_selector_offers_na_only_where_the_criterion_allows_it_c8_2(
    qtbot: QtBot, state: AppState
) -> None:
    from desktop_app.ui.dialogs.evaluation_dialog import EvaluationDialog

    make_lines(state.db)
    dialog = EvaluationDialog(state)
    qtbot.addWidget(dialog)
    greeting, special = dialog.selectors["greeting"], dialog.selectors["special_category"]
    assert not greeting.allow_na and special.allow_na
    assert [b.text() for b in greeting._buttons.values()] == ["1 Yes", "2 No"]
    dialog.show()
    greeting.setFocus()
    qtbot.waitUntil(greeting.hasFocus)
    QTest.keyClick(greeting, Qt.Key.Key_3)  # N/A: refused, the focus waits for yes or no
    assert greeting.value() is None and greeting.hasFocus()
    greeting.set_value("na")
    assert greeting.value() is None
    QTest.keyClick(greeting, Qt.Key.Key_Space)
    QTest.keyClick(greeting, Qt.Key.Key_Space)
    QTest.keyClick(greeting, Qt.Key.Key_Space)  # yes, no, yes: never N/A
    assert greeting.value() == "yes"


def test_a_mystery_caller_is_named_in_the_evaluation_dialog_c8_7(
    qtbot: QtBot, state: AppState
) -> None:
    from desktop_app.ui.dialogs.evaluation_dialog import EvaluationDialog

    ids = make_lines(state.db)
    dialog = EvaluationDialog(state, line_id=ids[SWITCHBOARD], method="mystery")
    qtbot.addWidget(dialog)
    assert dialog.caller.isEnabled()
    assert dialog.line.currentText().startswith(format_phone(SWITCHBOARD))  # 71 563 500
    QTest.keyClicks(dialog.caller, "Hedi Mejri")
    dialog.seconds.setValue(20)
    for key, selector in dialog.selectors.items():
        selector.set_value("na" if key == "special_category" else "yes")
    dialog.save()
    (row,) = evaluations.evaluation_page(state.db, state.actor, EvaluationFilter())
    assert (row.method, row.evaluator_name) == ("mystery", "Hedi Mejri")
    supervisor = EvaluationDialog(state)
    qtbot.addWidget(supervisor)
    assert not supervisor.caller.isEnabled()  # the supervisor listening is the evaluator


def test_models_pass_qtmodeltester(qtmodeltester, state: AppState) -> None:
    from desktop_app.services import campaigns
    from desktop_app.ui.models.evaluation_table_model import EvaluationTableModel
    from desktop_app.ui.models.rows_table_model import RowsTableModel

    ids = make_lines(state.db)
    agent, _ = make_agents(state.db)
    for i in range(5):
        evaluations.record(state.db, state.actor, evaluations.EvaluationInput(
            at=datetime(2026, 3, 2, 9, tzinfo=UTC) + timedelta(hours=i), method="mystery",
            agent_id=agent, line_id=ids[SWITCHBOARD], answered=i != 2, pickup_seconds=10 * i,
            answers={k: "yes" for k in ("greeting", "named_body", "clear", "correct",
                                        "courteous", "special_category", "closing")}))  # fmt: skip
    model = EvaluationTableModel(state)
    model.page_size = 2
    model.reload()
    qtmodeltester.check(model)
    import_cdr(state.db, state.actor, SAMPLE)
    report = traffic.traffic(state.db, state.actor, parse_period("2026-03"))
    lines: RowsTableModel[traffic.LineTraffic] = RowsTableModel(
        ["n", "o"], lambda x: (x.number, str(x.offered)), numeric=(1,)
    )
    lines.set_rows(report.lines)
    qtmodeltester.check(lines)
    campaigns.plan(state.db, state.actor, "T", datetime(2026, 3, 2).date(),
                   datetime(2026, 3, 6).date(), 2)  # fmt: skip
    assert campaigns.list_campaigns(state.db, state.actor)[0].planned == 6


@pytest.mark.parametrize("rtl", [False, True])
def test_heatmap_and_charts_paint_without_warnings_c8_4(
    qtbot: QtBot, state: AppState, rtl: bool
) -> None:
    from desktop_app.ui.widgets.bar_chart import BarChart
    from desktop_app.ui.widgets.heatmap_widget import HeatmapWidget
    from desktop_app.ui.widgets.trend_chart import TrendChart

    make_lines(state.db)
    import_cdr(state.db, state.actor, SAMPLE)
    report = traffic.traffic(state.db, state.actor, parse_period("2026-03"))
    heatmap = HeatmapWidget()
    qtbot.addWidget(heatmap)
    heatmap.setLayoutDirection(Qt.LayoutDirection.RightToLeft if rtl else
                               Qt.LayoutDirection.LeftToRight)  # fmt: skip
    heatmap.resize(700, 260)
    heatmap.set_data(report.calls)
    image = QImage(heatmap.size(), QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.white)
    heatmap.render(image)
    # Monday 09:00 holds the busiest cell: it is painted darker than an empty one.
    busy = heatmap.cell_rect(0, 9).topLeft().toPoint() + QPoint(4, 4)  # beside the number
    empty = heatmap.cell_rect(6, 3).topLeft().toPoint() + QPoint(4, 4)
    assert QImage.pixelColor(image, busy).lightness() < QImage.pixelColor(image, empty).lightness()
    if rtl:
        assert heatmap.cell_rect(0, 0).left() > heatmap.cell_rect(0, 23).left()
    for widget, data in ((TrendChart(), ([("01/26", 70.0), ("02/26", 82.5)], 80.0)),
                         (BarChart(), ([("a", 3), ("b", 10)],))):  # fmt: skip
        qtbot.addWidget(widget)
        widget.resize(400, 200)
        widget.set_data(*data)
        canvas = QImage(widget.size(), QImage.Format.Format_ARGB32)
        canvas.fill(Qt.GlobalColor.white)
        widget.render(canvas)
        assert canvas.pixelColor(canvas.rect().center()).isValid()


def test_pages_open_and_follow_the_dashboard_filters(qtbot: QtBot, state: AppState) -> None:
    from desktop_app.ui.pages.calls_page import CallsPage
    from desktop_app.ui.pages.evaluations_page import EvaluationsPage

    make_lines(state.db)
    import_cdr(state.db, state.actor, SAMPLE)
    calls = CallsPage(state)
    qtbot.addWidget(calls)
    qtbot.waitSignal(calls.pictured, timeout=5000).wait()  # the traffic is read in the background
    assert calls.period.currentText() == "Quarter 1 2026"  # not "2026-Q1" (issue 14.8)
    assert calls.current_period().text == "2026-Q1"
    assert calls.model.rowCount() == 3
    with qtbot.waitSignal(calls.pictured, timeout=5000):
        calls.apply_filter(period="2026-03", below=90.0)
    assert calls.model.rowCount() == 2  # the short number answered its only call
    page = EvaluationsPage(state)
    qtbot.addWidget(page)
    page.apply_filter(tab="coaching", below=80.0)
    assert page.tabs.currentIndex() == 2
    assert page.card_model.rowCount() == 9  # version 2 adds C8.2's "directed" (issue 12)


def test_coaching_names_the_training_that_addresses_weak_criteria_c8_5(
    qtbot: QtBot, state: AppState
) -> None:
    """Weak greeting/naming → reception training, with when the agent last attended one."""
    from datetime import date, datetime

    from desktop_app.services import evaluations, training
    from desktop_app.services.evaluations import EvaluationInput
    from desktop_app.services.periods import TUNIS
    from desktop_app.services.training import Attendee, SessionInput
    from desktop_app.ui.pages.evaluations_page import EvaluationsPage

    ids = make_lines(state.db)
    agent, _ = make_agents(state.db)
    everything = {"greeting": "no", "named_body": "no", "clear": "yes", "correct": "yes",
                  "courteous": "yes", "special_category": "na", "closing": "yes"}  # fmt: skip
    evaluations.record(state.db, state.actor, EvaluationInput(
        at=datetime.now(TUNIS), method="supervisor", agent_id=agent,
        line_id=next(iter(ids.values())), answered=True, pickup_seconds=10,
        answers=everything))  # fmt: skip
    page = EvaluationsPage(state)
    qtbot.addWidget(page)
    page.apply_filter(tab="coaching")
    assert "never attended" in page.topics.text()
    training.create_session(
        state.db,
        state.actor,
        SessionInput("Accueil téléphonique", "reception", date(2026, 3, 10), 3.0),
        [Attendee(agent)],
    )
    page.show_coaching()
    assert "last attended 10/03/2026" in page.topics.text()


def test_choosing_a_line_filters_the_heatmap_and_time_to_answer_chart_c8_4(
    qtbot: QtBot, state: AppState
) -> None:
    from desktop_app.ui.pages.calls_page import CallsPage

    ids = make_lines(state.db)
    import_cdr(state.db, state.actor, SAMPLE)
    page = CallsPage(state)
    qtbot.addWidget(page)
    qtbot.waitSignal(page.pictured, timeout=5000).wait()  # the traffic is read in the background
    assert page.line.count() == 4 and page.line.currentData() is None  # all lines, then 3
    everything = traffic.traffic(state.db, state.actor, parse_period("2026-Q1"))
    assert page.heatmap._grid == everything.calls
    assert page.rings._bars[0][1] + page.rings._bars[1][1] == sum(everything.ring_buckets[:2])

    with qtbot.waitSignal(page.pictured, timeout=5000):
        page.choose_line(ids[SWITCHBOARD])
    switchboard = traffic.traffic(state.db, state.actor, parse_period("2026-Q1"),
                                  line_id=ids[SWITCHBOARD])  # fmt: skip
    assert switchboard.calls != everything.calls
    assert page.heatmap._grid == switchboard.calls
    assert [n for _, n in page.rings._bars] == switchboard.ring_buckets
    page.view.setCurrentIndex(1)  # lost calls of that line
    assert page.heatmap._grid == switchboard.missed
    # The line stays chosen when the period changes, and a table row chooses its line.
    page.period.setCurrentText("2026-03")
    with qtbot.waitSignal(page.pictured, timeout=5000):
        page.refresh()
    assert page.line.currentData() == ids[SWITCHBOARD]
    green = next(r for r in range(page.model.rowCount())
                 if page.model.row_at(r).line_id == ids["+21680100321"])  # fmt: skip
    page.table.setCurrentIndex(page.model.index(green, 0))
    assert page.line.currentData() == ids["+21680100321"]
    with qtbot.waitSignal(page.pictured, timeout=5000):
        page.line.setCurrentIndex(0)
    assert page.heatmap._grid == everything.missed


def test_a_summary_table_writes_each_row_once_c8_4() -> None:
    """A view fitting its columns asks for every cell again and again: the row's texts are
    written once, and again only for new rows (the Calls page's 2 000 lines, issue 15.3)."""
    from desktop_app.ui.models.rows_table_model import RowsTableModel

    written: list[int] = []

    def cells(n: int) -> tuple[str, str]:
        written.append(n)
        return str(n), str(n * 2)

    model: RowsTableModel[int] = RowsTableModel(["n", "2n"], cells)
    model.set_rows([1, 2])
    for _ in range(3):
        for row in range(2):
            for column in range(2):
                model.data(model.index(row, column))
    assert written == [1, 2]
    assert model.data(model.index(1, 1)) == "4"
    model.set_rows([5])
    assert model.data(model.index(0, 1)) == "10" and written == [1, 2, 5]
