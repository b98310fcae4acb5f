"""Every page opens for every role that may see it, in Arabic and French, on demo data."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from desktop_app.config import resolve_database
from desktop_app.i18n import install_language
from desktop_app.services import auth
from desktop_app.services.database import open_database
from desktop_app.services.permissions import Role, system_actor
from desktop_app.ui.main_window import MainWindow, apply_direction
from desktop_app.ui.state import AppState
from desktop_app.ui.workers import queries_answered
from tests.conftest import copy_template

pytestmark = pytest.mark.gui


@pytest.fixture(scope="module")
def demo_db(demo_year: Path, tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201 - a fixture
    location = resolve_database(str(tmp_path_factory.mktemp("demo") / "demo.sqlite"))
    assert location.path is not None
    copy_template(demo_year, location.path)
    db = open_database(location)
    yield db, location
    db.dispose()


@pytest.mark.parametrize("lang", ["ar", "fr"])
@pytest.mark.parametrize("role", list(Role))
def test_every_allowed_page_opens_without_error(
    qtbot: QtBot, monkeypatch, demo_db, role: Role, lang: str
) -> None:
    db, location = demo_db
    errors: list[str] = []
    # Every message box, whichever module shows it (pages import show_error by name): a box
    # from a page's background read would otherwise wait for a click that never comes.
    monkeypatch.setattr(QMessageBox, "exec", lambda box: errors.append(box.text()) or 0)
    (user,) = [u for u in auth.list_users(db, system_actor()) if u.role == role]
    install_language(lang)
    apply_direction(lang)
    window = MainWindow(AppState(db, location, user.actor(), lang))
    qtbot.addWidget(window)
    assert window.page_keys(), f"{role} sees no page"
    for key in window.page_keys():
        page = window.show_page(key)
        assert page is not None
        assert not isinstance(page, QLabel), f"{key} failed to open for {role} in {lang}"
    home = window.show_page("dashboard")  # its indicators come back from the background
    qtbot.waitUntil(lambda: getattr(home, "done", True), timeout=20000)
    qtbot.waitUntil(queries_answered, timeout=20000)  # every page's reads, errors included
    assert errors == [], f"{role} in {lang}: {errors}"
