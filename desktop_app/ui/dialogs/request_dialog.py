"""A new request (C2.3), and one request's timeline with its next steps (C2.1).

Citizens' words are shown as plain text only: a subject like `<b>…</b>` stays literal.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QDate, QDateTime, Qt, QTime, QTimeZone
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.data.types import utcnow
from desktop_app.services import requests
from desktop_app.services.permissions import Perm
from desktop_app.services.requests import RequestDetail, RequestRow
from desktop_app.ui.formatting import TUNIS, format_datetime, plain_tooltip
from desktop_app.ui.messages import attempt
from desktop_app.ui.state import AppState
from desktop_app.ui.widgets.save_buttons import save_buttons

CHANNEL_KEYS = ("email", "phone", "web", "fax", "letter", "in_person", "social")
TYPE_KEYS = ("request", "complaint", "report", "inquiry", "suggestion")
CATEGORY_KEYS = ("disability", "elderly", "other")


def plain_label(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def to_utc(edit: QDateTimeEdit) -> datetime:
    """The wall time typed, read in Africa/Tunis whatever the PC's own time zone is."""
    value = edit.dateTime()
    wall = datetime.combine(value.date().toPython(), value.time().toPython())
    return wall.replace(second=0, microsecond=0, tzinfo=TUNIS).astimezone(UTC)


def datetime_edit(value: QDateTime | None = None) -> QDateTimeEdit:
    """dd/MM/yyyy HH:mm, read left to right in Arabic too: the direction is set BEFORE the
    format, or right-to-left reverses the sections and shows 37:09 2026/12/01."""
    edit = QDateTimeEdit()
    edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    edit.setDisplayFormat("dd/MM/yyyy HH:mm")
    edit.setCalendarPopup(True)
    if value is not None:
        edit.setDateTime(value)
    return edit


def tunis_qdatetime(moment: datetime) -> QDateTime:
    """A moment as the wall time of Africa/Tunis, for a date-time editor (held as a zone-less
    wall time, so the PC's own zone and its summer time never shift it)."""
    wall = moment.astimezone(TUNIS)
    return QDateTime(
        QDate(wall.year, wall.month, wall.day),
        QTime(wall.hour, wall.minute, wall.second),
        QTimeZone.utc(),
    )


