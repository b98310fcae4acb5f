"""Sign in: one message for any wrong name or password; the service slows repeated failures."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_app.data.db import Database
from desktop_app.services import auth
from desktop_app.services.auth import UserInfo
from desktop_app.services.errors import UserError


class LoginDialog(QDialog):
    def __init__(self, db: Database, body_name: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.user: UserInfo | None = None
        self.setWindowTitle(self.tr("Istiqbal — sign in"))
        layout = QVBoxLayout(self)
        if body_name:
            title = QLabel(body_name)
            font = title.font()
            font.setBold(True)
            font.setPointSizeF(font.pointSizeF() * 1.3)
            title.setFont(font)
            layout.addWidget(title)
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
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign in"))
        buttons.accepted.connect(self.try_login)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(380)

    def try_login(self) -> None:
        try:
            self.user = auth.login(self.db, self.username.text().strip(), self.password.text())
        except UserError as exc:
            self.message.setText(exc.message)
            self.password.clear()
            self.password.setFocus()
            return
        self.accept()
