"""The first run: language, the body's names and published e-mail, and the administrator account.

There is no default account: this wizard is the only way the first administrator comes to exist.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
    QWizard,
    QWizardPage,
)

from desktop_app.data.db import Database
from desktop_app.i18n import LANGUAGES, install_language, is_rtl, language_name
from desktop_app.services import first_run
from desktop_app.services.auth import MIN_PASSWORD_LENGTH, UserInfo
from desktop_app.services.errors import UserError
from desktop_app.ui.messages import show_error


class FirstRunDialog(QWizard):
    """Switching the language on the first page rebuilds the wizard's texts at once."""

    language_changed = Signal(str)

    def __init__(self, db: Database, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.lang = lang
        self.admin: UserInfo | None = None
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.language = QComboBox()
        for code in LANGUAGES:
            self.language.addItem(language_name(code), code)
        self.language.setCurrentIndex(self.language.findData(lang))
        self.language.currentIndexChanged.connect(self._language_chosen)
        self.body_ar = QLineEdit()
        self.body_fr = QLineEdit()
        self.email = QLineEdit()
        self.username = QLineEdit("admin")
        self.full_name = QLineEdit()
        self.password = QLineEdit()
        self.repeat = QLineEdit()
        for w in (self.password, self.repeat):
            w.setEchoMode(QLineEdit.EchoMode.Password)
        self._language_page = QWizardPage()
        self._body_page = _BodyPage(self)
        self._admin_page = _AdminPage(self)
        self._language_form = QFormLayout(self._language_page)
        self._body_form = QFormLayout(self._body_page)
        self._admin_form = QFormLayout(self._admin_page)
        self._intro = QLabel()
        self._intro.setWordWrap(True)
        self._language_form.addRow(self._intro)
        self._language_label = QLabel()
        self._language_form.addRow(self._language_label, self.language)
        self._body_labels = [QLabel(), QLabel(), QLabel()]
        for label, field in zip(self._body_labels, (self.body_ar, self.body_fr, self.email),
                                strict=True):  # fmt: skip
            self._body_form.addRow(label, field)
        self._admin_labels = [QLabel(), QLabel(), QLabel(), QLabel()]
        for label, field in zip(self._admin_labels,
                                (self.username, self.full_name, self.password, self.repeat),
                                strict=True):  # fmt: skip
            self._admin_form.addRow(label, field)
        self.body_error = QLabel()
        self.body_error.setWordWrap(True)
        self.body_error.setStyleSheet("color: #b00020;")
        self._body_form.addRow(self.body_error)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self._admin_form.addRow(self.error)
        for page in (self._language_page, self._body_page, self._admin_page):
            self.addPage(page)
        self.setMinimumSize(620, 420)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Welcome to Istiqbal"))
        # Words without Qt's arrows: "التالي >" and "‹ السابق" pointed the wrong way once the
        # right-to-left text mirrored them (issue 14.11).
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Next"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("Back"))
        self._language_page.setTitle(self.tr("Language"))
        self._intro.setText(self.tr(
            "Istiqbal keeps the obligations of circulars 8/2020 and 2/2020: phone lines, citizens' "
            "requests within 48 hours, training of reception agents and the periodic evaluation. "
            "A few questions and it is ready."
        ))  # fmt: skip
        self._language_label.setText(self.tr("Interface language"))
        self._body_page.setTitle(self.tr("Your public body"))
        self._body_page.setSubTitle(self.tr("Printed on every report."))
        for label, text in zip(self._body_labels, (
            self.tr("Name in Arabic"), self.tr("Name in French"),
            self.tr("E-mail address published for citizens (C2.1)"),
        ), strict=True):  # fmt: skip
            label.setText(text)
        self.body_ar.setPlaceholderText("بلدية ...")
        self.body_fr.setPlaceholderText("Municipalité de ...")
        self.email.setPlaceholderText("contact@example.gov.tn")
        self._admin_page.setTitle(self.tr("The administrator"))
        self._admin_page.setSubTitle(
            self.tr("This account manages users and settings. There is no other account yet.")
        )
        for label, text in zip(self._admin_labels, (
            self.tr("User name"), self.tr("Full name"), self.tr("Password"),
            self.tr("Repeat the password"),
        ), strict=True):  # fmt: skip
            label.setText(text)
        self.password.setPlaceholderText(
            self.tr("at least {n} characters").format(n=MIN_PASSWORD_LENGTH)
        )

    def _language_chosen(self) -> None:
        self.lang = self.language.currentData()
        install_language(self.lang)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            from PySide6.QtCore import Qt

            app.setLayoutDirection(
                Qt.LayoutDirection.RightToLeft
                if is_rtl(self.lang)
                else Qt.LayoutDirection.LeftToRight
            )
        self.retranslate()
        self.language_changed.emit(self.lang)

    def create_admin(self) -> bool:
        if self.password.text() != self.repeat.text():
            self.error.setText(self.tr("The two passwords differ."))
            return False
        try:
            admin = first_run.complete_first_run(
                self.db,
                username=self.username.text().strip(),
                full_name=self.full_name.text().strip(),
                password=self.password.text(),
                body_name_ar=self.body_ar.text(),
                body_name_fr=self.body_fr.text(),
                public_email=self.email.text(),
                language=self.lang,
            )
        except UserError as exc:
            self.error.setText(exc.message)
            return False
        except Exception as exc:  # noqa: BLE001 - show, do not crash the first run
            show_error(self, exc)
            return False
        self.admin = admin
        return True

    def check_body(self) -> bool:
        """Both names are required and the e-mail address must be one, before the next page."""
        try:
            first_run.check_body(self.body_ar.text(), self.body_fr.text(), self.email.text())
        except UserError as exc:
            self.body_error.setText(exc.message)
            return False
        self.body_error.clear()
        return True


class _BodyPage(QWizardPage):
    def __init__(self, wizard: FirstRunDialog) -> None:
        super().__init__()
        self._wizard = wizard

    def validatePage(self) -> bool:
        return self._wizard.check_body()


class _AdminPage(QWizardPage):
    def __init__(self, wizard: FirstRunDialog) -> None:
        super().__init__()
        self._wizard = wizard

    def validatePage(self) -> bool:
        return self._wizard.admin is not None or self._wizard.create_admin()
