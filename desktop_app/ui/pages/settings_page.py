"""Settings: the body's names and e-mail, the circulars' deadlines, and the indicator targets."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app.i18n import LANGUAGES, language_name
from desktop_app.services import settings
from desktop_app.services.credentials import KeyringStatus, keyring_status
from desktop_app.services.kpi_labels import label_for
from desktop_app.services.kpi_status import LOWER_IS_BETTER
from desktop_app.services.permissions import Perm
from desktop_app.ui.messages import attempt, show_info
from desktop_app.ui.state import AppState
from desktop_app.ui.widgets.page_header import PageHeader
from desktop_app.ui.workers import query


class SettingsPage(QWidget):
    """Shown to every role that may read settings; only an administrator's Save is accepted."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self._fields: dict[str, QWidget] = {}
        outer = QVBoxLayout(self)
        outer.addWidget(PageHeader(
            self.tr("Settings"),
            self.tr("These values apply to every PC that shares this database and to the "
                    "command line."),
        ))  # fmt: skip
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        body = QWidget()
        columns = QHBoxLayout(body)
        left = QVBoxLayout()
        right = QVBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)

        body_box = QGroupBox(self.tr("The public body"))
        form = QFormLayout(body_box)
        form.addRow(self.tr("Name in Arabic"), self._line("body_name_ar"))
        form.addRow(self.tr("Name in French"), self._line("body_name_fr"))
        form.addRow(self.tr("Published e-mail address (C2.1)"), self._line("public_email"))
        lang = QComboBox()
        for code in LANGUAGES:
            lang.addItem(language_name(code), code)
        self._fields["default_language"] = lang
        form.addRow(self.tr("Default language"), lang)
        # C8.6: the body's own list (circular 18/2019), edited in its own window like the calendar.
        self.categories_button = QPushButton(self.tr("Particular categories of users…"))
        self.categories_button.setToolTip(self.tr(
            "The categories of users that requests, training sessions and the report count (C8.6)."
        ))  # fmt: skip
        self.categories_button.clicked.connect(self.open_categories)
        categories_row = QHBoxLayout()
        categories_row.addWidget(self.categories_button)
        categories_row.addStretch(1)
        form.addRow(categories_row)
        left.addWidget(body_box)

        rules = QGroupBox(self.tr("Deadlines and checks"))
        form = QFormLayout(rules)
        # C2.1 «في أجل أقصاه 48 ساعة»: the legal deadline is fixed; these set the internal target.
        legal = QLabel(self.tr(
            "Legal deadline: 48 hours after receipt, always (circular 2/2020, C2.1). The settings "
            "below only set the body's internal target, which can be shorter, never longer."
        ))  # fmt: skip
        legal.setWordWrap(True)
        form.addRow(legal)
        clock = QComboBox()
        clock.addItem(self.tr("Calendar hours, nights and holidays included"), "calendar")
        clock.addItem(self.tr("Working hours (skip nights, weekends, holidays)"), "working")
        self._fields["deadline_clock"] = clock
        # Its long French choices set the left column's minimum width, which pushed the target
        # fields past the right edge at 1366×768 (issue 14.10): let it shrink and elide.
        clock.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        clock.setMinimumContentsLength(16)
        # Beside its label the box was still cut ("Heures calendaires, nuits…"): the label
        # above, the box across the whole group.
        form.addRow(QLabel(self.tr("Internal target clock")))
        form.addRow(clock)
        form.addRow(
            self.tr("Internal target: answer or notice within (hours, at most 48)"),
            self._int("deadline_hours", 1, 48),
        )
        form.addRow(self.tr("Warn before the deadline (hours)"), self._int("warning_hours", 1, 168))
        form.addRow(self.tr("Pick up in less than (seconds, at most 300, C8.2)"),
                    self._int("pickup_seconds", 5, 300))  # fmt: skip
        form.addRow(self.tr("Call a missed caller back within (hours, C2.4)"),
                    self._int("callback_window_hours", 1, 336))  # fmt: skip
        form.addRow(
            self.tr("Check every line every (days, C8.1)"), self._int("check_interval_days", 1, 365)
        )
        form.addRow(self.tr("Keep citizens' personal data (years)"),
                    self._int("retention_years", 1, 50))  # fmt: skip
        self.calendar_button = QPushButton(self.tr("Holidays and office hours…"))
        self.calendar_button.setToolTip(self.tr(
            "The public holidays and office hours that the working-hours clock skips or counts."
        ))  # fmt: skip
        self.calendar_button.setEnabled(state.actor.can(Perm.VIEW_SETTINGS))
        self.calendar_button.clicked.connect(self.open_calendar)
        calendar_row = QHBoxLayout()
        calendar_row.addWidget(self.calendar_button)
        calendar_row.addStretch(1)
        form.addRow(calendar_row)
        self.calendar_dialog: QDialog | None = None
        self.categories_dialog: QDialog | None = None
        left.addWidget(rules)

        secrets = QGroupBox(self.tr("Passwords of mailboxes"))
        form = QFormLayout(secrets)
        # Said in words; the back end's technical name (keyring.backends.fail.Keyring) is for
        # whoever installs one, in the tooltip (issue 14.8). Importing keyring probes every back
        # end (0.2 s): done on the pool, the two labels filled when it answers (issue 15.3).
        self.keyring_store = QLabel(self.tr("Checking…"))
        self.keyring_store.setWordWrap(True)
        form.addRow(self.tr("System password store"), self.keyring_store)
        self.keyring_verdict = QLabel()
        self.keyring_verdict.setWordWrap(True)
        form.addRow(self.keyring_verdict)
        query(self, keyring_status, self._show_keyring, key="keyring")
        left.addWidget(secrets)
        left.addWidget(self._website_box())
        from desktop_app.ui.widgets.mailboxes_box import MailboxesBox

        self.mailboxes = MailboxesBox(state)
        form = QFormLayout()
        form.addRow(self.tr("Fetch mail every (minutes, 0 = never)"),
                    self._int("mail_fetch_minutes", 0, 1440))  # fmt: skip
        form.addRow(self.tr("Largest message accepted (MB)"),
                    self._int("mail_size_limit_mb", 1, 100))  # fmt: skip
        self.mailboxes.body.addLayout(form)
        left.addStretch(1)

        # Percentages, hours, seconds or counts: each label says which (kpi_labels).
        targets = QGroupBox(self.tr("Targets of the indicators"))
        form = QFormLayout(targets)
        self._target_form = form
        right.addWidget(self.mailboxes)
        right.addWidget(targets)
        right.addStretch(1)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.clicked.connect(self.save)
        buttons.addWidget(self.save_button)
        outer.addLayout(buttons)
        self.load()
        editable = state.actor.can(Perm.EDIT_SETTINGS)
        for w in self._fields.values():
            # Read-only rather than disabled: greyed-out text is hard to read for a director.
            if isinstance(w, QLineEdit | QSpinBox | QDoubleSpinBox):
                w.setReadOnly(not editable)
                if not editable and not isinstance(w, QLineEdit):
                    w.setButtonSymbols(QSpinBox.ButtonSymbols.NoButtons)
            else:
                w.setEnabled(editable)
        self.save_button.setVisible(editable)
        if not editable:
            note = QLabel(self.tr("Only an administrator can change these settings."))
            outer.addWidget(note)

    def _show_keyring(self, status: KeyringStatus) -> None:
        self.keyring_store.setText(
            self.tr("Found on this computer")
            if status.secure
            else self.tr("No secure password store on this computer")
        )
        self.keyring_store.setToolTip(status.name)
        self.keyring_verdict.setText(
            self.tr("Secure: passwords are kept there, never in the database.")
            if status.secure
            else self.tr("Not secure: Istiqbal will not store any mailbox password on this PC.")
        )

    def _website_box(self) -> QGroupBox:
        """The website and the online services (C2.2, C2.4): what the audit reads, how often the
        links are checked, and the phrases that betray a "not found" or a login page."""
        box = QGroupBox(self.tr("Website and online services"))
        form = QFormLayout(box)
        form.addRow(self.tr("Home page of the website"), self._line("website_url"))
        pages = self._line("website_pages")
        pages.setToolTip(self.tr("Other pages to read (contact page…), separated by spaces."))
        form.addRow(self.tr("Other pages to read"), pages)
        form.addRow(self.tr("Pages read at most"), self._int("website_max_pages", 1, 500))
        form.addRow(self.tr("Review each service every (days)"),
                    self._int("services_review_days", 1, 3650))  # fmt: skip
        form.addRow(self.tr("Check the links every (hours)"),
                    self._int("services_check_hours", 1, 720))  # fmt: skip
        tip = self.tr("Phrases in Arabic or French, separated by “;”.")
        for key, label in (
            ("services_soft404_phrases", self.tr("Phrases of a “not found” page")),
            ("services_login_phrases", self.tr("Phrases of a login page")),
        ):
            field = self._line(key)
            field.setToolTip(tip)
            form.addRow(label, field)
        return box

    def open_calendar(self) -> None:
        """Holidays and office hours live in their own window: they change by year, not once."""
        from desktop_app.ui.dialogs.calendar_dialog import CalendarDialog

        self.calendar_dialog = CalendarDialog(self.state, self)
        self.calendar_dialog.open()

    def open_categories(self) -> None:
        """C8.6: the particular categories of users, changed rarely and by their own buttons."""
        from desktop_app.ui.dialogs.user_categories_dialog import UserCategoriesDialog

        self.categories_dialog = UserCategoriesDialog(self.state, self)
        self.categories_dialog.open()

    def _line(self, key: str) -> QLineEdit:
        w = QLineEdit()
        self._fields[key] = w
        return w

    def _int(self, key: str, low: int, high: int) -> QSpinBox:
        w = QSpinBox()
        w.setRange(low, high)
        w.setAlignment(Qt.AlignmentFlag.AlignRight)
        self._fields[key] = w
        return w

    def load(self) -> None:
        values = settings.get_all(self.state.db)
        for key, w in list(self._fields.items()):
            self._set(w, values.get(key))
        for key in sorted(k for k in values if k.startswith("target.")):
            if key not in self._fields:
                spin = QDoubleSpinBox()
                spec = settings.SPECS.get(key)
                low = spec.minimum if spec and spec.minimum is not None else 0.0
                high = spec.maximum if spec and spec.maximum is not None else 100.0
                spin.setRange(low, high)
                spin.setDecimals(1)
                kpi_id = key.removeprefix("target.")
                # The target's direction in the field: a maximum for delays and backlogs.
                lower = kpi_id in LOWER_IS_BETTER
                spin.setPrefix(self.tr("max. ") if lower else self.tr("min. "))
                spin.setToolTip(self.tr("at most, lower is better") if lower
                                else self.tr("at least, higher is better"))  # fmt: skip
                self._fields[key] = spin
                self._target_form.addRow(label_for(kpi_id), spin)
            self._set(self._fields[key], values[key])

    @staticmethod
    def _set(w: QWidget, value: Any) -> None:
        if isinstance(w, QLineEdit):
            w.setText(str(value or ""))
        elif isinstance(w, QComboBox):
            w.setCurrentIndex(max(0, w.findData(value)))
        elif isinstance(w, QSpinBox):
            w.setValue(int(value))
        elif isinstance(w, QDoubleSpinBox):
            w.setValue(float(value))

    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, w in self._fields.items():
            if isinstance(w, QLineEdit):
                out[key] = w.text().strip()
            elif isinstance(w, QComboBox):
                out[key] = w.currentData()
            elif isinstance(w, QSpinBox | QDoubleSpinBox):
                out[key] = w.value()
        return out

    def save(self) -> None:
        if attempt(self, lambda: settings.update(self.state.db, self.state.actor, self.values())):
            show_info(self, self.tr("Settings saved."))
