"""Day-of-week × hour heatmap of calls or lost calls (C8.4), drawn with QPainter (no QtCharts)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop_app.ui.formatting import format_number

TOP = 6.0  # the space above the first row


class HeatmapWidget(QWidget):
    """7 rows (Monday first) × 24 hours; darker = more. Mirrored for right-to-left languages."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._grid: list[list[int]] = [[0] * 24 for _ in range(7)]
        self._base = QColor("#1f6fb2")
        self.setMinimumSize(420, 190)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_data(self, grid: list[list[int]], colour: str = "#1f6fb2") -> None:
        self._grid = [list(row) for row in grid]
        self._base = QColor(colour)
        self.setToolTip("")
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(640, 230)

    def day_names(self) -> list[str]:
        return [self.tr("Mon"), self.tr("Tue"), self.tr("Wed"), self.tr("Thu"), self.tr("Fri"),
                self.tr("Sat"), self.tr("Sun")]  # fmt: skip

    def cell_rect(self, day: int, hour: int, left: float | None = None) -> QRectF:
        """The cell's rectangle; `left` (the day names' width, from _margins) saves measuring
        the names again for each of the 168 cells of a paint (issue 15.3)."""
        if left is None:
            left, _ = self._margins()
        top = TOP
        w = (self.width() - left - 8) / 24
        h = (self.height() - top - 22) / 7
        x = left + hour * w
        if self.isRightToLeft():
            x = self.width() - (left + (hour + 1) * w)
        return QRectF(x, top + day * h, w, h)

    def _margins(self) -> tuple[float, float]:
        names = self.day_names()
        label = max(self.fontMetrics().horizontalAdvance(n) for n in names) + 10
        return float(label), TOP

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        peak = max((v for row in self._grid for v in row), default=0)
        left, _ = self._margins()
        text_colour = self.palette().text().color()
        for day, name in enumerate(self.day_names()):
            first = self.cell_rect(day, 0, left)
            label = QRectF(0, first.top(), left - 6, first.height())
            if self.isRightToLeft():
                label.moveRight(self.width())
            painter.setPen(text_colour)
            align = Qt.AlignmentFlag.AlignVCenter | (
                Qt.AlignmentFlag.AlignLeft if self.isRightToLeft() else Qt.AlignmentFlag.AlignRight
            )
            painter.drawText(label, int(align), name)
            for hour in range(24):
                value = self._grid[day][hour]
                rect = self.cell_rect(day, hour, left).adjusted(1, 1, -1, -1)
                colour = QColor(self._base)
                colour.setAlphaF(0.06 + 0.94 * (value / peak) if peak else 0.06)
                painter.fillRect(rect, colour)
                if value and rect.width() > 22:
                    painter.setPen(Qt.GlobalColor.white if peak and value / peak > 0.55
                                   else text_colour)  # fmt: skip
                    painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), format_number(value))
        painter.setPen(text_colour)
        for hour in range(0, 24, 2):
            rect = self.cell_rect(6, hour, left)
            below = QRectF(rect.left() - 6, rect.bottom() + 2, rect.width() + 12, 18)
            painter.drawText(below, int(Qt.AlignmentFlag.AlignCenter), f"{hour:02d}")
        painter.end()
