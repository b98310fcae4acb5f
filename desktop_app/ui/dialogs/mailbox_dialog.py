"""One published mailbox (C2.1): its IMAP and SMTP servers, where the address is published, the
password (kept in the system keyring only) and a "Test connection" that names what failed."""

from __future__ import annotations

from PySide6.QtCore import Qt
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
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services.errors import UserError
from desktop_app.services.mail.mailboxes import MailboxConfig, save_mailbox
from desktop_app.ui.messages import attempt
from desktop_app.ui.state import AppState
from desktop_app.ui.widgets.save_buttons import save_buttons
from desktop_app.ui.workers import BackgroundTask, run_in_background


class MailboxDialog(QDialog):
    def __init__(
        self, state: AppState, config: MailboxConfig | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.state = state
        self.config = config
        self.saved: MailboxConfig | None = None
        self.task: BackgroundTask | None = None
        self.setWindowTitle(self.tr("Mailbox") if config is None else config.address)
        outer = QVBoxLayout(self)
        form = QFormLayout()
        outer.addLayout(form)
        self.address = QLineEdit()
        self.address.setPlaceholderText("bureau.relations@commune.tn")
        form.addRow(self.tr("Published address"), self.address)
        self.imap_host, self.imap_port, self.imap_security = self._server(
            form, self.tr("IMAP server")
        )
        self.smtp_host, self.smtp_port, self.smtp_security = self._server(
            form, self.tr("SMTP server")
        )
        self.username = QLineEdit()
        self.username.setPlaceholderText(self.tr("the address, unless the provider says otherwise"))
        form.addRow(self.tr("User name"), self.username)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        if config is not None:
            self.password.setPlaceholderText(self.tr("unchanged"))
        form.addRow(self.tr("Password"), self.password)
        self.folder = QLineEdit("INBOX")
        form.addRow(self.tr("Folder"), self.folder)
        ca_row = QHBoxLayout()
        self.ca_file = QLineEdit()
        self.ca_file.setPlaceholderText(self.tr("only for an internal server"))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        ca_row.addWidget(self.ca_file, 1)
        ca_row.addWidget(browse)
        form.addRow(self.tr("Certificate authority file"), ca_row)
        published = QHBoxLayout()
        self.published = {
            "website": QCheckBox(self.tr("Website front page")),
            "letters": QCheckBox(self.tr("Letters")),
            "posters": QCheckBox(self.tr("Posters")),
        }
        for box in self.published.values():
            published.addWidget(box)
        published.addStretch(1)
        form.addRow(self.tr("Published on"), published)
        self.auto_ack = QCheckBox(self.tr("Acknowledge new mail automatically (not a response)"))
        form.addRow(self.auto_ack)
        self.active = QCheckBox(self.tr("Fetch this mailbox"))
        self.active.setChecked(True)
        form.addRow(self.active)
        test_row = QHBoxLayout()
        self.test_button = QPushButton(self.tr("Test connection"))
        self.test_button.clicked.connect(self.test_connection)
        test_row.addWidget(self.test_button)
        test_row.addStretch(1)
        outer.addLayout(test_row)
        self.test_result = QLabel()
        self.test_result.setTextFormat(Qt.TextFormat.PlainText)
        self.test_result.setWordWrap(True)
        self.test_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        outer.addWidget(self.test_result)
        outer.addWidget(save_buttons(self, self.save))
        self._fill(config)
        self.resize(620, self.sizeHint().height())

    def _server(self, form: QFormLayout, label: str) -> tuple[QLineEdit, QSpinBox, QComboBox]:
        row = QHBoxLayout()
        host = QLineEdit()
        port = QSpinBox()
        port.setRange(1, 65535)
        security = QComboBox()
        security.addItem(self.tr("TLS"), "tls")
        security.addItem(self.tr("STARTTLS"), "starttls")
        row.addWidget(host, 1)
        row.addWidget(QLabel(self.tr("Port")))
        row.addWidget(port)
        row.addWidget(security)
        form.addRow(label, row)
        return host, port, security

    def _fill(self, c: MailboxConfig | None) -> None:
        c = c or MailboxConfig(address="", imap_host="", smtp_host="")
        self.address.setText(c.address)
        self.imap_host.setText(c.imap_host)
        self.imap_port.setValue(c.imap_port)
        self.imap_security.setCurrentIndex(max(0, self.imap_security.findData(c.imap_security)))
        self.smtp_host.setText(c.smtp_host)
        self.smtp_port.setValue(c.smtp_port)
        self.smtp_security.setCurrentIndex(max(0, self.smtp_security.findData(c.smtp_security)))
        self.username.setText(c.username)
        self.folder.setText(c.folder)
        self.ca_file.setText(c.ca_file)
        for key, box in self.published.items():
            box.setChecked(key in c.published_on)
        self.auto_ack.setChecked(c.auto_acknowledge)
        self.active.setChecked(c.active)

    def values(self) -> MailboxConfig:
        c = self.config
        return MailboxConfig(
            id=c.id if c else None, version=c.version if c else None,
            address=self.address.text(), imap_host=self.imap_host.text(),
            imap_port=self.imap_port.value(), imap_security=self.imap_security.currentData(),
            smtp_host=self.smtp_host.text(), smtp_port=self.smtp_port.value(),
            smtp_security=self.smtp_security.currentData(), username=self.username.text(),
            folder=self.folder.text(), ca_file=self.ca_file.text(),
            published_on=tuple(k for k, b in self.published.items() if b.isChecked()),
            auto_acknowledge=self.auto_ack.isChecked(), active=self.active.isChecked(),
        )  # fmt: skip

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Certificate authority file"), "", self.tr("Certificates (*.pem *.crt)")
        )
        if path:
            self.ca_file.setText(path)

    def save(self) -> None:
        saved = attempt(self, lambda: save_mailbox(self.state.db, self.state.actor, self.values(),
                                                   self.password.text() or None))  # fmt: skip
        if saved is not None:
            self.saved = saved
            self.accept()

    def test_connection(self) -> None:
        """Both servers, in the background; the verdict names exactly what failed."""
        from desktop_app.exchange.mail.connection import test_connection
        from desktop_app.services.mail.mailboxes import password_of

        config = self.values()
        typed = self.password.text()
        self.test_button.setEnabled(False)
        self.test_result.setText(self.tr("Connecting…"))

        def work(_progress: object) -> list[str]:
            secret = typed or password_of(config)
            return [c.sentence for c in test_connection(config, secret)]

        def done(lines: list[str]) -> None:
            self.test_button.setEnabled(True)
            self.test_result.setText("\n".join(lines))

        def failed(exc: BaseException) -> None:
            self.test_button.setEnabled(True)
            self.test_result.setText(exc.message if isinstance(exc, UserError) else str(exc))

        self.task = run_in_background(work, self)
        self.task.finished.connect(done)
        self.task.failed.connect(failed)
