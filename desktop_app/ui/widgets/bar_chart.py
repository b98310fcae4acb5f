"""Horizontal bars with their labels and counts, drawn with QPainter (no QtCharts)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop_app.ui.formatting import format_number


class BarChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bars: list[tuple[str, int]] = []
        self._colour = QColor("#2e8b57")
        self.setMinimumHeight(110)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def set_data(self, bars: list[tuple[str, int]], colour: str = "#2e8b57") -> None:
        self._bars = list(bars)
        self._colour = QColor(colour)
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(360, 22 * max(len(self._bars), 4) + 8)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        metrics = self.fontMetrics()
        text = self.palette().text().color()
        peak = max((v for _, v in self._bars), default=0)
        label_w = max((metrics.horizontalAdvance(b[0]) for b in self._bars), default=0) + 12
        count_w = metrics.horizontalAdvance(format_number(peak)) + 12
        row_h = min(24.0, (self.height() - 4) / max(len(self._bars), 1))
        rtl = self.isRightToLeft()
        for i, (label, value) in enumerate(self._bars):
            top = 2 + i * row_h
            bar_w = (self.width() - label_w - count_w - 8) * (value / peak if peak else 0)
            label_rect = QRectF(0, top, label_w - 6, row_h)
            bar = QRectF(label_w, top + 3, bar_w, row_h - 6)
            count = QRectF(label_w + bar_w + 4, top, count_w, row_h)
            if rtl:
                for r in (label_rect, bar, count):
                    r.moveLeft(self.width() - r.right())
            painter.setPen(text)
            painter.drawText(
                label_rect,
                int(
                    Qt.AlignmentFlag.AlignVCenter
                    | (Qt.AlignmentFlag.AlignLeft if rtl else Qt.AlignmentFlag.AlignRight)
                ),
                label,
            )
            painter.fillRect(bar, self._colour)
            painter.drawText(count, int(Qt.AlignmentFlag.AlignVCenter | (
                Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft)),
                format_number(value))  # fmt: skip
        painter.end()
