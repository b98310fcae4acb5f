"""Past removals of expired personal data (law 2004-63): when, by whom, up to which date, how
many requests and which references — the record every purge writes, shown in the window."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services.requests import PurgeRecord
from desktop_app.ui.formatting import format_datetime, plain_tooltip


class PurgeHistoryDialog(QDialog):
    def __init__(self, records: list[PurgeRecord], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Past removals of personal data"))
        self.setMinimumSize(720, 360)
        layout = QVBoxLayout(self)
        if not records:
            layout.addWidget(QLabel(self.tr("No personal data has been removed yet.")))
        self.table = QTableWidget(len(records), 5)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("When"),
                self.tr("By"),
                self.tr("Older than"),
                self.tr("Requests"),
                self.tr("References"),
            ]  # fmt: skip
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        for i, record in enumerate(records):
            refs = ", ".join(record.references)
            for col, value in enumerate(
                (
                    format_datetime(record.at),
                    record.username,
                    format_datetime(record.cutoff),
                    str(record.count),
                    refs,
                )  # fmt: skip
            ):
                item = QTableWidgetItem(value)
                if col == 4 and refs:
                    item.setToolTip(plain_tooltip(refs))
                self.table.setItem(i, col, item)
        self.table.resizeColumnsToContents()
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
