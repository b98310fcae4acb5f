"""The window's mail fetcher (C2.1): every N minutes (setting `mail_fetch_minutes`), the configured
mailboxes are fetched in the background, and the status bar says when and how it went.

Owned by the main window like the deadline watcher, so it runs whichever page is open; the work
itself goes through ui/workers.py (the only place with threads).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel, QMainWindow

from desktop_app.services import settings
from desktop_app.services.errors import UserError
from desktop_app.services.mail.mailboxes import last_fetch
from desktop_app.services.periods import TUNIS
from desktop_app.services.permissions import Perm
from desktop_app.ui.state import AppState
from desktop_app.ui.workers import BackgroundTask, run_in_background


class MailFetcher(QObject):
    fetched = Signal(object)  # the outcomes of one background fetch

    def __init__(self, state: AppState, window: QMainWindow) -> None:
        super().__init__(window)
        self.state = state
        self.window = window
        self.label = QLabel()
        self.task: BackgroundTask | None = None
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.fetch)
        minutes = 0
        try:
            minutes = int(settings.get(state.db, "mail_fetch_minutes"))
        except Exception:  # noqa: BLE001 - no timer rather than no window
            minutes = 0
        if minutes > 0 and state.actor.can(Perm.EDIT_REQUESTS):
            self.timer.start(minutes * 60_000)
        self.show_last()

    def show_last(self) -> None:
        """The last fetch of any mailbox, from the database (another PC's fetch counts too)."""
        try:
            last = last_fetch(self.state.db, self.state.actor)
        except Exception:  # noqa: BLE001 - the status bar never raises
            last = None
        if last is None or last.at is None:
            self.label.setText("")
            return
        when = last.at.astimezone(TUNIS).strftime("%H:%M")
        text = (
            self.tr("Mail fetched at {time}: {outcome}")
            if last.ok
            else self.tr("Mail fetch at {time} failed: {outcome}")
        ).format(time=when, outcome=last.outcome)
        self.label.setText(text[:160])
        self.label.setToolTip(last.outcome)

    def fetch(self) -> None:
        """Start one background fetch unless one is still running."""
        if self.task is not None:
            return
        from desktop_app.exchange.mail.fetch import fetch_all

        db, actor = self.state.db, self.state.actor
        self.task = run_in_background(lambda p: fetch_all(db, actor, progress=p), self)
        self.task.finished.connect(self._done)
        self.task.failed.connect(self._failed)

    def _done(self, outcomes: Any) -> None:
        self.task = None
        self.show_last()
        self.fetched.emit(outcomes)

    def _failed(self, exc: BaseException) -> None:
        self.task = None
        if isinstance(exc, UserError):
            self.label.setText(exc.message[:160])
        else:
            self.show_last()
