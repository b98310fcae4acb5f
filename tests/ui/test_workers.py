"""Background work returns its result and its errors to the GUI thread, and can be cancelled."""

from __future__ import annotations

import time

import pytest
from pytestqt.qtbot import QtBot

from desktop_app.services.errors import UserError
from desktop_app.services.progress import Cancelled, Progress
from desktop_app.ui.workers import run_in_background

pytestmark = pytest.mark.gui


def test_result_arrives_by_signal(qtbot: QtBot) -> None:
    def work(progress: Progress) -> int:
        for i in range(3):
            progress.report(i + 1, 3)
        return 42

    task = run_in_background(work)
    with qtbot.waitSignal(task.finished, timeout=5000) as blocker:
        pass
    assert blocker.args == [42]


def test_user_error_arrives_by_signal(qtbot: QtBot) -> None:
    def work(progress: Progress) -> None:
        raise UserError("bad file")

    task = run_in_background(work)
    with qtbot.waitSignal(task.failed, timeout=5000) as blocker:
        pass
    assert isinstance(blocker.args[0], UserError)


def test_cancel_reaches_the_worker(qtbot: QtBot) -> None:
    def work(progress: Progress) -> None:
        for _ in range(500):
            if progress.cancelled():
                raise Cancelled()
            time.sleep(0.01)

    task = run_in_background(work)
    task.progress.cancel()
    with qtbot.waitSignal(task.failed, timeout=5000) as blocker:
        pass
    assert isinstance(blocker.args[0], Cancelled)
