"""The training page's equipment tab: each post's equipment and its condition (C8.3)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services import equipment
from desktop_app.services.permissions import Perm
from desktop_app.ui.dialogs.equipment_dialog import EquipmentDialog
from desktop_app.ui.formatting import format_list
from desktop_app.ui.messages import attempt
from desktop_app.ui.state import AppState
from desktop_app.ui.widgets.tables import read_only_table

_COLOURS = {"broken": "#fde2e1", "missing": "#fff1c2"}


class EquipmentTab(QWidget):
    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.can_edit = state.actor.can(Perm.EDIT_AGENTS)
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.new_button = QPushButton(self.tr("New post…"))
        self.new_button.setEnabled(self.can_edit)
        bar.addWidget(self.new_button)
        hint = QLabel(self.tr("Double-click an item to record its condition after a check."))
        hint.setStyleSheet("color: palette(mid);")
        bar.addWidget(hint)
        bar.addStretch(1)
        self.problems_only = QCheckBox(self.tr("Posts with missing or broken equipment only"))
        bar.addWidget(self.problems_only)
        layout.addLayout(bar)
        kinds = [equipment.kind_label(k) for k in equipment.EQUIPMENT_KINDS]
        self.table = read_only_table(
            [self.tr("Post"), self.tr("Place"), *kinds, self.tr("Agents")], stretch=len(kinds) + 2
        )
        self.table.setSelectionBehavior(self.table.SelectionBehavior.SelectItems)
        layout.addWidget(self.table, 1)
        self.new_button.clicked.connect(self.new_post)
        self.table.cellDoubleClicked.connect(self.edit_item)
        self.problems_only.toggled.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        posts = (
            attempt(
                self, lambda: equipment.list_posts(self.state.db, self.state.actor, date.today())
            )
            or []
        )
        if self.problems_only.isChecked():
            posts = [p for p in posts if p.problems]
        self._posts = posts
        self.table.setRowCount(len(posts))
        for r, post in enumerate(posts):
            people = post.agents_ar if self.state.lang == "ar" else post.agents
            cells = [post.name, post.place]
            for kind in equipment.EQUIPMENT_KINDS:
                item = post.items.get(kind)
                cells.append(
                    equipment.condition_label(item.condition)
                    if item
                    else equipment.condition_label("missing")
                )
            cells.append(format_list(people))
            for c, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if 2 <= c < 2 + len(equipment.EQUIPMENT_KINDS):
                    item = post.items.get(equipment.EQUIPMENT_KINDS[c - 2])
                    condition = item.condition if item else "missing"
                    if condition in _COLOURS:
                        cell.setBackground(QBrush(QColor(_COLOURS[condition])))
                    if item and item.note:
                        cell.setToolTip(item.note)
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(r, c, cell)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(
            2 + len(equipment.EQUIPMENT_KINDS), QHeaderView.ResizeMode.Stretch
        )

    def new_post(self) -> None:
        if EquipmentDialog(self.state, parent=self).exec():
            self.refresh()

    def edit_item(self, row: int, column: int) -> None:
        if not self.can_edit or not 0 <= row < len(self._posts):
            return
        index = column - 2
        if not 0 <= index < len(equipment.EQUIPMENT_KINDS):
            return
        post = self._posts[row]
        item = post.items.get(equipment.EQUIPMENT_KINDS[index])
        if item is not None and EquipmentDialog(self.state, item, post.name, parent=self).exec():
            self.refresh()

    def apply_filter(self, problems: bool = False) -> None:
        self.problems_only.setChecked(problems)
        self.refresh()
