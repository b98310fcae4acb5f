"""The window shell: sign-in, first run, navigation, language switch (Arabic right-to-left)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop_app.data.db import Database
from desktop_app.services import auth, settings
from desktop_app.services.permissions import Role
from desktop_app.ui.dialogs.first_run_dialog import FirstRunDialog
from desktop_app.ui.dialogs.login_dialog import LoginDialog
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.models.audit_table_model import AuditTableModel
from desktop_app.ui.state import AppState
from tests.conftest import TEST_PASSWORD
from tests.helpers.typing import type_text

pytestmark = pytest.mark.gui


def test_first_run_creates_the_administrator_and_the_body(qtbot: QtBot, db: Database) -> None:
    wizard = FirstRunDialog(db, "en")
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    type_text(wizard.body_ar, "بلدية المرسى")
    wizard.body_fr.setText("Municipalité de La Marsa")
    wizard.email.setText("contact@lamarsa.gov.tn")
    wizard.next()
    wizard.full_name.setText("Salma")
    wizard.password.setText(TEST_PASSWORD)
    wizard.repeat.setText(TEST_PASSWORD)
    wizard.accept()
    assert wizard.admin is not None and wizard.admin.role == Role.ADMIN
    values = settings.get_all(db)
    assert values["body_name_ar"] == "بلدية المرسى"
    assert values["public_email"] == "contact@lamarsa.gov.tn"


def test_first_run_body_page_requires_both_names_and_a_valid_email(
    qtbot: QtBot, db: Database
) -> None:
    wizard = FirstRunDialog(db, "en")
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    body_page = wizard.currentId()
    wizard.body_fr.setText("Municipalité de La Marsa")
    wizard.next()
    assert wizard.currentId() == body_page  # the Arabic name is missing
    assert "Arabic" in wizard.body_error.text()
    type_text(wizard.body_ar, "بلدية المرسى")
    wizard.email.setText("not an address")
    wizard.next()
    assert wizard.currentId() == body_page
    assert "not an e-mail address" in wizard.body_error.text()
    wizard.email.setText("contact@lamarsa.gov.tn")
    wizard.next()
    assert wizard.currentId() != body_page
    assert not auth.has_users(db)


def test_first_run_retried_after_a_refusal_creates_admin_and_body(
    qtbot: QtBot, db: Database
) -> None:
    """A refusal on the last page writes nothing, so correcting it and retrying works."""
    wizard = FirstRunDialog(db, "en")
    qtbot.addWidget(wizard)
    wizard.body_ar.setText("x")  # set directly: the body page is not visited here
    wizard.body_fr.setText("Municipalité de La Marsa")
    wizard.email.setText("bad address")
    wizard.full_name.setText("Salma")
    wizard.password.setText(TEST_PASSWORD)
    wizard.repeat.setText(TEST_PASSWORD)
    assert not wizard.create_admin()
    assert "not an e-mail address" in wizard.error.text()
    assert not auth.has_users(db)
    wizard.email.setText("contact@lamarsa.gov.tn")
    assert wizard.create_admin()
    assert wizard.admin is not None
    assert settings.get_all(db)["body_name_fr"] == "Municipalité de La Marsa"


def test_first_run_refuses_mismatched_passwords(qtbot: QtBot, db: Database) -> None:
    wizard = FirstRunDialog(db, "en")
    qtbot.addWidget(wizard)
    wizard.password.setText(TEST_PASSWORD)
    wizard.repeat.setText(TEST_PASSWORD + "x")
    assert not wizard.create_admin()
    assert wizard.error.text()
    assert not auth.has_users(db)


def test_login_dialog_shows_the_error_and_keeps_the_dialog_open(qtbot: QtBot, db, admin) -> None:
    dialog = LoginDialog(db)
    qtbot.addWidget(dialog)
    dialog.username.setText("admin")
    dialog.password.setText("wrong password!")
    dialog.try_login()
    assert dialog.user is None
    assert "Wrong user name or password" in dialog.message.text()
    assert dialog.password.text() == ""


def test_navigation_shows_only_pages_the_role_may_open(
    qtbot: QtBot, state: AppState, actor_of
) -> None:
    window = MainWindow(state)
    qtbot.addWidget(window)
    assert {"settings", "users", "audit"} <= set(window.page_keys())
    director = AppState(state.db, state.location, actor_of(Role.DIRECTOR), "en")
    other = MainWindow(director)
    qtbot.addWidget(other)
    assert "users" not in other.page_keys() and "audit" not in other.page_keys()


def test_switching_to_arabic_turns_the_window_right_to_left_and_is_remembered(
    qtbot: QtBot, state: AppState
) -> None:
    window = MainWindow(state)
    qtbot.addWidget(window)
    window.show_page("settings")
    window.switch_language("ar")
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.current_key() == "settings"
    assert window.nav.item(window.nav.currentRow()).text() == "الإعدادات"
    assert QSettings().value("ui/language") == "ar"
    window.switch_language("fr")
    assert QApplication.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert window.nav.item(window.nav.currentRow()).text() == "Paramètres"


def test_settings_page_saves_through_the_service(
    qtbot: QtBot, state: AppState, monkeypatch
) -> None:
    monkeypatch.setattr("desktop_app.ui.pages.settings_page.show_info", lambda *a: None)
    window = MainWindow(state)
    qtbot.addWidget(window)
    page = window.show_page("settings")
    page._fields["deadline_hours"].setValue(36)
    page.save()
    assert settings.get(state.db, "deadline_hours") == 36


def test_audit_model_passes_the_model_tester(qtbot: QtBot, qtmodeltester, state: AppState) -> None:
    for i in range(450):  # more than two pages
        settings.update(state.db, state.actor, {"warning_hours": 1 + i % 100})
    model = AuditTableModel(state)
    model.reload()
    qtmodeltester.check(model)
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() >= 450


def test_a_screenshot_leaves_the_users_saved_window_geometry_alone(
    qtbot: QtBot, db: Database, location, admin, tmp_path
) -> None:
    from desktop_app.ui.screenshot import render_page

    QSettings().setValue("ui/geometry", b"the user's own")
    render_page(db, location, "settings", tmp_path / "s.png", "en", (800, 600))
    assert (tmp_path / "s.png").exists()
    assert QSettings().value("ui/geometry") == b"the user's own"


def test_language_order_is_flag_then_this_pc_then_the_database_then_the_system(
    db: Database, admin
) -> None:
    from desktop_app.ui.app import database_language, initial_language

    settings.update(db, admin, {"default_language": "fr"})
    assert database_language(db) == "fr"
    assert initial_language(None, database_language(db)) == "fr"  # nothing chosen on this PC
    QSettings().setValue("ui/language", "en")
    assert initial_language(None, "fr") == "en"  # this PC's own choice wins over the body's
    assert initial_language("ar", "fr") == "ar"  # and --lang over everything


def test_the_first_run_has_no_database_language_yet(db: Database) -> None:
    from desktop_app.ui.app import database_language

    assert database_language(db) is None


def test_default_language_accepts_only_arabic_french_or_english(db: Database, admin) -> None:
    from desktop_app.services.errors import UserError

    with pytest.raises(UserError, match="ar, fr or en"):
        settings.update(db, admin, {"default_language": "de"})
    assert settings.get(db, "default_language") == "ar"


def test_audit_page_shows_words_and_filters_on_the_codes(qtbot: QtBot, state: AppState, db) -> None:
    from desktop_app.ui.pages.audit_page import AuditPage

    settings.update(db, state.actor, {"deadline_hours": 24})
    page = AuditPage(state)
    qtbot.addWidget(page)
    shown = {page.model.display(page.model.row_at(r), 2) for r in range(page.model.rowCount())}
    assert "Created" in shown and "create" not in shown
    entities = {
        page.entity.itemText(i): page.entity.itemData(i) for i in range(page.entity.count())
    }
    assert entities["Settings"] == "settings" and entities["User"] == "user"
    page.entity.setCurrentIndex(page.entity.findData("settings"))
    rows = [page.model.row_at(r) for r in range(page.model.rowCount())]
    assert rows and {r.entity for r in rows if r is not None} == {"settings"}
    assert {page.model.display(r, 3) for r in rows if r is not None} == {"Settings"}


def test_about_dialog_keeps_the_database_path_left_to_right_in_arabic(qtbot: QtBot) -> None:
    """Without the isolate an Arabic paragraph moves the path's leading "/" to its far end."""
    from PySide6.QtWidgets import QLabel

    from desktop_app.ui.dialogs.about_dialog import AboutDialog

    dialog = AboutDialog("/home/salma/istiqbal.sqlite")
    qtbot.addWidget(dialog)
    text = dialog.findChild(QLabel).text()
    assert "\u2066/home/salma/istiqbal.sqlite\u2069" in text


