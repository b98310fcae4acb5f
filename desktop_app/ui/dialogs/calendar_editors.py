"""The two small editors behind the calendar window: one public holiday, one timetable period.

Each editor saves through the deadlines service itself and shows a refused save (a clash, a
session closing before it opens, a role that may not edit) as one sentence inside the editor,
so the administrator corrects it without losing what was typed (C2.1).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date, time

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services import deadlines
from desktop_app.services.deadlines import HolidayRow, TimetableRow
from desktop_app.services.errors import UserError
from desktop_app.ui.state import AppState
from desktop_app.ui.widgets.date_fields import date_edit as shared_date_edit
from desktop_app.ui.widgets.save_buttons import save_buttons

DATE_FORMAT = "dd/MM/yyyy"
TIME_FORMAT = "HH:mm"
WEEKDAYS = range(1, 8)  # ISO weekdays, 1 = Monday, as the timetables store them
Sessions = dict[int, tuple[tuple[time, time], ...]]


def to_qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def from_qdate(d: QDate) -> date:
    return date(d.year(), d.month(), d.day())


def date_edit(value: date) -> QDateEdit:
    return shared_date_edit(value)


def day_name(weekday: int) -> str:
    """The weekday in the user's language, capitalised (French writes “lundi” in a sentence)."""
    name = QLocale().dayName(weekday)
    return name[:1].upper() + name[1:]


def error_label() -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setStyleSheet("color: #9b1c1c;")
    label.setWordWrap(True)
    return label


