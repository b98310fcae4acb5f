"""The list of callers to call back over a year of 250 000 call records (issue 17: ≤ 200 ms).

    uv run python benchmarks/callbacks_list.py [--rows 250000] [--db PATH] [--reuse]

Builds a year of call records on three lines (Core bulk inserts): inbound calls from a pool of
citizens' numbers (so people call several times), one in five unanswered, 85 % of the missed
callers reached within ten hours (an agent's call-back, or the caller getting through); then
times, median of five after one warm-up: the whole list (every caller not reached,
oldest first), one day's list, one line's list, and the whole list shown in the Calls page's
table model. Prints wall time and this process's CPU time: on a shared machine the wall time
includes waiting for a core.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import insert  # noqa: E402

from desktop_app.config import resolve_database  # noqa: E402
from desktop_app.data.models import CallRecord, PhoneLine  # noqa: E402
from desktop_app.services import callbacks  # noqa: E402
from desktop_app.services.database import open_database  # noqa: E402
from desktop_app.services.periods import TUNIS  # noqa: E402
from desktop_app.services.permissions import system_actor  # noqa: E402

LINES = ("+21671740000", "+21680100321", "+21671740120", "+21698123456")


def build(path: Path, rows: int) -> None:
    db = open_database(resolve_database(str(path)))
    rng = random.Random(17)
    with db.write() as s:
        s.add_all(PhoneLine(number=n, kind="mobile" if n.startswith("+21698") else "direct",
                            label=f"Ligne {i}") for i, n in enumerate(LINES))  # fmt: skip
    pool = [f"{rng.choice('2459')}{rng.randrange(10**7):07d}" for _ in range(rows // 3)]
    start = datetime(2026, 1, 1, tzinfo=TUNIS).astimezone(UTC)
    batch: list[dict[str, Any]] = []
    step = 365 * 86400 / rows * 1.2  # about one call in six is a call-back or a retry

    def add(at: datetime, src: str, dst: str, direction: str, answered: bool, party: str,
            line_id: int | None) -> None:  # fmt: skip
        batch.append(dict(src=src, dst=dst, direction=direction, line_id=line_id,
                          answered=answered, party=party, natural_key=f"{len(batch)}|{at}|{src}",
                          start=at, disposition="ANSWERED" if answered else "NO ANSWER",
                          dst_national=dst))  # fmt: skip

    made, i = 0, 0
    while made < rows:
        at = start + timedelta(seconds=int(i * step))
        i += 1
        number = rng.choice(pool)
        answered = rng.random() > 0.2  # one inbound call in five is not answered
        add(at, number, "71740000", "inbound", answered, "+216" + number, rng.randint(1, 3))
        made += 1
        roll = rng.random()
        if not answered and roll < 0.85 and made < rows:  # most callers are reached
            later = at + timedelta(minutes=rng.randint(10, 600))
            if roll < 0.7:  # an agent calls back, with the trunk prefix
                add(later, "201", "0" + number, "outgoing", True, "+216" + number, None)
            else:  # the caller tries again and gets through
                add(later, number, "71740000", "inbound", True, "+216" + number, 1)
            made += 1
        if len(batch) >= 5000:
            with db.write() as s:
                s.execute(insert(CallRecord), batch)
            batch = []
    if batch:
        with db.write() as s:
            s.execute(insert(CallRecord), batch)
    db.dispose()


def timed(fn: Callable[[], Any], runs: int = 5) -> tuple[float, float, Any]:
    fn()  # warm-up: the first read fills SQLite's page cache
    walls, cpus, result = [], [], None
    for _ in range(runs):
        w, c = time.perf_counter(), time.process_time()
        result = fn()
        walls.append(time.perf_counter() - w)
        cpus.append(time.process_time() - c)
    return statistics.median(walls) * 1000, statistics.median(cpus) * 1000, result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=int(os.environ.get("ISTIQBAL_BENCH_ROWS",
                                                                        250_000)))  # fmt: skip
    parser.add_argument("--db", default="/tmp/callbacks-bench.sqlite")
    parser.add_argument("--reuse", action="store_true")
    args = parser.parse_args()
    path = Path(args.db)
    if not (args.reuse and path.exists()):
        path.unlink(missing_ok=True)
        t = time.perf_counter()
        build(path, args.rows)
        print(f"built {args.rows} call records in {time.perf_counter() - t:.1f} s")
    db = open_database(resolve_database(str(path)))
    actor = system_actor()
    from PySide6.QtWidgets import QApplication

    from desktop_app.ui.models.callers_table_model import CallersTableModel

    app = QApplication.instance() or QApplication([])
    model = CallersTableModel()

    def shown() -> int:
        model.set_rows(callbacks.callers(db, actor))
        return model.rowCount()

    day = datetime(2026, 12, 30).date()
    for name, fn in (
        ("whole list", lambda: len(callbacks.callers(db, actor))),
        ("one day", lambda: len(callbacks.callers(db, actor, day=day))),
        ("one line", lambda: len(callbacks.callers(db, actor, line_id=2))),
        ("whole list in the table model", shown),
    ):
        wall, cpu, n = timed(fn)
        print(f"{name:32s} {wall:7.1f} ms wall {cpu:7.1f} ms CPU  {n} callers")
    del app
    db.dispose()


if __name__ == "__main__":
    main()
