"""The letters sent to citizens by e-mail (C2.1), in Arabic and French, as an administrator edits
them: acknowledgement, notice and answer, with the placeholders each may use."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services import settings
from desktop_app.services.mail import templates
from desktop_app.services.permissions import Perm
from desktop_app.ui.messages import attempt
from desktop_app.ui.state import AppState
from desktop_app.ui.widgets.save_buttons import save_buttons


class MailTemplatesDialog(QDialog):
    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.setWindowTitle(self.tr("Letters sent by e-mail"))
        self.values = attempt(self, lambda: settings.get_all(state.db)) or {}
        self.edited: dict[str, str] = {}
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.which = QComboBox()
        names = {"acknowledge": self.tr("Acknowledgement"), "notice": self.tr("Notice"),
                 "answer": self.tr("Answer")}  # fmt: skip
        for kind in templates.KINDS:
            for lang, language in (("ar", "العربية"), ("fr", "Français")):
                self.which.addItem(f"{names[kind]} — {language}", f"{kind}.{lang}")
        form.addRow(self.tr("Letter"), self.which)
        self.subject = QLineEdit()
        form.addRow(self.tr("Subject"), self.subject)
        layout.addLayout(form)
        self.body = QPlainTextEdit()
        layout.addWidget(self.body, 1)
        hint = QLabel(self.tr("Placeholders: {reference} {received} {deadline} {reason} {detail} "
                              "{answer_by} {answer} {body_name} {signature}"))  # fmt: skip
        hint.setTextFormat(Qt.TextFormat.PlainText)
        hint.setWordWrap(True)
        layout.addWidget(hint)
        editable = state.actor.can(Perm.EDIT_SETTINGS)
        self.subject.setReadOnly(not editable)
        self.body.setReadOnly(not editable)
        layout.addWidget(save_buttons(self, self.save))
        self.current = ""
        self.which.currentIndexChanged.connect(self._switch)
        self._switch()
        self.resize(640, 480)

    def _key(self, part: str, which: str | None = None) -> str:
        return f"mail_template.{which or self.current}.{part}"

    def _keep(self) -> None:
        if self.current:
            self.edited[self._key("subject")] = self.subject.text()
            self.edited[self._key("body")] = self.body.toPlainText()

    def _switch(self) -> None:
        self._keep()
        self.current = str(self.which.currentData())
        for part, widget in (("subject", self.subject), ("body", self.body)):
            key = self._key(part)
            text = self.edited.get(key, str(self.values.get(key, "")))
            if isinstance(widget, QLineEdit):
                widget.setText(text)
            else:
                widget.setPlainText(text)

    def save(self) -> None:
        self._keep()
        changes = {k: v for k, v in self.edited.items() if v != self.values.get(k)}
        if not changes or attempt(self, lambda: settings.update(self.state.db, self.state.actor,
                                                                changes)) is not None:  # fmt: skip
            self.accept()
