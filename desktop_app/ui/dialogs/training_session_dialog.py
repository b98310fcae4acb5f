"""Record a training session with its attendees and material in one dialog (C8.5, C8.6)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services import agents, training, user_categories
from desktop_app.services.agents_common import Attachment
from desktop_app.services.training import SessionInput, SessionRow
from desktop_app.ui.messages import attempt
from desktop_app.ui.state import AppState
from desktop_app.ui.widgets.agents_fields import date_edit, to_date, topic_combo
from desktop_app.ui.widgets.attendee_picker import AttendeePicker
from desktop_app.ui.widgets.save_buttons import save_buttons


class TrainingSessionDialog(QDialog):
    """New, edit, or copy (`copy_of`: the same content for another group on another day)."""

    def __init__(
        self,
        state: AppState,
        session: SessionRow | None = None,
        *,
        copy_of: SessionRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.state = state
        self.session = session
        self.copy_of = copy_of
        self.material: Attachment | None = None
        source = session or copy_of
        title = (
            self.tr("Edit training session")
            if session
            else self.tr("Copy training session")
            if copy_of
            else self.tr("New training session")
        )
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.title = QLineEdit(source.title if source else "")
        self.title.setPlaceholderText(self.tr("e.g. Welcoming callers and naming the body"))
        self.topic = topic_combo(source.topic if source else "reception")
        self.held_on = date_edit(session.held_on if session else date.today())
        self.hours = QDoubleSpinBox()
        self.hours.setRange(0.5, 200)
        self.hours.setSingleStep(0.5)
        self.hours.setDecimals(1)
        self.hours.setValue(source.duration_hours if source else 3.0)
        self.trainer = QLineEdit(source.trainer if source else "")
        self.mode = QComboBox()
        self.mode.addItem(self.tr("On site"), False)
        self.mode.addItem(self.tr("Remote"), True)
        self.mode.setCurrentIndex(1 if source and source.remote else 0)
        self.notes = QPlainTextEdit(source.notes if source else "")
        self.notes.setFixedHeight(48)
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Topic"), self.topic)
        # C8.6: which particular category of users (the list kept in Settings) the session was about
        kept = source.user_category if source else None
        self.category = QComboBox()
        self.category.addItem(self.tr("All particular categories"), None)
        for key, name in (
            attempt(self, lambda: user_categories.options(state.db, include=kept)) or []
        ):
            self.category.addItem(name, key)
        self.category.setCurrentIndex(max(0, self.category.findData(kept)))
        self.category_label = QLabel(self.tr("Particular category (C8.6)"))
        form.addRow(self.category_label, self.category)
        self.topic.currentIndexChanged.connect(self._show_category)
        self._show_category()
        row = QHBoxLayout()
        row.addWidget(self.held_on)
        row.addWidget(QLabel(self.tr("Hours")))
        row.addWidget(self.hours)
        row.addWidget(QLabel(self.tr("Mode")))
        row.addWidget(self.mode)
        row.addStretch(1)
        form.addRow(self.tr("Date"), row)
        form.addRow(self.tr("Trainer"), self.trainer)
        form.addRow(self.tr("Notes"), self.notes)
        material_row = QHBoxLayout()
        self.material_label = QLabel()
        self.reuse = QCheckBox(self.tr("Reuse the material of the copied session"))
        self.reuse.setVisible(bool(copy_of and copy_of.material_name))
        self.reuse.setChecked(bool(copy_of and copy_of.material_name))
        pick = QPushButton(self.tr("Attach a file…"))
        pick.clicked.connect(self.pick_material)
        material_row.addWidget(self.material_label, 1)
        material_row.addWidget(self.reuse)
        material_row.addWidget(pick)
        form.addRow(self.tr("Material"), material_row)
        layout.addLayout(form)
        self._show_material()
        layout.addWidget(QLabel(self.tr("Attendees (Space ticks the selected agent):")))
        self._listed = attempt(self, lambda: agents.list_agents(state.db, state.actor)) or []
        current = (
            attempt(self, lambda: training.session_attendees(state.db, state.actor, session.id))
            if session
            else []
        ) or []
        self._keep = {a.agent_id for a in current}
        self.picker = AttendeePicker(self._offered_on(to_date(self.held_on.date())), state.lang)
        if session:
            from desktop_app.services.training import Attendee

            self.picker.set_attendees([Attendee(a.agent_id, a.attended, a.score) for a in current])
        self.held_on.dateChanged.connect(
            lambda day: self.picker.set_agents(self._offered_on(to_date(day)))
        )
        layout.addWidget(self.picker, 1)
        buttons = save_buttons(self, self.save)
        layout.addWidget(buttons)
        self.resize(720, 640)
        self.title.setFocus()

    def _offered_on(self, day: date) -> list[agents.AgentInfo]:
        """The agents working on the session's day (hired later or gone by then are not offered:
        the service would refuse them, C8.5), plus those already recorded on an edited session."""
        return [a for a in self._listed if a.active_on(day) or a.id in self._keep]

    def _show_material(self) -> None:
        if self.material is not None:
            self.material_label.setText(self.material.name)
        elif self.session and self.session.material_name:
            self.material_label.setText(self.session.material_name)
        elif self.copy_of and self.copy_of.material_name:
            self.material_label.setText(self.copy_of.material_name)
        else:
            self.material_label.setText(self.tr("No file"))

    def pick_material(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Training material"))
        if path:
            file = attempt(self, lambda: Attachment.from_path(Path(path)))
            if file is not None:
                self.material = file
                self.reuse.setChecked(False)
                self._show_material()

    def data(self) -> SessionInput:
        return SessionInput(
            self.title.text(),
            self.topic.currentData(),
            to_date(self.held_on.date()),
            self.hours.value(),
            self.trainer.text(),
            bool(self.mode.currentData()),
            self.notes.toPlainText(),
            self.category.currentData()
            if self.topic.currentData() == "special_categories"
            else None,
        )

    def _show_category(self) -> None:
        shown = self.topic.currentData() == "special_categories"
        self.category.setVisible(shown)
        self.category_label.setVisible(shown)

    def save(self) -> None:
        db, actor = self.state.db, self.state.actor
        attendees = self.picker.attendees()
        if self.session is None:
            copy_from = self.copy_of.id if self.copy_of and self.reuse.isChecked() else None
            saved = attempt(
                self,
                lambda: training.create_session(
                    db, actor, self.data(), attendees, self.material, copy_material_from=copy_from
                ),
            )
            if saved is not None:
                self.saved_id = saved
                self.accept()
            return
        session = self.session

        def update() -> bool:
            training.update_session(db, actor, session.id, session.version, self.data(), attendees)
            if self.material is not None:
                training.attach_material(db, actor, session.id, self.material)
            return True

        if attempt(self, update):
            self.saved_id = session.id
            self.accept()
