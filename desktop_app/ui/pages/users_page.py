"""Users (administrators only): accounts, roles, one-time passwords."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services import auth
from desktop_app.services.auth import UserInfo
from desktop_app.services.permissions import role_label
from desktop_app.ui.dialogs.user_dialog import UserDialog
from desktop_app.ui.formatting import format_datetime
from desktop_app.ui.messages import attempt
from desktop_app.ui.state import AppState
from desktop_app.ui.widgets.page_header import PageHeader
from desktop_app.ui.widgets.tables import table_widget


class UsersPage(QWidget):
    """A handful of accounts: a plain table widget is enough here (no paging needed)."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self._users: list[UserInfo] = []
        layout = QVBoxLayout(self)
        layout.addWidget(PageHeader(
            self.tr("Users"),
            self.tr("Each person signs in with their own account; the role decides what they "
                    "may change. There is no shared or default account."),
        ))  # fmt: skip
        bar = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add user…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.reset_button = QPushButton(self.tr("New one-time password"))
        for b in (self.add_button, self.edit_button, self.reset_button):
            bar.addWidget(b)
        bar.addStretch(1)
        layout.addLayout(bar)
        self.table = table_widget([
            self.tr("User name"), self.tr("Full name"), self.tr("Role"), self.tr("Status"),
            self.tr("Last sign-in"),
        ], stretch=1)  # fmt: skip
        self.table.doubleClicked.connect(self.edit_user)
        layout.addWidget(self.table, 1)
        self.add_button.clicked.connect(self.add_user)
        self.edit_button.clicked.connect(self.edit_user)
        self.reset_button.clicked.connect(self.reset_password)
        self.refresh()

    def refresh(self) -> None:
        users = attempt(self, lambda: auth.list_users(self.state.db, self.state.actor))
        self._users = users or []
        self.table.setRowCount(len(self._users))
        for row, u in enumerate(self._users):
            status = self.tr("Active") if u.active else self.tr("Disabled")
            if u.active and u.must_change_password:
                status = self.tr("Must change password")
            for col, text in enumerate(
                (u.username, u.full_name, role_label(u.role), status,
                 format_datetime(u.last_login_at))
            ):  # fmt: skip
                self.table.setItem(row, col, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)

    def _selected(self) -> UserInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self._users[rows[0].row()] if rows else None

    def _show_password(self, username: str, password: str) -> None:
        QApplication.clipboard().setText(password)
        QMessageBox.information(
            self, self.tr("One-time password"),
            self.tr("The one-time password of {user} is:\n\n{password}\n\nIt has been copied. "
                    "Hand it over in person; it must be changed at the first sign-in.")
            .format(user=username, password=password),
        )  # fmt: skip

    def add_user(self) -> None:
        dialog = UserDialog(parent=self)
        if dialog.exec() != UserDialog.DialogCode.Accepted:
            return
        created = attempt(self, lambda: auth.create_user(
            self.state.db, self.state.actor, dialog.username.text().strip(),
            dialog.full_name.text().strip(), dialog.chosen_role(),
        ))  # fmt: skip
        if created:
            self.refresh()
            self._show_password(created[0].username, created[1])

    def edit_user(self) -> None:
        user = self._selected()
        if user is None:
            return
        dialog = UserDialog(user, parent=self)
        if dialog.exec() != UserDialog.DialogCode.Accepted:
            return
        attempt(self, lambda: auth.update_user(
            self.state.db, self.state.actor, user.id, expected_version=user.version,
            full_name=dialog.full_name.text().strip(), role=dialog.chosen_role(),
            active=dialog.active.isChecked(),
        ))  # fmt: skip
        self.refresh()

    def reset_password(self) -> None:
        user = self._selected()
        if user is None:
            return
        password = attempt(self, lambda: auth.reset_password(self.state.db, self.state.actor,
                                                             user.id))  # fmt: skip
        if password:
            self.refresh()
            self._show_password(user.username, password)
