"""Add or edit a phone line (C8.1); the number is checked as it is typed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services import lines, phones
from desktop_app.services.errors import UserError
from desktop_app.services.lines import LineInput, LineRow
from desktop_app.ui.formatting import format_phone
from desktop_app.ui.messages import attempt
from desktop_app.ui.state import AppState
from desktop_app.ui.widgets.save_buttons import save_buttons


class LineDialog(QDialog):
    def __init__(
        self, state: AppState, line: LineRow | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.state = state
        self.line = line
        self.saved: LineRow | None = None
        self.setWindowTitle(self.tr("Edit phone line") if line else self.tr("New phone line"))
        self.setMinimumWidth(520)
        form = QFormLayout()
        self.number = QLineEdit()
        self.number.setPlaceholderText(self.tr("e.g. 71 563 500, 80 100 321 or 1899"))
        self.number.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.feedback = QLabel()
        self.feedback.setTextFormat(Qt.TextFormat.PlainText)
        self.feedback.setWordWrap(True)
        self.kind = QComboBox()
        for k in lines.KINDS:
            self.kind.addItem(lines.kind_label(k), k)
        self.label = QLineEdit()
        self.department = QLineEdit()
        self.extension = QLineEdit()
        self.extension.setMaximumWidth(120)
        self.published = {w: QCheckBox(lines.publication_label(w)) for w in lines.PUBLICATIONS}
        pub_row = QHBoxLayout()
        for box in self.published.values():
            pub_row.addWidget(box)
        pub_row.addStretch(1)
        self.status = QComboBox()
        for st in lines.STATUSES:
            self.status.addItem(lines.status_label(st), st)
        self.notes = QPlainTextEdit()
        self.notes.setMaximumHeight(70)
        form.addRow(self.tr("Number"), self.number)
        form.addRow("", self.feedback)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Label"), self.label)
        form.addRow(self.tr("Department"), self.department)
        form.addRow(self.tr("Extension"), self.extension)
        form.addRow(self.tr("Published on"), pub_row)
        form.addRow(self.tr("Status"), self.status)
        form.addRow(self.tr("Notes"), self.notes)
        self.buttons = save_buttons(self, self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        if line is not None:
            self.number.setText(line.display)
            self.kind.setCurrentIndex(lines.KINDS.index(line.kind))
            self.label.setText(line.label)
            self.department.setText(line.department)
            self.extension.setText(line.extension)
            for w, box in self.published.items():
                box.setChecked(w in line.published)
            self.status.setCurrentIndex(lines.STATUSES.index(line.status))
            self.notes.setPlainText(line.notes)
        self.number.textChanged.connect(self.validate)
        self.kind.currentIndexChanged.connect(self.validate)
        self.validate()

    def validate(self) -> bool:
        """Say at once whether the number is one, and how it will be stored."""
        text = self.number.text()
        ok = False
        if not text.strip():
            self.feedback.setText(self.tr("Type the number as it is published."))
            self.feedback.setStyleSheet("color: palette(mid);")
        else:
            try:
                parsed = phones.normalise(text, self.kind.currentData())
            except UserError as exc:
                self.feedback.setText(exc.message)
                self.feedback.setStyleSheet("color: #b3261e;")
            else:
                ok = True
                shown = self.tr("Will be saved as {number}").format(
                    number=format_phone(parsed.number)
                )
                if parsed.extension:
                    shown = self.tr("Will be saved as {number}, extension {ext}").format(
                        number=format_phone(parsed.number), ext=parsed.extension
                    )
                if parsed.warning:
                    shown = f"{shown}\n{parsed.warning}"
                self.feedback.setText(shown)
                self.feedback.setStyleSheet(
                    "color: #8a5a00;" if parsed.warning else "color: #1e6b32;"
                )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(ok)
        return ok

    def data(self) -> LineInput:
        return LineInput(
            number=self.number.text(),
            kind=self.kind.currentData(),
            label=self.label.text(),
            department=self.department.text(),
            extension=self.extension.text(),
            published=frozenset(w for w, box in self.published.items() if box.isChecked()),
            status=self.status.currentData(),
            notes=self.notes.toPlainText(),
        )

    def save(self) -> None:
        if not self.validate():
            return
        data = self.data()
        if self.line is None:
            saved = attempt(self, lambda: lines.create_line(self.state.db, self.state.actor, data))
        else:
            line = self.line
            saved = attempt(
                self,
                lambda: lines.update_line(
                    self.state.db, self.state.actor, line.id, data, expected_version=line.version
                ),
            )
        if saved is not None:
            self.saved = saved
            self.accept()
