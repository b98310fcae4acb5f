"""The deadline watcher (C2.1): from sign-in to closing the window, a desktop notification when
a request enters its warning window — whichever page is open, the register visited or not.

Owned by the main window (pages are built lazily, so a page's timer would only run once the page
was opened). Without a system tray (some desktops, the off-screen platform), the same sentence
goes to the main window's status bar.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QMainWindow, QStyle, QSystemTrayIcon

from desktop_app.data.types import utcnow
from desktop_app.services import requests
from desktop_app.services.permissions import Perm
from desktop_app.ui.state import AppState

CHECK_EVERY_MS = 60_000
SHOWN_MS = 15_000


class DeadlineWatcher(QObject):
    """Checks once a minute; tells each request once, the minute its warning window opens."""

    warned = Signal(list)  # the references just told

    def __init__(self, state: AppState, window: QMainWindow) -> None:
        super().__init__(window)
        self.state = state
        self.window = window
        self.tray: QSystemTrayIcon | None = None
        self.last_check = utcnow()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        actor = state.actor
        if actor.can(Perm.EDIT_REQUESTS) or actor.can(Perm.READ_ALL):
            self.timer.start(CHECK_EVERY_MS)

    def check(self) -> list[str]:
        """Tell the requests whose warning window opened since the last check; their refs."""
        now = utcnow()
        try:
            rows = requests.entering_warning(self.state.db, self.state.actor, self.last_check, now)
        except Exception:  # noqa: BLE001 - a database away for a minute must not pop up every minute
            return []
        self.last_check = now
        if not rows:
            return []
        refs = [r.reference for r in rows]
        message = self.tr(
            "Requests due within the warning window: %n ({refs})", None, len(rows)
        ).format(refs=", ".join(refs[:5]))
        if QSystemTrayIcon.isSystemTrayAvailable():
            if self.tray is None:
                icon = self.window.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
                self.tray = QSystemTrayIcon(icon, self)
                self.tray.show()
            self.tray.showMessage(
                self.tr("Requests due soon"), message, QSystemTrayIcon.MessageIcon.Warning, 10_000
            )
        else:
            self.window.statusBar().showMessage(message, SHOWN_MS)
        self.warned.emit(refs)
        return refs
