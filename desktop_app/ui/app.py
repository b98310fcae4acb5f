"""Start the window: QApplication and language first, then the sign-in dialog at once while the
database is imported, opened and migrated in the background; the first-run wizard when it has no
users yet."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QLocale, QSettings
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from desktop_app import APP_NAME, APP_ORG
from desktop_app.i18n import install_language, normalise_language
from desktop_app.ui.direction import apply_direction

if TYPE_CHECKING:  # SQLAlchemy, argon2 and the services load in the background, after Qt is up
    from desktop_app.config import DatabaseLocation
    from desktop_app.data.db import Database
    from desktop_app.services.auth import UserInfo


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName(APP_ORG)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    return app


def remembered_language() -> str | None:
    """The language this PC chose last time, if any."""
    remembered = QSettings().value("ui/language")
    return normalise_language(remembered) if isinstance(remembered, str) and remembered else None


def initial_language(requested: str | None, database_default: str | None = None) -> str:
    """--lang, else what this PC chose last time, else the database's default language setting,
    else the system's ar/fr, else Arabic."""
    if requested:
        return normalise_language(requested)
    remembered = remembered_language()
    if remembered:
        return remembered
    if database_default:
        return normalise_language(database_default)
    system = QLocale.system().name()[:2]
    return system if system in ("ar", "fr") else "ar"


def database_language(database: Database) -> str | None:
    """The body's default language, once the body has been set up (None on the first run)."""
    from desktop_app.services import auth, settings

    if not auth.has_users(database):
        return None
    value = settings.get(database, "default_language")
    return value if isinstance(value, str) else None


@dataclass
class Opened:
    """What sign-in needs, read in the background."""

    database: Database
    has_users: bool
    values: dict[str, Any] = field(default_factory=dict)

    def body_name(self, language: str) -> str:
        return str(self.values.get("body_name_ar" if language == "ar" else "body_name_fr") or "")


def open_for_sign_in(location: DatabaseLocation) -> Opened:
    """Import and open the database (migrating after a backup) and read what sign-in shows; then
    load the main window's modules, all while the user types."""
    from desktop_app.services import auth, settings
    from desktop_app.services.database import open_database

    database = open_database(location)
    users = auth.has_users(database)
    values = settings.get_all(database) if users else {}
    import desktop_app.ui.main_window  # noqa: F401 - its imports, before Sign in is pressed

    return Opened(database, users, values)


_NO_USERS = 2  # the sign-in dialog's result when the database turned out to have no users


def _sign_in_while_opening(
    location: DatabaseLocation, language: str
) -> tuple[int, Opened | None, Any]:
    """Show the sign-in dialog at once; returns (dialog result, what opened, the login's user).

    A failure to open comes back as the exception in place of the user."""
    from desktop_app.ui.dialogs.login_dialog import LoginDialog
    from desktop_app.ui.workers import run_in_background, wait_for_background

    login = LoginDialog(None)
    found: dict[str, Any] = {}

    def opened(result: Opened) -> None:
        found["opened"] = result
        if not result.has_users:
            login.done(_NO_USERS)
        else:
            login.database_ready(result.database, result.body_name(language))

    def failed(exc: BaseException) -> None:
        found["error"] = exc
        login.done(QDialog.DialogCode.Rejected)

    task = run_in_background(lambda _progress: open_for_sign_in(location), login)
    task.finished.connect(opened)
    task.failed.connect(failed)
    code = login.exec()
    if "opened" not in found and "error" not in found:
        wait_for_background()  # cancelled while opening: let the open end before leaving
        QApplication.processEvents()
    if "error" in found:
        return code, None, found["error"]
    return code, found.get("opened"), login.user


def run_app(db: str | None = None, lang: str | None = None) -> int:
    from desktop_app.config import resolve_database

    app = make_application()
    language = install_language(initial_language(lang))
    apply_direction(language)
    location = resolve_database(db)
    known = bool(lang) or remembered_language() is not None
    existing = location.path is None or location.path.exists()

    user: UserInfo | None = None
    opened: Opened | None = None
    if known and existing:
        # The ordinary morning: the dialog is on screen while SQLAlchemy loads and the file opens.
        code, opened, outcome = _sign_in_while_opening(location, language)
        if isinstance(outcome, BaseException):
            return _refuse(outcome)
        if opened is None or code == QDialog.DialogCode.Rejected:
            if opened is not None:
                opened.database.dispose()
            return 0
        if code != _NO_USERS:
            user = outcome
    else:
        # A new PC (the body's default language decides) or no database yet (the first run).
        try:
            opened = open_for_sign_in(location)
        except Exception as exc:  # noqa: BLE001 - a UserError is shown, anything else re-raised
            return _refuse(exc)
        from_database = initial_language(lang, database_language(opened.database))
        if from_database != language:
            language = install_language(from_database)
            apply_direction(language)
    database = opened.database
    for notice in database.notices:  # an existing file made owner-only: said once (issue 16)
        QMessageBox.information(None, APP_NAME, notice)

    if user is None and not opened.has_users:
        from desktop_app.ui.dialogs.first_run_dialog import FirstRunDialog

        wizard = FirstRunDialog(database, language)
        if wizard.exec() != FirstRunDialog.DialogCode.Accepted or wizard.admin is None:
            return 0
        user, language = wizard.admin, wizard.lang
        QSettings().setValue("ui/language", language)
    elif user is None:
        from desktop_app.ui.dialogs.login_dialog import LoginDialog

        login = LoginDialog(database, opened.body_name(language))
        if login.exec() != LoginDialog.DialogCode.Accepted or login.user is None:
            return 0
        user = login.user
    if user.must_change_password:
        from desktop_app.ui.dialogs.change_password_dialog import ChangePasswordDialog

        if ChangePasswordDialog(database, user.actor(), forced=True).exec() != 1:
            return 0

    from desktop_app.ui.main_window import MainWindow
    from desktop_app.ui.state import AppState

    window = MainWindow(AppState(database, location, user.actor(), language))
    window.show()
    code = app.exec()
    database.dispose()
    return code


def _refuse(exc: BaseException) -> int:
    """A database that cannot be opened: its one sentence in a message box, exit 1."""
    from desktop_app.services.errors import UserError

    if not isinstance(exc, UserError):
        raise exc
    QMessageBox.critical(None, APP_NAME, exc.message)
    return 1