class NewRequestDialog(QDialog):
    """Register a request; received at defaults to now, the contact is checked on saving."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.created: RequestRow | None = None
        self.setWindowTitle(self.tr("New request"))
        self.setMinimumWidth(560)
        form = QFormLayout(self)
        self.received = datetime_edit(tunis_qdatetime(utcnow()))
        self.channel = QComboBox()
        for key in CHANNEL_KEYS:
            self.channel.addItem(requests.channel_label(key), key)
        self.type = QComboBox()
        for key in TYPE_KEYS:
            self.type.addItem(requests.type_label(key), key)
        self.citizen = QLineEdit()
        self.contact = QLineEdit()
        self.contact.setPlaceholderText(self.tr("e-mail or telephone"))
        self.category = QComboBox()
        self.category.addItem(self.tr("(none)"), "")
        for key in CATEGORY_KEYS:
            self.category.addItem(requests.category_label(key), key)
        self.agent = QComboBox()
        self.agent.addItem(self.tr("(not assigned)"), None)
        for choice in attempt(self, lambda: requests.agent_choices(state.db, state.actor)) or []:
            self.agent.addItem(choice.name(state.lang), choice.id)
        self.subject = QLineEdit()
        self.body = QPlainTextEdit()
        self.body.setTabChangesFocus(True)
        for label, widget in (
            (self.tr("Received at"), self.received),
            (self.tr("Channel"), self.channel),
            (self.tr("Type"), self.type),
            (self.tr("Citizen"), self.citizen),
            (self.tr("Contact"), self.contact),
            (self.tr("Particular category (C8.6)"), self.category),
            (self.tr("Assigned to"), self.agent),
            (self.tr("Subject"), self.subject),
            (self.tr("Text"), self.body),
        ):
            form.addRow(label, widget)
        self.error = QLabel()
        self.error.setTextFormat(Qt.TextFormat.PlainText)  # it may quote the contact typed
        self.error.setStyleSheet("color: #9b1c1c;")
        self.error.setWordWrap(True)
        form.addRow(self.error)
        buttons = save_buttons(self, self.save)
        form.addRow(buttons)

    def save(self) -> bool:
        from desktop_app.services.errors import UserError

        try:
            self.created = requests.create_request(
                self.state.db,
                self.state.actor,
                channel=self.channel.currentData(),
                type=self.type.currentData(),
                subject=self.subject.text(),
                citizen=self.citizen.text(),
                contact=self.contact.text(),
                body=self.body.toPlainText(),
                category=self.category.currentData() or None,
                agent_id=self.agent.currentData(),
                received_at=to_utc(self.received),
            )
        except UserError as exc:
            self.error.setText(exc.message)
            return False
        self.accept()
        return True


class RequestDialog(QDialog):
    """One request: its facts, its deadline, its timeline, and the next step to record."""

    def __init__(self, state: AppState, request_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.request_id = request_id
        self.changed = False
        self.detail: RequestDetail | None = None
        self.setMinimumSize(720, 560)
        layout = QVBoxLayout(self)
        self.facts = QFormLayout()
        layout.addLayout(self.facts)
        self.body = QPlainTextEdit()
        self.body.setReadOnly(True)
        self.body.setMaximumHeight(90)
        layout.addWidget(self.body)
        layout.addWidget(QLabel(self.tr("Timeline")))
        self.timeline = QTableWidget(0, 4)
        self.timeline.setHorizontalHeaderLabels(
            [self.tr("When"), self.tr("Step"), self.tr("By"), self.tr("Text")]
        )
        self.timeline.verticalHeader().hide()
        self.timeline.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.timeline.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout.addWidget(self.timeline, 1)

        step = QHBoxLayout()
        self.answer_kind = QRadioButton(self.tr("Answer"))
        self.notice_kind = QRadioButton(self.tr("Notice: needs documents or coordination"))
        self.answer_kind.setChecked(True)
        step.addWidget(self.answer_kind)
        step.addWidget(self.notice_kind)
        step.addStretch(1)
        # An answer posted yesterday is dated yesterday: default now, never in the future,
        # never before the request arrived (Africa/Tunis wall time).
        step.addWidget(QLabel(self.tr("Responded at")))
        self.responded_at = datetime_edit()
        step.addWidget(self.responded_at)
        layout.addLayout(step)
        self.response = QPlainTextEdit()
        self.response.setPlaceholderText(
            self.tr("The answer given, or the documents needed / the body to coordinate with")
        )
        self.response.setMaximumHeight(80)
        layout.addWidget(self.response)
        actions = QHBoxLayout()
        self.agent = QComboBox()
        self.agent.addItem(self.tr("(not assigned)"), None)
        for choice in attempt(self, lambda: requests.agent_choices(state.db, state.actor)) or []:
            self.agent.addItem(choice.name(state.lang), choice.id)
        self.assign_button = QPushButton(self.tr("Assign"))
        self.respond_button = QPushButton(self.tr("Record the response"))
        self.close_button = QPushButton(self.tr("Close the request"))
        self.reopen_button = QPushButton(self.tr("Reopen"))
        done = QPushButton(self.tr("Done"))
        self.assign_button.clicked.connect(self.assign)
        self.respond_button.clicked.connect(self.respond)
        self.close_button.clicked.connect(self.close_request)
        self.reopen_button.clicked.connect(self.reopen)
        done.clicked.connect(self.accept)
        for w in (
            self.agent,
            self.assign_button,
            self.respond_button,
            self.close_button,
            self.reopen_button,
        ):
            actions.addWidget(w)
        actions.addStretch(1)
        actions.addWidget(done)
        layout.addLayout(actions)
        self.mail_box: QWidget | None = None
        self.refresh()
        if self.detail is not None and "@" in self.detail.row.contact:
            # C2.1: an e-mail request is answered by e-mail, in the citizen's thread.
            from desktop_app.ui.widgets.request_mail_box import RequestMailBox

            self.mail_box = RequestMailBox(state, request_id, self._typed_response,
                                           self._mail_sent, self)  # fmt: skip
            layout.insertWidget(layout.count() - 1, self.mail_box)

    def refresh(self) -> None:
        detail = attempt(
            self, lambda: requests.get_request(self.state.db, self.state.actor, self.request_id)
        )
        if detail is None:
            return
        self.detail = detail
        row = detail.row
        self.setWindowTitle(self.tr("Request {ref}").format(ref=row.reference))
        while self.facts.rowCount():
            self.facts.removeRow(0)
        hidden = self.tr("(restricted)")
        deadline = self.tr("{state} — deadline {when}").format(
            state=requests.state_text(row), when=format_datetime(row.deadline_at)
        )
        for label, value in (
            (self.tr("Reference"), row.reference),
            (self.tr("Received at"), format_datetime(row.received_at)),
            (
                self.tr("Channel / type"),
                f"{requests.channel_label(row.channel)} · {requests.type_label(row.type)}",
            ),
            (
                self.tr("Citizen"),
                hidden
                if row.personal_hidden
                else " · ".join(v for v in (row.citizen, row.contact) if v),
            ),
            (self.tr("Particular category (C8.6)"), requests.category_label(row.category)),
            (self.tr("Subject"), row.subject),
            (self.tr("Status"), requests.status_label(row.status)),
            (self.tr("Deadline (C2.1)"), deadline),
            (self.tr("Assigned to"), row.agent_name(self.state.lang)),
        ):
            self.facts.addRow(label, plain_label(value))
        self.body.setPlainText(detail.body if not row.personal_hidden else hidden)
        self.timeline.setRowCount(len(detail.events))
        for i, event in enumerate(detail.events):
            for col, value in enumerate(
                (
                    format_datetime(event.at),
                    event.describe(self.state.lang),
                    event.username,
                    event.text,
                )
            ):
                item = QTableWidgetItem(value)
                if col == 3 and value:
                    item.setToolTip(plain_tooltip(value))  # the whole text, literally
                if col == 0 and abs((event.recorded_at - event.at).total_seconds()) > 300:
                    item.setToolTip(
                        self.tr("Recorded on {when}").format(
                            when=format_datetime(event.recorded_at)
                        )
                    )
                self.timeline.setItem(i, col, item)
        self.timeline.resizeColumnsToContents()
        index = self.agent.findData(row.agent_id)
        self.agent.setCurrentIndex(max(index, 0))
        now = tunis_qdatetime(utcnow())
        self.responded_at.setDateTimeRange(tunis_qdatetime(row.received_at), now)
        self.responded_at.setDateTime(now)
        can_edit = self.state.actor.can(Perm.EDIT_REQUESTS)
        closed = row.closed_at is not None
        for w in (
            self.agent,
            self.assign_button,
            self.answer_kind,
            self.notice_kind,
            self.response,
            self.responded_at,
            self.respond_button,
        ):
            w.setEnabled(can_edit and not closed)
        self.close_button.setEnabled(can_edit and not closed and row.first_response_at is not None)
        self.reopen_button.setEnabled(can_edit and closed)

    def _typed_response(self) -> tuple[str, str]:
        kind = "notice" if self.notice_kind.isChecked() else "answer"
        return kind, self.response.toPlainText().strip()

    def _mail_sent(self) -> None:
        self.changed = True
        self.refresh()

    def detail_texts(self) -> list[str]:
        """The facts as shown (for tests and accessibility checks)."""
        texts = []
        for i in range(self.facts.rowCount()):
            item = self.facts.itemAt(i, QFormLayout.ItemRole.FieldRole)
            widget = item.widget() if item is not None else None
            if isinstance(widget, QLabel):
                texts.append(widget.text())
        return texts

    def _done(self, result: object) -> None:
        if result is not None:
            self.changed = True
            self.refresh()

    def assign(self) -> None:
        version = self.detail.row.version if self.detail else None
        self._done(
            attempt(
                self,
                lambda: requests.assign(
                    self.state.db,
                    self.state.actor,
                    self.request_id,
                    self.agent.currentData(),
                    expected_version=version,
                ),
            )
        )

    def response_time(self) -> datetime | None:
        """The date-time typed for the response, or None (now) when left at the current minute."""
        if self.detail is None:
            return None
        at = to_utc(self.responded_at)
        now = utcnow()
        if at >= now.replace(second=0, microsecond=0):
            return None
        received = self.detail.row.received_at
        if received - timedelta(minutes=1) < at < received:  # the minute it arrived
            return received
        return at

    def respond(self) -> None:
        kind = "notice" if self.notice_kind.isChecked() else "answer"
        version = self.detail.row.version if self.detail else None
        at = self.response_time()
        result = attempt(
            self,
            lambda: requests.respond(
                self.state.db,
                self.state.actor,
                self.request_id,
                kind,
                self.response.toPlainText(),
                at=at,
                expected_version=version,
            ),
        )
        if result is not None:
            self.response.clear()
        self._done(result)

    def close_request(self) -> None:
        version = self.detail.row.version if self.detail else None
        self._done(
            attempt(
                self,
                lambda: requests.close(
                    self.state.db, self.state.actor, self.request_id, expected_version=version
                ),
            )
        )

    def reopen(self) -> None:
        reason, ok = QInputDialog.getText(self, self.tr("Reopen"), self.tr("Why is it reopened?"))
        if not ok:
            return
        version = self.detail.row.version if self.detail else None
        self._done(
            attempt(
                self,
                lambda: requests.reopen(
                    self.state.db,
                    self.state.actor,
                    self.request_id,
                    reason,
                    expected_version=version,
                ),
            )
        )
