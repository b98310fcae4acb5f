"""Yes / No / Not applicable for one criterion, chosen with one key so a form fills fast (C8.7)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QButtonGroup, QFrame, QHBoxLayout, QToolButton, QWidget

YES, NO, NA = "yes", "no", "na"
_KEYS = {
    Qt.Key.Key_1: YES, Qt.Key.Key_Y: YES, Qt.Key.Key_O: YES, Qt.Key.Key_Plus: YES,
    Qt.Key.Key_2: NO, Qt.Key.Key_N: NO, Qt.Key.Key_Minus: NO,
    Qt.Key.Key_3: NA, Qt.Key.Key_0: NA, Qt.Key.Key_A: NA,
}  # fmt: skip


class AnswerSelector(QFrame):
    """Tab reaches it; 1/Y/O = yes, 2/N = no, 3/0/A = not applicable, then focus moves on.

    With `allow_na=False` (a criterion the scorecard always applies) N/A is neither shown nor
    taken from the keyboard.
    """

    changed = Signal(str)

    def __init__(self, parent: QWidget | None = None, *, allow_na: bool = True) -> None:
        super().__init__(parent)
        self.allow_na = allow_na
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setObjectName("answerSelector")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.setSpacing(2)
        self._group = QButtonGroup(self)
        self._buttons: dict[str, QToolButton] = {}
        choices = [(YES, self.tr("1 Yes")), (NO, self.tr("2 No"))]
        if allow_na:
            choices.append((NA, self.tr("3 N/A")))
        for value, text in choices:
            button = QToolButton()
            button.setText(text)
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.clicked.connect(lambda _=False, v=value: self.set_value(v))
            self._group.addButton(button)
            self._buttons[value] = button
            layout.addWidget(button)
        self._focus_style(False)

    def value(self) -> str | None:
        return next((v for v, b in self._buttons.items() if b.isChecked()), None)

    def set_value(self, value: str | None) -> None:
        if value is not None and value not in self._buttons:
            return  # N/A on a criterion that always applies
        self._group.setExclusive(False)
        for v, b in self._buttons.items():
            b.setChecked(v == value)
        self._group.setExclusive(True)
        if value is not None:
            self.changed.emit(value)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        value = _KEYS.get(Qt.Key(event.key()))
        if value == NA and not self.allow_na:
            event.accept()  # refused: the focus stays for a yes or a no
            return
        if value is None and event.key() == Qt.Key.Key_Space:
            order = list(self._buttons)
            current = self.value()
            value = order[(order.index(current) + 1) % len(order)] if current else YES
            self.set_value(value)
            return
        if value is None:
            super().keyPressEvent(event)
            return
        self.set_value(value)
        self.focusNextChild()

    def _focus_style(self, focused: bool) -> None:
        colour = "palette(highlight)" if focused else "transparent"
        self.setStyleSheet(f"#answerSelector {{ border: 2px solid {colour}; border-radius: 4px; }}")

    def focusInEvent(self, event: QFocusEvent) -> None:
        self._focus_style(True)
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self._focus_style(False)
        super().focusOutEvent(event)
