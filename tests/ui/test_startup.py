"""Start-up shows the sign-in dialog at once and opens the database while the user types."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from desktop_app.config import DatabaseLocation
from desktop_app.data.db import Database
from desktop_app.services.permissions import Actor
from desktop_app.ui import app as startup
from desktop_app.ui.dialogs.login_dialog import LoginDialog
from tests.conftest import TEST_PASSWORD

pytestmark = pytest.mark.gui


def test_the_sign_in_dialog_waits_for_the_database_opening_behind_it(
    qtbot: QtBot,
    db: Database,
    admin: Actor,
    location: DatabaseLocation,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from desktop_app.services import database as database_service

    release = threading.Event()
    real_open = database_service.open_database

    def slow_open(where: DatabaseLocation) -> Database:
        assert release.wait(20)
        return real_open(where)

    monkeypatch.setattr(database_service, "open_database", slow_open)
    seen: dict[str, object] = {}

    def act() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, LoginDialog)
        seen["shown_before_open"] = dialog.isVisible() and not release.is_set()
        seen["sign_in_waited"] = not dialog.sign_in.isEnabled() and dialog.opening.isVisible()
        dialog.username.setText("admin")
        dialog.password.setText(TEST_PASSWORD)
        release.set()
        qtbot.waitUntil(dialog.sign_in.isEnabled, timeout=20_000)
        seen["title"] = dialog.title.text()
        dialog.sign_in.click()

    QTimer.singleShot(0, act)
    code, opened, user = startup._sign_in_while_opening(location, "en")
    assert code == QDialog.DialogCode.Accepted
    assert seen["shown_before_open"] is True and seen["sign_in_waited"] is True
    assert opened is not None and opened.has_users
    assert user.username == "admin"
    opened.database.dispose()


def test_a_database_that_cannot_open_closes_the_dialog_with_its_sentence(
    qtbot: QtBot, tmp_path: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pathlib import Path

    from desktop_app.config import resolve_database
    from desktop_app.services.errors import UserError

    bad = Path(str(tmp_path)) / "bad.sqlite"
    bad.write_bytes(b"garbage" * 500)
    code, opened, outcome = startup._sign_in_while_opening(resolve_database(str(bad)), "en")
    assert opened is None and code == QDialog.DialogCode.Rejected
    assert isinstance(outcome, UserError) and "damaged" in outcome.message
    shown: list[str] = []
    monkeypatch.setattr(startup.QMessageBox, "critical", lambda _p, _t, text: shown.append(text))
    assert startup._refuse(outcome) == 1 and "damaged" in shown[0]


def test_start_up_imports_neither_sqlalchemy_nor_the_services_before_the_dialog() -> None:
    """What must be loaded to show the sign-in dialog: Qt, not the database stack."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "import desktop_app.ui.app, desktop_app.ui.dialogs.login_dialog\n"
        "heavy = [m for m in ('sqlalchemy', 'argon2', 'openpyxl', 'alembic',"
        " 'desktop_app.services.auth', 'desktop_app.ui.main_window') if m in sys.modules]\n"
        "print(heavy)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60, check=True)  # fmt: skip
    assert done.stdout.strip() == "[]"
