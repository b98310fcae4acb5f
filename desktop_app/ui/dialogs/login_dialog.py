"""Sign in: one message for any wrong name or password; the service slows repeated failures.

The dialog may be shown before the database is open (start-up opens it in the background while
the user types): Sign in waits, disabled, until `database_ready()` hands the database over.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services.errors import UserError

if TYPE_CHECKING:  # SQLAlchemy and argon2 load with the database, not before the dialog shows
    from desktop_app.data.db import Database
    from desktop_app.services.auth import UserInfo


class LoginDialog(QDialog):
    def __init__(
        self, db: Database | None, body_name: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.user: UserInfo | None = None
        self.setWindowTitle(self.tr("Istiqbal — sign in"))
        layout = QVBoxLayout(self)
        self.title = QLabel(body_name)
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.title.setFont(font)
        self.title.setVisible(bool(body_name))
        layout.addWidget(self.title)
        form = QFormLayout()
        self.username = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Password"), self.password)
        layout.addLayout(form)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.sign_in = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.sign_in.setText(self.tr("Sign in"))
        buttons.accepted.connect(self.try_login)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(380)
        self.opening = QLabel(self.tr("Opening the database…"))
        self.opening.setStyleSheet("color: #555;")
        layout.addWidget(self.opening)
        self.opening.setVisible(db is None)
        self.sign_in.setEnabled(db is not None)

    def database_ready(self, db: Database, body_name: str = "") -> None:
        """The database opened in the background: signing in may go ahead."""
        self.db = db
        self.title.setText(body_name)
        self.title.setVisible(bool(body_name))
        self.opening.setVisible(False)
        self.sign_in.setEnabled(True)

    def try_login(self) -> None:
        if self.db is None:
            return  # Sign in is disabled until the database is open; Enter may still arrive
        from desktop_app.services import auth

        try:
            self.user = auth.login(self.db, self.username.text().strip(), self.password.text())
        except UserError as exc:
            self.message.setText(exc.message)
            self.password.clear()
            self.password.setFocus()
            return
        self.accept()