class HolidayEditor(QDialog):
    """Add a holiday, or move/rename one once the Mufti has announced the lunar date."""

    def __init__(
        self, state: AppState, row: HolidayRow | None, default_day: date,
        parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.state = state
        self.row = row
        self.saved_day: date | None = None
        self.setWindowTitle(self.tr("Edit holiday") if row else self.tr("Add a holiday"))
        self.setMinimumWidth(520)
        form = QFormLayout(self)
        self.day = date_edit(row.day if row else default_day)
        self.name_ar = QLineEdit(row.name_ar if row else "")
        self.name_ar.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.name_fr = QLineEdit(row.name_fr if row else "")
        self.name_fr.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.estimated = QCheckBox(self.tr("Estimated date (not yet officially announced)"))
        self.estimated.setChecked(row.estimated if row else False)
        form.addRow(self.tr("Day"), self.day)
        form.addRow(self.tr("Name in Arabic"), self.name_ar)
        form.addRow(self.tr("Name in French"), self.name_fr)
        form.addRow(self.estimated)
        self.error = error_label()
        form.addRow(self.error)
        form.addRow(save_buttons(self, self.save))

    def save(self) -> bool:
        day = from_qdate(self.day.date())
        try:
            deadlines.save_holiday(
                self.state.db,
                self.state.actor,
                day,
                self.name_ar.text(),
                self.name_fr.text(),
                estimated=self.estimated.isChecked(),
                holiday_id=self.row.id if self.row else None,
                expected_version=self.row.version if self.row else None,
            )
        except UserError as exc:
            self.error.setText(exc.message)
            return False
        self.saved_day = day
        self.accept()
        return True


class SessionPair(QWidget):
    """One session of one weekday: a tick box and its opening and closing times."""

    def __init__(
        self, title: str, opens: QTime, closes: QTime, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.enabled = QCheckBox(title)
        self.opens = QTimeEdit(opens)
        self.closes = QTimeEdit(closes)
        dash = QLabel("–")
        row.addWidget(self.enabled)
        row.addWidget(self.opens)
        row.addWidget(dash)
        row.addWidget(self.closes)
        row.addStretch(1)
        for edit in (self.opens, self.closes):
            edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # before the format, as dates
            edit.setDisplayFormat(TIME_FORMAT)
        self.enabled.toggled.connect(self._follow)
        self._follow(False)

    def _follow(self, on: bool) -> None:
        self.opens.setEnabled(on)
        self.closes.setEnabled(on)

    def set_span(self, span: tuple[time, time] | None) -> None:
        self.enabled.setChecked(span is not None)
        if span is not None:
            self.opens.setTime(QTime(span[0].hour, span[0].minute))
            self.closes.setTime(QTime(span[1].hour, span[1].minute))

    def span(self) -> tuple[time, time] | None:
        if not self.enabled.isChecked():
            return None
        opens, closes = self.opens.time(), self.closes.time()
        return time(opens.hour(), opens.minute()), time(closes.hour(), closes.minute())


def kind_label(kind: str) -> str:
    labels = {
        "normal": QCoreApplication.translate("TimetableEditor", "Usual hours"),
        "summer": QCoreApplication.translate("TimetableEditor", "Summer single session"),
        "ramadan": QCoreApplication.translate("TimetableEditor", "Ramadan"),
        "other": QCoreApplication.translate("TimetableEditor", "Other period"),
    }
    return labels.get(kind, kind)


PRESETS: Mapping[str, Mapping[str, list[list[str]]]] = {
    "summer": deadlines.SUMMER_SESSIONS,
    "ramadan": deadlines.RAMADAN_SESSIONS,
}


class TimetableEditor(QDialog):
    """A dated period of office hours: up to two sessions for each day of the week."""

    def __init__(
        self, state: AppState, row: TimetableRow | None, default_year: int,
        parent: QWidget | None = None, shown_name: str = "",
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.state = state
        self.row = row
        self.shown_name = shown_name or (row.label if row else "")
        self.setWindowTitle(self.tr("Edit office hours") if row else self.tr("Add office hours"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)
        self.kind = QComboBox()
        for key in ("normal", "summer", "ramadan", "other"):
            self.kind.addItem(kind_label(key), key)
        self.label = QLineEdit(self.shown_name)
        self.dated = QCheckBox(self.tr("Applies only between these dates"))
        self.valid_from = date_edit(row.valid_from if row and row.valid_from else
                                    date(default_year, 1, 1))  # fmt: skip
        self.valid_to = date_edit(row.valid_to if row and row.valid_to else
                                  date(default_year, 12, 31))  # fmt: skip
        dates = QHBoxLayout()
        dates.addWidget(QLabel(self.tr("From")))
        dates.addWidget(self.valid_from)
        dates.addSpacing(12)
        dates.addWidget(QLabel(self.tr("To")))
        dates.addWidget(self.valid_to)
        dates.addStretch(1)
        self.estimated = QCheckBox(self.tr("Dates estimated (not yet officially announced)"))
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Name"), self.label)
        form.addRow(self.dated)
        form.addRow(dates)
        form.addRow(self.estimated)

        week = QGroupBox(self.tr("Sessions (a day without any session is a day off)"))
        grid = QGridLayout(week)
        grid.setHorizontalSpacing(18)
        self.sessions: dict[int, tuple[SessionPair, SessionPair]] = {}
        for line, weekday in enumerate(WEEKDAYS):
            day = QLabel(day_name(weekday))
            first = SessionPair(self.tr("Morning"), QTime(8, 30), QTime(13, 0))
            second = SessionPair(self.tr("Afternoon"), QTime(15, 0), QTime(17, 30))
            grid.addWidget(day, line, 0)
            grid.addWidget(first, line, 1)
            grid.addWidget(second, line, 2)
            self.sessions[weekday] = (first, second)
        grid.setColumnStretch(3, 1)
        layout.addWidget(week)
        self.error = error_label()
        layout.addWidget(self.error)
        layout.addWidget(save_buttons(self, self.save))

        self.dated.toggled.connect(self.valid_from.setEnabled)
        self.dated.toggled.connect(self.valid_to.setEnabled)
        if row is not None:
            self.kind.setCurrentIndex(max(0, self.kind.findData(row.kind)))
            self.dated.setChecked(row.valid_from is not None or row.valid_to is not None)
            self.estimated.setChecked(row.estimated)
            self.set_sessions(row.sessions)
        else:
            self.dated.setChecked(True)
        self.valid_from.setEnabled(self.dated.isChecked())
        self.valid_to.setEnabled(self.dated.isChecked())
        self.kind.currentIndexChanged.connect(self._preset)

    def _preset(self) -> None:
        """A new summer or Ramadan period starts from the usual hours of such a period."""
        preset = PRESETS.get(self.kind.currentData())
        if self.row is None and preset is not None:
            self.set_sessions(deadlines.parse_sessions(json.dumps(preset)))

    def set_sessions(self, sessions: Mapping[int, tuple[tuple[time, time], ...]]) -> None:
        for weekday, (first, second) in self.sessions.items():
            spans = list(sessions.get(weekday, ()))
            first.set_span(spans[0] if spans else None)
            second.set_span(spans[1] if len(spans) > 1 else None)

    def chosen_sessions(self) -> Sessions:
        out: Sessions = {}
        for weekday, pair in self.sessions.items():
            spans = tuple(s for s in (pair[0].span(), pair[1].span()) if s is not None)
            if spans:
                out[weekday] = spans
        return out

    def save(self) -> bool:
        dated = self.dated.isChecked()
        label = self.label.text().strip() or kind_label(self.kind.currentData())
        if self.row is not None and label == self.shown_name:
            label = self.row.label  # a seeded “Ramadan 2026” stays itself in every language
        try:
            deadlines.save_timetable(
                self.state.db,
                self.state.actor,
                kind=self.kind.currentData(),
                label=label,
                valid_from=from_qdate(self.valid_from.date()) if dated else None,
                valid_to=from_qdate(self.valid_to.date()) if dated else None,
                sessions=self.chosen_sessions(),
                estimated=self.estimated.isChecked(),
                timetable_id=self.row.id if self.row else None,
                expected_version=self.row.version if self.row else None,
            )
        except UserError as exc:
            self.error.setText(exc.message)
            return False
        self.accept()
        return True
