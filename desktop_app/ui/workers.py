"""The only module that touches threads: runs a service function on the pool with a progress dialog.

Long work (imports, exports, reports, mail, backups) is a service function taking a `progress`
argument. run_with_progress() runs it on QThreadPool, shows a QProgressDialog with Cancel, and
hands the result or the error back on the GUI thread through signals. Never touch a widget
from the worker: the function gets a thread-safe Progress, nothing else.

Slow reads (an agent's profile, the dashboard, a page's counts) go through query(), like Anki's
QueryOp: the read runs on the pool, its result comes back on the GUI thread, and a result that a
newer query of the same owner has overtaken is dropped rather than shown over the newer one.

The modules of the pages not shown yet are imported by import_in_background() after sign-in, so
the first opening of a page does not spend 30–60 ms of the GUI thread importing its code.
"""

from __future__ import annotations

import contextlib
import gc
import importlib
import sys
import threading
import weakref
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    QRunnable,
    Qt,
    QThread,
    QThreadPool,
    Signal,
    Slot,
)
from PySide6.QtWidgets import QProgressDialog, QWidget
from shiboken6 import Shiboken

from desktop_app.services.database import waiting_sentence
from desktop_app.services.progress import Cancelled, Progress
from desktop_app.ui.messages import show_error


class _Signals(QObject):
    progressed = Signal(int, int)
    waited = Signal(int)
    finished = Signal(object)
    failed = Signal(object)


class _ThreadProgress:
    """Progress as the worker sees it: reports go out by signal, Cancel comes in by an Event."""

    def __init__(self, signals: _Signals) -> None:
        self._signals = signals
        self._cancel = threading.Event()

    def report(self, done: int, total: int) -> None:
        self._signals.progressed.emit(done, total)

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def waiting(self, seconds: int) -> None:
        """The work waits for another writer (issue 16 point 5); Cancel stops the wait."""
        if self._cancel.is_set():
            raise Cancelled()
        self._signals.waited.emit(seconds)

    def cancel(self) -> None:
        self._cancel.set()


class _Job(QRunnable):
    def __init__(self, fn: Callable[[Progress], Any], signals: _Signals,
                 progress: _ThreadProgress) -> None:  # fmt: skip
        super().__init__()
        self.fn, self.signals, self.progress = fn, signals, progress

    @Slot()
    def run(self) -> None:
        try:
            result = self.fn(self.progress)
        except BaseException as exc:  # noqa: BLE001 - every failure goes back to the GUI thread
            self._tell(self.signals.failed, exc)
        else:
            self._tell(self.signals.finished, result)

    @staticmethod
    def _tell(signal: Any, value: object) -> None:
        """Hand the outcome back, unless whoever asked has gone (the window closed, the program
        ending): then there is nobody to tell, and a traceback from this thread helps no one."""
        with contextlib.suppress(RuntimeError):  # "Signal source has been deleted"
            signal.emit(value)


class BackgroundTask(QObject):
    """A running job; keeps its signals alive until it ends."""

    finished = Signal(object)
    failed = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.signals = _Signals()
        self.progress = _ThreadProgress(self.signals)
        self.signals.finished.connect(self.finished)
        self.signals.failed.connect(self.failed)


def run_in_background(fn: Callable[[Progress], Any], parent: QObject | None = None,
                      pool: QThreadPool | None = None) -> BackgroundTask:  # fmt: skip
    task = BackgroundTask(parent)
    (pool or QThreadPool.globalInstance()).start(_Job(fn, task.signals, task.progress))
    return task


def in_thread_of(obj: QObject) -> bool:
    """Whether the caller runs in the thread `obj` lives in (the GUI thread, for a window's
    objects): thread questions are answered here, the one module that deals in threads."""
    return QThread.currentThread() is obj.thread()


