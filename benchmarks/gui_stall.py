"""The longest the GUI thread is blocked at 100 000 requests and 2 000 lines (issue 15.3).

    uv run python benchmarks/gui_stall.py [--rows 100000] [--lines 2000] [--reuse PATH]
                                          [--pages agents,training]

Fills a body the way benchmarks/report_speed.py does (the demo's year, then `--rows` requests,
`--lines` lines checked weekly, more agents, evaluations and call records by Core bulk inserts;
`--reuse PATH` keeps that database for later runs). Then, offscreen, opens the main window as an
administrator and, while a QTimer in the GUI thread ticks every 10 ms and records the largest gap
between two ticks: visits every page twice (first visit builds it, the second switches back to
it), clicks through agents on the agents page, and types a word into every page's search box one
key every 60 ms. Prints the worst gap of each step and overall (the target is 100 ms), and the
CPU time the GUI thread itself used during the step: a stall far longer than that thread's work
is time spent waiting (for the processor, or for a worker's hold on the GIL), not work to move.
`--pages` measures only the pages named (a quicker run while working on one of them).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QLineEdit, QTableView, QWidget  # noqa: E402

from benchmarks.report_speed import (  # noqa: E402
    fill_agents,
    fill_calls,
    fill_evaluations,
    fill_lines,
    fill_requests,
)
from desktop_app.config import resolve_database  # noqa: E402
from desktop_app.i18n import install_language  # noqa: E402
from desktop_app.services.database import open_database  # noqa: E402
from desktop_app.services.demo import fill_demo  # noqa: E402
from desktop_app.services.permissions import system_actor  # noqa: E402

TICK_MS = 10
TARGET_MS = 100


class StallMeter:
    """A timer in the GUI thread: the largest gap between its ticks, less the interval, is the
    longest the thread was kept from handling events (input, paint) during the measured step."""

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)
        self.last = time.perf_counter()
        self.worst = 0.0

    def _tick(self) -> None:
        now = time.perf_counter()
        self.worst = max(self.worst, (now - self.last) * 1000 - TICK_MS)
        self.last = now

    def start_step(self) -> None:
        self.last, self.worst = time.perf_counter(), 0.0
        if not self.timer.isActive():
            self.timer.start()


PUMPED = [0.0]  # seconds spent running the event loop in pump(), where the meter keeps ticking


def pump(ms: int) -> None:
    """Let the event loop run `ms` milliseconds (background results arrive, the timer ticks)."""
    began = time.perf_counter()
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()
    PUMPED[0] += time.perf_counter() - began


def fill(path: Path, rows: int, lines: int) -> None:
    db = open_database(resolve_database(str(path)))
    began = time.perf_counter()
    fill_demo(db, years=1)
    for step in (
        lambda: fill_requests(db, rows),
        lambda: fill_lines(db, lines),
        lambda: fill_agents(db),
        lambda: fill_evaluations(db),
        lambda: fill_calls(db, 100_000),
    ):
        print(step())
    print(f"body filled in {time.perf_counter() - began:.1f} s")
    db.dispose()


def search_box(page: QWidget) -> QLineEdit | None:
    """The page's search field: the attribute named `search`, as every list page names it."""
    box = getattr(page, "search", None)
    return box if isinstance(box, QLineEdit) else None


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--lines", type=int, default=2_000)
    parser.add_argument("--reuse", type=Path, default=Path("/tmp/gui-stall.sqlite"))
    parser.add_argument("--pages", default="", help="comma-separated page keys (default: all)")
    args = parser.parse_args()
    if args.reuse.exists():
        print(f"reusing {args.reuse}")
    else:
        fill(args.reuse, args.rows, args.lines)

    from desktop_app.ui.app import make_application
    from desktop_app.ui.main_window import MainWindow, apply_direction
    from desktop_app.ui.state import AppState
    from desktop_app.ui.workers import background_idle, wait_for_background

    app = make_application()
    lang = install_language("fr")
    apply_direction(lang)
    location = resolve_database(str(args.reuse))
    db = open_database(location)
    window = MainWindow(AppState(db, location, system_actor("bench"), lang))
    window.remember_geometry = False
    window.resize(1366, 768)
    window.show()
    meter = StallMeter()
    results: list[tuple[str, float]] = []

    def step(label: str, action: Callable[[], object], settle_ms: int = 400) -> None:
        pump(30)
        meter.start_step()
        pump(20)
        cpu = time.thread_time()  # the GUI thread's own CPU time, to tell work from waiting
        began, pumped = time.perf_counter(), PUMPED[0]
        action()
        # The action's own time without the event loop it ran (typing pauses 60 ms between keys
        # by pumping): those pauses are measured by the meter, tick by tick, not as one stall.
        call_ms = (time.perf_counter() - began - (PUMPED[0] - pumped)) * 1000
        pump(settle_ms)
        deadline = time.perf_counter() + 60
        while not background_idle() and time.perf_counter() < deadline:
            pump(20)  # the event loop keeps running (and measured) while the reads end
        pump(100)  # their answers are shown on the GUI thread: measured too
        worst = max(meter.worst, call_ms)
        busy = (time.thread_time() - cpu) * 1000
        results.append((label, worst))
        print(f"{label:<40} longest stall {worst:7.1f} ms   GUI thread busy {busy:6.0f} ms "
              "in all", flush=True)  # fmt: skip

    wanted = [k for k in args.pages.split(",") if k]
    keys = [k for k in window.page_keys() if not wanted or k in wanted]
    for visit in ("open", "switch to"):
        for key in keys:
            step(f"{visit} {key}", lambda k=key: window.show_page(k))
    agents = window.show_page("agents") if "agents" in keys else None
    view = getattr(agents, "view", None)
    if isinstance(view, QTableView):
        for row in range(1, 6):
            step(f"agents: choose agent {row}", lambda r=row: view.selectRow(r))
    for key in keys:
        page = window.show_page(key)
        box = search_box(page) if page is not None else None
        if box is None:
            continue
        box.setFocus()

        def type_word(target: QLineEdit = box) -> None:
            for char in "ben":
                QTest.keyClicks(target, char)
                pump(60)
            QTest.keyClicks(target, "\b" * 3)

        step(f"type in {key}'s search", type_word, settle_ms=800)
    worst_label, worst = max(results, key=lambda r: r[1])
    print(f"\nlongest stall overall: {worst:.0f} ms ({worst_label}); target {TARGET_MS} ms")
    print(f"machine load (1, 5, 15 min): {' '.join(f'{x:.2f}' for x in os.getloadavg())}, "
          f"{os.cpu_count()} CPUs")  # fmt: skip
    window.close()
    wait_for_background()
    db.dispose()
    del app
    return 0 if worst <= TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