def test_issue16_2_the_window_signs_out_a_user_deactivated_meanwhile(
    qtbot: QtBot, state: AppState, actor_of, monkeypatch
) -> None:
    told: list[str] = []
    monkeypatch.setattr("desktop_app.ui.main_window.show_info", lambda _w, text: told.append(text))
    supervisor = actor_of(Role.SUPERVISOR)
    window = MainWindow(AppState(state.db, state.location, supervisor, "en"))
    qtbot.addWidget(window)
    window.show()
    assert window.session_timer.isActive()
    window.check_session()
    assert window.isVisible() and not window.signed_out
    auth.update_user(state.db, state.actor, supervisor.user_id or 0, expected_version=1,
                     active=False)  # fmt: skip
    window.check_session()
    assert window.signed_out and not window.isVisible()
    assert told == ["Your rights changed; sign in again."]


def test_issue16_2_a_call_refused_for_changed_rights_signs_out_at_once(
    qtbot: QtBot, state: AppState, actor_of, monkeypatch
) -> None:
    from desktop_app.services.errors import RightsChanged
    from desktop_app.ui import messages

    monkeypatch.setattr(messages, "_plain_box", lambda *a: type("B", (), {"exec": lambda s: 0})())
    window = MainWindow(AppState(state.db, state.location, actor_of(Role.HR), "en"))
    qtbot.addWidget(window)
    window.show()
    messages.show_error(window, RightsChanged("Your rights changed; sign in again."))
    qtbot.waitUntil(lambda: window.signed_out, timeout=2000)
    assert not window.isVisible()


def test_issue16_2_a_read_refused_after_sign_out_opens_no_second_box(
    qtbot: QtBot, state: AppState, actor_of, monkeypatch
) -> None:
    """The dashboard's background read can end after the window signed out: a second "rights
    changed" box would be modal over nothing (it hung a test run under load)."""
    from desktop_app.services.errors import RightsChanged
    from desktop_app.ui import messages

    boxes: list[tuple[object, ...]] = []

    def plain_box(*args: object) -> object:
        boxes.append(args)
        return type("B", (), {"exec": lambda s: 0})()

    monkeypatch.setattr(messages, "_plain_box", plain_box)
    window = MainWindow(AppState(state.db, state.location, actor_of(Role.HR), "en"))
    qtbot.addWidget(window)
    window.show()
    window.sign_out()
    messages.show_error(window.centralWidget(), RightsChanged("Your rights changed; sign in."))
    assert boxes == []
