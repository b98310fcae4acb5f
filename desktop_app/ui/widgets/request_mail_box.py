"""The e-mail part of the request dialog (C2.1, C2.3): send the acknowledgement, the notice or the
answer by e-mail from the templates, see a failed sending, and read the original messages."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services.mail import sending, views
from desktop_app.services.permissions import Perm
from desktop_app.ui.formatting import format_datetime
from desktop_app.ui.messages import attempt, show_error, show_info
from desktop_app.ui.state import AppState
from desktop_app.ui.widgets.date_fields import date_edit, from_qdate
from desktop_app.ui.workers import run_with_progress


class RequestMailBox(QWidget):
    def __init__(self, state: AppState, request_id: int, response: Callable[[], tuple[str, str]],
                 on_sent: Callable[[], None], parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.state, self.request_id = state, request_id
        self.response, self.on_sent = response, on_sent
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.language = QComboBox()
        self.language.addItem("العربية", "ar")
        self.language.addItem("Français", "fr")
        self.reason = QComboBox()
        self.reason.addItem(self.tr("documents needed"), "documents")
        self.reason.addItem(self.tr("coordination with other bodies"), "coordination")
        # The shared editor: a QDateEdit given its format in right-to-left read 2026/12/21.
        self.answer_by = date_edit(QDate.currentDate().addDays(15))
        self.ack_button = QPushButton(self.tr("Acknowledge by e-mail"))
        self.send_button = QPushButton(self.tr("Send the response by e-mail"))
        self.original_button = QPushButton(self.tr("Original messages…"))
        self.ack_button.clicked.connect(lambda: self.send("acknowledge"))
        self.send_button.clicked.connect(lambda: self.send(None))
        self.original_button.clicked.connect(self.show_original)
        for w in (QLabel(self.tr("Letter in")), self.language, QLabel(self.tr("Notice for")),
                  self.reason, QLabel(self.tr("answer by")), self.answer_by):  # fmt: skip
            row.addWidget(w)
        row.addStretch(1)
        layout.addLayout(row)
        buttons = QHBoxLayout()
        for b in (self.ack_button, self.send_button, self.original_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.failed = QLabel()
        self.failed.setTextFormat(Qt.TextFormat.PlainText)
        self.failed.setWordWrap(True)
        self.failed.setStyleSheet("color: #b00020;")
        layout.addWidget(self.failed)
        can = state.actor.can(Perm.EDIT_REQUESTS)
        self.ack_button.setEnabled(can)
        self.send_button.setEnabled(can)
        self.original_button.setEnabled(state.actor.can(Perm.READ_PERSONAL_DATA))
        self.refresh()

    def refresh(self) -> None:
        rows = attempt(self, lambda: sending.sendings_of(self.state.db, self.state.actor,
                                                         self.request_id)) or []  # fmt: skip
        failed = [r for r in rows if r.status == "failed"]
        self.failed.setText(
            "\n".join(
                self.tr("Not sent, will be retried: {subject} — {error}").format(
                    subject=r.subject, error=r.error
                )
                for r in failed
            )  # fmt: skip
        )
        self.failed.setVisible(bool(failed))

    def send(self, kind: str | None) -> None:
        from desktop_app.exchange.mail.outbox import send_to_citizen

        response_kind, text = self.response()
        kind = kind or response_kind
        lang = self.language.currentData()
        reason = self.reason.currentData()
        answer_by = from_qdate(self.answer_by.date())
        assert isinstance(answer_by, date)
        db, actor, request_id = self.state.db, self.state.actor, self.request_id

        def work(_progress: object) -> sending.Sending:
            return send_to_citizen(db, actor, request_id, kind, lang,
                                   answer=text if kind == "answer" else "",
                                   reason=reason, detail=text if kind == "notice" else "",
                                   answer_by=answer_by)  # fmt: skip

        def done(result: sending.Sending) -> None:
            self.refresh()
            self.on_sent()
            if result.status == "sent":
                show_info(self, self.tr("Sent: the mail server accepted it at {when}.").format(
                    when=format_datetime(result.sent_at)))  # fmt: skip
            else:
                show_info(self, self.tr("Not sent: {error}").format(error=result.error))

        run_with_progress(self, self.tr("Sending…"), work, done,
                          lambda exc: show_error(self, exc))  # fmt: skip

    def show_original(self) -> None:
        thread = attempt(self, lambda: views.thread_of(self.state.db, self.state.actor,
                                                       self.request_id))  # fmt: skip
        if thread is None:
            return
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Original messages"))
        dialog.resize(700, 520)
        layout = QVBoxLayout(dialog)
        text = QPlainTextEdit()
        text.setReadOnly(True)
        parts = []
        for m in thread:
            files = "\n".join(f"  📎 {a.filename} ({a.size} B)" for a in m.attachments)
            parts.append(f"{m.headers_text}\n\n{m.body_text}\n{files}".strip())
        text.setPlainText(("\n\n" + "─" * 40 + "\n\n").join(parts))
        layout.addWidget(text)
        for m in thread:
            for a in m.attachments:
                button = QPushButton(self.tr("Open {name}…").format(name=a.filename))
                button.clicked.connect(lambda _=False, att=a: self.open_attachment(att))
                layout.addWidget(button)
        dialog.exec()

    def open_attachment(self, att: views.AttachmentInfo) -> None:
        """A file from outside: ask before opening it with the system's program."""
        answer = QMessageBox.question(self, self.tr("Open attachment"), self.tr(
            "Open {name}? It came from outside the body; open it only if you trust the sender."
        ).format(name=att.filename))  # fmt: skip
        if answer != QMessageBox.StandardButton.Yes:
            return
        got = attempt(self, lambda: views.attachment_data(self.state.db, self.state.actor, att.id))
        if got is None:
            return
        import tempfile
        from pathlib import Path

        folder = Path(tempfile.mkdtemp(prefix="istiqbal-"))
        path = folder / got[0]
        path.write_bytes(got[1])
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
