"""The SQLite file: private mode, pragmas, up-front write locks, UTC times, no network shares."""

from __future__ import annotations

import stat
import sys
import threading
import time
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import select, text

from desktop_app.config import DatabaseLocation
from desktop_app.data.db import Database, is_network_path
from desktop_app.data.models import Setting
from desktop_app.data.types import UtcDateTime


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
def test_database_file_is_readable_by_its_owner_only(db: Database, location: DatabaseLocation):
    assert location.path is not None
    assert stat.S_IMODE(location.path.stat().st_mode) == 0o600


def test_every_connection_enforces_foreign_keys_wal_and_a_busy_timeout(db: Database) -> None:
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000


def test_a_second_writer_waits_for_the_first_instead_of_failing(db: Database) -> None:
    """BEGIN IMMEDIATE: read-then-write transactions queue, not 'database is locked'."""
    errors: list[BaseException] = []
    started = threading.Event()

    def slow_writer() -> None:
        try:
            with db.write() as s:
                s.add(Setting(key="a", value_json="1"))
                started.set()
                time.sleep(0.5)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    thread = threading.Thread(target=slow_writer)
    thread.start()
    started.wait(5)
    with db.write() as s:
        s.scalars(select(Setting)).all()  # read first, then write: the classic lock upgrade
        s.add(Setting(key="b", value_json="2"))
    thread.join()
    assert errors == []
    with db.read() as s:
        assert sorted(s.scalars(select(Setting.key))) == ["a", "b"]


def test_times_come_back_as_aware_utc_whatever_zone_went_in(db: Database) -> None:
    tunis = timezone(timedelta(hours=1))
    with db.engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE t (at DATETIME)")
    col = UtcDateTime()
    bound = col.process_bind_param(datetime(2026, 3, 1, 9, 0, tzinfo=tunis), db.engine.dialect)
    with db.engine.begin() as conn:
        conn.execute(text("INSERT INTO t VALUES (:at)"), {"at": bound})
        raw = conn.exec_driver_sql("SELECT at FROM t").scalar()
    back = col.process_result_value(raw, db.engine.dialect)
    assert back == datetime(2026, 3, 1, 8, 0, tzinfo=UTC)
    assert back is not None and back.tzinfo is not None


@pytest.mark.parametrize(
    "stored",
    ["2026-03-01 08:00:00.250000", "2026-03-01 08:00:00", "2026-03-01T09:00:00+01:00",
     "2026-03-01T08:00:00Z", "2026-03-01", None],
)  # fmt: skip
def test_sqlite_times_read_in_one_parse_equal_the_two_step_reading(stored: str | None) -> None:
    """Issue 7: the fast SQLite reader gives exactly what the DateTime impl then
    process_result_value give (aware, UTC, the same tzinfo), whatever the stored text."""
    from sqlalchemy.dialects import sqlite
    from sqlalchemy.types import TypeDecorator

    dialect = sqlite.dialect()
    impl = UtcDateTime().dialect_impl(dialect)
    fast = impl.result_processor(dialect, None)
    slow = TypeDecorator.result_processor(impl, dialect, None)
    assert fast is not None and slow is not None
    got, expected = fast(stored), slow(stored)
    assert got == expected
    if expected is not None:
        assert got.tzinfo is expected.tzinfo is UTC


def test_naive_datetimes_are_refused() -> None:
    from sqlalchemy.dialects import sqlite

    with pytest.raises(ValueError, match="naive"):
        UtcDateTime().process_bind_param(datetime(2026, 1, 1), sqlite.dialect())


MOUNTS = """/dev/vda / ext4 rw 0 0
server:/export /mnt/share nfs4 rw 0 0
//nas/office /media/office cifs rw 0 0
"""


@pytest.mark.parametrize(
    ("path", "network"),
    [("/home/u/istiqbal.sqlite", False), ("/mnt/share/istiqbal.sqlite", True),
     ("/media/office/x/istiqbal.sqlite", True), ("/mnt/shared.sqlite", False)],
)  # fmt: skip
@pytest.mark.skipif(sys.platform == "win32", reason="reads /proc/mounts")
def test_sqlite_files_on_network_shares_are_recognised(path: str, network: bool) -> None:
    assert is_network_path(Path(path), MOUNTS) is network
