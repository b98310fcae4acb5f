"""The pages' code is imported on a worker after sign-in (issue 15.3): the first opening of a page
builds its widgets without importing its modules on the GUI thread."""

from __future__ import annotations

import gc
import sys
import threading
from collections.abc import Sequence
from types import ModuleType

import pytest
from pytestqt.qtbot import QtBot

from desktop_app.ui import main_window as main_window_module
from desktop_app.ui import workers
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.pages.registry import PAGES, ordered_pages
from desktop_app.ui.state import AppState

pytestmark = pytest.mark.gui


def test_import_in_background_imports_on_a_worker(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads: list[bool] = []
    collecting: list[bool] = []
    real = workers.importlib.import_module

    def spy(name: str) -> ModuleType:
        threads.append(threading.current_thread() is threading.main_thread())
        collecting.append(gc.isenabled())
        return real(name)

    monkeypatch.setattr(workers.importlib, "import_module", spy)
    frozen: list[int] = []  # a spy: the test process's heap is left as it is
    monkeypatch.setattr(workers.gc, "freeze", lambda: frozen.append(len(threads)))
    monkeypatch.delitem(sys.modules, "json.tool", raising=False)
    gc.enable()  # as in the application (tests/ui/conftest.py turns it off during a test)
    try:
        workers.import_in_background(["json.tool", "no_such_module_anywhere", "sys"])
        qtbot.waitUntil(lambda: "json.tool" in sys.modules, timeout=5000)
        assert workers.wait_for_background()
        collector_after = gc.isenabled()
    finally:
        gc.disable()
    # "sys" was imported already: only the two others were asked for, off the GUI thread, and
    # the missing one did not stop the worker nor reach the window.
    assert threads == [False, False]
    assert frozen == [2]  # the heap frozen once, after the imports: full collections skip it
    assert collecting == [False, False] and collector_after  # off during the imports only
    workers.import_in_background(["json.tool"])  # all imported already: nothing to do
    assert workers.wait_for_background() and frozen == [2]


def test_every_page_names_the_module_its_factory_builds_from(state: AppState) -> None:
    for spec in PAGES:
        assert spec.modules, spec.key
        page = spec.factory(state)
        assert type(page).__module__ == spec.modules[0], spec.key
        assert all(name in sys.modules for name in spec.modules), spec.key
        page.deleteLater()


def test_the_window_imports_the_pages_it_offers_in_the_background(
    qtbot: QtBot, state: AppState, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[Sequence[str]] = []
    monkeypatch.setattr(main_window_module, "import_in_background", asked.append)
    window = MainWindow(state)
    qtbot.addWidget(window)
    expected = [name for spec in ordered_pages(state.actor) for name in spec.modules]
    assert asked == [expected]
    assert "desktop_app.ui.pages.audit_page" in expected  # an administrator's page
