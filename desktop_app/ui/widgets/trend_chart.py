"""A small line chart of a score over months with a target line, drawn with QPainter."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget


class TrendChart(QWidget):
    """Points are (label, value 0–100); the dashed line is the target. Mirrored in RTL."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._points: list[tuple[str, float]] = []
        self._target: float | None = None
        self.setMinimumSize(320, 170)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_data(self, points: list[tuple[str, float]], target: float | None = None) -> None:
        self._points = list(points)
        self._target = target
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(480, 200)

    def _area(self) -> QRectF:
        return QRectF(34, 10, max(10, self.width() - 48), max(10, self.height() - 36))

    def point_at(self, i: int, value: float) -> QPointF:
        area = self._area()
        n = max(len(self._points) - 1, 1)
        x = area.left() + area.width() * (i / n if len(self._points) > 1 else 0.5)
        if self.isRightToLeft():
            x = area.left() + area.right() - x
        return QPointF(x, area.bottom() - area.height() * max(0.0, min(value, 100.0)) / 100)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        area = self._area()
        text = self.palette().text().color()
        grid = QColor(text)
        grid.setAlphaF(0.15)
        for level in (0, 50, 100):
            y = area.bottom() - area.height() * level / 100
            painter.setPen(grid)
            painter.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
            painter.setPen(text)
            box = QRectF(0, y - 8, 30, 16)
            if self.isRightToLeft():
                box.moveRight(self.width())
            painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), str(level))
        if self._target is not None:
            pen = QPen(QColor("#c0392b"), 1.5, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            y = self.point_at(0, self._target).y()
            painter.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
        if not self._points:
            painter.setPen(text)
            painter.drawText(area, int(Qt.AlignmentFlag.AlignCenter), self.tr("No evaluation yet"))
            painter.end()
            return
        path = QPainterPath()
        for i, (_, value) in enumerate(self._points):
            p = self.point_at(i, value)
            path.moveTo(p) if i == 0 else path.lineTo(p)
        painter.setPen(QPen(QColor("#1f6fb2"), 2.2))
        painter.drawPath(path)
        painter.setBrush(QColor("#1f6fb2"))
        step = max(1, len(self._points) // 8)
        for i, (label, value) in enumerate(self._points):
            p = self.point_at(i, value)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawEllipse(p, 3.5, 3.5)
            if i % step == 0 or i == len(self._points) - 1:
                painter.setPen(text)
                painter.drawText(QRectF(p.x() - 30, area.bottom() + 4, 60, 18),
                                 int(Qt.AlignmentFlag.AlignCenter), label)  # fmt: skip
        painter.end()
