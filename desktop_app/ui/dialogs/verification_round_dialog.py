"""The verification round (C8.1): the lines not checked for N days, one after the other, each
recorded with one click on its result."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services import lines
from desktop_app.services.lines import LineRow
from desktop_app.ui.formatting import format_datetime, format_phone
from desktop_app.ui.messages import attempt
from desktop_app.ui.state import AppState


class VerificationRoundDialog(QDialog):
    def __init__(self, state: AppState, due: list[LineRow], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.due = due
        self.position = 0
        self.recorded = 0
        self.setWindowTitle(self.tr("Verification round"))
        self.setMinimumWidth(560)
        self.progress = QLabel()
        self.number = QLabel()
        font = self.number.font()
        font.setPointSizeF(font.pointSizeF() * 2)
        font.setBold(True)
        self.number.setFont(font)
        self.number.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details = QLabel()
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setWordWrap(True)
        self.notes = QLineEdit()
        self.notes.setPlaceholderText(self.tr("Notes (optional), e.g. who answered"))
        grid = QGridLayout()
        self.result_buttons: dict[str, QPushButton] = {}
        for i, r in enumerate(lines.RESULTS):
            button = QPushButton(lines.result_label(r))
            button.setMinimumHeight(36)
            button.clicked.connect(lambda _=False, result=r: self.record(result))
            grid.addWidget(button, i // 2, i % 2)
            self.result_buttons[r] = button
        skip = QPushButton(self.tr("Skip this line"))
        skip.clicked.connect(self.next_line)
        close = QPushButton(self.tr("Stop the round"))
        close.clicked.connect(self.accept)
        bottom = QHBoxLayout()
        bottom.addWidget(skip)
        bottom.addStretch(1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.progress)
        layout.addWidget(self.number)
        layout.addWidget(self.details)
        layout.addLayout(grid)
        layout.addWidget(self.notes)
        layout.addLayout(bottom)
        self.show_current()

    def current(self) -> LineRow | None:
        return self.due[self.position] if self.position < len(self.due) else None

    def show_current(self) -> None:
        line = self.current()
        if line is None:
            self.progress.setText(
                self.tr("Round finished. Lines checked: {n}.").format(n=self.recorded)
            )
            self.number.setText("")
            self.details.setText(self.tr("Every line due has been seen."))
            for b in self.result_buttons.values():
                b.setEnabled(False)
            return
        self.progress.setText(
            self.tr("Line {i} of {n}").format(i=self.position + 1, n=len(self.due))
        )
        self.number.setText(
            format_phone(line.number) + (f"  ({line.extension})" if line.extension else "")
        )
        last = (
            self.tr("Last checked {when}: {result}").format(
                when=format_datetime(line.last_checked_at),
                result=lines.result_label(line.last_check_result),
            )
            if line.last_checked_at
            else self.tr("Never checked")
        )
        parts = [lines.kind_label(line.kind), line.label, line.department, last]
        self.details.setText(" · ".join(p for p in parts if p))
        self.notes.clear()

    def record(self, result: str) -> None:
        line = self.current()
        if line is None:
            return
        done = attempt(
            self,
            lambda: lines.record_check(
                self.state.db,
                self.state.actor,
                line.id,
                result,
                notes=self.notes.text(),
                source="round",
            ),
        )
        if done is not None:
            self.recorded += 1
            self.next_line()

    def next_line(self) -> None:
        self.position += 1
        self.show_current()
