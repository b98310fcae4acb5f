"""A new request (C2.3), and one request's timeline with its next steps (C2.1).

Citizens' words are shown as plain text only: a subject like `<b>…</b>` stays literal. A step is
stamped when the user confirms it, not when the dialog opened; a date typed more than 15 minutes
back asks why (entered after the fact), and the timeline says so.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QDate, QDateTime, Qt, QTime, QTimeZone
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLayout,
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
from desktop_app.services import requests, user_categories
from desktop_app.services.permissions import Perm
from desktop_app.services.requests import RequestDetail, RequestRow
from desktop_app.ui.formatting import TUNIS, format_datetime, plain_tooltip
from desktop_app.ui.messages import attempt
from desktop_app.ui.state import AppState
from desktop_app.ui.widgets.date_fields import datetime_edit as shared_datetime_edit
from desktop_app.ui.widgets.date_fields import from_qdate, from_qtime
from desktop_app.ui.widgets.save_buttons import save_buttons

CHANNEL_KEYS = ("email", "phone", "web", "fax", "letter", "in_person", "social")
TYPE_KEYS = ("request", "complaint", "report", "inquiry", "suggestion")


def plain_label(text: str) -> QLabel:
    if text and QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft:
        # A wrapped label lays out its text by the text's own direction: in Arabic a reference
        # or a date (no Arabic letter) was drawn at the far left, away from its field's name.
        text = "\u200f" + text
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def to_utc(edit: QDateTimeEdit) -> datetime:
    """The wall time typed, read in Africa/Tunis whatever the PC's own time zone is."""
    value = edit.dateTime()
    wall = datetime.combine(from_qdate(value.date()), from_qtime(value.time()))
    return wall.replace(second=0, microsecond=0, tzinfo=TUNIS).astimezone(UTC)


def datetime_edit(value: QDateTime | None = None) -> QDateTimeEdit:
    """dd/MM/yyyy HH:mm, read left to right in Arabic too: the direction is set BEFORE the
    format, or right-to-left reverses the sections and shows 37:09 2026/12/01."""
    return shared_datetime_edit(value)


