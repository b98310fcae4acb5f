"""A date-and-time field in Tunis local time that hands back an aware UTC datetime."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtWidgets import QDateTimeEdit, QWidget

from desktop_app.ui.formatting import TUNIS
from desktop_app.ui.widgets.date_fields import DATETIME_FORMAT, prepare


class LocalDateTimeEdit(QDateTimeEdit):
    def __init__(self, value: datetime | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        prepare(self, DATETIME_FORMAT)
        self.set_value(value or datetime.now(UTC))

    def set_value(self, value: datetime) -> None:
        d = value.astimezone(TUNIS)
        self.setDateTime(QDateTime(QDate(d.year, d.month, d.day), QTime(d.hour, d.minute)))

    def value(self) -> datetime:
        qd, qt = self.date(), self.time()
        local = datetime(qd.year(), qd.month(), qd.day(), qt.hour(), qt.minute(), tzinfo=TUNIS)
        return local.astimezone(UTC)
