"""The requests register at scale: 500 000 requests, paged model versus a naive load-everything one.

    uv run python benchmarks/requests_scale.py [--rows 500000] [--db /tmp/requests-scale.sqlite]
                                               [--reuse]

(or ISTIQBAL_BENCH_ROWS=100000 for a smaller run on a shared machine). Prints, for the real page
model (keyset pages, sort and filter in SQL) and for a naive model that loads the whole table into
Python in the same run: time to first rows shown, to sort on EVERY column of the register (first
page, then the next page by keyset), to filter by text and by deadline state, and peak Python
memory (tracemalloc) plus the process's peak RSS.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import insert, text  # noqa: E402

from desktop_app.config import resolve_database  # noqa: E402
from desktop_app.data.models import Agent, CitizenRequest  # noqa: E402
from desktop_app.services.database import open_database  # noqa: E402
from desktop_app.services.permissions import system_actor  # noqa: E402
from desktop_app.services.requests import RequestFilter  # noqa: E402

WORDS = [
    "éclairage",
    "permis",
    "رخصة",
    "eau",
    "بناء",
    "bruit",
    "voirie",
    "extrait",
    "naissance",
    "ordures",
    "طريق",
    "parking",
    "arbre",
    "fuite",
    "marché",
    "trottoir",
]
CHANNELS = ("email", "phone", "web", "fax", "letter", "in_person", "social")
TYPES = ("request", "complaint", "report", "inquiry", "suggestion")
CATEGORIES = (None, None, None, None, None, None, "disability", "elderly", "other")
FIRST = ("Sami", "Amel", "Olfa", "Karim", "Héla", "Nizar", "Rim", "Walid", "Ines", "Zied")
LAST = ("Trabelsi", "Ben Ali", "Gharbi", "Jebali", "Mansour", "Ayari")
AGENTS = 60


def build(db_path: Path, rows: int) -> Any:
    if db_path.exists():
        db_path.unlink()
    db = open_database(resolve_database(str(db_path)))
    rng = random.Random(7)
    now = datetime.now(UTC)
    start = now - timedelta(days=4 * 365)
    span = (now - start).total_seconds()
    table = CitizenRequest.__table__
    t = time.perf_counter()
    batch: list[dict[str, Any]] = []
    with db.write() as s:
        # Agents whose id order is not their name order, so sorting by name is really tested.
        names = [f"{rng.choice(FIRST)} {rng.choice(LAST)} {n}" for n in range(AGENTS)]
        s.execute(
            insert(Agent.__table__),
            [
                {
                    "name_fr": n,
                    "name_ar": n,
                    "unit": "",
                    "extension": "",
                    "notes": "",
                    "created_at": now,
                    "version": 1,
                }
                for n in names
            ],  # fmt: skip
        )
        for i in range(rows):
            received = start + timedelta(seconds=span * i / rows)
            answered = rng.random() < 0.97 or received < now - timedelta(days=10)
            first = received + timedelta(hours=rng.uniform(1, 70)) if answered else None
            batch.append(
                {
                    "reference": f"{received.year}-{i:06d}"[:11] + f"-{i}",
                    "received_at": received,
                    "channel": rng.choice(CHANNELS),
                    "type": rng.choice(TYPES),
                    "citizen": f"Citoyen {rng.randrange(50_000)}",
                    "contact": "",
                    "subject": " ".join(rng.sample(WORDS, 3)),
                    "body": " ".join(rng.sample(WORDS, 5)),
                    "category": rng.choice(CATEGORIES),
                    "agent_id": rng.randrange(1, AGENTS + 1) if rng.random() < 0.8 else None,
                    "status": "answered" if first else "new",
                    "deadline_at": received + timedelta(hours=48),
                    "first_response_at": first,
                    "first_response_kind": "answer" if first else None,
                    "closed_at": None,
                    "purged_at": None,
                    "created_at": received,
                    "version": 1,
                }
            )
            if len(batch) == 20_000:
                s.execute(insert(table), batch)
                batch = []
        if batch:
            s.execute(insert(table), batch)
    with db.engine.connect() as conn:
        conn.exec_driver_sql("ANALYZE")
    print(f"built {rows:,} requests in {time.perf_counter() - t:.1f} s")
    return db


def measure(label: str, fn: Callable[[], Any], repeat: int = 3) -> tuple[float, float]:
    """Median time of `repeat` untraced runs (the machine may be shared), then one run under
    tracemalloc for the peak Python memory (tracing slows Python, so it is not timed)."""
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    tracemalloc.start()
    fn()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return statistics.median(times), peak / 1e6


class NaiveModel:
    """What a register often starts as: every row in Python, sorted and filtered there."""

    def __init__(self, db: Any) -> None:
        self.db = db
        self.rows: list[Any] = []

    def load(self) -> None:
        with self.db.read() as s:
            self.rows = list(
                s.execute(
                    text(
                        "SELECT id, reference, received_at, channel, type, citizen, subject, body, "
                        "deadline_at, first_response_at FROM requests"
                    )
                )
            )

    def sort(self, index: int) -> None:
        self.rows.sort(key=lambda r: r[index])

    def filter_text(self, word: str) -> list[Any]:
        return [r for r in self.rows if word in r[6] or word in r[7] or word in r[5]]

    def filter_overdue(self, now: str) -> list[Any]:
        return [r for r in self.rows if r[9] is None and r[8] < now]


def main() -> int:
    parser = argparse.ArgumentParser()
    rows = int(os.environ.get("ISTIQBAL_BENCH_ROWS", "500000"))
    parser.add_argument("--rows", type=int, default=rows)
    parser.add_argument("--db", type=Path, default=Path("/tmp/requests-scale.sqlite"))
    parser.add_argument("--reuse", action="store_true", help="keep a database already built")
    args = parser.parse_args()
    if args.reuse and args.db.exists():
        db = open_database(resolve_database(str(args.db)))
    else:
        db = build(args.db, args.rows)

    from PySide6.QtCore import QModelIndex, Qt
    from PySide6.QtWidgets import QApplication, QTableView

    from desktop_app.config import resolve_database as _resolve
    from desktop_app.ui.models.requests_table_model import RequestsTableModel
    from desktop_app.ui.state import AppState

    app = QApplication.instance() or QApplication([])
    state = AppState(db, _resolve(str(args.db)), system_actor("bench"), "en")
    model = RequestsTableModel(state)
    view = QTableView()
    view.resize(1200, 700)
    view.setModel(model)
    view.show()

    def shown(fn: Callable[[], None]) -> Callable[[], None]:
        def run() -> None:
            fn()
            app.processEvents()

        return run

    results: dict[str, tuple[float, float]] = {}
    results["paged: first rows shown"] = measure("", shown(model.reload))
    from desktop_app.ui.models.requests_table_model import COLUMNS

    def sort_on(column: int) -> Callable[[], None]:
        def run() -> None:
            model.sort(column, Qt.SortOrder.AscendingOrder)
            model.fetchMore(QModelIndex())  # the next page: a keyset read after the first one

        return run

    for column, key in enumerate(COLUMNS):
        results[f"paged: sort by {key} (2 pages)"] = measure("", shown(sort_on(column)))

    # The same sorts in the service alone (no painting): the first page, and a page near the
    # end of the order (after the last row of the reverse order) — keyset pages cost the same.
    from desktop_app.services import requests as service

    actor = system_actor("bench")
    for key in COLUMNS:
        tail = service.list_page(db, actor, RequestFilter(), sort=key, descending=True, limit=300)

        def first(k: str = key) -> None:
            service.list_page(db, actor, RequestFilter(), sort=k, descending=False)

        def deep(k: str = key, after: Any = tail[-1]) -> None:
            service.list_page(db, actor, RequestFilter(), sort=k, descending=False, after=after)

        results[f"service: sort by {key}, first page"] = measure("", first)
        results[f"service: sort by {key}, page at the end"] = measure("", deep)

    def by_text() -> None:
        model.filter = RequestFilter(text="fuite")
        model.reload()

    def by_state() -> None:
        model.filter = RequestFilter(state="overdue")
        model.reload()

    results["paged: filter by text"] = measure("", shown(by_text))
    results["paged: filter by deadline state"] = measure("", shown(by_state))
    rss_paged = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    naive = NaiveModel(db)
    results["naive: load everything"] = measure("", naive.load, repeat=1)
    for key, index in (("subject", 6), ("received_at", 2), ("channel", 3), ("citizen", 5)):
        results[f"naive: sort by {key}"] = measure("", lambda i=index: naive.sort(i), repeat=1)
    results["naive: filter by text"] = measure("", lambda: naive.filter_text("fuite"))
    now = datetime.now(UTC).replace(tzinfo=None).isoformat(sep=" ")
    results["naive: filter by deadline state"] = measure("", lambda: naive.filter_overdue(now))
    rss_naive = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(f"\n{args.rows:,} requests, SQLite {args.db}")
    print(f"{'step':<44}{'time':>10}{'peak Python memory':>22}")
    for name, (seconds, mb) in results.items():
        print(f"{name:<44}{seconds * 1000:>8.0f} ms{mb:>19.1f} MB")
    print(
        f"process peak RSS after the paged model: {rss_paged:.0f} MB; "
        f"after the naive one: {rss_naive:.0f} MB"
    )
    view.close()
    db.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
