"""The administrator's calendar window: public holidays and office hours of the deadline clock.

The working-hours clock of C2.1 is only as right as this calendar. Lunar holidays are announced
by the Mufti days before, and the summer and Ramadan hours are re-announced every year, so an
administrator confirms or moves them here; the deadlines service recomputes the stored
deadlines after every change. Other roles see the calendar read-only.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time
from typing import TypeVar

from PySide6.QtCore import QDate, QItemSelectionModel, QLocale, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services import deadlines
from desktop_app.services.deadlines import HolidayRow, TimetableRow
from desktop_app.services.permissions import Perm
from desktop_app.ui.dialogs.calendar_editors import (
    HolidayEditor,
    TimetableEditor,
    day_name,
    kind_label,
)
from desktop_app.ui.formatting import format_date
from desktop_app.ui.messages import attempt, attempt_done
from desktop_app.ui.state import AppState
from desktop_app.ui.widgets.tables import table_widget

ESTIMATED_BACKGROUND = QColor("#fff4d6")
T = TypeVar("T")


def item(text: str, align_center: bool = False) -> QTableWidgetItem:
    cell = QTableWidgetItem(text)
    cell.setFlags(Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled)
    if align_center:
        cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
    return cell


def short_time(t: time) -> str:
    return t.strftime("%H:%M")


def today_year() -> int:
    return QDate.currentDate().year()


def selected_of(view: QTableWidget, rows: list[T]) -> T | None:
    """The row behind the selection: the one row that any selected cell belongs to."""
    chosen = {index.row() for index in view.selectionModel().selectedIndexes()}
    if len(chosen) != 1:
        return None
    r = chosen.pop()
    return rows[r] if r < len(rows) else None


def select_row(view: QTableWidget, row: int) -> None:
    """Select a whole row through the selection model: QTableView.selectRow picks the column at
    the viewport's edge and silently selects nothing while the view is not laid out yet."""
    flags = (
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    )
    view.selectionModel().setCurrentIndex(view.model().index(row, 0), flags)


