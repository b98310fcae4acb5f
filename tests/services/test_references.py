"""Issue 16 point 3: request references never wrap or collide, whatever a register brought."""

from __future__ import annotations

import csv
import threading
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select

from desktop_app.data.db import Database
from desktop_app.data.models import CitizenRequest, ReferenceCounter
from desktop_app.exchange.requests_file import import_register
from desktop_app.services import requests
from desktop_app.services.permissions import Actor

NOW = datetime(2026, 6, 1, 12, tzinfo=UTC)
HEADER = ["reference", "received_at", "channel", "type", "citizen", "subject"]


def _register(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(HEADER)
        writer.writerows(rows)
    return path


def _new(db: Database, admin: Actor, subject: str) -> str:
    when = datetime(2026, 5, 1, 9, tzinfo=UTC)
    row = requests.create_request(
        db, admin, channel="email", type="request", subject=subject, received_at=when, now=NOW
    )
    return row.reference


def test_c2_3_an_imported_2026_999999_does_not_block_new_requests(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    """The defect: 2026-1000000, then an IntegrityError on every new request of the year."""
    path = _register(tmp_path / "r.csv", [["2026-999999", "2026-02-03 14:20", "email", "request",
                                            "Amel", "Imported from the old register"]])  # fmt: skip
    assert import_register(db, admin, path, now=NOW).imported == 1
    made = [_new(db, admin, f"new {i}") for i in range(3)]
    assert made == ["2026-1000000", "2026-1000001", "2026-1000002"]
    with db.read() as s:
        refs = list(s.scalars(select(CitizenRequest.reference)))
    assert len(refs) == len(set(refs)) == 4


def test_c2_3_generated_references_follow_imported_ones_and_reimport_adds_nothing(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    assert _new(db, admin, "first") == "2026-000001"
    path = _register(tmp_path / "r.csv", [
        ["2026-000120", "2026-02-03 14:20", "email", "request", "A", "one"],
        ["", "2026-02-04 10:00", "phone", "inquiry", "B", "two"],
    ])  # fmt: skip
    result = import_register(db, admin, path, now=NOW)
    assert result.imported == 2
    assert _new(db, admin, "after") == "2026-000122"  # the blank row took 000121
    again = import_register(db, admin, path, now=NOW)
    assert again.imported == 0 and again.skipped_duplicates == 2
    assert _new(db, admin, "later") == "2026-000123"


def test_c2_3_a_counter_is_never_moved_backwards_by_a_lower_imported_reference(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    for i in range(3):
        _new(db, admin, f"n{i}")
    path = _register(tmp_path / "r.csv", [["2026-000002x", "2026-02-03 14:20", "email",
                                            "request", "A", "odd"],
                                           ["2025-000001", "2025-02-03 14:20", "email",
                                            "request", "A", "older year"]])  # fmt: skip
    assert import_register(db, admin, path, now=NOW).imported == 2
    assert _new(db, admin, "next") == "2026-000004"
    with db.read() as s:
        years = {c.year: c.last_number for c in s.scalars(select(ReferenceCounter))}
    assert years == {2025: 1, 2026: 4}


def test_c2_3_concurrent_writers_never_get_the_same_reference(db: Database, admin: Actor) -> None:
    made: list[str] = []
    errors: list[BaseException] = []
    lock = threading.Lock()

    def writer(k: int) -> None:
        try:
            for i in range(8):
                ref = _new(db, admin, f"w{k}-{i}")
                with lock:
                    made.append(ref)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert sorted(made) == [f"2026-{n:06d}" for n in range(1, 33)]