def wait_for_background(timeout_ms: int = 30_000) -> bool:
    """Block until the pool's jobs have ended: for `screenshot`, which pictures a page only once
    the work it started in the background (the dashboard's indicators) has come back."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)


def background_idle() -> bool:
    """No job is running on the pool: for benchmarks/gui_stall.py, which waits for the pages'
    reads by running the event loop (wait_for_background would block the thread it measures)."""
    return QThreadPool.globalInstance().activeThreadCount() == 0


def queries_answered() -> bool:
    """Every `query()` started has come back to its owner (or was dropped): for tests that
    open pages and must see the errors of their background reads before they end."""
    return not _running


def import_in_background(modules: Sequence[str], pool: QThreadPool | None = None) -> None:
    """Import `modules` one after the other on a worker (issue 15.3): the pages' code, while the
    person looks at the first page. Importing a page module took 30–60 ms of the GUI thread on
    its first opening; a worker running module code hands the GIL back every few milliseconds
    (sys.getswitchinterval), so the window keeps answering meanwhile. A module the GUI thread
    asks for while the worker imports it waits for that import (Python's per-module lock)
    rather than importing it twice. A module that fails to import here is left to fail where it
    is used, with the usual message: nothing is told from this thread.

    Then the objects alive by now (the modules, classes and functions of Qt, SQLAlchemy and the
    application, which live as long as the program) are moved out of the garbage collector's
    sight with gc.freeze(): a full collection walked them all while holding the GIL, 60–80 ms
    during which the window could not answer whichever thread had triggered it (a page's read
    on the pool, at 100 000 requests). Done once, after the first imports: what is made later
    is collected as usual."""
    names = [name for name in modules if name not in sys.modules]
    if not names:
        return

    def load(_progress: Progress) -> None:
        # No collection meanwhile: the imports' new objects would set off full ones on the
        # whole heap, the very stalls the freeze is for.
        collecting = gc.isenabled()
        gc.disable()
        try:
            for name in names:
                with contextlib.suppress(Exception):
                    importlib.import_module(name)
        finally:
            gc.freeze()
            if collecting:
                gc.enable()

    # Held until it ends, like a query's task; the signals are not connected: nobody waits.
    task = run_in_background(load, None, pool)
    _running.add(task)
    task.finished.connect(lambda _r: _running.discard(task))
    task.failed.connect(lambda _e: _running.discard(task))


def run_with_progress(
    parent: QWidget, label: str, fn: Callable[[Progress], Any],
    on_done: Callable[[Any], None], on_error: Callable[[BaseException], None],
) -> BackgroundTask:  # fmt: skip
    """Run `fn(progress)` in the background behind a modal progress dialog with Cancel."""
    dialog = QProgressDialog(label, QCoreApplication.translate("workers", "Cancel"), 0, 0, parent)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    task = run_in_background(fn, parent)

    def progressed(done: int, total: int) -> None:
        if dialog.labelText() != label:  # the wait for another writer is over
            dialog.setLabelText(label)
        dialog.setMaximum(max(total, 0))
        dialog.setValue(min(done, total) if total else 0)

    def waited(_seconds: int) -> None:
        dialog.setLabelText(waiting_sentence())
        dialog.show()  # at once: the wait is what the person needs to know about

    def finish(result: Any) -> None:
        dialog.reset()
        dialog.deleteLater()
        on_done(result)

    def fail(exc: BaseException) -> None:
        dialog.reset()
        dialog.deleteLater()
        on_error(exc)

    task.signals.progressed.connect(progressed)
    task.signals.waited.connect(waited)
    task.finished.connect(finish)
    task.failed.connect(fail)
    dialog.canceled.connect(task.progress.cancel)
    return task


# owner -> {key: number of the latest query}; weak, so a closed page takes its entry with it
_latest: weakref.WeakKeyDictionary[QObject, dict[str, int]] = weakref.WeakKeyDictionary()
_answered: weakref.WeakKeyDictionary[QObject, dict[str, int]] = weakref.WeakKeyDictionary()
_running: set[BackgroundTask] = set()


def query(
    owner: QObject,
    fn: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None] | None = None,
    *,
    key: str = "",
    pool: QThreadPool | None = None,
) -> BackgroundTask:
    """Run the read `fn()` on the pool and call `on_done(result)` on the GUI thread (issue 15.3).

    Only the newest query of `owner` (and `key`, for an owner making several kinds of read) is
    answered: a person clicking through agents or typing a search starts a read per step, and
    the answer to an older one arriving late must not replace the newer one. An error reaches
    `on_error`, by default the usual message box over `owner`; nothing reaches an owner that has
    been deleted. `fn` must not touch a widget: it runs in a worker thread.
    """
    serials = _latest.setdefault(owner, {})
    serial = serials.get(key, 0) + 1
    serials[key] = serial
    # Not a child of `owner`: a page clicked through all day would pile up one child per read.
    # Held here until it ends; then Python frees it.
    task = run_in_background(lambda _progress: fn(), None, pool)
    _running.add(task)

    def current() -> bool:
        """Still the newest read of a living owner; if so, it is now answered."""
        _running.discard(task)
        if not Shiboken.isValid(owner) or _latest.get(owner, {}).get(key) != serial:
            return False
        _answered.setdefault(owner, {})[key] = serial
        return True

    def done(result: Any) -> None:
        if current():
            on_done(result)

    def failed(exc: BaseException) -> None:
        if not current():
            return
        if on_error is not None:
            on_error(exc)
        else:
            show_error(owner if isinstance(owner, QWidget) else None, exc)

    task.finished.connect(done)
    task.failed.connect(failed)
    return task


def drop_queries(owner: QObject, key: str = "") -> None:
    """Forget `owner`'s reads under way: their answers will be dropped (the page was cleared)."""
    serial = _latest.setdefault(owner, {}).get(key, 0) + 1
    _latest[owner][key] = serial
    _answered.setdefault(owner, {})[key] = serial


def query_pending(owner: QObject, key: str = "") -> bool:
    """Whether `owner` has asked for a read whose answer has not been handled yet: for tests and
    the screenshot command, which wait for a page to be filled."""
    return _latest.get(owner, {}).get(key, 0) != _answered.get(owner, {}).get(key, 0)
