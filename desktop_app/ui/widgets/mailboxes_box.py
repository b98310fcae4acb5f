"""Settings' mailboxes group (C2.1): the published addresses, add/edit/delete for an administrator,
"Fetch now" for whoever works the requests, and how often the window fetches by itself."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services.mail.mailboxes import (
    MailboxConfig,
    delete_mailbox,
    list_mailboxes,
)
from desktop_app.services.permissions import Perm
from desktop_app.ui.messages import attempt, show_error, show_info
from desktop_app.ui.state import AppState
from desktop_app.ui.workers import run_with_progress

if TYPE_CHECKING:  # the mail code is imported when a fetch starts, not with the window
    from desktop_app.exchange.mail.fetch import FetchOutcome
    from desktop_app.exchange.mail.probe import ProbeOutcome


class MailboxesBox(QGroupBox):
    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Published mailboxes (C2.1)"), parent)
        self.state = state
        layout = QVBoxLayout(self)
        self.body = layout  # Settings adds the fetch interval and size limit fields below
        self.list = QListWidget()
        self.list.setMinimumHeight(50)
        self.list.setMaximumHeight(90)
        # A long address must not widen the whole column: cut it with "…" instead.
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.list.itemDoubleClicked.connect(lambda _item: self.edit())
        layout.addWidget(self.list)
        row = QHBoxLayout()
        admin = state.actor.can(Perm.EDIT_SETTINGS)
        self.add_button = QPushButton(self.tr("Add…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.fetch_button = QPushButton(self.tr("Fetch now"))
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit)
        self.delete_button.clicked.connect(self.delete)
        self.fetch_button.clicked.connect(self.fetch_now)
        self.probe_button = QPushButton(self.tr("Prove the addresses"))
        self.probe_button.setToolTip(
            self.tr("Send a probe to each published address and check that it arrives (C2.1).")
        )
        self.probe_button.clicked.connect(self.probe_now)
        self.templates_button = QPushButton(self.tr("Letters…"))
        self.templates_button.setToolTip(self.tr("The acknowledgement, notice and answer sent by "
                                                 "e-mail, in Arabic and French"))  # fmt: skip
        self.templates_button.clicked.connect(self.open_templates)
        for button in (self.add_button, self.edit_button, self.delete_button,
                       self.templates_button):  # fmt: skip
            button.setVisible(admin)
            row.addWidget(button)
        self.fetch_button.setVisible(state.actor.can(Perm.EDIT_REQUESTS))
        self.probe_button.setVisible(state.actor.can(Perm.EDIT_REQUESTS))
        row.addStretch(1)
        row.addWidget(self.probe_button)
        row.addWidget(self.fetch_button)
        layout.addLayout(row)
        self.load()

    def load(self) -> None:
        self.list.clear()
        boxes = attempt(self, lambda: list_mailboxes(self.state.db, self.state.actor)) or []
        for box in boxes:
            text = f"{box.address} — IMAP {box.imap_host}:{box.imap_port}"
            if not box.active:
                text += " — " + self.tr("not fetched")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, box)
            self.list.addItem(item)

    def current(self) -> MailboxConfig | None:
        item = self.list.currentItem()
        value = item.data(Qt.ItemDataRole.UserRole) if item else None
        return value if isinstance(value, MailboxConfig) else None

    def add(self) -> None:
        self._open(None)

    def edit(self) -> None:
        if self.state.actor.can(Perm.EDIT_SETTINGS) and self.current() is not None:
            self._open(self.current())

    def _open(self, config: MailboxConfig | None) -> None:
        from desktop_app.ui.dialogs.mailbox_dialog import MailboxDialog

        dialog = MailboxDialog(self.state, config, self)
        if dialog.exec():
            self.load()

    def delete(self) -> None:
        box = self.current()
        if box is None or box.id is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Delete mailbox"),
            self.tr("Stop using {address}? The requests already received are kept.")
            .format(address=box.address),
        )  # fmt: skip
        if answer == QMessageBox.StandardButton.Yes:
            box_id = box.id
            attempt(self, lambda: delete_mailbox(self.state.db, self.state.actor, box_id))
            self.load()

    def fetch_now(self) -> None:
        from desktop_app.exchange.mail.fetch import fetch_all

        def done(outcomes: list[FetchOutcome]) -> None:
            lines = [f"{o.address}: {o.sentence}" for o in outcomes]
            show_info(self, "\n".join(lines))

        run_with_progress(self, self.tr("Fetching mail…"),
                          lambda p: fetch_all(self.state.db, self.state.actor, progress=p),
                          done, lambda exc: show_error(self, exc))  # fmt: skip

    def probe_now(self) -> None:
        from desktop_app.exchange.mail.probe import probe_all

        def done(outcomes: list[ProbeOutcome]) -> None:
            show_info(self, "\n".join(o.sentence for o in outcomes))

        run_with_progress(self, self.tr("Proving the published addresses…"),
                          lambda _p: probe_all(self.state.db, self.state.actor),
                          done, lambda exc: show_error(self, exc))  # fmt: skip

    def open_templates(self) -> None:
        from desktop_app.ui.dialogs.mail_templates_dialog import MailTemplatesDialog

        MailTemplatesDialog(self.state, self).exec()
