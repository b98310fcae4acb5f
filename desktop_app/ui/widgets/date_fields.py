"""The one place date and date-time editors are made: dd/MM/yyyy [HH:mm], left to right."""

from __future__ import annotations

from datetime import date, datetime, time

from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtWidgets import QDateEdit, QDateTimeEdit, QWidget

# What the tables and Tunisian forms write; explicit, because ar_TN's short format carries
# U+200F marks and would differ from the tables (DESIGN.md, known traps).
DATE_FORMAT = "dd/MM/yyyy"
DATETIME_FORMAT = "dd/MM/yyyy HH:mm"


def prepare(edit: QDateTimeEdit, display_format: str) -> None:
    """Left to right BEFORE the format: in right-to-left QDateTimeEdit reverses the sections it
    parses from the format, and Arabic then reads "55:02 2026/12/06" for 06/12/2026 02:55."""
    edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    edit.setDisplayFormat(display_format)
    edit.setCalendarPopup(True)


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> date:
    """The Python day of a QDate; PySide6 types ``QDate.toPython()`` as ``object``."""
    return date(day.year(), day.month(), day.day())


def from_qtime(moment: QTime) -> time:
    """The Python wall time of a QTime, to the millisecond as ``QTime.toPython()`` gives it."""
    return time(moment.hour(), moment.minute(), moment.second(), moment.msec() * 1000)


def date_edit(day: date | QDate | None = None, parent: QWidget | None = None) -> QDateEdit:
    """A dd/MM/yyyy field with a calendar pop-up, today when no day is given."""
    edit = QDateEdit(parent)
    prepare(edit, DATE_FORMAT)
    if day is None:
        edit.setDate(QDate.currentDate())
    else:
        edit.setDate(day if isinstance(day, QDate) else to_qdate(day))
    return edit


def datetime_edit(
    value: QDateTime | datetime | None = None, parent: QWidget | None = None
) -> QDateTimeEdit:
    """A dd/MM/yyyy HH:mm field; a naive datetime is taken as the wall time to show."""
    edit = QDateTimeEdit(parent)
    prepare(edit, DATETIME_FORMAT)
    if isinstance(value, datetime):
        wall = value.time()
        edit.setDateTime(
            QDateTime(to_qdate(value.date()), QTime(wall.hour, wall.minute, wall.second))
        )
    elif value is not None:
        edit.setDateTime(value)
    return edit
