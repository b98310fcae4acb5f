"""Pages hear what changed: one application-wide signal naming the kind of record a write changed.

Every committed write through the window's Database (from a page, a dialog or a background job)
ends in `ChangeSignal.changed(kind)`, always delivered on the GUI thread. A page that shows those
records reloads at once when visible, else when next shown (`reload_on_change`): a mystery call
recorded on the Evaluations page appears on an already open Lines page without a manual refresh.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterable
from typing import Protocol, runtime_checkable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QTabWidget, QWidget

from desktop_app.data.db import Database
from desktop_app.ui.workers import in_thread_of

# The audited entity (services/audit.py) → the kind of record pages listen for.
KINDS: dict[str, str] = {
    "phone_line": "lines",
    "reception_post": "lines",
    "post_equipment": "lines",
    "request": "requests",
    "citizen_data": "requests",
    "agent": "agents",
    "recognition": "agents",
    "training_rule": "training",
    "training_session": "training",
    "reinforcement_plan": "training",
    "guide": "training",
    "legal_update": "training",
    "call_evaluation": "evaluations",
    "mystery_campaign": "evaluations",
    "scorecard": "evaluations",
    "call_records": "calls",
    "settings": "settings",
    "calendar": "settings",
    "holiday": "settings",
    "timetable": "settings",
    "user": "users",
    "report": "reports",
    "online_service": "services",
    "website": "lines",
    "call_back": "calls",
    "mail": "requests",
    "mail_sending": "requests",
    "mailbox": "settings",
    "mail_probe": "settings",
}
ANY = "*"  # a page interested in every kind (the dashboard, the audit log)


def kind_of(entity: str) -> str:
    return KINDS.get(entity, entity)


class ChangeSignal(QObject):
    """The one change signal. `announce()` may be called from any thread; `changed` is emitted
    on the thread the object lives in (the GUI thread), so a slot never runs on a worker."""

    changed = Signal(str)
    _posted = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self._posted.connect(self.changed, Qt.ConnectionType.QueuedConnection)

    def announce(self, kind: str) -> None:
        if in_thread_of(self):
            self.changed.emit(kind)
        else:
            self._posted.emit(kind)


_signal: list[ChangeSignal] = []
_watched: weakref.WeakSet[Database] = weakref.WeakSet()


def change_signal() -> ChangeSignal:
    """The application's change signal (made on first use, on the calling — GUI — thread)."""
    if not _signal:
        _signal.append(ChangeSignal())
    return _signal[0]


def watch_database(db: Database) -> None:
    """Announce every committed write through `db`; once per database however often called."""
    if db in _watched:
        return
    _watched.add(db)
    signal = change_signal()

    def committed(entities: frozenset[str]) -> None:
        for kind in sorted({kind_of(e) for e in entities}):
            signal.announce(kind)

    db.after_commit(committed)


class _Reloader(QObject):
    """Reloads its page when a kind it shows changed: on the next turn of the event loop when
    visible (several kinds from one write → one reload), else when the page is next shown."""

    def __init__(self, page: QWidget, kinds: Iterable[str], reload: Callable[[], object]) -> None:
        super().__init__(page)
        self._page = page
        self._kinds = frozenset(kinds)
        self._reload = reload
        self._stale = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._run)
        change_signal().changed.connect(self._changed)
        page.installEventFilter(self)

    @Slot(str)
    def _changed(self, kind: str) -> None:
        if ANY not in self._kinds and kind not in self._kinds:
            return
        if self._page.isVisible():
            self._timer.start()
        else:
            self._stale = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._page and event.type() == QEvent.Type.Show and self._stale:
            self._timer.start()
        return False

    def _run(self) -> None:
        self._stale = False
        self._reload()


def reload_on_change(page: QWidget, kinds: Iterable[str], reload: Callable[[], object]) -> None:
    """Keep `page` current: `reload()` after a write changed one of `kinds` (or ANY)."""
    _Reloader(page, kinds, reload)


def _calling(method: str) -> Callable[[QWidget], object]:
    return lambda page: getattr(page, method)()


@runtime_checkable
class TabbedPage(Protocol):
    """A page that reloads one tab at a time (Lines): `_tab_changed(i)` loads tab i."""

    tabs: QTabWidget

    def _tab_changed(self, index: int) -> None: ...


def _lines_reload(page: QWidget) -> object:
    """The tab shown; the others reload when chosen."""
    if not isinstance(page, TabbedPage):
        raise TypeError(f"{type(page).__name__} has no tabs to reload")
    page._tab_changed(page.tabs.currentIndex())
    return None


# Page key → the kinds it shows and how it reloads them. A page missing here is not reloaded
# (Settings: reloading would throw away what the administrator is typing).
PAGE_RELOADS: dict[str, tuple[frozenset[str], Callable[[QWidget], object]]] = {
    "dashboard": (frozenset({ANY}), _calling("reload")),
    "lines": (frozenset({"lines", "settings"}), _lines_reload),
    "requests": (frozenset({"requests", "agents", "settings"}), _calling("apply")),
    "agents": (frozenset({"agents", "training", "evaluations"}), _calling("refresh")),
    "evaluations": (frozenset({"evaluations", "agents", "lines"}), _calling("refresh")),
    "calls": (frozenset({"calls", "lines"}), _calling("refresh")),
    "services": (frozenset({"services"}), _calling("refresh")),
    "users": (frozenset({"users"}), _calling("refresh")),
    "reports": (frozenset({"reports"}), _calling("reload_history")),
    "audit": (frozenset({ANY}), _calling("apply")),
}


def follow_changes(key: str, page: QWidget) -> None:
    """Wire a page the navigation just built to the change signal, per PAGE_RELOADS."""
    entry = PAGE_RELOADS.get(key)
    if entry is not None:
        kinds, reload = entry
        reload_on_change(page, kinds, lambda: reload(page))