class CalendarDialog(QDialog):
    """Two tabs: the year's public holidays and the dated periods of office hours (C2.1)."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.editable = state.actor.can(Perm.EDIT_SETTINGS)
        self.holidays: list[HolidayRow] = []
        self.timetables: list[TimetableRow] = []
        self.editor: QDialog | None = None
        self.setWindowTitle(self.tr("Holidays and office hours"))
        self.setMinimumSize(940, 600)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "The working-hours deadline clock skips these holidays and counts only these office "
            "hours. Confirm or move the lunar holidays when they are officially announced, and "
            "enter the summer and Ramadan hours each year."
        ))  # fmt: skip
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._holidays_tab(), self.tr("Public holidays"))
        self.tabs.addTab(self._hours_tab(), self.tr("Office hours"))
        layout.addWidget(self.tabs, 1)
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.status.setObjectName("calendarStatus")
        self.status.setStyleSheet("color: #1d6b2f;")
        layout.addWidget(self.status)
        if not self.editable:
            note = QLabel(self.tr("Only an administrator can change the calendar."))
            note.setStyleSheet("color: #555555;")
            layout.addWidget(note)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.load_holidays()
        self.load_timetables()

    # -- public holidays ------------------------------------------------------------------------
    def _holidays_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Year")))
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(today_year())
        self.year.setMinimumWidth(90)
        self.year.valueChanged.connect(self.load_holidays)
        top.addWidget(self.year)
        top.addStretch(1)
        self.seed_button = QPushButton(self.tr("Fill the year from the official list"))
        self.seed_button.clicked.connect(self.seed_year)
        top.addWidget(self.seed_button)
        layout.addLayout(top)
        self.holiday_table = table_widget(
            [self.tr("Day"), self.tr("Weekday"), self.tr("Holiday"), self.tr("Status")],
            alternate=True,
        )
        header = self.holiday_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.holiday_table.itemSelectionChanged.connect(self._follow_holiday_selection)
        self.holiday_table.doubleClicked.connect(lambda _index: self.edit_holiday())
        layout.addWidget(self.holiday_table, 1)
        self.holiday_hint = QLabel()
        self.holiday_hint.setWordWrap(True)
        layout.addWidget(self.holiday_hint)
        buttons = QHBoxLayout()
        self.add_holiday_button = QPushButton(self.tr("Add…"))
        self.edit_holiday_button = QPushButton(self.tr("Edit…"))
        self.delete_holiday_button = QPushButton(self.tr("Delete"))
        self.confirm_button = QPushButton(self.tr("Confirm the date"))
        self.confirm_button.setToolTip(
            self.tr("Mark the selected estimated holiday as officially announced.")
        )
        self.add_holiday_button.clicked.connect(self.add_holiday)
        self.edit_holiday_button.clicked.connect(self.edit_holiday)
        self.delete_holiday_button.clicked.connect(self.delete_holiday)
        self.confirm_button.clicked.connect(self.confirm_holiday)
        for button in (self.add_holiday_button, self.edit_holiday_button,
                       self.delete_holiday_button, self.confirm_button):  # fmt: skip
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        return tab

    def holiday_name(self, row: HolidayRow) -> str:
        if self.state.lang == "ar":
            return row.name_ar or row.name_fr
        return row.name_fr or row.name_ar

    def load_holidays(self) -> None:
        rows = attempt(self, lambda: deadlines.list_holidays(
            self.state.db, self.state.actor, self.year.value()
        ))  # fmt: skip
        self.holidays = rows or []
        view = self.holiday_table
        view.setRowCount(len(self.holidays))
        for r, row in enumerate(self.holidays):
            cells = [
                item(format_date(row.day), align_center=True),
                item(day_name(row.day.isoweekday())),
                item(self.holiday_name(row)),
                item(self.tr("Estimated") if row.estimated else self.tr("Confirmed")),
            ]
            for c, cell in enumerate(cells):
                if row.estimated:
                    cell.setBackground(ESTIMATED_BACKGROUND)
                view.setItem(r, c, cell)
        view.resizeRowsToContents()
        estimated = sum(1 for h in self.holidays if h.estimated)
        if not self.holidays:
            self.holiday_hint.setText(self.tr(
                "No public holiday is recorded for {year}: use “Fill the year from the official "
                "list”, then check the lunar dates."
            ).format(year=self.year.value()))  # fmt: skip
        elif estimated:
            self.holiday_hint.setText(self.tr(
                "Dates still estimated: %n. Confirm or move each one once the official "
                "announcement is made.", None, estimated))  # fmt: skip
        else:
            self.holiday_hint.setText(self.tr("Every date of {year} is confirmed.").format(
                year=self.year.value()
            ))  # fmt: skip
        self._follow_holiday_selection()

    def selected_holiday(self) -> HolidayRow | None:
        return selected_of(self.holiday_table, self.holidays)

    def select_holiday(self, day: date) -> None:
        for r, row in enumerate(self.holidays):
            if row.day == day:
                select_row(self.holiday_table, r)
                return

    def select_timetable(self, timetable_id: int) -> None:
        for r, row in enumerate(self.timetables):
            if row.id == timetable_id:
                select_row(self.timetable_table, r)
                return

    def _follow_holiday_selection(self) -> None:
        chosen = self.selected_holiday()
        self.seed_button.setEnabled(self.editable)
        self.add_holiday_button.setEnabled(self.editable)
        self.edit_holiday_button.setEnabled(self.editable and chosen is not None)
        self.delete_holiday_button.setEnabled(self.editable and chosen is not None)
        self.confirm_button.setEnabled(self.editable and chosen is not None and chosen.estimated)

    def _open(self, editor: QDialog, after: Callable[[], None]) -> None:
        """Open an editor window-modally (not exec()): the window stays testable and responsive."""
        self.editor = editor
        editor.accepted.connect(after)
        editor.open()

    def add_holiday(self) -> None:
        year = self.year.value()
        default = date.today() if date.today().year == year else date(year, 1, 1)
        editor = HolidayEditor(self.state, None, default, self)
        self._open(editor, lambda: self._holiday_saved(editor))

    def edit_holiday(self) -> None:
        row = self.selected_holiday()
        if row is None:
            return
        editor = HolidayEditor(self.state, row, row.day, self)
        self._open(editor, lambda: self._holiday_saved(editor))

    def _holiday_saved(self, editor: HolidayEditor) -> None:
        if editor.saved_day is not None and editor.saved_day.year != self.year.value():
            self.year.setValue(editor.saved_day.year)  # reloads
        else:
            self.load_holidays()
        if editor.saved_day is not None:
            self.select_holiday(editor.saved_day)
        self.changed()

    def confirm_holiday(self) -> None:
        row = self.selected_holiday()
        if row is None or not row.estimated:
            return
        done = attempt_done(self, lambda: deadlines.save_holiday(
            self.state.db, self.state.actor, row.day, row.name_ar, row.name_fr,
            estimated=False, holiday_id=row.id, expected_version=row.version,
        ))  # fmt: skip
        self.load_holidays()
        self.select_holiday(row.day)
        if done:
            self.changed()

    def delete_holiday(self) -> None:
        row = self.selected_holiday()
        if row is None:
            return
        answer = QMessageBox.question(
            self,
            self.windowTitle(),
            self.tr("Delete the holiday of {day} ({name})? Deadlines will count it as a working "
                    "day.").format(day=format_date(row.day), name=self.holiday_name(row)),
        )  # fmt: skip
        if answer != QMessageBox.StandardButton.Yes:
            return
        done = attempt_done(self, lambda: deadlines.delete_holiday(
            self.state.db, self.state.actor, row.id
        ))  # fmt: skip
        self.load_holidays()
        if done:
            self.changed()

    def seed_year(self) -> None:
        year = self.year.value()
        done = attempt(self, lambda: deadlines.seed_calendar(self.state.db, self.state.actor, year))
        if done is None:
            return
        self.load_holidays()
        self.load_timetables()
        if done:
            self.changed()
        else:
            self.status.setText(self.tr(
                "{year} was already filled; the corrections made since are kept."
            ).format(year=year))  # fmt: skip

    # -- office hours ---------------------------------------------------------------------------
    def _hours_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        explain = QLabel(self.tr(
            "When periods overlap, the shorter one applies: Ramadan and summer hours replace the "
            "usual hours on their dates."
        ))  # fmt: skip
        explain.setWordWrap(True)
        layout.addWidget(explain)
        self.timetable_table = table_widget([
            self.tr("Name"), self.tr("Kind"), self.tr("From"), self.tr("To"),
            self.tr("Sessions"), self.tr("Status"),
        ], alternate=True)  # fmt: skip
        header = self.timetable_table.horizontalHeader()
        for column in (0, 1, 2, 3, 5):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.timetable_table.itemSelectionChanged.connect(self._follow_timetable_selection)
        self.timetable_table.doubleClicked.connect(lambda _index: self.edit_timetable())
        layout.addWidget(self.timetable_table, 1)
        buttons = QHBoxLayout()
        self.add_timetable_button = QPushButton(self.tr("Add…"))
        self.edit_timetable_button = QPushButton(self.tr("Edit…"))
        self.add_timetable_button.clicked.connect(self.add_timetable)
        self.edit_timetable_button.clicked.connect(self.edit_timetable)
        buttons.addWidget(self.add_timetable_button)
        buttons.addWidget(self.edit_timetable_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        return tab

    def timetable_name(self, row: TimetableRow) -> str:
        """Seeded periods carry English labels; show them in the user's language."""
        year = row.valid_from.year if row.valid_from else None
        if row.kind == "normal" and row.label == "Double session":
            return self.tr("Double session")
        if row.kind == "summer" and year and row.label == f"Summer {year}":
            return self.tr("Summer {year}").format(year=year)
        if row.kind == "ramadan" and year and row.label == f"Ramadan {year}":
            return self.tr("Ramadan {year}").format(year=year)
        return row.label or kind_label(row.kind)

    def describe_sessions(self, sessions: dict[int, tuple[tuple[time, time], ...]]) -> str:
        """One line per run of weekdays with the same hours: “Monday to Thursday: 08:00–12:00…”."""
        runs: list[tuple[int, int, tuple[tuple[time, time], ...]]] = []
        for weekday in range(1, 8):
            spans = sessions.get(weekday, ())
            if not spans:
                continue
            if runs and runs[-1][1] == weekday - 1 and runs[-1][2] == spans:
                runs[-1] = (runs[-1][0], weekday, spans)
            else:
                runs.append((weekday, weekday, spans))
        if not runs:
            return self.tr("Closed every day")
        lines = []
        for first, last, spans in runs:
            # Arabic says “من 08:30 إلى 13:00”: a bare “08:30–13:00” is reordered right-to-left.
            hours = [self.tr("{opens}–{closes}").format(opens=short_time(a), closes=short_time(b))
                     for a, b in spans]  # fmt: skip
            joined = (
                hours[0]
                if len(hours) == 1
                else self.tr("{first} and {second}").format(first=hours[0], second=hours[1])
            )
            days = (
                day_name(first)
                if first == last
                else self.tr("{first} to {last}").format(
                    first=day_name(first), last=QLocale().dayName(last)
                )
            )
            lines.append(self.tr("{days}: {hours}").format(days=days, hours=joined))
        return "\n".join(lines)

    def load_timetables(self) -> None:
        rows = attempt(self, lambda: deadlines.list_timetables(self.state.db, self.state.actor))
        self.timetables = rows or []
        view = self.timetable_table
        view.setRowCount(len(self.timetables))
        for r, row in enumerate(self.timetables):
            cells = [
                item(self.timetable_name(row)),
                item(kind_label(row.kind)),
                item(format_date(row.valid_from) if row.valid_from else self.tr("always"),
                     align_center=True),
                item(format_date(row.valid_to) if row.valid_to else self.tr("always"),
                     align_center=True),
                item(self.describe_sessions(row.sessions)),
                item(self.tr("Estimated") if row.estimated else self.tr("Confirmed")),
            ]  # fmt: skip
            for c, cell in enumerate(cells):
                if row.estimated:
                    cell.setBackground(ESTIMATED_BACKGROUND)
                view.setItem(r, c, cell)
        view.resizeRowsToContents()
        self._follow_timetable_selection()

    def selected_timetable(self) -> TimetableRow | None:
        return selected_of(self.timetable_table, self.timetables)

    def _follow_timetable_selection(self) -> None:
        self.add_timetable_button.setEnabled(self.editable)
        self.edit_timetable_button.setEnabled(
            self.editable and self.selected_timetable() is not None
        )

    def add_timetable(self) -> None:
        editor = TimetableEditor(self.state, None, self.year.value(), self)
        self._open(editor, self._timetable_saved)

    def edit_timetable(self) -> None:
        row = self.selected_timetable()
        if row is None:
            return
        editor = TimetableEditor(
            self.state, row, self.year.value(), self, shown_name=self.timetable_name(row)
        )
        self._open(editor, self._timetable_saved)

    def _timetable_saved(self) -> None:
        self.load_timetables()
        self.changed()

    # -- after any change -------------------------------------------------------------------------
    def changed(self) -> None:
        self.status.setText(
            self.tr("Saved. The deadlines of the requests concerned have been recomputed.")
        )
