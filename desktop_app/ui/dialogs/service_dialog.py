"""Add or edit one online service of the catalogue (C2.2): names, description, requirements."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QDialog, QFormLayout, QLineEdit, QPlainTextEdit, QWidget

from desktop_app.services import eservices
from desktop_app.services.eservices import ServiceInput, ServiceRow
from desktop_app.ui.messages import attempt
from desktop_app.ui.state import AppState
from desktop_app.ui.widgets.save_buttons import save_buttons


class ServiceDialog(QDialog):
    def __init__(self, state: AppState, row: ServiceRow | None = None,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.state, self.row = state, row
        self.setWindowTitle(
            self.tr("Edit online service") if row else self.tr("New online service")
        )
        self.setMinimumWidth(560)
        form = QFormLayout(self)
        self.name_ar = QLineEdit(row.name_ar if row else "")
        self.name_fr = QLineEdit(row.name_fr if row else "")
        self.url = QLineEdit(row.url if row else "https://")
        self.unit = QLineEdit(row.unit if row else "")
        self.description = self._text(row.description if row else "")
        self.audience = self._text(row.audience if row else "", 50)
        self.requirements = self._text(row.requirements if row else "")
        self.accessibility = self._text(row.accessibility if row else "", 50)
        self.on_website = QCheckBox(self.tr("Its link is on the body's website"))
        self.on_website.setChecked(bool(row and row.on_website))
        self.on_portal = QCheckBox(self.tr("Listed on the national portal"))
        self.on_portal.setChecked(bool(row and row.on_portal))
        self.withdrawn = QCheckBox(self.tr("Withdrawn (kept for history)"))
        self.withdrawn.setChecked(bool(row and row.withdrawn))
        form.addRow(self.tr("Name in Arabic"), self.name_ar)
        form.addRow(self.tr("Name in French"), self.name_fr)
        form.addRow(self.tr("Link"), self.url)
        form.addRow(self.tr("Responsible unit"), self.unit)
        form.addRow(self.tr("Description"), self.description)
        form.addRow(self.tr("Who may use it"), self.audience)
        form.addRow(self.tr("Documents and prerequisites"), self.requirements)
        form.addRow(self.tr("Accessibility notes"), self.accessibility)
        form.addRow(self.on_website)
        form.addRow(self.on_portal)
        form.addRow(self.withdrawn)
        form.addRow(save_buttons(self, self.save))

    @staticmethod
    def _text(value: str, height: int = 70) -> QPlainTextEdit:
        w = QPlainTextEdit(value)
        w.setFixedHeight(height)
        return w

    def value(self) -> ServiceInput:
        return ServiceInput(
            name_ar=self.name_ar.text(), name_fr=self.name_fr.text(), url=self.url.text(),
            description=self.description.toPlainText(), audience=self.audience.toPlainText(),
            requirements=self.requirements.toPlainText(), unit=self.unit.text(),
            on_website=self.on_website.isChecked(), on_portal=self.on_portal.isChecked(),
            accessibility=self.accessibility.toPlainText(), withdrawn=self.withdrawn.isChecked(),
        )  # fmt: skip

    def save(self) -> None:
        data, db, actor = self.value(), self.state.db, self.state.actor
        row = self.row
        if row is None:
            done = attempt(self, lambda: eservices.create_service(db, actor, data))
        else:
            done = attempt(self, lambda: eservices.update_service(
                db, actor, row.id, data, expected_version=row.version))  # fmt: skip
        if done is not None:
            self.accept()
