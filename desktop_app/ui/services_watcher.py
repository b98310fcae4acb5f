"""The scheduled link checks of the online services (C2.2): from sign-in to closing the window,
whichever page is open, the links are checked in the background (ui/workers.py) whenever the
latest check is older than `services_check_hours`. Owned by the main window, like the deadline
watcher, because pages are built only when first opened."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QMainWindow

from desktop_app.services import service_links
from desktop_app.ui.state import AppState
from desktop_app.ui.workers import BackgroundTask, run_in_background

LOOK_EVERY_MS = 10 * 60_000
FIRST_LOOK_MS = 30_000  # not at the very start: the window opens first
SHOWN_MS = 15_000


class ServicesWatcher(QObject):
    checked = Signal(object)  # the LinkSummary of a scheduled run

    def __init__(self, state: AppState, window: QMainWindow) -> None:
        super().__init__(window)
        self.state, self.window = state, window
        self.task: BackgroundTask | None = None
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.look)
        QTimer.singleShot(FIRST_LOOK_MS, self, self.look)
        self.timer.start(LOOK_EVERY_MS)

    def look(self) -> bool:
        """Start a background check when one is due and none is running; whether it started."""
        if self.task is not None:
            return False
        try:
            due = service_links.checks_due(self.state.db)
        except Exception:  # noqa: BLE001 - a database away for a while must not pop up messages
            return False
        if not due:
            return False
        db, actor = self.state.db, self.state.actor

        def work(progress: Any) -> service_links.LinkSummary:
            return service_links.check_links(db, actor, progress)

        self.task = run_in_background(work, self)
        self.task.finished.connect(self._done)
        self.task.failed.connect(lambda _exc: setattr(self, "task", None))
        return True

    def _done(self, summary: Any) -> None:
        self.task = None
        self.window.statusBar().showMessage(service_links.summary_sentence(summary), SHOWN_MS)
        self.checked.emit(summary)
