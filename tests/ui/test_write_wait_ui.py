"""Issue 16 point 5 in the window: an import kept waiting by another writer says so in its
progress dialog, then imports; Cancel stops the wait with nothing written."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtWidgets import QProgressDialog, QWidget
from pytestqt.qtbot import QtBot

from desktop_app.config import DatabaseLocation
from desktop_app.exchange.lines_file import import_lines
from desktop_app.services import lines
from desktop_app.services.progress import Cancelled, Progress
from desktop_app.ui.state import AppState
from desktop_app.ui.workers import run_with_progress

pytestmark = pytest.mark.gui

WAITING = "Waiting for another task using the database (an import)…"


@contextmanager
def lock_held(path: Path, seconds: float) -> Iterator[None]:
    """Another program's long import: BEGIN IMMEDIATE held, then rolled back."""
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("UPDATE settings SET value_json = value_json")  # holds the lock for real
    done = threading.Event()

    def release() -> None:
        done.wait(seconds)
        conn.execute("ROLLBACK")
        conn.close()

    thread = threading.Thread(target=release)
    thread.start()
    try:
        yield
    finally:
        done.set()
        thread.join()


def _csv(location: DatabaseLocation) -> Path:
    assert location.path is not None
    path = location.path.parent / "annuaire.csv"
    path.write_text("Numéro;Type;Libellé\n71 563 500;standard;Accueil\n", encoding="utf-8")
    return path


def test_issue16_5_the_progress_dialog_says_the_import_waits_then_it_imports(
    state: AppState, location: DatabaseLocation, qtbot: QtBot
) -> None:
    assert location.path is not None
    csv = _csv(location)
    parent = QWidget()
    qtbot.addWidget(parent)
    labels: list[str] = []
    outcome: list[object] = []

    def work(progress: Progress) -> object:
        return import_lines(state.db, state.actor, csv, progress=progress)

    with lock_held(location.path, 2.0):
        task = run_with_progress(parent, "Importing…", work, outcome.append, outcome.append)
        dialog = parent.findChild(QProgressDialog)
        assert dialog is not None
        task.signals.waited.connect(lambda _s: labels.append(dialog.labelText()))
        qtbot.waitUntil(lambda: bool(labels), timeout=5000)
        assert labels[0] == WAITING
        assert dialog.isVisible()
        qtbot.waitUntil(lambda: bool(outcome), timeout=10_000)
    assert getattr(outcome[0], "imported", None) == 1, outcome
    assert lines.count_lines(state.db, state.actor) == 1


def test_issue16_5_cancel_stops_the_wait_and_nothing_is_written(
    state: AppState, location: DatabaseLocation, qtbot: QtBot
) -> None:
    assert location.path is not None
    csv = _csv(location)
    parent = QWidget()
    qtbot.addWidget(parent)
    outcome: list[object] = []

    def work(progress: Progress) -> object:
        return import_lines(state.db, state.actor, csv, progress=progress)

    with lock_held(location.path, 5.0):
        task = run_with_progress(parent, "Importing…", work, outcome.append, outcome.append)
        with qtbot.waitSignal(task.signals.waited, timeout=5000):
            pass
        task.progress.cancel()
        qtbot.waitUntil(lambda: bool(outcome), timeout=3000)
        assert isinstance(outcome[0], Cancelled)
    assert lines.count_lines(state.db, state.actor) == 0
