"""A reception post's equipment: add a post, or record an item's condition after a check (C8.3)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLineEdit,
    QWidget,
)

from desktop_app.services import equipment
from desktop_app.services.equipment import ItemRow
from desktop_app.ui.messages import attempt, attempt_done
from desktop_app.ui.state import AppState
from desktop_app.ui.widgets.agents_fields import date_edit, to_date
from desktop_app.ui.widgets.save_buttons import save_buttons


def _condition_combo(current: str) -> QComboBox:
    combo = QComboBox()
    for c in equipment.CONDITIONS:
        combo.addItem(equipment.condition_label(c), c)
    combo.setCurrentIndex(max(combo.findData(current), 0))
    return combo


class EquipmentDialog(QDialog):
    """Edit one item (`item` given) or create a post with the condition of each item."""

    def __init__(
        self,
        state: AppState,
        item: ItemRow | None = None,
        post_name: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.state = state
        self.item = item
        form = QFormLayout(self)
        self.conditions: dict[str, QComboBox] = {}
        if item is None:
            self.setWindowTitle(self.tr("New reception post"))
            self.name = QLineEdit()
            self.name.setPlaceholderText(self.tr("e.g. Switchboard desk 1"))
            self.place = QLineEdit()
            form.addRow(self.tr("Name"), self.name)
            form.addRow(self.tr("Place"), self.place)
            for kind in equipment.EQUIPMENT_KINDS:
                self.conditions[kind] = _condition_combo("working")
                form.addRow(equipment.kind_label(kind), self.conditions[kind])
        else:
            self.setWindowTitle(
                self.tr("{item} — {post}").format(
                    item=equipment.kind_label(item.kind), post=post_name
                )
            )
            self.condition = _condition_combo(item.condition)
            self.note = QLineEdit(item.note)
            self.checked_on = date_edit(date.today())
            form.addRow(self.tr("Condition"), self.condition)
            form.addRow(self.tr("Note"), self.note)
            form.addRow(self.tr("Checked on"), self.checked_on)
        buttons = save_buttons(self, self.save)
        form.addRow(buttons)
        self.setMinimumWidth(420)

    def save(self) -> None:
        db, actor, item = self.state.db, self.state.actor, self.item
        if item is None:
            ok = attempt(
                self,
                lambda: equipment.create_post(
                    db,
                    actor,
                    self.name.text(),
                    self.place.text(),
                    {k: c.currentData() for k, c in self.conditions.items()},
                ),
            )
        else:
            ok = attempt_done(
                self,
                lambda: equipment.set_item(
                    db,
                    actor,
                    item.id,
                    item.version,
                    condition=self.condition.currentData(),
                    note=self.note.text(),
                    checked_on=to_date(self.checked_on.date()),
                ),
            )
        if ok is not None:
            self.accept()
