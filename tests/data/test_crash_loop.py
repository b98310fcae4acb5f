"""Issue 16: kill -9 an import and an upgrade at random moments; the file stays sound and each
operation is all-or-nothing (row count 0 or N, revision old or head, never in between)."""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop_app.config import resolve_database
from desktop_app.data.schema import head_revision
from desktop_app.services.database import open_database

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="kill -9 (SIGKILL) is POSIX"),
]
RUNS = 10
ROWS = 3000
STORED_OLD = Path(__file__).parent / "rev_0001_foundation.sqlite"


def _start(args: list[str]) -> subprocess.Popen[bytes]:
    env = {**os.environ, "ISTIQBAL_LANG": "en"}
    return subprocess.Popen([sys.executable, *args], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)  # fmt: skip


def _run_seconds(args: list[str], expected: int = 0) -> float:
    started = time.monotonic()
    proc = _start(args)
    assert proc.wait(timeout=120) == expected
    return time.monotonic() - started


def _kill_at(args: list[str], moment: float) -> None:
    proc = _start(args)
    try:
        proc.wait(timeout=moment)  # it may finish first: then there is nothing to kill
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)


def _sound(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    return conn


def _register(path: Path) -> Path:
    lines = ["reference,received_at,channel,type,citizen,subject"]
    lines += [f",2026-03-{1 + i % 28:02d} 09:{i % 60:02d},email,request,Citizen {i},Subject {i}"
              for i in range(ROWS)]  # fmt: skip
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_issue16_an_import_killed_at_random_moments_is_all_or_nothing(tmp_path: Path) -> None:
    template = tmp_path / "template.sqlite"
    open_database(resolve_database(str(template))).dispose()
    register = _register(tmp_path / "register.csv")
    db = tmp_path / "db.sqlite"

    def args() -> list[str]:
        return ["-m", "desktop_app", "--db", str(db), "requests", "import", str(register)]

    shutil.copyfile(template, db)
    # Kill moments fall between the end of start-up (measured with a missing file) and the end.
    missing = ["-m", "desktop_app", "--db", str(db), "requests", "import", str(tmp_path / "no")]
    ready = _run_seconds(missing, expected=1)
    full = _run_seconds(args())
    with _sound(db) as conn:
        assert conn.execute("SELECT count(*) FROM requests").fetchone()[0] == ROWS
    rng = random.Random(16)
    counts = []
    for _ in range(RUNS):
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        shutil.copyfile(template, db)
        _kill_at(args(), rng.uniform(ready * 0.9, full))
        conn = _sound(db)
        try:
            counts.append(conn.execute("SELECT count(*) FROM requests").fetchone()[0])
            assert conn.execute("SELECT count(*) FROM requests_fts").fetchone()[0] == counts[-1]
        finally:
            conn.close()
    print(f"import: ready {ready:.2f} s, full {full:.2f} s, counts {counts}")
    assert set(counts) <= {0, ROWS}, counts


def test_issue16_an_upgrade_killed_at_random_moments_is_all_or_nothing(tmp_path: Path) -> None:
    db = tmp_path / "old.sqlite"
    code = "import sys; from desktop_app.config import resolve_database; " \
        "from desktop_app.services.database import open_database; " \
        "open_database(resolve_database(sys.argv[1])).dispose()"  # fmt: skip
    args = ["-c", code, str(db)]
    with sqlite3.connect(STORED_OLD) as conn:
        old_revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        users = conn.execute("SELECT count(*) FROM users").fetchone()[0]
    ready = _run_seconds(["-c", code.split("; open_database")[0]])  # start-up alone
    shutil.copyfile(STORED_OLD, db)
    full = _run_seconds(args)
    rng = random.Random(1600)
    seen = set()
    for _ in range(RUNS):
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        shutil.rmtree(tmp_path / "backups", ignore_errors=True)
        shutil.copyfile(STORED_OLD, db)
        _kill_at(args, rng.uniform(ready * 0.9, full))
        with _sound(db) as conn:
            revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
            assert conn.execute("SELECT count(*) FROM users").fetchone()[0] == users
        assert revision in (old_revision, head_revision())
        seen.add(revision)
        reopened = open_database(resolve_database(str(db)))  # a killed upgrade is made again
        reopened.dispose()
        with _sound(db) as conn:
            assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == (
                head_revision()
            )
    print(f"upgrade: ready {ready:.2f} s, full {full:.2f} s, revisions {sorted(seen)}")
    assert seen, "no run was checked"
