"""Issue 16 point 5: readers never wait for a writer; a writer kept waiting gets one sentence."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from desktop_app.cli import main
from desktop_app.config import DatabaseLocation
from desktop_app.data import db as db_module
from desktop_app.data.db import Database
from desktop_app.data.models import Setting
from desktop_app.services import requests
from desktop_app.services.database import open_database
from desktop_app.services.permissions import Actor


@contextmanager
def write_lock_held(path: Path, seconds: float) -> Iterator[None]:
    """Another program holds a write transaction open (a long import) for `seconds`."""
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    conn.execute("BEGIN IMMEDIATE")
    conn.execute(
        "INSERT INTO settings (key, value_json, updated_at) "
        "VALUES ('long_import', '1', '2026-01-01 00:00:00')"
    )
    released = threading.Event()

    def release() -> None:
        released.wait(seconds)
        conn.execute("ROLLBACK")
        conn.close()

    thread = threading.Thread(target=release)
    thread.start()
    try:
        yield
    finally:
        released.set()
        thread.join()


def test_issue16_opening_and_reading_do_not_wait_for_a_writer(
    db: Database, location: DatabaseLocation, admin: Actor, tmp_path: Path
) -> None:
    requests.create_request(db, admin, channel="email", type="request", subject="visible")
    assert location.path is not None
    with write_lock_held(location.path, 8):
        started = time.monotonic()
        second = open_database(location)  # what every CLI command and the window do first
        try:
            rows = requests.list_page(second, admin, requests.RequestFilter(), limit=10)
        finally:
            second.dispose()
        assert main(["--db", str(location.path), "lines", "export", str(tmp_path / "l.xlsx")]) == 0
        elapsed = time.monotonic() - started
    assert [r.subject for r in rows] == ["visible"]
    assert elapsed < 4, f"the reads waited {elapsed:.1f} s for the writer"


def test_issue16_a_writer_kept_waiting_past_its_bound_gets_one_sentence(
    db: Database, location: DatabaseLocation, admin: Actor, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    assert location.path is not None
    monkeypatch.setattr(db_module, "LONG_WRITE_WAIT_S", 0.5)  # instead of two minutes
    csv = location.path.parent / "lines.csv"
    csv.write_text("number,kind,label\n71 563 500,switchboard,Standard\n", encoding="utf-8")
    with write_lock_held(location.path, 8):
        code = main(["--db", str(location.path), "lines", "import", str(csv)])
    err = capsys.readouterr().err
    assert code == 1
    assert err.strip().splitlines() == [
        f"The database {location.path} is busy with another long task (an import, an upgrade); "
        "nothing was changed: try again when it ends."
    ]


HOLDER = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
conn.execute("INSERT INTO settings (key, value_json, updated_at) "
             "VALUES ('long_import', '1', '2026-01-01 00:00:00')")
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
conn.execute("COMMIT")
"""


def test_issue16_5_an_import_waits_for_another_process_then_imports_saying_so_once(
    db: Database, location: DatabaseLocation, capsys: pytest.CaptureFixture[str]
) -> None:
    """Another program's long import holds the lock 3 s: `lines import` waits (two minutes at
    most), says so on one stderr line, then imports everything, instead of failing."""
    assert location.path is not None
    csv = location.path.parent / "lines.csv"
    csv.write_text("number,kind,label\n71 563 500,switchboard,Standard\n", encoding="utf-8")
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(location.path), "3"], stdout=subprocess.PIPE, text=True
    )
    with holder:  # closes its stdout
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        started = time.monotonic()
        code = main(["--db", str(location.path), "lines", "import", str(csv)])
        elapsed = time.monotonic() - started
        assert holder.wait(timeout=20) == 0
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert 2 <= elapsed < 8, elapsed
    assert captured.err.strip().splitlines() == [
        "Waiting for another task using the database (an import)…"
    ]
    assert "Imported 1" in captured.out
    with db.read() as s:
        assert s.get(Setting, "long_import") is not None  # the other program's work is kept