def typed_or_now(edit: QDateTimeEdit, shown: QDateTime | None) -> datetime | None:
    """The date-time typed, or None (the service stamps the moment of confirming) when the editor
    still shows what it was given on opening: a dialog opened at 01:53:21 and confirmed at
    01:54:36 records 01:54:36, not the minute it opened."""
    if shown is not None and edit.dateTime() == shown:
        return None
    return to_utc(edit)


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
        self.received_shown = tunis_qdatetime(utcnow())
        self.received = datetime_edit(self.received_shown)
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
        # C8.6: the active categories of the body's list (Settings), read when the dialog opens.
        for key, name in attempt(self, lambda: user_categories.options(state.db)) or []:
            self.category.addItem(name, key)
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
                received_at=typed_or_now(self.received, self.received_shown),
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
        layout = QVBoxLayout(self)
        # At least what its rows need: a fixed 720x560 minimum let a window opened on a
        # 1366x768 screen (first size capped to 2/3 of it) be shorter than its layout, and the
        # eleven facts of an e-mail request were drawn over one another.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
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
        self.notice_kind = QRadioButton(
            self.tr("Notice: documents to consult or coordination with other bodies")
        )
        self.answer_kind.setChecked(True)
        step.addWidget(self.answer_kind)
        step.addWidget(self.notice_kind)
        step.addStretch(1)
        # An answer posted yesterday is dated yesterday: default now, never in the future,
        # never before the request arrived (Africa/Tunis wall time).
        step.addWidget(QLabel(self.tr("Responded at")))
        self.responded_at = datetime_edit()
        self.responded_shown: QDateTime | None = None
        step.addWidget(self.responded_at)
        layout.addLayout(step)
        # C2.1's notice: why (one of its two reasons), the answer date announced, how told.
        self.notice_row = QWidget()
        notice = QHBoxLayout(self.notice_row)
        notice.setContentsMargins(0, 0, 0, 0)
        self.notice_reason = QComboBox()
        for key in ("documents", "coordination"):
            self.notice_reason.addItem(requests.notice_reason_label(key), key)
        notice.addWidget(self.notice_reason)
        notice.addWidget(QLabel(self.tr("Answer announced for")))
        self.notice_answer_by = datetime_edit()
        notice.addWidget(self.notice_answer_by)
        self.notice_told_via = QLineEdit()
        self.notice_told_via.setPlaceholderText(
            self.tr("How the sender was told (if not by the contact)")
        )
        notice.addWidget(self.notice_told_via, 1)
        layout.addWidget(self.notice_row)
        self.notice_row.setVisible(False)
        self.notice_kind.toggled.connect(self.notice_row.setVisible)
        self.response = QPlainTextEdit()
        self.response.setPlaceholderText(
            self.tr("The answer given, or the documents to consult / the bodies to coordinate with")
        )
        self.response.setMaximumHeight(60)
        layout.addWidget(self.response)
        actions = QHBoxLayout()
        self.agent = QComboBox()
        self.agent.addItem(self.tr("(not assigned)"), None)
        for choice in attempt(self, lambda: requests.agent_choices(state.db, state.actor)) or []:
            self.agent.addItem(choice.name(state.lang), choice.id)
        self.late_reason = QLineEdit()
        self.late_reason.setPlaceholderText(
            self.tr("Why entered after the fact (dated more than 15 minutes ago)")
        )
        layout.addWidget(self.late_reason)
        self.assign_button = QPushButton(self.tr("Assign"))
        self.respond_button = QPushButton(self.tr("Record the response"))
        self.close_reason = QComboBox()
        for key in ("answered", "withdrawn", "forwarded"):
            self.close_reason.addItem(requests.close_reason_label(key), key)
        self.forwarded_to = QLineEdit()
        self.forwarded_to.setPlaceholderText(self.tr("Competent body it was forwarded to"))
        self.forwarded_to.setVisible(False)
        self.close_reason.currentIndexChanged.connect(
            lambda: self.forwarded_to.setVisible(self.close_reason.currentData() == "forwarded")
        )
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
            self.close_reason,
            self.forwarded_to,
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
        internal = format_datetime(row.internal_deadline_at or row.deadline_at)
        notice = ""
        if row.notice_reason:
            notice = self.tr("{reason}: {detail} — answer announced for {when}").format(
                reason=requests.notice_reason_label(row.notice_reason),
                detail=row.notice_detail,
                when=format_datetime(row.notice_answer_by) if row.notice_answer_by else "",
            )
            if row.notice_told_via:
                notice += " — " + row.notice_told_via
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
            (self.tr("Legal deadline (48 h, C2.1)"), deadline),
            (self.tr("Internal target"), internal),
            (self.tr("Notice (C2.1)"), notice),
            (self.tr("Closed as"), requests.close_reason_label(row.close_reason)),
            (self.tr("Assigned to"), row.agent_name(self.state.lang)),
        ):
            if value or label != self.tr("Notice (C2.1)") and label != self.tr("Closed as"):
                self.facts.addRow(label, plain_label(value))
        self.body.setPlainText(detail.body if not row.personal_hidden else hidden)
        self.timeline.setRowCount(len(detail.events))
        for i, event in enumerate(detail.events):
            step = event.describe(self.state.lang)
            if event.after_the_fact:
                step = self.tr("{step} — entered after the fact").format(step=step)
            for col, value in enumerate(
                (format_datetime(event.at), step, event.username, event.text)
            ):
                item = QTableWidgetItem(value)
                if col == 3 and value:
                    item.setToolTip(plain_tooltip(value))  # the whole text, literally
                if col in (0, 1) and event.after_the_fact:
                    tip = self.tr("Recorded on {when}").format(
                        when=format_datetime(event.recorded_at)
                    )
                    if event.late_reason:
                        tip += "\n" + self.tr("Reason: {reason}").format(reason=event.late_reason)
                    item.setToolTip(plain_tooltip(tip))
                self.timeline.setItem(i, col, item)
        self.timeline.resizeColumnsToContents()
        index = self.agent.findData(row.agent_id)
        self.agent.setCurrentIndex(max(index, 0))
        now = tunis_qdatetime(utcnow())
        self.responded_at.setDateTimeRange(tunis_qdatetime(row.received_at), now)
        self.responded_at.setDateTime(now)
        self.responded_shown = self.responded_at.dateTime()
        self.notice_answer_by.setDateTime(tunis_qdatetime(utcnow() + timedelta(days=7)))
        self.late_reason.clear()
        can_edit = self.state.actor.can(Perm.EDIT_REQUESTS)
        manager = self.state.actor.can(Perm.MANAGE_REQUESTS)  # agents: the service checks whose
        closed = row.closed_at is not None
        for w in (self.agent, self.assign_button):
            w.setEnabled(manager and not closed)
        for widget in (
            self.answer_kind,
            self.notice_kind,
            self.response,
            self.responded_at,
            self.respond_button,
            self.notice_row,
            self.late_reason,
            self.close_reason,
            self.forwarded_to,
        ):
            widget.setEnabled(can_edit and not closed)
        # a notice alone is no answer (C2.1): closing then needs a reason (withdrawn, forwarded)
        self.close_button.setEnabled(can_edit and not closed and row.first_response_at is not None)
        self.reopen_button.setEnabled(manager and closed)

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
        """The date-time typed for the response, or None (stamped when confirmed) when the
        editor still shows the moment the dialog opened or refreshed."""
        if self.detail is None:
            return None
        at = typed_or_now(self.responded_at, self.responded_shown)
        if at is None:
            return None
        now = utcnow()
        if at >= now.replace(second=0, microsecond=0):
            return None
        received = self.detail.row.received_at
        if received - timedelta(minutes=1) < at < received:  # the minute it arrived
            return received
        return at

    def late_reason_for(self, at: datetime | None) -> str | None:
        """The reason typed for a step dated more than 15 minutes back, asked for when missing;
        None when the user cancels."""
        reason = self.late_reason.text().strip()
        if at is None or utcnow() - at <= timedelta(minutes=15) or reason:
            return reason
        text, ok = QInputDialog.getText(
            self,
            self.tr("Entered after the fact"),
            self.tr("This step is dated more than 15 minutes ago. Why is it entered now?"),
        )
        return text.strip() if ok and text.strip() else None

    def respond(self) -> None:
        kind = "notice" if self.notice_kind.isChecked() else "answer"
        version = self.detail.row.version if self.detail else None
        at = self.response_time()
        late = self.late_reason_for(at)
        if late is None:
            return
        notice = kind == "notice"
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
                notice_reason=self.notice_reason.currentData() if notice else None,
                notice_answer_by=to_utc(self.notice_answer_by) if notice else None,
                notice_told_via=self.notice_told_via.text() if notice else "",
                late_reason=late,
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
                    self.state.db,
                    self.state.actor,
                    self.request_id,
                    expected_version=version,
                    reason=self.close_reason.currentData(),
                    forwarded_to=self.forwarded_to.text(),
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
