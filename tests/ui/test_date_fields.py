"""Every date and date-time editor reads like the tables (06/12/2026 14:05) in Arabic too."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

from PySide6.QtWidgets import QDateEdit, QDateTimeEdit, QDialog
from pytestqt.qtbot import QtBot

from desktop_app.i18n import install_language
from desktop_app.services import lines
from desktop_app.services.lines import LineInput
from desktop_app.ui.main_window import apply_direction
from desktop_app.ui.state import AppState
from desktop_app.ui.widgets.date_fields import date_edit, datetime_edit
from desktop_app.ui.widgets.local_datetime_edit import LocalDateTimeEdit

DATE_TIME = re.compile(r"\d\d/\d\d/\d{4} \d\d:\d\d")
DATE = re.compile(r"\d\d/\d\d/\d{4}")


def _arabic(state: AppState) -> AppState:
    install_language("ar")
    apply_direction("ar")
    return AppState(state.db, state.location, state.actor, "ar")


def test_the_factory_shows_day_first_and_the_time_unreversed_in_arabic(qtbot: QtBot, state) -> None:
    _arabic(state)
    parent = QDialog()  # a right-to-left parent, as in every dialog
    qtbot.addWidget(parent)
    moment = datetime(2026, 12, 6, 2, 55)
    edit = datetime_edit(moment, parent)
    day = date_edit(date(2026, 12, 6), parent)
    local = LocalDateTimeEdit(datetime(2026, 12, 6, 13, 55, tzinfo=UTC), parent)
    assert edit.text() == "06/12/2026 02:55"
    assert day.text() == "06/12/2026"
    assert local.text() == "06/12/2026 14:55"  # Tunis is UTC+1
    for widget in (edit, day, local):
        assert "\u200f" not in widget.text()


def test_the_line_dialogs_and_the_call_evaluation_read_left_to_right_in_arabic(
    qtbot: QtBot, state: AppState
) -> None:
    from desktop_app.ui.dialogs.evaluation_dialog import EvaluationDialog
    from desktop_app.ui.dialogs.line_check_dialog import LineCheckDialog
    from desktop_app.ui.dialogs.line_fault_dialog import LineFaultDialog
    from desktop_app.ui.dialogs.line_forward_dialog import LineForwardDialog

    line = lines.create_line(state.db, state.actor, LineInput("71 563 590", "direct"))
    arabic = _arabic(state)
    dialogs = [
        LineCheckDialog(arabic, line),
        LineFaultDialog(arabic, line),
        LineForwardDialog(arabic, line),
        EvaluationDialog(arabic, line_id=line.id),
    ]
    seen = 0
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        for edit in dialog.findChildren(QDateTimeEdit):
            pattern = DATE if isinstance(edit, QDateEdit) else DATE_TIME
            assert pattern.fullmatch(edit.text()), (type(dialog).__name__, edit.text())
            seen += 1
    assert seen >= 5


def test_every_date_editor_of_the_window_comes_from_the_factory() -> None:
    """The callers' day and the e-mail notice's date were plain QDateEdits given their format
    in right-to-left: Arabic read 2026/12/05 for 05/12/2026 (issues 11 and 17 beside 14)."""
    from pathlib import Path

    import desktop_app.ui as ui

    root = Path(ui.__file__).parent
    raw = re.compile(r"\bQDate(?:Time)?Edit\(")
    made_by_hand = [
        str(path.relative_to(root))
        for path in root.rglob("*.py")
        if path.name != "date_fields.py" and raw.search(path.read_text(encoding="utf-8"))
    ]
    assert made_by_hand == []
