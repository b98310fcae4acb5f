"""Create or edit a user account: name, role, active; the password is a one-time one shown once."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QWidget,
)

from desktop_app.services.auth import UserInfo
from desktop_app.services.permissions import Role, role_label


class UserDialog(QDialog):
    def __init__(self, user: UserInfo | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New user") if user is None else self.tr("Edit user"))
        form = QFormLayout(self)
        self.username = QLineEdit(user.username if user else "")
        self.username.setEnabled(user is None)
        self.username.setPlaceholderText(self.tr("e.g. k.trabelsi"))
        self.full_name = QLineEdit(user.full_name if user else "")
        self.role = QComboBox()
        for role in Role:
            self.role.addItem(role_label(role), role.value)
        if user is not None:
            self.role.setCurrentIndex(self.role.findData(user.role.value))
        self.active = QCheckBox(self.tr("May sign in"))
        self.active.setChecked(True if user is None else user.active)
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Full name"), self.full_name)
        form.addRow(self.tr("Role"), self.role)
        form.addRow("", self.active)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.setMinimumWidth(420)

    def chosen_role(self) -> Role:
        return Role(self.role.currentData())
