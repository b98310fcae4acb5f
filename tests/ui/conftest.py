"""Window tests run off-screen, with QSettings in the test's own folder."""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings  # noqa: E402

from desktop_app.config import DatabaseLocation  # noqa: E402
from desktop_app.data.db import Database  # noqa: E402
from desktop_app.i18n import install_language  # noqa: E402
from desktop_app.services.permissions import Actor  # noqa: E402
from desktop_app.ui.main_window import apply_direction  # noqa: E402
from desktop_app.ui.state import AppState  # noqa: E402
from desktop_app.ui.workers import wait_for_background  # noqa: E402


@pytest.fixture(autouse=True)
def isolated_qsettings(tmp_path: Path, qapp: object) -> Iterator[None]:
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qs"))
    # The cyclic collector runs between tests, once the background jobs have ended: a collection
    # that fell while a test's dashboard job still ran on the pool (pytest-qt processing events
    # after the test body) crashed the process once in a full run under load (SIGSEGV in gc).
    gc.disable()
    try:
        yield
        # No background job (the dashboard's indicators) may outlive the test's database.
        assert wait_for_background(), "a background job did not end"
    finally:
        gc.enable()
        # Only the young generations: with the collector off, everything the test made is still
        # in generation 0, so this frees the test's cycles; a full collection would walk the
        # whole session's heap (0.3-1 s a test once a few hundred tests have run).
        gc.collect(1)
    install_language("en")
    apply_direction("en")


@pytest.fixture
def state(db: Database, location: DatabaseLocation, admin: Actor) -> AppState:
    install_language("en")
    return AppState(db, location, admin, "en")
