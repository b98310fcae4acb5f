"""Change one's own password; forced after a one-time password."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from desktop_app.data.db import Database
from desktop_app.services import auth
from desktop_app.services.auth import MIN_PASSWORD_LENGTH
from desktop_app.services.errors import UserError
from desktop_app.services.permissions import Actor


class ChangePasswordDialog(QDialog):
    def __init__(self, db: Database, actor: Actor, forced: bool = False,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.db, self.actor = db, actor
        self.setWindowTitle(self.tr("Change password"))
        form = QFormLayout(self)
        if forced:
            note = QLabel(self.tr("You signed in with a one-time password: choose your own."))
            note.setWordWrap(True)
            form.addRow(note)
        self.old = QLineEdit()
        self.new = QLineEdit()
        self.repeat = QLineEdit()
        for w in (self.old, self.new, self.repeat):
            w.setEchoMode(QLineEdit.EchoMode.Password)
        self.new.setPlaceholderText(
            self.tr("at least {n} characters").format(n=MIN_PASSWORD_LENGTH)
        )
        form.addRow(self.tr("Current password"), self.old)
        form.addRow(self.tr("New password"), self.new)
        form.addRow(self.tr("Repeat the new password"), self.repeat)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        form.addRow(self.message)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.try_change)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def try_change(self) -> None:
        if self.new.text() != self.repeat.text():
            self.message.setText(self.tr("The two new passwords differ."))
            return
        try:
            auth.change_own_password(self.db, self.actor, self.old.text(), self.new.text())
        except UserError as exc:
            self.message.setText(exc.message)
            return
        self.accept()
