"""Start the window: QApplication, language (before any widget), database, first run, sign-in."""

from __future__ import annotations

import sys

from PySide6.QtCore import QLocale, QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop_app import APP_NAME, APP_ORG
from desktop_app.config import resolve_database
from desktop_app.data.db import Database
from desktop_app.i18n import install_language, normalise_language
from desktop_app.services import auth, settings
from desktop_app.services.database import open_database
from desktop_app.services.errors import UserError
from desktop_app.ui.main_window import MainWindow, apply_direction
from desktop_app.ui.state import AppState


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName(APP_ORG)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    return app


def initial_language(requested: str | None, database_default: str | None = None) -> str:
    """--lang, else what this PC chose last time, else the database's default language setting,
    else the system's ar/fr, else Arabic."""
    if requested:
        return normalise_language(requested)
    remembered = QSettings().value("ui/language")
    if isinstance(remembered, str) and remembered:
        return normalise_language(remembered)
    if database_default:
        return normalise_language(database_default)
    system = QLocale.system().name()[:2]
    return system if system in ("ar", "fr") else "ar"


def database_language(database: Database) -> str | None:
    """The body's default language, once the body has been set up (None on the first run)."""
    if not auth.has_users(database):
        return None
    value = settings.get(database, "default_language")
    return value if isinstance(value, str) else None


def run_app(db: str | None = None, lang: str | None = None) -> int:
    app = make_application()
    language = install_language(initial_language(lang))
    apply_direction(language)
    location = resolve_database(db)
    try:
        database = open_database(location)
    except UserError as exc:
        QMessageBox.critical(None, APP_NAME, exc.message)
        return 1
    for notice in database.notices:  # an existing file made owner-only: said once (issue 16)
        QMessageBox.information(None, APP_NAME, notice)
    from_database = initial_language(lang, database_language(database))
    if from_database != language:
        language = install_language(from_database)
        apply_direction(language)

    user: auth.UserInfo | None = None
    if not auth.has_users(database):
        from desktop_app.ui.dialogs.first_run_dialog import FirstRunDialog

        wizard = FirstRunDialog(database, language)
        if wizard.exec() != FirstRunDialog.DialogCode.Accepted or wizard.admin is None:
            return 0
        user, language = wizard.admin, wizard.lang
        QSettings().setValue("ui/language", language)
    else:
        from desktop_app.ui.dialogs.login_dialog import LoginDialog

        values = settings.get_all(database)
        body = values["body_name_ar" if language == "ar" else "body_name_fr"]
        login = LoginDialog(database, body)
        if login.exec() != LoginDialog.DialogCode.Accepted or login.user is None:
            return 0
        user = login.user
        if user.must_change_password:
            from desktop_app.ui.dialogs.change_password_dialog import ChangePasswordDialog

            if ChangePasswordDialog(database, user.actor(), forced=True).exec() != 1:
                return 0

    window = MainWindow(AppState(database, location, user.actor(), language))
    window.show()
    code = app.exec()
    database.dispose()
    return code
