"""The list of particular categories of users (C8.6), opened from Settings.

C8.6 names no category (it points to circular 18/2019), so the body keeps its own list: an
administrator or a reception supervisor adds, renames, deactivates a category, or deletes one
added by mistake that nothing carries. Other roles see the list read-only.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services import user_categories
from desktop_app.services.permissions import Perm
from desktop_app.services.user_categories import CategoryRow
from desktop_app.ui.messages import attempt
from desktop_app.ui.state import AppState
from desktop_app.ui.widgets.tables import table_widget


class CategoryNamesDialog(QDialog):
    """The Arabic and French names of one category (both are shown in the report's languages)."""

    def __init__(self, title: str, row: CategoryRow | None, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(420)
        form = QFormLayout(self)
        self.name_ar = QLineEdit(row.name_ar if row else "")
        self.name_ar.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.name_fr = QLineEdit(row.name_fr if row else "")
        self.name_fr.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        for edit in (self.name_ar, self.name_fr):
            edit.setMaxLength(200)
        form.addRow(self.tr("Name in Arabic"), self.name_ar)
        form.addRow(self.tr("Name in French"), self.name_fr)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class UserCategoriesDialog(QDialog):
    """C8.6: the categories requests, training sessions and the report use."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.rows: list[CategoryRow] = []
        self.setWindowTitle(self.tr("Particular categories of users (C8.6)"))
        self.resize(720, 420)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "Circular 18/2019 says which users need particular care. New requests and training "
            "sessions offer the categories in use; a deactivated one stays on past requests and "
            "in the reports."
        ))  # fmt: skip
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.view = table_widget([
            self.tr("Name in Arabic"), self.tr("Name in French"), self.tr("In use"),
            self.tr("Requests and sessions"),
        ], stretch=0)  # fmt: skip
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column in (2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.view.itemSelectionChanged.connect(self._update_buttons)
        self.view.doubleClicked.connect(lambda _i: self.rename())
        layout.addWidget(self.view, 1)

        self.editable = state.actor.can(Perm.MANAGE_REQUESTS)
        bar = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add…"))
        self.rename_button = QPushButton(self.tr("Rename…"))
        self.active_button = QPushButton(self.tr("Deactivate"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.setToolTip(self.tr(
            "Only a category that no request or session carries; otherwise deactivate it."
        ))  # fmt: skip
        self.add_button.clicked.connect(self.add)
        self.rename_button.clicked.connect(self.rename)
        self.active_button.clicked.connect(self.toggle_active)
        self.delete_button.clicked.connect(self.delete)
        for button in (self.add_button, self.rename_button, self.active_button,
                       self.delete_button):  # fmt: skip
            button.setVisible(self.editable)
            bar.addWidget(button)
        bar.addStretch(1)
        if not self.editable:
            bar.addWidget(QLabel(self.tr(
                "Only an administrator or a reception supervisor can change this list."
            )))  # fmt: skip
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        bar.addWidget(close)
        layout.addLayout(bar)
        self.reload()

    def reload(self, keep: str | None = None) -> None:
        selected = self.selected()
        keep = keep or (selected.code if selected else None)
        self.rows = attempt(self, lambda: user_categories.list_categories(
            self.state.db, self.state.actor)) or []  # fmt: skip
        self.view.setRowCount(len(self.rows))
        for i, row in enumerate(self.rows):
            cells = [
                row.name_ar, row.name_fr,
                self.tr("Yes") if row.active else self.tr("No, past data only"),
                str(row.in_use),
            ]  # fmt: skip
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if column == 3:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.view.setItem(i, column, cell)
            if row.code == keep:
                self.view.selectRow(i)
        self._update_buttons()

    def selected(self) -> CategoryRow | None:
        rows = {i.row() for i in self.view.selectedIndexes()}
        return self.rows[rows.pop()] if len(rows) == 1 and self.rows else None

    def _update_buttons(self) -> None:
        row = self.selected()
        for button in (self.rename_button, self.active_button, self.delete_button):
            button.setEnabled(row is not None)
        self.active_button.setText(
            self.tr("Bring back into use") if row is not None and not row.active
            else self.tr("Deactivate")
        )  # fmt: skip
        self.delete_button.setEnabled(row is not None and row.in_use == 0)

    def add(self) -> None:
        names = CategoryNamesDialog(self.tr("New category"), None, self)
        if names.exec() != QDialog.DialogCode.Accepted:
            return
        code = attempt(self, lambda: user_categories.add(
            self.state.db, self.state.actor,
            name_ar=names.name_ar.text(), name_fr=names.name_fr.text(),
        ))  # fmt: skip
        self.reload(code)

    def rename(self) -> None:
        row = self.selected()
        if row is None or not self.editable:
            return
        names = CategoryNamesDialog(self.tr("Rename the category"), row, self)
        if names.exec() != QDialog.DialogCode.Accepted:
            return
        attempt(self, lambda: user_categories.rename(
            self.state.db, self.state.actor, row.code,
            name_ar=names.name_ar.text(), name_fr=names.name_fr.text(), version=row.version,
        ))  # fmt: skip
        self.reload(row.code)

    def toggle_active(self) -> None:
        row = self.selected()
        if row is None:
            return
        attempt(self, lambda: user_categories.set_active(
            self.state.db, self.state.actor, row.code, not row.active, version=row.version,
        ))  # fmt: skip
        self.reload(row.code)

    def delete(self) -> None:
        row = self.selected()
        if row is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete the category"),
            self.tr("Delete “{name}” from the list?").format(name=row.label(self.state.lang)),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        attempt(self, lambda: user_categories.delete(
            self.state.db, self.state.actor, row.code, version=row.version
        ))  # fmt: skip
        self.reload()
