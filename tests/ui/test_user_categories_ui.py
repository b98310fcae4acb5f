"""C8.6 in the window: Settings opens the list of particular categories; requests offer it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop_app.config import DatabaseLocation
from desktop_app.data.db import Database
from desktop_app.services import user_categories
from desktop_app.services.permissions import Actor, Role
from desktop_app.ui.dialogs.request_dialog import NewRequestDialog
from desktop_app.ui.dialogs.user_categories_dialog import UserCategoriesDialog
from desktop_app.ui.pages.settings_page import SettingsPage
from desktop_app.ui.state import AppState

pytestmark = pytest.mark.gui


def test_c8_6_settings_opens_the_list_and_a_row_can_be_deactivated(
    qtbot: QtBot, state: AppState
) -> None:
    page = SettingsPage(state)
    qtbot.addWidget(page)
    qtbot.mouseClick(page.categories_button, Qt.MouseButton.LeftButton)
    dialog = page.categories_dialog
    assert isinstance(dialog, UserCategoriesDialog)
    qtbot.waitUntil(dialog.isVisible)
    assert [r.code for r in dialog.rows] == ["disability", "elderly", "other"]
    assert dialog.view.item(2, 2).text() == "No, past data only"
    assert not dialog.rename_button.isEnabled()
    dialog.view.selectRow(1)
    assert dialog.rename_button.isEnabled() and dialog.active_button.text() == "Deactivate"
    dialog.active_button.click()
    assert not dialog.rows[1].active and dialog.selected().code == "elderly"
    assert dialog.active_button.text() == "Bring back into use"
    dialog.close()


def test_c8_6_the_new_request_dialog_offers_the_active_categories_only(
    qtbot: QtBot, state: AppState, admin: Actor
) -> None:
    code = user_categories.add(state.db, admin, name_ar="الأجانب", name_fr="Étrangers")
    dialog = NewRequestDialog(state)
    qtbot.addWidget(dialog)
    offered = [dialog.category.itemData(i) for i in range(dialog.category.count())]
    assert offered == ["", "disability", "elderly", code]


def test_c8_6_other_roles_see_the_list_read_only(
    qtbot: QtBot, db: Database, location: DatabaseLocation, actor_of
) -> None:
    dialog = UserCategoriesDialog(AppState(db, location, actor_of(Role.DIRECTOR), "en"))
    qtbot.addWidget(dialog)
    assert len(dialog.rows) == 3 and not dialog.editable
    assert dialog.add_button.isHidden()
