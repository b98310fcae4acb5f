"""Add a guide or manual to the library, or publish its new version with the new file (C8.3)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from desktop_app.services import guides
from desktop_app.services.agents_common import Attachment, add_months
from desktop_app.services.guides import GuideInput, GuideRow
from desktop_app.ui.messages import attempt, attempt_done, show_info
from desktop_app.ui.state import AppState
from desktop_app.ui.widgets.agents_fields import date_edit, to_date, topic_combo
from desktop_app.ui.widgets.save_buttons import save_buttons


class GuideDialog(QDialog):
    def __init__(
        self, state: AppState, guide: GuideRow | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.state = state
        self.guide = guide
        self.file: Attachment | None = None
        self.setWindowTitle(self.tr("New guide") if guide is None else self.tr("Edit guide"))
        form = QFormLayout(self)
        self.title = QLineEdit(guide.title if guide else "")
        self.kind = QComboBox()
        for kind in guides.GUIDE_KINDS:
            self.kind.addItem(guides.kind_label(kind), kind)
        self.kind.setCurrentIndex(max(self.kind.findData(guide.kind if guide else "guide"), 0))
        self.topic = topic_combo(guide.topic if guide else "reception")
        self.doc_version = QLineEdit(guide.doc_version if guide else "1.0")
        today = date.today()
        self.reviewed = date_edit(guide.reviewed_on if guide else today)
        self.next_review = date_edit(guide.next_review_on if guide else add_months(today, 12))
        self.retired = QCheckBox(self.tr("Withdrawn from the library"))
        self.retired.setChecked(bool(guide and guide.retired))
        self.file_label = QLabel(
            guide.file_name if guide and guide.file_name else self.tr("No file")
        )
        self.pick = pick = QPushButton(self.tr("Choose the file…"))
        pick.clicked.connect(self.pick_file)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_label, 1)
        file_row.addWidget(pick)
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Topic"), self.topic)
        form.addRow(self.tr("Version"), self.doc_version)
        if guide is not None:
            hint = QLabel(
                self.tr(
                    "Changing the version asks every agent to read it again, and needs the new "
                    "version's file."
                )
            )
            hint.setWordWrap(True)
            form.addRow("", hint)
            self.doc_version.textChanged.connect(lambda _t: self._show_file_state())
        form.addRow(self.tr("Reviewed on"), self.reviewed)
        form.addRow(self.tr("Next review"), self.next_review)
        form.addRow(self.tr("File"), file_row)
        if guide is not None:
            form.addRow("", self.retired)
        buttons = save_buttons(self, self.save)
        form.addRow(buttons)
        self.setMinimumWidth(480)

    def pick_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Guide file"))
        if path:
            file = attempt(self, lambda: Attachment.from_path(Path(path)))
            if file is not None:
                self.file = file
                self._show_file_state()

    def new_version(self) -> bool:
        return self.guide is not None and self.doc_version.text().strip() != self.guide.doc_version

    def _show_file_state(self) -> None:
        """A new version without its new file says so, in red, before Save refuses it."""
        if self.file is not None:
            self.file_label.setText(self.file.name)
            self.file_label.setStyleSheet("")
        elif self.new_version():
            self.file_label.setText(
                self.tr("Choose the file of version {version}").format(
                    version=self.doc_version.text().strip()
                )
            )
            self.file_label.setStyleSheet("color: #b00020")
        else:
            guide = self.guide
            self.file_label.setText(
                guide.file_name if guide and guide.file_name else self.tr("No file")
            )
            self.file_label.setStyleSheet("")

    def save(self) -> None:
        data = GuideInput(
            self.title.text(),
            self.kind.currentData(),
            self.topic.currentData(),
            self.doc_version.text(),
            to_date(self.reviewed.date()),
            to_date(self.next_review.date()),
        )
        db, actor, guide = self.state.db, self.state.actor, self.guide
        if self.new_version() and self.file is None:
            self._show_file_state()
            self.pick.setFocus()
            show_info(
                self,
                self.tr("Version {version} needs its own file: choose it before saving.").format(
                    version=self.doc_version.text().strip()
                ),
            )
            return
        if guide is None:
            ok = attempt(self, lambda: guides.create_guide(db, actor, data, self.file))
        else:
            ok = attempt_done(
                self,
                lambda: guides.update_guide(
                    db,
                    actor,
                    guide.id,
                    guide.version,
                    data,
                    self.file,
                    retired=self.retired.isChecked(),
                ),
            )
        if ok is not None:
            self.accept()
