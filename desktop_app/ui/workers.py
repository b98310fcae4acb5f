"""The only module that touches threads: runs a service function on the pool with a progress dialog.

Long work (imports, exports, reports, mail, backups) is a service function taking a `progress`
argument. run_with_progress() runs it on QThreadPool, shows a QProgressDialog with Cancel, and
hands the result or the error back on the GUI thread through signals. Never touch a widget
from the worker: the function gets a thread-safe Progress, nothing else.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from desktop_app.services.database import waiting_sentence
from desktop_app.services.progress import Cancelled, Progress


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


def wait_for_background(timeout_ms: int = 30_000) -> bool:
    """Block until the pool's jobs have ended: for `screenshot`, which pictures a page only once
    the work it started in the background (the dashboard's indicators) has come back."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)


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
